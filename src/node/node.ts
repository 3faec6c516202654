/**
 * A running node: the data directory's writer (its lock held), the mempool, the block producer
 * (interval and/or on demand) and the HTTP API. `close()` stops producing, closes the server and
 * releases the log (fsynced) — a node killed instead loses only its mempool, never a block whose
 * append returned.
 */
import type { FastifyInstance } from 'fastify';
import { httpUrl } from '../core/http-url.js';
import type { FsyncMode } from '../log/index.js';
import { ChainWriter, type ChainWriterOptions, type ProducedBlock } from '../runtime/chain-writer.js';
import { BlockProducer, type BlockProducerOptions } from './block-producer.js';
import type { TurnLimits } from '../query/client-turns.js';
import type { HttpLimits } from '../query/http-limits.js';
import type { ProductionHealth, RetryBackoff } from './production-health.js';
import { Mempool, type MempoolOptions, type MempoolUpdate } from './mempool.js';
import { createNodeServer } from './server.js';
import { project } from '../projection/run.js';
import { sqliteReadStore } from '../projection/sqlite-read-store.js';
import { ProjectionStore } from '../projection/store.js';
import type { CommittedBlock } from '../runtime/committed-block.js';

export interface NodeOptions {
  readonly dataDir: string;
  readonly host?: string;
  /** 0 = any free port (see RunningNode.port). */
  readonly port?: number;
  /** Produce a block every this many ms (0 = only on demand: POST /v1/ledger/produce). */
  readonly intervalMs?: number;
  readonly mempool?: MempoolOptions;
  readonly maxTxsPerBlock?: number;
  readonly fsync?: FsyncMode;
  readonly snapshotEvery?: number;
  /** Snapshots kept (the newest N; default DEFAULT_SNAPSHOT_RETENTION). */
  readonly keepSnapshots?: number;
  /** The state's rebuild at start (newest snapshot + replay to the tip): its start, then each block. */
  readonly onReplayStart?: ChainWriterOptions['onReplayStart'];
  readonly onReplayProgress?: ChainWriterOptions['onReplayProgress'];
  readonly clockNs?: () => bigint;
  readonly onBlock?: (block: ProducedBlock, mempool: MempoolUpdate) => void;
  /** A block failed: production pauses and is retried (health says why). */
  readonly onError?: (error: unknown, health: ProductionHealth) => void;
  readonly onRecovered?: (failures: number) => void;
  readonly onSnapshotError?: (error: unknown, height: number) => void;
  readonly retryBackoff?: RetryBackoff;
  /** Connection deadlines and cap (defaults: http-limits.ts). */
  readonly http?: Partial<HttpLimits>;
  /** Clients' turns at answers (defaults: client-turns.ts). */
  readonly turns?: TurnLimits;
  /** The projection is rebuilt (schema change) or caught up at start: told why. */
  readonly onProjectionNotice?: (message: string) => void;
  /** Projecting block `height` failed: it and later blocks are retried (queries stay at the last projected block meanwhile). */
  readonly onProjectionError?: (error: unknown, height: number) => void;
  /** The projection caught up after failures (at `height`). */
  readonly onProjectionRecovered?: (height: number) => void;
}

export interface RunningNode {
  readonly url: string;
  readonly port: number;
  readonly writer: ChainWriter;
  readonly mempool: Mempool;
  readonly producer: BlockProducer;
  readonly server: FastifyInstance;
  readonly projection: ProjectionStore;
  close(): Promise<void>;
}

export const DEFAULT_NODE_PORT = 8081;

