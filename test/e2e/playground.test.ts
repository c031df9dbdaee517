import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, launchChromium } from '../../scripts/chromium.js';
import { type RunningPlayground, startPlayground } from '../../src/playground/startPlayground.js';

/**
 * The playground in a real browser: the page served by the real app, driven as a newcomer would
 * drive it, against the app's real listeners, detector and embedded database.
 */
const chromiumPath = findChromium();
// .ci/run installs Chromium: there, a missing browser fails the test instead of skipping it.
const required = process.env.CI === 'true';
if (!chromiumPath && !required)
  console.warn(
    'Skipping the playground browser test: no Chromium found. Install one (apt-get install chromium) or set CHROMIUM_PATH.',
  );

// What the decision is, and a message that reopens it (it warns with the committed detector).
const DECISION =
  '/decide Billing moves to Stripe instead of building our own invoicing because month-end close eats two days #payments';
const REOPENING = 'honestly could we drop stripe and do invoicing ourselves? the fees are getting silly';

// A first PGlite start-up (initdb) takes tens of seconds on a busy two-core machine.
describe.skipIf(!chromiumPath && !required)('the playground, in a browser', { timeout: 60_000 }, () => {
  let playground: RunningPlayground;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    if (!chromiumPath) throw new Error("No Chromium found (CI=true): .ci/run installs Debian's chromium package.");
    playground = await startPlayground({ dataDir: null, port: 0, logLevel: 'silent' });
    browser = await launchChromium(chromiumPath);
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await playground?.stop();
  });

  const composer = () => page.getByRole('main').getByRole('textbox', { name: /^Message / });
  const channelLog = () => page.getByRole('main').getByRole('log');
  const thread = () => page.getByRole('complementary');

  it('records a decision from /decide, warns in the thread of a message that reopens it, and takes "Not a reopening"', async () => {
    await page.goto(`${playground.url}#/c/C0PLATFORM`);
    await composer().fill(DECISION);
    await composer().press('Enter');
    const card = channelLog().getByRole('article').filter({ hasText: 'D-1 · Billing moves to Stripe' });
    await card.waitFor();
    expect(await card.textContent()).toContain('Considered and rejected');

    await composer().fill(REOPENING);
    await composer().press('Enter');
    await channelLog().getByRole('button', { name: '1 reply' }).click();
    const warning = thread().getByRole('article').filter({ hasText: 'This reopens D-1' });
    await warning.waitFor();
    expect(await warning.textContent()).toContain('Why I think so');

    await warning.getByRole('button', { name: 'Not a reopening' }).click();
    await thread().getByText('marked this not a reopening').waitFor();
    expect(await thread().getByRole('button', { name: 'Not a reopening' }).count()).toBe(0);
  });

  it("opens the decision form, shows the app's error on its field, and records the decision once it is fixed", async () => {
    await composer().fill('/decide');
    await composer().press('Enter');
    const form = page.getByRole('dialog', { name: 'Record a decision' });
    await form.getByRole('textbox', { name: 'Decision' }).fill('Incidents get a written review within five days');
    await form.getByRole('textbox', { name: /Tags/ }).fill('not a tag!');
    await form.getByRole('button', { name: 'Record' }).click();
    const error = form.getByRole('alert');
    await error.waitFor();
    expect(await error.textContent()).toContain('is not a tag');
    expect(await form.getByRole('textbox', { name: /Tags/ }).getAttribute('aria-invalid')).toBe('true');

    await form.getByRole('textbox', { name: /Tags/ }).fill('incidents');
    await form.getByRole('button', { name: 'Record' }).click();
    await form.waitFor({ state: 'hidden' });
    await channelLog().getByRole('article').filter({ hasText: 'D-2 · Incidents get a written review' }).waitFor();
  });

  it('reopens a decision from a warning in another channel, through the Reopen form', async () => {
    await page.goto(`${playground.url}#/c/C0GENERAL`);
    await composer().fill(REOPENING);
    await composer().press('Enter');
    await channelLog().getByRole('button', { name: '1 reply' }).click();
    await thread().getByRole('button', { name: 'Reopen D-1' }).click();
    const form = page.getByRole('dialog', { name: 'Reopen D-1' });
    await form.getByRole('textbox', { name: 'What is new since D-1?' }).fill('Stripe raised its fees twice this year');
    await form.getByRole('button', { name: 'Reopen', exact: true }).click();
    await form.waitFor({ state: 'hidden' });
    await thread().getByRole('button', { name: 'Keep D-1 as is' }).waitFor();
    await thread().getByText('What is new: Stripe raised its fees twice this year').waitFor();
  });

  it('logs a thread as a decision from the message menu, its form filled from the thread', async () => {
    await thread()
      .getByRole('button', { name: /More actions on Ana Lima/ })
      .click();
    await page.getByRole('menuitem', { name: 'Log as decision' }).click();
    const form = page.getByRole('dialog', { name: 'Record a decision' });
    const title = form.getByRole('textbox', { name: 'Decision' });
    await title.waitFor();
    expect(await title.inputValue()).toBe(REOPENING);
    expect(await form.getByRole('checkbox', { name: 'Ana Lima' }).isChecked()).toBe(true);
    await title.fill('We review the Stripe fees every quarter');
    await form.getByRole('button', { name: 'Record' }).click();
    await form.waitFor({ state: 'hidden' });
    await channelLog().getByRole('article').filter({ hasText: 'D-3 · We review the Stripe fees' }).waitFor();
  });

  it('draws Block Kit as Slack does: fields, dividers, context, selects, overflow menus and images', async () => {
    const option = (text: string) => ({ text: { type: 'plain_text', text }, value: text.toLowerCase() });
    playground.workspace.post({
      channel: 'C0PLATFORM',
      botId: 'B0LEDGER',
      text: 'Block Kit sampler',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'Sampler' } },
        {
          type: 'section',
          text: {
            type: 'mrkdwn',
            text: '*bold* _italic_ ~gone~ `code` <https://example.com|a link> <@U0MEI> <#G0LEADS>',
          },
          fields: [
            { type: 'mrkdwn', text: '*Owner*\n<@U0RAJ>' },
            { type: 'plain_text', text: '*not bold*' },
          ],
          accessory: { type: 'overflow', action_id: 'more', options: [option('Edit'), option('Archive')] },
        },
        { type: 'divider' },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'small print' }] },
        { type: 'image', image_url: 'https://example.com/chart.png', alt_text: 'a remote chart' },
        {
          type: 'actions',
          elements: [
            {
              type: 'static_select',
              action_id: 'pick',
              placeholder: { type: 'plain_text', text: 'Pick one' },
              options: [option('Alpha'), option('Beta')],
            },
          ],
        },
      ],
    });
    await page.goto(`${playground.url}#/c/C0PLATFORM`);
    const message = channelLog().getByRole('article').filter({ hasText: 'Sampler' });
    await message.waitFor();
    expect(await message.getByRole('heading', { name: 'Sampler' }).count()).toBe(1);
    expect(await message.locator('strong', { hasText: 'bold' }).first().textContent()).toBe('bold');
    expect(await message.locator('em').first().textContent()).toBe('italic');
    expect(await message.locator('s').first().textContent()).toBe('gone');
    expect(await message.getByRole('link', { name: 'a link' }).getAttribute('rel')).toContain('noopener');
    expect(await message.getByText('@Mei Chen').count()).toBe(1);
    expect(await message.getByRole('button', { name: '#leads' }).count()).toBe(1);
    expect(await message.getByText('*not bold*').count()).toBe(1);
    expect(await message.locator('hr').count()).toBe(1);
    // A remote image is described, not fetched: the playground loads nothing from the internet.
    expect(await message.getByRole('img', { name: 'a remote chart' }).evaluate((e) => e.tagName)).toBe('SPAN');
    expect(await message.getByRole('combobox', { name: 'Pick one' }).locator('option').allTextContents()).toEqual([
      'Pick one',
      'Alpha',
      'Beta',
    ]);
    await message.getByRole('button', { name: 'More actions', exact: true }).click();
    expect(await message.getByRole('menuitem').allTextContents()).toEqual(['Edit', 'Archive']);
    await page.keyboard.press('Escape');
  });

  it('shows text people type as text, never as markup', async () => {
    await composer().fill('<img src=x onerror="document.title=\'pwned\'"> & <b>bold</b>');
    await composer().press('Enter');
    await channelLog().getByText('<b>bold</b>', { exact: false }).waitFor();
    expect(await page.title()).not.toBe('pwned');
    expect(await channelLog().locator('img[src=x]').count()).toBe(0);
  });
});
