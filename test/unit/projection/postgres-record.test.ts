/**
 * Goal: `rollback` names the PostgreSQL projections made from a data directory — which it cannot
 * roll back, as they live outside it — and says nothing of PostgreSQL where none was made. The
 * record behind it (projection/postgres-record.ts) is written by `project --postgres` once the
 * database is accepted as this chain's, without the URL's password, and by nothing else: not by
 * a server never reached, not by another chain's projection refused.
 * Method: two seeded simulated chains on the same genesis (seeds 1 and 2, 12 blocks), a real
 * PostgreSQL server (scripts/postgres.sh, trust authentication, so a password in the URL is
 * accepted and ignored by the server), the CLI's rollback in a child process, text and --json.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { postgresRecordDir, recordedPostgresProjections, recordedPostgresUrl, recordPostgresProjection } from '../../../src/projection/postgres-record.js';
import { project } from '../../../src/projection/run.js';
import { freshDatabase } from '../../helpers/postgres.js';
import { refusedWith, smallSimChain } from '../../helpers/projection.js';
import { runCli, scratch } from '../../helpers/sim.js';

const test = suite('rollback: the PostgreSQL projections recorded in the data directory, and only those');
const tmp = scratch('postgres-record');
test.after(() => tmp.remove());

const chain = (name: string, seed: bigint): Promise<string> => smallSimChain(tmp.dir, name, seed, 12);

interface RollbackJson {
  to: number;
  not_rolled_back: string[];
  note?: string;
}

test('the recorded URL carries no password, in the authority or the query', () => {
  assert.is(recordedPostgresUrl('postgres://ledger:hunter2@db.example:5433/pokt'), 'postgres://ledger@db.example:5433/pokt');
  assert.is(recordedPostgresUrl('postgresql://ledger@db.example/pokt?password=hunter2&sslmode=require'), 'postgresql://ledger@db.example/pokt?sslmode=require');
});

test('no PostgreSQL projection made: rollback says nothing of PostgreSQL (text), not_rolled_back [] (JSON)', async () => {
  const dir = await chain('plain', 1n);
  await project(dir); // the SQLite projection, which rollback does roll back
  const text = await runCli(['rollback', '--data', dir, '--to', '10', '--yes']);
  assert.is(text.code, 0, text.stderr);
  assert.is(text.stdout, 'rolled back from height 12 to 10 (2 blocks removed, 0 snapshots removed)\n');
  const json = await runCli(['rollback', '--data', dir, '--to', '8', '--yes', '--json']);
  assert.is(json.code, 0, json.stderr);
  const report = JSON.parse(json.stdout) as RollbackJson;
  assert.equal([report.to, report.not_rolled_back, report.note], [8, [], undefined]);
});

test('project --postgres records its database (no password); rollback names it; a refused or unreached database is not recorded', async () => {
  const a = await chain('a', 1n);
  const b = await chain('b', 2n);
  const { primary } = await freshDatabase('record');
  const withPassword = new URL(primary);
  withPassword.password = 'hunter2';
  const recorded = recordedPostgresUrl(primary);

  // A server that is not there: nothing was made, nothing is recorded.
  await refusedWith('postgres_unavailable', () => project(a, { postgres: 'postgres://postgres:hunter2@127.0.0.1:1/none', retries: 0 }));
  assert.equal(recordedPostgresProjections(a), []);

  await project(a, { postgres: withPassword.toString() });
  assert.equal(recordedPostgresProjections(a), [recorded]);
  await project(a, { postgres: withPassword.toString() }); // caught up again: still one record
  assert.is(readdirSync(postgresRecordDir(a)).length, 1);

  // A's projection is not B's: refused before anything is written, and B records nothing.
  await refusedWith('projection_other_chain', () => project(b, { postgres: primary }));
  assert.equal(recordedPostgresProjections(b), []);

  const text = await runCli(['rollback', '--data', a, '--to', '10', '--yes']);
  assert.is(text.code, 0, text.stderr);
  assert.ok(text.stdout.includes(`note: the PostgreSQL projection made from this directory (${recorded}) was not rolled back`), text.stdout);
  // The command as it can be run: this directory and the recorded URL (it printed DIR and URL).
  assert.ok(text.stdout.includes(`pokt-ledger project --data ${a} --postgres ${recorded} --rebuild`), text.stdout);
  assert.not.ok(text.stdout.includes('hunter2'), 'no password printed');
  // What the note warns of: project refuses the database until it is rebuilt.
  await refusedWith('projection_ahead_of_log', () => project(a, { postgres: primary }));

  // A second database, and a record damaged by hand: both named, the damaged one by its file.
  recordPostgresProjection(a, 'postgres://ledger:pw@other.example:5432/pokt');
  writeFileSync(join(postgresRecordDir(a), 'damaged.json'), '{"format":');
  const json = await runCli(['rollback', '--data', a, '--to', '8', '--yes', '--json']);
  assert.is(json.code, 0, json.stderr);
  const report = JSON.parse(json.stdout) as RollbackJson;
  assert.equal(report.not_rolled_back, [`(an unreadable record: ${join(postgresRecordDir(a), 'damaged.json')})`, recorded, 'postgres://ledger@other.example:5432/pokt'].sort());
  assert.match(report.note ?? '', /^the PostgreSQL projections made from this directory \(.*\) were not rolled back: they live outside the data directory/);
});

test('a data directory where the record cannot be written (here: a file where its directory goes; a read-only medium alike) is still projected into PostgreSQL, with a notice saying what rollback will lack', async () => {
  const dir = await chain('unrecordable', 3n);
  const { primary } = await freshDatabase('unrecordable');
  mkdirSync(dirname(postgresRecordDir(dir)), { recursive: true });
  writeFileSync(postgresRecordDir(dir), 'not a directory');
  const notices: string[] = [];
  const report = await project(dir, { postgres: primary, onNotice: (message) => notices.push(message) });
  assert.is(report.height, 12);
  assert.equal(notices.length, 1, notices.join('\n'));
  assert.match(notices[0]!, /^could not record in .* that its projection is in postgres:\/\/.* \(EEXIST\): a rollback of this directory will not remind you to re-project it$/);
});

test.run();
