import type { LinearModel, SparseLinearModel } from './linearModel.js';
import type { WatchSensitivity } from './types.js';
import type { WordVectors } from './wordVectors.js';

/** Where a verdict becomes strong (a warning is posted) or weak (recorded for the digest only). */
export interface TierThresholds {
  strong: number;
  weak: number;
}

/**
 * The relitigation detector's learned parameters: the artefact `npm run cli -- train-detector`
 * writes to models/relitigation-detector.json. Every judgement and index row records `version`.
 */
export interface DetectorModel {
  version: string;
  /** The word-vector table it was trained with (models/), by content hash. */
  wordVectors: { file: string; sha256: string };
  /** The training file, by content hash. */
  trainedOn: { file: string; sha256: string; lines: number };
  stance: SparseLinearModel;
  /** Over TOPIC_FEATURES, in order. */
  topic: LinearModel & { features: string[] };
  /** Calibrated on cross-validation: the score a message's best reading needs, per channel sensitivity. */
  thresholds: Record<Exclude<WatchSensitivity, 'off'>, TierThresholds>;
  /** The precision each sensitivity's strong threshold was calibrated to, on cross-validation. */
  calibratedFor: Record<Exclude<WatchSensitivity, 'off'>, number>;
}

/** A loaded model with its word vectors: what judging needs. */
export interface Detector {
  model: DetectorModel;
  vectors: WordVectors;
}
