/**
 * The single writer of a data directory: holds the block log's lock and the live state,
 * produces the next block (build → apply → append), and takes snapshots.
 *
 * Order per block: apply first (the record stores the state root after the block), then append;
 * the block exists once append returns (fsync 'always' by default). If the process dies between
 * the two, the block was never appended and restarting replays the log to the same state.
 */
import type { LedgerState } from '../chain/ledger-state.js';
import { applyBlock, type BlockResult } from '../chain/apply-block.js';
import { encodeBlock, type Block } from '../chain/block.js';
import { CHAIN_META_KEY } from '../state/chain-tables.js';
import type { PreparedTx } from '../chain/prepare.js';
import { buildBlock, type BlockPlan } from '../chain/producer.js';
import { encodeRecord, packWriteSetLatin1 } from '../chain/record.js';
import { BlockLog, blockLogDir, type FsyncMode } from '../log/index.js';
import { writeSnapshot, type SnapshotInfo } from '../snapshot/snapshot.js';
import { readDataDirConfig, type DataDirConfig } from './data-dir.js';
import { prepareVerifiedInline } from './ingest.js';
import { replay, type ReplayOptions } from './replay.js';

export interface ChainWriterOptions {
  readonly fsync?: FsyncMode;
  /** Take a snapshot every N blocks (0 = never). */
  readonly snapshotEvery?: number;
  /** Passed to the opening replay (progress reporting). */
  readonly onReplayProgress?: ReplayOptions['onProgress'];
}

export interface ProducedBlock {
  readonly block: Block;
  readonly result: BlockResult;
  readonly recordBytes: number;
  readonly snapshot: SnapshotInfo | undefined;
}

export class ChainWriter {
  private constructor(
    readonly dir: string,
    readonly config: DataDirConfig,
    readonly state: LedgerState,
    private readonly log: BlockLog,
    private readonly snapshotEvery: number,
  ) {}

  /** Take the lock, then rebuild the state from the newest snapshot and the log (roots checked). */
  static async open(dir: string, options: ChainWriterOptions = {}): Promise<ChainWriter> {
    const config = readDataDirConfig(dir);
    const { log } = BlockLog.open(blockLogDir(dir), { fsync: options.fsync ?? 'always' });
    try {
      const outcome = await replay(dir, { fromSnapshot: true, trustSignatures: true, ...(options.onReplayProgress ? { onProgress: options.onReplayProgress } : {}) });
      if (outcome.divergence !== undefined) {
        throw new Error(`cannot continue the chain: replay diverged at height ${outcome.divergence.height} (${outcome.divergence.detail})`);
      }
      outcome.state.store.recordWriteSets = true;
      return new ChainWriter(dir, config, outcome.state, log, options.snapshotEvery ?? 0);
    } catch (error) {
      log.close();
      throw error;
    }
  }

  get height(): number {
    return this.state.chain.meta.get(CHAIN_META_KEY)!.height;
  }

  get lastBlockTimeNs(): bigint {
    return this.state.chain.meta.get(CHAIN_META_KEY)!.lastBlockTimeNs;
  }

  /** Build the next block from the plan, apply it, append it; snapshot if due. */
  produce(plan: BlockPlan, prepared?: readonly PreparedTx[]): ProducedBlock {
    // Verdicts are recorded (record.ts invalidSignatures), so the txs are prepared here when
    // the caller did not verify them already.
    const verified = prepared ?? prepareVerifiedInline(plan.txs, this.config.chain_id);
    const block = buildBlock(this.state, { ...plan, txHashes: verified.map((tx) => tx.hash) });
    const result = applyBlock(this.state, block, { prepared: verified });
    const invalidSignatures = verified.flatMap((tx, index) => (tx.signature === 'invalid' ? [index] : []));
    const record = encodeRecord({ blockBytes: encodeBlock(block), stateRootAfter: result.stateRoot, writeSet: packWriteSetLatin1(this.state.store.lastWriteSetLatin1()), invalidSignatures });
    this.log.append(block.header.height, record);
    const snapshot = this.snapshotEvery > 0 && block.header.height % this.snapshotEvery === 0 ? this.snapshot() : undefined;
    return { block, result, recordBytes: record.byteLength, snapshot };
  }

  snapshot(): SnapshotInfo {
    this.log.sync();
    return writeSnapshot(this.dir, this.state);
  }

  sync(): void {
    this.log.sync();
  }

  close(): void {
    this.log.close();
  }
}
