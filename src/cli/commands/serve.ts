/**
 * `pokt-ledger serve [--data DIR] [--host 127.0.0.1] [--port 8082] [--max-connections N] [--max-connections-per-client N] [--max-waiting-per-client N] [--trust-proxy ADDRESSES]`
 * `pokt-ledger serve --postgres URL [--data DIR] [--pool N] …`
 *
 * The query service (src/query/) over the data directory's SQLite projection, read only: it
 * opens <data>/projections/ledger.sqlite read-only (WAL), so any number of `serve` processes run
 * beside one writer (`node`, or `project` catching up) and answer each block as soon as the
 * writer commits it. It never writes: the projection must exist and be of this build's schema
 * (else a coded error says to run `pokt-ledger project`). No mempool: unconfirmedtxs answers
 * empty and unconfirmedtx null; no rawtx (submit to the node). dispatch replays the log to the
 * latest projected height (cached until the next block).
 *
 * With --postgres the same routes are read from a PostgreSQL projection (the primary or a
 * streaming replica; src/projection/pg/read-store.ts), each answer in one snapshot with the
 * replica's lag in its headers. dispatch needs a replayed state, which PostgreSQL does not hold:
 * it is served only when --data names the chain's data directory too, else 501
 * `dispatch_unavailable`.
 */
import type { Command } from 'commander';
import { httpUrl } from '../../core/http-url.js';
import { openSqliteReadStore } from '../../projection/sqlite-read-store.js';
import { assertCheckpointOnLog, sqliteCheckpointOf } from '../../projection/checkpoint-on-log.js';
import { DEFAULT_PG_READERS, PgReadStore } from '../../projection/pg/read-store.js';
import type { ReadStore } from '../../projection/read-store.js';
import { DEFAULT_TURN_LIMITS, turnsText, type TurnLimits } from '../../query/client-turns.js';
import { DEFAULT_HTTP_LIMITS } from '../../query/http-limits.js';
import { replayedStateSource } from '../../query/replayed-state.js';
import { createQueryServer } from '../../query/service.js';
import { dataDirOf, hostOption, integerOption, portOption, trustedProxiesOption, postgresUrlOption } from '../args.js';
import { withCliErrors } from '../runtime-errors.js';
import { untilStopSignal } from '../signals.js';

export const DEFAULT_SERVE_PORT = 8082;

interface ServeOptions {
  readonly data?: string;
  readonly host?: string;
  readonly port?: number;
  readonly maxConnections?: number;
  readonly maxConnectionsPerClient?: number;
  readonly postgres?: string;
  readonly pool?: number;
  readonly maxWaitingPerClient?: number;
  readonly trustProxy?: string[];
}

/**
 * Turns at answers (query/client-turns.ts): SQLite answers synchronously, so answersInService is
 * how many one pass of the event loop answers (the default 4); PostgreSQL answers as many at
 * once as the pool has connections.
 */
function turnLimitsOf(options: ServeOptions): TurnLimits {
  const answersInService = options.postgres === undefined ? DEFAULT_TURN_LIMITS.answersInService : (options.pool ?? DEFAULT_PG_READERS);
  return { answersInService, maxWaitingPerClient: options.maxWaitingPerClient ?? DEFAULT_TURN_LIMITS.maxWaitingPerClient };
}

/** The read store; a ProjectionError is mapped by asCliError, as for every command (runtime-errors.ts). */
async function openStore(options: ServeOptions): Promise<ReadStore> {
  // The data directory, when given, is named in the refusals at start (pgProjectCommand).
  if (options.postgres !== undefined) return PgReadStore.open(options.postgres, options.pool, undefined, options.data === undefined ? undefined : dataDirOf(options.data));
  const dataDir = dataDirOf(options.data);
  // Serve only this chain's projection (checkpoint-on-log.ts).
  assertCheckpointOnLog(dataDir, sqliteCheckpointOf(dataDir));
  return openSqliteReadStore(dataDir);
}

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description("serve pocket-core's query routes and the ledger's own at every height from the SQLite projection (or PostgreSQL with --postgres), read only (beside a running node)")
    .option('--data <dir>', 'data directory (default: the repository root; with --postgres only for dispatch, which replays its log)')
    .option('--postgres <url>', 'read the PostgreSQL projection at this URL (a primary or a streaming replica) instead of SQLite', postgresUrlOption)
    .option('--pool <n>', `PostgreSQL connections of this process (default ${DEFAULT_PG_READERS})`, integerOption('--pool', 1, 1_000))
    .option('--host <host>', 'address to bind (default 127.0.0.1)', hostOption)
    .option('--port <port>', `port 0–65535 (default ${DEFAULT_SERVE_PORT}; 0 = any free port)`, portOption)
    .option('--max-connections <n>', `connections beyond this are refused (default ${DEFAULT_HTTP_LIMITS.maxConnections})`, integerOption('--max-connections', 1, 1_000_000))
    .option('--max-connections-per-client <n>', `connections one client address may hold; one more is answered 429 too_many_connections (default ${DEFAULT_HTTP_LIMITS.maxConnectionsPerClient}; no cap with --trust-proxy)`, integerOption('--max-connections-per-client', 1, 1_000_000))
    .option('--max-waiting-per-client <n>', `requests one client address may have waiting for an answer; one more is refused 429 too_many_requests (default ${DEFAULT_TURN_LIMITS.maxWaitingPerClient})`, integerOption('--max-waiting-per-client', 1, 1_000_000))
    .option('--trust-proxy <addresses>', 'reverse proxies (IPs, CIDR ranges, loopback; comma-separated) whose X-Forwarded-For names the client: clients then take turns by their own address', trustedProxiesOption)
    .option('--json', 'a failure to start as one JSON document {"error":{code,message,details}} on stdout')
    .action((options: ServeOptions) =>
      withCliErrors(async () => {
        const store = await openStore(options);
        // Read before listening: a projection damaged where its checkpoint lies is refused with
        // its code (projection_damaged) instead of failing once the port is taken.
        const height = await store.latestHeight();
        const limits = {
          ...(options.maxConnections === undefined ? {} : { maxConnections: options.maxConnections }),
          ...(options.maxConnectionsPerClient === undefined ? {} : { maxConnectionsPerClient: options.maxConnectionsPerClient }),
          ...(options.trustProxy === undefined ? {} : { trustedProxies: options.trustProxy }),
        };
        const withDispatch = options.postgres === undefined || options.data !== undefined;
        const sources = withDispatch ? { dispatchState: replayedStateSource(dataDirOf(options.data)) } : {};
        const turns = turnLimitsOf(options);
        const server = await createQueryServer(store, sources, limits, turns);
        const host = options.host ?? '127.0.0.1';
        await server.listen({ host, port: options.port ?? DEFAULT_SERVE_PORT });
        const address = server.server.address();
        const port = typeof address === 'object' && address !== null ? address.port : options.port;
        const source = options.postgres === undefined ? 'projection' : 'PostgreSQL projection';
        const stopped = untilStopSignal();
        process.stderr.write(`pokt-ledger serve: ${source} at height ${height ?? '-'}, listening on ${httpUrl(host, port ?? DEFAULT_SERVE_PORT)} (read only; ${turnsText(turns, options.trustProxy)})\n`);
        await stopped;
        await server.close();
        await store.close();
        process.stderr.write('pokt-ledger serve: stopped\n');
      }),
    );
}
