/**
 * Goal: the audit judges double-sign evidence about heights BEFORE an imported chain's log as the
 * ledger does. Evidence about height e is judged with the set that signed e (Tendermint,
 * the fork at 59310158d3e9, state/execution.go:378 LoadValidators(e)) — the set after EndBlock e − 2
 * (state/execution.go:425-438, 469-471). The audit reads the signers of e from block e + 1's last
 * commit; after an import at H the log starts at H + 1, so evidence about e ≤ H − 1 (possible once
 * MaxEvidenceAge allows evidence 2 or more blocks old: max(1, int(minutes) / 15) blocks,
 * x/nodes/keeper/abci.go:40-55) has no commit in the log to read.
 *   - An export WITH the `pokt_ledger` section carries the validator set's per-height history:
 *     the import continues the exporting chain, the ledger slashes with the power in the set that
 *     signed e, and the audit must derive the same slashes (0 mismatches).
 *   - An export WITHOUT it (pocket-core's own shape) knows only the set after H; the ledger ignores
 *     evidence about e ≤ H (`not_in_validator_set`, docs/history.md) — the audit must too.
 * Method: a data-dir chain from signingChain's genesis (A 1,000,000 POKT; slash_fraction_double_sign
 * 0.05, test/fixtures/e2e-single-node-genesis.json:96); block 1 raises MaxEvidenceAge to 45 min by
 * governance (→ 3 blocks) and stakes D at 20,000 POKT; D edits its stake up in blocks 2, 3, 4
 * (22,000, 25,000, 30,000 POKT), so each height from 3 to 6 was signed with another power of D:
 * the set after h − 2 signs h → block 3: 20,000; 4: 22,000; 5: 25,000; 6: 30,000. Exported at
 * H = 6, imported both ways, then blocks 7 and 8 carry the evidence. And a chain exported at
 * H = 2 (MaxEvidenceAge 30 min in its genesis → 2 blocks): evidence about block 1, which the
 * genesis set signed (the history's first version, at 0, signs blocks 1 and 2).
 */
import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runAudit } from '../../../src/audit/index.js';
import { exportDataDir } from '../../../src/cli/commands/export.js';
import type { DuplicateVoteEvidence } from '../../../src/core/block-context.js';
import { project } from '../../../src/projection/run.js';
import { projectionFile } from '../../../src/projection/store.js';
import { ChainWriter } from '../../../src/runtime/chain-writer.js';
import { initDataDir } from '../../../src/runtime/data-dir.js';
import { BLOCK_INTERVAL_NS, signTx, testKey } from '../../helpers/chain.js';
import { evidence } from '../../helpers/evidence.js';
import { code, OWNER, paramChange } from '../../helpers/gov-chain.js';
import { POKT, signingGenesisJson } from '../../helpers/signing-chain.js';
import { scratch } from '../../helpers/sim.js';
import { stakeNodeMsg } from '../../helpers/staking.js';

const A = testKey('imported-evidence-a');
const D = testKey('imported-evidence-d');
const H = 6;

interface RapRow {
  readonly height: number;
  readonly address: string;
  readonly kind: string;
  readonly reason: string | null;
  readonly amount: bigint | null;
}

function rapRows(dir: string): RapRow[] {
  const db = new Database(projectionFile(dir), { readonly: true });
  db.defaultSafeIntegers(true);
  try {
    const rows = db.prepare("SELECT height, address, kind, reason, amount_upokt FROM rap_sheet WHERE kind IN ('slashed', 'evidence_ignored') ORDER BY height, event_index").all() as Array<Record<string, unknown>>;
    return rows.map((r) => ({ height: Number(r['height']), address: r['address'] as string, kind: r['kind'] as string, reason: (r['reason'] as string | null) ?? null, amount: (r['amount_upokt'] as bigint | null) ?? null }));
  } finally {
    db.close();
  }
}

