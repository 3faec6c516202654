/**
 * Debian's Chromium for the browser tests, driven by playwright-core (never a downloaded
 * browser). `npm test` installs it first when missing (scripts/system-deps.sh); a test run
 * without it fails, saying so, rather than passing a browser test that never opened a page.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Throws, naming the fix, when Debian's chromium is not installed. */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) throw new Error(`no ${CHROMIUM}: the browser tests need Debian's chromium (bash scripts/system-deps.sh installs it; npm test runs it first)`);
}

/** Headless Chromium as every browser test runs it. */
export function launchChromium(): Promise<Browser> {
  requireChromium();
  return chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
}