export async function startNode(options: NodeOptions): Promise<RunningNode> {
  const writer = await ChainWriter.open(options.dataDir, {
    fsync: options.fsync ?? 'always',
    snapshotEvery: options.snapshotEvery ?? 0,
    ...(options.keepSnapshots === undefined ? {} : { keepSnapshots: options.keepSnapshots }),
    ...(options.onReplayStart === undefined ? {} : { onReplayStart: options.onReplayStart }),
    ...(options.onReplayProgress === undefined ? {} : { onReplayProgress: options.onReplayProgress }),
  });
  const mempool = new Mempool(writer.config.chain_id, options.mempool ?? {});
  const { clockNs, maxTxsPerBlock, onBlock, onError, onRecovered, onSnapshotError, retryBackoff } = options;
  const producerOptions: BlockProducerOptions = Object.fromEntries(
    Object.entries({ clockNs, maxTxsPerBlock, onBlock, onError, onRecovered, onSnapshotError, retryBackoff }).filter(([, value]) => value !== undefined),
  );
  const producer = new BlockProducer(writer, mempool, producerOptions);
  let nodeProjection: NodeProjection;
  try {
    // A chain whose next header alone is over Block.MaxBytes can never make a block: a coded
    // refusal now (block_limit_below_header), not a node that starts only to stop producing.
    producer.assertNextBlockBuildable();
    nodeProjection = await openProjection(writer, options);
  } catch (error) {
    writer.close();
    throw error;
  }
  const projection = nodeProjection.store;
  const server = await createNodeServer(producer, { limits: options.http ?? {}, ...(options.turns === undefined ? {} : { turns: options.turns }), store: sqliteReadStore(projection.db) });
  try {
    await server.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? DEFAULT_NODE_PORT });
  } catch (error) {
    producer.stop();
    writer.close();
    nodeProjection.stop();
    projection.close();
    throw error;
  }
  const address = server.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : (options.port ?? DEFAULT_NODE_PORT);
  if ((options.intervalMs ?? 0) > 0) producer.start(options.intervalMs!);
  let closed = false;
  return {
    url: httpUrl(options.host ?? '127.0.0.1', port),
    port,
    writer,
    mempool,
    producer,
    server,
    projection,
    async close() {
      if (closed) return;
      closed = true;
      producer.stop();
      await server.close();
      writer.close();
      nodeProjection.stop();
      projection.close();
    },
  };
}

/** Blocks a failing projection keeps in memory to retry (beyond: a restart catches up from the log). */
const MAX_UNPROJECTED_BLOCKS = 10_000;
const PROJECTION_RETRY_MS = 1_000;

interface NodeProjection {
  readonly store: ProjectionStore;
  stop(): void;
}

/**
 * The node's projection: caught up with the log first (`project`: it reads the log beside the
 * writer's lock; the first start, or blocks produced without this node, are projected here),
 * then kept in step — every block the writer produces is projected in the same tick, after its
 * append and before the producer moves on, so a block is visible to queries once projected and
 * queries never see a block the log does not hold. A projection failure (e.g. a full disk) never
 * stops block production: the unprojected blocks wait in memory and are retried every second and
 * with each new block, in order (each attempt one transaction: all or nothing); meanwhile queries
 * answer at the last projected height, which `x-ledger-height` shows.
 */
async function openProjection(writer: ChainWriter, options: NodeOptions): Promise<NodeProjection> {
  const notice = options.onProjectionNotice === undefined ? {} : { onNotice: options.onProjectionNotice };
  // The projection replays the log from its checkpoint (from genesis when new), while the writer
  // starts from the newest snapshot: damage below the snapshots stops the catch-up, never the
  // node. It then produces blocks, and queries answer at the last projected height (503
  // projection_empty when there is none) until the log is repaired and the node restarted.
  let gaveUp = false;
  try {
    await project(options.dataDir, notice);
  } catch (error) {
    gaveUp = true;
    options.onProjectionError?.(error, 0);
  }
  const store = ProjectionStore.open(options.dataDir, notice);
  const pending: CommittedBlock[] = [];
  let retry: NodeJS.Timeout | undefined;
  const flush = (): void => {
    if (pending.length === 0 || gaveUp) return;
    try {
      store.apply(pending);
      pending.length = 0;
      if (retry !== undefined) {
        clearInterval(retry);
        retry = undefined;
        options.onProjectionRecovered?.(store.checkpoint!.height);
      }
    } catch (error) {
      if (retry === undefined) {
        options.onProjectionError?.(error, pending[0]!.block.header.height);
        retry = setInterval(flush, PROJECTION_RETRY_MS).unref();
      }
      if (pending.length > MAX_UNPROJECTED_BLOCKS) {
        gaveUp = true;
        pending.length = 0;
        options.onProjectionError?.(new Error(`more than ${MAX_UNPROJECTED_BLOCKS} blocks unprojected: projection stopped until a restart`), store.checkpoint?.height ?? 0);
      }
    }
  };
  writer.stream.subscribe((block) => {
    if (gaveUp) return;
    pending.push(block);
    flush();
  });
  return { store, stop: () => clearInterval(retry) };
}
