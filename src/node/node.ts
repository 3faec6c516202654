/**
 * A running node: the data directory's writer (its lock held), the mempool, the block producer
 * (interval and/or on demand) and the HTTP API. `close()` stops producing, closes the server and
 * releases the log (fsynced) — a node killed instead loses only its mempool, never a block whose
 * append returned.
 */
import type { FastifyInstance } from 'fastify';
import type { FsyncMode } from '../log/index.js';
import { ChainWriter, type ProducedBlock } from '../runtime/chain-writer.js';
import { BlockProducer, type BlockProducerOptions } from './block-producer.js';
import type { HttpLimits } from './http-limits.js';
import type { ProductionHealth, RetryBackoff } from './production-health.js';
import { Mempool, type MempoolOptions, type MempoolUpdate } from './mempool.js';
import { createNodeServer } from './server.js';

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
  readonly clockNs?: () => bigint;
  readonly onBlock?: (block: ProducedBlock, mempool: MempoolUpdate) => void;
  /** A block failed: production pauses and is retried (health says why). */
  readonly onError?: (error: unknown, health: ProductionHealth) => void;
  readonly onRecovered?: (failures: number) => void;
  readonly onSnapshotError?: (error: unknown, height: number) => void;
  readonly retryBackoff?: RetryBackoff;
  /** Connection deadlines and cap (defaults: http-limits.ts). */
  readonly http?: Partial<HttpLimits>;
}

export interface RunningNode {
  readonly url: string;
  readonly port: number;
  readonly writer: ChainWriter;
  readonly mempool: Mempool;
  readonly producer: BlockProducer;
  readonly server: FastifyInstance;
  close(): Promise<void>;
}

export const DEFAULT_NODE_PORT = 8081;

export async function startNode(options: NodeOptions): Promise<RunningNode> {
  const writer = await ChainWriter.open(options.dataDir, {
    fsync: options.fsync ?? 'always',
    snapshotEvery: options.snapshotEvery ?? 0,
    ...(options.keepSnapshots === undefined ? {} : { keepSnapshots: options.keepSnapshots }),
  });
  const mempool = new Mempool(writer.config.chain_id, options.mempool ?? {});
  const { clockNs, maxTxsPerBlock, onBlock, onError, onRecovered, onSnapshotError, retryBackoff } = options;
  const producerOptions: BlockProducerOptions = Object.fromEntries(
    Object.entries({ clockNs, maxTxsPerBlock, onBlock, onError, onRecovered, onSnapshotError, retryBackoff }).filter(([, value]) => value !== undefined),
  );
  const producer = new BlockProducer(writer, mempool, producerOptions);
  const server = createNodeServer(producer, options.http ?? {});
  try {
    await server.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? DEFAULT_NODE_PORT });
  } catch (error) {
    producer.stop();
    writer.close();
    throw error;
  }
  const address = server.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : (options.port ?? DEFAULT_NODE_PORT);
  if ((options.intervalMs ?? 0) > 0) producer.start(options.intervalMs!);
  let closed = false;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    port,
    writer,
    mempool,
    producer,
    server,
    async close() {
      if (closed) return;
      closed = true;
      producer.stop();
      await server.close();
      writer.close();
    },
  };
}
