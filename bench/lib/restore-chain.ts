/**
 * The restore benchmark's workload: a long chain of small blocks with snapshots, made by the
 * seeded simulator once per (seed, blocks, txs per block, snapshot interval, genesis, code) and
 * cached on disk — `<package>/.cache/restore/<key>/` (git-ignored; $POKT_LEDGER_CACHE/restore
 * when set), so only the first run pays for the 100k-block chain.
 *
 * Composition: the e2e single-node localnet genesis (test/fixtures, real pocket-core data) plus
 * the simulator's validators, apps and 256 funded accounts; every block carries valid signed
 * MsgSends only (mean `txsPerBlock`, to fresh and existing addresses), so the state grows with
 * the chain. Snapshots are written every `snapshotEvery` blocks by the producer; the one AT the
 * tip is then removed, so restoring the tip means loading the snapshot `snapshotEvery` blocks
 * below it and replaying that tail (the worst case for that interval).
 *
 * Key: SHA-256 over the settings, the genesis file and the compiled code that decides the log
 * (codeFingerprint, shared with the mainnet-shaped cache): any change to the rules makes a new
 * entry. Crash safety and pruning as there: built in `<key>.tmp-<pid>`, renamed into place when
 * complete; of the entries with the same settings only the most recently used few stay.
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/core/paths.js';
import { codeFingerprint } from '../../src/sim/mainnet/chain-cache.js';
import { simulate } from '../../src/sim/simulator.js';
import { createSendsWorkload } from '../../src/sim/workloads/sends.js';
import { listSnapshots } from '../../src/snapshot/snapshot.js';
import { cachedWorkloadDir } from './cached-dir.js';
import { blockProgress } from './block-progress.js';
import type { BenchContext } from './types.js';

export interface RestoreChainSettings {
  readonly blocks: number;
  readonly txsPerBlock: number;
  readonly snapshotEvery: number;
}

export interface RestoreChain extends RestoreChainSettings {
  readonly dir: string;
  readonly cached: boolean;
  /** Transactions in the whole chain. */
  readonly txs: number;
  /** The root the producer recorded at the tip (every restore must end on it). */
  readonly tipRoot: string;
  /** The snapshot a restore of the tip starts from. */
  readonly snapshotHeight: number;
  readonly snapshotBytes: number;
}

const GENESIS = (): string => join(packageRoot(), 'test', 'fixtures', 'e2e-single-node-genesis.json');

function cacheRoot(): string {
  const base = process.env['POKT_LEDGER_CACHE'];
  return base === undefined ? join(packageRoot(), '.cache', 'restore') : join(base, 'restore');
}

function chainKey(seed: number, settings: RestoreChainSettings): string {
  const text = JSON.stringify({ seed, ...settings });
  const digest = createHash('sha256').update(text).update(readFileSync(GENESIS())).update(codeFingerprint()).digest('hex');
  return `b${settings.blocks}-t${settings.txsPerBlock}-s${settings.snapshotEvery}-${digest.slice(0, 16)}`;
}

/** What the producer reported, kept beside the chain (`restore-chain.json`). */
interface BuiltSummary {
  readonly txs: number;
  readonly tip_root: string;
  readonly blocks: number;
}

const summaryFile = (dir: string): string => join(dir, 'restore-chain.json');

async function build(ctx: BenchContext, dir: string, settings: RestoreChainSettings): Promise<void> {
  const summary = await simulate({
    dataDir: dir,
    genesisFile: GENESIS(),
    seed: BigInt(ctx.seed),
    blocks: settings.blocks,
    txsPerBlock: settings.txsPerBlock,
    accountsPerWorkload: 256,
    fsync: 'never',
    workers: 0,
    snapshotEvery: settings.snapshotEvery,
    registry: [{ name: 'sends', description: 'valid sends only', create: () => createSendsWorkload({ validOnly: true }) }],
    onBlock: blockProgress(ctx.progress),
  });
  for (const snapshot of listSnapshots(dir)) if (snapshot.height === settings.blocks) rmSync(snapshot.file);
  const built: BuiltSummary = { txs: summary.txs, tip_root: summary.state_root, blocks: summary.height };
  writeFileSync(summaryFile(dir), JSON.stringify(built) + '\n');
}

/** The cached chain for these settings, simulated on a miss. */
export async function restoreChain(ctx: BenchContext, settings: RestoreChainSettings): Promise<RestoreChain> {
  const { dir, cached } = await cachedWorkloadDir(ctx, {
    root: cacheRoot(),
    key: chainKey(ctx.seed, settings),
    marker: summaryFile,
    building: (entry) => `workload: simulating ${settings.blocks} blocks × ~${settings.txsPerBlock} valid sends (seed ${ctx.seed}) into ${entry}…`,
    build: (scratch) => build(ctx, scratch, settings),
  });
  const built = JSON.parse(readFileSync(summaryFile(dir), 'utf8')) as BuiltSummary;
  const snapshot = listSnapshots(dir).filter((s) => s.height < settings.blocks).at(-1);
  if (snapshot === undefined || built.blocks !== settings.blocks) throw new Error(`the cached chain ${dir} is incomplete: delete it`);
  return { ...settings, dir, cached, txs: built.txs, tipRoot: built.tip_root, snapshotHeight: snapshot.height, snapshotBytes: statSync(snapshot.file).size };
}
