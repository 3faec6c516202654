/**
 * Build or catch up the projection of a data directory (`pokt-ledger project`): seed genesis if
 * the projection is new, then replay the block log (from the newest snapshot at or below the
 * checkpoint, signatures trusted, every state root still checked) and project every block after
 * the checkpoint through the committed-block stream.
 *
 * Blocks are committed in batches of `batchBlocks` (each batch one transaction with its
 * checkpoint), so a kill loses at most the batch in flight, which the next run redoes.
 */
import { ProjectionError, ProjectionStore } from './store.js';
import { CommittedBlockStream, type CommittedBlock } from '../runtime/committed-block.js';
import { loadGenesisOfDataDir, readDataDirConfig } from '../runtime/data-dir.js';
import { replay, type ReplayProgress } from '../runtime/replay.js';
import { openChain } from '../runtime/open-chain.js';
import { finishPendingRollback } from './rollback.js';

export interface ProjectOptions {
  readonly rebuild?: boolean;
  /** Stop after this height (default: the log's last). */
  readonly to?: number;
  readonly batchBlocks?: number;
  readonly onNotice?: (message: string) => void;
  readonly onProgress?: (progress: ReplayProgress, projectedFrom: number) => void;
  /** After each committed batch (tests; the kill test prints the checkpoint). */
  readonly onCommit?: (height: number) => void;
}

export interface ProjectReport {
  readonly file: string;
  readonly from_height: number;
  readonly height: number;
  readonly blocks: number;
  readonly txs: number;
  readonly events: number;
  readonly seconds: number;
  readonly blocks_per_s: number;
  readonly rebuilt: boolean;
}

export const DEFAULT_BATCH_BLOCKS = 256;

export async function project(dataDir: string, options: ProjectOptions = {}): Promise<ProjectReport> {
  const started = performance.now();
  // The data directory must be a chain's before anything is created in it (coded DataDirError).
  const config = readDataDirConfig(dataDir);
  // A rollback interrupted after its commit point: the log was cut at open; bring the rows back too.
  openChain(dataDir).log.close();
  finishPendingRollback(dataDir);
  let rebuilt = options.rebuild === true;
  const store = ProjectionStore.open(dataDir, {
    rebuild: options.rebuild === true,
    onNotice: (message) => {
      rebuilt = true;
      options.onNotice?.(message);
    },
  });
  try {
    if (store.checkpoint === undefined) store.seedGenesis(loadGenesisOfDataDir(dataDir).state, config.genesis_state_root);
    const from = store.checkpoint!.height;
    const counts = { blocks: 0, txs: 0, events: 0 };
    const pending: CommittedBlock[] = [];
    const flush = (): void => {
      store.apply(pending);
      if (pending.length > 0) options.onCommit?.(store.checkpoint!.height);
      pending.length = 0;
    };
    const stream = new CommittedBlockStream();
    stream.subscribe((block) => {
      if (block.block.header.height <= from) return;
      pending.push(block);
      counts.blocks++;
      counts.txs += block.receipts.length;
      counts.events += block.events.length;
      if (pending.length >= (options.batchBlocks ?? DEFAULT_BATCH_BLOCKS)) flush();
    });
    const outcome = await replay(dataDir, {
      fromSnapshot: true,
      snapshotAtOrBelow: from,
      trustSignatures: true,
      stream,
      ...(options.to === undefined ? {} : { to: options.to }),
      ...(options.onProgress === undefined ? {} : { onProgress: (p: ReplayProgress) => options.onProgress!(p, from) }),
    });
    flush();
    if (outcome.divergence !== undefined) {
      throw new ProjectionError('log_diverged', `the block log diverges at height ${outcome.divergence.height} (${outcome.divergence.detail}); projected up to ${store.checkpoint!.height}`);
    }
    if (outcome.height < from) {
      throw new ProjectionError('projection_ahead_of_log', `the projection is at height ${from} but the block log ends at ${outcome.height}; rebuild it (--rebuild)`);
    }
    const seconds = (performance.now() - started) / 1000;
    return {
      file: store.file,
      from_height: from,
      height: store.checkpoint!.height,
      ...counts,
      seconds: Number(seconds.toFixed(3)),
      blocks_per_s: Math.round(counts.blocks / Math.max(seconds, 1e-6)),
      rebuilt,
    };
  } finally {
    store.close();
  }
}
