/**
 * Replay: re-apply a data directory's block log and check the state root at every height.
 *
 * Start: genesis (default) or the newest snapshot at or below the target. Each record's block
 * is applied by the same reducer the producer used; two roots are checked per block — the
 * header's app hash (the root after the previous block, checked by applyBlock) and the record's
 * stateRootAfter. The first mismatch stops the replay with a Divergence that names the entries
 * that differ (from the record's write-set digest, runtime/divergence.ts).
 *
 * Signatures: verified on a worker pool over all cores, up to two chunks of blocks ahead of the
 * reducer (the reducer itself stays synchronous), or trusted (`trustSignatures`: the producer's
 * recorded verdicts for the txs' own signatures; relay proofs' signatures are still verified on
 * the pool, which starts only when a block carries one).
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { bytesToHex } from '../core/hex.js';
import { LazyVerifyPool } from '../crypto/verify-pool.js';
import { applyBlock, BlockRejectedError, type BlockResult } from '../chain/apply-block.js';
import { canonicalHeaderBytes } from '../chain/block.js';
import { nonCanonicalBlockLength } from '../chain/block-size.js';
import { CHAIN_META_KEY } from '../state/chain-tables.js';
import type { LedgerState } from '../chain/ledger-state.js';
import { trustSignature, type PreparedTx } from '../chain/prepare.js';
import { prepareAhead } from './ingest.js';
import { decodeRecord } from '../chain/record.js';
import type { BlockLog } from '../log/index.js';
import { DataDirError, type CheckedGenesisBytes, type DataDirConfig } from './data-dir.js';
import type { CommittedBlockStream } from './committed-block.js';
import { diffWriteSets, type Divergence } from './divergence.js';
import { openChain, warnOnStderr, type OpenedChain, type WarningSink } from './open-chain.js';
import { startingState } from './starting-state.js';
import { overrideEvents, WHAT_IF_SKIPPED_CHECKS, type ParamOverride } from './param-override.js';
import { DEFAULT_SNAPSHOT_RETENTION, writeSnapshot } from '../snapshot/snapshot.js';
import { recordedInLog } from './snapshot-proof.js';

export interface ReplayProgress {
  readonly height: number;
  readonly startHeight: number;
  readonly targetHeight: number;
  readonly blocks: number;
  readonly txs: number;
}

export interface ReplayOptions {
  /** Last height to apply (default: the log's last height). */
  readonly to?: number;
  /** Start from the newest snapshot ≤ `to` instead of genesis. */
  readonly fromSnapshot?: boolean;
  readonly trustSignatures?: boolean;
  /** Worker threads for signature checks (default: all cores). */
  readonly workers?: number;
  readonly onProgress?: (progress: ReplayProgress) => void;
  readonly onBlock?: (result: BlockResult, state: LedgerState) => void;
  /** What opening repaired or skipped (default: stderr). */
  readonly onWarning?: WarningSink;
  /** A chain the caller already opened (the writer's); replay then neither opens nor closes it. */
  readonly opened?: { readonly config: DataDirConfig; readonly log: BlockLog };
  /** The genesis copy's bytes as the caller's own open kept them (open-chain.ts OpenChainOptions.genesisBytes). */
  readonly genesisBytes?: CheckedGenesisBytes;
  /** Every block whose root checked out is published here (projectors subscribe). */
  readonly stream?: CommittedBlockStream;
  /** Publish only blocks above this height (the writer's recovery: its subscribers have the rest). */
  readonly publishAbove?: number;
  /** With fromSnapshot: take no snapshot above this height (a projection resuming at its checkpoint). */
  readonly snapshotAtOrBelow?: number;
  /**
   * What-if (`audit --what-if`): these parameters are overridden from their heights on, and from
   * the first of them the recorded roots are no longer checked (the state diverges on purpose).
   * Never for a data directory's own replay.
   */
  readonly paramOverrides?: readonly ParamOverride[];
  /** Write a snapshot after every block whose height is a multiple of N and whose root checked out (0 = never). */
  readonly snapshotEvery?: number;
  /** Snapshots kept when writing them (default DEFAULT_SNAPSHOT_RETENTION). */
  readonly keepSnapshots?: number;
  /** Awaited before each chunk of blocks: a subscriber that writes asynchronously (PostgreSQL) holds replay back. */
  readonly beforeChunk?: () => Promise<void>;
  /**
   * Also yield a turn of the event loop between two blocks of a chunk once this many ms have
   * passed since the last turn (default: only between chunks). A chunk is up to 4,000 txs: at a
   * verified replay's ~1,000 claims and proofs a second that is 4 s of one synchronous stretch,
   * in which the CLI's Ctrl-C listener and its progress bar's redraw timer cannot run.
   */
  readonly turnEveryMs?: number;
  /** Called once with the starting state, before the first block (read it, never change it): `project` seeds genesis rows from it instead of parsing the genesis file again. */
  readonly onStart?: (state: LedgerState, startedFrom: 'genesis' | 'snapshot') => void | Promise<void>;
}

