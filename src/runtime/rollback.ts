/**
 * Rollback: cut a data directory's chain back to height H — the log, the snapshots above H and
 * (through the caller's `derived` steps, a layer up) the projection — so that a kill -9 at any
 * instant leaves a directory that opens and verifies at H or at the old head, never in between.
 *
 * Design: an intent record plus idempotent steps, with the log's head record as the commit point.
 *
 *   1. `events/rollback.json` {to: H, from: old head} is written (temp + fdatasync + rename +
 *      directory fsync). Nothing else has changed yet.
 *   2. COMMIT: `truncateAfter(H)` first rewrites the head record to claim H (one 48-byte slot
 *      write + fdatasync; a torn slot write leaves the other slot, the old head), then deletes
 *      later segments and truncates the one holding H + 1.
 *   3. snapshots above H are deleted (directory fsynced);
 *   4. the caller's derived steps (the projection's `rollbackTo(H)`: one SQLite transaction);
 *   5. the intent is deleted.
 *
 * Recovery (`settlePendingRollback`, run by openChain before the log is opened, so by EVERY
 * command): with an intent present, the head record decides —
 *   - head > H: the commit never happened. The directory is at the old head; the intent is
 *     dropped (step 1 changed nothing else).
 *   - head ≤ H: committed. The log is opened with `cutAbove: H`, which cuts whatever step 2 left
 *     above H before the head could be advanced over it (an ordinary writer open would make the
 *     head claim every intact record above it — the old chain again, or a height in between),
 *     then step 3; the intent is kept, marked `log_done`, until the derived steps ran
 *     (`finishDerived`: the rollback command or `project` run them; they are idempotent).
 * So a reader never sees records above H once the head has moved, and the directory is at H or
 * at the old head after any crash.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { BlockLog, blockLogDir, fsyncDir } from '../log/index.js';
import { readHead } from '../log/head.js';
import { listSnapshots, snapshotsDir } from '../snapshot/snapshot.js';
import { DataDirError } from './data-dir.js';
import { writeFileDurably } from './durable-file.js';
import type { WarningSink } from './open-chain.js';

export interface RollbackIntent {
  readonly format: 'pokt-ledger-rollback';
  readonly to: number;
  readonly from: number;
  /** Steps 2–3 are done; only the derived steps (projection) remain. */
  readonly log_done: boolean;
}

export const intentPath = (dir: string): string => join(blockLogDir(dir), 'rollback.json');

export function readIntent(dir: string): RollbackIntent | undefined {
  const file = intentPath(dir);
  if (!existsSync(file)) return undefined;
  let intent: RollbackIntent;
  try {
    intent = JSON.parse(readFileSync(file, 'utf8')) as RollbackIntent;
  } catch (error) {
    // Written by rename only, so a partial file is not ours to guess about.
    throw new DataDirError('data_dir_invalid', `${file} is not a readable rollback intent (${(error as Error).message}); remove it only if no rollback was running`, { file });
  }
  if (intent.format !== 'pokt-ledger-rollback' || !Number.isSafeInteger(intent.to) || !Number.isSafeInteger(intent.from)) {
    throw new DataDirError('data_dir_invalid', `${file} is not a pokt-ledger rollback intent`, { file });
  }
  return intent;
}

function writeIntent(dir: string, intent: RollbackIntent): void {
  writeFileDurably(intentPath(dir), JSON.stringify(intent) + '\n');
}

function removeIntent(dir: string): void {
  rmSync(intentPath(dir), { force: true });
  fsyncDir(blockLogDir(dir));
}

/** Step 3: snapshots above `to` (derived data of the cut blocks). */
function removeSnapshotsAbove(dir: string, to: number): string[] {
  const doomed = listSnapshots(dir).filter((info) => info.height > to);
  for (const info of doomed) rmSync(info.file, { force: true });
  if (doomed.length > 0) fsyncDir(snapshotsDir(dir));
  return doomed.map((info) => info.file);
}

/** Kill points for the crash test (ROLLBACK_PAUSE_AT=<step>: the process waits there to be killed). */
export type RollbackStep = 'intent_written' | 'log_cut' | 'snapshots_removed' | 'derived_done';

export interface RollbackOptions {
  /** Steps of higher layers (the projection), run after the log and snapshots are cut; idempotent. */
  readonly derived?: ReadonlyArray<(to: number) => void>;
  readonly onStep?: (step: RollbackStep) => void;
}

export interface RollbackReport {
  readonly from: number;
  readonly to: number;
  readonly removed_blocks: number;
  readonly snapshots_removed: readonly string[];
}

/** Steps 1–5 (the file comment). The caller has settled any earlier intent (openChain did). */
export function rollbackDataDir(dir: string, to: number, options: RollbackOptions = {}): RollbackReport {
  const { log } = BlockLog.open(blockLogDir(dir), { fsync: 'always' });
  let from: number;
  let removed: string[];
  try {
    from = log.lastHeight;
    if (!Number.isSafeInteger(to) || to < log.firstHeight - 1 || to > from) {
      throw new DataDirError('data_dir_invalid', `cannot roll back to height ${to}: the chain holds heights ${log.firstHeight - 1}–${from}`, { to, first: log.firstHeight - 1, last: from });
    }
    writeIntent(dir, { format: 'pokt-ledger-rollback', to, from, log_done: false });
    options.onStep?.('intent_written');
    log.truncateAfter(to);
    options.onStep?.('log_cut');
  } finally {
    log.close();
  }
  removed = removeSnapshotsAbove(dir, to);
  writeIntent(dir, { format: 'pokt-ledger-rollback', to, from, log_done: true });
  options.onStep?.('snapshots_removed');
  for (const step of options.derived ?? []) step(to);
  options.onStep?.('derived_done');
  removeIntent(dir);
  return { from, to, removed_blocks: from - to, snapshots_removed: removed };
}

/**
 * Recovery at open (openChain): settle an interrupted rollback's log and snapshot steps. Returns
 * the intent still pending derived steps (the caller a layer up finishes them), or undefined.
 */
export function settlePendingRollback(dir: string, warn: WarningSink, hasDerived: () => boolean): RollbackIntent | undefined {
  const intent = readIntent(dir);
  if (intent === undefined || intent.log_done) return intent;
  const head = readHead(blockLogDir(dir))?.head;
  if (head === undefined || head.height > intent.to) {
    removeIntent(dir);
    warn({ code: 'rollback_abandoned', message: `a rollback to height ${intent.to} was interrupted before its commit point: the chain stays at height ${head?.height ?? intent.from}`, details: { ...intent } });
    return undefined;
  }
  const { log } = BlockLog.open(blockLogDir(dir), { fsync: 'always', cutAbove: intent.to });
  log.close();
  const removed = removeSnapshotsAbove(dir, intent.to);
  warn({ code: 'rollback_completed', message: `finished an interrupted rollback to height ${intent.to} (log cut, ${removed.length} snapshot(s) removed)`, details: { ...intent } });
  if (!hasDerived()) {
    removeIntent(dir);
    return undefined;
  }
  const pending: RollbackIntent = { ...intent, log_done: true };
  writeIntent(dir, pending);
  return pending;
}

/** Run the derived steps of a pending intent (idempotent) and clear it. */
export function finishDerived(dir: string, derived: ReadonlyArray<(to: number) => void>): RollbackIntent | undefined {
  const intent = readIntent(dir);
  if (intent === undefined || !intent.log_done) return undefined;
  for (const step of derived) step(intent.to);
  removeIntent(dir);
  return intent;
}
