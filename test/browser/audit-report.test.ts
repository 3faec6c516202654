/**
 * Goal: the audit's HTML report, as `pokt-ledger audit --html` writes it, tells an auditor which
 * node got what and makes every minted and burned uPOKT add up — with figures that are RIGHT,
 * checked against a source the report generator does not touch: the query API's own routes
 * (/v1/query/rewards, /supplyhistory, /rapsheet) over the same projection, and the genesis
 * file's bytes. Also: the provenance, the node-scoped report (its title and figures, and the
 * warning for an address no line names), no console error or network request, and no page
 * wider than a 375 px phone or a 1280 px laptop. Screenshots: test-output/audit-report/.
 * Method: the query tests' simulated chain (every message kind), served in-process (fastify
 * inject) for the expectations; the compiled CLI writes the reports (--to the projected tip, so
 * nothing is projected into the shared chain); Debian's headless chromium via playwright-core.
 * Without /usr/bin/chromium it fails, saying how to install it (test/helpers/chromium.ts).
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { packageRoot } from '../../src/core/paths.js';
import { projectionFile } from '../../src/projection/store.js';
import { launchChromium, openReport, requireChromium } from '../helpers/chromium.js';
import { postTo, projectedSimChain, serveInProcess, type Served } from '../helpers/query.js';
import { runCli, scratch } from '../helpers/sim.js';

const SHOTS = join(packageRoot(), 'test-output', 'audit-report');
const test = suite('audit report: a browser reads figures that add up');

type Row = Record<string, string | null>;

/** Every row of a paged ledger route. */
async function all(served: Served, route: string, body: Record<string, unknown> = {}): Promise<Row[]> {
  const rows: Row[] = [];
  for (let page = 1; ; page++) {
    const reply = await postTo(served.app, route, { ...body, page, per_page: 1000 });
    assert.is(reply.status, 200, `${route}: ${reply.text}`);
    rows.push(...(reply.json.result as Row[]));
    if (page >= reply.json.total_pages) return rows;
  }
}

const sum = (rows: readonly Row[], pick: (r: Row) => boolean, field = 'amount'): bigint => rows.filter(pick).reduce((s, r) => s + BigInt(r[field] ?? 0), 0n);

/** What the report must say, from the query API alone. */
async function expectations(served: Served, dataDir: string) {
  const rewards = await all(served, '/v1/query/rewards');
  const supply = await all(served, '/v1/query/supplyhistory');
  const rap = await all(served, '/v1/query/rapsheet');
  const to = Math.max(...supply.map((s) => Number(s['height'])));
  const at = (h: number): Row => supply.find((s) => Number(s['height']) === h)!;
  const relay = (roles: readonly string[]) => (r: Row) => r['kind'] === 'relay' && roles.includes(r['role']!);
  const proposer = (r: Row) => r['kind'] === 'block' && r['role']!.startsWith('proposer_');
  // Per node (the servicer of a relay line, the proposer of a block line): what its work paid.
  const perNode = new Map<string, bigint>();
  for (const r of rewards) {
    if (!(relay(['primary', 'delegator', 'reward_cost_refund'])(r) || proposer(r) || (r['kind'] === 'relay' && r['role'] === 'fee_collector'))) continue;
    perNode.set(r['servicer']!, (perNode.get(r['servicer']!) ?? 0n) + (r['role'] === 'fee_collector' ? 0n : BigInt(r['amount']!)));
  }
  const ranked = [...perNode].sort(([a, x], [b, y]) => (x === y ? (a < b ? -1 : 1) : x > y ? -1 : 1));
  const db = new Database(projectionFile(dataDir), { readonly: true });
  const stateRoot = (db.prepare('SELECT state_root FROM blocks WHERE height = ?').get(to) as { state_root: string }).state_root;
  db.close();
  return {
    to,
    nodeRelay: sum(rewards, relay(['primary', 'delegator'])),
    refunds: sum(rewards, relay(['reward_cost_refund'])),
    feeShare: sum(rewards, relay(['fee_collector'])),
    toDao: sum(rewards, (r) => r['kind'] === 'block' && r['role'] === 'dao'),
    toProposers: sum(rewards, proposer),
    minted: sum(supply, (s) => Number(s['height']) > 0, 'minted'),
    burned: sum(supply, (s) => Number(s['height']) > 0, 'burned'),
    slashed: sum(rap, (r) => r['kind'] === 'slashed'),
    slashes: rap.filter((r) => r['kind'] === 'slashed').map((r) => `${r['height']} ${r['address']} ${r['amount']}`),
    replayBurned: sum(rap, (r) => r['kind'] === 'replay_burned'),
    replays: rap.filter((r) => r['kind'] === 'replay_burned').map((r) => `${r['height']} ${r['address']} ${r['amount']}`),
    downtimeJails: rap.filter((r) => r['kind'] === 'jailed' && r['reason']!.startsWith('downtime')).map((r) => `${r['height']} ${r['address']}`),
    unjails: rap.filter((r) => r['kind'] === 'unjailed').map((r) => `${r['height']} ${r['address']}`),
    supplyStart: at(0)['total']!, supplyEnd: at(to)['total']!,
    feeStart: at(0)['fee_collector']!, feeEnd: at(to)['fee_collector']!,
    nodes: ranked.length, top: ranked[0]!, ranked,
    genesisSha: createHash('sha256').update(readFileSync(join(dataDir, 'events', 'genesis.json'))).digest('hex'),
    stateRoot,
  };
}

