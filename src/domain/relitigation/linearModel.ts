/** A logistic model's parameters, as the detector artefact stores them. */
export interface LinearModel {
  bias: number;
  weights: number[];
}

/** A logistic model over hashed features: only the buckets training touched are stored. */
export interface SparseLinearModel {
  bias: number;
  /** Number of hash buckets features are folded into. */
  buckets: number;
  /** Bucket → weight. */
  weights: Record<string, number>;
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

export function linearScore(model: LinearModel, features: number[]): number {
  let z = model.bias;
  for (let i = 0; i < features.length; i++) z += model.weights[i]! * features[i]!;
  return z;
}

export function sparseScore(model: SparseLinearModel, features: Map<number, number>): number {
  let z = model.bias;
  for (const [bucket, value] of features) z += (model.weights[bucket] ?? 0) * value;
  return z;
}
