import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRY_NEXT } from '../../src/playground/sampleTeam.js';
import { type RunningPlayground, startPlayground } from '../../src/playground/startPlayground.js';

/**
 * The playground's sample team and its suggestions, through the page's own API: what they promise
 * a newcomer (a warning to click on, another one to provoke, a private decision that stays private)
 * must hold with the committed detector.
 */
describe('the playground sample team', () => {
  let playground: RunningPlayground;
  const call = async (path: string, body: Record<string, unknown>) => {
    const response = await fetch(`${playground.url.replace('/playground', '')}/playground/api/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  };
  const warnings = () =>
    playground.workspace.messages.filter((m) => m.botId && m.threadTs && m.text.startsWith('This reopens'));

  beforeAll(async () => {
    playground = await startPlayground({ dataDir: null, port: 0, logLevel: 'silent' });
  }, 180_000);
  afterAll(async () => {
    await playground?.stop();
  });

  it('records its decisions and gets a warning in the thread of its reopening message', async () => {
    expect((await call('sample', { user: 'U0ANA' })).body).toEqual({ ok: true });
    const cards = playground.workspace.messages.filter((m) => m.botId && /^D-\d+ · /.test(m.text));
    expect(cards.map((m) => m.text.slice(0, 4))).toEqual(['D-1 ', 'D-2 ', 'D-3 ', 'D-4 ']);
    expect(warnings().map((m) => m.text)).toEqual([expect.stringContaining('D-1 · Billing moves to Stripe')]);
    const replies = playground.workspace.messages.filter((m) => m.threadTs === warnings()[0]!.threadTs && m.user);
    expect(replies).toHaveLength(2);
    expect((await call('sample', { user: 'U0ANA' })).body).toEqual({
      ok: false,
      problem: expect.stringContaining('already'),
    });
  }, 60_000);

  it('suggests a message that gets a warning of its own', async () => {
    const [reopening] = TRY_NEXT;
    await call('send', { user: 'U0ANA', channel: reopening!.channel, text: reopening!.text });
    await playground.idle();
    expect(warnings().at(-1)?.text).toContain('D-2 · The mobile app stays on React Native');
  });

  it("keeps the private channel's decision out of a public channel's search", async () => {
    const searches = TRY_NEXT.filter((t) => t.text === '/decide search contractors');
    expect(searches.map((s) => s.channel)).toEqual(['C0GENERAL', 'G0LEADS']);
    for (const { channel, text } of searches) await call('send', { user: 'U0ANA', channel, text });
    await playground.idle();
    const answerIn = (channel: string) =>
      playground.workspace.messages.findLast((m) => m.channel === channel && m.ephemeralTo === 'U0ANA');
    expect(JSON.stringify(answerIn('C0GENERAL'))).not.toContain('No new contractors');
    expect(JSON.stringify(answerIn('G0LEADS'))).toContain('No new contractors');
  });

  it('answers only its own page: another origin, another host or a form post is refused', async () => {
    const url = `${playground.url.replace('/playground', '')}/playground/api/send`;
    const body = JSON.stringify({ user: 'U0ANA', channel: 'C0GENERAL', text: 'hello' });
    const post = (headers: Record<string, string>) => fetch(url, { method: 'POST', headers, body });
    expect((await post({ 'content-type': 'application/json', origin: 'https://evil.example' })).status).toBe(403);
    // fetch sends the real Host whatever it is told; a DNS-rebinding page's request names its own.
    const rebound = await new Promise<number>((resolve, reject) => {
      const request = httpRequest(
        url,
        { method: 'POST', headers: { 'content-type': 'application/json', host: 'evil.example' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      request.on('error', reject);
      request.end(body);
    });
    expect(rebound).toBe(403);
    expect((await post({ 'content-type': 'text/plain' })).status).toBe(403);
    expect((await post({ 'content-type': 'application/json' })).status).toBe(200);
  });
});
