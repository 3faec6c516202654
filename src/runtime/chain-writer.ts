/**
 * The single writer of a data directory: holds the block log's lock and the live state,
 * produces the next block (build → apply → append), and takes snapshots.
 *
 * Order per block: apply first (the record stores the state root after the block), then append;
 * the block exists once append returns (fsync 'always' by default). If the process dies between
 * the two, the block was never appended and restarting replays the log to the same state.
 *
 * If apply or append FAILS in a live process (a full disk, a read-only remount, an I/O error),
 * the in-memory state is a block ahead of the log, and the log refuses further appends (block-log.ts:
 * "close and reopen"). Undoing a committed block in memory would have to undo the commitment,
 * history versions, pruning and every derived index — so instead the state is discarded:
 * `state` throws `state_unavailable` until `recover()` has (1) rebuilt the state by replaying the
 * log read-only up to the last durable height (no lock, no disk writes: works on a full disk)
 * and (2) reopened the log for writing (which cuts the torn, never-acknowledged tail). Step 2
 * fails while the cause lasts; the state from step 1 is served meanwhile. A failed snapshot is
 * not a failed block: the block is durable, the error is returned and the snapshot retried.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { LedgerState } from '../chain/ledger-state.js';
import { encodeBlock, type Block } from '../chain/block.js';
import { CHAIN_META_KEY } from '../state/chain-tables.js';
import type { PreparedTx } from '../chain/prepare.js';
import { buildBlock, type BlockPlan } from '../chain/producer.js';
import { encodeRecord, packWriteSetLatin1 } from '../chain/record.js';
import type { BlockLog, FsyncMode } from '../log/index.js';
import { applyBlock, BlockRejectedError, type BlockResult } from '../chain/apply-block.js';
import { DEFAULT_SNAPSHOT_RETENTION, pruneSnapshots, writeSnapshot, type SnapshotInfo } from '../snapshot/snapshot.js';
import { DataDirError, type DataDirConfig } from './data-dir.js';
import { CommittedBlockStream } from './committed-block.js';
import { prepareVerifiedInline } from './ingest.js';
import { openChain, warnOnStderr, type WarningSink } from './open-chain.js';
import { recordedInLog } from './snapshot-proof.js';
import { replay, type ReplayOptions } from './replay.js';

export interface ChainWriterOptions {
  readonly fsync?: FsyncMode;
  /** Take a snapshot every N blocks (0 = never). */
  readonly snapshotEvery?: number;
  /** Keep only the newest N snapshots (default DEFAULT_SNAPSHOT_RETENTION), pruned at open and after each snapshot. */
  readonly keepSnapshots?: number;
  /** Passed to the opening replay (progress reporting): its start (state loaded), then each block. */
  readonly onReplayStart?: ReplayOptions['onStart'];
  readonly onReplayProgress?: ReplayOptions['onProgress'];
  /** What opening repaired or skipped (default: stderr). */
  readonly onWarning?: WarningSink;
  /** Every produced block is published here after its append (projectors subscribe). */
  readonly stream?: CommittedBlockStream;
}

export interface ProducedBlock {
  readonly block: Block;
  readonly result: BlockResult;
  readonly recordBytes: number;
  readonly snapshot: SnapshotInfo | undefined;
  /** A snapshot was due and failed (the block itself is durable); retried at a later block. */
  readonly snapshotError?: unknown;
}

/** The in-memory state was discarded after a failed block and is not rebuilt yet. */
export class StateUnavailableError extends Error {
  override readonly name = 'StateUnavailableError';
  readonly code = 'state_unavailable';
  constructor(override readonly cause: unknown) {
    super(`the state is being rebuilt from the log after a failed block (${cause instanceof Error ? cause.message : String(cause)})`);
  }
}

/** What a failed block left to repair (see the file comment). */
interface Damage {
  readonly cause: unknown;
  /** The in-memory state is ahead of the log: rebuild it to `durableHeight` before serving it. */
  stateAhead: boolean;
  readonly durableHeight: number;
}

/** Snapshot retry after failures: 1, 2, 4, … blocks later, never later than the schedule. */
function snapshotRetryDelay(failures: number, every: number): number {
  return Math.min(every, 2 ** Math.min(failures - 1, 30));
}

export class ChainWriter {
  private damage: Damage | undefined;
  private snapshotFailures = 0;
  private snapshotRetryAt = 0;
  private closed = false;

  private constructor(
    readonly dir: string,
    readonly config: DataDirConfig,
    private current: LedgerState,
    private log: BlockLog,
    private readonly options: ChainWriterOptions,
    readonly stream: CommittedBlockStream,
  ) {}

  /**
   * Take the lock (open-chain.ts: ledger.json, genesis and log checked, repairs reported), then
   * rebuild the state from the newest proven snapshot and the log (roots checked).
   */
  static async open(dir: string, options: ChainWriterOptions = {}): Promise<ChainWriter> {
    const warn = options.onWarning ?? warnOnStderr;
    const { config, log } = openChain(dir, { write: { fsync: options.fsync ?? 'always' }, onWarning: warn });
    try {
      const keep = options.keepSnapshots ?? DEFAULT_SNAPSHOT_RETENTION;
      const pruned = pruneSnapshots(dir, keep, log.lastHeight, recordedInLog(config, log));
      if (pruned.length > 0) warn({ code: 'snapshots_pruned', message: `removed ${pruned.length} old snapshot(s), keeping the newest ${keep}`, details: { files: pruned } });
      const state = await replayState(dir, {
        opened: { config, log },
        onWarning: warn,
        ...(options.onReplayStart ? { onStart: options.onReplayStart } : {}),
        ...(options.onReplayProgress ? { onProgress: options.onReplayProgress } : {}),
      });
      return new ChainWriter(dir, config, state, log, options, options.stream ?? new CommittedBlockStream());
    } catch (error) {
      log.close();
      throw error;
    }
  }

