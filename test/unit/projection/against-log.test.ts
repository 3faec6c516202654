/**
 * Goal: `project --check --against-log` finds what SQLite's quick_check cannot — a value changed,
 * a row lost or a row added inside well-formed pages — and names the table, the row's key and both
 * values; an intact projection passes; the projection is only read, and the scratch rebuild is
 * gone afterwards, found damage or not.
 * Method: copies of the projected simulated chain (test/helpers/query.ts) damaged with plain SQL;
 * the expected values are the rows as they were read before the damage, not the checker's output.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { checkAgainstLog } from '../../../src/projection/against-log.js';
import { ProjectionError } from '../../../src/projection/errors.js';
import { projectionFile, projectionsDir } from '../../../src/projection/store.js';
import { projectedSimChain } from '../../helpers/query.js';
import { runCli, scratch } from '../../helpers/sim.js';

const tmp = scratch('against-log');
const test = suite('projection: checked against the block log, row by row');
test.after(() => tmp.remove());

let copies = 0;
/** A private copy of the shared projected chain (never written to itself). */
async function copyOfChain(): Promise<string> {
  const dir = join(tmp.dir, `chain-${copies++}`);
  cpSync((await projectedSimChain()).dir, dir, { recursive: true });
  return dir;
}

/** Runs `change` on the copy's projection with a plain SQLite connection. */
function damage<T>(dir: string, change: (db: Database.Database) => T): T {
  const db = new Database(projectionFile(dir));
  try {
    return change(db);
  } finally {
    db.close();
  }
}

async function refusal(dir: string): Promise<ProjectionError> {
  try {
    await checkAgainstLog(dir);
  } catch (error) {
    if (error instanceof ProjectionError) return error;
    throw error;
  }
  throw new Error('the damaged projection passed');
}

/** checkAgainstLog expected to pass; a refusal fails the test with its message. */
async function passing(dir: string, options: Parameters<typeof checkAgainstLog>[1] = {}): ReturnType<typeof checkAgainstLog> {
  try {
    return await checkAgainstLog(dir, options);
  } catch (error) {
    throw new Error(`expected the check to pass: ${(error as Error).message}`);
  }
}

const scratchLeft = (dir: string): string[] => readdirSync(projectionsDir(dir)).filter((name) => name.startsWith('.against-log-'));
const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

test('an intact projection equals its rebuild in every row; it is only read, and no scratch is left', async () => {
  const dir = await copyOfChain();
  const before = sha256(projectionFile(dir));
  const report = await passing(dir);
  const db = new Database(projectionFile(dir), { readonly: true });
  const checkpoint = Number(db.prepare('SELECT height FROM projection_checkpoint').pluck().get());
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  const rows = tables.reduce((sum, table) => sum + Number(db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get()), 0);
  db.close();
  assert.equal([report.height, report.tables, report.rows], [checkpoint, tables.length, rows]);
  assert.is(sha256(projectionFile(dir)), before, 'the projection file is unchanged');
  assert.equal(scratchLeft(dir), []);
});

test("a killed check's scratch rebuild is removed by the next check; a running one's is left", async () => {
  const dir = await copyOfChain();
  // A pid no process has (Linux pids stay below 2^22), and this process's own.
  const stale = join(projectionsDir(dir), '.against-log-4999999-abc');
  const live = join(projectionsDir(dir), `.against-log-${process.pid}-def`);
  for (const scratchDir of [stale, live]) cpSync(projectionFile(dir), join(scratchDir, 'ledger.sqlite'));
  const notices: string[] = [];
  await passing(dir, { onNotice: (message) => notices.push(message) });
  assert.equal(scratchLeft(dir), [`.against-log-${process.pid}-def`]);
  assert.ok(notices.some((notice) => notice.includes('.against-log-4999999-abc') && notice.includes('4999999')), notices.join('\n'));
});

