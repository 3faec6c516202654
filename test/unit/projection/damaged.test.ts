/**
 * Goal: a damaged SQLite projection (pages overwritten, a truncated file) is named as such —
 * `projection_damaged`, with its remedy `project --rebuild` — never a crash, a stack trace,
 * internal_error, or a false success: `serve` answers the requests that reach the damage with a
 * coded 503 and keeps serving the rest; at start it refuses a file it cannot read; `project` and
 * `audit` refuse it (quick_check) even when nothing they read reaches the damage (before, project
 * said "projected 0 blocks"); `project --rebuild` repairs it; `project --check` finds damage in a
 * projection of any size (a catch-up checks one of at most 256 MiB only).
 * Method: copies of the query tests' projected chain; the damage is the root page of the `blocks`
 * table overwritten with garbage (the checkpoint stays readable, as in the reviewer's case of
 * random bytes written mid-file), or the file truncated; the compiled CLI in child processes.
 */
import Database from 'better-sqlite3';
import { cpSync, openSync, closeSync, rmSync, statSync, truncateSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { projectionFile } from '../../../src/projection/store.js';
import { projectedSimChain, spawnServe } from '../../helpers/query.js';
import { runCli, scratch, type CliRun } from '../../helpers/sim.js';

const test = suite('projection: a damaged SQLite projection is a coded error');
const tmp = scratch('projection-damaged');
test.after(() => tmp.remove());
const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

async function copyOfChain(name: string): Promise<string> {
  const dir = join(tmp.dir, name);
  cpSync((await projectedSimChain()).dir, dir, { recursive: true });
  return dir;
}

/** Overwrites the root page of `table` with garbage (after folding the WAL into the file). */
function damageTable(dataDir: string, table: string): void {
  const file = projectionFile(dataDir);
  const db = new Database(file);
  db.pragma('wal_checkpoint(TRUNCATE)');
  const { rootpage } = db.prepare('SELECT rootpage FROM sqlite_master WHERE name = ?').get(table) as { rootpage: number };
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  db.close();
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(pageSize, 0xa5), 0, pageSize, (rootpage - 1) * pageSize);
  closeSync(fd);
}

function damagedError(run: CliRun): { code: string; message: string } {
  assert.not.match(run.stdout + run.stderr, STACK_FRAME, 'no stack trace');
  assert.is(run.code, 1, run.stdout + run.stderr);
  return (JSON.parse(run.stdout) as { error: { code: string; message: string } }).error;
}

