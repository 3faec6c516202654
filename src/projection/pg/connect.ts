/**
 * PostgreSQL connections for the projection: int8 read as bigint (as SQLite's safe integers), so
 * rows read back equal the rows the projectors made; and which errors mean "the server went
 * away" (retry after reconnecting) rather than "this data is wrong" (stop).
 */
import pg from 'pg';

const INT8_OID = 20;

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => (oid === INT8_OID && format !== 'binary' ? (text: string) => BigInt(text) : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser,
};

export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, types });
  // A server that goes away emits 'error' on an idle client; the next query fails and says so.
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** A pool for readers (serve), with the same type parsing. */
export function readerPool(url: string, max = 8): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, types, max });
  pool.on('error', () => undefined);
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
