/**
 * Goal: a data directory's log replays to the same state root at every height — from genesis,
 * from a snapshot, with signatures verified on the worker pool or trusted — and a run whose
 * roots differ is stopped at the first divergent height with the differing entries named.
 * Method: a writer produces blocks of real signed sends into a temp data dir; replays compare.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { bytesToHex } from '../../../src/core/hex.js';
import { ChainWriter } from '../../../src/runtime/chain-writer.js';
import { initDataDir } from '../../../src/runtime/data-dir.js';
import { replay } from '../../../src/runtime/replay.js';
import { listSnapshots, readSnapshot } from '../../../src/snapshot/snapshot.js';
import { BLOCK_INTERVAL_NS, sendMsg, signTx, testGenesisJson, testKey } from '../../helpers/chain.js';
import { countReads } from '../../helpers/count-reads.js';

const alice = testKey('alice');
const bob = testKey('bob');
const validator = testKey('validator-1');

function freshDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pokt-ledger-replay-'));
  const genesis = join(dir, 'source-genesis.json');
  writeFileSync(genesis, testGenesisJson({ accounts: [{ key: alice, balanceUpokt: 10_000_000_000n }], validators: [{ key: validator, tokensUpokt: 100_000_000_000n }] }));
  initDataDir(join(dir, 'data'), genesis);
  return join(dir, 'data');
}

async function writeBlocks(dir: string, blocks: number, options: { snapshotEvery?: number; tamperAt?: number } = {}): Promise<string[]> {
  const writer = await ChainWriter.open(dir, { snapshotEvery: options.snapshotEvery ?? 0 });
  const roots: string[] = [];
  try {
    for (let i = 0; i < blocks; i++) {
      const height = writer.height + 1;
      if (height === options.tamperAt) {
        // A buggy producer: a balance changes outside any tx. The record's root includes it.
        const account = writer.state.auth.accounts.get(bob.address)!;
        writer.state.auth.accounts.set(bob.address, { ...account, balanceUpokt: account.balanceUpokt + 1n });
      }
      const txs = [signTx(alice, sendMsg(alice, bob, BigInt(1_000 + i))), signTx(alice, sendMsg(alice, bob, BigInt(10_000_000_000)))];
      roots.push(writer.produce({ timeNs: writer.lastBlockTimeNs + BLOCK_INTERVAL_NS, txs }).result.stateRoot);
    }
  } finally {
    writer.close();
  }
  return roots;
}

const runtime = suite('runtime: replay');

runtime('replay from genesis with pool-verified signatures reaches the same root at every height', async () => {
  const dir = freshDataDir();
  try {
    const roots = await writeBlocks(dir, 12);
    const seen: string[] = [];
    const outcome = await replay(dir, { workers: 2, onBlock: (result) => seen.push(result.stateRoot) });
    assert.ok(outcome.verified);
    assert.is(outcome.height, 12);
    assert.is(outcome.blocks, 12);
    assert.is(outcome.txs, 24);
    assert.equal(seen, roots);
    const trusted = await replay(dir, { trustSignatures: true });
    assert.is(trusted.stateRoot, outcome.stateRoot);
  } finally {
    rmSync(join(dir, '..'), { recursive: true, force: true });
  }
});

runtime('workers that cannot start: the replay verifies on its own thread, reaches the same roots and says so once', async () => {
  const dir = freshDataDir();
  try {
    const roots = await writeBlocks(dir, 6);
    const warnings: string[] = [];
    // workers: 0 makes VerifyPool.create refuse, as a worker that cannot start would.
    const outcome = await replay(dir, { workers: 0, onWarning: (warning) => warnings.push(warning.code) });
    assert.ok(outcome.verified);
    assert.is(outcome.stateRoot, roots.at(-1));
    assert.equal(warnings, ['verify_workers_unavailable']);
    // With workers that start, nothing is said.
    const quiet: string[] = [];
    await replay(dir, { workers: 2, onWarning: (warning) => quiet.push(warning.code) });
    assert.equal(quiet, []);
  } finally {
    rmSync(join(dir, '..'), { recursive: true, force: true });
  }
});

runtime('a writer reopened later continues the chain; snapshot + tail replay equals full replay', async () => {
  const dir = freshDataDir();
  try {
    await writeBlocks(dir, 7, { snapshotEvery: 5 });
    await writeBlocks(dir, 6, { snapshotEvery: 5 });
    const snapshots = listSnapshots(dir);
    assert.equal(snapshots.map((s) => s.height), [5, 10]);
    const full = await replay(dir, { trustSignatures: true });
    const fromSnapshot = await replay(dir, { trustSignatures: true, fromSnapshot: true });
    assert.is(fromSnapshot.startedFrom, 'snapshot');
    assert.is(fromSnapshot.startHeight, 10);
    assert.is(fromSnapshot.stateRoot, full.stateRoot);
    assert.is(full.height, 13);
    // A snapshot taken by replay at the same height is byte-identical in content (same root).
    const partial = await replay(dir, { trustSignatures: true, to: 10 });
    assert.is(bytesToHex(readSnapshot(snapshots[1]!).store.root), partial.stateRoot);
  } finally {
    rmSync(join(dir, '..'), { recursive: true, force: true });
  }
});

runtime('a divergent run stops at the first differing height and names the differing entry', async () => {
  const dir = freshDataDir();
  try {
    await writeBlocks(dir, 5, { tamperAt: 3 });
    const outcome = await replay(dir, { trustSignatures: true });
    assert.not.ok(outcome.verified);
    assert.is(outcome.divergence?.height, 3);
    assert.is(outcome.divergence?.kind, 'state_root_mismatch');
    assert.is(outcome.blocks, 2, 'only blocks whose roots matched are counted');
    const named = outcome.divergence!.entries.map((entry) => entry.entryKey);
    assert.equal(named, [`auth/accounts/${bob.address}`]);
  } finally {
    rmSync(join(dir, '..'), { recursive: true, force: true });
  }
});

runtime('replay from genesis reads (and so checksums) the genesis copy once: opening the chain checks it, the start from genesis parses those bytes', async () => {
  const dir = freshDataDir();
  try {
    await writeBlocks(dir, 2);
    const { value: outcome, reads } = await countReads(join(dir, 'events', 'genesis.json'), () => replay(dir, { workers: 0, trustSignatures: true }));
    assert.is(outcome.startedFrom, 'genesis');
    assert.ok(outcome.verified);
    assert.is(reads, 1);
  } finally {
    rmSync(join(dir, '..'), { recursive: true, force: true });
  }
});

runtime.run();
