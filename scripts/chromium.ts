import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/**
 * The machine's own Chromium, for the playground's browser test and screenshots: playwright-core
 * downloads no browser. CHROMIUM_PATH names one; else Debian's `chromium` package (apt-get install
 * chromium, as .ci/run does) or a Chrome installed in the usual places.
 */
const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const given = env.CHROMIUM_PATH?.trim();
  if (given) return existsSync(given) ? given : null;
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

export async function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    // Chromium refuses to start as root with its sandbox on (CI containers run as root);
    // containers also give /dev/shm too little room for it.
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), '--disable-dev-shm-usage'],
  });
}
