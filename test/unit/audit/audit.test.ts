/**
 * Goal (issue 13 items 1–2): on a simulated chain with every message kind the independent audit
 * finds 0 mismatches and the supply holds at every block; a reward changed in a copy — a
 * projection row, or a balance in a snapshot — is named exactly (height, account, line,
 * expected vs recorded).
 * Method: the chain of test/helpers/audit-chain.ts (300 blocks; PROJECTION_BLOCKS=2000 by hand);
 * tampering edits a copy with SQL / by rewriting the snapshot's JSON line and its checksum.
 */
import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runAudit } from '../../../src/audit/index.js';
import { parseWhatIf, runWhatIf } from '../../../src/audit/what-if.js';
import { snapshotFiles } from '../../../src/audit/snapshots.js';
import { projectionFile } from '../../../src/projection/store.js';
import { AUDIT_SIM_BLOCKS, auditSimChain, copyChain } from '../../helpers/audit-chain.js';
import { runCli } from '../../helpers/sim.js';

const test = suite('audit');

/** One row of the projection of `dir` (read-only). */
function queryOne<T>(dir: string, sql: string, ...params: unknown[]): T {
  const db = new Database(projectionFile(dir), { readonly: true });
  try {
    return db.prepare(sql).get(...params) as T;
  } finally {
    db.close();
  }
}

test('every message kind, 0 mismatches, supply holds at every block, every recorded line recomputed', async () => {
  const dir = await auditSimChain();
  const summary = await runAudit({ dataDir: dir, catchUp: false });
  assert.is(summary.mismatches, 0, JSON.stringify(summary.mismatch_list.slice(0, 5)));
  assert.ok(summary.supply_ok);
  assert.is(summary.blocks, AUDIT_SIM_BLOCKS);
  assert.is(summary.supply_checks, AUDIT_SIM_BLOCKS + 1);
  assert.ok(summary.snapshots_checked >= 1);
  const db = new Database(projectionFile(dir), { readonly: true });
  try {
    const kinds = (db.prepare('SELECT DISTINCT message_type FROM txs WHERE code = 0').all() as Array<{ message_type: string }>).map((r) => r.message_type).sort();
    for (const kind of ['send', 'stake_validator', 'begin_unstake_validator', 'unjail_validator', 'app_stake', 'app_begin_unstake', 'claim', 'proof', 'change_param', 'dao_tranfer']) assert.ok(kinds.includes(kind), `no delivered ${kind} in ${kinds}`);
    const nonZero = db.prepare("SELECT COUNT(*) AS n FROM reward_lines WHERE NOT (kind = 'block' AND role IN ('burn', 'retained', 'dao') AND amount_upokt = 0)").get() as { n: number };
    assert.ok(nonZero.n > 500, `only ${nonZero.n} reward lines`);
    assert.ok(summary.reward_lines >= nonZero.n, `recomputed ${summary.reward_lines} lines, the ledger has ${nonZero.n}`);
    const slashes = db.prepare("SELECT COUNT(*) AS n FROM rap_sheet WHERE kind IN ('slashed', 'replay_burned')").get() as { n: number };
    assert.ok(slashes.n > 0 && summary.slash_and_burn_lines === slashes.n, `${summary.slash_and_burn_lines} vs ${slashes.n}`);
  } finally {
    db.close();
  }
});

test('a changed reward in a projection row is named exactly', async () => {
  const copy = copyChain(await auditSimChain(), 'audit-tamper-row');
  try {
    const db = new Database(projectionFile(copy.dir));
    db.defaultSafeIntegers(true);
    const row = db.prepare("SELECT height, event_index, line_index, address, amount_upokt FROM reward_lines WHERE kind = 'relay' AND role = 'primary' ORDER BY height DESC LIMIT 1").get() as { height: bigint; event_index: bigint; line_index: bigint; address: string; amount_upokt: bigint };
    db.prepare('UPDATE reward_lines SET amount_upokt = amount_upokt + 1 WHERE height = ? AND event_index = ? AND line_index = ?').run(row.height, row.event_index, row.line_index);
    db.close();
    const summary = await runAudit({ dataDir: copy.dir, catchUp: false });
    assert.is(summary.mismatches, 1);
    assert.equal(summary.mismatch_list, [{ height: Number(row.height), account: row.address, line: 'relay/primary', expected: String(row.amount_upokt), recorded: String(row.amount_upokt + 1n) }]);
  } finally {
    copy.remove();
  }
});

