import { uniqueInOrder } from '../decision.js';
import type { WrittenLink } from './adrDocument.js';
import { LINK_VERBS } from './adrVocabulary.js';
import {
  type Heading,
  listItems,
  markdownLinks,
  type MarkdownLines,
  plainInline,
  sectionLines,
} from './readMarkdown.js';

/**
 * The links a record writes to others, as written: supersession both ways (in the status, a
 * `## Links` section or prose), and the typed verbs adr-tools writes (amends, extends, clarifies,
 * relates to). Which record each names is resolved for the whole folder in readAdrLinks.
 */

export interface AdrLinks {
  /** Records this one replaces, as written: a relative path, a file name, a number or a title. */
  supersedes: string[];
  /** Records that replace this one, as written. */
  supersededBy: string[];
  /** Amends, amended by, relates to, and the items of a `## Links` section. */
  other: string[];
  /** The links of `other` whose verb is known (amends, extends, clarifies, relates to), typed. */
  typed: WrittenLink[];
}

const SUPERSEDES_PHRASE =
  /^\s*(?:(?:this (?:adr|record|decision)\s+)?(?:in part\s+|partly\s+|partially\s+)?(?:supersedes|supercedes|replaces))\b/i;
const SUPERSEDED_PHRASE = /\b(?:super(?:s|c)ee?ded|replaced)\s+(?:in part\s+)?by\b/i;
/** Prose anywhere in the record: "superseded by [ADR #0033](0033-ip-ranges.md)", "in part supersedes [0003](…)". */
const PROSE_SUPERSESSION = /\b(super(?:s|c)ee?ded\s+(?:in part\s+)?by|super(?:s|c)edes)\s+(?:adr\s+)?(?=\[)/gi;

export function readLinks(doc: MarkdownLines, statusLines: string[], linksSection: Heading | undefined): AdrLinks {
  const links: AdrLinks = { supersedes: [], supersededBy: [], other: [], typed: [] };
  const classify = (line: string, otherwise: boolean): void => {
    const targets = markdownLinks(line).map((l) => l.url || l.label);
    const typed = typedLink(line);
    if (typed && typed.verb !== 'supersedes') {
      const written =
        targets.length > 0
          ? targets
          : plainTarget(
              line
                .trim()
                .replace(/^[-*+]\s+/, '')
                .slice(typed.phrase.length),
            );
      for (const target of written) links.typed.push({ verb: typed.verb, direction: typed.direction, target });
      links.other.push(...written);
    } else if (SUPERSEDED_PHRASE.test(line)) {
      const after = line.slice(line.search(SUPERSEDED_PHRASE)).replace(SUPERSEDED_PHRASE, '').trim();
      links.supersededBy.push(...(targets.length > 0 ? targets : plainTarget(after)));
    } else if (SUPERSEDES_PHRASE.test(line)) {
      links.supersedes.push(...(targets.length > 0 ? targets : plainTarget(line.replace(SUPERSEDES_PHRASE, ''))));
    } else if (otherwise) links.other.push(...targets);
  };
  for (const line of statusLines) classify(line, true);
  if (linksSection) {
    for (const item of listItems(sectionLines(doc, linksSection))) {
      const bare = /^<?((?:https?|mailto):[^>\s]+)>?$/.exec(item);
      if (bare) links.other.push(bare[1]!);
      else classify(item, true);
    }
  }
  doc.lines.forEach((line, i) => {
    if (doc.code[i]) return;
    for (const match of line.matchAll(PROSE_SUPERSESSION)) {
      const link = markdownLinks(line.slice(match.index + match[0].length))[0];
      if (!link) continue;
      (/by$/i.test(match[1]!) ? links.supersededBy : links.supersedes).push(link.url || link.label);
    }
  });
  return {
    supersedes: uniqueInOrder(links.supersedes),
    supersededBy: uniqueInOrder(links.supersededBy),
    other: uniqueInOrder(links.other.filter((l) => !links.supersedes.includes(l) && !links.supersededBy.includes(l))),
    typed: links.typed.filter(
      (link, i) =>
        links.typed.findIndex(
          (o) => o.verb === link.verb && o.direction === link.direction && o.target === link.target,
        ) === i,
    ),
  };
}

/** "Amended by [5. X](…)", "Relates to …": the link verb a line starts with, longest first. */
function typedLink(
  line: string,
): { verb: WrittenLink['verb']; direction: WrittenLink['direction']; phrase: string } | null {
  const lower = line
    .trim()
    .replace(/^[-*+]\s+/, '')
    .toLowerCase();
  let found: { verb: WrittenLink['verb']; direction: WrittenLink['direction']; phrase: string } | null = null;
  for (const { verb, forward, reverse } of LINK_VERBS) {
    for (const [direction, phrases] of [
      ['forward', forward],
      ['reverse', reverse],
    ] as const)
      for (const phrase of phrases)
        if (
          lower.startsWith(phrase) &&
          !/[\p{L}]/u.test(lower.charAt(phrase.length)) &&
          phrase.length > (found?.phrase.length ?? 0)
        )
          found = { verb, direction, phrase };
  }
  return found;
}

/** "superseded by ADR-0005." → `ADR-0005`: a target written without a link. */
function plainTarget(text: string): string[] {
  const target = plainInline(text)
    .replace(/^[:\s-]+/, '')
    .replace(/[.;,]+$/, '')
    .trim();
  return target === '' ? [] : [target];
}
