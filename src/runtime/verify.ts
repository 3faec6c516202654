/**
 * `verify`: does a data directory prove its own chain, and where do two runs part?
 *
 * One directory (`verifyDataDir`), two passes:
 *   1. the hash chain, reading every record (each frame's CRC is re-checked by the log): heights
 *      consecutive, the header bytes canonical and the block bytes of canonical length (what
 *      the reducer's size check counts, chain/block-size.ts), each header's previous-block
 *      hash = SHA-256 of the previous header, each app hash = the state root recorded after the
 *      previous block (ledger.json's genesis root for the first). A changed byte anywhere in a
 *      record is caught here — by the frame CRC, by the decoder, or by the link from the next
 *      block — and named with its height.
 *   2. every state root: a replay from genesis (signatures trusted unless asked; the roots are
 *      recomputed by the reducer and compared with the recorded ones at every height).
 *
 * Two directories (`bisectDataDirs`): the first height whose record (block hash, state root)
 * differs, found by binary search over the recorded roots — valid because each header names the
 * previous block's hash and the previous root, so once two chains differ at h they differ at
 * every later common height. Then both states are rebuilt at that height (newest proven
 * snapshot + replay) and compared entry by entry (state-diff.ts), and at h − 1 as a check that
 * they agreed before.
 */
import { bytesToHex } from '../core/hex.js';
import { sha256 } from '../crypto/hash.js';
import { canonicalHeaderBytes, ZERO_HASH } from '../chain/block.js';
import { nonCanonicalBlockLength } from '../chain/block-size.js';
import { decodeRecord } from '../chain/record.js';
import { isBlockLogError, type BlockLog } from '../log/index.js';
import type { DataDirConfig } from './data-dir.js';
import type { Divergence } from './divergence.js';
import { openChain, type WarningSink } from './open-chain.js';
import { replay, type ReplayProgress } from './replay.js';
import { diffStates, type StateEntryDifference } from './state-diff.js';

export interface ChainProblem {
  readonly height: number;
  readonly code: string;
  readonly message: string;
}

export interface VerifyReport {
  readonly ok: boolean;
  readonly first_height: number;
  readonly last_height: number;
  readonly records: number;
  /** The first broken link of the hash chain (a changed, missing or foreign record). */
  readonly chain_problem: ChainProblem | null;
  /** The replay's first root mismatch (null when the chain pass failed: no replay then). */
  readonly divergence: Divergence | null;
  readonly state_root: string | null;
}

export interface VerifyOptions {
  readonly verifySignatures?: boolean;
  readonly onWarning?: WarningSink;
  readonly onProgress?: (height: number, last: number) => void;
  /** The second pass, every state root recomputed by a replay (after the hash chain's onProgress). */
  readonly onRootsProgress?: (progress: ReplayProgress) => void;
}

export async function verifyDataDir(dir: string, options: VerifyOptions = {}): Promise<VerifyReport> {
  let opened: ReturnType<typeof openChain>;
  try {
    opened = openChain(dir, options.onWarning === undefined ? {} : { onWarning: options.onWarning });
  } catch (error) {
    // Damage found while opening (the tail segment is scanned): named with its height like any other.
    if (!isBlockLogError(error)) throw error;
    const height = (error.context as { height?: number } | undefined)?.height ?? -1;
    return { ok: false, first_height: -1, last_height: -1, records: 0, chain_problem: { height, code: error.code, message: error.message }, divergence: null, state_root: null };
  }
  const { log, config } = opened;
  const first = log.firstHeight;
  const last = log.lastHeight;
  let chainProblem: ChainProblem | null;
  try {
    chainProblem = checkHashChain(log, config, options.onProgress);
  } finally {
    log.close();
  }
  const base = { first_height: first, last_height: last, records: Math.max(0, last - first + 1) };
  if (chainProblem !== null) return { ok: false, ...base, chain_problem: chainProblem, divergence: null, state_root: null };
  const outcome = await replay(dir, {
    trustSignatures: options.verifySignatures !== true,
    ...(options.onWarning === undefined ? {} : { onWarning: options.onWarning }),
    ...(options.onRootsProgress === undefined ? {} : { onProgress: options.onRootsProgress }),
  });
  return { ok: outcome.verified, ...base, chain_problem: null, divergence: outcome.divergence ?? null, state_root: outcome.stateRoot };
}

