/**
 * Goal: the genesis size limit is what the reader can actually read, not 64 MiB nor 512 MiB: the
 * smaller of readFileSync's largest file (2 GiB − 1: Node 20 lib/fs.js kIoMaxLength; the file is
 * read into one Buffer, never into one string since core/json-bytes.ts) and the heap limit over
 * 4 (the import's measured cost per byte, with a margin: src/genesis/parse.ts) — a real mainnet
 * export or the ledger's own export of a long chain may pass 64 MiB, and the ledger's own export
 * passes V8's longest string (512 MiB) after ~650 full-size blocks. A file past the limit is
 * refused before it is read with a coded error that names its size, the limit, why and what to
 * do (never ERR_FS_FILE_TOO_LARGE nor a heap-exhaustion abort); a file past the old 64 MiB and
 * past the longest string passes the size check.
 * Method: SPARSE files (ftruncate to the size wanted: no disk, no memory), checked through the
 * stat path alone (checkGenesisFileSize) and through readGenesisFile and `init`, which refuse
 * before reading; nothing here reads a big file.
 */
import { closeSync, openSync, ftruncateSync, writeFileSync } from 'node:fs';
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

size('the limit is the smaller of readFileSync\'s 2 GiB − 1 and a quarter of the heap, past the longest string', () => {
  const GiB = 1024 * 1024 * 1024;
  assert.is(genesisByteLimit(1 * GiB), 256 * 1024 * 1024);
  assert.is(genesisByteLimit(1.5 * GiB), 384 * 1024 * 1024);
  // 2 GiB / 4 = 512 MiB: 24 bytes past the longest string (V8's 2^29 − 24), which no longer bounds it.
  assert.is(genesisByteLimit(2 * GiB), 512 * 1024 * 1024);
  assert.ok(genesisByteLimit(2 * GiB) > constants.MAX_STRING_LENGTH);
  // 8 GiB / 4 = 2 GiB, one byte past readFileSync's largest file (2^31 − 1, Node 20 kIoMaxLength).
  assert.is(genesisByteLimit(8 * GiB), 2 ** 31 - 1);
  assert.is(genesisByteLimit(64 * GiB), 2 ** 31 - 1);
  // This process (Node's default heap, ~4 GiB on the machines measured): past the longest string.
  assert.ok(MAX_GENESIS_BYTES > constants.MAX_STRING_LENGTH, String(MAX_GENESIS_BYTES));
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
});

size('under a 1 GiB heap a 300 MiB file is past the heap bound (256 MiB): the way out named is a bigger heap', async () => {
  const file = sparse('heap-over.json', 300 * 1024 * 1024);
  const run = await runCli(['init', '--data', join(tmp.dir, 'small-heap'), '--genesis', file, '--json'], { nodeArgs: ['--max-old-space-size=1024'] });
  assert.is.not(run.code, 0);
  const body = JSON.parse(run.stdout) as { error: { code: string; message: string } };
  assert.is(body.error.code, 'genesis_too_large');
  // 300 MiB × 4 = 1,200 MiB of heap, rounded up to whole GiB.
  assert.match(body.error.message, /~4× its size in heap.*NODE_OPTIONS=--max-old-space-size=2048/);
  // The limit there: a quarter of V8's heap limit, which is 1,024 MiB of old space plus the young generation's.
  const limit = Number(/more than the (\d+) /.exec(body.error.message)?.[1]);
  assert.ok(limit >= 256 * 1024 * 1024 && limit < 300 * 1024 * 1024, body.error.message);
});

size('files past the old 64 MiB limit, past the longest string and at the limit pass the size check', () => {
  for (const bytes of [OLD_LIMIT + 1, 4 * OLD_LIMIT, 300 * 1024 * 1024, constants.MAX_STRING_LENGTH + 1, MAX_GENESIS_BYTES]) {
    const file = sparse(`ok-${bytes}.json`, bytes);
    assert.not.throws(() => checkGenesisFileSize(file), `${bytes} bytes`);
  }
});

