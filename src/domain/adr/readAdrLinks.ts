import { decodeEntities } from '../markup.js';
import type { WrittenLink } from './adrDocument.js';
import type { ImportedAdr } from './readAdr.js';

export interface Supersession {
  /** `sourcePath` of the record replaced. */
  older: string;
  /** `sourcePath` of the record that replaces it. */
  newer: string;
}

/**
 * Turns the supersession links of a folder of ADRs into pairs of records. A link names a record
 * by its relative path, its file name (with or without `.md`), its number (`0003`, `ADR-3`, `#3`)
 * or its exact title; "A superseded by B" and "B supersedes A" are one pair. Links that name
 * nothing in the folder, or more than one record, are reported, not guessed.
 */
export function resolveAdrLinks(adrs: ImportedAdr[]): { supersessions: Supersession[]; warnings: string[] } {
  const index = buildIndex(adrs);
  const pairs = new Map<string, Supersession>();
  const warnings: string[] = [];
  const add = (from: ImportedAdr, target: string, direction: 'supersedes' | 'supersededBy'): void => {
    const found = resolveTarget(index, from.sourcePath, target);
    if (found.kind === 'none') {
      warnings.push(`${from.sourcePath}: "${target}" names no record in the folder; that supersession was not linked`);
      return;
    }
    if (found.kind === 'many') {
      warnings.push(
        `${from.sourcePath}: "${target}" could be ${found.paths.join(' or ')}; that supersession was not linked`,
      );
      return;
    }
    if (found.path === from.sourcePath) return;
    const pair =
      direction === 'supersededBy'
        ? { older: from.sourcePath, newer: found.path }
        : { older: found.path, newer: from.sourcePath };
    pairs.set(`${pair.older}\n${pair.newer}`, pair);
  };
  for (const adr of adrs) {
    for (const target of adr.links.supersededBy) add(adr, target, 'supersededBy');
    for (const target of adr.links.supersedes) add(adr, target, 'supersedes');
  }
  const supersessions = [...pairs.values()];
  for (const pair of supersessions) {
    if (pairs.has(`${pair.newer}\n${pair.older}`) && pair.older < pair.newer)
      warnings.push(`${pair.older} and ${pair.newer} each say they supersede the other`);
  }
  return { supersessions, warnings };
}

/** A typed link between two records of the folder: `from` amends (extends, clarifies, relates to) `to`. */
export interface TypedLinkPair {
  from: string;
  to: string;
  verb: WrittenLink['verb'];
}

/**
 * The typed links of a folder (amends, extends, clarifies, relates to) as pairs of records, each
 * once, whichever side wrote it. Targets are found as supersession targets are; the ones that name
 * nothing are reported.
 */
export function resolveTypedLinks(adrs: ImportedAdr[]): { pairs: TypedLinkPair[]; warnings: string[] } {
  const index = buildIndex(adrs);
  const pairs = new Map<string, TypedLinkPair>();
  const warnings: string[] = [];
  for (const adr of adrs) {
    for (const link of adr.links.typed) {
      const found = resolveTarget(index, adr.sourcePath, link.target);
      if (found.kind !== 'one') {
        if (/^[a-z][a-z0-9+.-]*:/i.test(link.target)) continue;
        warnings.push(
          `${adr.sourcePath}: "${link.target}" names ${found.kind === 'none' ? 'no record' : 'more than one record'} in the folder; that link was kept as text only`,
        );
        continue;
      }
      if (found.path === adr.sourcePath) continue;
      const [from, to] = link.direction === 'forward' ? [adr.sourcePath, found.path] : [found.path, adr.sourcePath];
      // "Relates to" reads the same from both sides: one pair, in path order.
      const [a, b] = link.verb === 'relates-to' && to < from ? [to, from] : [from, to];
      pairs.set(`${link.verb}\n${a}\n${b}`, { from: a, to: b, verb: link.verb });
    }
  }
  return { pairs: [...pairs.values()], warnings };
}

interface Index {
  /** Normalised path → `sourcePath` as given. */
  paths: Map<string, string>;
  byName: Map<string, string[]>;
  byNumber: Map<number, string[]>;
  byTitle: Map<string, string[]>;
}

function buildIndex(adrs: ImportedAdr[]): Index {
  const index: Index = { paths: new Map(), byName: new Map(), byNumber: new Map(), byTitle: new Map() };
  const push = <K>(map: Map<K, string[]>, key: K, path: string): void => {
    const list = map.get(key) ?? [];
    if (!list.includes(path)) list.push(path);
    map.set(key, list);
  };
  for (const adr of adrs) {
    const path = normalisePath(adr.sourcePath);
    index.paths.set(path, adr.sourcePath);
    const name = path.slice(path.lastIndexOf('/') + 1);
    push(index.byName, name.toLowerCase(), adr.sourcePath);
    push(index.byName, stripExtension(name).toLowerCase(), adr.sourcePath);
    if (adr.number !== null) push(index.byNumber, adr.number, adr.sourcePath);
    push(index.byTitle, titleKey(decodeEntities(adr.title)), adr.sourcePath);
  }
  return index;
}

type Found = { kind: 'one'; path: string } | { kind: 'many'; paths: string[] } | { kind: 'none' };

function resolveTarget(index: Index, from: string, written: string): Found {
  const target = written.trim();
  if (target === '' || /^[a-z][a-z0-9+.-]*:/i.test(target)) return { kind: 'none' };
  const bare = safeDecode(target.replace(/[?#].*$/, ''));
  const pick = (paths: string[] | undefined): Found | null =>
    !paths || paths.length === 0
      ? null
      : paths.length === 1
        ? { kind: 'one', path: paths[0]! }
        : { kind: 'many', paths };

  if (bare.includes('/') || /\.(md|markdown|mdx)$/i.test(bare)) {
    const dir = from.includes('/') ? from.slice(0, from.lastIndexOf('/')) : '';
    const joined = normalisePath(bare.startsWith('/') ? bare.slice(1) : dir === '' ? bare : `${dir}/${bare}`);
    for (const candidate of [joined, `${joined}.md`]) {
      const path = index.paths.get(candidate);
      if (path !== undefined) return { kind: 'one', path };
    }
    // A path from the repository root (`docs/adr/0003-x.md`) ends with the record's path in the folder.
    if (!joined.startsWith('../')) {
      const suffix = pick([...index.paths].filter(([p]) => joined.endsWith(`/${p}`)).map(([, given]) => given));
      if (suffix) return suffix;
    }
    if (bare.includes('/')) return { kind: 'none' };
  }
  const byName = pick(index.byName.get(bare.toLowerCase()));
  if (byName) return byName;
  const number = /^(?:adr[-\s#]*|#)?0*(\d{1,6})$/i.exec(target);
  if (number) {
    const byNumber = pick(index.byNumber.get(Number(number[1])));
    if (byNumber) return byNumber;
  }
  return pick(index.byTitle.get(titleKey(target))) ?? { kind: 'none' };
}

/** Titles compare without adr-tools' "5. " numbering, case or extra spaces. */
function titleKey(title: string): string {
  return title
    .replace(/^(?:adr[-\s]?#?\d+\s*[:.\-–—]?\s+|\d+\.\s+)/i, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

function normalisePath(path: string): string {
  const out: string[] = [];
  for (const part of path.replace(/\\/g, '/').split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..' && out.length > 0 && out[out.length - 1] !== '..') out.pop();
    else out.push(part);
  }
  return out.join('/');
}

function stripExtension(name: string): string {
  return name.replace(/\.(md|markdown|mdx)$/i, '');
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