export interface ReplayOutcome {
  readonly state: LedgerState;
  readonly height: number;
  readonly stateRoot: string;
  readonly startHeight: number;
  readonly startedFrom: 'genesis' | 'snapshot';
  readonly blocks: number;
  readonly txs: number;
  readonly verified: boolean;
  readonly divergence: Divergence | undefined;
}

interface LoadedBlock {
  readonly height: number;
  readonly record: ReturnType<typeof decodeRecord>;
  readonly prepared: PreparedTx[];
}

const CHUNK_TXS = 4_000;
const CHUNK_BLOCKS = 256;

export async function replay(dir: string, options: ReplayOptions = {}): Promise<ReplayOutcome> {
  const opened: Pick<OpenedChain, 'config' | 'log' | 'genesisBytes'> =
    options.opened ??
    openChain(dir, {
      keepGenesisBytes: true,
      ...(options.genesisBytes === undefined ? {} : { genesisBytes: options.genesisBytes }),
      ...(options.onWarning === undefined ? {} : { onWarning: options.onWarning }),
    });
  const { log } = opened;
  const snapshotCeiling = options.snapshotAtOrBelow === undefined ? options.to : Math.min(options.snapshotAtOrBelow, options.to ?? Number.MAX_SAFE_INTEGER);
  // Starts no worker until a block has a signature to verify (crypto/verify-pool.ts).
  const warn = options.onWarning ?? warnOnStderr;
  const pool = new LazyVerifyPool(options.workers === undefined ? {} : { workers: options.workers }, (error) =>
    warn({ code: 'verify_workers_unavailable', message: `the signature verification workers could not start (${error.message}): verifying on this thread, one core` }),
  );
  let state: LedgerState;
  let startedFrom: 'genesis' | 'snapshot';
  let startHeight = 0;
  let blocks = 0;
  let txs = 0;
  let divergence: Divergence | undefined;
  try {
    ({ state, startedFrom } = startingState(dir, opened.config, log, snapshotCeiling, options.fromSnapshot === true, warn, opened.genesisBytes));
    // A start from genesis took the bytes; one from a snapshot lets them go here.
    opened.genesisBytes?.take();
    await options.onStart?.(state, startedFrom);
    state.store.recordWriteSets = true;
    const meta = state.chain.meta.get(CHAIN_META_KEY)!;
    startHeight = meta.height;
    // Only a genesis can start above `to` (a snapshot is taken at or below it): a chain continued
    // from an exported state at H holds nothing below H. Said so, rather than the log's
    // "iterate 46…10" from export, replay --to and session (QA of 2026-12-06).
    if (options.to !== undefined && options.to < startHeight) {
      throw new DataDirError('height_before_genesis', `height ${options.to} is before this chain's genesis: it continues an exported state at height ${startHeight} (heights ${startHeight}–${log.lastHeight} are here)`, { height: options.to, genesis_height: startHeight, last_height: log.lastHeight });
    }
    const targetHeight = Math.min(options.to ?? log.lastHeight, log.lastHeight);
    const records = log.iterate(startHeight + 1, targetHeight)[Symbol.iterator]();
    const load = (): Promise<LoadedBlock[]> => {
      const chunk = loadChunk(records, meta.chainId, options.trustSignatures === true, pool);
      // A chunk read ahead may fail (a damaged record) long before it is awaited: mark it handled
      // now so the failure surfaces where it is awaited, in order, not as an unhandled rejection.
      chunk.catch(() => undefined);
      return chunk;
    };
    // Two chunks ahead of the reducer: the pool always has signatures queued while it applies.
    const ahead = [load(), load()];
    let lastTurn = performance.now();
    while (divergence === undefined) {
      await options.beforeChunk?.();
      const chunk = await ahead.shift()!;
      lastTurn = performance.now();
      if (chunk.length === 0) break;
      ahead.push(load());
      for (const loaded of chunk) {
        if (options.turnEveryMs !== undefined && performance.now() - lastTurn >= options.turnEveryMs) {
          await nextTurn(); // one turn of the event loop: signal listeners and timers run
          lastTurn = performance.now();
        }
        divergence = applyLoaded(state, loaded);
        if (divergence !== undefined) break;
        blocks++;
        txs += loaded.prepared.length;
        options.onProgress?.({ height: loaded.height, startHeight, targetHeight, blocks, txs });
      }
    }
    await Promise.all(ahead.map((pending) => pending.catch(() => [])));
  } finally {
    await pool.close();
    if (options.opened === undefined) log.close();
  }
  const height = state.chain.meta.get(CHAIN_META_KEY)!.height;
  return { state, height, stateRoot: bytesToHex(state.store.root), startHeight, startedFrom, blocks, txs, verified: divergence === undefined, divergence };

  function applyLoaded(target: LedgerState, loaded: LoadedBlock): Divergence | undefined {
    const { record } = loaded;
    const headerBytes = canonicalHeaderBytes(record);
    if (headerBytes === undefined) {
      return { height: loaded.height, kind: 'record_malformed', detail: 'header bytes are not in canonical form', expectedRoot: record.stateRootAfter, actualRoot: '', entries: [] };
    }
    // The block's bytes as stored are the ones the reducer's size check counts (chain/block-size.ts):
    // padding (a repeated header field, an over-long length) would be bytes it never sees.
    const padded = nonCanonicalBlockLength(record);
    if (padded !== undefined) {
      return { height: loaded.height, kind: 'record_malformed', detail: `block bytes are not in canonical form (${padded.stored} bytes stored, ${padded.canonical} encoded)`, expectedRoot: record.stateRootAfter, actualRoot: '', entries: [] };
    }
    let result: BlockResult;
    const overrides = options.paramOverrides;
    const whatIf = overrides !== undefined && overrides.some((o) => o.height <= loaded.height);
    try {
      result = whatIf
        ? applyBlock(target, record.block, { prepared: loaded.prepared, headerBytes, whatIf: { events: overrideEvents(target, overrides, loaded.height), skipChecks: WHAT_IF_SKIPPED_CHECKS } })
        : applyBlock(target, record.block, { prepared: loaded.prepared, headerBytes });
    } catch (error) {
      if (error instanceof BlockRejectedError) {
        return { height: loaded.height, kind: 'block_rejected', detail: `${error.code}: ${error.message}`, expectedRoot: record.stateRootAfter, actualRoot: bytesToHex(target.store.root), entries: [] };
      }
      throw error;
    }
    options.onBlock?.(result, target);
    if (whatIf || result.stateRoot === record.stateRootAfter) {
      if (loaded.height > (options.publishAbove ?? 0)) options.stream?.publish(record.block, loaded.prepared, result);
      // A what-if state diverges on purpose: it must never be written as the directory's snapshot.
      const every = whatIf ? 0 : (options.snapshotEvery ?? 0);
      if (every > 0 && loaded.height % every === 0) writeSnapshot(dir, target, { keep: options.keepSnapshots ?? DEFAULT_SNAPSHOT_RETENTION, counts: recordedInLog(opened.config, log) });
      return undefined;
    }
    return {
      height: loaded.height,
      kind: 'state_root_mismatch',
      detail: `state root after block ${loaded.height} is ${result.stateRoot}; the log says ${record.stateRootAfter}`,
      expectedRoot: record.stateRootAfter,
      actualRoot: result.stateRoot,
      entries: diffWriteSets(record.writeSet, target.store.lastWriteSet()),
    };
  }
}