size('a file only the exact JSON parser can read (a key given twice) is refused past the heap / 16, with the reason; read and judged within it', async () => {
  // 8 MiB of padding and chain_id twice: under a 64 MiB heap (~80 MiB with the young generation)
  // its size passes (limit ~20 MiB) but the exact parser's (~5 MiB) does not.
  const file = join(tmp.dir, 'twice.json');
  writeFileSync(file, `{"chain_id":"a","chain_id":"b","pad":"${'x'.repeat(8 * 1024 * 1024)}"}`);
  const small = await runCli(['init', '--data', join(tmp.dir, 'twice-small'), '--genesis', file, '--json'], { nodeArgs: ['--max-old-space-size=64'] });
  const refused = JSON.parse(small.stdout) as { error: { code: string; message: string } };
  assert.is(refused.error.code, 'genesis_too_large', small.stdout);
  assert.match(refused.error.message, /holds key "chain_id" given twice in one object \(byte 16\).*NODE_OPTIONS=--max-old-space-size=\d+/);
  assert.not.match(small.stderr, /at .*\.js:\d+|FATAL/);
  // At the default heap the exact parser reads it and the file is judged: the repeat is the error.
  const large = await runCli(['init', '--data', join(tmp.dir, 'twice-large'), '--genesis', file, '--json']);
  const invalid = JSON.parse(large.stdout) as { error: { code: string; message: string } };
  assert.is(invalid.error.code, 'invalid_genesis', large.stdout);
  assert.match(invalid.error.message, /Duplicate key 'chain_id'/);
});

size('a truncated file past the heap / 16 is invalid_genesis in JSON.parse\'s words, not an out-of-heap abort (the exact parser would build all it read)', async () => {
  // The same 8 MiB under a 64 MiB heap, its closing brace lost (a download cut short): every
  // character is plain, so only JSON.parse's error finds the damage.
  const file = join(tmp.dir, 'truncated.json');
  writeFileSync(file, `{"chain_id":"a","pad":"${'x'.repeat(8 * 1024 * 1024)}"`);
  const run = await runCli(['init', '--data', join(tmp.dir, 'truncated-small'), '--genesis', file, '--json'], { nodeArgs: ['--max-old-space-size=64'] });
  assert.not.match(run.stderr, /FATAL|heap out of memory/);
  const refused = JSON.parse(run.stdout) as { error: { code: string; message: string } };
  assert.is(refused.error.code, 'invalid_genesis', run.stdout);
  assert.match(refused.error.message, /invalid JSON: .*JSON/);
});

size('init refuses a file readFileSync cannot read (2 GiB) with the coded error (genesis_too_large), no stack trace, whatever the heap', async () => {
  // A 16 GiB heap limit (a setting: nothing is allocated) lifts the heap bound to 4 GiB, past readFileSync's.
  const file = sparse('init-over.json', 2 ** 31);
  const run = await runCli(['init', '--data', join(tmp.dir, 'data'), '--genesis', file, '--json'], { nodeArgs: ['--max-old-space-size=16384'] });
  assert.is.not(run.code, 0);
  const body = JSON.parse(run.stdout) as { error: { code: string; message: string } };
  assert.is(body.error.code, 'genesis_too_large');
  assert.ok(body.error.message.includes(String(2 ** 31)), body.error.message);
  assert.match(body.error.message, /readFileSync reads at most 2147483647 bytes/);
  assert.not.match(run.stderr, /at .*\.js:\d+/);
});

size('simulate refuses a genesis past the longest string (it edits the genesis as text) with sim_genesis_too_large, before reading it', async () => {
  // One byte past V8's longest string (buffer.constants.MAX_STRING_LENGTH): init reads it, the simulator cannot.
  const file = sparse('sim-over.json', constants.MAX_STRING_LENGTH + 1);
  const run = await runCli(['simulate', '--data', join(tmp.dir, 'sim'), '--genesis', file, '--blocks', '1', '--json']);
  const body = JSON.parse(run.stdout) as { error: { code: string; message: string } };
  assert.is(body.error.code, 'sim_genesis_too_large', run.stdout);
  assert.ok(body.error.message.includes(String(constants.MAX_STRING_LENGTH + 1)), body.error.message);
  assert.not.match(run.stderr, /at .*\.js:\d+/);
});

size.run();
