/**
 * `pokt-ledger node [--data DIR] [--host 127.0.0.1] [--port 8081] [--interval SECONDS]`
 *
 * Runs a block producer on the data directory's chain: accepts raw txs over HTTP as
 * pocket-core does (`POST /v1/client/rawtx` {address, raw_hex_bytes} → TxResponse), keeps them
 * in a mempool (CheckTx admission), and produces blocks every --interval seconds (default 900,
 * Pocket's 15 minutes; 0 = only on demand) and whenever `POST /v1/ledger/produce` asks. Block
 * times come from the wall clock, strictly increasing. Logs one line per block on stderr; stops
 * cleanly on SIGINT/SIGTERM. A failed block pauses production (logged; retried with backoff;
 * GET /v1/ledger/health says why); a failed snapshot is logged and retried. A chain whose next
 * block's header alone is over its block limit can never go on: a startup error
 * (block_limit_below_header), or, met after a block, production stopped for good, said once. Connection deadlines
 * and cap: src/query/http-limits.ts. Routes: src/node/server.ts.
 */
import type { Command } from 'commander';
import { DEFAULT_NODE_PORT, startNode } from '../../node/node.js';
import { DEFAULT_TURN_LIMITS, turnsText } from '../../query/client-turns.js';
import { DEFAULT_HTTP_LIMITS, type HttpLimits } from '../../query/http-limits.js';
import { warnOnStderr } from '../../runtime/warnings.js';
import { dataDirOf, hostOption, integerOption, MAX_TIMER_MS, MAX_TIMER_SECONDS, portOption, trustedProxiesOption } from '../args.js';
import { counted } from '../output.js';
import { replayStepProgress } from '../progress.js';
import { withCliErrors } from '../runtime-errors.js';
import { untilStopSignal } from '../signals.js';

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
  readonly headersTimeout?: number;
  readonly requestTimeout?: number;
  readonly keepAliveTimeout?: number;
  readonly idleTimeout?: number;
  readonly maxConnections?: number;
  readonly maxConnectionsPerClient?: number;
  readonly maxWaitingPerClient?: number;
  readonly trustProxy?: string[];
  readonly progress?: boolean;
}

/** 127.0.0.0/8, ::1 and localhost: the hosts only this machine reaches. */
function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) || /^::ffff:127\./i.test(host);
}

/** Thrown out of the start's replay when a stop signal came meanwhile. */
class StoppedWhileStarting extends Error {}

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function httpLimits(options: NodeCommandOptions): Partial<HttpLimits> {
  const limits = {
    headersTimeoutMs: options.headersTimeout,
    requestTimeoutMs: options.requestTimeout,
    keepAliveTimeoutMs: options.keepAliveTimeout,
    idleTimeoutMs: options.idleTimeout,
    maxConnections: options.maxConnections,
    maxConnectionsPerClient: options.maxConnectionsPerClient,
    trustedProxies: options.trustProxy,
  };
  return Object.fromEntries(Object.entries(limits).filter(([, value]) => value !== undefined));
}

const msOption = (name: string) => integerOption(name, 1, MAX_TIMER_MS);

export function registerNodeCommand(program: Command): void {
  program
    .command('node')
    .description('run a block producer: raw txs over HTTP (POST /v1/client/rawtx), pocket-core queries of the live state (POST /v1/query/*), blocks on an interval or on demand')
    .option('--data <dir>', 'data directory (default: the repository root)')
    .option('--host <host>', 'address to bind (default 127.0.0.1: the admin routes have no authentication)', hostOption)
    .option('--port <port>', `port 0–65535 (default ${DEFAULT_NODE_PORT}; 0 = any free port)`, portOption)
    .option('--interval <seconds>', `produce a block every N seconds, at most ${MAX_TIMER_SECONDS} (default 900; 0 = only on demand)`, integerOption('--interval', 0, MAX_TIMER_SECONDS))
    .option('--max-txs-per-block <n>', 'most txs per block (default: only the block byte size limits)', integerOption('--max-txs-per-block', 1))
    .option('--mempool-txs <n>', 'mempool size in txs (default 5000)', integerOption('--mempool-txs', 1))
    .option('--mempool-per-sender <n>', 'most txs one sender may have waiting (default 500)', integerOption('--mempool-per-sender', 1))
    .option('--snapshot-every <n>', 'snapshot every N blocks (default: never)', integerOption('--snapshot-every', 0))
    .option('--keep-snapshots <n>', 'keep only the newest N snapshots (default 3)', integerOption('--keep-snapshots', 1))
    .option('--headers-timeout <ms>', `request line and headers must arrive within this (default ${DEFAULT_HTTP_LIMITS.headersTimeoutMs})`, msOption('--headers-timeout'))
    .option('--request-timeout <ms>', `the whole request must arrive within this (default ${DEFAULT_HTTP_LIMITS.requestTimeoutMs})`, msOption('--request-timeout'))
    .option('--keep-alive-timeout <ms>', `idle kept-alive connections are closed after this (default ${DEFAULT_HTTP_LIMITS.keepAliveTimeoutMs})`, msOption('--keep-alive-timeout'))
    .option('--idle-timeout <ms>', `silent sockets are closed after this (default ${DEFAULT_HTTP_LIMITS.idleTimeoutMs})`, msOption('--idle-timeout'))
    .option('--json', 'a failure to start as one JSON document {"error":{code,message,details}} on stdout')
    .option('--max-connections <n>', `connections beyond this are refused (default ${DEFAULT_HTTP_LIMITS.maxConnections}; keep it well below ulimit -n)`, integerOption('--max-connections', 1, 1_000_000))
    .option('--max-connections-per-client <n>', `connections one client address may hold; one more is answered 429 too_many_connections (default ${DEFAULT_HTTP_LIMITS.maxConnectionsPerClient}; no cap with --trust-proxy)`, integerOption('--max-connections-per-client', 1, 1_000_000))
    .option('--trust-proxy <addresses>', 'reverse proxies (IPs, CIDR ranges, loopback; comma-separated) whose X-Forwarded-For names the client: clients then take turns by their own address', trustedProxiesOption)
    .option('--max-waiting-per-client <n>', `requests one client address may have waiting for an answer; one more is refused 429 too_many_requests (default ${DEFAULT_TURN_LIMITS.maxWaitingPerClient})`, integerOption('--max-waiting-per-client', 1, 1_000_000))
    .option('--no-progress', 'no progress bar on stderr while the state is rebuilt at start')
    .action((options: NodeCommandOptions) => withCliErrors(() => runNode(options)));
}

