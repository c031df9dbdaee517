import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { importAdrs } from '../../src/app/adr/importAdrs.js';
import { createAdrRepository } from '../../src/storage/adrRepository.js';
import { createRelitigationIndex } from '../../src/storage/relitigationIndex.js';
import { blockKitViolations } from '../support/blockKitLimits.js';
import { detector } from '../support/detector.js';
import { TEAM, TestApp } from '../support/testApp.js';
import { WAIT_MS } from '../support/patience.js';

const NOW = new Date('2026-11-22T10:00:00Z');

describe('/decide over signed HTTP', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ now: () => NOW });
  });
  afterAll(async () => {
    await app.stop();
  });
  beforeEach(() => app.slack.reset());

  it('records an inline decision, acks at once and posts the card in the channel', async () => {
    const response = await app.command(
      'We move billing to Stripe because invoicing eats 2 days a month #payments revisit in 6 months',
      { channel: 'C0PAY' },
    );
    expect(response.status).toBe(200);
    const [post] = await app.slack.waitFor('chat.postMessage');
    expect(post!.params.channel).toBe('C0PAY');
    expect(post!.params.text).toMatch(/^D-\d+ · We move billing to Stripe$/);
    const cardText = JSON.stringify(post!.params.blocks);
    expect(cardText).toContain('Invoicing eats 2 days a month');
    expect(cardText).toContain('#payments');
    expect(cardText).toContain('revisit 2027-05-22');
    expect(cardText).toContain('<@U0ANA>');
    const ref = /^D-(\d+)/.exec(post!.params.text)![1]!;
    // The card's link is built from the workspace URL that auth.test gave at start: no extra API call.
    const shown = await waitForCardLink(app, ref, 'C0PAY');
    expect(shown).toMatch(/https:\/\/acme\.slack\.com\/archives\/C0PAY\/p\d{16}/);
    expect(app.slack.callsOf('chat.getPermalink')).toHaveLength(0);
  });

  it('answers a decision naming dozens of people at once, and records one naming twenty', async () => {
    // A run of mentions that a word follows: a backtracking pattern over 40 of them never returned,
    // and held every workspace's requests meanwhile.
    const people = (n: number) => Array.from({ length: n }, (_, i) => `<@U${String(i).padStart(4, '0')}P>`);
    const tooMany = await app.command(`We pair on every migration ${people(40).join(' ')} weekly`, {
      channel: 'C0PAIR',
    });
    expect(tooMany.status).toBe(200);
    expect(JSON.stringify(tooMany.body)).toMatch(/deciders/i);
    const trailing = await app.command(`We pair on every release by ${people(20).join(', ')}`, { channel: 'C0PAIR' });
    expect(trailing.status).toBe(200);
    const [post] = await app.slack.waitFor('chat.postMessage');
    expect(post!.params.text).toMatch(/^D-\d+ · We pair on every release$/);
    expect(JSON.stringify(post!.params.blocks)).toContain('<@U0009P> and 10 others');
  });

  it('shows where every link on a card goes, and lets no control character reorder its text', async () => {
    const response = await app.command(
      'Log in through <https://evil.example/login|the official SSO page> \u202Egnp.exe\u202C from now on',
      { channel: 'C0SSO' },
    );
    expect(response.status).toBe(200);
    const [post] = await app.slack.waitFor('chat.postMessage');
    const card = JSON.stringify(post!.params.blocks) + String(post!.params.text);
    expect(card).toContain('the official SSO page (<https://evil.example/login>)');
    expect(card).not.toContain('|the official SSO page>');
    expect(card).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });

  it('shows an imported decision with twenty long-named deciders within Block Kit limits', async () => {
    const names = Array.from({ length: 20 }, (_, i) => `Member ${i} of the ${'Very Long Committee Name '.repeat(12)}`);
    await importAdrs({
      services: {
        adrs: createAdrRepository(app.database.db),
        relitigation: createRelitigationIndex(app.database.db),
        detector,
      },
      workspace: { workspaceId: TEAM, enterpriseId: null },
      channelId: 'C0ADR',
      channelPrivate: false,
      files: [
        {
          path: 'docs/adr/0001-committees.md',
          text: `---\nstatus: accepted\ndate: 2026-01-05\ndeciders: ${names.join(', ')}\n---\n# Committees decide\n\n## Context and Problem Statement\n\nMany people.\n\n## Discussion\n\n${'We argued at length. '.repeat(400)}\n`,
        },
      ],
      actor: 'ADR import',
    });
    const list = await app.command('list', { channel: 'C0ADR' });
    const ref = /D-(\d+)/.exec(JSON.stringify(list.body.blocks))![1]!;
    const shown = await app.command(`show D-${ref}`, { channel: 'C0ADR' });
    expect(shown.status).toBe(200);
    expect(JSON.stringify(shown.body.blocks)).toContain('Committees decide');
    expect(JSON.stringify(shown.body.blocks)).toContain(`show D-${ref} full`);
    expect(blockKitViolations(shown.body.blocks, 'message')).toEqual([]);

    // On request, the whole file: the section the log has no field for, in full, over several blocks.
    const full = await app.command(`show D-${ref} full`, { channel: 'C0ADR' });
    expect(full.status).toBe(200);
    const text = JSON.stringify(full.body.blocks);
    expect(text).toContain('*Discussion*');
    expect(text.split('argued').length - 1).toBe(400);
    expect(blockKitViolations(full.body.blocks, 'message')).toEqual([]);
  });

  it('reads a tag Slack escaped into a channel link as the tag it was typed as', async () => {
    // With should_escape, "#payments" arrives as a link whenever a channel of that name exists.
    await app.command('We invoice monthly because customers asked <#C0PAYMENTS|payments>', { channel: 'C0BILL' });
    const [post] = await app.slack.waitFor('chat.postMessage');
    expect(post!.params.text).toMatch(/^D-\d+ · We invoice monthly$/);
    expect(JSON.stringify(post!.params.blocks)).toContain('#payments');
    const list = await app.command('list <#C0PAYMENTS|payments>', { channel: 'C0BILL' });
    expect(JSON.stringify(list.body.blocks)).toContain('We invoice monthly');
  });

  it('finds the decision again with list and search', async () => {
    await app.command('Orders stay on Postgres instead of MongoDB because refunds need transactions #orders', {
      channel: 'C0ORD',
    });
    await app.slack.waitFor('chat.postMessage');

    const list = await app.command('list #orders', { channel: 'C0OTHER' });
    expect(JSON.stringify(list.body.blocks)).toContain('Orders stay on Postgres');

    const search = await app.command('search mongo', { channel: 'C0OTHER' });
    expect(search.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(search.body.blocks)).toContain('Orders stay on Postgres');

    const nothing = await app.command('search kubernetes', { channel: 'C0OTHER' });
    expect(JSON.stringify(nothing.body.blocks)).toContain('none found');
  });

  it('refuses a forged signature and stores nothing', async () => {
    const before = await app.command('list');
    const forged = await app.command('We adopt a forged decision #forged', { signature: 'v0=deadbeef' });
    expect(forged.status).toBe(401);
    const stale = await app.command('We adopt a stale decision #forged', {
      timestamp: Math.floor(Date.now() / 1000) - 600,
    });
    expect(stale.status).toBe(401);
    // Signed correctly, but dated ten minutes ahead: it could be replayed for the next quarter hour.
    const future = await app.command('We adopt a future decision #forged', {
      timestamp: Math.floor(Date.now() / 1000) + 600,
    });
    expect(future.status).toBe(401);
    const after = await app.command('list #forged');
    expect(JSON.stringify(after.body.blocks)).toContain('none found');
    expect(before.status).toBe(200);
  });
});

