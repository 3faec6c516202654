/**
 * Goal: the benchmark report (`npm run bench -- --report`) opens in a real browser with every
 * chart drawn, no console error and no request leaving the page, and shows the same goals and
 * verdicts as the suite's SUMMARY.md — the table the runner wrote when the suite ran, read here
 * as text. Also: the picture the README shows (report-goals.png) is written, and the page fits
 * a 375 px phone. Screenshots: test-output/bench-report/.
 * Method: the committed results (bench/results/, the 2026-12-05 23:08 suite and every saved
 * run) copied to a scratch directory, the report drawn there by the same function the runner
 * calls, opened in Debian's headless Chromium via playwright-core (test/helpers/chromium.ts).
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { FEATURED_GOALS } from '../../bench/lib/report-data.js';
import { writeBenchReport } from '../../bench/lib/report-files.js';
import { benchReportHtml } from '../../bench/lib/report-page.js';
import { packageRoot } from '../../src/core/paths.js';
import { launchChromium, openReport } from '../helpers/chromium.js';
import { scratch } from '../helpers/sim.js';

const SHOTS = join(packageRoot(), 'test-output', 'bench-report');
const test = suite('bench report: a browser draws every chart of the saved results');

/** The goal rows of a SUMMARY.md: name → verdict (rows "not measured in this run" have no bar). */
function summaryGoals(markdown: string): Array<{ name: string; met: string }> {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| benchmark') && !line.includes('not measured in this run'))
    .map((line) => {
      const cells = line.split(' | ');
      return { name: cells[0]!.slice(2), met: cells.at(-1)!.replace(/ \|$/, '') };
    });
}

/** Each canvas's id and how many of its pixels were painted (evaluated in the page: this file has no DOM types). */
const paintedPixels = (page: Page): Promise<Array<[string, number]>> =>
  page.evaluate<Array<[string, number]>>(`[...document.querySelectorAll('canvas')].map((c) => {
    const data = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) painted++;
    return [c.id, painted];
  })`);

