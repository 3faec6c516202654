/**
 * Build or catch up the projection of a data directory (`pokt-ledger project`), into SQLite
 * (<data>/projections/) or PostgreSQL (`--postgres URL`): seed genesis if the projection is new,
 * then replay the block log (from the newest snapshot at or below the checkpoint, signatures
 * trusted, every state root still checked) and project every block after the checkpoint through
 * the committed-block stream. A projection already at the height asked for is reported as it is,
 * without a replay.
 *
 * Blocks are committed in batches of `batchBlocks` (each batch one transaction with its
 * checkpoint), so a kill loses at most the batch in flight, which the next run redoes. SQLite:
 * the rows are made here, beside the replay, and written by a writer thread
 * (sqlite/catch-up-store.ts), at most one batch outstanding while the next is made.
 * PostgreSQL: a lost connection (server restart, failover) is retried — the run reconnects and
 * resumes from the committed checkpoint — up to `retries` times, each with a notice.
 */
import { deadlineNamed, isConnectionLost, redactedUrl, WRITE_DEADLINE_MS } from './pg/connect.js';
import { PgProjectionStore } from './pg/store.js';
import type { PgWriteMode } from './pg/write.js';
import { ProjectionError, type Checkpoint } from './engine.js';
import { aheadOfLogAdvice } from './errors.js';
import { catchUpWriter, SqliteCatchUpStore } from './sqlite/catch-up-store.js';
import { projectionFile, removeDatabase } from './sqlite/database.js';
import type { LedgerState } from '../chain/ledger-state.js';
import { CommittedBlockStream, type CommittedBlock } from '../runtime/committed-block.js';
import { genesisHeightOf, readDataDirConfig, type DataDirConfig } from '../runtime/data-dir.js';
import { CHAIN_META_KEY } from '../state/chain-tables.js';
import { replay, type ReplayProgress } from '../runtime/replay.js';
import { openChain } from '../runtime/open-chain.js';
import { finishPendingRollback } from './rollback.js';
import { assertCheckpointOnLog } from './checkpoint-on-log.js';
import { recordPostgresProjection } from './postgres-record.js';

export interface ProjectOptions {
  readonly rebuild?: boolean;
  /** Stop after this height (default: the log's last). */
  readonly to?: number;
  readonly batchBlocks?: number;
  /** Project into this PostgreSQL database instead of <data>/projections/ledger.sqlite. */
  readonly postgres?: string;
  /** Project into this SQLite file instead of <data>/projections/ledger.sqlite (against-log.ts). */
  readonly sqliteFile?: string;
  /** PostgreSQL: how bulk batches are written (default COPY). */
  readonly pgBulkMode?: PgWriteMode;
  /** PostgreSQL: reconnect attempts after a lost connection (default 30, one a second). */
  readonly retries?: number;
  readonly retryDelayMs?: number;
  /** PostgreSQL: the longest wait for one statement's answer (default pg/connect.ts WRITE_DEADLINE_MS). */
  readonly pgQueryMs?: number;
  readonly onNotice?: (message: string) => void;
  readonly onProgress?: (progress: ReplayProgress, projectedFrom: number) => void;
  /** A new projection is about to load the genesis state and write its rows (the CLI says so: ~15 s for a mainnet-sized import). */
  readonly onSeedingGenesis?: () => void;
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
  /** Over `seconds`: opening the log and the projection included. */
  readonly blocks_per_s: number;
  readonly rebuilt: boolean;
  /** Whether this run wrote the genesis state's rows (a new or rebuilt projection): with blocks 0, that was its work. */
  readonly genesis_seeded: boolean;
  /** The block log's last height (`height` is below it only with --to). */
  readonly log_height: number;
}

/**
 * Blocks per projection transaction. 64, not 256: the catch-up writer commits each batch while
 * the replay makes the next, so what stays on the critical path is the last batch's COMMIT and
 * the WAL checkpoint it triggers, which grow with the batch (the 150-block bench chain in one
 * batch: ~115 ms of final flush; in batches of 64: ~33 ms). Replay with the projection attached
 * vs without, alternated, 2×6 rounds each (2026-12-04, a quiet machine): 0.745 median at 256,
 * 0.817 at 64. A crash also loses at most a smaller batch.
 */