/**
 * Read, decode and prepare the next chunk of blocks; verify its signatures on the pool: every
 * signature, or — trusting the txs' own (the record's verdicts) — a relay proof's AAT and client
 * signatures only, which the record keeps no verdict for. Either way no signature is verified
 * on the reducer's thread unless it catches up with the workers (crypto/shared-verdicts.ts).
 */
async function loadChunk(records: Iterator<{ height: number; payload: Uint8Array }>, chainId: string, trust: boolean, pool: LazyVerifyPool): Promise<LoadedBlock[]> {
  const chunk: LoadedBlock[] = [];
  // Each block's signatures are posted to the pool (in slices, runtime/ingest.ts) as soon as the
  // block is decoded, so the workers start while the rest of the chunk is still being read.
  const verifying: Array<Promise<void>> = [];
  let txCount = 0;
  while (chunk.length < CHUNK_BLOCKS && txCount < CHUNK_TXS) {
    const next = records.next();
    if (next.done === true) break;
    const record = decodeRecord(next.value.payload, next.value.height);
    const { prepared, verified } = prepareAhead(record.block.txs, chainId, pool, trust ? 'recorded' : 'verify');
    if (trust) trustRecorded(prepared, record.invalidSignatures);
    chunk.push({ height: next.value.height, record, prepared });
    txCount += prepared.length;
    verifying.push(verified);
  }
  await Promise.all(verifying);
  return chunk;
}

/** The producer's verdicts: valid unless the record lists the tx as invalid (record.ts). */
function trustRecorded(prepared: readonly PreparedTx[], invalidSignatures: readonly number[]): void {
  prepared.forEach(trustSignature);
  for (const index of invalidSignatures) {
    const tx = prepared[index];
    if (tx !== undefined) tx.signature = 'invalid';
  }
}