test('the saved results: every chart drawn, the goals and verdicts of SUMMARY.md, the README picture; 1280 and 375 px', async () => {
  const results = scratch('bench-report');
  mkdirSync(SHOTS, { recursive: true });
  let browser: Browser | undefined;
  try {
    cpSync(join(packageRoot(), 'bench', 'results'), results.dir, { recursive: true });
    const written = await writeBenchReport(results.dir);
    assert.equal(written.problems, [], 'the committed results read whole');
    assert.ok('files' in written.png, `no pictures: ${JSON.stringify(written.png)}`);
    assert.equal(written.png.files.map((f) => f.split('/').at(-1)), ['report-goals.png', 'report-history.png']);
    for (const file of written.png.files) assert.equal([...readFileSync(file).subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], `${file} is a PNG`);
    const want = summaryGoals(readFileSync(join(results.dir, 'latest', 'SUMMARY.md'), 'utf8'));
    assert.ok(want.length >= 15, `only ${want.length} goal rows in SUMMARY.md`);

    browser = await launchChromium();
    const { page, problems } = await openReport(browser, written.html, 1280);
    const painted = await paintedPixels(page);
    const scaleCharts = painted.filter(([id]) => id.startsWith('scale-')).length;
    assert.is(scaleCharts, 3, 'nodes, accounts, txs per block');
    const mainnetCharts = painted.filter(([id]) => id.startsWith('mainnet-')).length;
    assert.is(mainnetCharts, 2, 'the mainnet-shaped block: its composition and its time');
    assert.is(painted.length, 1 + mainnetCharts + 1 + want.length + scaleCharts, 'the goals chart, the block\'s two, the featured history, one history per goal, the scale charts');
    const featured = await page.evaluate<string[]>(`Chart.getChart(document.getElementById('history-featured')).data.datasets.map((d) => d.label)`);
    assert.equal(featured, FEATURED_GOALS.filter((name) => want.some((g) => g.name === name)), 'every featured goal of the run, in order');
    for (const [id, pixels] of painted) assert.ok(pixels > 2_000, `canvas #${id} is (nearly) blank: ${pixels} pixels painted`);

    const bars = await page.evaluate<{ labels: string[]; colours: string[] }>(`(() => {
      const chart = Chart.getChart(document.getElementById('goals'));
      return { labels: chart.data.labels, colours: chart.data.datasets[0].backgroundColor };
    })()`);
    assert.equal(bars.labels, want.map((g) => g.name), 'one bar per goal row, in the table\'s order');
    const colourOf = { met: '#2ca02c', 'not met': '#d62728', 'judged at full size': '#9a9a9a' } as Record<string, string>;
    assert.equal(bars.colours, want.map((g) => colourOf[g.met]), 'each bar coloured by the verdict SUMMARY.md gives');
    // The block's counts as the benchmark saved them (latest/mainnet.json, read here directly).
    const saved = (JSON.parse(readFileSync(join(results.dir, 'latest', 'mainnet.json'), 'utf8')) as Array<{ workload: { kinds: Record<string, number> } }>)[0]!.workload.kinds;
    const drawn = await page.evaluate<unknown[]>(`Chart.getChart(document.getElementById('mainnet-composition')).data.datasets[1].data`);
    assert.equal(drawn, [saved['Proof'], saved['Claim'], saved['Send']], 'proofs, claims, sends of the saved block');
    const met = want.filter((g) => g.met === 'met').length;
    assert.is(await page.textContent('#goals-count'), `${met} of ${want.length} goals met.`);
    const tableRows = await page.evaluate<number>(`document.querySelectorAll('#summary tbody tr').length`);
    assert.ok(tableRows >= want.length, `the table has ${tableRows} rows for ${want.length} goals`);
    await page.screenshot({ path: join(SHOTS, 'report-1280.png'), fullPage: true });
    assert.equal(problems, []);

    const narrow = await openReport(browser, written.html, 375);
    const overflow = await narrow.page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    assert.ok(overflow <= 0, `the page is ${overflow} px wider than a 375 px screen`);
    await narrow.page.screenshot({ path: join(SHOTS, 'report-375.png'), fullPage: true });
    assert.equal(narrow.problems, []);
  } finally {
    await browser?.close();
    results.remove();
  }
});

test('a run with parts missing (a benchmark failed, no CPU split, no history) still draws what it has, with no error', async () => {
  const out = scratch('bench-report-partial');
  let browser: Browser | undefined;
  try {
    // A mainnet line without its goal and CPU split, one scale curve, nothing saved before.
    const lines = [
      { bench: 'mainnet', case: 'block/scale-1', metric: 'ms_per_block', median: 420, cpus: 2, limit: { what: 'raw', median: 400 }, workload: { scale: 1, height: 24, txs: 2966, bytes: 1_978_049, signatures: 5814, kinds: { Proof: 1424 }, mainnet_block: { proofs: [1300, 1400], claims: [1300, 1400], sends: [100, 250] } } },
      { bench: 'scale', case: 'nodes/apply', metric: 'ms_per_block', median: 41, points: [{ n: 1000, value: 34 }, { n: 50_000, value: 41 }], growth_exponent: 0.048, goal_growth_exponent_at_most: 0.1 },
    ];
    const file = join(out.dir, 'report.html');
    writeFileSync(file, benchReportHtml({ lines, machine: undefined, history: [], problems: ['latest/machine.json: missing (the run did not save its machine)'] }));
    browser = await launchChromium();
    const { page, problems } = await openReport(browser, file, 1280);
    assert.equal(problems, []);
    const painted = await paintedPixels(page);
    assert.equal(painted.map(([id]) => id), ['goals', 'mainnet-composition', 'mainnet-time', 'history-0', 'scale-0']);
    assert.ok((await page.textContent('#problems'))!.includes('machine.json: missing'), 'the page says what it could not read');
    assert.is(await page.textContent('#goals-count'), '1 of 1 goals met.');
  } finally {
    await browser?.close();
    out.remove();
  }
});

test.run();
