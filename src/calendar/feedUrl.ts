import { BlockList, isIP } from 'node:net';

export type FeedUrlCheck = { ok: true; url: string } | { ok: false; problem: 'invalid_url' | 'private_host' };

/**
 * The feed URL a user typed into a slash command, normalised, or why it cannot be subscribed.
 * Slack wraps links in command text as `<url>` or `<url|label>` and escapes `&` as `&amp;`.
 * Hosts that are loopback, private or link-local by their literal name or address are refused
 * (the app fetches the URL from inside its own network: cloud metadata, admin ports);
 * `allowPrivateHosts` is for deployments whose calendar server is on the intranet.
 * A public name that resolves to a private address, or redirects to one, is caught when fetching
 * (publicOnlyAgent.ts, and fetchIcsFeed's check of every redirect).
 */
export function validateFeedUrl(text: string, options: { allowPrivateHosts?: boolean } = {}): FeedUrlCheck {
  const url = toFetchableUrl(unwrapSlackLink(text));
  if (url === null) return { ok: false, problem: 'invalid_url' };
  if (!options.allowPrivateHosts && isPrivateHost(url.hostname)) return { ok: false, problem: 'private_host' };
  return { ok: true, url: url.toString() };
}

/**
 * An http(s) URL to fetch, or null. `webcal://` and `webcals://` (what calendar apps show for
 * subscriptions) are https. The scheme is rewritten as text: WHATWG URL refuses to turn a
 * non-special scheme like webcal: into https: through `url.protocol`.
 */
export function toFetchableUrl(text: string): URL | null {
  const rewritten = text.trim().replace(/^webcals?:\/\//i, 'https://');
  if (!URL.canParse(rewritten)) return null;
  const url = new URL(rewritten);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // fetch() refuses URLs with credentials; better to say so when subscribing.
  if (url.hostname === '' || url.username !== '' || url.password !== '') return null;
  return url;
}

function unwrapSlackLink(text: string): string {
  const trimmed = text.trim();
  const inner = /^<([^>|]*)(?:\|[^>]*)?>$/.exec(trimmed)?.[1] ?? trimmed;
  return inner.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}

const PRIVATE_RANGES = (() => {
  const list = new BlockList();
  for (const [net, prefix] of [
    ['0.0.0.0', 8],
    ['10.0.0.0', 8],
    ['100.64.0.0', 10],
    ['127.0.0.0', 8],
    ['169.254.0.0', 16],
    ['172.16.0.0', 12],
    ['192.168.0.0', 16],
    ['224.0.0.0', 3],
  ] as const)
    list.addSubnet(net, prefix, 'ipv4');
  for (const [net, prefix] of [
    ['::', 127],
    ['fc00::', 7],
    ['fe80::', 10],
    ['ff00::', 8],
  ] as const) {
    list.addSubnet(net, prefix, 'ipv6');
  }
  return list;
})();

/** Whether an IP address (v4 or v6) is loopback, private, link-local, unique-local or otherwise not public. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  return family !== 0 && PRIVATE_RANGES.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

// URL has already folded odd IPv4 spellings (2130706433, 0x7f.1) into dotted quads and
// wrapped IPv6 in brackets. BlockList matches IPv4-mapped IPv6 (::ffff:7f00:1) against IPv4 rules.
function isPrivateHost(hostname: string): boolean {
  const host = hostname
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '')
    .toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || isPrivateAddress(host);
}
