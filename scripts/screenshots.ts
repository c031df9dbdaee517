import { mkdir } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { startPlayground } from '../src/playground/startPlayground.js';
import { findChromium, launchChromium } from './chromium.js';

/**
 * `npm run screenshots`: pictures of what the bot posts, for the README, taken from the playground
 * in the machine's Chromium (apt-get install chromium; fonts-noto-color-emoji draws the emoji).
 * Writes docs/images/{playground,card,warning,digest,costs}.png.
 */

const OUT = new URL('../docs/images/', import.meta.url);

async function main(): Promise<number> {
  const chromiumPath = findChromium();
  if (!chromiumPath) {
    console.error('No Chromium found: apt-get install chromium (or set CHROMIUM_PATH).');
    return 1;
  }
  await mkdir(OUT, { recursive: true });
  const playground = await startPlayground({ dataDir: null, port: 0, logLevel: 'warn' });
  const browser = await launchChromium(chromiumPath);
  try {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 820 },
      deviceScaleFactor: 1.5,
      locale: 'en-US',
      timezoneId: 'UTC',
      // Lets the script widen the thread pane for a picture (the page's CSP refuses inline styles).
      bypassCSP: true,
    });
    const page = await context.newPage();
    await page.goto(`${playground.url}#/c/C0PLATFORM`);
    // No passing notice over the pictures, and a thread wide enough for a digest.
    await page.addStyleTag({ content: '.toast { display: none; } .thread { width: 560px; }' });
    await page.getByRole('button', { name: 'Load the sample team' }).first().click();
    const channel = page.getByRole('main').getByRole('log');
    const thread = page.getByRole('complementary');
    // The card and the cost report first, in the channel at its full width (no thread open).
    await channel.getByRole('button', { name: '3 replies' }).waitFor();
    await shoot(channel.getByRole('article').filter({ hasText: 'D-1 · Billing moves to Stripe' }), 'card.png');
    const composer = page.getByRole('main').getByRole('textbox', { name: /^Message / });
    await composer.fill('/decide costs');
    await composer.press('Enter');
    await shoot(channel.getByRole('article').filter({ hasText: 'Coordination costs' }), 'costs.png');
    await page.getByRole('button', { name: 'Dismiss' }).last().click();

    await channel.getByRole('button', { name: '3 replies' }).click();
    await thread.getByRole('button', { name: 'Not a reopening' }).waitFor();
    await settle(page);
    await page.screenshot({ path: path('playground.png') });
    await shootMessages(thread, 'warning.png');

    await page.getByRole('button', { name: /digest now/ }).click();
    await thread.getByRole('img', { name: /Bar chart/ }).waitFor();
    // A string: this script is type-checked without the DOM's types.
    await page.waitForFunction('Array.from(document.images).every((image) => image.complete)');
    await shootMessages(thread, 'digest.png');
    console.log(
      `Wrote ${['playground', 'card', 'warning', 'digest', 'costs'].map((n) => `docs/images/${n}.png`).join(', ')}`,
    );
    return 0;
  } finally {
    await browser.close();
    await playground.stop();
  }
}

function path(name: string): string {
  return new URL(name, OUT).pathname;
}

/** Waits for the page to stop changing, and moves the pointer off messages (their toolbars show on hover). */
async function settle(page: Page): Promise<void> {
  await page.mouse.move(0, 0);
  // Nor on focus: the last click leaves focus in a message.
  await page.evaluate('document.activeElement?.blur()');
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
}

/** One element's picture. */
async function shoot(element: Locator, name: string): Promise<void> {
  await element.waitFor();
  await settle(element.page());
  await element.screenshot({ path: path(name), animations: 'disabled' });
}

/**
 * The messages of a pane that scrolls (a thread), all of them: the window grows until its list
 * no longer scrolls, and the picture is cut to the messages (not the pane's empty space or its
 * message box).
 */
async function shootMessages(pane: Locator, name: string): Promise<void> {
  const page = pane.page();
  const messages = pane.getByRole('article');
  await messages.first().waitFor();
  const overflow = await pane.getByRole('log').evaluate((log) => log.scrollHeight - log.clientHeight);
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: size.width, height: Math.min(size.height + Math.max(0, overflow) + 16, 4000) });
  await settle(page);
  const paneBox = (await pane.boundingBox())!;
  const boxes = (await Promise.all((await messages.all()).map((m) => m.boundingBox()))).filter((b) => b !== null);
  const top = Math.min(...boxes.map((b) => b.y)) - 8;
  const bottom = Math.max(...boxes.map((b) => b.y + b.height)) + 8;
  await page.screenshot({
    path: path(name),
    clip: { x: paneBox.x, y: top, width: paneBox.width, height: bottom - top },
    animations: 'disabled',
  });
  await page.setViewportSize(size);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('Taking the screenshots failed:', error);
    process.exit(1);
  },
);
