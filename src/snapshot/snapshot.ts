/**
 * Snapshots: the complete ledger state at a height, in a canonical file, so a replay can start
 * there instead of at genesis and reach the same state root at every later height.
 *
 * File `<data>/snapshots/<height, 12 digits>-<state root>.snap`, gzip of JSON lines:
 *   {"format":"pokt-ledger-snapshot","version":6,"chain_id",…,"height","state_root"}   header
 *   ["e", table, key, encodedValue]              every entry, tables and keys in sorted order
 *   ["h", table, key, [[height, encoded|null]…]] retained history versions of history tables
 *   {"end":true,"entries":n,"versions":m,"sha256":"<hex of all previous lines>"}   trailer
 * Values use each table's canonical encoding (the same bytes the state root hashes), so loading
 * re-derives the root and checks it against the header: a snapshot proves itself.
 * Same state ⇒ byte-identical snapshot file (no timestamps, sorted everything).
 *
 * Housekeeping: a snapshot is written to `<name>.<pid>.tmp` and renamed; temporary files of
 * processes that are gone (a crash mid-write) are removed by `removeStaleTemps` (at every
 * open of the chain — runtime/open-chain.ts); after each write only the newest `keep`
 * snapshots are kept (`pruneSnapshots`, default DEFAULT_SNAPSHOT_RETENTION). Snapshots are
 * derived data: a replay from genesis rebuilds any of them.
 *
 * The content itself — encoding a state, decoding and proving a file — is codec.ts.
 */
