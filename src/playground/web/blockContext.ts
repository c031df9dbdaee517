import type { Directory } from './richText.js';
import type { FormValue } from './types.js';

/** What Block Kit is drawn with: who and where mentions point at, where it is, and where its actions go. */

export interface ActionUse {
  blockId: string;
  actionId: string;
  value?: FormValue;
}

export interface BlockContext extends Directory {
  onAction: (use: ActionUse) => void;
  /** Where the message, modal or Home tab was opened from: conversations_select's default_to_current_conversation. */
  currentChannel: string | null;
}

export type Obj = Record<string, unknown>;

export const str = (value: unknown): string => (typeof value === 'string' ? value : '');
/** The text of a text object (plain_text or mrkdwn), or of nothing. */
export const textOf = (value: unknown): string => str((value as Obj | undefined)?.text);
