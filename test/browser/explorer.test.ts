/**
 * Goal: the explorer page works in a real browser on a real (small, simulated) chain: it loads,
 * and a user can walk block → tx → account → node, every page built from the query API, with no
 * console error, no page error and no failed or refused request (HTTP ≥ 400) on the way.
 * Method: the shared simulated chain of the query tests (test/helpers/query.ts), projected and
 * served in-process on a loopback port by the query service plus registerExplorer; Debian's
 * headless chromium driven by playwright-core; the walk clicks the links the pages render (the
 * claim tx is found through the API first: claims are signed by nodes, so its signer's account
 * page links to a node page). Then what a user tries next: a bad search followed by a good one,
 * block 0, the next page of a long list, a module account, a send's amount, the block, node and
 * app lists, a node's jail in its stake history (expected rows from the API's rap sheet), and a
 * phone-sized screen. Screenshots of each page go to test-output/explorer/ (gitignored).
 * Without /usr/bin/chromium it fails, saying how to install it (test/helpers/chromium.ts).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { registerExplorer } from '../../src/explorer/index.js';
import { openSqliteReadStore } from '../../src/projection/sqlite-read-store.js';
import { createHttpApp } from '../../src/query/http-app.js';
import { registerQueryService } from '../../src/query/service.js';
import { packageRoot } from '../../src/core/paths.js';
import { launchChromium, requireChromium } from '../helpers/chromium.js';
import { projectedSimChain } from '../helpers/query.js';

const SHOTS = join(packageRoot(), 'test-output', 'explorer');
const test = suite('explorer: a browser walks block → tx → account → node');

interface Problems {
  readonly console: string[];
  readonly failed: string[];
}

function watch(page: Page): Problems {
  const problems: Problems = { console: [], failed: [] };
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.console.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.console.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => problems.failed.push(`${request.method()} ${request.url()}: ${request.failure()?.errorText ?? 'failed'}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.failed.push(`${response.request().method()} ${response.url()}: HTTP ${response.status()}`);
  });
  return problems;
}

/**
 * Waits until the page built for the current hash is done (its own "done" flag plus the route
 * it was built for: right after a click the previous page is still "ready" until `hashchange`
 * fires), then saves a screenshot.
 */
async function settled(page: Page, name: string): Promise<void> {
  const state = await settledState(page, name);
  const text = state === 'ready' ? '' : await page.locator('#main').innerText();
  assert.is(state, 'ready', `${name}: ${text}`);
}

/** Waits as `settled` does and saves the screenshot, but returns the state ("ready" or "error") instead of requiring "ready". */
async function settledState(page: Page, name: string): Promise<string> {
  // Evaluated in the page (a string: this file is compiled without the DOM types).
  const done = "document.body.dataset.state !== 'loading' && document.body.dataset.route === location.hash";
  await page.waitForFunction(done, undefined, { timeout: 20_000 });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  return page.evaluate<string>('document.body.dataset.state');
}

async function post<T>(base: string, route: string, body: unknown): Promise<T> {
  const response = await fetch(`${base}/v1/${route}`, { method: 'POST', body: JSON.stringify(body) });
  assert.is(response.status, 200, route);
  return (await response.json()) as T;
}

