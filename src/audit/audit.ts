/**
 * `runAudit`: walk the block log from genesis with the shadow ledger (src/audit/independent/),
 * compare every expected line with the recorded projection rows, and check the supply at every
 * block:
 *   own:      total = genesis + Σ minted − Σ burned (the audit's own mints and burns), its
 *             pools (node staked, app staked, DAO, fee_collector) equal the recorded ones, and
 *             Σ every account of its shadow bank (liquid + module accounts) = its total;
 *   recorded: total(h) = total(h−1) + minted(h) − burned(h), and every balance row equals the
 *             shadow bank's (so the recorded accounts add up to the total too).
 * Each tx's charged fee, and its code where the audit re-decides it, are compared with the
 * txs row. Heights below `from` are walked (the shadow needs them) but not reported.
 * The walk is walk.ts; each kind of check has its own *-checks.ts.
 *
 * Snapshots in range are compared only when they prove to be this chain's state at their height
 * — the test a replay applies before starting from one (runtime/snapshot-proof.ts). A damaged
 * or foreign file is listed in `snapshots_skipped` with why, and changes neither `mismatches`
 * nor `supply_ok`: a snapshot is derived data (a replay rebuilds it), so a bad one says nothing
 * about the ledger, and comparing it would report another chain's values as the ledger's.
 */
import { join, resolve } from 'node:path';
import { LEDGER_VERSION } from '../core/version.js';
import { blockLogDir } from '../log/index.js';
import { lastStoredHeight } from '../log/block-log.js';
import { project } from '../projection/run.js';
import { projectionCurrentAt } from '../projection/sqlite/current.js';
import { assertCheckpointOnLog, sqliteCheckpointOf } from '../projection/checkpoint-on-log.js';
import { readDataDirConfig, sha256File } from '../runtime/data-dir.js';
import { readIntent } from '../runtime/rollback.js';
import { provenSnapshotFiles, type SkippedSnapshot } from '../runtime/snapshot-proof.js';
import type { BlockLog } from '../log/index.js';
import { AuditInputError, openLog, rawBlocks, readDataDirGenesis } from './independent/inputs.js';
import type { AuditOptions } from './options.js';
import { RecordedLedger } from './recorded.js';
import type { AuditProvenance, AuditSummary } from './summary.js';
import { AuditWalk } from './walk.js';

export type { AuditOptions } from './options.js';
export type { AuditSummary } from './summary.js';
export { AuditInputError };

/** The snapshots the walk compares (height → file) and those it leaves out, with why. */
export type SnapshotSource = (dataDir: string, log: BlockLog, from: number, to: number) => { readonly proven: ReadonlyMap<number, string>; readonly skipped: readonly SkippedSnapshot[] };

/** Replay's test (runtime/snapshot-proof.ts). */
const provenSnapshots: SnapshotSource = (dataDir, log, from, to) => provenSnapshotFiles(dataDir, readDataDirConfig(dataDir), log, from, to);
const noSnapshots: SnapshotSource = () => ({ proven: new Map(), skipped: [] });

/** `snapshotSource`: tests give one that takes a file the proof would skip, to show what the comparison names. */
export async function runAudit(options: AuditOptions, snapshotSource: SnapshotSource = provenSnapshots): Promise<AuditSummary> {
  const started = performance.now();
  // Checked before anything is projected: a reversed range is the operator's, not the chain's.
  if (options.from !== undefined && options.to !== undefined && options.from > options.to) {
    throw new AuditInputError('reversed_range', `nothing to audit: --from ${options.from} is above --to ${options.to}`);
  }
  // A directory that holds no chain is said as every command says it (data_dir_not_found, with
  // how to create one), not as the block log's log_not_found.
  readDataDirConfig(options.dataDir);
  if (options.to !== undefined) refuseHeightPastTip(options.dataDir, options.to);
  if (options.catchUp !== false && !projectedTo(options.dataDir, options.to)) await project(options.dataDir, { ...(options.to === undefined ? {} : { to: options.to }) });
  // The recorded side must be this chain's: another chain's rows would read as mismatches.
  assertCheckpointOnLog(options.dataDir, sqliteCheckpointOf(options.dataDir));
  const recorded = new RecordedLedger(options.dataDir);
  const log = openLog(options.dataDir);
  try {
    const to = Math.min(options.to ?? log.lastHeight, log.lastHeight, recorded.checkpoint);
    // An imported exported state's chain starts above 1 (init --exported-height H: at H + 1).
    const from = Math.max(options.from ?? log.firstHeight, log.firstHeight);
    if (from > to) throw new AuditInputError('empty_range', `nothing to audit: from ${from} is above ${to}, where the chain's log (${log.lastHeight}) or its projection (${recorded.checkpoint}) ends`);
    // PERF: after the range check — a mainnet-sized genesis takes ~15 s to parse, and an
    // imported chain with no block yet was refused only after it.
    const genesis = readDataDirGenesis(options.dataDir);
    const snapshots = (options.snapshots === false ? noSnapshots : snapshotSource)(options.dataDir, log, from, to);
    const walk = new AuditWalk(options, recorded, genesis, from, log.firstHeight - 1, snapshots.proven);
    walk.checkGenesisSupply();
    let blocks = 0;
    for (const block of rawBlocks(log, log.firstHeight, to)) {
      walk.block(block);
      if (block.header.height >= from) blocks++;
      if (blocks % 50 === 0 || block.header.height === to) options.onProgress?.({ height: block.header.height, first: log.firstHeight, from, to, blocks, lines: walk.lineCount });
    }
    const seconds = (performance.now() - started) / 1000;
    return walk.summary({ from, to, blocks, seconds, snapshotsSkipped: snapshots.skipped, provenance: provenanceOf(options.dataDir) });
  } finally {
    log.close();
    recorded.close();
  }
}

/** The chain's identity as the data directory declares it; the genesis file hashed as it is now (a changed file shows as not as recorded). */
function provenanceOf(dataDir: string): Omit<AuditProvenance, 'block_hash' | 'state_root'> {
  const config = readDataDirConfig(dataDir);
  const genesisFile = join(blockLogDir(dataDir), config.genesis_file);
  const sha = sha256File(genesisFile);
  return { version: LEDGER_VERSION, chain_id: config.chain_id, data_dir: resolve(dataDir), genesis_file: resolve(genesisFile), genesis_sha256: sha, genesis_sha256_as_recorded: sha === config.genesis_sha256 };
}

/**
 * `--to` past the last stored block is refused before any work, as `replay --to` and `export
 * --height` refuse it: `audit --to 500` on an 80-block chain (a typo of 50) audited 1–80 and
 * said PASS (dogfooding of 2026-12-07).
 */
export function refuseHeightPastTip(dataDir: string, to: number): void {
  const last = lastStoredHeight(blockLogDir(dataDir));
  if (to > last) throw new AuditInputError('height_not_found', `the chain ends at height ${last}; cannot audit to height ${to}`);
}

/**
 * Whether the projection already holds every height to audit (`to`, else the log's last), so
 * nothing is projected first and nothing written: a current projection is audited by a user
 * who may only read it, or on a read-only copy (QA of 2026-12-06: `read_only` or
 * `permission_denied` before, from the catch-up's writes). It is page-checked as a catch-up
 * would check it (projectionCurrentAt). A rollback's pending projection step is the catch-up's
 * to finish.
 */
function projectedTo(dataDir: string, to: number | undefined): boolean {
  if (readIntent(dataDir) !== undefined) return false;
  return projectionCurrentAt(dataDir, to ?? lastStoredHeight(blockLogDir(dataDir)));
}
