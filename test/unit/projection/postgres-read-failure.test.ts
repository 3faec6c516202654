/**
 * Goal: a PostgreSQL refusal reaching a reader is classified by its SQLSTATE as the query
 * service's 503 codes need (src/projection/pg/connect.ts pgReadFailure): retry-worthy (`busy`),
 * the projection gone (`missing`), a role without rights (`denied`), corrupted data (`damaged`),
 * a lost connection (`lost`); anything else stays unclassified (a 500: a bug of ours).
 * Source of each code and its meaning: PostgreSQL 15 manual, appendix A "PostgreSQL Error Codes"
 * (and, for 40001 on a standby, §27.4.2 "Handling Query Conflicts": "canceling statement due to
 * conflict with recovery" is reported with SQLSTATE 40001). The live cases (a lock timeout and a
 * renamed table, answered over HTTP) are in test/unit/query/postgres-serve.test.ts.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { pgReadFailure } from '../../../src/projection/pg/connect.js';

const test = suite('PostgreSQL read failures by SQLSTATE');

const CASES: ReadonlyArray<readonly [string, string, ReturnType<typeof pgReadFailure>]> = [
  ['40001', 'serialization_failure (a standby recovery conflict)', 'busy'],
  ['40P01', 'deadlock_detected', 'busy'],
  ['55P03', 'lock_not_available (lock_timeout)', 'busy'],
  ['57014', 'query_canceled (statement_timeout)', 'busy'],
  ['53100', 'disk_full', 'busy'],
  ['53200', 'out_of_memory', 'busy'],
  ['53300', 'too_many_connections', 'busy'],
  ['42P01', 'undefined_table', 'missing'],
  ['42703', 'undefined_column', 'missing'],
  ['3F000', 'invalid_schema_name', 'missing'],
  ['3D000', 'invalid_catalog_name', 'missing'],
  ['42501', 'insufficient_privilege', 'denied'],
  ['XX001', 'data_corrupted', 'damaged'],
  ['XX002', 'index_corrupted', 'damaged'],
  ['57P01', 'admin_shutdown', 'lost'],
  ['08006', 'connection_failure', 'lost'],
  ['42601', 'syntax_error (ours)', undefined],
  ['22003', 'numeric_value_out_of_range (ours)', undefined],
  ['XX000', 'internal_error (not known to be the data)', undefined],
  ['23505', 'unique_violation (a reader never writes)', undefined],
];

test('each SQLSTATE of the manual maps to what a reader should answer', () => {
  for (const [code, name, expected] of CASES) assert.is(pgReadFailure({ code, message: name }), expected, `${code} ${name}`);
});

test('no code, a non-SQLSTATE code or no error at all: unclassified unless the connection is named lost', () => {
  assert.is(pgReadFailure(new Error('something else')), undefined);
  assert.is(pgReadFailure({ code: 'ERR_X' }), undefined);
  assert.is(pgReadFailure(undefined), undefined);
  assert.is(pgReadFailure(null), undefined);
  assert.is(pgReadFailure(new Error('Connection terminated unexpectedly')), 'lost');
  assert.is(pgReadFailure({ code: 'ECONNREFUSED' }), 'lost');
});

test.run();
