/**
 * Stored text is Slack mrkdwn-encoded: `&`, `<` and `>` are entities, and `<…>` sequences are
 * Slack's own markup (mentions, channels, links). These functions convert at the edges.
 */

/** Plain text typed into a modal → stored form. A `<!channel>` typed there stays inert text. */
export function encodePlainText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Stored form → plain text for a modal's initial value. Mention markup stays readable as `<@U…>`. */
export function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/**
 * Makes user text safe to post: broadcast mentions (`<!channel>`, `<!here>`, `<!everyone>`,
 * with or without a `|label`) and user-group mentions (`<!subteam^S…>`) become inert look-alikes.
 * A zero-width joiner after the `@` keeps even a client-side `link_names` from reviving them.
 */
export function neutraliseBroadcasts(text: string): string {
  return text
    .replace(/<!(channel|here|everyone|group)(?:\|[^>]*)?>/gi, (_m, word: string) => `@\u200D${word.toLowerCase()}`)
    .replace(/<!subteam\^[A-Z0-9]+(?:\|@?([^>]*))?>/gi, (_m, label: string | undefined) => `@\u200D${label ?? 'team'}`)
    .replace(/@(channel|here|everyone)\b/gi, (_m, word: string) => `@\u200D${word}`);
}

const USER_MENTION = /<@([UW][A-Z0-9]+)(?:\|[^>]*)?>/g;

/** User ids mentioned as `<@U…>` or `<@U…|name>`, in order of appearance. */
export function mentionedUserIds(text: string): string[] {
  return [...new Set([...text.matchAll(USER_MENTION)].map((m) => m[1]!))];
}

/** Cuts text to `max` characters on a word boundary, with an ellipsis, never inside `<…>` markup. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, Math.max(0, max - 1));
  const openMarkup = cut.lastIndexOf('<');
  if (openMarkup > cut.lastIndexOf('>')) cut = cut.slice(0, openMarkup);
  const openEntity = cut.lastIndexOf('&');
  if (openEntity > cut.lastIndexOf(';') && cut.length - openEntity < 6) cut = cut.slice(0, openEntity);
  const space = cut.lastIndexOf(' ');
  if (space > max * 0.6) cut = cut.slice(0, space);
  return `${cut.trimEnd()}…`;
}