function checkHashChain(log: BlockLog, config: DataDirConfig, onProgress?: (height: number, last: number) => void): ChainProblem | null {
  let previousHash = config.previous_block_hash ?? ZERO_HASH;
  let previousRoot = config.genesis_state_root;
  let expected = log.firstHeight;
  try {
    for (const { height, payload } of log.iterate(log.firstHeight)) {
      let record: ReturnType<typeof decodeRecord>;
      try {
        record = decodeRecord(payload);
      } catch (error) {
        return { height, code: 'record_malformed', message: `the record does not decode: ${error instanceof Error ? error.message : String(error)}` };
      }
      const header = record.block.header;
      const hash = bytesToHex(sha256(record.headerBytes));
      if (header.height !== height || height !== expected) return { height, code: 'height_mismatch', message: `record ${height} holds block ${header.height} (expected ${expected})` };
      if (canonicalHeaderBytes(record) === undefined) return { height, code: 'header_not_canonical', message: 'the stored header bytes are not the canonical encoding of the header they decode to' };
      const padded = nonCanonicalBlockLength(record);
      if (padded !== undefined) return { height, code: 'block_not_canonical', message: `the stored block is ${padded.stored} bytes, its canonical encoding ${padded.canonical}: bytes the size check (Block.MaxBytes) would not count` };
      if (header.prevBlockHash !== previousHash) return { height, code: 'previous_hash_mismatch', message: `block ${height} names previous hash ${header.prevBlockHash}, block ${height - 1} hashes to ${previousHash}` };
      if (header.appHash !== previousRoot) return { height, code: 'app_hash_mismatch', message: `block ${height} was built on state root ${header.appHash}, the root recorded after block ${height - 1} is ${previousRoot}` };
      previousHash = hash;
      previousRoot = record.stateRootAfter;
      expected = height + 1;
      onProgress?.(height, log.lastHeight);
    }
  } catch (error) {
    if (!isBlockLogError(error)) throw error;
    const context = (error.context ?? {}) as { height?: number };
    return { height: context.height ?? expected, code: error.code, message: error.message };
  }
  return null;
}

export interface BisectReport {
  readonly identical: boolean;
  /** First height whose record differs (or that only one run has); null when identical. */
  readonly first_difference: number | null;
  /** no_common_height: one run starts (an exported state's genesis) after the other ends; nothing to compare. */
  readonly kind: 'identical' | 'genesis_differs' | 'records_differ' | 'prefix' | 'no_common_height';
  readonly left: { readonly last_height: number; readonly block_hash: string | null; readonly state_root: string | null };
  readonly right: { readonly last_height: number; readonly block_hash: string | null; readonly state_root: string | null };
  /** How many entries differ in the states at first_difference, and the first of them. */
  readonly differing_entries: number;
  readonly entries: readonly StateEntryDifference[];
  /** Reads of each log the search took (≈ log2 of the common length). */
  readonly probes: number;
}

export interface RecordedAt {
  readonly blockHash: string;
  readonly stateRoot: string;
}

function recordedAt(log: BlockLog, config: DataDirConfig, height: number): RecordedAt {
  if (height < log.firstHeight) return { blockHash: config.previous_block_hash ?? ZERO_HASH, stateRoot: config.genesis_state_root };
  const record = decodeRecord(log.read(height), height);
  return { blockHash: bytesToHex(sha256(record.headerBytes)), stateRoot: record.stateRootAfter };
}

/** The block hash and state root a data directory recorded at `height` (its genesis values below its first block). */
export function recordedAtHeight(dir: string, height: number): RecordedAt {
  const { log, config } = openChain(dir, { onWarning: () => undefined });
  try {
    return recordedAt(log, config, height);
  } finally {
    log.close();
  }
}

const same = (a: RecordedAt, b: RecordedAt): boolean => a.blockHash === b.blockHash && a.stateRoot === b.stateRoot;

/** A replay's progress hooks (a bar), asked for each side's replay to the first difference. */
export interface SideReplayProgress {
  readonly onStart: () => void;
  readonly onProgress: (progress: ReplayProgress) => void;
  readonly stop: () => void;
}

