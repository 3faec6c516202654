/**
 * Debian's Chromium for the browser tests, driven by playwright-core (never a downloaded
 * browser). `npm test` installs it first when missing (scripts/system-deps.sh); a test run
 * without it fails, saying so, rather than passing a browser test that never opened a page.
 */
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { CHROMIUM, launchDebianChromium } from '../../bench/lib/chromium.js';

export { CHROMIUM };

/** Throws, naming the fix, when Debian's chromium is not installed. */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) throw new Error(`no ${CHROMIUM}: the browser tests need Debian's chromium (bash scripts/system-deps.sh installs it; npm test runs it first)`);
}

/** Headless Chromium as every browser test runs it. */
export function launchChromium(): Promise<Browser> {
  requireChromium();
  return launchDebianChromium();
}

/** A page and what went wrong on it: console errors and warnings, page errors, requests. */
export interface OpenedPage {
  readonly page: Page;
  readonly problems: string[];
}

/**
 * A self-contained report file (`file://`) opened at `width` px, waited for until its script sets
 * body[data-rendered="yes"]. Every request to anything but a file is aborted and listed in
 * `problems` (a report must need no network), as is every console error or warning.
 */
export async function openReport(browser: Browser, file: string, width: number): Promise<OpenedPage> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const problems: string[] = [];
  page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  await page.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : (problems.push(`request ${route.request().url()}`), route.abort())));
  await page.goto(`file://${file}`);
  await page.waitForSelector('body[data-rendered="yes"]', { timeout: 20_000 });
  return { page, problems };
}
