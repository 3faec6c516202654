/**
 * PostgreSQL connections for the projection: int8 and numeric read as bigint (as SQLite's safe integers), so
 * rows read back equal the rows the projectors made; and which errors mean "the server went
 * away" (retry after reconnecting) rather than "this data is wrong" (stop).
 */
import pg from 'pg';

const INT8_OID = 20;
const TEXT_OID = 25;
/** NUMERIC: the amount columns (NUMERIC(78,0), migration 006), exact integers read as bigint. */
const NUMERIC_OID = 1700;

/**
 * PostgreSQL TEXT cannot hold a NUL character, and a memo or a log is attacker-chosen text that
 * may contain one. Text is stored as is unless it contains a NUL or starts with the escape mark
 * U+0001; then it is stored as U+0001 followed by its JSON string literal (NUL → \u0000). The
 * mark is escaped too, so every stored text decodes to exactly one original.
 * Example: "a\u0000b" is stored as "\u0001\"a\\u0000b\"" and read back as "a\u0000b"; "plain" stays "plain".
 * Read back by the TEXT type parser below, so every reader of these connections sees the original.
 */
const TEXT_MARK = '\u0001';

export function encodeText(text: string): string {
  return text.includes('\u0000') || text.startsWith(TEXT_MARK) ? TEXT_MARK + JSON.stringify(text) : text;
}

export function decodeText(stored: string): string {
  return stored.startsWith(TEXT_MARK) ? (JSON.parse(stored.slice(1)) as string) : stored;
}

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (format === 'binary') return pg.types.getTypeParser(oid, format);
    if (oid === INT8_OID || oid === NUMERIC_OID) return (text: string) => BigInt(text);
    if (oid === TEXT_OID) return decodeText;
    return pg.types.getTypeParser(oid, format);
  }) as typeof pg.types.getTypeParser,
};

/**
 * How long the writer waits for a server to accept it. Without a bound, a host that takes the
 * TCP connection and never answers (a hung server, a proxy with nothing behind it) held
 * `project --postgres` forever with no message (QA of 2026-12-06); bounded, it is a connection
 * failure like a refused one (postgres_unavailable at start, a retry mid-run).
 */
export const CONNECT_TIMEOUT_MS = 10_000;

/**
 * A server can also go silent on a connection already made — a host powered off, a route
 * dropped, a firewall that discards packets — and then TCP says nothing: `keepAlive: true` alone
 * left the first probe to the kernel's default (Linux tcp_keepalive_time: 7,200 s), so a
 * projector or a reader waiting for an answer waited over two hours. Three bounds now:
 * - each query's answer is waited for at most `queryMs` (`query_timeout`, pg's own timer): a
 *   query past it fails as a lost connection (isConnectionLost), and its connection is closed,
 *   never reused (its answer may still arrive and would answer the next query);
 * - our side of the socket probes after KEEPALIVE_IDLE_MS of silence, then about every second
 *   (libuv sets the interval: seen with `ss -tnoe` on a live connection, 2026-12-06 — first probe
 *   10 s after the last packet, the next ~1.2 s later), so an idle connection to a vanished
 *   server is found dead in well under a minute;
 * - the server's side of the session probes too (SERVER_SESSION_KEEPALIVES), so a session whose
 *   client vanished ends within ~20 s and frees what it held — the projector's advisory lock
 *   (store.ts), which a reconnecting projector would otherwise find taken for two hours.
 * The writer's deadline is long because one statement writes a whole batch: e.g. `npm start`'s
 * chain (scale 0.02) projects ~286 rows a block, so at mainnet's scale ~14,000, and a batch of
 * 64 blocks (run.ts DEFAULT_BATCH_BLOCKS) is ~900,000 rows — one COPY of ~20–30 s at the
 * 31–43k rows/s the projector's COPY made on the 2-core machine (bench/NOTES.md, project-pg;
 * an INSERT … VALUES of the same rows, ~17k rows/s, ~54 s); 5 min leaves a slower server room. A reader's answer is one snapshot of point and page reads, far below a second;
 * 20 s is about as long as an HTTP client still waits.
 */
