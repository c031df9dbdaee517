import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The detector is learned, not written against its measuring sets: no five-word sequence of any
 * eval file's messages may appear anywhere in src/ (code, comments, lists). Words are compared
 * lower-cased, punctuation and markup ignored.
 */
const FIXTURES = new URL('../fixtures/relitigation/', import.meta.url);
const SRC = new URL('../../src/', import.meta.url).pathname;
const SEQUENCE = 5;

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function sequencesOf(words: string[]): string[] {
  const found: string[] = [];
  for (let i = 0; i + SEQUENCE <= words.length; i++) found.push(words.slice(i, i + SEQUENCE).join(' '));
  return found;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('eval wording guard', () => {
  it('finds no five-word sequence of any eval message in src/', () => {
    const evalFiles = readdirSync(FIXTURES).filter((f) => f.endsWith('.jsonl'));
    expect(evalFiles.length).toBeGreaterThanOrEqual(3);
    const messages = new Set<string>();
    for (const file of evalFiles) {
      for (const line of readFileSync(new URL(file, FIXTURES), 'utf8').split('\n')) {
        if (line.trim() === '') continue;
        for (const sequence of sequencesOf(wordsOf((JSON.parse(line) as { message: string }).message)))
          messages.add(sequence);
      }
    }
    const copied: string[] = [];
    for (const path of filesUnder(SRC)) {
      for (const sequence of new Set(sequencesOf(wordsOf(readFileSync(path, 'utf8'))))) {
        if (messages.has(sequence)) copied.push(`${path.slice(SRC.length)}: "${sequence}"`);
      }
    }
    expect(copied).toEqual([]);
  });
});
