/**
 * Slack's mrkdwn, read into a tree the page renders with text nodes only (never innerHTML), so no
 * text a person or the app wrote can become markup. Pure: no DOM, testable anywhere.
 *
 * What it reads: *bold*, _italic_, ~strike~, `code`, ```preformatted```, "> " quotes, line
 * breaks, :emoji:, and Slack's <…> sequences (links, <@user>, <#channel>, <!here>). Text arrives
 * entity-encoded (&amp; &lt; &gt;) and is decoded after parsing, so an encoded "<" never opens one.
 */

export type Inline =
  | { t: 'text'; text: string }
  | { t: 'bold' | 'italic' | 'strike'; children: Inline[] }
  | { t: 'code'; text: string }
  | { t: 'link'; url: string; label: string }
  | { t: 'user'; id: string; label: string | null }
  | { t: 'channel'; id: string; label: string | null }
  | { t: 'broadcast'; label: string }
  | { t: 'emoji'; name: string; char: string }
  | { t: 'br' };

export type Paragraph = { t: 'p' | 'quote'; children: Inline[] } | { t: 'pre'; text: string };

/** The emoji the app writes, and a few people type; an unknown :name: stays text. */
export const EMOJI: Record<string, string> = {
  white_check_mark: '✅',
  x: '❌',
  thought_balloon: '💭',
  leftwards_arrow_with_hook: '↩️',
  no_entry: '⛔',
  file_cabinet: '🗄️',
  mag: '🔍',
  hourglass_flowing_sand: '⏳',
  robot_face: '🤖',
  clap: '👏',
  tada: '🎉',
  warning: '⚠️',
  memo: '📝',
  calendar: '📅',
  money_with_wings: '💸',
  chart_with_upwards_trend: '📈',
  bar_chart: '📊',
  bulb: '💡',
  thumbsup: '👍',
  '+1': '👍',
  eyes: '👀',
  rocket: '🚀',
  lock: '🔒',
  star: '⭐',
  fire: '🔥',
  heavy_check_mark: '✔️',
  arrows_counterclockwise: '🔄',
  stopwatch: '⏱️',
  moneybag: '💰',
  speech_balloon: '💬',
  information_source: 'ℹ️',
};

export function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

export function parseMrkdwn(text: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const fence = /```([\s\S]*?)```/g;
  let at = 0;
  for (let match = fence.exec(text); match; match = fence.exec(text)) {
    paragraphs.push(...linesOf(text.slice(at, match.index)));
    paragraphs.push({ t: 'pre', text: decodeEntities(match[1]!.replace(/^\n/, '')) });
    at = match.index + match[0].length;
  }
  paragraphs.push(...linesOf(text.slice(at)));
  return paragraphs;
}

/** Runs of lines: those starting with "> " (encoded "&gt; ") are a quote, the others a paragraph. */
function linesOf(text: string): Paragraph[] {
  if (text === '') return [];
  const out: Paragraph[] = [];
  let run: { quote: boolean; lines: string[] } | null = null;
  const flush = () => {
    if (run) out.push({ t: run.quote ? 'quote' : 'p', children: parseInline(run.lines.join('\n')) });
    run = null;
  };
  for (const line of text.split('\n')) {
    const quoted = /^&gt;\s?/.exec(line);
    const quote = quoted !== null;
    if (!run || run.quote !== quote) {
      flush();
      run = { quote, lines: [] };
    }
    run.lines.push(quote ? line.slice(quoted[0].length) : line);
  }
  flush();
  // A trailing newline makes an empty last paragraph; Slack shows nothing for it.
  return out.filter((p) => !(p.t === 'p' && p.children.length === 0));
}

/** One unit of inline text: a character, or something already read whole (a link, code, an emoji). */
type Unit = string | Inline;

const ATOMS = /<([^<>\n]+)>|`([^`\n]+)`|:([a-z0-9_+'-]+):/g;

export function parseInline(text: string): Inline[] {
  const units: Unit[] = [];
  let at = 0;
  for (let match = ATOMS.exec(text); match; match = ATOMS.exec(text)) {
    const [whole, angle, code, emoji] = match;
    const atom = angle !== undefined ? angleToken(angle) : code !== undefined ? codeOf(code) : emojiOf(emoji!);
    if (!atom) continue;
    units.push(...text.slice(at, match.index));
    units.push(atom);
    at = match.index + whole.length;
  }
  ATOMS.lastIndex = 0;
  units.push(...text.slice(at));
  return emphasis(units);
}

function codeOf(code: string): Inline {
  return { t: 'code', text: decodeEntities(code) };
}

function emojiOf(name: string): Inline | null {
  const char = EMOJI[name];
  return char ? { t: 'emoji', name, char } : null;
}

/** Slack's <…>: <@U1|name>, <#C1|name>, <!here>, <!subteam^S1|@team>, <!date^…|fallback>, <url|label>. */
function angleToken(inner: string): Inline {
  const bar = inner.indexOf('|');
  const target = bar === -1 ? inner : inner.slice(0, bar);
  const label = bar === -1 ? null : decodeEntities(inner.slice(bar + 1));
  if (target.startsWith('@')) return { t: 'user', id: target.slice(1), label };
  if (target.startsWith('#')) return { t: 'channel', id: target.slice(1), label };
  if (target.startsWith('!')) {
    const name = target.slice(1);
    if (name.startsWith('date^')) return { t: 'text', text: label ?? '' };
    if (name.startsWith('subteam^')) return { t: 'broadcast', label: label ?? '@team' };
    return { t: 'broadcast', label: `@${name}` };
  }
  const url = decodeEntities(target);
  return { t: 'link', url, label: label ?? url };
}

const MARKS: Record<string, 'bold' | 'italic' | 'strike'> = { '*': 'bold', _: 'italic', '~': 'strike' };

const isWordChar = (unit: Unit | undefined) => typeof unit === 'string' && /[\p{L}\p{N}]/u.test(unit);
const isSpace = (unit: Unit | undefined) => typeof unit === 'string' && /\s/.test(unit);

/**
 * *bold*, _italic_ and ~strike~: a mark opens where no letter or digit comes before it and no
 * space after, and closes where no space comes before it and no letter or digit after (so
 * snake_case_words stay as written). Marks nest; an unmatched mark is text.
 */
function emphasis(units: Unit[]): Inline[] {
  const out: Inline[] = [];
  let text = '';
  const flushText = () => {
    if (text) out.push(...textWithBreaks(text));
    text = '';
  };
  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!;
    if (typeof unit !== 'string') {
      flushText();
      out.push(unit);
      continue;
    }
    const kind = MARKS[unit];
    const close = kind && !isWordChar(units[i - 1]) && !isSpace(units[i + 1]) ? closing(units, i) : -1;
    if (kind && close > i + 1) {
      flushText();
      out.push({ t: kind, children: emphasis(units.slice(i + 1, close)) });
      i = close;
      continue;
    }
    text += unit;
  }
  flushText();
  return out;
}

function closing(units: Unit[], open: number): number {
  const mark = units[open];
  for (let j = open + 2; j < units.length; j++) {
    if (units[j] === '\n') return -1;
    if (units[j] === mark && !isSpace(units[j - 1]) && !isWordChar(units[j + 1])) return j;
  }
  return -1;
}

function textWithBreaks(text: string): Inline[] {
  const out: Inline[] = [];
  text.split('\n').forEach((line, index) => {
    if (index > 0) out.push({ t: 'br' });
    if (line) out.push({ t: 'text', text: decodeEntities(line) });
  });
  return out;
}