export const KEEPALIVE_IDLE_MS = 10_000;
export const WRITE_DEADLINE_MS = 300_000;
export const READ_DEADLINE_MS = 20_000;

/**
 * The server's TCP settings for this session (PostgreSQL manual §20.3.1; user-settable): first
 * probe after 10 s idle, then every 3 s, the session ended after 3 unanswered — and, PostgreSQL
 * ≥ 12, after 20 s of data sent and not acknowledged (tcp_user_timeout; probes cover only an
 * idle link). set_config in a SELECT so an older server skips the setting it lacks. No effect
 * over a Unix-domain socket, where no peer can vanish silently.
 */
export const SERVER_SESSION_KEEPALIVES =
  "SELECT set_config('tcp_keepalives_idle', '10', false), set_config('tcp_keepalives_interval', '3', false), set_config('tcp_keepalives_count', '3', false);" +
  " SELECT set_config('tcp_user_timeout', '20000', false) WHERE current_setting('server_version_num')::int >= 120000";

/** pg's message for an answer not received within `query_timeout`. */
const QUERY_DEADLINE_PASSED = 'Query read timeout';

export interface ConnectOptions {
  /** The longest wait for one query's answer (default WRITE_DEADLINE_MS). */
  readonly queryMs?: number;
}

export async function connect(url: string, options: ConnectOptions = {}): Promise<pg.Client> {
  const queryMs = options.queryMs ?? WRITE_DEADLINE_MS;
  const client = new pg.Client({ connectionString: url, types, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, keepAlive: true, keepAliveInitialDelayMillis: KEEPALIVE_IDLE_MS, query_timeout: queryMs });
  // A server that goes away emits 'error' on an idle client; the next query fails and says so.
  client.on('error', () => undefined);
  await client.connect().catch((error: unknown) => {
    // The driver's own timeout is a bare Error('timeout expired'): given the code of a TCP
    // timeout, so isConnectionLost and the messages treat it as the connection failure it is.
    if ((error as Error).message === 'timeout expired') throw Object.assign(new Error(`no answer from the server within ${CONNECT_TIMEOUT_MS / 1000} s`), { code: 'ETIMEDOUT' });
    throw error;
  });
  try {
    await client.query(SERVER_SESSION_KEEPALIVES).catch((error: unknown) => {
      throw deadlineNamed(error, queryMs);
    });
  } catch (error) {
    await endClient(client);
    throw error;
  }
  return client;
}

/**
 * A pool for readers (serve), with the same type parsing and the bounds above. A server that
 * cannot be reached fails a request within the connect timeout instead of holding it.
 */
export function readerPool(url: string, max = 8, queryMs = READ_DEADLINE_MS): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    types,
    max,
    connectionTimeoutMillis: 5_000,
    keepAlive: true,
    keepAliveInitialDelayMillis: KEEPALIVE_IDLE_MS,
    query_timeout: queryMs,
    // Before the pool hands the client out (pg-pool awaits it): the server's probes are asked for
    // before any read, and a connection that cannot even do that is dropped, not lent.
    onConnect: (async (client: pg.ClientBase) => {
      // A server that goes away emits 'error' on checked-out clients too; their query fails and says so.
      client.on('error', () => undefined);
      destroyAfterGoodbye(client as pg.Client); // a pool's clients are pg.Clients
      await client.query(SERVER_SESSION_KEEPALIVES);
    }) as (client: pg.ClientBase) => void,
  });
  pool.on('error', () => undefined);
  return pool;
}

/**
 * pg's end() sends the goodbye, half-closes the socket and waits for the server's end of it —
 * which a silent network never sends: the socket stayed open, and `serve` did not exit after
 * saying it stopped (pool.end() ends every idle client so; so does the pool's idle timeout).
 * Every end of this client destroys its socket a second later (a no-op once it closed).
 */
function destroyAfterGoodbye(client: pg.Client): void {
  const end = client.end.bind(client) as (callback?: (error: Error) => void) => Promise<void> | void;
  (client as unknown as { end: typeof end }).end = (callback) => {
    setTimeout(() => socketOf(client)?.destroy(), 1_000).unref();
    return end(callback);
  };
}

