/**
 * Goal: the audit derives WHICH nodes are slashed (downtime, double sign), jailed for downtime
 * and force-unstaked for MaxJailedBlocks from the raw headers with its own signing infos
 * (src/audit/independent/signing.ts), and the set equals the recorded rap sheet both ways: on
 * the audit's 300-block chain (every message kind) and on a chain where jailed validators stay
 * jailed until MaxJailedBlocks forces them out; a deleted or added rap row is named exactly;
 * `--from` mid-chain derives the same (the shadow walks from genesis); an imported exported
 * state carries its signing infos (the jailed-blocks counter continues from the file's).
 * Method: test/helpers/audit-chain.ts's chains; tampering edits one copy with SQL; the import
 * exports the jailed chain at a height where a validator sits in jail, imports it and produces
 * empty blocks past the height where its counter crosses MaxJailedBlocks.
 */
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runAudit } from '../../../src/audit/index.js';
import { exportDataDir } from '../../../src/cli/commands/export.js';
import { project } from '../../../src/projection/run.js';
import { projectionFile } from '../../../src/projection/store.js';
import { ChainWriter } from '../../../src/runtime/chain-writer.js';
import { initDataDir } from '../../../src/runtime/data-dir.js';
import { auditSimChain, copyChain, JAILED_SIM_BLOCKS, jailedSimChain } from '../../helpers/audit-chain.js';
import { scratch } from '../../helpers/sim.js';

const test = suite('audit: slashing derived from the raw headers');

const LINES = ['slash/downtime', 'slash/double_sign', 'jail/downtime', 'force_unstake/max_jailed_blocks'] as const;

interface RapRow {
  height: number;
  event_index: number;
  address: string;
  kind: string;
  reason: string | null;
  amount_upokt: bigint | null;
}

function rapRows(dir: string, fromHeight = 0): RapRow[] {
  const db = new Database(projectionFile(dir), { readonly: true });
  db.defaultSafeIntegers(true);
  try {
    const rows = db.prepare('SELECT height, event_index, address, kind, reason, amount_upokt FROM rap_sheet WHERE height >= ? ORDER BY height, event_index').all(fromHeight) as Array<Record<string, unknown>>;
    return rows.map((r) => ({ ...(r as unknown as RapRow), height: Number(r['height']), event_index: Number(r['event_index']) }));
  } finally {
    db.close();
  }
}

/** The recorded rows the audit now derives, counted by its line names. */
function recordedCounts(rows: readonly RapRow[]): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(LINES.map((l) => [l, 0]));
  for (const r of rows) {
    if (r.kind === 'slashed') counts[`slash/${r.reason}`]! += 1;
    else if (r.kind === 'jailed' && r.reason?.startsWith('downtime')) counts['jail/downtime']! += 1;
    else if (r.kind === 'force_unstake' && r.reason === 'max_jailed_blocks') counts['force_unstake/max_jailed_blocks']! += 1;
  }
  return counts;
}

test('the audit chain (every message kind, 300 blocks): derived slashes and jails = recorded, 0 mismatches', async () => {
  const dir = await auditSimChain();
  const summary = await runAudit({ dataDir: dir, catchUp: false });
  assert.is(summary.mismatches, 0, JSON.stringify(summary.mismatch_list.slice(0, 5)));
  assert.equal(summary.slashing_derived, recordedCounts(rapRows(dir)));
  for (const line of ['slash/downtime', 'slash/double_sign', 'jail/downtime']) assert.ok(summary.slashing_derived[line]! > 0, `no ${line} derived`);
  // Evidence the ledger ignored (too old, no validator) is on the chain too, so the audit's own ignoring ran.
  const ignored = new Set(rapRows(dir).filter((r) => r.kind === 'evidence_ignored').map((r) => r.reason));
  assert.ok(ignored.has('too_old') && ignored.has('unknown_validator'), [...ignored].join(','));
});

