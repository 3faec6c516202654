/**
 * Real PostgreSQL servers for tests: one primary and one streaming replica per test process,
 * started on first use by scripts/postgres.sh (which installs PostgreSQL from Debian's packages
 * when missing) and stopped when the process exits. Each test gets a database of its own
 * (`freshDatabase`), which the replica receives by streaming replication like everything else.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { packageRoot } from '../../src/core/paths.js';
import { connect } from '../../src/projection/pg/connect.js';
import { project } from '../../src/projection/run.js';
import { TABLES } from '../../src/projection/tables.js';
import { copyDataDir } from './projection.js';
import { projectedSimChain } from './query.js';

export interface PgCluster {
  readonly dir: string;
  readonly primaryUrl: string;
  readonly replicaUrl: string;
}

const SCRIPT = join(packageRoot(), 'scripts', 'postgres.sh');
let cluster: PgCluster | undefined;

export function pgCluster(): PgCluster {
  if (cluster !== undefined) return cluster;
  const out = execFileSync('bash', [SCRIPT, 'up'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const value = (name: string): string => {
    const match = new RegExp(`^${name}=(.+)$`, 'm').exec(out);
    if (match === null) throw new Error(`scripts/postgres.sh up printed no ${name}:\n${out}`);
    return match[1]!;
  };
  const started: PgCluster = { dir: value('PG_DIR'), primaryUrl: value('PG_PRIMARY_URL'), replicaUrl: value('PG_REPLICA_URL') };
  cluster = started;
  process.on('exit', () => execFileSync('bash', [SCRIPT, 'down', started.dir], { stdio: 'ignore' }));
  return started;
}

export function restartPrimary(): void {
  execFileSync('bash', [SCRIPT, 'restart-primary', pgCluster().dir], { stdio: 'ignore' });
}

/** Restarts the streaming replica (fast shutdown; same port): its WAL receiver starts again. */
export function restartReplica(): void {
  execFileSync('bash', [SCRIPT, 'restart-replica', pgCluster().dir], { stdio: 'ignore' });
}

/** The URL of `base` with another database name. */
export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

let databases = 0;

/** A new empty database on the primary; returns its URLs on the primary and on the replica. */
export async function freshDatabase(prefix: string): Promise<{ primary: string; replica: string; name: string }> {
  const { primaryUrl, replicaUrl } = pgCluster();
  const name = `${prefix}_${process.pid}_${++databases}`.replace(/[^a-z0-9_]/gi, '_').toLowerCase();
  const admin = new pg.Client({ connectionString: primaryUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return { primary: withDatabase(primaryUrl, name), replica: withDatabase(replicaUrl, name), name };
}

/** Every row of every projection table as JSON text (sorted), in dumpTables' format. */
export async function dumpPgTables(url: string): Promise<Map<string, string[]>> {
  const client = await connect(url);
  try {
    const dump = new Map<string, string[]>();
    for (const table of [...TABLES.map((t) => t.name), 'projection_checkpoint']) {
      const result = await client.query<Record<string, unknown>>(`SELECT * FROM ${table}`);
      dump.set(table, result.rows.map(rowText).sort());
    }
    return dump;
  } finally {
    await client.end();
  }
}

export function rowText(row: Record<string, unknown>): string {
  return JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v instanceof Uint8Array ? Buffer.from(v).toString('hex') : isBufferJson(v) ? Buffer.from(v.data).toString('hex') : v));
}

function isBufferJson(v: unknown): v is { type: 'Buffer'; data: number[] } {
  return typeof v === 'object' && v !== null && (v as { type?: unknown }).type === 'Buffer' && Array.isArray((v as { data?: unknown }).data);
}

/**
 * The query tests' simulated chain (test/helpers/query.ts, projected into SQLite: `sqliteDir`,
 * never to be written) projected into a fresh PostgreSQL database on the primary (`url`).
 */
export async function pgProjectedSimChain(prefix: string): Promise<{ url: string; sqliteDir: string }> {
  const chain = await projectedSimChain();
  const copy = copyDataDir(chain.dir, `pg-${prefix}`);
  process.on('exit', copy.remove);
  const url = (await freshDatabase(prefix)).primary;
  await project(copy.dir, { postgres: url });
  return { url, sqliteDir: chain.dir };
}