export const DEFAULT_BATCH_BLOCKS = 64;
const DEFAULT_RETRIES = 30;

/**
 * What `project` drives: the SQLite catch-up store (rows made here, written by a writer thread)
 * or the PostgreSQL one (writes queued on its connection). Blocks are appended one by one;
 * `commit` ends a batch (one transaction with its checkpoint).
 */
interface Target {
  readonly where: string;
  readonly checkpoint: Checkpoint | undefined;
  seedGenesis(state: LedgerState, root: string, previousBlockHash?: string): void | Promise<void>;
  append(block: CommittedBlock): void;
  commit(): void;
  /** Back-pressure before each replay chunk, and the final wait. */
  throttle(max: number): Promise<void>;
  close(): void | Promise<void>;
  /** Once the target is known to be this chain's, before anything is written to it: PostgreSQL records itself in the data directory (postgres-record.ts). */
  accepted?(onNotice: (message: string) => void): void;
}

function sqliteTarget(store: SqliteCatchUpStore): Target {
  return {
    where: store.file,
    get checkpoint() {
      return store.checkpoint;
    },
    seedGenesis: (state, root, previous) => store.seedGenesis(state, root, previous),
    append: (block) => store.append(block),
    commit: () => store.commit(),
    throttle: (max) => store.throttle(max),
    close: () => store.close(),
  };
}

function pgTarget(store: PgProjectionStore, dataDir: string): Target {
  const pending: CommittedBlock[] = [];
  return {
    accepted: (onNotice) => {
      // The record serves rollback's reminder only: a data directory that cannot be written (a
      // read-only medium projected into PostgreSQL) is still projected, and told what it lacks.
      try {
        recordPostgresProjection(dataDir, store.url);
      } catch (error) {
        onNotice(`could not record in ${dataDir} that its projection is in ${redactedUrl(store.url)} (${(error as { code?: string }).code ?? (error as Error).message}): a rollback of this directory will not remind you to re-project it`);
      }
    },
    where: redactedUrl(store.url),
    get checkpoint() {
      return store.checkpoint;
    },
    seedGenesis: (state, root, previous) => store.seedGenesis(state, root, previous),
    append: (block) => void pending.push(block),
    commit: () => void (pending.length > 0 && store.apply(pending.splice(0))),
    throttle: (max) => store.throttle(max),
    close: () => store.close(),
  };
}