/**
 * pg's deadline error, reworded: "no answer within N s" — the lost connection it is
 * (isConnectionLost knows pg's own message too, for errors that reach a caller unreworded).
 */
export function deadlineNamed(error: unknown, queryMs: number): unknown {
  if (!(error instanceof Error) || error.message !== QUERY_DEADLINE_PASSED) return error;
  return Object.assign(new Error(`no answer from the server within ${queryMs / 1000} s`), { code: 'ETIMEDOUT' });
}

/** Connection-level failures (server restart, shutdown, network): the work can be retried. */
export function isConnectionLost(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | undefined;
  if (e === undefined || e === null) return false;
  // 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now, 08xxx connection exceptions.
  if (typeof e.code === 'string' && (/^08/.test(e.code) || ['57P01', '57P02', '57P03', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT'].includes(e.code))) return true;
  return typeof e.message === 'string' && /Connection terminated|connection is closed|Client has encountered a connection error|not queryable|Query read timeout/i.test(e.message);
}

/**
 * What a PostgreSQL error means to a reader, from its SQLSTATE (PostgreSQL manual, appendix A
 * "PostgreSQL Error Codes"), or undefined for anything else (a bug of ours: a 500):
 * - `lost`: the connection (isConnectionLost).
 * - `busy`: 40001 serialization_failure (also a hot standby's "conflict with recovery"), 40P01
 *   deadlock_detected, 55P03 lock_not_available (lock_timeout), 57014 query_canceled
 *   (statement_timeout), class 53 insufficient resources (53100 disk_full, 53200 out_of_memory,
 *   53300 too_many_connections).
 * - `missing`: 42P01 undefined_table, 42703 undefined_column, 3F000 invalid_schema_name,
 *   3D000 invalid_catalog_name (the database itself was dropped).
 * - `denied`: 42501 insufficient_privilege.
 * - `damaged`: XX001 data_corrupted, XX002 index_corrupted.
 */
export type PgReadFailure = 'lost' | 'busy' | 'missing' | 'denied' | 'damaged';

const BUSY_STATES = new Set(['40001', '40P01', '55P03', '57014']);
const MISSING_STATES = new Set(['42P01', '42703', '3F000', '3D000']);

export function pgReadFailure(error: unknown): PgReadFailure | undefined {
  if (isConnectionLost(error)) return 'lost';
  const code = (error as { code?: unknown } | null | undefined)?.code;
  if (typeof code !== 'string' || code.length !== 5) return undefined;
  if (BUSY_STATES.has(code) || code.startsWith('53')) return 'busy';
  if (MISSING_STATES.has(code)) return 'missing';
  if (code === '42501') return 'denied';
  if (code === 'XX001' || code === 'XX002') return 'damaged';
  return undefined;
}

/** The URL with its password masked, for messages. Example: postgres://u:pw@h/db?password=pw → postgres://u:***@h/db?password=*** */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    // libpq also takes the password (and the client key's) as query parameters. Masked in the
    // query string as given: URLSearchParams would re-encode the rest (%20 → +), and a copied
    // command must carry the same options.
    parsed.search = parsed.search.replace(/([?&](?:ssl)?password=)[^&]*/gi, '$1***');
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}

/**
 * Closes a client. DEV_NOTE: pg's end() never settles on a client whose server went away
 * (restart, kill, a silent network), so closing waits at most a second for the goodbye, then
 * destroys the socket (left half-open, it held a descriptor until the kernel gave up on it).
 */
export async function endClient(client: pg.Client): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([client.end().catch(() => undefined), new Promise<void>((resolve) => (timer = setTimeout(resolve, 1_000)))]);
  clearTimeout(timer);
  socketOf(client)?.destroy();
}

/** The client's socket: pg keeps it as `connection.stream` (not in its typings). */
function socketOf(client: pg.ClientBase): { destroy(): void } | undefined {
  return (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream;
}