/** The exact uPOKT a figure carries (data-upokt), by element id. */
const upokt = async (page: Page, id: string): Promise<bigint> => BigInt((await page.getAttribute(`#${id}`, 'data-upokt')) ?? 'NaN');
const text = async (page: Page, selector: string): Promise<string> => (await page.textContent(selector)) ?? '';

/** The cells' text of a table's body rows (evaluated in the page: this file has no DOM types). */
const cells = (page: Page, table: string): Promise<string[][]> =>
  page.evaluate<string[][]>(`[...document.querySelectorAll(${JSON.stringify(`${table} tbody tr`)})].map((r) => [...r.children].map((c) => c.textContent))`);

/** A column's index in a table, by the first line of its heading (a heading may carry its unit under it). */
const column = (page: Page, table: string, name: string): Promise<number> =>
  page.evaluate<number>(`[...document.querySelectorAll(${JSON.stringify(`${table} thead th`)})].findIndex((th) => th.innerText.split('\\n')[0] === ${JSON.stringify(name)})`);

/** The headings of a table as shown, a heading's lines joined by " / " ("total received / uPOKT"). */
const headings = (page: Page, table: string): Promise<string[]> =>
  page.evaluate<string[]>(`[...document.querySelectorAll(${JSON.stringify(`${table} thead th`)})].map((th) => th.innerText.trim().split('\\n').join(' / '))`);

/** A cell's box against the viewport: is all of it on the screen (sideways)? */
const onScreen = (page: Page, selector: string): Promise<boolean> =>
  page.evaluate<boolean>(`(() => { const r = document.querySelector(${JSON.stringify(selector)}).getBoundingClientRect(); return r.width > 0 && r.left >= 0 && r.right <= window.innerWidth; })()`);

/** Wider than the screen? */
const overflow = (page: Page): Promise<number> => page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');

interface Setup {
  readonly dir: string;
  readonly served: Served;
  readonly out: string;
  readonly browser: Browser;
  readonly want: Awaited<ReturnType<typeof expectations>>;
}

/** The shared chain served in-process, a scratch directory for the reports and a browser, closed after `body`. */
async function withReportSetup(body: (setup: Setup) => Promise<void>): Promise<void> {
  requireChromium();
  mkdirSync(SHOTS, { recursive: true });
  const { dir } = await projectedSimChain();
  const served = await serveInProcess(dir);
  const out = scratch('audit-report');
  const browser = await launchChromium();
  try {
    await body({ dir, served, out: out.dir, browser, want: await expectations(served, dir) });
  } finally {
    await browser.close();
    await served.close();
    out.remove();
  }
}