/**
 * Starts the node, serves until a stop signal, closes. Listening for the stop from the very
 * start: a Ctrl-C or SIGTERM during the rebuild (minutes on a long chain) killed the process by
 * the default action, silently, leaving the log's LOCK behind (the next start warned
 * log_lock_taken_over). The replay checks between blocks and stops; the log is closed (its lock
 * released) on the way out.
 */
async function runNode(options: NodeCommandOptions): Promise<void> {
  let stopRequested = false;
  const stopped = untilStopSignal().then(() => {
    stopRequested = true;
  });
  const turns = { ...DEFAULT_TURN_LIMITS, ...(options.maxWaitingPerClient === undefined ? {} : { maxWaitingPerClient: options.maxWaitingPerClient }) };
  // Before the progress line: a bad option (--data "") is said first and alone, as by every command.
  const settings = nodeSettings(options, turns);
  // The state is rebuilt at start (newest snapshot + replay to the tip): minutes on a long chain without snapshots.
  const rebuild = replayStepProgress('node', options.progress !== false);
  let node: Awaited<ReturnType<typeof startNode>>;
  try {
    node = await startNode({
      ...settings,
      onReplayStart: rebuild.onStart,
      onReplayProgress: (progress) => {
        if (stopRequested) throw new StoppedWhileStarting();
        rebuild.onProgress(progress);
      },
      ...nodeLogLines,
    }).finally(() => rebuild.stop());
  } catch (error) {
    if (!(error instanceof StoppedWhileStarting)) throw error;
    process.stderr.write('pokt-ledger node: stopped while rebuilding the state (before listening)\n');
    return;
  }
  warnIfBeyondLoopback(options.host);
  process.stderr.write(`pokt-ledger node: chain ${node.writer.config.chain_id} at height ${node.writer.height}, listening on ${node.url} (${turnsText(turns, options.trustProxy)})\n`);
  await stopped;
  await node.close();
  process.stderr.write('pokt-ledger node: stopped\n');
}

type NodeStartOptions = Parameters<typeof startNode>[0];

/** The node's settings from its options (defaults: src/node/node.ts). */
function nodeSettings(options: NodeCommandOptions, turns: typeof DEFAULT_TURN_LIMITS): NodeStartOptions {
  return {
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
    http: httpLimits(options),
    turns,
  };
}

/** One line on stderr per block, per pause and recovery of production, and per projection event. */
const nodeLogLines: Pick<NodeStartOptions, 'onBlock' | 'onError' | 'onRecovered' | 'onSnapshotError' | 'onProjectionNotice' | 'onProjectionError' | 'onProjectionRecovered'> = {
  onBlock: ({ result }, mempool) => {
    const failed = result.receipts.filter((r) => r.code !== 0).length;
    process.stderr.write(
      `block ${result.height} ${result.blockHash.slice(0, 16)}… ${counted(result.receipts.length, 'tx')} (${failed} failed), state root ${result.stateRoot.slice(0, 16)}…, mempool ${mempool.evicted.length} evicted, ${mempool.stale.length} stale\n`,
    );
  },
  onError: (error, health) =>
    process.stderr.write(
      health.retryInMs === undefined
        ? `block production stopped (${health.status}): [${health.reason?.code}] ${message(error)}; not retried — queries still answer\n`
        : `block production paused (${health.status}): [${health.reason?.code}] ${message(error)}; retry ${health.failures} in ${health.retryInMs} ms\n`,
    ),
  onRecovered: (failures) => process.stderr.write(`block production resumed after ${counted(failures, 'failed attempt')}\n`),
  onSnapshotError: (error, height) => process.stderr.write(`snapshot at height ${height} failed (production continues; retried later): ${message(error)}\n`),
  onProjectionNotice: (notice) => process.stderr.write(`${notice}\n`),
  onProjectionError: (error, height) =>
    process.stderr.write(
      height === 0
        ? `the projection could not catch up with the log (queries answer at its last projected height until a restart): ${message(error)}\n`
        : `projecting block ${height} failed (retried every second; queries stay at height ${height - 1} meanwhile): ${message(error)}\n`,
    ),
  onProjectionRecovered: (height) => process.stderr.write(`projection caught up at height ${height}\n`),
};

/**
 * --host 0.0.0.0 (to reach the node from another machine) also opened produce and mempool to that
 * network without a word; the help and docs/node.md say so, the start did not.
 */
function warnIfBeyondLoopback(host: string | undefined): void {
  if (host === undefined || isLoopbackHost(host)) return;
  warnOnStderr({
    code: 'admin_routes_exposed',
    message: `bound to ${host}, beyond this machine: POST /v1/ledger/produce and GET /v1/ledger/mempool have no authentication — anyone who reaches the port can make blocks; keep the node on 127.0.0.1 behind a proxy that forwards only the routes you mean to expose`,
  });
}
