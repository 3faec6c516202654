/**
 * Goal: a file that is not there is said with its path first and what to check, as the other
 * system conditions are (is_a_directory: "X is a directory, not a file (…)"). Dogfooding of
 * 2026-12-07: `init --genesis /tmp/nope.json` printed "error [file_not_found]: ENOENT: no such
 * file or directory, open '/tmp/nope.json'" — the system call's words, no advice.
 * Method: asCliError on Node's own ENOENT error from a real open of a missing file.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { CliError } from '../../../src/cli/output.js';
import { asCliError } from '../../../src/cli/runtime-errors.js';

const test = suite('cli: system errors in words');

test('ENOENT: file_not_found naming the path and what to check, the system message kept in brackets', () => {
  const missing = join(tmpdir(), 'pokt-ledger-no-such-genesis.json');
  let thrown: unknown;
  try {
    readFileSync(missing);
  } catch (error) {
    thrown = error;
  }
  const said = asCliError(thrown);
  assert.ok(said instanceof CliError);
  assert.is(said.code, 'file_not_found');
  assert.ok(said.message.startsWith(`${missing} does not exist: check the path`), said.message);
  assert.ok(said.message.includes('(ENOENT'), 'the system message kept for the record');
  assert.equal(said.context, { errno: 'ENOENT', path: missing });
});

test.run();
