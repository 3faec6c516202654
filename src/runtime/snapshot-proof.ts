/**
 * Whether a snapshot file is THIS chain's state at its height — the one test that both a replay
 * choosing where to start (starting-state.ts) and the audit choosing what to compare
 * (audit/audit.ts) apply, so both skip a damaged or foreign file for the same reasons.
 *
 * A snapshot file proves only that its entries hash to the root in its name (snapshot.ts). It is
 * this chain's state only if that root is also the one the log recorded after the block of its
 * height (ledger.json's genesis root at the genesis height: 0, or an exported state's H) and its
 * chain id is this chain's. A file of
 * another chain (another seed, scale or genesis with the same id) fails the first test; a
 * truncated or bit-flipped one fails the proof (snapshot_corrupt, snapshot_root_mismatch, …).
 */
import { CHAIN_META_KEY } from '../state/chain-tables.js';
import type { LedgerState } from '../chain/ledger-state.js';
import { decodeRecord } from '../chain/record.js';
import type { BlockLog } from '../log/index.js';
import { listSnapshots, readSnapshot, SnapshotError, type SnapshotInfo } from '../snapshot/snapshot.js';
import type { DataDirConfig } from './data-dir.js';

export type { SnapshotInfo } from '../snapshot/snapshot.js';

/** Why a snapshot is not this chain's state at its height. */
export interface SnapshotRejection {
  /** snapshot_not_recorded: its root is not the log's at its height (another chain's state); snapshot_other_chain: another chain id; else the file's own SnapshotError code. */
  readonly code: 'snapshot_not_recorded' | 'snapshot_other_chain' | SnapshotError['code'];
  readonly message: string;
}

export type SnapshotProof = { readonly state: LedgerState } | { readonly rejected: SnapshotRejection };

/** The snapshot's state if it is this chain's state at its height; why not otherwise (never a throw for a bad file). */
export function proveSnapshot(info: SnapshotInfo, config: DataDirConfig, log: BlockLog): SnapshotProof {
  // The cheap test first: a foreign file is refused without decoding it. The genesis stands at
  // the height before the first block: 0, or H for a chain continued from a state exported at H,
  // whose own snapshot at H was refused as "another chain's state" (QA of 2026-12-06).
  const genesisHeight = log.firstHeight - 1;
  if (info.height < genesisHeight) return rejected('snapshot_not_recorded', `its height is below this chain's genesis (height ${genesisHeight}, an exported state): another chain's state`);
  const recorded = recordedRootAt(info.height, config, log);
  if (recorded !== info.stateRoot) {
    return rejected('snapshot_not_recorded', `its state root is not the root the log recorded at height ${info.height} (${recorded ?? 'none'}): another chain's state`);
  }
  let state: LedgerState;
  try {
    state = readSnapshot(info);
  } catch (error) {
    if (!(error instanceof SnapshotError)) throw error;
    return rejected(error.code, `${error.code}: ${error.message}`);
  }
  const chainId = state.chain.meta.get(CHAIN_META_KEY)?.chainId;
  if (chainId !== config.chain_id) return rejected('snapshot_other_chain', `it is a state of chain ${JSON.stringify(chainId)}, not ${JSON.stringify(config.chain_id)}`);
  return { state };
}

/** The root the chain recorded at `height` (genesis height: ledger.json's; at most the log's last height). */
function recordedRootAt(height: number, config: DataDirConfig, log: BlockLog): string {
  return height === log.firstHeight - 1 ? config.genesis_state_root : decodeRecord(log.read(height), height).stateRootAfter;
}

/**
 * Retention's test (snapshot.ts pruneSnapshots `counts`): the root in the file's name is the one
 * this chain recorded at its height — the cheap half of proveSnapshot, without reading the file.
 * A foreign snapshot copied in below the tip then neither counts toward the newest N nor pushes a
 * real one out (QA of 2026-12-06); it is left where it is, as loading skips it.
 */
export function recordedInLog(config: DataDirConfig, log: BlockLog): (info: SnapshotInfo) => boolean {
  return (info) => info.height >= log.firstHeight - 1 && info.height <= log.lastHeight && recordedRootAt(info.height, config, log) === info.stateRoot;
}

function rejected(code: SnapshotRejection['code'], message: string): SnapshotProof {
  return { rejected: { code, message } };
}

/** A snapshot left out of a check, and why (the audit lists these). */
export interface SkippedSnapshot extends SnapshotRejection {
  readonly file: string;
  readonly height: number;
}

/**
 * The snapshots at heights from..to that prove to be this chain's (height → file; oldest first)
 * and those that do not, with why. Each proven state is dropped at once: a caller that wants
 * the values reads them from the file (the audit reads them raw, independently of the state code).
 */
export function provenSnapshotFiles(dir: string, config: DataDirConfig, log: BlockLog, from: number, to: number): { readonly proven: Map<number, string>; readonly skipped: SkippedSnapshot[] } {
  const proven = new Map<number, string>();
  const skipped: SkippedSnapshot[] = [];
  for (const info of listSnapshots(dir)) {
    if (info.height < from || info.height > to) continue;
    const proof = proveSnapshot(info, config, log);
    if ('rejected' in proof) skipped.push({ file: info.file, height: info.height, ...proof.rejected });
    else proven.set(info.height, info.file);
  }
  return { proven, skipped };
}