async function openWriter(dir: string): Promise<ChainWriter> {
  return ChainWriter.open(dir, { fsync: 'never', onWarning: () => undefined });
}

/** The source chain (blocks 1..H) and its export at H, with the `pokt_ledger` section. */
async function sourceExport(work: string): Promise<Record<string, unknown>> {
  const genesisFile = join(work, 'genesis.json');
  writeFileSync(genesisFile, signingGenesisJson(A, D));
  const dir = join(work, 'source');
  initDataDir(dir, genesisFile);
  const writer = await openWriter(dir);
  const stakes: Record<number, bigint> = { 1: 20_000n, 2: 22_000n, 3: 25_000n, 4: 30_000n };
  for (let h = 1; h <= H; h++) {
    const txs = [];
    // MaxEvidenceAge 2,700 s = 45 min → 45 / 15 = 3 blocks (abci.go:40-55).
    if (h === 1) txs.push(signTx(OWNER, paramChange(OWNER, 'pos/MaxEvidenceAge', '"2700000000000"')));
    if (stakes[h] !== undefined) txs.push(signTx(D, stakeNodeMsg(D, { value: stakes[h]! * POKT })));
    const { result } = writer.produce({ timeNs: writer.lastBlockTimeNs + BLOCK_INTERVAL_NS, txs });
    assert.equal(result.receipts.map(code), txs.map(() => 'ok'), `block ${h}`);
  }
  writer.close();
  return exportDataDir(dir, H);
}

/** `doc` imported at H, blocks H + 1.. carrying `evidence[i]`, projected; the data dir. */
async function importedChain(work: string, name: string, doc: Record<string, unknown>, evidence: ReadonlyArray<readonly DuplicateVoteEvidence[]>): Promise<string> {
  const file = join(work, `${name}.json`);
  writeFileSync(file, JSON.stringify(doc));
  const dir = join(work, name);
  initDataDir(dir, file, { exportedHeight: H });
  const writer = await openWriter(dir);
  for (const items of evidence) writer.produce({ timeNs: writer.lastBlockTimeNs + BLOCK_INTERVAL_NS, txs: [], evidence: items });
  writer.close();
  await project(dir);
  return dir;
}

const test = suite('audit: double-sign evidence about heights before an imported chain\'s log');

test('with the pokt_ledger section: evidence about H − 2 and H − 1 is slashed with the power in the set that signed it, by the ledger and the audit alike', async () => {
  const work = scratch('audit-imported-evidence');
  try {
    const exported = await sourceExport(work.dir);
    // Block 7: D@3 (age 4 > 3: too old), D@4 (age 3), D@5 (age 2), D@6 (age 1: block 7's own last commit).
    // Block 8: A@5 (age 3).
    const dir = await importedChain(work.dir, 'with-section', exported, [[evidence(D, 3), evidence(D, 4), evidence(D, 5), evidence(D, 6)], [evidence(A, 5)]]);
    // Slash = power × 10^6 × 0.05 (x/nodes/keeper/slash.go; PROTOCOL §6.6), power in the set that
    // signed e = the set after e − 2 (execution.go:378, 425-438 at 59310158d3e9): D 22,000 signed 4, 25,000 signed 5,
    // 30,000 signed 6; A 1,000,000 throughout.
    assert.equal(rapRows(dir), [
      { height: 7, address: D.address, kind: 'evidence_ignored', reason: 'too_old', amount: null },
      { height: 7, address: D.address, kind: 'slashed', reason: 'double_sign', amount: 1_100_000_000n },
      { height: 7, address: D.address, kind: 'slashed', reason: 'double_sign', amount: 1_250_000_000n },
      { height: 7, address: D.address, kind: 'slashed', reason: 'double_sign', amount: 1_500_000_000n },
      { height: 8, address: A.address, kind: 'slashed', reason: 'double_sign', amount: 50_000_000_000n },
    ]);
    const summary = await runAudit({ dataDir: dir, catchUp: false });
    assert.is(summary.mismatches, 0, JSON.stringify(summary.mismatch_list.slice(0, 5)));
    assert.is(summary.slashing_derived['slash/double_sign'], 4);
  } finally {
    work.remove();
  }
});