test('walk', async () => {
  requireChromium();
  mkdirSync(SHOTS, { recursive: true });
  const chain = await projectedSimChain();
  const store = openSqliteReadStore(chain.dir);
  const app = await createHttpApp();
  registerQueryService(app, store);
  registerExplorer(app);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  let browser: Browser | undefined;
  try {
    // A claim tx: its signer is a node (the servicer).
    const claims = await post<{ result: Array<{ submitted_tx: string | null; servicer: string }> }>(base, 'query/claims', { per_page: 100 });
    const claim = claims.result.find((c) => c.submitted_tx !== null);
    assert.ok(claim !== undefined, 'the simulated chain has a claim tx');
    const tx = await post<{ height: number }>(base, 'query/tx', { hash: claim.submitted_tx });

    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watch(page);

    // What a user opens first: the address `serve` and `npm start` print, which leads to the explorer.
    await page.goto(`${base}/`);
    assert.is(new URL(page.url()).pathname, '/explorer/', 'the served address redirects to the explorer');
    await settled(page, '1-home');
    assert.ok(await page.locator('#supply-chart').isVisible(), 'the supply chart is drawn');
    assert.match(await page.locator('#main').innerText(), /txs so far\s+\d{1,3}(,\d{3})+/, 'counts grouped by thousands');
    assert.ok((await page.locator('section:has(h2:text("Recent blocks")) table tr').count()) > 1, 'recent blocks are listed');

    await page.locator('section:has(h2:text("Applications")) a').first().click();
    await settled(page, '1b-app');

    await page.goto(`${base}/explorer/#/block/${tx.height}`);
    await settled(page, '2-block');
    // A failed tx's code carries its log as a tooltip: the block's failed rows say why.
    const failedTitles = await page.locator('section:has(h2:text("Transactions")) td span.rejected').evaluateAll((spans) => spans.map((span) => span.getAttribute('title') ?? ''));
    assert.ok(failedTitles.length > 0, 'the block shown has failed txs (the seeded chain)');
    assert.ok(failedTitles.every((title) => title.length > 0), `every failed tx's code has its log as a tooltip: ${JSON.stringify(failedTitles)}`);
    await page.locator(`a[href="#/tx/${claim.submitted_tx}"]`).first().click();
    await settled(page, '3-tx');
    const txText = await page.locator('#main').innerText();
    assert.match(txText, /claim/i, 'the tx page shows the decoded claim');
    assert.match(txText, /fee\s+0\.01 POKT \(10000 upokt\)/, 'the fee in POKT, as every amount on the pages, and in uPOKT as signed');

    await page.locator(`a[href="#/account/${claim.servicer}"]`).first().click();
    await settled(page, '4-account');
    await page.locator(`a[href="#/node/${claim.servicer}"]`).click();
    await settled(page, '5-node');
    const nodeText = await page.locator('#main').innerText();
    for (const heading of ['Stake history', 'Claims', 'Rewards', 'Rap sheet', 'Sessions served']) assert.ok(nodeText.includes(heading), `node page has ${heading}`);
    // Each session served names its app by key and links to the app's page (by its address).
    const appLinks = await page.locator('section:has(h2:text("Sessions served")) table a[href^="#/app/"]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    assert.ok(appLinks.length > 0 && appLinks.every((href) => /^#\/app\/[0-9a-f]{40}$/.test(href)), `sessions served link their apps: ${JSON.stringify(appLinks.slice(0, 3))}`);
    // pocket-core's "not set" times (Go's zero time, the Unix epoch) are said in words, not shown as dates.
    assert.not.match(nodeText, /0001-01-01|1970-01-01/, 'no placeholder dates on the node page');
    assert.match(nodeText, /not unstaking/, 'a staked node is not unstaking');
    // Samples with the same stake, status and jail flag are one row: no two neighbouring rows alike.
    const history = await page.locator('section:has(h2:text("Stake history")) table tr').evaluateAll((rows) => rows.slice(1).map((row) => [...row.querySelectorAll('td')].slice(1).map((td) => td.textContent).join('|')));
    assert.ok(history.length >= 1, 'the stake history has rows');
    for (let i = 1; i < history.length; i++) assert.is.not(history[i], history[i - 1], `stake history rows ${i - 1} and ${i} differ`);

    await page.goto(`${base}/explorer/#/params`);
    await settled(page, '6-params');
    // The ACL and the upgrade are shown as tables, not as the JSON text pocket-core answers them in.
    const paramsText = await page.locator('#main').innerText();
    assert.not.match(paramsText, /"acl_key"|"Features"/, 'no raw ACL or upgrade JSON on the parameters page');
    assert.ok((await page.locator('table table:has(th:text("may be changed by")) tr').count()) > 40, 'one ACL row per governed parameter');
    assert.match(paramsText, /version\s+0\.12\.0/, 'the upgrade version');
    // Governance's changes come first, each linked to its block, as many rows as the API lists.
    const changes = await post<{ total: number; result: Array<{ height: number }> }>(base, 'query/paramhistory', { from_height: 1, per_page: 50 });
    const changeLinks = await page.locator('section:has(h2:text-matches("^Changes since genesis")) > div.paged > table > tr > td:first-child > a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    assert.equal(changeLinks, changes.result.map((c) => `#/block/${c.height}`), 'one row per change, linked to its block');
    assert.match(paramsText, new RegExp(`Changes since genesis \\(${changes.total}\\)`));

    await walkFurther(page, base);
    await narrowScreen(browser, base);

    assert.equal(problems.console, [], 'no console errors');
    assert.equal(problems.failed, [], 'no failed requests');
  } finally {
    await browser?.close();
    await app.close();
    await store.close();
  }
});

interface RapLine {
  readonly height: number;
  readonly address: string;
  readonly kind: string;
}

/**
 * Past the main walk: what a user does next — a bad search and then a good one, a block that does
 * not exist, the next page of a long list, a module account, a send's amount, the whole lists,
 * and a node's jail in its stake history, the expected rows read from the API's rap sheet.
 */
async function walkFurther(page: Page, base: string): Promise<void> {
  const search = page.locator('#search-text');
  await search.fill('hello');
  await search.press('Enter');
  assert.match(await search.evaluate<string, HTMLElementLike>((input) => input.validationMessage), /height/, 'a bad search says what is expected');
  await search.fill('1');
  await search.press('Enter');
  await settled(page, '7-search-after-bad');
  assert.match(await page.locator('h2').first().innerText(), /^Block 1$/, 'the search box works again after a bad entry');

  await page.goto(`${base}/explorer/#/block/0`);
  assert.is(await settledState(page, '8-block-0'), 'error', 'block 0 is not shown as the latest block');
  assert.match(await page.locator('#main').innerText(), /numbered from 1/);

  // An account with more sent txs than a page holds: the next page is one click away.
  const txs = await post<{ txs: Array<{ tx_result: { signer: string; message_type: string }; hash: string }> }>(base, 'query/allblocktxs', { height: 3 });
  const busy = txs.txs[0]!.tx_result.signer.toLowerCase();
  const sent = await post<{ total_txs: number }>(base, 'query/accounttxs', { address: busy, per_page: 1 });
  assert.ok(sent.total_txs > 25, `the seeded account ${busy} has more than a page of sent txs (${sent.total_txs})`);
  await page.goto(`${base}/explorer/#/account/${busy}`);
  await settled(page, '9-account-busy');
  const sentSection = page.locator('section:has(h2:text("Sent txs"))');
  assert.match(await sentSection.locator('.pager').innerText(), new RegExp(`rows 1–25 of ${sent.total_txs}`));
  await sentSection.locator('button:text("next ›")').click();
  await sentSection.locator(`.pager:has-text("rows 26–${sent.total_txs} of ${sent.total_txs}")`).waitFor({ timeout: 10_000 });

  await page.goto(`${base}/explorer/#/account/6386713deb27b609daad5e2e32ee6591753e5f4e`);
  await settled(page, '10-dao');
  assert.match(await page.locator('h2').first().innerText(), /Module account: dao/);

  const send = txs.txs.find((tx) => tx.tx_result.message_type === 'send');
  assert.ok(send !== undefined, 'block 3 has a send');
  await page.goto(`${base}/explorer/#/tx/${send.hash}`);
  await settled(page, '11-send');
  assert.match(await page.locator('#main').innerText(), /amount\s+[0-9,.]+ POKT \([0-9,]+ upokt\)/, "a send's amount is shown, not only inside the JSON");

  for (const list of ['blocks', 'nodes', 'apps']) {
    await page.goto(`${base}/explorer/#/${list}`);
    await settled(page, `12-${list}`);
    assert.ok((await page.locator('table.list tr').count()) > 1, `${list} are listed`);
  }
  // The blocks list is paged (20 a page over the chain's blocks): its next page opens.
  await page.goto(`${base}/explorer/#/blocks`);
  await settled(page, '12b-blocks');
  await page.locator('button:text("next ›")').click();
  await page.locator('.pager:has-text("rows 21–40")').waitFor({ timeout: 10_000 });

  // A node jailed and unjailed on this chain: its stake history has the jail as its own row.
  const raps = await post<{ result: RapLine[] }>(base, 'query/rapsheet', { per_page: 1_000 });
  const jail = raps.result.find((r) => r.kind === 'jailed' && raps.result.some((u) => u.kind === 'unjailed' && u.address === r.address && u.height > r.height));
  assert.ok(jail !== undefined, 'the seeded chain has a jail followed by an unjail');
  const unjail = raps.result.find((u) => u.kind === 'unjailed' && u.address === jail.address && u.height > jail.height)!;
  await page.goto(`${base}/explorer/#/node/${jail.address}`);
  await settled(page, '13-node-jailed');
  const rows = await page.locator('section:has(h2:text("Stake history")) table tr').evaluateAll((trs) => trs.slice(1).map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
  const jailedRun = rows.find((cells) => cells[3] === 'yes');
  assert.ok(jailedRun !== undefined, `a jailed row: ${JSON.stringify(rows)}`);
  assert.is(jailedRun[0], `${jail.height}–${unjail.height - 1}`, `jailed from the jail's height to the block before the unjail: ${JSON.stringify(rows)}`);

  // Back returns to where the page was scrolled; a link opens the next page at its top.
  const nodeRoute = await page.evaluate<string>('location.hash');
  const rapLink = page.locator('section:has(h2:text("Rap sheet")) a[href^="#/block/"]').first();
  await rapLink.scrollIntoViewIfNeeded();
  const scrolled = await page.evaluate<number>('window.scrollY');
  assert.ok(scrolled > 300, `the node page is long enough to scroll (${scrolled})`);
  await rapLink.click();
  await settled(page, '13b-block-from-rap-sheet');
  assert.is(await page.evaluate<number>('window.scrollY'), 0, 'a link opens the page at its top');
  await page.goBack();
  await page.waitForFunction(`document.body.dataset.state === 'ready' && document.body.dataset.route === ${JSON.stringify(nodeRoute)}`);
  assert.is(await page.evaluate<number>('window.scrollY'), scrolled, 'back restores the scroll position');
}

/** A phone-sized screen: no page wider than the screen, and a chart tall enough to read. */
async function narrowScreen(browser: Browser, base: string): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
  const problems = watch(page);
  try {
    await page.goto(`${base}/explorer/#/`);
    await settled(page, '14-narrow-home');
    const chartHeight = await page.locator('#supply-chart').evaluate<number, HTMLElementLike>((canvas) => canvas.getBoundingClientRect().height);
    assert.ok(chartHeight >= 200, `the supply chart keeps a readable height on a phone: ${chartHeight}px`);
    await page.goto(`${base}/explorer/#/block/3`);
    await settled(page, '15-narrow-block');
    const width = await page.evaluate<number>('document.documentElement.scrollWidth');
    assert.ok(width <= 375, `the block page fits a 375 px screen (scroll width ${width})`);
    assert.equal(problems.console, [], 'no console errors (narrow)');
    assert.equal(problems.failed, [], 'no failed requests (narrow)');
  } finally {
    await page.close();
  }
}

/** What the in-page callbacks above read (this file is compiled without the DOM types). */
interface HTMLElementLike {
  readonly validationMessage: string;
  getBoundingClientRect(): { readonly height: number };
}

test.run();