test('the jailed chain: MaxJailedBlocks force unstakes derived = recorded, with every slash and jail, 0 mismatches', async () => {
  const dir = await jailedSimChain();
  const summary = await runAudit({ dataDir: dir, catchUp: false });
  assert.is(summary.mismatches, 0, JSON.stringify(summary.mismatch_list.slice(0, 5)));
  assert.is(summary.blocks, JAILED_SIM_BLOCKS);
  assert.equal(summary.slashing_derived, recordedCounts(rapRows(dir)));
  for (const line of LINES) assert.ok(summary.slashing_derived[line]! > 0, `no ${line} derived: ${JSON.stringify(summary.slashing_derived)}`);
  // Every Unjail here is too early (a 1,000-hour jail): pos:104 re-decided from the audit's own jails and signing infos (unstake-unjail.ts).
  assert.ok((summary.unstake_unjail_codes['unjail pos:104'] ?? 0) > 0 && summary.unstake_unjail_codes['unjail ok'] === undefined, JSON.stringify(summary.unstake_unjail_codes));
});

test('tampered rap sheet (slash, jail, force unstake rows deleted, added, changed): each named exactly, nothing else', async () => {
  const copy = copyChain(await jailedSimChain(), 'audit-slash-tamper');
  try {
    const rows = rapRows(copy.dir);
    const of = (kind: string, reason: string | null, n = 0): RapRow => rows.filter((r) => r.kind === kind && (reason === null || r.reason === reason))[n]!;
    const downtime = of('slashed', 'downtime', 0);
    const jail = of('jailed', null, 1);
    const forced = of('force_unstake', 'max_jailed_blocks', 2);
    const doubleSign = of('slashed', 'double_sign', 3);
    const tooOld = of('evidence_ignored', 'too_old', 0);
    // A free node at a height where nothing happened to it: the first double-signer, well before its slash.
    const stranger = of('slashed', 'double_sign', 0);
    const strangerHeight = stranger.height - 5;
    assert.ok(rows.every((r) => !(r.height === strangerHeight && r.address === stranger.address)));
    const db = new Database(projectionFile(copy.dir));
    db.defaultSafeIntegers(true);
    const del = db.prepare('DELETE FROM rap_sheet WHERE height = ? AND event_index = ?');
    const add = db.prepare('INSERT INTO rap_sheet (height, event_index, address, kind, reason, amount_upokt, tx_hash, details_json) VALUES (?, 9999, ?, ?, ?, ?, NULL, \'{}\')');
    del.run(downtime.height, downtime.event_index);
    del.run(jail.height, jail.event_index);
    del.run(forced.height, forced.event_index);
    add.run(tooOld.height, tooOld.address, 'slashed', 'double_sign', 1000n);
    add.run(strangerHeight, stranger.address, 'force_unstake', 'max_jailed_blocks', 1n);
    db.prepare('UPDATE rap_sheet SET amount_upokt = amount_upokt + 1 WHERE height = ? AND event_index = ?').run(doubleSign.height, doubleSign.event_index);
    db.close();
    const wanted = [
      { height: downtime.height, account: downtime.address, line: 'slash/downtime:derived', expected: String(downtime.amount_upokt), recorded: 'none' },
      { height: jail.height, account: jail.address, line: 'jail/downtime:derived', expected: 'jailed', recorded: 'none' },
      { height: forced.height, account: forced.address, line: 'force_unstake/max_jailed_blocks', expected: 'queued', recorded: 'none' },
      { height: tooOld.height, account: tooOld.address, line: 'slash/double_sign:derived', expected: 'none', recorded: '1000' },
      { height: strangerHeight, account: stranger.address, line: 'force_unstake/max_jailed_blocks', expected: 'none', recorded: 'queued' },
      { height: doubleSign.height, account: doubleSign.address, line: 'slash/double_sign', expected: String(doubleSign.amount_upokt), recorded: String(doubleSign.amount_upokt! + 1n) },
    ];
    const summary = await runAudit({ dataDir: copy.dir, catchUp: false });
    const order = (list: ReadonlyArray<{ height: number; line: string }>) => [...list].sort((a, b) => a.height - b.height || (a.line < b.line ? -1 : 1));
    assert.equal(order(summary.mismatch_list), order(wanted));
    assert.is(summary.mismatches, wanted.length);
  } finally {
    copy.remove();
  }
});