test('whole chain: reconciliation, node table, slashes and provenance equal the query API; 1280 and 375 px', () =>
  withReportSetup(async ({ dir, served, out, browser, want }) => {
    const html = join(out, 'audit.html');
    const run = await runCli(['audit', '--data', dir, '--to', String(want.to), '--no-progress', '--html', html, '--lines-csv', join(out, 'lines.csv')]);
    assert.is(run.code, 0, run.stdout + run.stderr);
    for (const width of [1280, 375]) {
      const { page, problems } = await openReport(browser, html, width);
      for (const id of ['provenance', 'reconciliation', 'nodes', 'slashes', 'charts', 'mismatches']) assert.ok(await page.$(`section#${id}`), `no section ${id}`);
      assert.is(await overflow(page), 0, `the page is wider than ${width} px`);
      await page.screenshot({ path: join(SHOTS, `whole-chain-${width}.png`), fullPage: true });
      assert.equal(problems, []);
      await assertNodeTableUnitsAndWeights(page);
      await assertWordsNotCodes(page);
      if (width === 375) await assertPhoneLayout(page, want.top[0]);
      if (width !== 1280) continue;
      // Every minted uPOKT: the API's reward lines by role, and its supply rows' mints.
      assert.equal([await upokt(page, 'rec-mint-0'), await upokt(page, 'rec-mint-1'), await upokt(page, 'rec-mint-2'), await upokt(page, 'rec-mint-result')], [want.nodeRelay, want.refunds, want.feeShare, want.minted]);
      assert.is(want.nodeRelay + want.refunds + want.feeShare, want.minted, 'the API itself: lines add up to the mint');
      // The fee collector: its supply-row balances, and the DAO's and proposers' block lines.
      assert.is(await upokt(page, 'rec-fees-0'), BigInt(want.feeStart));
      assert.is(await upokt(page, 'rec-fees-1'), want.feeShare);
      assert.equal([await upokt(page, 'rec-fees-4'), await upokt(page, 'rec-fees-5'), await upokt(page, 'rec-fees-result')], [want.toDao, want.toProposers, BigInt(want.feeEnd)]);
      // Burned: slashes from the rap sheet; the total from the supply rows.
      assert.equal([await upokt(page, 'rec-burn-0'), await upokt(page, 'rec-burn-1'), await upokt(page, 'rec-burn-result')], [want.slashed, want.replayBurned, want.burned]);
      // The supply: its rows at 0 and at the tip.
      assert.equal([await upokt(page, 'rec-supply-0'), await upokt(page, 'rec-supply-1'), await upokt(page, 'rec-supply-2'), await upokt(page, 'rec-supply-result')], [BigInt(want.supplyStart), want.minted, want.burned, BigInt(want.supplyEnd)]);
      for (const id of ['rec-mint-ok', 'rec-fees-ok', 'rec-burn-ok', 'rec-supply-ok']) assert.is((await text(page, `#${id}`)).trim(), '✓', id);
      // The node table: its total row is every node's; its first row is the API's top earner.
      assert.is(await upokt(page, 'nodes-total-total'), want.nodeRelay + want.refunds + want.toProposers);
      assert.match(await text(page, '#node-table tr.total'), new RegExp(`all ${want.nodes.toLocaleString('en-US')} nodes`));
      const first = (await cells(page, '#node-table'))[0]!;
      assert.equal([first[1], first[await column(page, '#node-table', 'total received')]], [want.top[0], want.top[1].toLocaleString('en-US')]);
      // Slashes, replay burns, downtime jails and unjails, as the audit derived them, equal the ledger's rap sheet.
      const events = (await cells(page, '#events')).map((row) => row.map((c) => c.replaceAll(',', '')));
      assert.ok([want.slashes, want.replays, want.downtimeJails, want.unjails].every((l) => l.length > 0), 'the chain lacks a kind: the test would prove less');
      assert.equal(events.filter((e) => e[2] === 'slash').map((e) => `${e[0]} ${e[1]} ${e[4]}`), want.slashes);
      assert.equal(events.filter((e) => e[2] === 'unjail').map((e) => `${e[0]} ${e[1]}`), want.unjails);
      assert.equal(events.filter((e) => e[2] === 'replay burn').map((e) => `${e[0]} ${e[1]} ${e[4]}`), want.replays);
      assert.equal(events.filter((e) => e[2] === 'jail').map((e) => `${e[0]} ${e[1]}`), want.downtimeJails);
      // Provenance: the genesis file's bytes, the projector's state root, the command.
      assert.is(await text(page, '#genesis-sha256'), want.genesisSha);
      assert.match(await text(page, '#provenance'), new RegExp(`State root after ${want.to}${want.stateRoot}`));
      assert.match(await text(page, '#reproduce'), new RegExp(`^pokt-ledger audit --data \\S+ --from 1 --to ${want.to} --html audit.html --lines-csv audit-lines.csv --force$`));
      assert.match(await text(page, '#provenance'), /Ledger versionpokt-ledger \d+\.\d+\.\d+/);
    }
    // The lines CSV: one row per line the audit derived (the API's reward lines, its slashes and replay burns).
    const csvRows = readFileSync(join(out, 'lines.csv'), 'utf8').trimEnd().split('\n').length - 1;
    assert.is(csvRows, (await all(served, '/v1/query/rewards')).length + want.slashes.length + want.replays.length);
  }));