describe('/decide answers bad input and Slack failures in words', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ now: () => NOW });
  });
  afterAll(async () => {
    await app.stop();
  });
  beforeEach(() => app.slack.reset());

  it('answers help, an unknown word and a malformed sub-command without recording anything', async () => {
    const help = await app.command('help');
    expect(JSON.stringify(help.body.blocks)).toContain('/decide list');
    const unknown = await app.command('lsit');
    expect(JSON.stringify(unknown.body.blocks)).toContain("I don't know `lsit`");
    const show = await app.command('show');
    expect(show.body.text).toContain('/decide show D-14');
    const list = await app.command('list');
    expect(JSON.stringify(list.body.blocks)).toContain('none found');
    const llm = await app.command('llm on');
    expect(llm.body.text).toContain('No LLM endpoint is configured');
  });

  it('gives over-long text back with the reason', async () => {
    const text = `We decide ${'very '.repeat(700)}long things`;
    const response = await app.command(text);
    expect(response.body.response_type).toBe('ephemeral');
    expect(response.body.text).toContain('more than a decision card can hold');
    expect(response.body.text).toContain(text);
  });

  it('says when a revisit date cannot be read, and gives the text back', async () => {
    const response = await app.command('Freeze deploys on Fridays, revisit after the launch');
    expect(response.body.text).toContain("couldn't read the revisit date “after the launch”");
    expect(response.body.text).toContain('Freeze deploys on Fridays, revisit after the launch');
    expect(app.slack.callsOf('chat.postMessage')).toHaveLength(0);
  });

  it('never lets a recorded decision ping the channel', async () => {
    await app.command('We ping <!channel> and <!here> and <!subteam^S0DEVS|@devs> never again #etiquette');
    const [post] = await app.slack.waitFor('chat.postMessage');
    const posted = JSON.stringify(post!.params);
    expect(posted).not.toMatch(/<!(channel|here|everyone|subteam)/);
    expect(post!.params.link_names).toBeUndefined();
  });

  it('posts the card through the command when the bot is not in the channel, and says why', async () => {
    app.slack.failNext('chat.postMessage', { body: { ok: false, error: 'not_in_channel' } });
    const response = await app.command('We adopt Renovate for dependency updates #deps', { channel: 'C0NOTIN' });
    const replies = await waitForResponses(app, response.responseId, 2);
    expect(replies[0]!.params.response_type).toBe('in_channel');
    expect(JSON.stringify(replies[0]!.params.blocks)).toContain('We adopt Renovate');
    expect(replies[1]!.params.text).toContain("I'm not a member of this channel");
    const found = await app.command('search renovate', { channel: 'C0NOTIN' });
    expect(JSON.stringify(found.body.blocks)).toContain('We adopt Renovate');
  });

  it('keeps the record and tells the user when Slack rate-limits or fails the card', async () => {
    app.slack.failNext('chat.postMessage', {
      status: 429,
      headers: { 'retry-after': '0' },
      body: { ok: false, error: 'ratelimited' },
    });
    const limited = await app.command('We cap WIP at three per person #flow');
    const [told] = await waitForResponses(app, limited.responseId, 1);
    expect(told!.params.text).toMatch(/^Recorded D-\d+, but the card could not be posted\. Slack is rate-limiting me/);

    app.slack.failNext('chat.postMessage', { status: 503, body: { ok: false, error: 'service_unavailable' } });
    const failed = await app.command('We write ADRs for every new service #flow');
    const [told2] = await waitForResponses(app, failed.responseId, 1);
    expect(told2!.params.text).toContain('Slack returned an error or did not answer in time');

    const list = await app.command('list #flow');
    expect(list.body.blocks[0].text.text).toContain('of 2');
  });

  it('treats a channel whose privacy Slack will not tell as private', async () => {
    app.slack.failNext('conversations.info', { body: { ok: false, error: 'missing_scope' } });
    await app.command('We rotate the signing keys monthly #security', { channel: 'C0UNKNOWN' });
    await app.slack.waitFor('chat.postMessage');
    const elsewhere = await app.command('search signing keys', { channel: 'C0OTHER' });
    expect(JSON.stringify(elsewhere.body.blocks)).toContain('none found');
    const inside = await app.command('search signing keys', { channel: 'C0UNKNOWN' });
    expect(JSON.stringify(inside.body.blocks)).toContain('rotate the signing keys');
  });
});

