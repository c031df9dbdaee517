import type { LinkVerb } from './adrVocabulary.js';

/**
 * What an imported ADR file was, beyond the decision's fields: every part of it in order, as
 * written, so an export writes the same record back. A part that fed a field is written as it was
 * while that field still holds what was read from it; once the field is edited in Slack, the
 * field's new text is written under the part's heading instead.
 */

/** The decision fields a part of a file can feed. */
export type DocumentField =
  | 'status'
  | 'date'
  | 'deciders'
  | 'tags'
  | 'context'
  | 'rationale'
  | 'alternatives'
  | 'consequences';

export interface DocumentPart {
  /**
   * The heading as written (plain text); null for the text between the title and the first
   * heading: its metadata lines (`- Status: …`, `Date: …`) are one such part, the rest another.
   */
  heading: string | null;
  /** 2 for `##`…; 0 for the text before the first heading. */
  level: number;
  /** The part's Markdown as written, without its heading line, trimmed. */
  text: string;
  /** The fields read from this part: it is written as it was only while all of them are unchanged. */
  fields: DocumentField[];
}

/** A typed link read from the file: a verb, which way it points, and the record it names as written. */
export interface WrittenLink {
  verb: LinkVerb;
  /** `forward`: this record amends the target; `reverse`: this record is amended by it. */
  direction: 'forward' | 'reverse';
  target: string;
}

/** A typed link once the target is a record of the log. */
export interface RecordLink {
  verb: LinkVerb;
  direction: 'forward' | 'reverse';
  ref: number;
}

export interface AdrDocument {
  /** The file's path inside the folder imported: an export writes the record back under it. */
  fileName: string;
  /** The record's own number (`0012-…`, `# 12.`), kept for file names and cross-references. */
  number: number | null;
  /** The title before numbering and boilerplate were taken off. */
  titleAsWritten: string;
  /** The status as written when it was read, and the status of the log it was read as. */
  statusAsWritten: string | null;
  statusReadAs: string | null;
  /** The date as written (`10/04/18`, `2017/11/22`), and the date it was read as. */
  dateAsWritten: string | null;
  dateReadAs: string | null;
  /** Front-matter keys the log has no field for (`id`, `description`, `consulted`…), as read. */
  frontMatter: Record<string, unknown>;
  parts: DocumentPart[];
  /** Each field as read from the file (stored form), to tell whether it was edited since. */
  readValues: {
    context: string;
    rationale: string;
    consequences: string;
    alternatives: string[];
    deciders: string[];
    tags: string[];
  };
  /** Links other than supersession, resolved to refs after the import (both ways). */
  links: RecordLink[];
  /** The record an export came from (`x-id`), so importing that export again updates it. */
  originId: string | null;
}