/**
 * The node table's headings say each column's unit (amounts uPOKT, the stake POKT — the page
 * once said "Amounts in uPOKT" over a column in POKT), the unit is written "uPOKT" everywhere,
 * and every weight is shown one way: 4 decimals, the exact value in the title, the footnote
 * saying why it is not round (a weight once read "4.000000…" beside another's "1").
 */
async function assertNodeTableUnitsAndWeights(page: Page): Promise<void> {
  assert.equal(await headings(page, '#node-table'), ['#', 'node', 'total received / uPOKT', 'relay rewards / uPOKT', 'refunds / uPOKT', 'as proposer / uPOKT', 'proofs', 'relays', 'lines', 'per relay / uPOKT', 'stake at proofs / POKT', 'bin', 'weight ¹']);
  const stake = await column(page, '#node-table', 'stake at proofs');
  const rows = (await cells(page, '#node-table')).slice(0, -1);
  // A dash: a node paid only as a proposer has no proof, so no stake, bin or weight at one.
  assert.ok(rows.every((r) => /^(-|[\d,.]+( – [\d,.]+)?)$/.test(r[stake]!)), 'a stake cell is not a bare POKT figure');
  const units = await page.evaluate<string[]>(`document.body.innerText.match(/[uµ]pokt/gi)`);
  assert.equal([...new Set(units)], ['uPOKT'], 'the unit written another way');
  const weights = await page.evaluate<[string, string][]>(`[...document.querySelectorAll('#node-table td.weight')].map((c) => [c.textContent, c.title])`);
  assert.is(weights.length, rows.filter((r) => r[stake] !== '-').length, 'a node with proofs but no weight');
  for (const [shown, exact] of weights) {
    assert.match(shown, /^\d+\.\d{4}( – \d+\.\d{4})?$/, `weight "${shown}" not to 4 decimals`);
    assert.match(exact, /^exact: \d+(\.\d+)?( – \d+(\.\d+)?)?$/, `weight "${shown}" without its exact value`);
    // The shown weight is the exact one rounded (by float here: another way than the page's).
    assert.is(exact.slice('exact: '.length).split(' – ').map((w) => Number(w).toFixed(4)).join(' – '), shown);
  }
  assert.match(await text(page, '#weight-note'), /FracPow/);
}

/** Event kinds, reasons and roles in words (the raw name in the title); a dash only for a kind that burns nothing; the earners chart's axis plain. */
async function assertWordsNotCodes(page: Page): Promise<void> {
  const events = await cells(page, '#events');
  const codes = events.filter((e) => e[2]!.includes('_') || !/^[A-Z]/.test(e[3]!) || e[3]!.includes('_'));
  assert.equal(codes, [], 'a kind or reason as a code');
  assert.ok(events.every((e) => (['jail', 'unjail', 'force unstake'].includes(e[2]!) ? e[4] === '-' : /^[\d,]+$/.test(e[4]!))), 'burned: a dash for a burn, or a figure for a kind that burns nothing');
  const byKind = await cells(page, '#events-by-kind');
  assert.ok(byKind.every((k) => (['jail', 'unjail', 'force unstake'].includes(k[0]!) ? k[2] === '-' : /^[\d,]+$/.test(k[2]!))), 'burned by kind: "-" and "0" mixed');
  assert.is(await page.evaluate<string>(`Chart.getChart('earners').options.scales.y.title.text`), 'node (rank, address)');
}

