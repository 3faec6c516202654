/**
 * Goal: the genesis size limit is what the reader can actually read, not 64 MiB: the smaller of
 * Node's longest string (buffer.constants.MAX_STRING_LENGTH, V8's 2^29 − 24 characters on
 * 64-bit; the file is read into one string) and the heap limit over 16 (the import's measured
 * cost per byte, with a margin) — a real mainnet export or the ledger's own export of a long
 * chain may pass 64 MiB (exports are written with four spaces, as pocket-core's). A file past
 * the limit is refused before it is read with a coded error that names its size, the limit, why
 * and what to do (never V8's "Cannot create a string longer than …" nor a heap-exhaustion
 * abort); a file past the old 64 MiB passes the size check.
 * Method: SPARSE files (ftruncate to the size wanted: no disk, no memory), checked through the
 * stat path alone (checkGenesisFileSize) and through readGenesisFile and `init`, which refuse
 * before reading; nothing here reads a big file.
 */
import { closeSync, openSync, ftruncateSync } from 'node:fs';
import { constants } from 'node:buffer';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { checkGenesisFileSize, GenesisError, readGenesisFile } from '../../../src/genesis/load.js';
import { genesisByteLimit, MAX_GENESIS_BYTES } from '../../../src/genesis/parse.js';
import { runCli, scratch } from '../../helpers/sim.js';

const tmp = scratch('genesis-size');
const OLD_LIMIT = 64 * 1024 * 1024;

/** A sparse file of `size` bytes (zeros; no blocks allocated). */
function sparse(name: string, size: number): string {
  const file = join(tmp.dir, name);
  const fd = openSync(file, 'w');
  try {
    ftruncateSync(fd, size);
  } finally {
    closeSync(fd);
  }
  return file;
}

const size = suite('genesis: size limit');

size.after(() => tmp.remove());

size('the limit is the smaller of the longest string and a sixteenth of the heap, far above the old 64 MiB', () => {
  const GiB = 1024 * 1024 * 1024;
  assert.is(genesisByteLimit(4 * GiB), 256 * 1024 * 1024);
  assert.is(genesisByteLimit(6 * GiB), 384 * 1024 * 1024);
  // 8 GiB / 16 = 512 MiB, 24 bytes past the longest string.
  assert.is(genesisByteLimit(8 * GiB), constants.MAX_STRING_LENGTH);
  assert.is(genesisByteLimit(64 * GiB), constants.MAX_STRING_LENGTH);
  // This process (Node's default heap, ~4 GiB): ~260 MiB.
  assert.ok(MAX_GENESIS_BYTES > 4 * OLD_LIMIT, String(MAX_GENESIS_BYTES));
  assert.ok(MAX_GENESIS_BYTES <= constants.MAX_STRING_LENGTH);
});

size('a file one byte over the limit is refused before it is read, naming its size, the limit and the reason', () => {
  const file = sparse('over.json', MAX_GENESIS_BYTES + 1);
  let thrown: unknown;
  try {
    readGenesisFile(file);
  } catch (error) {
    thrown = error;
  }
  assert.instance(thrown, GenesisError);
  const error = thrown as GenesisError;
  assert.is(error.code, 'genesis_too_large');
  const message = error.problems[0]?.message ?? '';
  assert.ok(message.includes(String(MAX_GENESIS_BYTES + 1)), message);
  assert.ok(message.includes(String(MAX_GENESIS_BYTES)), message);
  // This process's limit is its heap's (~4 GiB → ~260 MiB): the way out is a bigger heap.
  assert.match(message, /NODE_OPTIONS=--max-old-space-size=\d+/);
});

size('files past the old 64 MiB limit and at the limit pass the size check', () => {
  for (const bytes of [OLD_LIMIT + 1, 4 * OLD_LIMIT, MAX_GENESIS_BYTES]) {
    const file = sparse(`ok-${bytes}.json`, bytes);
    assert.not.throws(() => checkGenesisFileSize(file), `${bytes} bytes`);
  }
});

size('init refuses a file no string can hold with the coded error (genesis_too_large), no stack trace', async () => {
  const file = sparse('init-over.json', constants.MAX_STRING_LENGTH + 1);
  const run = await runCli(['init', '--data', join(tmp.dir, 'data'), '--genesis', file, '--json']);
  assert.is.not(run.code, 0);
  const body = JSON.parse(run.stdout) as { error: { code: string; message: string } };
  assert.is(body.error.code, 'genesis_too_large');
  assert.ok(body.error.message.includes(String(constants.MAX_STRING_LENGTH + 1)), body.error.message);
  assert.match(body.error.message, /longest string/);
  assert.not.match(run.stderr, /at .*\.js:\d+/);
});

size.run();
