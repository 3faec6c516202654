/**
 * Goal: what the audit's report and CLI leave out, they say. A mismatch list capped at 500 rows
 * on the page (50 in the terminal) says "the first 500 of 1,200" and where the rest is; the
 * heights at which the supply does not hold are named (page, verdict and terminal). Without a
 * browser: the page's text is read as a string (test/browser/audit-report.test.ts renders it).
 * Method: the audit tests' chain; a summary given more mismatches than it lists; then a copy
 * whose supply rows at heights 10–40 are tampered (total and DAO + 1: two checks fail at each,
 * and the recorded total_from_previous at 10 and 41), audited by the CLI.
 */
import Database from 'better-sqlite3';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runAudit } from '../../../src/audit/index.js';
import { auditHtml } from '../../../src/audit/html.js';
import { projectionFile } from '../../../src/projection/store.js';
import { auditSimChain, copyChain } from '../../helpers/audit-chain.js';
import { runCli } from '../../helpers/sim.js';

const test = suite('audit: what a capped list leaves out is said');

test('page: "the first 500 of 1,200 mismatches", the failing supply heights as ranges', async () => {
  const summary = await runAudit({ dataDir: await auditSimChain(), catchUp: false, to: 60 });
  const list = Array.from({ length: 1_000 }, (_, i) => ({ height: 10 + (i % 40), account: null, line: 'supply/total', expected: '1', recorded: '2' }));
  const html = auditHtml({ ...summary, mismatches: 1_200, mismatch_list: list, supply_ok: false, supply_failures: { count: 33, heights: [...Array.from({ length: 32 }, (_, i) => 10 + i), 50] } });
  assert.match(html, /The first 500 of 1,200 mismatches are shown\. The audit keeps the first 1,000 \(the count is exact\)/);
  assert.is(/<table id="mismatch-table"[^>]*>[\s\S]*?<\/table>/.exec(html)![0].split('<tr>').length - 2, 500, '500 rows under the heading row');
  assert.match(html, /The supply does not hold at 33 heights: 10–41, 50\./);
  assert.match(html, /supply does NOT hold at 33 heights \(10–41, 50\)/);
});

test('CLI and page on a tampered copy: "the first 50 of N", the heights where the supply fails', async () => {
  const copy = copyChain(await auditSimChain(), 'audit-report-text');
  try {
    const db = new Database(projectionFile(copy.dir));
    db.prepare('UPDATE supply SET total_upokt = total_upokt + 1, dao_upokt = dao_upokt + 1 WHERE height BETWEEN 10 AND 40').run();
    db.close();
    const html = join(copy.dir, 'report.html');
    const run = await runCli(['audit', '--data', copy.dir, '--to', '60', '--no-progress', '--html', html]);
    assert.is(run.code, 1, run.stderr);
    assert.match(run.stdout, /64 mismatches, supply BROKEN/);
    assert.match(run.stdout, /\n {2}supply does not hold at 32 heights: 10, 11, 12, .*, 29, …\n/);
    assert.match(run.stdout, /\n {2}the first 50 of 64 mismatches \(--json or --csv FILE for the first 64\):\n/);
    assert.is(run.stdout.split('\n').filter((line) => line.startsWith('  height ')).length, 50);
    const page = readFileSync(html, 'utf8');
    assert.match(page, /The supply does not hold at 32 heights: 10–41\./);
    assert.match(page, /MISMATCHES: 64 mismatches, supply does NOT hold at 32 heights \(10–41\)/);
  } finally {
    copy.remove();
  }
});

// "Heights 50–60 (11 blocks): 12 supply checks" read as a miscount: the genesis state is checked
// and reported whatever --from says, and the terminal and the page now say so. 12 = the 11
// blocks of 50..60 (the range's own arithmetic) + the genesis state.
test('a range from 50: the supply and signing-info counts say the genesis state is among them', async () => {
  const copy = copyChain(await auditSimChain(), 'audit-range-counts');
  try {
    const html = join(copy.dir, 'report.html');
    const run = await runCli(['audit', '--data', copy.dir, '--from', '50', '--to', '60', '--no-progress', '--html', html]);
    assert.is(run.code, 0, run.stderr);
    assert.match(run.stdout, 'blocks 50–60 (11), ');
    assert.match(run.stdout, ' 12 supply checks (the genesis state’s included), ');
    const page = readFileSync(html, 'utf8');
    assert.match(page, 'Heights 50–60 (11 blocks)');
    assert.match(page, '12 supply checks (the genesis state’s included); ');
    assert.match(page, 'signing infos compared at 12 heights (the genesis state’s included); ');
  } finally {
    copy.remove();
  }
});

// Hex is case-insensitive: an address typed in upper case once matched none of the node's lines
// (0 reward lines, audit_node_not_found). The lower-case run is the reference.
test('--node in upper case: the same scoped audit as in lower case, no not-found warning', async () => {
  const dir = await auditSimChain();
  const node = (await runAudit({ dataDir: dir, catchUp: false, to: 30 })).nodes.rows[0]!.address;
  const scoped = async (address: string): Promise<Record<string, unknown>> => {
    const run = await runCli(['audit', '--data', dir, '--to', '30', '--node', address, '--no-progress', '--json']);
    assert.is(run.code, 0, run.stderr);
    assert.not.match(run.stderr, 'audit_node_not_found');
    // Timings and the page's provenance (its write time) aside, every figure must be the same.
    return { ...(JSON.parse(run.stdout) as Record<string, unknown>), seconds: 0, lines_per_s: 0, provenance: null };
  };
  const lower = await scoped(node);
  assert.ok((lower['reward_lines'] as number) > 0, 'the node has lines in 1..30');
  assert.equal(await scoped(node.toUpperCase()), lower);
});

// The bar once timed its rates from its first report (after up to 50 blocks), so a 2 s audit of
// 30 blocks said 3,051 blocks/s, and it called the reward lines "tx". The bound is the audit's
// own elapsed time (its JSON `seconds`, measured inside runAudit, which the bar's clock starts
// before): blocks/s can be at most blocks / seconds.
test('progress on stderr: blocks walked of the range, blocks/s over the whole audit, reward lines/s named as such', async () => {
  const run = await runCli(['audit', '--data', await auditSimChain(), '--to', '30', '--json']);
  assert.is(run.code, 0, run.stderr);
  const summary = JSON.parse(run.stdout) as { blocks: number; seconds: number };
  const last = run.stderr.trim().split('\n').filter((line) => line.startsWith('audit |')).pop() ?? '';
  const bar = /\| (\d+)\/(\d+) blocks \| ([\d,]+) blocks\/s \| ([\d,]+) reward lines\/s \|/.exec(last);
  assert.ok(bar !== null, `bar line: ${last}`);
  assert.is(`${bar[1]}/${bar[2]}`, '30/30');
  assert.ok(Number(bar[3]!.replaceAll(',', '')) <= Math.ceil(summary.blocks / summary.seconds), `${bar[3]} blocks/s, but the audit took ${summary.seconds} s for ${summary.blocks} blocks`);
  assert.not.match(run.stderr, / tx\/s/);
});

test.run();
