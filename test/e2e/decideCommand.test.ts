import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TestApp } from '../support/testApp.js';

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
    await app.slack.waitFor('chat.getPermalink');
  });

  it('finds the decision again with list and search', async () => {
    await app.command('Orders stay on Postgres instead of MongoDB because refunds need transactions #orders', { channel: 'C0ORD' });
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
    const stale = await app.command('We adopt a stale decision #forged', { timestamp: Math.floor(Date.now() / 1000) - 600 });
    expect(stale.status).toBe(401);
    const after = await app.command('list #forged');
    expect(JSON.stringify(after.body.blocks)).toContain('none found');
    expect(before.status).toBe(200);
  });
});
