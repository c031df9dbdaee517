/**
 * Where the page is, kept in the address's hash so the back button and links work: a channel
 * (with a thread open, or a message to show), or the app's Home or Messages tab. The app's
 * permalinks point here too (the workspace URL is the page): #/archives/<channel>/p<ts>.
 */

export type Route =
  | { kind: 'channel'; channel: string; thread: string | null; focus: string | null }
  | { kind: 'app'; tab: 'home' | 'messages' };

const FIRST_CHANNEL = 'C0GENERAL';

/** Slack's permalinks write a ts without its dot: p1700000000000100 is 1700000000.000100. */
function tsOfPermalink(p: string): string | null {
  const digits = /^p(\d{7,})$/.exec(p)?.[1];
  return digits ? `${digits.slice(0, -6)}.${digits.slice(-6)}` : null;
}

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean);
  if (parts[0] === 'app') return { kind: 'app', tab: parts[1] === 'messages' ? 'messages' : 'home' };
  if (parts[0] === 'c' && parts[1])
    return { kind: 'channel', channel: parts[1], thread: parts[2] === 't' ? (parts[3] ?? null) : null, focus: null };
  if (parts[0] === 'archives' && parts[1]) {
    const ts = tsOfPermalink(parts[2] ?? '');
    const threadTs = new URLSearchParams(query).get('thread_ts');
    return { kind: 'channel', channel: parts[1], thread: threadTs, focus: ts };
  }
  return { kind: 'channel', channel: FIRST_CHANNEL, thread: null, focus: null };
}

export function formatRoute(route: Route): string {
  if (route.kind === 'app') return `#/app/${route.tab}`;
  return `#/c/${route.channel}${route.thread ? `/t/${route.thread}` : ''}`;
}
