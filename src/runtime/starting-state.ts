/**
 * Where a replay starts: genesis, or the newest snapshot at or below the target that PROVES it
 * belongs to this chain (snapshot-proof.ts: its root is the one the log recorded at its height,
 * its chain id this chain's, its entries hash to that root — the audit applies the same test).
 * Anything else — a snapshot of another chain with the same id, a damaged or truncated file, one
 * above the log's end — is skipped with a warning, and the next older one is tried, down to
 * genesis. So a foreign or rotten snapshot can cost time, never correctness.
 */
import type { LedgerState } from '../chain/ledger-state.js';
import type { BlockLog } from '../log/index.js';
import { listSnapshots, type SnapshotInfo } from '../snapshot/snapshot.js';
import { proveSnapshot } from './snapshot-proof.js';
import { loadGenesisOfDataDir, type CheckedGenesisBytes, type DataDirConfig } from './data-dir.js';
import type { WarningSink } from './open-chain.js';

export interface StartingState {
  readonly state: LedgerState;
  readonly startedFrom: 'genesis' | 'snapshot';
}

/** `genesisBytes`: the copy's bytes as openChain checked them, taken only for a start from genesis. */
export function startingState(dir: string, config: DataDirConfig, log: BlockLog, to: number | undefined, fromSnapshot: boolean, warn: WarningSink, genesisBytes?: CheckedGenesisBytes): StartingState {
  if (fromSnapshot) {
    const target = Math.min(to ?? log.lastHeight, log.lastHeight);
    const candidates = listSnapshots(dir);
    for (let i = candidates.length - 1; i >= 0; i--) {
      const info = candidates[i] as SnapshotInfo;
      if (info.height > log.lastHeight) skip(warn, info, `its height is above the log's last block ${log.lastHeight} (another chain's copied in — or this log has lost blocks up to ${info.height}: then restore events/ from a copy that reaches it)`);
      if (info.height > target) continue;
      const state = provenSnapshot(info, config, log, warn);
      if (state !== undefined) return { state, startedFrom: 'snapshot' };
    }
  }
  return { state: loadGenesisOfDataDir(dir, genesisBytes?.take()).state, startedFrom: 'genesis' };
}

/** The snapshot's state if it is this chain's state at its height; undefined (warned) if not. */
function provenSnapshot(info: SnapshotInfo, config: DataDirConfig, log: BlockLog, warn: WarningSink): LedgerState | undefined {
  const proof = proveSnapshot(info, config, log);
  if ('state' in proof) return proof.state;
  skip(warn, info, proof.rejected.message);
  return undefined;
}

function skip(warn: WarningSink, info: SnapshotInfo, why: string): void {
  warn({ code: 'snapshot_skipped', message: `skipped snapshot ${info.file}: ${why}; trying an older one (or genesis)`, details: { file: info.file, height: info.height } });
}