async function post(url: string, path: string, body: unknown): Promise<{ status: number; json: { error?: string; message?: string; height?: number } }> {
  const response = await fetch(`${url}${path}`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  return { status: response.status, json: (await response.json()) as { error?: string; message?: string } };
}

test('serve: a request reaching the damage is a 503 projection_damaged; the process keeps serving', async () => {
  const dir = await copyOfChain('serve');
  damageTable(dir, 'blocks');
  const { child, url } = spawnServe(['--data', dir]);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  let exited: number | null | undefined;
  child.on('exit', (code) => (exited = code));
  try {
    const base = await url;
    const damaged = await post(base, '/v1/query/block', { height: 5 });
    assert.is(damaged.status, 503);
    assert.is(damaged.json.error, 'projection_damaged');
    assert.match(damaged.json.message!, 'project --rebuild');
    // The transaction that read the damage ended on the next turn (its COMMIT failed): before, that
    // threw outside any request and killed the process.
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.is(exited, undefined, `serve is still running: ${stderr}`);
    const height = await post(base, '/v1/query/height', {});
    assert.is(height.status, 200, 'what the damage does not reach is still served');
    assert.ok((height.json.height ?? 0) > 0);
    assert.is((await post(base, '/v1/query/block', { height: 6 })).json.error, 'projection_damaged', 'and the damage is still named');
    assert.not.match(stderr, STACK_FRAME, 'no stack trace');
  } finally {
    child.kill('SIGTERM');
  }
});

test('serve: a truncated projection is refused at start with projection_damaged (not internal_error)', async () => {
  const dir = await copyOfChain('truncated');
  const db = new Database(projectionFile(dir));
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  truncateSync(projectionFile(dir), 100_000);
  const error = damagedError(await runCli(['serve', '--data', dir, '--port', '0', '--json']));
  assert.is(error.code, 'projection_damaged', error.message);
  assert.match(error.message, `pokt-ledger project --data ${dir} --rebuild`);
});

test('serve: an empty projection file (0 bytes: cut to nothing, or created and never migrated) is projection_schema_mismatch naming `project`, not internal_error', async () => {
  const dir = await copyOfChain('empty');
  for (const suffix of ['-wal', '-shm']) rmSync(projectionFile(dir) + suffix, { force: true });
  truncateSync(projectionFile(dir), 0);
  // Before: "internal_error: SqliteError: no such table: projection_checkpoint", exit 70.
  const error = damagedError(await runCli(['serve', '--data', dir, '--port', '0', '--json']));
  assert.is(error.code, 'projection_schema_mismatch', error.message);
  assert.match(error.message, `pokt-ledger project --data ${dir}`);
});

test('project and audit refuse a damaged projection they would not have read (quick_check); project --rebuild repairs it', async () => {
  const dir = await copyOfChain('project');
  damageTable(dir, 'blocks');
  for (const command of ['project', 'audit']) {
    const error = damagedError(await runCli([command, '--data', dir, '--no-progress', '--json']));
    assert.is(error.code, 'projection_damaged', `${command}: ${error.message}`);
    assert.match(error.message, /quick_check: .*--rebuild/);
  }
  const rebuilt = await runCli(['project', '--data', dir, '--rebuild', '--no-progress', '--json']);
  assert.is(rebuilt.code, 0, rebuilt.stdout + rebuilt.stderr);
  const audited = await runCli(['audit', '--data', dir, '--no-progress', '--json']);
  assert.is(audited.code, 0, audited.stdout + audited.stderr);
});

/** Grows the projection past QUICK_CHECK_MAX_BYTES (256 MiB) with a padding table of zero blobs: a catch-up then no longer checks it up front. */
function growPast256MiB(dataDir: string): number {
  const db = new Database(projectionFile(dataDir));
  db.exec('CREATE TABLE test_padding (blob BLOB); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 280) INSERT INTO test_padding SELECT zeroblob(1000000) FROM n;');
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return statSync(projectionFile(dataDir)).size;
}

test('project --check reads every page whatever the size: intact → exit 0 with its figures; damaged beyond 256 MiB, where a catch-up does not look → projection_damaged', async () => {
  const dir = await copyOfChain('check');
  const intact = await runCli(['project', '--check', '--data', dir, '--no-progress', '--json']);
  assert.is(intact.code, 0, intact.stdout + intact.stderr);
  const report = JSON.parse(intact.stdout) as { file: string; bytes: number; seconds: number; bytes_read: number | null };
  assert.is(report.file, projectionFile(dir));
  assert.is(report.bytes, statSync(projectionFile(dir)).size);
  // SQLite read the file through pread (the progress measure, /proc/self/io rchar): at least its size, give or take a WAL.
  assert.ok(report.bytes_read !== null && report.bytes_read >= report.bytes * 0.9, `bytes read ${report.bytes_read} of ${report.bytes}`);
  const people = await runCli(['project', '--check', '--data', dir, '--no-progress']);
  assert.match(people.stdout, /^projection intact: every page of .* checked by SQLite's quick_check in [0-9.]+ s/);

  const size = growPast256MiB(dir);
  assert.ok(size > 256 * 1024 * 1024, `${size} bytes`);
  damageTable(dir, 'blocks');
  const caughtUp = await runCli(['project', '--data', dir, '--no-progress', '--json']);
  assert.is(caughtUp.code, 0, 'a catch-up of a projection this big does not check it up front (the documented limit)');
  const error = damagedError(await runCli(['project', '--check', '--data', dir, '--no-progress', '--json']));
  assert.is(error.code, 'projection_damaged', error.message);
  assert.match(error.message, /quick_check: .*--rebuild/);
});

test('project --check: an empty file or another SQLite database at the projection\'s path is not "intact" — projection_schema_mismatch naming --rebuild', async () => {
  const dir = await copyOfChain('not-a-projection');
  const file = projectionFile(dir);
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
  writeFileSync(file, '');
  const empty = await runCli(['project', '--check', '--data', dir, '--no-progress', '--json']);
  assert.is(empty.code, 1, empty.stdout + empty.stderr);
  const emptyError = (JSON.parse(empty.stdout) as { error: { code: string; message: string } }).error;
  assert.is(emptyError.code, 'projection_schema_mismatch', emptyError.message);
  assert.match(emptyError.message, /holds no projection.*--rebuild/);
  rmSync(file, { force: true });
  const other = new Database(file);
  other.exec('CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES (\'not a ledger\');');
  other.close();
  const people = await runCli(['project', '--check', '--data', dir, '--no-progress']);
  assert.is(people.code, 1, people.stdout + people.stderr);
  assert.not.match(people.stdout + people.stderr, /intact/);
  assert.match(people.stderr, /holds no projection/);
});

test('project --check: no projection is projection_missing; --check with --rebuild is a usage error (exit 2)', async () => {
  const missing = await runCli(['project', '--check', '--data', join(tmp.dir, 'nothing-here'), '--json']);
  assert.is(missing.code, 1, missing.stdout + missing.stderr);
  assert.is((JSON.parse(missing.stdout) as { error: { code: string } }).error.code, 'projection_missing');
  const both = await runCli(['project', '--check', '--rebuild', '--data', join(tmp.dir, 'nothing-here'), '--json']);
  assert.is(both.code, 2, both.stdout + both.stderr);
  assert.is((JSON.parse(both.stdout) as { error: { code: string } }).error.code, 'conflicting_options');
});

test.run();
