import { ChainWriter } from '../runtime/chain-writer.js';
import { BlockProducer } from './block-producer.js';
import { Mempool } from './mempool.js';
import { createNodeServer } from './server.js';
import { project } from '../projection/run.js';
import { sqliteReadStore } from '../projection/sqlite-read-store.js';
import { ProjectionStore } from '../projection/store.js';
export const DEFAULT_NODE_PORT = 8081;
export async function startNode(options) {
    const writer = await ChainWriter.open(options.dataDir, {
        fsync: options.fsync ?? 'always',
        snapshotEvery: options.snapshotEvery ?? 0,
        ...(options.keepSnapshots === undefined ? {} : { keepSnapshots: options.keepSnapshots }),
    });
    let nodeProjection;
    try {
        nodeProjection = await openProjection(writer, options);
    }
    catch (error) {
        writer.close();
        throw error;
    }
    const projection = nodeProjection.store;
    const mempool = new Mempool(writer.config.chain_id, options.mempool ?? {});
    const { clockNs, maxTxsPerBlock, onBlock, onError, onRecovered, onSnapshotError, retryBackoff } = options;
    const producerOptions = Object.fromEntries(Object.entries({ clockNs, maxTxsPerBlock, onBlock, onError, onRecovered, onSnapshotError, retryBackoff }).filter(([, value]) => value !== undefined));
    const producer = new BlockProducer(writer, mempool, producerOptions);
    const server = await createNodeServer(producer, { limits: options.http ?? {}, store: sqliteReadStore(projection.db) });
    try {
        await server.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? DEFAULT_NODE_PORT });
    }
    catch (error) {
        producer.stop();
        writer.close();
        nodeProjection.stop();
        projection.close();
        throw error;
    }
    const address = server.server.address();
    const port = typeof address === 'object' && address !== null ? address.port : (options.port ?? DEFAULT_NODE_PORT);
    if ((options.intervalMs ?? 0) > 0)
        producer.start(options.intervalMs);
    let closed = false;
    return {
        url: `http://${options.host ?? '127.0.0.1'}:${port}`,
        port,
        writer,
        mempool,
        producer,
        server,
        projection,
        async close() {
            if (closed)
                return;
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
async function openProjection(writer, options) {
    const notice = options.onProjectionNotice === undefined ? {} : { onNotice: options.onProjectionNotice };
    // The projection replays the log from its checkpoint (from genesis when new), while the writer
    // starts from the newest snapshot: damage below the snapshots stops the catch-up, never the
    // node. It then produces blocks, and queries answer at the last projected height (503
    // projection_empty when there is none) until the log is repaired and the node restarted.
    let gaveUp = false;
    try {
        await project(options.dataDir, notice);
    }
    catch (error) {
        gaveUp = true;
        options.onProjectionError?.(error, 0);
    }
    const store = ProjectionStore.open(options.dataDir, notice);
    const pending = [];
    let retry;
    const flush = () => {
        if (pending.length === 0 || gaveUp)
            return;
        try {
            store.apply(pending);
            pending.length = 0;
            if (retry !== undefined) {
                clearInterval(retry);
                retry = undefined;
                options.onProjectionRecovered?.(store.checkpoint.height);
            }
        }
        catch (error) {
            if (retry === undefined) {
                options.onProjectionError?.(error, pending[0].block.header.height);
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
        if (gaveUp)
            return;
        pending.push(block);
        flush();
    });
    return { store, stop: () => clearInterval(retry) };
}
//# sourceMappingURL=node.js.map