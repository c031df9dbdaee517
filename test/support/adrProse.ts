import { readFrontMatter } from '../../src/domain/adr/readMarkdown.js';

/**
 * The measure of an export: the prose of a record is its words outside headings, front
 * matter and HTML comments (what a reader of the rendered page reads as text); a word of it is
 * kept when the exported file's prose has it too, as often (front matter does not count, so a
 * value moved there from the text counts as lost). CJK text is cut into words by the ICU
 * segmenter, so a Chinese record counts as many words as it has.
 */
const SEGMENTER = new Intl.Segmenter('und', { granularity: 'word' });

function words(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const segment of SEGMENTER.segment(text.toLowerCase()))
    if (segment.isWordLike) counts.set(segment.segment, (counts.get(segment.segment) ?? 0) + 1);
  return counts;
}

export function proseOf(markdown: string): string {
  const body = readFrontMatter(markdown.replace(/\r\n?/g, '\n')).body.replace(/<!--[\s\S]*?(?:-->|$)/g, '');
  return body
    .split('\n')
    .filter((line) => !/^ {0,3}#{1,6}(?:\s|$)/.test(line))
    .join('\n');
}

/** Words of `original`'s prose, and how many of them `exported`'s prose has. */
export function proseKept(original: string, exported: string): { words: number; kept: number } {
  const before = words(proseOf(original));
  const after = words(proseOf(exported));
  let total = 0;
  let kept = 0;
  for (const [word, count] of before) {
    total += count;
    kept += Math.min(count, after.get(word) ?? 0);
  }
  return { words: total, kept };
}