/**
 * At 375 px: the node table's first row shows its total beside the (shortened) address without
 * any scrolling; scrolled to its end, the node column is still in view and so is the weight; a
 * slash row (a card per row there) shows its burned uPOKT.
 */
async function assertPhoneLayout(page: Page, top: string): Promise<void> {
  const total = (await column(page, '#node-table', 'total received')) + 1;
  assert.ok(await onScreen(page, `#node-table tbody tr:first-child td:nth-child(${total})`), 'the first row\'s total is off the screen');
  const address = await page.evaluate<[string, string]>(`(() => { const a = document.querySelector('#node-table tbody tr:first-child .addr'); return [a.innerText, a.title]; })()`);
  assert.equal(address, [`${top.slice(0, 8)}${top.slice(-4)}`, top], 'the address is not shortened (its middle hidden; the whole in the title)');
  await page.evaluate(`(() => { const box = document.querySelector('#node-table').parentElement; box.scrollLeft = box.scrollWidth; })()`);
  assert.ok(await onScreen(page, '#node-table tbody tr:first-child td:nth-child(2)'), 'the node column scrolled away');
  assert.ok(await onScreen(page, '#node-table tbody tr:first-child td.weight'), 'the last column is not reachable');
  assert.ok(await onScreen(page, '#events tbody tr:first-child td:nth-child(5)'), 'a slash row\'s burned uPOKT is off the screen');
  assert.ok(await onScreen(page, '#events tbody tr:first-child td:nth-child(4)'), 'a slash row\'s reason is off the screen');
}

test('--node: the node is the subject (title, heading, its figures = the API\'s); an address no line names is warned about', () =>
  withReportSetup(async ({ dir, served, out, browser, want }) => {
    const [node, total] = want.top;
    const received = sum(await all(served, '/v1/query/rewards', { address: node }), (r) => r['kind'] === 'relay' || r['kind'] === 'block');
    const html = join(out, 'node.html');
    const run = await runCli(['audit', '--data', dir, '--to', String(want.to), '--node', node, '--no-progress', '--html', html]);
    assert.is(run.code, 0, run.stdout + run.stderr);
    const { page, problems } = await openReport(browser, html, 375);
    assert.match(await page.title(), new RegExp(`audit of node ${node}`));
    assert.match(await text(page, '#title'), new RegExp(`audit of node ${node}`));
    assert.equal([await upokt(page, 'scope-total'), await upokt(page, 'scope-received')], [total, received]);
    assert.ok((await page.$$('#scope-lines tbody tr')).length > 0);
    // Roles in words, the raw name (as in the lines CSV) in the title.
    const roles = await page.evaluate<[string, string][]>(`[...document.querySelectorAll('#scope-lines tbody td:nth-child(3)')].map((c) => [c.textContent, c.title])`);
    assert.ok(roles.some(([, raw]) => raw === 'reward_cost_refund') && roles.every(([shown]) => !shown.includes('_')), `roles: ${JSON.stringify(roles.slice(0, 5))}`);
    assert.is(await overflow(page), 0);
    await page.screenshot({ path: join(SHOTS, 'node-375.png'), fullPage: true });
    assert.equal(problems, []);

    const unknown = '00000000000000000000000000000000000000aa';
    const nowhere = join(out, 'unknown.html');
    const none = await runCli(['audit', '--data', dir, '--to', String(want.to), '--node', unknown, '--no-progress', '--html', nowhere]);
    assert.is(none.code, 0, none.stdout + none.stderr);
    assert.match(none.stderr, new RegExp(`warning \\[audit_node_not_found\\]: no line in heights 1\\.\\.${want.to} is about ${unknown}`));
    const opened = await openReport(browser, nowhere, 1280);
    assert.match(await text(opened.page, '#scope-warning'), new RegExp(`No line in heights 1–${want.to} is about ${unknown}`));
    await opened.page.screenshot({ path: join(SHOTS, 'unknown-node-1280.png'), fullPage: true });
    assert.equal(opened.problems, []);
  }));

test.run();
