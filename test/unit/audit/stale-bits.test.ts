/**
 * Goal: on a data-dir chain where a node re-stakes over stale missed bits (slashing/state.ts),
 * the ledger's downtime jail comes where pocket-core's rules put it, so the audit — whose
 * signing tracker (src/audit/independent/signing.ts) keeps the bits from pocket-core's code on
 * its own — finds 0 mismatches; also across an export at a height where the stale bits are
 * still set and an import of it (the bits travel in missed_blocks).
 * Method: genesis with a big validator A and a funded D (window 100, 4 misses tolerated); D
 * stakes, misses its votes at indices 0..2, unstakes, matures (record deleted, bits kept),
 * re-stakes, signs its first vote (stale bit 0: counter −1) and then misses every vote. By
 * pocket-core's rules (slash.go:255-290) misses on the stale bits 1 and 2 do not count, so the
 * 5th counted miss is D's 9th vote after the re-stake (index 8), not its 6th (index 5, where a
 * ledger without bits jailed it — the audit reported jail/downtime mismatches there before).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runAudit } from '../../../src/audit/index.js';
import { exportDataDir } from '../../../src/cli/commands/export.js';
import type { Address } from '../../../src/core/types.js';
import { project } from '../../../src/projection/run.js';
import { ChainWriter } from '../../../src/runtime/chain-writer.js';
import { initDataDir } from '../../../src/runtime/data-dir.js';
import { signTx, testGenesisJson, testKey } from '../../helpers/chain.js';
import { scratch } from '../../helpers/sim.js';
import { votesNext } from '../../helpers/signing-chain.js';
import { beginUnstakeNodeMsg, stakeNodeMsg } from '../../helpers/staking.js';

const test = suite('audit: a re-stake over stale missed bits');

const POKT = 1_000_000n;
const A = testKey('audit-stale-a');
const D = testKey('audit-stale-d');
const INTERVAL_NS = 900_000_000_000n;

const genesis = testGenesisJson({
  validators: [{ key: A, tokensUpokt: 1_000_000n * POKT }],
  accounts: [{ key: D, balanceUpokt: 100_000n * POKT }],
  params: { pos: { signed_blocks_window: '100', min_signed_per_window: '0.96', stake_minimum: '15000000000', session_block_frequency: '4', unstaking_time: '3600000000000' } },
});

/** D votes in block h's last commit iff it signed block h − 1 (the set as of h − 3; signing-chain votesNext). */
function dVotesNext(writer: ChainWriter): boolean {
  return votesNext(writer.state, D.address);
}

/** One block: D's vote (if any) is `dSigns`; returns whether D voted. */
function block(writer: ChainWriter, dSigns: boolean, txs: Uint8Array[] = []): boolean {
  const voted = dVotesNext(writer);
  writer.produce({ timeNs: writer.lastBlockTimeNs + INTERVAL_NS, txs, signed: (address: Address) => address !== D.address || dSigns });
  return voted;
}

function votes(writer: ChainWriter, plan: readonly boolean[]): void {
  for (let i = 0, guard = 0; i < plan.length; guard++) {
    assert.ok(guard < 30, 'D never voted');
    if (block(writer, plan[i]!)) i++;
  }
}

/** Up to the re-stake and D's first vote after it (signed over stale bit 0). */
function toStaleState(writer: ChainWriter): void {
  block(writer, true, [signTx(D, stakeNodeMsg(D, { value: 20_000n * POKT }))]);
  votes(writer, [false, false, false]);
  block(writer, true, [signTx(D, beginUnstakeNodeMsg(D, D))]);
  for (let guard = 0; writer.state.nodes.validators.has(D.address); guard++) {
    assert.ok(guard < 30, 'D never finished unstaking');
    block(writer, true);
  }
  block(writer, true, [signTx(D, stakeNodeMsg(D, { value: 20_000n * POKT }))]);
  votes(writer, [true]);
  assert.equal(writer.state.slashing.missedBlocks.get(D.address)?.indices, [1, 2], 'stale bits 1 and 2 still set');
  assert.is(writer.state.slashing.signingInfos.get(D.address)!.missedBlocksCounter, -1);
}

/** D misses 8 more votes (indices 1..8); returns the heights of its downtime jails. */
function missEight(writer: ChainWriter): void {
  votes(writer, [false, false, false, false, false, false, false]); // indices 1..7: counter −1, −1, 0, 1, 2, 3, 4
  assert.not.ok(writer.state.nodes.validators.get(D.address)!.jailed, 'the stale bits 1 and 2 did not count: 4 misses, free');
  assert.is(writer.state.slashing.signingInfos.get(D.address)!.missedBlocksCounter, 4);
  votes(writer, [false]); // index 8: 5 > 4
  assert.ok(writer.state.nodes.validators.get(D.address)!.jailed);
  block(writer, true);
  block(writer, true);
}

test('the stale-bit chain: jailed at D\'s 9th vote after the re-stake; audit 0 mismatches, one downtime slash and jail derived; the same after an export and import mid-way', async () => {
  const work = scratch('audit-stale-bits');
  try {
    const genesisFile = join(work.dir, 'genesis.json');
    writeFileSync(genesisFile, genesis);
    const dir = join(work.dir, 'chain');
    initDataDir(dir, genesisFile);
    const writer = await ChainWriter.open(dir, { fsync: 'never', onWarning: () => undefined });
    toStaleState(writer);
    const H = writer.state.chain.meta.get('meta')!.height;
    missEight(writer);
    assert.ok(writer.state.chain.meta.get('meta')!.height < 100, 'no window reset on the way');
    writer.close();
    await project(dir);
    const summary = await runAudit({ dataDir: dir, catchUp: false });
    assert.is(summary.mismatches, 0, JSON.stringify(summary.mismatch_list.slice(0, 5)));
    assert.is(summary.slashing_derived['jail/downtime'], 1);
    assert.is(summary.slashing_derived['slash/downtime'], 1);

    // Export at H (stale bits {1,2}, counter −1), import, replay the same votes.
    const file = join(work.dir, 'exported.json');
    const exported = (await exportDataDir(dir, H)) as { app_state: { pos: { missed_blocks: unknown } } };
    assert.equal(exported.app_state.pos.missed_blocks, { [D.address]: [{ index: '1', missed: true }, { index: '2', missed: true }] });
    writeFileSync(file, JSON.stringify(exported));
    const imported = join(work.dir, 'imported');
    initDataDir(imported, file, { exportedHeight: H });
    const continued = await ChainWriter.open(imported, { fsync: 'never', onWarning: () => undefined });
    assert.equal(continued.state.slashing.missedBlocks.get(D.address)?.indices, [1, 2]);
    missEight(continued);
    continued.close();
    await project(imported);
    const after = await runAudit({ dataDir: imported, catchUp: false });
    assert.is(after.mismatches, 0, JSON.stringify(after.mismatch_list.slice(0, 5)));
    assert.is(after.slashing_derived['jail/downtime'], 1);
  } finally {
    work.remove();
  }
});

test.run();
