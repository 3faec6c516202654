/**
 * Debian's Chromium, driven by playwright-core (never a downloaded browser): the benchmark report
 * draws its pictures with it, and the browser tests open pages with it (test/helpers/chromium.ts).
 * scripts/system-deps.sh installs it.
 */
import type { Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Headless Chromium as every caller runs it. playwright-core is a dev dependency: loaded only here, when a browser is wanted. */
export async function launchDebianChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
}