export async function project(dataDir: string, options: ProjectOptions = {}): Promise<ProjectReport> {
  // The data directory must be a chain's before anything is created in it (coded DataDirError).
  readDataDirConfig(dataDir);
  const url = options.postgres;
  if (url === undefined) {
    return projectInto(dataDir, options, async (onNotice, lastHeight) => {
      const genesisHeight = genesisHeightOf(readDataDirConfig(dataDir));
      // A short catch-up writes inline: a thread would cost more than it saves.
      const writer = (checkpointHeight: number | undefined) => catchUpWriter(Math.min(options.to ?? lastHeight, lastHeight) - (checkpointHeight ?? genesisHeight));
      return sqliteTarget(SqliteCatchUpStore.open(dataDir, { rebuild: options.rebuild === true, onNotice, writer, ...(options.sqliteFile === undefined ? {} : { file: options.sqliteFile }) }));
    });
  }
  const retries = options.retries ?? DEFAULT_RETRIES;
  const queryMs = options.pgQueryMs ?? WRITE_DEADLINE_MS;
  // Retries are for a server that went away mid-run (a restart); one never reached is a wrong URL
  // or a server that is down, said at once (QA of 2026-12-06: 30 notices of "connection lost" over 30 s).
  let reached = false;
  for (let attempt = 1; ; attempt++) {
    try {
      // A retry resumes from the committed checkpoint: never rebuild twice.
      const rebuild = options.rebuild === true && attempt === 1;
      return await projectInto(dataDir, options, async (onNotice) => {
        const store = await PgProjectionStore.open(url, { rebuild, onNotice, queryMs, ...(options.pgBulkMode === undefined ? {} : { bulkMode: options.pgBulkMode }) });
        reached = true;
        return pgTarget(store, dataDir);
      });
    } catch (raised) {
      const error = deadlineNamed(raised, queryMs);
      const retry = retryAfter(error, attempt);
      if (retry === undefined) throw error;
      const detail = `${(error as { code?: string }).code ?? 'connection'}: ${(error as Error).message}`;
      if (!reached) throw new ProjectionError('postgres_unavailable', `cannot connect to PostgreSQL at ${redactedUrl(url)} (${detail}): is the server running, and are the host and port in the URL right?`);
      if (attempt > retries) {
        if (retry === 'lock') throw error;
        throw new ProjectionError('postgres_unavailable', `PostgreSQL at ${redactedUrl(url)} is unavailable (${detail}); gave up after ${retries} retries`);
      }
      const why = retry === 'lock' ? `the projector's lock is still held — by the lost connection's session until the server notices it is gone (~20 s), unless another projector took it` : `connection lost (${detail})`;
      options.onNotice?.(`PostgreSQL at ${redactedUrl(url)}: ${why}; reconnecting and resuming from the committed checkpoint in ${options.retryDelayMs ?? 1000} ms (retry ${attempt} of ${retries})`);
      await new Promise((resolve) => setTimeout(resolve, options.retryDelayMs ?? 1000));
    }
  }
}

/**
 * Whether a failed PostgreSQL run is tried again: after a lost connection, and — once one was
 * lost — while the projector's lock is still taken, since the server keeps the lost session
 * (and the advisory lock it holds) until it notices the client is gone (pg/connect.ts
 * SERVER_SESSION_KEEPALIVES: ~20 s). A lock taken at the first attempt is another projector's.
 */
function retryAfter(error: unknown, attempt: number): 'lost' | 'lock' | undefined {
  if (isConnectionLost(error)) return 'lost';
  if (attempt > 1 && error instanceof ProjectionError && error.code === 'projection_busy') return 'lock';
  return undefined;
}

/**
 * Genesis rows from the replay's starting state, which must be the genesis state: height 0, or
 * for a chain imported from an exported state (init --exported-height H) height H = first - 1.
 */
async function seedGenesisFrom(target: Target, state: LedgerState, config: DataDirConfig): Promise<void> {
  const height = state.chain.meta.get(CHAIN_META_KEY)?.height;
  const genesisHeight = genesisHeightOf(config);
  if (height !== genesisHeight) throw new ProjectionError('projection_not_seeded', `the replay started at height ${height}, not at genesis (${genesisHeight}): a new projection needs the genesis state`);
  await target.seedGenesis(state, config.genesis_state_root, config.previous_block_hash);
}

/** The report of a projection already at (or past --to) the height asked for. */
function nothingProjected(target: Target, rebuilt: boolean, lastHeight: number, started: number): ProjectReport {
  const height = target.checkpoint!.height;
  const seconds = (performance.now() - started) / 1000;
  return { file: target.where, from_height: height, height, blocks: 0, txs: 0, events: 0, seconds: Number(seconds.toFixed(3)), blocks_per_s: 0, rebuilt, genesis_seeded: false, log_height: lastHeight };
}

