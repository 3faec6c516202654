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

export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, types, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, keepAlive: true });
  // A server that goes away emits 'error' on an idle client; the next query fails and says so.
  client.on('error', () => undefined);
  await client.connect().catch((error: unknown) => {
    // The driver's own timeout is a bare Error('timeout expired'): given the code of a TCP
    // timeout, so isConnectionLost and the messages treat it as the connection failure it is.
    if ((error as Error).message === 'timeout expired') throw Object.assign(new Error(`no answer from the server within ${CONNECT_TIMEOUT_MS / 1000} s`), { code: 'ETIMEDOUT' });
    throw error;
  });
  return client;
}

/**
 * A pool for readers (serve), with the same type parsing. A server that cannot be reached fails
 * a request within the connect timeout instead of holding it; TCP keep-alive finds dead peers.
 */
export function readerPool(url: string, max = 8): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, types, max, connectionTimeoutMillis: 5_000, keepAlive: true });
  pool.on('error', () => undefined);
  // A server that goes away emits 'error' on checked-out clients too; their query fails and says so.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

/** Connection-level failures (server restart, shutdown, network): the work can be retried. */
export function isConnectionLost(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | undefined;
  if (e === undefined || e === null) return false;
  // 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now, 08xxx connection exceptions.
  if (typeof e.code === 'string' && (/^08/.test(e.code) || ['57P01', '57P02', '57P03', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT'].includes(e.code))) return true;
  return typeof e.message === 'string' && /Connection terminated|connection is closed|Client has encountered a connection error|not queryable/i.test(e.message);
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

/** The URL without its password (for messages). */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparsable URL)';
  }
}

/**
 * Closes a client. DEV_NOTE: pg's end() never settles on a client whose server went away
 * (restart, kill), so closing waits at most a second for the goodbye.
 */
export async function endClient(client: pg.Client): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([client.end().catch(() => undefined), new Promise<void>((resolve) => (timer = setTimeout(resolve, 1_000)))]);
  clearTimeout(timer);
}
