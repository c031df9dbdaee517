import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Detector, DetectorModel } from '../domain/relitigation/detector.js';
import { WordVectors } from '../domain/relitigation/wordVectors.js';
import { decodeWordVectors } from './wordVectorFile.js';

/** Where the committed artefacts live: models/ at the repository's root (also in the image). */
export const MODELS_DIR = new URL('../../models/', import.meta.url);
export const DETECTOR_FILE = 'relitigation-detector.json';
export const WORD_VECTORS_FILE = 'word-vectors.bin';

export function readWordVectors(dir: URL = MODELS_DIR): { vectors: WordVectors; sha256: string } {
  const file = readFileSync(new URL(WORD_VECTORS_FILE, dir));
  return { vectors: new WordVectors(decodeWordVectors(file)), sha256: sha256(file) };
}

let loaded: Detector | undefined;

/**
 * The relitigation detector the app runs, read once per process from models/. Refuses a model
 * trained with other word vectors than the table beside it: its scores would mean nothing.
 */
export function loadDetector(dir: URL = MODELS_DIR): Detector {
  if (loaded && dir === MODELS_DIR) return loaded;
  const model = JSON.parse(readFileSync(new URL(DETECTOR_FILE, dir), 'utf8')) as DetectorModel;
  const { vectors, sha256: tableHash } = readWordVectors(dir);
  if (model.wordVectors.sha256 !== tableHash) {
    throw new Error(
      `${DETECTOR_FILE} (${model.version}) was trained with other word vectors than ${WORD_VECTORS_FILE}; run npm run cli -- train-detector`,
    );
  }
  const detector = { model, vectors };
  if (dir === MODELS_DIR) loaded = detector;
  return detector;
}

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