export interface BisectOptions {
  readonly limit?: number;
  readonly onWarning?: WarningSink;
  /**
   * Progress of the two replays to the first difference (its state entries): the probes are
   * instant, the replays take as long as a replay to that height — minutes to hours on a
   * mainnet-sized chain, which `verify --against` spent with nothing on stderr.
   */
  readonly replayProgress?: (side: 'left' | 'right', height: number) => SideReplayProgress;
}

export async function bisectDataDirs(leftDir: string, rightDir: string, options: BisectOptions = {}): Promise<BisectReport> {
  const open = (dir: string): ReturnType<typeof openChain> => openChain(dir, options.onWarning === undefined ? {} : { onWarning: options.onWarning });
  const left = open(leftDir);
  let right: ReturnType<typeof openChain> | undefined;
  let probes = 0;
  let found: { height: number; kind: BisectReport['kind'] };
  let sides: [BisectReport['left'], BisectReport['right']];
  try {
    right = open(rightDir);
    const [l, r] = [left, right];
    const start = Math.max(l.log.firstHeight, r.log.firstHeight) - 1;
    const common = Math.min(l.log.lastHeight, r.log.lastHeight);
    const at = (h: number): boolean => {
      probes++;
      return same(recordedAt(l.log, l.config, h), recordedAt(r.log, r.config, h));
    };
    // A chain continued from an export at 45 against one that ends at 25: no height both hold.
    // Probing `start` read the shorter log past its end (log_height_not_found, QA of 2026-12-06).
    if (start > common) found = { height: start, kind: 'no_common_height' };
    else if (!at(start)) found = { height: start, kind: 'genesis_differs' };
    else {
      // Invariant: records equal at `low`, differ at `high` (or high = common + 1: never differ).
      let low = start;
      let high = common + 1;
      while (high - low > 1) {
        const middle = low + Math.floor((high - low) / 2);
        if (at(middle)) low = middle;
        else high = middle;
      }
      const lengthsDiffer = l.log.lastHeight !== r.log.lastHeight;
      found = high <= common ? { height: high, kind: 'records_differ' } : lengthsDiffer ? { height: common + 1, kind: 'prefix' } : { height: common, kind: 'identical' };
    }
    sides = [sideAt(l, found.height), sideAt(r, found.height)];
  } finally {
    left.log.close();
    right?.log.close();
  }
  if (found.kind === 'no_common_height') return { identical: false, first_difference: null, kind: found.kind, left: sides[0], right: sides[1], differing_entries: 0, entries: [], probes };
  if (found.kind === 'identical') return { identical: true, first_difference: null, kind: 'identical', left: sides[0], right: sides[1], differing_entries: 0, entries: [], probes };
  const diff = found.kind === 'prefix' ? { count: 0, entries: [] } : await diffAt(leftDir, rightDir, found.height, options.limit ?? 200, options.replayProgress);
  return { identical: false, first_difference: found.height, kind: found.kind, left: sides[0], right: sides[1], differing_entries: diff.count, entries: diff.entries, probes };
}

function sideAt(opened: ReturnType<typeof openChain>, height: number): BisectReport['left'] {
  const present = height >= opened.log.firstHeight - 1 && height <= opened.log.lastHeight;
  const recorded = present ? recordedAt(opened.log, opened.config, height) : null;
  return { last_height: opened.log.lastHeight, block_hash: recorded?.blockHash ?? null, state_root: recorded?.stateRoot ?? null };
}

async function diffAt(leftDir: string, rightDir: string, height: number, limit: number, replayProgress?: BisectOptions['replayProgress']): Promise<{ count: number; entries: StateEntryDifference[] }> {
  const stateAt = async (dir: string, side: 'left' | 'right') => {
    const progress = replayProgress?.(side, height);
    try {
      const hooks = progress === undefined ? {} : { onStart: progress.onStart, onProgress: progress.onProgress };
      return (await replay(dir, { to: height, fromSnapshot: true, trustSignatures: true, onWarning: () => undefined, ...hooks })).state;
    } finally {
      progress?.stop();
    }
  };
  const [a, b] = [await stateAt(leftDir, 'left'), await stateAt(rightDir, 'right')];
  return diffStates(a, b, limit);
}
