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
 * phone-sized screen. Then what the QA pass found (uxFindings): error pages with a heading and a
 * way on, search entries (0x addresses, heights past the head), a list's page in the URL surviving
 * Back, totals in list titles, words for internal names, and at 375 px detail sections that fit
 * (scrollWidth ≤ clientWidth) while lists scroll in a box that says so. And what a walk through
 * the screenshots found: tab titles (no two pages share one; an error page's is its heading), the
 * menu's mark on the list shown, a "skip to content" first Tab stop, amounts right-aligned in
 * lists, sessions served newest first, the PIP-22 formulas reachable by a tap, and no sideways
 * page scroll at 375 px on the home, node and list pages.
 * Screenshots of each page go to test-output/explorer/ (gitignored).
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
import { replayedStateSource } from '../../src/query/replayed-state.js';
import { registerQueryService } from '../../src/query/service.js';
import { ALL_CODES } from '../../src/core/codes.js';
import { packageRoot } from '../../src/core/paths.js';
import { launchChromium, requireChromium } from '../helpers/chromium.js';
import { projectedImportedChain } from '../helpers/imported-chain.js';
import { projectedSimChain, serveInProcess } from '../helpers/query.js';
import { scratch } from '../helpers/sim.js';

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
  await distinctTitle(page, name);
}

/** Each page's tab title, and the page (its hash without the list-page query) it was first seen on. */
const titles = new Map<string, string>();

