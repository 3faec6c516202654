/**
 * Goal (issue 13 item 4): the audit's HTML report is self-contained and renders in headless
 * Chromium (Debian's /usr/bin/chromium driven by playwright-core; no browser download): every
 * chart's canvas has drawn pixels, no console error, and no network request leaves the page
 * (every request is blocked and counted). A screenshot goes to test-output/ (gitignored).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runAudit } from '../../../src/audit/index.js';
import { auditHtml } from '../../../src/audit/html.js';
import { auditSimChain } from '../../helpers/audit-chain.js';
import { launchChromium } from '../../helpers/chromium.js';
import { repoRoot } from '../../helpers/paths.js';
import { scratch } from '../../helpers/sim.js';

const test = suite('audit: HTML report');

test('renders every chart with no console error and no network request; mismatches listed', async () => {
  const tmp = scratch('audit-html');
  const browser = await launchChromium();
  try {
    // The audit tests' chain (built once per process), its first 60 blocks.
    const summary = await runAudit({ dataDir: await auditSimChain(), catchUp: false, to: 60 });
    assert.is(summary.mismatches, 0);
    // A report with a mismatch in it (as a tampered copy would give), with markup in its text.
    const shown = { ...summary, mismatches: 1, mismatch_list: [{ height: 7, account: 'abc</script><b>x', line: 'relay/primary', expected: '10', recorded: '11' }] };
    const file = join(tmp.dir, 'report.html');
    writeFileSync(file, auditHtml(shown));
    const page = await browser.newPage({ viewport: { width: 1300, height: 1400 } });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      requests.push(url);
      return route.abort();
    });
    await page.goto(`file://${file}`);
    await page.waitForSelector('body[data-rendered="yes"]', { timeout: 20_000 });
    // Runs in the page (a string: the test's TypeScript has no DOM types): painted pixels per canvas.
    const drawn = (await page.evaluate(`[...document.querySelectorAll('canvas')].map((canvas) => {
      const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      let painted = 0;
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 0) painted++;
      return { id: canvas.id, painted };
    })`)) as Array<{ id: string; painted: number }>;
    assert.equal(drawn.map((d) => d.id), ['supply', 'minted', 'burned', 'earners', 'chains', 'jails']);
    for (const d of drawn) assert.ok(d.painted > 100, `canvas ${d.id} is blank`);
    assert.equal(errors, []);
    assert.equal(requests, []);
    assert.match(await page.textContent('#verdict') ?? '', /MISMATCHES: 1 mismatch,/);
    assert.match(await page.textContent('body') ?? '', /Minted [0-9,]+ uPOKT \([0-9,.]+ POKT\), burned [0-9,]+ uPOKT \([0-9,.]+ POKT\)/, 'amounts grouped, in POKT beside uPOKT');
    assert.match(await page.textContent('#mismatch-table') ?? '', /abc<\/script><b>x/); // shown as text, not markup
    const out = join(repoRoot(), 'test-output');
    mkdirSync(out, { recursive: true });
    await page.screenshot({ path: join(out, 'audit-report.png'), fullPage: true });
  } finally {
    await browser.close();
    tmp.remove();
  }
});

test.run();