test('without the section (pocket-core\'s shape): evidence about heights ≤ H is ignored by the ledger and the audit alike; about H + 1 slashed by both', async () => {
  const work = scratch('audit-imported-evidence-bare');
  try {
    const { pokt_ledger: _, ...pocketShape } = await sourceExport(work.dir);
    // Block 7: D@4, D@5, D@6 — the imported state knows only the set after H (it signs H + 1 and
    // H + 2: consensus/replay.go:320-328), block 7 has no last commit. Block 8: A@5, and A@7
    // (signed by the imported set, listed in block 8's last commit).
    const dir = await importedChain(work.dir, 'bare', pocketShape, [[evidence(D, 4), evidence(D, 5), evidence(D, 6)], [evidence(A, 5), evidence(A, 7)]]);
    assert.equal(rapRows(dir), [
      { height: 7, address: D.address, kind: 'evidence_ignored', reason: 'not_in_validator_set', amount: null },
      { height: 7, address: D.address, kind: 'evidence_ignored', reason: 'not_in_validator_set', amount: null },
      { height: 7, address: D.address, kind: 'evidence_ignored', reason: 'not_in_validator_set', amount: null },
      { height: 8, address: A.address, kind: 'evidence_ignored', reason: 'not_in_validator_set', amount: null },
      // A's power 1,000,000 × 10^6 × 0.05
      { height: 8, address: A.address, kind: 'slashed', reason: 'double_sign', amount: 50_000_000_000n },
    ]);
    const summary = await runAudit({ dataDir: dir, catchUp: false });
    assert.is(summary.mismatches, 0, JSON.stringify(summary.mismatch_list.slice(0, 5)));
    assert.is(summary.slashing_derived['slash/double_sign'], 1);
  } finally {
    work.remove();
  }
});

test('an export at H = 2 of a chain from its genesis: evidence about block 1, signed by the genesis set (InitChain), slashed by the ledger and the audit alike', async () => {
  // MaxEvidenceAge 30 min in the genesis → 2 blocks (abci.go:40-55): block 3 may carry evidence about 1.
  const work = scratch('audit-imported-evidence-genesis');
  try {
    const genesisFile = join(work.dir, 'genesis.json');
    writeFileSync(genesisFile, signingGenesisJson(A, D, { max_evidence_age: '1800000000000' }));
    const source = join(work.dir, 'source');
    initDataDir(source, genesisFile);
    const writer = await openWriter(source);
    for (let h = 1; h <= 2; h++) writer.produce({ timeNs: writer.lastBlockTimeNs + BLOCK_INTERVAL_NS, txs: [] });
    writer.close();
    const file = join(work.dir, 'at-2.json');
    writeFileSync(file, JSON.stringify(await exportDataDir(source, 2)));
    const dir = join(work.dir, 'imported');
    initDataDir(dir, file, { exportedHeight: 2 });
    const imported = await openWriter(dir);
    imported.produce({ timeNs: imported.lastBlockTimeNs + BLOCK_INTERVAL_NS, txs: [], evidence: [evidence(A, 1)] });
    imported.close();
    await project(dir);
    // Block 1 was signed by the genesis set (state/state.go:232-247, consensus/replay.go:320-328):
    // A at power 1,000,000 → 1,000,000 × 10^6 × 0.05.
    assert.equal(rapRows(dir), [{ height: 3, address: A.address, kind: 'slashed', reason: 'double_sign', amount: 50_000_000_000n }]);
    const summary = await runAudit({ dataDir: dir, catchUp: false });
    assert.is(summary.mismatches, 0, JSON.stringify(summary.mismatch_list.slice(0, 5)));
    assert.is(summary.slashing_derived['slash/double_sign'], 1);
  } finally {
    work.remove();
  }
});

test.run();