test('a changed balance in a snapshot is named exactly (account, height)', async () => {
  const copy = copyChain(await auditSimChain(), 'audit-tamper-snapshot');
  try {
    const [height, file] = [...snapshotFiles(copy.dir)].sort(([a], [b]) => a - b)[0]!;
    const earner = queryOne<{ address: string }>(copy.dir, "SELECT address FROM reward_lines WHERE kind = 'relay' AND role = 'primary' AND height <= ? LIMIT 1", height);
    const lines = gunzipSync(readFileSync(file)).toString('utf8').split('\n');
    lines.pop();
    const trailer = lines.pop()!;
    let original = '';
    const changed = lines.map((line) => {
      if (!line.startsWith(`["e","auth/accounts","${earner.address}"`)) return line;
      const entry = JSON.parse(line) as [string, string, string, string];
      const [balance, key] = entry[3].split(':');
      original = balance!;
      return JSON.stringify([entry[0], entry[1], entry[2], `${BigInt(balance!) + 1n}:${key}`]);
    });
    assert.ok(original !== '', 'the earner has no account in the snapshot');
    const body = changed.join('\n') + '\n';
    const sha256 = createHash('sha256').update(body).digest('hex');
    writeFileSync(file, gzipSync(body + JSON.stringify({ ...(JSON.parse(trailer) as object), sha256 }) + '\n'));
    const summary = await runAudit({ dataDir: copy.dir, catchUp: false });
    assert.equal(summary.mismatch_list, [{ height, account: earner.address, line: 'snapshot/balance', expected: original, recorded: String(BigInt(original) + 1n) }]);
  } finally {
    copy.remove();
  }
});

test('--node keeps only that node\'s lines; --from skips reporting below it', async () => {
  const dir = await auditSimChain();
  const { servicer: node } = queryOne<{ servicer: string }>(dir, "SELECT servicer FROM reward_lines WHERE kind = 'relay' LIMIT 1");
  const summary = await runAudit({ dataDir: dir, catchUp: false, node, from: 100 });
  assert.is(summary.mismatches, 0);
  assert.is(summary.blocks, AUDIT_SIM_BLOCKS - 99);
  assert.ok(summary.reward_lines > 0);
});

test('CLI: --json ends with the verdict, --csv writes the mismatches, a bad --what-if or data dir is a coded error', async () => {
  const copy = copyChain(await auditSimChain(), 'audit-cli');
  try {
    const run = await runCli(['audit', '--data', copy.dir, '--json', '--no-progress', '--csv', `${copy.dir}/m.csv`]);
    assert.is(run.code, 0, run.stderr);
    const summary = JSON.parse(run.stdout) as Record<string, unknown>;
    assert.equal(Object.keys(summary).slice(-4), ['blocks', 'reward_lines', 'mismatches', 'supply_ok']);
    assert.equal([summary['mismatches'], summary['supply_ok']], [0, true]);
    assert.is(readFileSync(`${copy.dir}/m.csv`, 'utf8'), 'height,account,line,expected,recorded\n');
    const bad = await runCli(['audit', '--data', copy.dir, '--json', '--what-if', 'pos/RelaysToTokensMultiplier=485']);
    assert.is(bad.code, 1);
    assert.is((JSON.parse(bad.stdout || bad.stderr) as { error: { code: string } }).error.code, 'invalid_what_if');
    const missing = await runCli(['audit', '--data', `${copy.dir}/nope`, '--json']);
    assert.is(missing.code, 1, missing.stderr);
  } finally {
    copy.remove();
  }
});

test('what-if: an override equal to the value in force changes nothing; RTTM ×2 from H doubles no earlier block and raises the mint', async () => {
  const dir = await auditSimChain();
  const rttm = queryOne<{ param_value: string }>(dir, "SELECT param_value FROM params WHERE param_key = 'pos/RelaysToTokensMultiplier' ORDER BY height DESC LIMIT 1").param_value;
  const H = Math.floor(AUDIT_SIM_BLOCKS / 2);
  const mintedAfter = queryOne<{ m: number }>(dir, 'SELECT COALESCE(SUM(minted_upokt), 0) AS m FROM supply WHERE height >= ?', H);
  const same = await runWhatIf(dir, [parseWhatIf(`pos/RelaysToTokensMultiplier=${JSON.parse(rttm) as string}@${H}`)]);
  assert.equal([same.total.rewards_delta_upokt, same.total.supply_delta_upokt, same.nodes.length, same.changed_txs.length], ['0', '0', 0, 0]);
  const doubled = await runWhatIf(dir, [parseWhatIf(`pos/RelaysToTokensMultiplier=${BigInt(JSON.parse(rttm) as string) * 2n}@${H}`)]);
  assert.is(doubled.from, H);
  assert.ok(mintedAfter.m > 0, 'no mint after H: the test would prove nothing');
  assert.ok(BigInt(doubled.total.minted_delta_upokt) > 0n, JSON.stringify(doubled.total));
  assert.ok(doubled.nodes.some((n) => BigInt(n.rewards_delta_upokt) > 0n));
  assert.ok(doubled.changed_txs.every((t) => t.height >= H));
  assert.throws(() => parseWhatIf('pos/NoSuchParam=1@5'), /unknown parameter/);
  assert.throws(() => parseWhatIf('pos/RelaysToTokensMultiplier=abc@5'), /not a value/);
});

test.run();