  /** The live state (the last durable block's); throws `state_unavailable` while it is rebuilt. */
  get state(): LedgerState {
    if (this.damage?.stateAhead === true) throw new StateUnavailableError(this.damage.cause);
    return this.current;
  }

  /** `state` answers (false between a failed block and the rebuild of its state). */
  get stateAvailable(): boolean {
    return this.damage?.stateAhead !== true;
  }

  /**
   * After a failed block: rebuild the state from the log read-only (if it is ahead), then reopen
   * the log for writing. Throws while the cause lasts (e.g. the disk is still full); call again.
   */
  async recover(): Promise<void> {
    const damage = this.damage;
    if (damage === undefined) return;
    if (damage.stateAhead) {
      this.current = await replayState(this.dir, { to: damage.durableHeight });
      damage.stateAhead = false;
    }
    if (this.closed) return; // closed while replaying: take no lock
    this.log.close();
    const { log } = openChain(this.dir, { write: { fsync: this.options.fsync ?? 'always' }, onWarning: this.options.onWarning ?? warnOnStderr });
    this.log = log;
    // A record whose fsync failed may still have reached the disk whole; reopening made it durable.
    // It is a committed block like any other: published, so the projections do not miss it.
    if (log.lastHeight !== damage.durableHeight) this.current = await replayState(this.dir, { to: log.lastHeight, stream: this.stream, publishAbove: damage.durableHeight });
    this.damage = undefined;
  }

  get height(): number {
    return this.state.chain.meta.get(CHAIN_META_KEY)!.height;
  }

  get lastBlockTimeNs(): bigint {
    return this.state.chain.meta.get(CHAIN_META_KEY)!.lastBlockTimeNs;
  }

  /**
   * Build the next block from the plan, apply it, append it; snapshot if due. If this throws
   * (other than a block the state refuses before touching anything), the writer is damaged
   * until `recover()`.
   */
  produce(plan: BlockPlan, prepared?: readonly PreparedTx[]): ProducedBlock {
    if (this.damage !== undefined) throw this.damage.cause;
    const state = this.current;
    // Verdicts are recorded (record.ts invalidSignatures), so the txs are prepared here when
    // the caller did not verify them already.
    const verified = prepared ?? prepareVerifiedInline(plan.txs, this.config.chain_id);
    const block = buildBlock(state, { ...plan, txHashes: verified.map((tx) => tx.hash) });
    const durableHeight = this.height;
    let result: BlockResult;
    let record: Uint8Array;
    try {
      result = applyBlock(state, block, { prepared: verified });
      const invalidSignatures = verified.flatMap((tx, index) => (tx.signature === 'invalid' ? [index] : []));
      record = encodeRecord({ blockBytes: encodeBlock(block), stateRootAfter: result.stateRoot, writeSet: packWriteSetLatin1(state.store.lastWriteSetLatin1()), invalidSignatures });
      this.log.append(block.header.height, record);
    } catch (error) {
      // checkHeader refuses a block before any write: the state is still the durable one.
      if (!(error instanceof BlockRejectedError)) this.damage = { cause: error, stateAhead: true, durableHeight };
      throw error;
    }
    this.stream.publish(block, verified, result);
    const height = block.header.height;
    const due = this.snapshotEvery > 0 && (height % this.snapshotEvery === 0 || (this.snapshotFailures > 0 && height >= this.snapshotRetryAt));
    if (!due) return { block, result, recordBytes: record.byteLength, snapshot: undefined };
    try {
      const snapshot = this.snapshot();
      this.snapshotFailures = 0;
      return { block, result, recordBytes: record.byteLength, snapshot };
    } catch (error) {
      this.snapshotFailures++;
      this.snapshotRetryAt = height + snapshotRetryDelay(this.snapshotFailures, this.snapshotEvery);
      return { block, result, recordBytes: record.byteLength, snapshot: undefined, snapshotError: error };
    }
  }

  private get snapshotEvery(): number {
    return this.options.snapshotEvery ?? 0;
  }

  snapshot(): SnapshotInfo {
    this.log.sync();
    return writeSnapshot(this.dir, this.state, { keep: this.options.keepSnapshots ?? DEFAULT_SNAPSHOT_RETENTION, counts: recordedInLog(this.config, this.log) });
  }

  sync(): void {
    this.log.sync();
  }

  close(): void {
    this.closed = true;
    this.log.close();
  }
}

/** The state at `to` (default: the log's end): newest proven snapshot + log, roots checked, signatures trusted. */
async function replayState(dir: string, options: Pick<ReplayOptions, 'to' | 'opened' | 'onWarning' | 'onStart' | 'onProgress' | 'stream' | 'publishAbove'>): Promise<LedgerState> {
  // A turn of the event loop between chunks: with signatures trusted and chunks read ahead, every
  // await here could be of a settled promise, and a long replay (the node's start, minutes without
  // snapshots) would never let a stop signal's handler or an HTTP answer run until its end.
  const outcome = await replay(dir, { fromSnapshot: true, trustSignatures: true, beforeChunk: () => nextTurn(), ...options });
  if (outcome.divergence !== undefined) {
    const { height, detail } = outcome.divergence;
    throw new DataDirError('replay_diverged', `cannot continue the chain: replay diverged at height ${height} (${detail}); run \`pokt-ledger replay\``, { height, detail });
  }
  outcome.state.store.recordWriteSets = true;
  return outcome.state;
}