describe('private channels, supersession and paging', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ now: () => NOW });
    app.slack.privateChannels.add('G0SECRET');
  });
  afterAll(async () => {
    await app.stop();
  });
  beforeEach(() => app.slack.reset());

  it("stops showing a channel's decisions elsewhere once Slack says it was made private", async () => {
    await app.command('We rebrand to Globex in spring #rebrand', { channel: 'C0BRAND' });
    await app.slack.waitFor('chat.postMessage');
    // Asked while it was public: the answer is remembered for a while.
    expect(JSON.stringify((await app.command('search globex', { channel: 'C0GENERAL' })).body)).toContain('Globex');

    app.slack.privateChannels.add('C0BRAND');
    const converted = await app.event({
      type: 'message',
      subtype: 'channel_convert_to_private',
      user: 'U0ANA',
      text: 'made this channel *private*. Now, it can only be viewed or joined by invitation.',
      channel: 'C0BRAND',
      channel_type: 'group',
      ts: '1764000000.000100',
      event_ts: '1764000000.000100',
    });
    expect(converted.status).toBe(200);
    await app.idle();
    await app.command('We rebrand the mobile app to Globex Go #rebrand', { channel: 'C0BRAND' });
    await app.slack.waitFor('chat.postMessage', 2);

    for (const text of ['search globex', 'list #rebrand']) {
      expect(JSON.stringify((await app.command(text, { channel: 'C0GENERAL' })).body)).not.toContain('Globex');
    }
    const inside = JSON.stringify((await app.command('search globex', { channel: 'C0BRAND' })).body);
    expect(inside).toContain('Globex Go');
    expect(inside).toContain('Globex in spring');
  });

  it('shows a private-channel decision only in that channel', async () => {
    await app.command('We acquire Initech in Q3 #mna', { channel: 'G0SECRET' });
    const [post] = await app.slack.waitFor('chat.postMessage');
    const ref = /^D-(\d+)/.exec(post!.params.text)![1];
    for (const text of ['search initech', 'list #mna', `show D-${ref}`]) {
      const outside = await app.command(text, { channel: 'C0GENERAL' });
      expect(JSON.stringify(outside.body)).not.toContain('Initech');
      const inside = await app.command(text, { channel: 'G0SECRET' });
      expect(JSON.stringify(inside.body)).toContain('Initech');
    }
    const supersedeFromOutside = await app.command(`supersede D-${ref} We do not acquire Initech`, {
      channel: 'C0GENERAL',
    });
    expect(supersedeFromOutside.body.text).toContain(`There is no D-${ref} that can be shown here`);
  });

  it('supersedes a decision only from its own channel, never from a private one it is visible in', async () => {
    app.slack.privateChannels.add('G0BACKROOM');
    await app.command('Releases go out on Tuesdays because support is staffed then', { channel: 'C0REL' });
    const [card] = await app.slack.waitFor('chat.postMessage');
    const ref = /^D-(\d+)/.exec(card!.params.text)![1]!;
    // Its card's place is stored just after posting; superseding updates the card from there.
    await waitForCardLink(app, ref, 'C0REL');
    app.slack.reset();
    for (const channel of ['G0BACKROOM', 'C0ELSEWHERE']) {
      const refused = await app.command(`supersede D-${ref} Releases go out whenever`, { channel });
      expect(refused.body.text).toContain(`was recorded in <#C0REL>: supersede it there`);
    }
    expect(app.slack.callsOf('chat.update')).toHaveLength(0);
    expect(JSON.stringify((await app.command(`show D-${ref}`, { channel: 'C0REL' })).body)).not.toContain('superseded');
    await app.command(`supersede D-${ref} Releases go out on Wednesdays because support moved`, { channel: 'C0REL' });
    const [next] = await app.slack.waitFor('chat.postMessage');
    expect(next!.params.channel).toBe('C0REL');
    // The old card is updated after the answer: waited for here, so it cannot land in the next test.
    const [update] = await app.slack.waitFor('chat.update');
    expect(update!.params.channel).toBe('C0REL');
  });

  it('supersedes a decision, links both ways, updates the old card and shows the history', async () => {
    await app.command('Deploys run from cron #deploy', { channel: 'C0OPS' });
    const [oldPost] = await app.slack.waitFor('chat.postMessage');
    const oldRef = Number(/^D-(\d+)/.exec(oldPost!.params.text)![1]);
    await waitForCardLink(app, String(oldRef), 'C0OPS');

    await app.command(`supersede D-${oldRef} Deploys run from the release queue because cron missed runs`, {
      channel: 'C0OPS',
      user: 'U0RAJ',
    });
    const posts = await app.slack.waitFor('chat.postMessage', 2);
    const newRef = Number(/^D-(\d+)/.exec(posts[1]!.params.text)![1]);
    expect(JSON.stringify(posts[1]!.params.blocks)).toContain(`Supersedes D-${oldRef}`);
    const [update] = await app.slack.waitFor('chat.update');
    expect(update!.params.channel).toBe('C0OPS');
    expect(JSON.stringify(update!.params.blocks)).toContain(`Superseded by *D-${newRef}*`);

    const show = await app.command(`show D-${oldRef}`, { channel: 'C0OPS' });
    const shown = JSON.stringify(show.body.blocks);
    expect(shown).toContain('Superseded');
    expect(shown).toContain(`Superseded by *D-${newRef}*`);
    expect(shown).toContain('<@U0RAJ> superseded it by D-');
    expect(shown).toContain('<@U0ANA> recorded it');

    const twice = await app.command(`supersede D-${oldRef} Something else entirely`, { channel: 'C0OPS' });
    expect(twice.body.text).toContain(`already superseded by D-${newRef}`);
    expect(twice.body.text).toContain('Something else entirely');
  });

  it('pages through long lists with Previous and Next', async () => {
    for (let i = 1; i <= 12; i++) await app.command(`We adopt paging rule number ${i} #paging`, { channel: 'C0PAGE' });
    const first = await app.command('list #paging', { channel: 'C0PAGE' });
    expect(first.body.blocks[0].text.text).toContain('1–10 of 12');
    const next = first.body.blocks.at(-1).elements.find((e: any) => e.text.text === 'Next');
    const responseUrlId = 'page-2';
    await app.interact({
      type: 'block_actions',
      team: { id: TEAM, domain: 'acme' },
      user: { id: 'U0ANA', username: 'ana', team_id: TEAM },
      api_app_id: 'A0APP',
      channel: { id: 'C0PAGE', name: 'paging' },
      container: { type: 'message', message_ts: '1', channel_id: 'C0PAGE', is_ephemeral: true },
      trigger_id: 'trigger-page',
      response_url: app.slack.responseUrl(responseUrlId),
      actions: [{ type: 'button', action_id: next.action_id, block_id: 'b', value: next.value, action_ts: '1' }],
    });
    const [page2] = await waitForResponses(app, responseUrlId, 1);
    expect(page2!.params.replace_original).toBe(true);
    expect(page2!.params.blocks[0].text.text).toContain('11–12 of 12');
  });
});

async function waitForResponses(app: TestApp, responseId: string, count: number) {
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    const found = app.responses(responseId);
    if (found.length >= count) return found;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`expected ${count} response_url posts, got ${app.responses(responseId).length}`);
}

/** The card's permalink is stored just after it is posted; `show` displays it once it is. */
async function waitForCardLink(app: TestApp, ref: string, channel: string): Promise<string> {
  const deadline = Date.now() + WAIT_MS;
  while (Date.now() < deadline) {
    const shown = JSON.stringify((await app.command(`show D-${ref}`, { channel })).body);
    if (shown.includes('/archives/')) return shown;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`D-${ref} never got its card link`);
}