async function projectInto(dataDir: string, options: ProjectOptions, open: (onNotice: (message: string) => void, lastHeight: number) => Promise<Target>): Promise<ProjectReport> {
  const started = performance.now();
  const config = readDataDirConfig(dataDir);
  // A rollback interrupted after its commit point: the log was cut at open; bring the rows back too.
  // The genesis copy's bytes this open checked are kept for the replay, which parses them when it
  // starts from genesis (a new projection): read once, not twice (~0.7 s of CPU at 218 MB).
  // Only when this open read them anyway: at `node` start the writer checked the copy already.
  const { log, genesisBytes } = openChain(dataDir, { keepGenesisBytes: 'when-read' });
  const lastHeight = log.lastHeight;
  log.close();
  // A rebuild of <data>/projections/ledger.sqlite replaces it: a pending rollback's projection
  // step is moot — and refuses another chain's projection (store.ts rollbackTo), the very file
  // the rebuild is asked to replace, so settling it first left no way out but deleting by hand.
  if (options.rebuild === true && options.postgres === undefined && options.sqliteFile === undefined) removeDatabase(projectionFile(dataDir));
  finishPendingRollback(dataDir);
  let rebuilt = options.rebuild === true;
  const target = await open((message) => {
    rebuilt = true;
    options.onNotice?.(message);
  }, lastHeight);
  try {
    // Another chain's projection, or one of a rolled-back history, is refused before it is read.
    assertCheckpointOnLog(dataDir, target.checkpoint);
    target.accepted?.((message) => options.onNotice?.(message));
    const upTo = Math.min(options.to ?? lastHeight, lastHeight);
    // Nothing to project: no replay (it would rebuild the state only to append no block).
    if (target.checkpoint !== undefined && target.checkpoint.height >= upTo) {
      genesisBytes?.take(); // not held while the target closes
      return nothingProjected(target, rebuilt, lastHeight, started);
    }
    // A new projection seeds its genesis rows from the state the replay starts from (height 0:
    // genesis, or a proven snapshot of it), so the genesis file is parsed once, not twice.
    const seedOnStart = target.checkpoint === undefined;
    if (seedOnStart) options.onSeedingGenesis?.();
    // A new projection starts at the genesis height (0, or an imported state's H).
    const from = target.checkpoint?.height ?? genesisHeightOf(config);
    const counts = { blocks: 0, txs: 0, events: 0 };
    let inBatch = 0;
    const flush = (): void => {
      if (inBatch === 0) return;
      inBatch = 0;
      target.commit();
      options.onCommit?.(target.checkpoint!.height);
    };
    const stream = new CommittedBlockStream();
    stream.subscribe((block) => {
      if (block.block.header.height <= from) return;
      target.append(block);
      inBatch++;
      counts.blocks++;
      counts.txs += block.receipts.length;
      counts.events += block.events.length;
      if (inBatch >= (options.batchBlocks ?? DEFAULT_BATCH_BLOCKS)) flush();
    });
    const outcome = await replay(dataDir, {
      ...(genesisBytes === undefined ? {} : { genesisBytes }),
      fromSnapshot: true,
      snapshotAtOrBelow: from,
      trustSignatures: true,
      stream,
      // One batch written while the next is made; no more (memory stays bounded).
      beforeChunk: () => target.throttle(1),
      ...(seedOnStart ? { onStart: (state: LedgerState) => seedGenesisFrom(target, state, config) } : {}),
      ...(options.to === undefined ? {} : { to: options.to }),
      ...(options.onProgress === undefined ? {} : { onProgress: (p: ReplayProgress) => options.onProgress!(p, from) }),
    });
    flush();
    await target.throttle(0);
    if (outcome.divergence !== undefined) {
      throw new ProjectionError('log_diverged', `the block log diverges at height ${outcome.divergence.height} (${outcome.divergence.detail}); projected up to ${target.checkpoint!.height}`);
    }
    if (outcome.height < from) {
      throw new ProjectionError('projection_ahead_of_log', `the projection is at height ${from} but the block log ends at ${outcome.height}; ${aheadOfLogAdvice(from, outcome.height)}`, { height: from, log_height: outcome.height });
    }
    const seconds = (performance.now() - started) / 1000;
    return {
      file: target.where,
      from_height: from,
      height: target.checkpoint!.height,
      ...counts,
      seconds: Number(seconds.toFixed(3)),
      blocks_per_s: Math.round(counts.blocks / Math.max(seconds, 1e-6)),
      rebuilt,
      genesis_seeded: seedOnStart,
      log_height: lastHeight,
    };
  } finally {
    await target.close();
  }
}
