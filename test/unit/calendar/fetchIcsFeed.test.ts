import { readFileSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchIcsFeed } from '../../../src/calendar/fetchIcsFeed.js';

const ICS = readFileSync(new URL('../../fixtures/ics/google-alice.ics', import.meta.url), 'utf8');
// The test's calendar host is on loopback: allowed here, as an intranet deployment allows it.
const LIMITS = { timeoutMs: 2_000, maxBytes: 1_000_000, allowPrivateHosts: true };

// A real calendar host on loopback, one path per behaviour.
const routes: Record<string, (res: ServerResponse) => void> = {
  '/feed.ics': (res) => res.writeHead(200, { 'content-type': 'text/calendar; charset=utf-8' }).end(ICS),
  '/bom.ics': (res) => res.writeHead(200, { 'content-type': 'text/calendar' }).end(`\uFEFF${ICS}`),
  '/moved': (res) => res.writeHead(302, { location: '/feed.ics' }).end(),
  '/to-file': (res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end(),
  '/loop': (res) => res.writeHead(307, { location: '/loop' }).end(),
  '/missing': (res) => res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found'),
  '/broken': (res) => res.writeHead(503).end(),
  '/login': (res) =>
    res
      .writeHead(200, { 'content-type': 'text/html' })
      .end('<!DOCTYPE html><html><body><form>Sign in</form></body></html>'),
  '/hang': () => undefined,
  '/slow-body': (res) => {
    res.writeHead(200, { 'content-type': 'text/calendar' });
    res.write('BEGIN:VCALENDAR\r\n');
  },
  // No Content-Length: only counting the streamed bytes can stop this one.
  '/endless': (res) => {
    res.writeHead(200, { 'content-type': 'text/calendar' });
    const chunk = `BEGIN:VCALENDAR\r\n${'X-FILLER:0123456789abcdef0123456789abcdef\r\n'.repeat(400)}`;
    const timer = setInterval(() => res.write(chunk), 1);
    res.on('close', () => clearInterval(timer));
  },
  '/declared-huge': (res) => {
    res.writeHead(200, { 'content-type': 'text/calendar', 'content-length': String(50_000_000) });
    res.write('BEGIN:VCALENDAR\r\n');
  },
};

let server: Server;
let base: string;
const requests: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    (routes[req.url ?? ''] ?? routes['/missing']!)(res);
  });
  // Every interface: a name of this machine reaches it too, unless the fetch refuses to connect.
  await new Promise<void>((resolve) => server.listen(0, '0.0.0.0', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('fetchIcsFeed', () => {
  it('returns the body of a calendar served with 200', async () => {
    expect(await fetchIcsFeed(`${base}/feed.ics`, LIMITS)).toEqual({ ok: true, text: ICS });
  });

  it('follows redirects and drops a byte-order mark', async () => {
    expect(await fetchIcsFeed(`${base}/moved`, LIMITS)).toEqual({ ok: true, text: ICS });
    expect(await fetchIcsFeed(`${base}/bom.ics`, LIMITS)).toEqual({ ok: true, text: ICS });
  });

  it('reports an HTTP error with its status', async () => {
    expect(await fetchIcsFeed(`${base}/missing`, LIMITS)).toEqual({ ok: false, problem: 'http_error', status: 404 });
    expect(await fetchIcsFeed(`${base}/broken`, LIMITS)).toEqual({ ok: false, problem: 'http_error', status: 503 });
  });

  it('calls an HTML page served with 200 not a calendar', async () => {
    expect(await fetchIcsFeed(`${base}/login`, LIMITS)).toEqual({ ok: false, problem: 'not_a_calendar', status: 200 });
  });

  it('gives up on a server that never answers', async () => {
    expect(await fetchIcsFeed(`${base}/hang`, { ...LIMITS, timeoutMs: 300 })).toEqual({
      ok: false,
      problem: 'timeout',
    });
  });

  it('gives up on a body that stops halfway', async () => {
    expect(await fetchIcsFeed(`${base}/slow-body`, { ...LIMITS, timeoutMs: 300 })).toEqual({
      ok: false,
      problem: 'timeout',
    });
  });

  it('stops reading a streamed body once it passes maxBytes', async () => {
    expect(
      await fetchIcsFeed(`${base}/endless`, { timeoutMs: 5_000, maxBytes: 64 * 1024, allowPrivateHosts: true }),
    ).toEqual({
      ok: false,
      problem: 'too_large',
      status: 200,
    });
  });

  it('refuses a body whose declared length is over maxBytes without reading it', async () => {
    expect(
      await fetchIcsFeed(`${base}/declared-huge`, { timeoutMs: 5_000, maxBytes: 64 * 1024, allowPrivateHosts: true }),
    ).toEqual({
      ok: false,
      problem: 'too_large',
      status: 200,
    });
  });

  it('reports a refused connection as a network problem', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));

    expect(await fetchIcsFeed(`http://127.0.0.1:${port}/feed.ics`, LIMITS)).toEqual({ ok: false, problem: 'network' });
  });

  it.each(['ftp://127.0.0.1/feed.ics', 'not a url', 'https://user:pw@cal.example.com/a.ics'])(
    'refuses %j as invalid_url without fetching',
    async (url) => {
      expect(await fetchIcsFeed(url, LIMITS)).toEqual({ ok: false, problem: 'invalid_url' });
    },
  );

  it('checks every redirect as it checks the link itself, and stops a redirect loop', async () => {
    expect(await fetchIcsFeed(`${base}/to-file`, LIMITS)).toEqual({ ok: false, problem: 'network' });
    const before = requests.filter((r) => r === '/loop').length;
    expect(await fetchIcsFeed(`${base}/loop`, LIMITS)).toEqual({ ok: false, problem: 'network' });
    expect(requests.filter((r) => r === '/loop').length - before).toBe(6);
  });

  it('connects only to public addresses: a name resolving to this machine is refused, and nothing reaches it', async () => {
    const before = requests.length;
    const port = new URL(base).port;
    // This machine's own name resolves to loopback or a private address; the literal check alone let it through.
    const viaName = await fetchIcsFeed(`http://${hostname()}:${port}/feed.ics`, {
      ...LIMITS,
      allowPrivateHosts: false,
    });
    expect(viaName).toMatchObject({ ok: false });
    expect(['private_host', 'network']).toContain((viaName as { problem: string }).problem);
    expect(await fetchIcsFeed(`${base}/feed.ics`, { ...LIMITS, allowPrivateHosts: false })).toEqual({
      ok: false,
      problem: 'private_host',
    });
    expect(requests.length).toBe(before);
  });
});