test('a value changed inside a well-formed page: the table, the key, and both values', async () => {
  const dir = await copyOfChain();
  const row = damage(dir, (db) => {
    const picked = db.prepare('SELECT address, height, balance_upokt FROM balances ORDER BY address, height LIMIT 1 OFFSET 77').safeIntegers(true).get() as { address: string; height: bigint; balance_upokt: bigint };
    db.prepare('UPDATE balances SET balance_upokt = balance_upokt + 1 WHERE address = ? AND height = ?').run(picked.address, picked.height);
    assert.equal(db.pragma('quick_check', { simple: true }), 'ok', 'precondition: SQLite itself sees nothing wrong');
    return picked;
  });
  const error = await refusal(dir);
  assert.is(error.code, 'projection_damaged');
  assert.equal(error.context['difference'], {
    table: 'balances',
    key: { address: row.address, height: String(row.height) },
    projection: { balance_upokt: String(row.balance_upokt + 1n) },
    rebuilt: { balance_upokt: String(row.balance_upokt) },
  });
  assert.match(error.message, `balance_upokt is ${row.balance_upokt + 1n} here, ${row.balance_upokt} from the block log`);
  assert.equal(scratchLeft(dir), [], 'the scratch rebuild is removed on a failure too');
});

test('a row lost, and a row that no block made', async () => {
  const lost = await copyOfChain();
  const gone = damage(lost, (db) => {
    const picked = db.prepare('SELECT height, event_index, line_index FROM reward_lines ORDER BY height, event_index, line_index LIMIT 1 OFFSET 10').get() as { height: number; event_index: number; line_index: number };
    db.prepare('DELETE FROM reward_lines WHERE height = ? AND event_index = ? AND line_index = ?').run(picked.height, picked.event_index, picked.line_index);
    return picked;
  });
  const missing = (await refusal(lost)).context['difference'] as { table: string; key: Record<string, string>; projection: unknown; rebuilt: unknown };
  assert.equal([missing.table, missing.key, missing.projection], ['reward_lines', { height: String(gone.height), event_index: String(gone.event_index), line_index: String(gone.line_index) }, null]);
  assert.ok(missing.rebuilt !== null, 'the rebuild has the row');

  const added = await copyOfChain();
  const stranger = 'ff'.repeat(20);
  damage(added, (db) => db.prepare('INSERT INTO accounts (address, public_key, first_height) VALUES (?, NULL, 1)').run(stranger));
  const extra = (await refusal(added)).context['difference'] as { table: string; key: Record<string, string>; projection: unknown; rebuilt: unknown };
  assert.equal([extra.table, extra.key, extra.rebuilt], ['accounts', { address: stranger }, null]);
});

test('a writer moving the projection on during the check (a live node) is not damage: the check reads one snapshot', async () => {
  const dir = await copyOfChain();
  let written = false;
  const report = await passing(dir, {
    onProgress: () => {
      if (written) return;
      written = true;
      // What a node's next batch does, here by hand: a row and the checkpoint, in one transaction.
      damage(dir, (db) =>
        db.transaction(() => {
          db.prepare('INSERT INTO accounts (address, public_key, first_height) VALUES (?, NULL, 1)').run('ee'.repeat(20));
          db.prepare('UPDATE projection_checkpoint SET height = height + 1').run();
        })(),
      );
    },
  });
  assert.ok(written, 'the write happened while the check ran');
  assert.ok(report.rows > 0);
});

test('a projection of another schema version is not compared (its tables differ without damage)', async () => {
  const dir = await copyOfChain();
  damage(dir, (db) => db.prepare("UPDATE projection_meta SET value = '0-older' WHERE key = 'schema_version'").run());
  const error = await refusal(dir);
  assert.equal([error.code, error.context['stored']], ['projection_schema_mismatch', '0-older']);
  assert.equal(scratchLeft(dir), []);
  // Another program's SQLite file in its place (no projection_meta at all): the same refusal.
  damage(dir, (db) => db.exec('DROP TABLE projection_meta'));
  assert.equal((await refusal(dir)).context['stored'], undefined);
  assert.is((await refusal(dir)).code, 'projection_schema_mismatch');
});

test('the CLI: --against-log with --check reports both checks; without --check it is a usage error', async () => {
  const dir = await copyOfChain();
  const ok = await runCli(['project', '--check', '--against-log', '--data', dir, '--json', '--no-progress']);
  assert.is(ok.code, 0, ok.stderr);
  const report = JSON.parse(ok.stdout) as { bytes: number; against_log: { height: number; rows: number } };
  assert.ok(report.bytes > 0 && report.against_log.rows > 0 && report.against_log.height > 0, ok.stdout);
  const usage = await runCli(['project', '--against-log', '--data', dir, '--json']);
  assert.is(usage.code, 2);
  assert.is((JSON.parse(usage.stdout) as { error: { code: string } }).error.code, 'missing_option');
});

test.run();