// The report itemises unjails "as compared with the rap sheet" (docs/audit.md): the audit's own
// delivered Unjail txs against the `unjailed` rows, both ways (before, neither a deleted nor an
// added row was named). The audit chain has delivered unjails; the jailed chain has none.
test('tampered rap sheet (an unjail row deleted, one added): each named exactly, nothing else', async () => {
  const copy = copyChain(await auditSimChain(), 'audit-unjail-tamper');
  try {
    const rows = rapRows(copy.dir);
    const unjails = rows.filter((r) => r.kind === 'unjailed');
    assert.ok(unjails.length >= 2, `the audit chain has delivered unjails: ${unjails.length}`);
    const deleted = unjails[0]!;
    // A node jailed at a height with no unjail of it: the jail row's own height.
    const jail = rows.find((r) => r.kind === 'jailed' && !unjails.some((u) => u.height === r.height && u.address === r.address))!;
    const db = new Database(projectionFile(copy.dir));
    db.prepare('DELETE FROM rap_sheet WHERE height = ? AND event_index = ?').run(deleted.height, deleted.event_index);
    db.prepare("INSERT INTO rap_sheet (height, event_index, address, kind, reason, amount_upokt, tx_hash, details_json) VALUES (?, 9999, ?, 'unjailed', NULL, NULL, NULL, '{}')").run(jail.height, jail.address);
    db.close();
    const wanted = [
      { height: deleted.height, account: deleted.address, line: 'unjail:derived', expected: 'unjailed', recorded: 'none' },
      { height: jail.height, account: jail.address, line: 'unjail:derived', expected: 'none', recorded: 'unjailed' },
    ].sort((a, b) => a.height - b.height);
    const summary = await runAudit({ dataDir: copy.dir, catchUp: false, to: Math.max(deleted.height, jail.height) });
    assert.equal([...summary.mismatch_list].sort((a, b) => a.height - b.height), wanted);
    assert.is(summary.mismatches, wanted.length);
  } finally {
    copy.remove();
  }
});

test('--from mid-chain, after a jail and before the force unstake it leads to: the same derived set, 0 mismatches', async () => {
  const dir = await jailedSimChain();
  const rows = rapRows(dir);
  const forced = rows.filter((r) => r.kind === 'force_unstake' && r.reason === 'max_jailed_blocks')[1]!;
  const jailedAt = rows.filter((r) => r.kind === 'jailed' && r.address === forced.address && r.height < forced.height).at(-1)!.height;
  const from = jailedAt + 1;
  const summary = await runAudit({ dataDir: dir, catchUp: false, from });
  assert.is(summary.mismatches, 0, JSON.stringify(summary.mismatch_list.slice(0, 5)));
  assert.is(summary.blocks, JAILED_SIM_BLOCKS - from + 1);
  assert.equal(summary.slashing_derived, recordedCounts(rapRows(dir, from)));
  assert.ok(summary.slashing_derived['force_unstake/max_jailed_blocks']! >= 1);
});

test('an imported exported state mid-jail: the jailed-blocks counter continues from the file, the force unstake derived at the recorded height', async () => {
  const source = await jailedSimChain();
  const rows = rapRows(source);
  const forced = rows.find((r) => r.kind === 'force_unstake' && r.reason === 'max_jailed_blocks')!;
  const jailedAt = rows.find((r) => r.kind === 'jailed' && r.address === forced.address)!.height;
  const H = jailedAt + 5; // the counter is 6 in the file
  const work = scratch('audit-slash-import');
  try {
    const file = join(work.dir, 'exported.json');
    writeFileSync(file, JSON.stringify(await exportDataDir(source, H)));
    const dir = join(work.dir, 'imported');
    initDataDir(dir, file, { exportedHeight: H });
    const writer = await ChainWriter.open(dir, { fsync: 'never', onWarning: () => undefined });
    for (let h = H + 1; h <= forced.height + 1; h++) writer.produce({ timeNs: writer.lastBlockTimeNs + 900_000_000_000n, txs: [] });
    writer.close();
    await project(dir);
    const imported = rapRows(dir).filter((r) => r.kind === 'force_unstake' && r.reason === 'max_jailed_blocks');
    assert.equal(imported.map((r) => [r.height, r.address]), [[forced.height, forced.address]], 'the ledger forces it out at the same height as on the source chain');
    const summary = await runAudit({ dataDir: dir, catchUp: false });
    assert.is(summary.mismatches, 0, JSON.stringify(summary.mismatch_list.slice(0, 5)));
    assert.is(summary.slashing_derived['force_unstake/max_jailed_blocks'], 1);
  } finally {
    work.remove();
  }
});

test.run();
