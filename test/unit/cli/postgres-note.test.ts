/**
 * Goal: the note `rollback` prints when PostgreSQL projections were made from the data directory
 * gives the command to rebuild each as it can be run — the actual data directory and each
 * recorded URL (no password: the record holds none, and one given is dropped), saying where the
 * password goes — not the placeholders `DIR` and `URL` (docs walk of 2026-12-07). No note
 * without a record. The rollback run itself, against a real PostgreSQL, is in
 * test/unit/projection/postgres-record.test.ts.
 * Method: the note builder, on URLs as postgres-record.ts records them.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { postgresNote } from '../../../src/cli/postgres-note.js';

const test = suite('cli: rollback\'s PostgreSQL note');

test('one projection: the command with this data dir and its URL, no placeholders, no password', () => {
  const note = postgresNote('/srv/pokt data', ['postgres://ledger@db.example:5432/pokt']) ?? '';
  assert.ok(note.includes("`pokt-ledger project --data '/srv/pokt data' --postgres postgres://ledger@db.example:5432/pokt --rebuild`"), note);
  assert.not.match(note, /--data DIR|--postgres URL/);
  assert.match(note, 'PGPASSWORD');
  assert.match(note, /^the PostgreSQL projection made from this directory \(postgres:\/\/ledger@db\.example:5432\/pokt\) was not rolled back/);
});

test('several (an unreadable record among them): one command per URL; a password in a URL is never printed', () => {
  const unreadable = '(an unreadable record: /d/projections/postgres/damaged.json)';
  const note = postgresNote('/d', [unreadable, 'postgres://a@h1:5432/x', 'postgres://b:hunter2@h2:5432/y']) ?? '';
  assert.ok(note.includes('`pokt-ledger project --data /d --postgres postgres://a@h1:5432/x --rebuild`'), note);
  assert.ok(note.includes('`pokt-ledger project --data /d --postgres postgres://b@h2:5432/y --rebuild`'), note);
  assert.not.match(note, 'hunter2');
  assert.not.match(note, /--data DIR|--postgres URL/);
});

test('no record: no note', () => {
  assert.is(postgresNote('/d', []), undefined);
});

test.run();
