import { type LinearModel, type SparseLinearModel, sigmoid } from '../linearModel.js';

/**
 * L2-regularised logistic regression, fitted by full-batch gradient descent with Adam for a fixed
 * number of steps from zero: no randomness, so the same data give the same model on any machine
 * (sums run in the same order).
 */
export interface FitOptions {
  steps: number;
  learningRate: number;
  l2: number;
}

export function fitDense(rows: number[][], labels: number[], options: FitOptions): LinearModel {
  const n = rows.length;
  const width = rows[0]?.length ?? 0;
  // One flat typed array: the same sums in the same order, several times faster than nested arrays.
  const packed = new Float64Array(n * width);
  for (let r = 0; r < n; r++) packed.set(rows[r]!, r * width);
  const params = new Float64Array(width + 1);
  const adam = new Adam(width + 1, options.learningRate);
  const grad = new Float64Array(width + 1);
  const total = labels.length;
  for (let step = 0; step < options.steps; step++) {
    grad.fill(0);
    for (let r = 0, at = 0; r < n; r++, at += width) {
      let z = params[width]!;
      for (let i = 0; i < width; i++) z += params[i]! * packed[at + i]!;
      const error = sigmoid(z) - labels[r]!;
      for (let i = 0; i < width; i++) grad[i]! += error * packed[at + i]!;
      grad[width]! += error;
    }
    for (let i = 0; i <= width; i++) grad[i] = grad[i]! / total + (i < width ? options.l2 * params[i]! : 0);
    adam.step(params, grad);
  }
  return { bias: params[width]!, weights: [...params.subarray(0, width)] };
}

/** Rows map feature index → value; only the features rows touch get (and keep) a weight. */
export function fitSparse(
  rows: Map<number, number>[],
  labels: number[],
  options: FitOptions,
): Omit<SparseLinearModel, 'buckets'> {
  const touched = [...new Set(rows.flatMap((r) => [...r.keys()]))].sort((a, b) => a - b);
  const buckets = (touched.at(-1) ?? -1) + 1;
  const params = new Float64Array(buckets + 1);
  const adam = new Adam(buckets + 1, options.learningRate);
  const grad = new Float64Array(buckets + 1);
  const total = labels.length;
  // The rows packed once, in each Map's own order (so the sums run as before): iterating Maps on
  // every step cost most of a training run.
  const starts = new Int32Array(rows.length + 1);
  for (let r = 0; r < rows.length; r++) starts[r + 1] = starts[r]! + rows[r]!.size;
  const indices = new Int32Array(starts[rows.length]!);
  const values = new Float64Array(starts[rows.length]!);
  let at = 0;
  for (const row of rows)
    for (const [i, v] of row) {
      indices[at] = i;
      values[at++] = v;
    }
  for (let step = 0; step < options.steps; step++) {
    grad.fill(0);
    for (let r = 0; r < rows.length; r++) {
      const end = starts[r + 1]!;
      let z = params[buckets]!;
      for (let k = starts[r]!; k < end; k++) z += params[indices[k]!]! * values[k]!;
      const error = sigmoid(z) - labels[r]!;
      for (let k = starts[r]!; k < end; k++) grad[indices[k]!]! += error * values[k]!;
      grad[buckets]! += error;
    }
    for (const i of touched) grad[i] = grad[i]! / total + options.l2 * params[i]!;
    grad[buckets] = grad[buckets]! / total;
    adam.step(params, grad, touched);
  }
  const weights: Record<string, number> = {};
  for (const i of touched) if (params[i] !== 0) weights[i] = params[i]!;
  return { bias: params[buckets]!, weights };
}

class Adam {
  private readonly m: Float64Array;
  private readonly v: Float64Array;
  private t = 0;
  constructor(
    size: number,
    private readonly rate: number,
  ) {
    this.m = new Float64Array(size);
    this.v = new Float64Array(size);
  }

  step(params: Float64Array, grad: Float64Array, only?: number[]): void {
    this.t += 1;
    const correct1 = 1 - 0.9 ** this.t;
    const correct2 = 1 - 0.999 ** this.t;
    const update = (i: number) => {
      this.m[i] = 0.9 * this.m[i]! + 0.1 * grad[i]!;
      this.v[i] = 0.999 * this.v[i]! + 0.001 * grad[i]! ** 2;
      params[i]! -= (this.rate * (this.m[i]! / correct1)) / (Math.sqrt(this.v[i]! / correct2) + 1e-8);
    };
    if (only) {
      for (const i of only) update(i);
      update(params.length - 1);
    } else for (let i = 0; i < params.length; i++) update(i);
  }
}
