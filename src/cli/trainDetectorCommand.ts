import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import type { DetectorModel } from '../domain/relitigation/detector.js';
import { type TrainingLine, TARGET_PRECISION, trainDetector } from '../domain/relitigation/training/trainDetector.js';
import { decisionContentOfText } from '../domain/relitigation/training/decisionOfText.js';
import { DETECTOR_FILE, MODELS_DIR, readWordVectors, sha256, WORD_VECTORS_FILE } from '../detector/loadDetector.js';
import { parseJsonLines } from './jsonLines.js';
import { parseCommandArgs } from './parseCommandArgs.js';
import { checkFile, checkFolder } from './pathArgs.js';

const DEFAULT_DATA = new URL('../../test/fixtures/relitigation/relitigation-train.jsonl', import.meta.url);

const lineSchema = z.object({
  id: z.string(),
  area: z.string().min(1),
  decision: z.string().min(1),
  message: z.string(),
  label: z.enum(['relitigation', 'related_not_relitigation', 'unrelated']),
});

export async function trainDetectorCommand(args: string[]): Promise<number> {
  const { values } = parseCommandArgs(args, { data: { type: 'string' }, out: { type: 'string' } });
  // Checked first: training takes minutes, and a wrong --out would only show at the end.
  if (values.data !== undefined) await checkFile(values.data, 'the labelled lines to train on, --data');
  if (values.out !== undefined) await checkFolder(values.out, 'where to write the model, --out');
  const dataUrl = values.data ? pathToFileURL(values.data) : DEFAULT_DATA;
  const outDir = values.out ? pathToFileURL(`${values.out.replace(/\/$/, '')}/`) : MODELS_DIR;
  const text = readFileSync(dataUrl, 'utf8');
  const lines: TrainingLine[] = parseJsonLines(text, lineSchema, values.data ?? fileURLToPath(dataUrl));
  const { vectors, sha256: vectorsHash } = readWordVectors();
  const today = '2000-01-01';
  const result = trainDetector(
    lines,
    vectors,
    (decisionText, i) => {
      const content = decisionContentOfText(decisionText, 'U_TRAIN', today);
      return {
        id: `train-${i}`,
        ref: i + 1,
        title: content.title,
        rationale: content.rationale,
        context: content.context,
        alternatives: content.alternatives,
        aliases: [],
        tags: content.tags,
      };
    },
    (message) => console.error(message),
  );
  const body: Omit<DetectorModel, 'version'> = {
    wordVectors: { file: WORD_VECTORS_FILE, sha256: vectorsHash },
    trainedOn: {
      file: relative(fileURLToPath(new URL('../../', import.meta.url)), fileURLToPath(dataUrl)),
      sha256: sha256(text),
      lines: lines.length,
    },
    calibratedFor: TARGET_PRECISION,
    thresholds: result.parameters.thresholds,
    stance: { ...result.parameters.stance, weights: roundAll(result.parameters.stance.weights) },
    topic: {
      ...result.parameters.topic,
      bias: roundOne(result.parameters.topic.bias),
      weights: result.parameters.topic.weights.map(roundOne),
    },
  };
  body.stance.bias = roundOne(body.stance.bias);
  const json = JSON.stringify(body);
  const model: DetectorModel = { version: `rd-${sha256(json).slice(0, 12)}`, ...body };
  writeFileSync(new URL(DETECTOR_FILE, outDir), `${JSON.stringify(model)}\n`);
  console.error(`wrote ${fileURLToPath(new URL(DETECTOR_FILE, outDir))} (${model.version})`);
  console.log(JSON.stringify(result.crossValidation));
  return 0;
}

// Six decimals: enough for scores, and the file does not depend on the last bits of a float.
function roundOne(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function roundAll(weights: Record<string, number>): Record<string, number> {
  const rounded: Record<string, number> = {};
  for (const key of Object.keys(weights).sort((a, b) => Number(a) - Number(b))) {
    const value = roundOne(weights[key]!);
    if (value !== 0) rounded[key] = value;
  }
  return rounded;
}
