/**
 * `pokt-ledger node [--data DIR] [--host 127.0.0.1] [--port 8081] [--interval SECONDS]`
 *
 * Runs a block producer on the data directory's chain: accepts raw txs over HTTP as
 * pocket-core does (`POST /v1/client/rawtx` {address, raw_hex_bytes} → TxResponse), keeps them
 * in a mempool (CheckTx admission), and produces blocks every --interval seconds (default 900,
 * Pocket's 15 minutes; 0 = only on demand) and whenever `POST /v1/ledger/produce` asks. Block
 * times come from the wall clock, strictly increasing. Logs one line per block on stderr; stops
 * cleanly on SIGINT/SIGTERM. Routes: src/node/server.ts.
 */
import type { Command } from 'commander';
import { DEFAULT_NODE_PORT, startNode } from '../../node/node.js';
import { dataDirOf, integerOption } from '../args.js';
import { withCliErrors } from '../runtime-errors.js';

interface NodeCommandOptions {
  readonly data?: string;
  readonly host?: string;
  readonly port?: number;
  readonly interval?: number;
  readonly maxTxsPerBlock?: number;
  readonly mempoolTxs?: number;
  readonly mempoolPerSender?: number;
  readonly snapshotEvery?: number;
  readonly keepSnapshots?: number;
}

export function registerNodeCommand(program: Command): void {
  program
    .command('node')
    .description('run a block producer: raw txs over HTTP (POST /v1/client/rawtx), pocket-core queries of the live state (POST /v1/query/*), blocks on an interval or on demand')
    .option('--data <dir>', 'data directory (default: the repository root)')
    .option('--host <host>', 'address to bind (default 127.0.0.1: the admin routes have no authentication)')
    .option('--port <port>', `port (default ${DEFAULT_NODE_PORT}; 0 = any free port)`, integerOption('--port', 0))
    .option('--interval <seconds>', 'produce a block every N seconds (default 900; 0 = only on demand)', integerOption('--interval', 0))
    .option('--max-txs-per-block <n>', 'most txs per block (default: only the block byte size limits)', integerOption('--max-txs-per-block', 1))
    .option('--mempool-txs <n>', 'mempool size in txs (default 5000)', integerOption('--mempool-txs', 1))
    .option('--mempool-per-sender <n>', 'most txs one sender may have waiting (default 500)', integerOption('--mempool-per-sender', 1))
    .option('--snapshot-every <n>', 'snapshot every N blocks (default: never)', integerOption('--snapshot-every', 0))
    .option('--keep-snapshots <n>', 'keep only the newest N snapshots (default 3)', integerOption('--keep-snapshots', 1))
    .action((options: NodeCommandOptions) =>
      withCliErrors(async () => {
        const node = await startNode({
          dataDir: dataDirOf(options.data),
          ...(options.host === undefined ? {} : { host: options.host }),
          port: options.port ?? DEFAULT_NODE_PORT,
          intervalMs: (options.interval ?? 900) * 1000,
          ...(options.maxTxsPerBlock === undefined ? {} : { maxTxsPerBlock: options.maxTxsPerBlock }),
          mempool: {
            ...(options.mempoolTxs === undefined ? {} : { maxTxs: options.mempoolTxs }),
            ...(options.mempoolPerSender === undefined ? {} : { maxTxsPerSender: options.mempoolPerSender }),
          },
          ...(options.snapshotEvery === undefined ? {} : { snapshotEvery: options.snapshotEvery }),
          ...(options.keepSnapshots === undefined ? {} : { keepSnapshots: options.keepSnapshots }),
          onBlock: ({ result }, mempool) => {
            const failed = result.receipts.filter((r) => r.code !== 0).length;
            process.stderr.write(
              `block ${result.height} ${result.blockHash.slice(0, 16)}… ${result.receipts.length} txs (${failed} failed), state root ${result.stateRoot.slice(0, 16)}…, mempool ${mempool.evicted.length} evicted\n`,
            );
          },
          onError: (error) => process.stderr.write(`block production stopped: ${error instanceof Error ? error.message : String(error)}\n`),
        });
        process.stderr.write(`pokt-ledger node: chain ${node.writer.config.chain_id} at height ${node.writer.height}, listening on ${node.url}\n`);
        await new Promise<void>((resolve) => {
          const stop = (): void => resolve();
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
        await node.close();
        process.stderr.write('pokt-ledger node: stopped\n');
      }),
    );
}
