/**
 * Slack-encoded text → the words a reader sees, for matching. Stored decisions and incoming
 * messages are both mrkdwn-encoded: `&amp;` entities, `<@U…>` mentions, `<#C…|name>` channel links,
 * `<https://…|label>` links, `:emoji:` codes and backtick code.
 */

export interface PlainText {
  /** Markup removed, link labels kept, whitespace collapsed; case preserved (abbreviations need it). */
  text: string;
  /** Emoji names in order (`:clap:` → `clap`); they carry tone that the words may not. */
  emoji: string[];
  /** Whether code (inline or fenced) was present: pasted errors and commands are a sign of how-to or bug talk. */
  hadCode: boolean;
}

export interface PlainTextOptions {
  /**
   * Keep the text inside backticks instead of dropping it. Decisions name things in code spans
   * (`infra-live`, `@acme/ui`) that people later type bare; in messages, code is mostly pasted
   * errors and commands, which say nothing about whether a decision is reopened.
   */
  keepCode?: boolean;
}

const FENCED_CODE = /```[\s\S]*?```/g;
const INLINE_CODE = /`([^`\n]*)`/g;
const LABELLED_LINK = /<(?:https?|mailto|ftp):[^|>\s]*\|([^>]*)>/gi;
// Mentions, channel links, broadcasts, user groups and bare links: nothing a reader would call a word.
const OTHER_MARKUP = /<[@#!][^>]*>|<(?:https?|mailto|ftp):[^>]*>/gi;
// Emoji codes contain a letter (so times such as 10:00:00 are left alone), or are one of the few that do not.
const EMOJI = /:([a-z0-9_+'-]*[a-z][a-z0-9_+'-]*|\+1|-1|100|1234):/gi;

export function plainTextOf(slackText: string, options: PlainTextOptions = {}): PlainText {
  let hadCode = false;
  let text = slackText.replace(FENCED_CODE, (block) => {
    hadCode = true;
    return options.keepCode ? ` ${block.slice(3, -3)} ` : ' ';
  });
  text = text.replace(INLINE_CODE, (_m, code: string) => {
    hadCode = true;
    return options.keepCode ? ` ${code} ` : ' ';
  });
  text = text.replace(LABELLED_LINK, (_m, label: string) => ` ${label} `).replace(OTHER_MARKUP, ' ');
  const emoji: string[] = [];
  text = text.replace(EMOJI, (_m, name: string) => {
    emoji.push(name.toLowerCase());
    return ' ';
  });
  text = decodeEntities(text).replace(/\s+/g, ' ').trim();
  return { text, emoji, hadCode };
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
