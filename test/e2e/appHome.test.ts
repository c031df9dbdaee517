import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TEAM, TestApp } from '../support/testApp.js';

describe('App Home', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await TestApp.start({ now: () => new Date('2026-11-22T10:00:00Z') });
    app.slack.privateChannels.add('G0SECRET');
    await app.command('We move billing to Stripe because invoicing eats 2 days a month #payments', {
      channel: 'C0PAY',
      user: 'U0ANA',
    });
    await app.command('Raj keeps the Stripe webhooks idempotent <@U0ANA>', { channel: 'C0PAY', user: 'U0RAJ' });
    await app.command('Stripe fees are renegotiated yearly #secret', { channel: 'G0SECRET', user: 'U0RAJ' });
    await app.slack.waitFor('chat.postMessage', 3);
  });
  afterAll(async () => {
    await app.stop();
  });
  beforeEach(() => app.slack.reset());

  it('shows the person their recent decisions when the Home tab opens', async () => {
    const response = await app.event({
      type: 'app_home_opened',
      user: 'U0ANA',
      channel: 'D0ANA',
      tab: 'home',
      event_ts: '1',
    });
    expect(response.status).toBe(200);
    const [publish] = await app.slack.waitFor('views.publish');
    expect(publish!.params.user_id).toBe('U0ANA');
    const home = JSON.stringify(publish!.params.view);
    expect(home).toContain('We move billing to Stripe');
    expect(home).toContain('Raj keeps the Stripe webhooks idempotent'); // Ana is a decider there
    expect(home).not.toContain('renegotiated');
  });

  it('searches from the Home tab, without leaking private-channel decisions to others', async () => {
    const search = (user: string, value: string) =>
      app.interact({
        type: 'block_actions',
        team: { id: TEAM, domain: 'acme' },
        user: { id: user, username: user, team_id: TEAM },
        api_app_id: 'A0APP',
        container: { type: 'view', view_id: 'V0HOME' },
        view: { id: 'V0HOME', type: 'home', team_id: TEAM },
        trigger_id: 'trigger-home',
        actions: [
          { type: 'plain_text_input', action_id: 'home_search', block_id: 'home_search', value, action_ts: '1' },
        ],
      });
    await search('U0ANA', 'stripe');
    const [anaView] = await app.slack.waitFor('views.publish');
    const ana = JSON.stringify(anaView!.params.view);
    expect(ana).toContain('of 2');
    expect(ana).not.toContain('renegotiated');

    app.slack.reset();
    await search('U0RAJ', 'stripe');
    const [rajView] = await app.slack.waitFor('views.publish');
    expect(JSON.stringify(rajView!.params.view)).toContain('renegotiated'); // Raj recorded it
  });

  it('opens the decision form from the Home tab’s button', async () => {
    await app.interact({
      type: 'block_actions',
      team: { id: TEAM, domain: 'acme' },
      user: { id: 'U0ANA', username: 'ana', team_id: TEAM },
      api_app_id: 'A0APP',
      container: { type: 'view', view_id: 'V0HOME' },
      view: { id: 'V0HOME', type: 'home', team_id: TEAM },
      trigger_id: 'trigger-home-button',
      actions: [{ type: 'button', action_id: 'open_decision_modal', block_id: 'b', action_ts: '1' }],
    });
    const [open] = await app.slack.waitFor('views.open');
    expect(open!.params.trigger_id).toBe('trigger-home-button');
    expect(open!.params.view.blocks.some((b: any) => b.block_id === 'channel')).toBe(true);
  });

  it('ignores the Messages tab', async () => {
    await app.event({ type: 'app_home_opened', user: 'U0ANA', channel: 'D0ANA', tab: 'messages', event_ts: '2' });
    await app.command('list'); // a round trip, so the event has been handled
    expect(app.slack.callsOf('views.publish')).toHaveLength(0);
  });
});
