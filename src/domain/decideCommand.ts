import { type DecisionStatus, isDecisionStatus, normaliseTags, parseRef, TAG_PATTERN } from './decision.js';
import { WATCH_SENSITIVITIES, type WatchSensitivity } from './relitigation/types.js';

/** What `/decide <text>` asks for. Sub-commands are single leading words; anything else is a decision. */
export type DecideCommand =
  | { kind: 'open_modal' }
  | { kind: 'help'; unknown?: string }
  | { kind: 'record'; text: string }
  | { kind: 'list'; tag: string | null; status: DecisionStatus | null }
  | { kind: 'search'; query: string }
  | { kind: 'show'; ref: number }
  | { kind: 'supersede'; ref: number; text: string }
  | { kind: 'watch'; sensitivity: WatchSensitivity | null }
  | { kind: 'llm'; optIn: boolean | null }
  | { kind: 'usage'; subcommand: 'list' | 'search' | 'show' | 'supersede' | 'watch' | 'llm'; given: string };

const SUBCOMMANDS = new Set(['help', 'list', 'search', 'show', 'supersede', 'watch', 'llm']);

export function parseDecideCommand(rawText: string): DecideCommand {
  const text = rawText.trim();
  if (text === '') return { kind: 'open_modal' };
  const [first = '', ...restWords] = text.split(/\s+/);
  const word = first.toLowerCase();
  const rest = text.slice(first.length).trim();

  if (!SUBCOMMANDS.has(word)) {
    // One word that is no sub-command is far more likely a typo ("/decide lsit") than a decision.
    if (restWords.length === 0) return { kind: 'help', unknown: first };
    return { kind: 'record', text };
  }

  switch (word) {
    case 'help':
      return { kind: 'help' };
    case 'list':
      return parseListArguments(rest);
    case 'search':
      return rest === '' ? { kind: 'usage', subcommand: 'search', given: rest } : { kind: 'search', query: rest };
    case 'watch': {
      if (rest === '') return { kind: 'watch', sensitivity: null };
      const level = rest.toLowerCase();
      return (WATCH_SENSITIVITIES as readonly string[]).includes(level)
        ? { kind: 'watch', sensitivity: level as WatchSensitivity }
        : { kind: 'usage', subcommand: 'watch', given: rest };
    }
    case 'llm': {
      const answer = rest.toLowerCase();
      if (answer === '') return { kind: 'llm', optIn: null };
      if (answer === 'on' || answer === 'off') return { kind: 'llm', optIn: answer === 'on' };
      return { kind: 'usage', subcommand: 'llm', given: rest };
    }
    case 'show': {
      const ref = parseRef(rest);
      return ref === null ? { kind: 'usage', subcommand: 'show', given: rest } : { kind: 'show', ref };
    }
    default: {
      const [refText = '', ...words] = rest.split(/\s+/);
      const ref = parseRef(refText);
      const newText = rest.slice(refText.length).trim();
      if (ref === null || words.length === 0 || newText === '')
        return { kind: 'usage', subcommand: 'supersede', given: rest };
      return { kind: 'supersede', ref, text: newText };
    }
  }
}

function parseListArguments(rest: string): DecideCommand {
  let tag: string | null = null;
  let status: DecisionStatus | null = null;
  for (const argument of rest.split(/\s+/).filter(Boolean)) {
    const lower = argument.toLowerCase();
    if (lower.startsWith('#') && TAG_PATTERN.test(lower.slice(1)) && tag === null) tag = normaliseTags([lower])[0]!;
    else if (isDecisionStatus(lower) && status === null) status = lower;
    else return { kind: 'usage', subcommand: 'list', given: rest };
  }
  return { kind: 'list', tag, status };
}
