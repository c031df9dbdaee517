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

// A link whose label hides where it goes: `<https://evil.example|the official SSO page>`.
const LABELLED_LINK = /<((?:https?|mailto|ftp):[^|>\s]*)\|([^>]*)>/gi;
// Controls that reorder how text is displayed (right-to-left overrides and isolates, marks).
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/**
 * Makes user text safe to show on the bot's cards: no broadcast (neutraliseBroadcasts), every link
 * shows its target beside its label, and no control character can reorder what is displayed.
 */
export function neutraliseUserMarkup(text: string): string {
  return neutraliseBroadcasts(text)
    .replace(BIDI_CONTROLS, '')
    .replace(LABELLED_LINK, (_m, url: string, label: string) =>
      sameAsUrl(label, url) ? `<${url}>` : `${label} (<${url}>)`,
    );
}

/** A label that only spells out its own URL ("acme.com" for https://acme.com/) hides nothing. */
function sameAsUrl(label: string, url: string): boolean {
  const bare = (text: string) =>
    text
      .trim()
      .toLowerCase()
      .replace(/^(?:https?:\/\/|mailto:|ftp:\/\/)/, '')
      .replace(/\/$/, '');
  return label.trim() === '' || bare(label) === bare(url);
}

// A channel link as Slack escapes a typed `#name` when a channel of that name exists.
const CHANNEL_LINK = /<#[CG][A-Z0-9]+\|([^>|]*)>/g;

/**
 * Slash command text arrives escaped (the manifest's should_escape): a typed `#payments` becomes
 * `<#C0123|payments>` whenever such a channel exists. In `/decide` text it was typed as a tag, so
 * it is read as one again; a link without a name is left as it is.
 */
export function channelLinksAsTags(text: string): string {
  return text.replace(CHANNEL_LINK, (link, name: string) => (name.trim() === '' ? link : `#${name.trim()}`));
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