/** Two different pages never share a tab title (history entries and tabs must tell them apart), and a page's title is never the bare site name but on the chain page. */
async function distinctTitle(page: Page, name: string): Promise<void> {
  const title = await page.title();
  const route = (await page.evaluate<string>('location.hash')).split('?')[0]!.replace(/^(#\/?)?$/, '#/');
  assert.ok(route === '#/' || title !== 'pokt-ledger explorer', `${name}: ${route} has a title of its own (${title})`);
  const seen = titles.get(title);
  assert.ok(seen === undefined || seen === route, `${name}: "${title}" is the title of ${route} and of ${seen}`);
  titles.set(title, route);
}

/** Waits as `settled` does and saves the screenshot, but returns the state ("ready" or "error") instead of requiring "ready". */
async function settledState(page: Page, name: string): Promise<string> {
  // Evaluated in the page (a string: this file is compiled without the DOM types).
  const done = "document.body.dataset.state !== 'loading' && document.body.dataset.route === location.hash";
  await page.waitForFunction(done, undefined, { timeout: 20_000 });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  const state = await page.evaluate<string>('document.body.dataset.state');
  await oneHeading(page, name, state);
  return state;
}

/** A long hash or address as the explorer shortens it in a heading: its first 10 and last 4 characters. */
const shortened = (text: string): string => `${text.slice(0, 10)}…${text.slice(-4)}`;

/**
 * What the page's one h1 says, from its route: what the page shows ("Block 42", "Node 1a2b…"),
 * for screen readers and the page's outline. Undefined for an error page (its heading is checked
 * where the error is expected) and for a route whose page is told by its content (the DAO's).
 */
function expectedHeading(route: string): string | RegExp | undefined {
  const [name = '', argument = ''] = route.replace(/^#\/?/, '').split('?')[0]!.split('/');
  const named: Readonly<Record<string, string | RegExp>> = {
    '': 'Chain head',
    block: `Block ${argument}`,
    tx: `Transaction ${shortened(argument.toUpperCase())}`,
    account: argument === DAO ? 'Module account: dao' : `Account ${shortened(argument)}`,
    node: `Node ${shortened(argument)}`,
    app: `Application ${shortened(argument)}`,
    params: 'Parameters',
    blocks: /^Blocks \([0-9,]+\)$/,
    nodes: /^Nodes \([0-9,]+\)$/,
    apps: /^Applications \([0-9,]+\)$/,
  };
  return Object.hasOwn(named, name) ? named[name] : undefined;
}

/** Every page has exactly one h1; a page shown (not an error) names in it what it shows. */
async function oneHeading(page: Page, name: string, state: string): Promise<void> {
  const headings = await page.locator('h1').allInnerTexts();
  assert.is(headings.length, 1, `${name}: one h1, not ${JSON.stringify(headings)}`);
  const expected = state === 'ready' ? expectedHeading(await page.evaluate<string>('location.hash')) : undefined;
  if (typeof expected === 'string') assert.is(headings[0], expected, `${name}: the h1 names what the page shows`);
  else if (expected !== undefined) assert.match(headings[0]!, expected, `${name}: the h1 names what the page shows`);
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
  // With a state to walk sessions with, as `serve` has: the app page's session button asks /v1/client/dispatch.
  registerQueryService(app, store, { dispatchState: replayedStateSource(chain.dir) });
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
    // Keyboard: the first Tab stop skips the menu and the search box (nine stops on every page), and shows itself when focused.
    const homeHash = await page.evaluate<string>('location.hash');
    await page.keyboard.press('Tab');
    assert.is(await page.evaluate<string>('document.activeElement?.textContent ?? ""'), 'skip to content', 'the first Tab stop is "skip to content"');
    assert.ok(await page.evaluate<boolean>('(({ left, top }) => left >= 0 && top >= 0)(document.activeElement.getBoundingClientRect())'), 'the focused skip link is on screen');
    await page.keyboard.press('Enter');
    assert.is(await page.evaluate<string>('document.activeElement?.id ?? ""'), 'main', 'Enter moves the focus to the page');
    assert.is(await page.evaluate<string>('location.hash'), homeHash, 'and stays on the page (#main is not taken for a route)');
    await page.keyboard.press('Tab');
    assert.is(await page.evaluate<string>('document.activeElement?.closest("main")?.id ?? ""'), 'main', 'the next Tab is inside the page, past the menu');
    assert.ok(await page.locator('#supply-chart').isVisible(), 'the supply chart is drawn');
    // Burns get their own chart and axis (they were invisible below the mints' axis), each pool its own.
    for (const id of ['mint-chart', 'burn-chart', 'dao-chart', 'app-stake-chart']) assert.ok(await page.locator(`#${id}`).isVisible(), `${id} is drawn`);
    assert.match(await page.locator('#main').innerText(), /txs so far\s+\d{1,3}(,\d{3})+/, 'counts grouped by thousands');
    // The supply's first point on a chain younger than the charts' range: height 0 is said to be the genesis state, not read as a block.
    assert.match(await page.locator('#main').innerText(), /total at 0 \(the genesis state\)\s+[0-9,.]+\u00a0POKT/, 'the supply at height 0 is the genesis state');
    assert.ok((await page.locator('section:has(h2:text("Recent blocks")) table tr').count()) > 1, 'recent blocks are listed');

    await page.locator('section:has(h2:text("Applications")) a').first().click();
    await settled(page, '1b-app');
    // The session walk (/v1/client/dispatch) shows a busy indicator until it answers, then the session.
    await page.locator('.buttons button').first().click();
    assert.ok((await page.locator('#main .spinner').count()) + (await page.locator('th:text("nodes (")').count()) > 0, 'a spinner while the session is walked');
    await page.locator('th:text("nodes (")').waitFor({ timeout: 20_000 });

    await page.goto(`${base}/explorer/#/block/${tx.height}`);
    await settled(page, '2-block');
    assert.is(await page.locator('header nav a[aria-current]').count(), 0, 'a block page is none of the menu\'s pages');
    // A failed tx's code carries its log as a tooltip: the block's failed rows say why.
    const failedTitles = await page.locator('section:has(h2:text("Transactions")) td span.rejected').evaluateAll((spans) => spans.map((span) => span.getAttribute('title') ?? ''));
    assert.ok(failedTitles.length > 0, 'the block shown has failed txs (the seeded chain)');
    assert.ok(failedTitles.every((title) => title.length > 0), `every failed tx's code has its log as a tooltip: ${JSON.stringify(failedTitles)}`);
    await page.locator(`a[href="#/tx/${claim.submitted_tx}"]`).first().click();
    await settled(page, '3-tx');
    const txText = await page.locator('#main').innerText();
    assert.match(txText, /claim/i, 'the tx page shows the decoded claim');
    assert.match(txText, /fee\s+0\.01\u00a0POKT \(10,000\u00a0uPOKT\)/, 'the fee in POKT, as every amount on the pages, and in uPOKT as signed (grouped)');
    assert.not.match(txText, /upokt/, 'uPOKT is written one way');

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
    // Internal names in words: the signing record's start, reward roles (raw name kept as a tooltip), PIP-22's columns explained.
    assert.not.match(nodeText, /record since height 0|reward_cost_refund|proposer_primary/, 'no raw internal names on the node page');
    assert.match(nodeText, /a validator since (the genesis state|block [0-9,]+)/);
    // Claims and rewards newest first, as the tx lists: heights never rise down the list, the newest claim on top.
    const firstColumn = (title: string): Promise<number[]> =>
      page.locator(`section:has(h2:text("${title} (")) table.list > tr > td:first-child`).evaluateAll((tds) => tds.map((td) => Number((td.textContent ?? '').replace(/[^0-9]/g, ''))));
    const claimHeights = await firstColumn('Claims');
    const claimTotal = (await post<{ total: number }>(base, 'query/claims', { address: claim.servicer, per_page: 1 })).total;
    const newestClaim = await post<{ result: Array<{ submitted_height: number }> }>(base, 'query/claims', { address: claim.servicer, page: claimTotal, per_page: 1 });
    assert.ok(claimHeights.length > 0, 'the node has claims');
    assert.is(claimHeights[0], newestClaim.result[0]!.submitted_height, 'the API\'s last claim first');
    const sessionHeights = await firstColumn('Sessions served');
    assert.ok(sessionHeights.length > 1, `the node served more than one session: ${JSON.stringify(sessionHeights)}`);
    for (const [title, heights] of [['Claims', claimHeights], ['Rewards', await firstColumn('Rewards')], ['Sessions served', sessionHeights]] as const) {
      assert.ok(heights.every((h, i) => i === 0 || h <= heights[i - 1]!), `${title} newest first: ${JSON.stringify(heights.slice(0, 8))}`);
    }
    const rewardsTable = await page.locator('section:has(h2:text("Rewards")) table').count();
    assert.is(await page.locator('section:has(h2:text("Rewards")) th[title*="PIP-22"]').count(), rewardsTable === 0 ? 0 : 2, 'stake bin and weight are explained');
    assert.match(nodeText, /PIP-22's stake weighting/);
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
    const changeLinks = await page.locator('section:has(h2:text-matches("^Changes since genesis")) > div.paged table > tr > td:first-child > a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    assert.equal(changeLinks, changes.result.map((c) => `#/block/${c.height}`), 'one row per change, linked to its block');
    assert.match(paramsText, new RegExp(`Changes since genesis \\(${changes.total}\\)`));
    // The copy of each before value under its after value is a phone's (its before column hidden there), never drawn beside the before column.
    assert.is(await page.locator('.changes .was:visible').count(), 0, 'on a wide screen the before values are in their own column only');
    // The groups in words under a page heading, not pocket-core's field names.
    assert.is(await page.locator('h1').innerText(), 'Parameters');
    assert.is(await page.title(), 'Parameters · pokt-ledger explorer', 'the tab says "Parameters" as the menu and the heading do, not "params"');
    assert.ok(await page.locator('h2:text-is("Applications")').isVisible(), 'app_params is headed "Applications"');
    assert.not.match(paramsText, /app_params|node_params/, 'no raw group names as headings');

    await walkFurther(page, base);
    await uxFindings(page, base);
    await pagerFindings(page, base, tx.height);
    await txNotFound(browser, base);
    await unreachable(browser, base);
    await narrowScreen(browser, base, tx.height);

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
  const complaint = page.locator('#search-message');
  await complaint.waitFor({ state: 'visible', timeout: 5_000 });
  assert.match(await complaint.innerText(), /height.*tx or block hash.*address/, 'a bad search says on the page what is expected');
  await search.fill('1');
  await search.press('Enter');
  await settled(page, '7-search-after-bad');
  assert.is(await page.locator('h1').innerText(), 'Block 1', 'the search box works again after a bad entry');
  assert.ok(await complaint.isHidden(), 'the complaint is gone once a search works');

  await page.goto(`${base}/explorer/#/block/0`);
  assert.is(await settledState(page, '8-block-0'), 'error', 'block 0 is not shown as the latest block');
  assert.match(await page.locator('#main').innerText(), /numbered from 1/);
  assert.is(await page.locator('#main h1').innerText(), 'Not a block height', 'an error page has a heading');

  // An account with more sent txs than a page holds: the next page is one click away.
  const txs = await post<{ txs: Array<{ tx_result: { signer: string; message_type: string }; hash: string }> }>(base, 'query/allblocktxs', { height: 3 });
  const busy = txs.txs[0]!.tx_result.signer.toLowerCase();
  const sent = await post<{ total_txs: number }>(base, 'query/accounttxs', { address: busy, per_page: 1 });
  assert.ok(sent.total_txs > 25, `the seeded account ${busy} has more than a page of sent txs (${sent.total_txs})`);
  await page.goto(`${base}/explorer/#/account/${busy}`);
  await settled(page, '9-account-busy');
  const sentSection = page.locator('section:has(h2:text("Sent txs"))');
  assert.match(await sentSection.locator('.pager').innerText(), new RegExp(`rows 1–25 of ${sent.total_txs}`));
  // The account's own column is left out: a signer column repeated the account in every row, each a link to the page itself.
  assert.equal(await sentSection.locator('th').allInnerTexts(), ['hash', 'height', 'message', 'recipient', 'result'], 'an account\'s sent list has no signer column');
  // Only a send to itself (its recipient, column 4) may link the page it is on.
  assert.is(await sentSection.locator(`table.list tr > td:not(:nth-child(4)) a[href="#/account/${busy}"]`).count(), 0, 'no row links to the page it is on but as a recipient');
  // Newest first (the explorer asks pocket-core's order "asc", which its tx index walks backwards): the first row is the API's last tx.
  const sentHeights = await sentSection.locator('table.list > tr > td:nth-child(2)').evaluateAll((tds) => tds.map((td) => Number((td.textContent ?? '').replace(/[^0-9]/g, ''))));
  const lastSent = await post<{ txs: Array<{ height: number }> }>(base, 'query/accounttxs', { address: busy, page: sent.total_txs, per_page: 1 });
  assert.is(sentHeights[0], lastSent.txs[0]!.height, 'the newest sent tx on top');
  assert.ok(sentHeights.every((h, i) => i === 0 || h <= sentHeights[i - 1]!), `sent txs newest first: ${JSON.stringify(sentHeights.slice(0, 8))}`);
  await sentSection.locator('button:text("next ›")').click();
  await sentSection.locator(`.pager:has-text("rows 26–${sent.total_txs} of ${sent.total_txs}")`).waitFor({ timeout: 10_000 });
  // The page is in the URL: a link away and Back return to it (and it can be linked).
  const pagedRoute = await page.evaluate<string>('location.hash');
  assert.is(pagedRoute, `#/account/${busy}?sent=2`, 'the sent list\'s page is in the URL');
  await sentSection.locator('a[href^="#/tx/"]').first().click();
  await settled(page, '9b-tx-from-page-2');
  await page.goBack();
  await page.waitForFunction(`document.body.dataset.state === 'ready' && document.body.dataset.route === ${JSON.stringify(pagedRoute)}`);
  assert.match(await page.locator('section:has(h2:text("Sent txs")) .pager').innerText(), new RegExp(`rows 26–${sent.total_txs} of ${sent.total_txs}`), 'Back returns to page 2');

  await page.goto(`${base}/explorer/#/account/6386713deb27b609daad5e2e32ee6591753e5f4e`);
  await settled(page, '10-dao');
  assert.is(await page.locator('h1').innerText(), 'Module account: dao');

  const send = txs.txs.find((tx) => tx.tx_result.message_type === 'send');
  assert.ok(send !== undefined, 'block 3 has a send');
  await page.goto(`${base}/explorer/#/tx/${send.hash}`);
  await settled(page, '11-send');
  assert.match(await page.locator('#main').innerText(), /amount\s+[0-9,.]+\u00a0POKT \([0-9,]+\u00a0uPOKT\)/, "a send's amount is shown, not only inside the JSON");

  for (const list of ['blocks', 'nodes', 'apps']) {
    await page.goto(`${base}/explorer/#/${list}`);
    await settled(page, `12-${list}`);
    assert.ok((await page.locator('table.list tr').count()) > 1, `${list} are listed`);
  }
  // The nodes list says how many there are, in its title and its count line (x-total-count).
  const nodeCount = Number((await (await fetch(`${base}/v1/query/nodes`, { method: 'POST', body: '{}' })).headers.get('x-total-count')) ?? NaN);
  await page.goto(`${base}/explorer/#/nodes`);
  await settled(page, '12a-nodes');
  assert.is(await page.locator('#main h1').innerText(), `Nodes (${nodeCount.toLocaleString('en-US')})`, 'the nodes title shows the count');
  assert.match(await page.locator('.pager').innerText(), new RegExp(`rows 1–50 of ${nodeCount.toLocaleString('en-US')}`));
  // At 1280 px a node's address and its stake each stay on one line.
  const heights = await page.locator('table.list tr:nth-child(2) td').evaluateAll((tds) => tds.slice(0, 3).map((td) => (td.firstElementChild as unknown as { getClientRects(): { length: number } }).getClientRects().length));
  assert.equal(heights, [1, 1, 1], 'address, status and stake on one line each');
  // Stakes are right-aligned, header included, so "15,723.27 POKT" and "5,000,000 POKT" end (their units line up) at one edge.
  const stakeEdges = await page.locator('table.list tr > :nth-child(3)').evaluateAll((cells) =>
    cells.map((cell) => { const range = (globalThis as unknown as { document: { createRange(): { selectNodeContents(n: unknown): void; getBoundingClientRect(): { right: number } } } }).document.createRange(); range.selectNodeContents(cell); return Math.round(range.getBoundingClientRect().right); }),
  );
  assert.ok(stakeEdges.length > 2 && new Set(stakeEdges).size === 1, `the stake column's amounts and header end at one edge: ${JSON.stringify(stakeEdges.slice(0, 8))}`);
  // The menu marks where the user is: "nodes" here, nothing on a detail page.
  assert.equal(await page.locator('header nav a[aria-current="page"]').allInnerTexts(), ['nodes'], 'the menu marks the nodes list as the page shown');
  // The blocks list is paged (20 a page over the chain's blocks): its next page opens.
  await page.goto(`${base}/explorer/#/blocks`);
  await settled(page, '12b-blocks');
  await page.locator('button:text("next ›")').click();
  await page.locator('.pager:has-text("rows 21–40")').waitFor({ timeout: 10_000 });
  assert.is(await page.evaluate<string>('location.hash'), '#/blocks?page=2', 'the blocks list\'s page is in the URL');
  await page.reload();
  await settled(page, '12c-blocks-page-2-reloaded');
  assert.match(await page.locator('.pager').innerText(), /rows 21–40/, 'a linked page opens at that page');

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

const DAO = '6386713deb27b609daad5e2e32ee6591753e5f4e';

/**
 * The QA pass's findings, each checked where a user meets it: error pages (a heading, a way on,
 * the server's code in small print, no query sent to fail where the page can tell), search entries,
 * words for internal names, the block reward's DAO link, a block's tx list without its height.
 */
async function uxFindings(page: Page, base: string): Promise<void> {
  const head = (await post<{ height: number }>(base, 'query/height', {})).height;
  const errorPage = async (route: string, name: string, heading: string, linkHref: string): Promise<string> => {
    await page.goto(`${base}/explorer/#/${route}`);
    assert.is(await settledState(page, name), 'error', `${route} is an error page`);
    assert.is(await page.locator('#main h1').innerText(), heading, `${route}: its heading`);
    // The tab says what went wrong, not the name of a page that was not shown ("foo · …", "tx zz · …").
    assert.is(await page.title(), `${heading} · pokt-ledger explorer`, `${route}: its tab title`);
    assert.ok((await page.locator(`#main a[href="${linkHref}"]`).count()) > 0, `${route}: links ${linkHref}`);
    return page.locator('#main').innerText();
  };
  assert.match(await errorPage('tx/zz', '16-err-bad-hash', 'Not a transaction hash', '#/blocks'), /64 hexadecimal/);
  assert.match(await errorPage('account/xyz', '16-err-bad-address', 'Not an address', `#/account/${DAO}`), /40 hexadecimal/);
  assert.match(await errorPage('foo', '16-err-unknown', 'Page not found', '#/'), /no page/);
  await errorPage('block/30/extra', '16-err-extra', 'Page not found', '#/');
  assert.match(await errorPage(`block/${head + 5}`, '16-err-future', `No block ${head + 5} yet`, `#/block/${head}`), new RegExp(`chain is at height ${head}`));
  // An address that is an account but not a node: "not a node", with its account page one click away.
  assert.match(await errorPage(`node/${DAO}`, '16-err-not-node', 'Not a node', `#/account/${DAO}`), /not a staked node/);
  await errorPage(`app/${DAO}`, '16-err-not-app', 'Not an application', `#/account/${DAO}`);

  // A well-formed address the chain has never seen: said so, not "0 POKT".
  await page.goto(`${base}/explorer/#/account/${'1'.repeat(40)}`);
  await settled(page, '17-account-unknown');
  assert.match(await page.locator('#main').innerText(), /never appeared on the chain/);

  // Search: a 0x address lands on its account; a height past the head is said inline.
  const search = page.locator('#search-text');
  await search.fill(`0x${DAO.toUpperCase()}`);
  await search.press('Enter');
  await settled(page, '18-search-0x');
  assert.is(await page.evaluate<string>('location.hash'), `#/account/${DAO}`, 'a 0x address lands on its account');
  await search.fill(String(head + 1000));
  await search.press('Enter');
  await page.locator('#search-message').waitFor({ state: 'visible', timeout: 5_000 });
  assert.match(await page.locator('#search-message').innerText(), new RegExp(`the chain is at height ${head}`));
  assert.is(await page.evaluate<string>('location.hash'), `#/account/${DAO}`, 'a height past the head opens no page');
  // A 64-hex is looked up (query/hash, no 400 for "neither": the main walk's console must stay
  // clean): a block hash opens its block, a tx hash in lower case its tx, a hash of nothing is
  // said inline.
  const blockHash = (await post<{ block_id: { hash: string } }>(base, 'query/block', { height: 2 })).block_id.hash;
  await search.fill(blockHash);
  await search.press('Enter');
  await settled(page, '18a-search-block-hash');
  assert.is(await page.evaluate<string>('location.hash'), '#/block/2', 'a block hash lands on its block');
  const someTx = (await post<{ txs: Array<{ hash: string }> }>(base, 'query/allblocktxs', { height: 3 })).txs[0]!.hash;
  await search.fill(someTx.toLowerCase());
  await search.press('Enter');
  await settled(page, '18b-search-tx-hash');
  assert.is(await page.evaluate<string>('location.hash'), `#/tx/${someTx.toUpperCase()}`, 'a tx hash (any case) lands on its tx');
  await search.fill('ab'.repeat(32));
  await search.press('Enter');
  await page.locator('#search-message').waitFor({ state: 'visible', timeout: 5_000 });
  assert.match(await page.locator('#search-message').innerText(), /No transaction or block has the hash ABABABABABAB/);
  assert.is(await page.evaluate<string>('location.hash'), `#/tx/${someTx.toUpperCase()}`, 'a hash of nothing opens no page');

  // A block with a reward split: the DAO's share links the DAO account; its own tx list has no height column.
  await page.goto(`${base}/explorer/#/block/${head}`);
  await settled(page, '19-block-reward');
  const reward = page.locator('section:has(h2:text("At this block"))');
  assert.ok((await reward.locator(`a[href="#/account/${DAO}"]`).count()) > 0, 'the block reward links the DAO account');
  assert.not.match(await reward.innerText(), /proposer_primary/, 'reward roles in words');
  const txHeaders = await page.locator('section:has(h2:text("Transactions")) th').allInnerTexts();
  assert.not.ok(txHeaders.includes('height'), `a block's own txs have no height column: ${JSON.stringify(txHeaders)}`);
}

/** Sets the hash in the page (a new history entry, as a typed link does) and waits for its page. */
async function open(page: Page, route: string, name: string): Promise<void> {
  await page.evaluate(`location.hash = ${JSON.stringify(route)}`);
  await settled(page, name);
}

/**
 * The second QA pass on lists: a page past the end or garbage in the URL shows a page that exists,
 * says so and puts it in the URL (in place: no new history entry); Back after a pager click returns
 * to the scroll position; the pager button keeps the keyboard focus; a failed tx says "Failed" and
 * its code's name.
 */
async function pagerFindings(page: Page, base: string, failedTxHeight: number): Promise<void> {
  const head = (await post<{ height: number }>(base, 'query/height', {})).height;
  const pages = Math.ceil(head / 20);
  assert.ok(pages >= 2, `the blocks list has more than one page (${pages})`);
  const note = page.locator('.no-such-page');
  await page.goto(`${base}/explorer/#/`);
  await settled(page, '21-home');
  const before = await page.evaluate<number>('history.length');
  await open(page, '#/blocks?page=99', '21a-blocks-page-99');
  assert.is(await page.evaluate<string>('location.hash'), `#/blocks?page=${pages}`, 'a page past the end shows the last page, in the URL');
  assert.is(await page.evaluate<number>('history.length'), before + 1, 'the URL is replaced, not pushed');
  assert.is(await note.innerText(), `there is no page 99; showing page ${pages} of ${pages}`);
  assert.match(await page.locator('.pager').innerText(), new RegExp(`rows ${(pages - 1) * 20 + 1}–${head} of ${head}`));
  assert.ok(await page.locator('button:text("next ›")').isDisabled(), 'no next page after the last');
  for (const bad of ['abc', '-1']) {
    await open(page, `#/blocks?page=${bad}`, `21b-blocks-page-${bad}`);
    assert.is(await page.evaluate<string>('location.hash'), '#/blocks', `?page=${bad} shows page 1, and the URL says so`);
    assert.is(await note.innerText(), `there is no page “${bad}”; showing page 1 of ${pages}`);
    await page.locator('button:text("next ›")').click();
    await page.locator('.pager:has-text("rows 21–")').waitFor({ timeout: 10_000 });
    assert.is(await page.evaluate<string>('location.hash'), '#/blocks?page=2', `next from ?page=${bad} is page 2`);
  }
  await open(page, `#/block/${failedTxHeight}?txs=9`, '21c-block-txs-9');
  assert.is(await page.evaluate<string>('location.hash'), `#/block/${failedTxHeight}`, 'a block\'s tx list past its end: its only page');
  assert.match(await note.innerText(), /^there is no page 9; showing page 1 of 1$/);
  await open(page, '#/nodes?page=999', '21d-nodes-page-999');
  const nodePages = await page.evaluate<string>('location.hash');
  assert.match(nodePages, /^#\/nodes(\?page=[0-9]+)?$/, 'the nodes list past its end');
  assert.match(await note.innerText(), /^there is no page 999; showing page \d+ of \d+$/);
  assert.ok(await page.locator('#main table.list').isVisible(), 'the nodes are listed');
  // A valid page has no note.
  await open(page, '#/blocks?page=2', '21e-blocks-page-2');
  assert.is(await note.count(), 0, 'no note on a page that exists');

  // Keyboard: Enter on "next ›" loads the next page and leaves the focus on "next ›"; Back and Forward restore the scroll.
  // A short window, so a list of 20 blocks scrolls.
  await page.setViewportSize({ width: 1280, height: 400 });
  await open(page, '#/blocks', '22-blocks');
  const next = page.locator('button:text("next ›")');
  await next.scrollIntoViewIfNeeded();
  await page.evaluate('window.scrollBy(0, 40)');
  const y1 = await page.evaluate<number>('window.scrollY');
  assert.ok(y1 > 100, `the blocks page scrolls (${y1})`);
  await next.focus();
  await page.keyboard.press('Enter');
  await page.locator('.pager:has-text("rows 21–")').waitFor({ timeout: 10_000 });
  await page.waitForFunction("document.querySelector('.paged').dataset.state === 'ready'");
  assert.is(await page.evaluate<string>('document.activeElement?.textContent ?? ""'), 'next ›', 'the focus stays on "next ›"');
  await page.evaluate('window.scrollTo(0, 0)');
  await page.goBack();
  await page.waitForFunction("document.body.dataset.state === 'ready' && document.body.dataset.route === '#/blocks'");
  const back = await page.evaluate<number>('window.scrollY');
  assert.ok(Math.abs(back - y1) <= 3, `Back after a pager click restores the scroll: ${back} vs ${y1}`);
  await page.goForward();
  await page.waitForFunction("document.body.dataset.state === 'ready' && document.body.dataset.route === '#/blocks?page=2'");
  assert.ok((await page.evaluate<number>('window.scrollY')) <= 3, 'Forward returns to page 2 where it was left (its top)');
  await page.setViewportSize({ width: 1280, height: 900 });
  // On the last page "next ›" is disabled: the focus goes to the list's heading.
  await open(page, `#/blocks?page=${pages - 1}`, '22b-blocks-before-last');
  await page.locator('button:text("next ›")').focus();
  await page.keyboard.press('Enter');
  await page.locator(`.pager:has-text("of ${head}")`).waitFor({ timeout: 10_000 });
  await page.waitForFunction(`location.hash === '#/blocks?page=${pages}' && document.querySelector('.paged').dataset.state === 'ready'`);
  assert.is(await page.evaluate<string>('document.activeElement?.tagName ?? ""'), 'H1', 'the focus moves to the list\'s heading (the page\'s h1) when "next ›" is disabled');

  // A failed tx: "Failed", its code's name and number, and the reason.
  // One whose hash is its own: a replayed tx (same bytes, same hash) fails, but query/tx answers the first, which did not.
  type Failed = { hash: string; tx_result: { code: number; codespace: string } };
  let failed: Failed | undefined;
  for (const t of (await post<{ txs: Failed[] }>(base, 'query/allblocktxs', { height: failedTxHeight, per_page: 100 })).txs.filter((t) => t.tx_result.code !== 0)) {
    if ((await post<Failed>(base, 'query/tx', { hash: t.hash })).tx_result.code !== 0) {
      failed = t;
      break;
    }
  }
  assert.ok(failed !== undefined, 'a failed tx');
  const name = ALL_CODES.find((c) => c.codespace === failed.tx_result.codespace && c.code === failed.tx_result.code)?.name;
  assert.ok(name !== undefined, `the code ${failed.tx_result.codespace}:${failed.tx_result.code} has a name`);
  await open(page, `#/tx/${failed.hash}`, '23-failed-tx');
  const result = await page.locator('table.facts tr:has(th:text-is("result")) td').innerText();
  assert.match(result, new RegExp(`^Failed: ${name} \\(${failed.tx_result.codespace}:${failed.tx_result.code}\\)\\n\\S`), `the result says Failed, the name, the code and the reason: ${JSON.stringify(result)}`);
  assert.not.match(result, /\{"codespace"/, 'the reason, not the log\'s JSON');
}

/**
 * A tx page for a 64-hex that is not a tx: a block's hash (as a link might carry) is said to be
 * one and links its block; a hash of nothing says no tx has it. Neither sends a request the
 * service refuses (query/hash answers "neither" with a 200), so the console stays clean.
 */
async function txNotFound(browser: Browser, base: string): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems = watch(page);
  try {
    const blockHash = (await post<{ block_id: { hash: string } }>(base, 'query/block', { height: 1 })).block_id.hash;
    await page.goto(`${base}/explorer/#/tx/${blockHash}`);
    assert.is(await settledState(page, '20-err-tx-is-block-hash'), 'error');
    assert.is(await page.locator('#main h1').innerText(), 'A block hash, not a transaction');
    assert.match(await page.locator('#main').innerText(), /is the hash of block 1/);
    assert.ok((await page.locator('#main a[href="#/block/1"]').count()) > 0, 'the block is one click away');
    await page.goto(`${base}/explorer/#/tx/${'cd'.repeat(32)}`);
    assert.is(await settledState(page, '20b-err-tx-not-found'), 'error');
    assert.is(await page.locator('#main h1').innerText(), 'Transaction not found');
    assert.ok((await page.locator('#main a[href="#/blocks"]').count()) > 0, 'a way on');
    assert.equal(problems.failed, [], 'no refused request');
    assert.equal(problems.console, [], 'no console error');
  } finally {
    await page.close();
  }
}

/**
 * The query service gone (every /v1 request refused by the network, as when it stopped): the page
 * says the service cannot be reached, not "Something failed while building it" (which reads as a
 * bug in the page), with the browser's reason in the small print.
 */
async function unreachable(browser: Browser, base: string): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  try {
    await page.route('**/v1/**', (route) => route.abort('connectionrefused'));
    await page.goto(`${base}/explorer/#/blocks`);
    assert.is(await settledState(page, '24-err-unreachable'), 'error');
    assert.is(await page.locator('#main h1').innerText(), 'The query service cannot be reached');
    assert.match(await page.locator('#main').innerText(), /stopped, or the network to it is down[\s\S]*POST \/v1\/query\//, 'what happened in words, the request in the small print');
    assert.is(await page.title(), 'The query service cannot be reached · pokt-ledger explorer');
  } finally {
    await page.close();
  }
}

/**
 * The sections of the current page whose content is wider than their box (at 375 px a detail
 * table must wrap its long values; a list scrolls inside its own .scroll box, which is not counted).
 */
async function overflowingSections(page: Page): Promise<string[]> {
  return page.locator('section').evaluateAll((sections) =>
    sections.filter((s) => s.scrollWidth > s.clientWidth).map((s) => `${s.querySelector('h1, h2')?.textContent ?? '?'}: ${s.scrollWidth} > ${s.clientWidth}`),
  );
}

/**
 * The amounts on the current page broken across lines between the number and its unit ("1,234.5"
 * at a line's end, "POKT" on the next): each "<number> POKT" or "<number> uPOKT" in the page's
 * text whose range spans more than one line. None may be.
 */
async function splitAmounts(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(`(() => {
    const split = [];
    const walker = document.createTreeWalker(document.getElementById('main'), NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      for (const match of node.data.matchAll(/-?[0-9][0-9,]*(\\.[0-9]+)?\\s+u?POKT/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        if (new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size > 1) split.push(match[0]);
      }
    }
    return split;
  })()`);
}

/** A phone-sized screen: no page wider than the screen, and a chart tall enough to read. */
async function narrowScreen(browser: Browser, base: string, failedTxHeight: number): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 375, height: 800 } });
  const problems = watch(page);
  try {
    await page.goto(`${base}/explorer/#/`);
    await settled(page, '14-narrow-home');
    // The supply's "change over blocks" sentence wrapped between "25,521.530722" and "POKT" on a phone.
    assert.equal(await splitAmounts(page), [], 'no amount on the home page broken from its unit');
    const chartHeight = await page.locator('#supply-chart').evaluate<number, HTMLElementLike>((canvas) => canvas.getBoundingClientRect().height);
    assert.ok(chartHeight >= 200, `the supply chart keeps a readable height on a phone: ${chartHeight}px`);
    await page.goto(`${base}/explorer/#/block/3`);
    await settled(page, '15-narrow-block');
    const width = await page.evaluate<number>('document.documentElement.scrollWidth');
    assert.ok(width <= 375, `the block page fits a 375 px screen (scroll width ${width})`);
    // The header is compact (it took ~165 px with a wrapped "go") and the search box is labelled.
    const header = await page.locator('header').evaluate<number, HTMLElementLike>((h) => h.getBoundingClientRect().height);
    assert.ok(header <= 100, `the header is at most 100 px on a phone: ${header}`);
    assert.is(await page.locator('label[for="search-text"]').count(), 1, 'the search box has a label');
    // A list wider than the phone scrolls in its box, which shows there is more; shortened hashes stay on one line.
    const txs = page.locator('section:has(h2:text("Transactions")) .scroll-box');
    assert.match((await txs.getAttribute('data-more')) ?? '', /right/, 'the tx list shows that it scrolls');
    // Each tx's outcome is marked in the first (sticky) column, on screen.
    const marks = await page.locator('section:has(h2:text("Transactions")) table.list tr td:first-child .mark').evaluateAll((spans) => spans.map((s) => { const r = (s as unknown as { getBoundingClientRect(): { right: number } }).getBoundingClientRect(); return `${s.textContent}@${Math.round(r.right)}`; }));
    const rowCount = (await page.locator('section:has(h2:text("Transactions")) table.list tr').count()) - 1;
    assert.is(marks.length, rowCount, `every tx row has a mark in its first column: ${JSON.stringify(marks.slice(0, 4))}`);
    assert.ok(marks.every((m) => /^[✓✗] (ok|failed)@\d+$/.test(m) && Number(m.split('@')[1]) <= 375), `marks are ✓/✗ and on screen: ${JSON.stringify(marks.slice(0, 4))}`);
    const lines = await txs.locator('a.short').evaluateAll((links) => links.map((a) => (a as unknown as { getClientRects(): { length: number } }).getClientRects().length));
    assert.ok(lines.length > 0 && lines.every((n) => n === 1), `shortened hashes are not broken across lines: ${JSON.stringify(lines.slice(0, 5))}`);

    // Detail pages with long unbreakable values fit: an account (its public key) and a failed tx (an address in its reason).
    const failed = (await post<{ txs: Array<{ hash: string; tx_result: { code: number; signer: string } }> }>(base, 'query/allblocktxs', { height: failedTxHeight, per_page: 100 })).txs.find((t) => t.tx_result.code !== 0);
    assert.ok(failed !== undefined, 'a failed tx to look at');
    for (const [route, name] of [[`tx/${failed.hash}`, '15b-narrow-failed-tx'], [`account/${failed.tx_result.signer.toLowerCase()}`, '15c-narrow-account']] as const) {
      await page.goto(`${base}/explorer/#/${route}`);
      await settled(page, name);
      assert.equal(await overflowingSections(page), [], `${route}: every section fits its box at 375 px`);
      const pageWidth = await page.evaluate<number>('document.documentElement.scrollWidth');
      assert.ok(pageWidth <= 375, `${route}: no horizontal page overflow (${pageWidth})`);
    }
    // Parameters: keys break only at '/', values wrap in the rest, the changes table shows its "after" column.
    await page.goto(`${base}/explorer/#/params`);
    await settled(page, '15d-narrow-params');
    const broken = await page.locator('code.key').evaluateAll((codes) =>
      codes.flatMap((c) => Array.from((c as unknown as { childNodes: ArrayLike<{ nodeType: number; textContent: string }> }).childNodes).filter((n) => n.nodeType === 3).map((n) => {
        const range = (globalThis as unknown as { document: { createRange(): { selectNodeContents(n: unknown): void; getClientRects(): { length: number } } } }).document.createRange();
        range.selectNodeContents(n);
        return [n.textContent, range.getClientRects().length] as const;
      })).filter(([, lines]) => lines > 1).map(([text]) => text),
    );
    assert.equal(broken, [], 'no key part broken inside a word');
    assert.equal(await splitAmounts(page), [], 'no amount on the parameters page broken from its unit ("uPOKT = 15,000 POKT")');
    // Four columns cannot hold two unbroken amounts: the before column is hidden and each before value drawn under its after value.
    assert.is(await page.locator('.changes .paged table.list > tr > th:text-is("before")').isVisible(), false, 'no before column on a phone');
    assert.ok((await page.locator('.changes .was:visible').count()) > 0, 'the before values under the after values on a phone');
    const cut = await page.locator('section.params .scroll').evaluateAll((boxes) => boxes.filter((b) => b.scrollWidth > b.clientWidth + 1).map((b) => `${b.closest('section')?.querySelector('h2')?.textContent}: ${b.scrollWidth} > ${b.clientWidth}`));
    assert.equal(cut, [], 'every parameter table fits 375 px (the changes\' "after" column is not cut)');
    assert.ok((await page.evaluate<number>('document.documentElement.scrollWidth')) <= 375, 'the parameters page fits 375 px');

    // A node page on a phone: no hover, so the PIP-22 formulas (the headers' tooltips) open by a tap on the page itself.
    const servicer = (await post<{ result: Array<{ servicer: string }> }>(base, 'query/claims', { per_page: 1 })).result[0]!.servicer;
    await page.goto(`${base}/explorer/#/node/${servicer}`);
    await settled(page, '15e-narrow-node');
    const formulas = page.locator('section:has(h2:text("Rewards (")) details.formulas');
    await formulas.locator('summary').click({ timeout: 5_000 });
    assert.match(await formulas.innerText(), /ServicerStakeFloorMultiplier[\s\S]*RelaysToTokensMultiplier/, 'the stake bin and weight formulas are on the page, not only in tooltips');
    assert.not.match(await page.locator('#main').innerText(), /[Hh]over/, 'no "hover" instruction a phone cannot follow');
    // An app's current session on a phone: each of its nodes on one line (24 full addresses wrapped read as one wall of hex).
    const someApp = (await post<{ result: Array<{ address: string }> }>(base, 'query/apps', { opts: { page: 1, per_page: 1 } })).result[0]!.address;
    await page.goto(`${base}/explorer/#/app/${someApp}`);
    await settled(page, '15k-narrow-app');
    await page.locator('.buttons button').first().click();
    await page.locator('th:text("nodes (")').waitFor({ timeout: 20_000 });
    const sessionNodes = await page.locator('table.facts tr:has(th:text("nodes (")) a').evaluateAll((links) => links.map((a) => (a as unknown as { getClientRects(): { length: number } }).getClientRects().length));
    assert.ok(sessionNodes.length > 0 && sessionNodes.every((lines) => lines === 1), `each session node on one line at 375 px: ${JSON.stringify(sessionNodes.slice(0, 6))}`);
    assert.ok((await page.evaluate<number>('document.documentElement.scrollWidth')) <= 375, 'the app page with its session fits 375 px');
    // Every other page fits the screen too: no horizontal page overflow.
    for (const [route, name] of [['', '15f-narrow-home'], [`node/${servicer}`, '15g-narrow-node'], ['nodes', '15h-narrow-nodes'], ['apps', '15i-narrow-apps'], ['blocks', '15j-narrow-blocks']] as const) {
      await page.goto(`${base}/explorer/#/${route}`);
      await settled(page, name);
      const pageWidth = await page.evaluate<number>('document.documentElement.scrollWidth');
      assert.ok(pageWidth <= 375, `#/${route}: no horizontal page overflow (${pageWidth})`);
      assert.equal(await splitAmounts(page), [], `#/${route}: no amount broken from its unit`);
    }
    assert.equal(problems.console, [], 'no console errors (narrow)');
    assert.equal(problems.failed, [], 'no failed requests (narrow)');
  } finally {
    await page.close();
  }
}

/**
 * A chain imported from a state exported at H = 6, then 3 blocks: it holds the state at 6 and
 * blocks 7–9, and the service refuses heights below 6 (400 height_before_first_state). The home
 * page, the blocks list and the first block must ask for none of blocks 1–6 (every request
 * answered), a block below is said in words, and so is a search for one.
 */
test('an imported chain: the lists start at its first block, and nothing below is asked for', async () => {
  const H = 6;
  await withImportedChainServed('explorer-imported', H, 3, async (browser, base) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watch(page);
    await page.goto(`${base}/explorer/`);
    await settled(page, '30-imported-home');
    const recent = await page.locator('section:has(h2:text("Recent blocks")) table tr td:first-child').allInnerTexts();
    assert.equal(recent, ['9', '8', '7'], 'recent blocks: the three blocks after the import, none below');
    await page.goto(`${base}/explorer/#/blocks`);
    await settled(page, '31-imported-blocks');
    assert.is(await page.locator('#main h1').innerText(), 'Blocks (3)', 'the list counts the blocks this chain holds');
    await page.goto(`${base}/explorer/#/block/${H + 1}`);
    await settled(page, '32-imported-first-block');
    assert.match(await page.locator('#main').innerText(), /previous\s+none here: the state imported at height 6/, 'the first block links no block before it');
    await page.goto(`${base}/explorer/#/block/${H - 3}`);
    assert.is(await settledState(page, '33-imported-block-below'), 'error');
    assert.match(await page.locator('#main').innerText(), /imported from the state exported at height 6: its first block is 7/);
    const search = page.locator('#search-text');
    await search.fill('2');
    await search.press('Enter');
    await page.locator('#search-message').waitFor({ state: 'visible', timeout: 5_000 });
    assert.match(await page.locator('#search-message').innerText(), /Block 2 is not on this chain/);
    assert.equal(problems.console, [], 'no console errors on the imported chain');
    assert.equal(problems.failed, [], 'no failed or refused requests on the imported chain');
  });
});

/**
 * A chain imported from a state exported at H = 6 and projected before its first block (what a
 * user has right after `init` + `project` of a pocket-core export): the service holds the state
 * at 6 and no block. The home page must show that state, not an error page — it asked for
 * block 6, which no chain imported at 6 holds (scale walk of 2026-12-07: "block_not_found, no
 * block at height 24" on a mainnet-sized import).
 */
test('an imported chain before its first block: the home page shows the imported state', async () => {
  await withImportedChainServed('explorer-imported-no-block', 6, 0, async (browser, base) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watch(page);
    await page.goto(`${base}/explorer/`);
    await settled(page, '34-imported-home-no-block');
    const text = await page.locator('#main').innerText();
    assert.match(text, /the state imported at height 6/, 'the head is the imported state');
    assert.match(text, /no block yet: the first will be 7/, 'says that no block is stored yet');
    assert.is(text.match(/total at 6/g)?.length, 1, 'the supply: one total, the imported state\'s (it was listed twice, as the first and the last)');
    assert.match(text, /change\s+— \(no block yet\)/, 'the supply has not changed: no block yet (it said "one block so far")');
    // One state, one point: a pool's line has no segment to draw, so its point is what shows (it drew nothing, pointRadius 0).
    const radii = await page.evaluate<number[][]>(POOL_POINT_RADII);
    assert.equal(radii, [[3], [3], [3]], 'each pool chart draws its single point');
    assert.equal(problems.failed, [], 'no failed or refused requests before the first block');
    assert.equal(problems.console, [], 'no console errors before the first block');
  });
});

/** A chain imported from a state exported at `exportedAt`, then `blocks` blocks, projected and served, with Chromium open on it. */
async function withImportedChainServed(name: string, exportedAt: number, blocks: number, run: (browser: Browser, base: string) => Promise<void>): Promise<void> {
  requireChromium();
  mkdirSync(SHOTS, { recursive: true });
  const work = scratch(name);
  const { dir } = await projectedImportedChain(work.dir, exportedAt, blocks);
  const served = await serveInProcess(dir);
  await served.app.listen({ host: '127.0.0.1', port: 0 });
  const address = served.app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    await run(browser, base);
  } finally {
    await browser?.close();
    await served.close();
    work.remove();
  }
}

/** The drawn radius of every point of each pool chart (chart.js's resolved options of the first dataset). */
const POOL_POINT_RADII = `['supply-chart', 'dao-chart', 'app-stake-chart'].map((id) => Chart.getChart(document.getElementById(id)).getDatasetMeta(0).data.map((point) => point.options.radius))`;

/** What the in-page callbacks above read (this file is compiled without the DOM types). */
interface HTMLElementLike {
  getBoundingClientRect(): { readonly height: number };
}

test.run();