import { accessSync, constants, existsSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { bytesToHex } from '../core/hex.js';
import { refusesWrites } from '../core/io-error.js';
import { CHAIN_META_KEY } from '../state/chain-tables.js';
import type { LedgerState } from '../chain/ledger-state.js';
import { fsyncDir, processAlive, writeAllSyncAndClose } from '../log/index.js';
import { decodeSnapshot, encodeSnapshot, SnapshotError } from './codec.js';

export { decodeSnapshot, encodeSnapshot, SNAPSHOT_FORMAT, SNAPSHOT_VERSION, SnapshotError } from './codec.js';

/** Snapshots kept after each write unless the caller says otherwise (a few: each can be ~MBs). */
export const DEFAULT_SNAPSHOT_RETENTION = 3;

export interface SnapshotInfo {
  readonly height: number;
  readonly stateRoot: string;
  readonly file: string;
}

export function snapshotsDir(dataDir: string): string {
  return join(dataDir, 'snapshots');
}

export function snapshotFileName(height: number, stateRoot: string): string {
  return `${String(height).padStart(12, '0')}-${stateRoot}.snap`;
}

export interface WriteSnapshotOptions {
  /** Keep only the newest N snapshots after writing (default DEFAULT_SNAPSHOT_RETENTION; ≥ 1). */
  readonly keep?: number;
  /** Crash tests: called after the temp file is durable and after the rename (kill points). */
  readonly onStep?: (step: SnapshotStep) => void;
  /** Which snapshots retention counts (pruneSnapshots); default every one at or below the tip. */
  readonly counts?: (info: SnapshotInfo) => boolean;
}

export type SnapshotStep = 'temp_written' | 'renamed';

/**
 * Throws the OS's error (EROFS, EACCES…) when snapshots cannot be written to `dataDir`: for a run
 * asked to write them as it goes (`replay --snapshot-every`), which would otherwise find out at
 * its first snapshot — after replaying up to it, minutes at mainnet size.
 */
export function assertSnapshotsWritable(dataDir: string): void {
  const dir = snapshotsDir(dataDir);
  accessSync(existsSync(dir) ? dir : dataDir, constants.W_OK);
}

/**
 * Write crash-safely: temp file named with our pid, written and fdatasync'ed, renamed, then the
 * directory fsynced — so after a crash or power loss at any instant the directory holds either
 * no file of this name or the whole snapshot (never a renamed file whose bytes were not yet on
 * disk), and a concurrent writer's temp file is never mistaken for debris. Then prune.
 */
export function writeSnapshot(dataDir: string, state: LedgerState, options: WriteSnapshotOptions = {}): SnapshotInfo & { readonly pruned: readonly string[] } {
  const dir = snapshotsDir(dataDir);
  // Not `recursive`: Node then reports a read-only file system as ENOENT (the data dir exists).
  if (!existsSync(dir)) mkdirSync(dir);
  const meta = state.chain.meta.get(CHAIN_META_KEY)!;
  const stateRoot = bytesToHex(state.store.root);
  const file = join(dir, snapshotFileName(meta.height, stateRoot));
  const temp = `${file}.${process.pid}.tmp`;
  try {
    writeDurably(temp, encodeSnapshot(state));
    options.onStep?.('temp_written');
    renameSync(temp, file);
    options.onStep?.('renamed');
    fsyncDir(dir);
  } catch (error) {
    // A partial temp file on a full disk would keep it full: the node could never resume.
    rmSync(temp, { force: true });
    throw error;
  }
  const pruned = pruneSnapshots(dataDir, options.keep ?? DEFAULT_SNAPSHOT_RETENTION, meta.height, options.counts);
  return { height: meta.height, stateRoot, file, pruned };
}

function writeDurably(file: string, bytes: Uint8Array): void {
  writeAllSyncAndClose(openSync(file, 'wx'), bytes, file);
}

/**
 * Deletes all but the newest `keep` snapshots (by height) at or below `atOrBelowHeight` (the
 * chain's tip) that `counts` accepts; returns the files deleted. Snapshots above the tip are no
 * state of this chain (another chain's, copied in; loading skips them) and neither count nor are
 * deleted: counted, three of them made `snapshot` delete every real one, the one it had just
 * written included, and still report that file (QA of 2026-12-06). The same for one below the
 * tip whose root is not the log's at its height, when the caller can tell (`counts`:
 * runtime/snapshot-proof.ts recordedInLog) — counted, it pushed a real older one out.
 */
export function pruneSnapshots(dataDir: string, keep: number, atOrBelowHeight = Number.MAX_SAFE_INTEGER, counts: (info: SnapshotInfo) => boolean = () => true): string[] {
  if (!Number.isSafeInteger(keep) || keep < 1) throw new SnapshotError('snapshot_unsupported', `snapshot retention must be an integer ≥ 1, got ${String(keep)}`);
  const all = listSnapshots(dataDir).filter((info) => info.height <= atOrBelowHeight && counts(info));
  const doomed = all.slice(0, Math.max(0, all.length - keep)).map((info) => info.file);
  for (const file of doomed) rmSync(file, { force: true });
  return doomed;
}

const TEMP_NAME = /^\d{12}-[0-9a-f]{64}\.snap(?:\.(\d+))?\.tmp$/;

/**
 * Removes temporary snapshot files left by a crash: those whose writer process is gone (or that
 * carry no pid: the naming before pids). A live writer's temp file is left alone, so this is
 * safe next to a running `snapshot` or node. Returns the files removed.
 *
 * Where the directory cannot be written — a read-only medium (EROFS), another user's directory
 * (EACCES, EPERM) — the file is left as it is and the caller goes on: only readers open a chain
 * there (a writer fails on its own first write), and no reader ever reads a temporary file. A
 * reader of a read-only copy holding one failed with `read_only` before (every command that
 * opens a chain, `audit` and `verify` included).
 */
export function removeStaleTemps(dataDir: string): string[] {
  const dir = snapshotsDir(dataDir);
  if (!existsSync(dir)) return [];
  const removed: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const match = TEMP_NAME.exec(name);
    if (match === null) continue;
    const pid = match[1] === undefined ? undefined : Number(match[1]);
    if (pid !== undefined && processAlive(pid)) continue; // being written right now (ours included)
    try {
      rmSync(join(dir, name), { force: true });
    } catch (error) {
      if (refusesWrites(error)) continue;
      throw error;
    }
    removed.push(join(dir, name));
  }
  return removed;
}

export function listSnapshots(dataDir: string): SnapshotInfo[] {
  const dir = snapshotsDir(dataDir);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => /^(\d{12})-([0-9a-f]{64})\.snap$/.exec(name))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ height: Number(m[1]), stateRoot: m[2]!, file: join(dir, m[0]) }))
    .sort((a, b) => a.height - b.height);
}

export function readSnapshot(info: SnapshotInfo): LedgerState {
  const state = decodeSnapshot(readFileSync(info.file));
  if (bytesToHex(state.store.root) !== info.stateRoot) {
    throw new SnapshotError('snapshot_root_mismatch', `${info.file}: state root differs from its file name`);
  }
  return state;
}
