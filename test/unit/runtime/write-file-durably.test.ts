/**
 * Goal: writeFileDurably (export --out, the rollback intent) leaves no `<file>.<pid>.tmp` behind
 * when the write fails — a full disk kept full by its own debris was the reviewer's case — and
 * never removes what it did not create.
 * Method: a rename that fails (a non-empty directory where the file goes) and, where a tmpfs can
 * be mounted (root), a real full disk (ENOSPC mid-write); then the directory's listing.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { writeChunksDurably, writeFileDurably } from '../../../src/runtime/durable-file.js';
import { scratch } from '../../helpers/sim.js';
import { fillDisk, onSmallTmpfs } from '../../helpers/tmpfs.js';

const test = suite('runtime: writeFileDurably cleans up after a failed write');
const tmp = scratch('write-durably');

test.after(() => tmp.remove());

function errnoOf(fn: () => void): string | undefined {
  try {
    fn();
  } catch (error) {
    return (error as NodeJS.ErrnoException).code;
  }
  return undefined;
}

test('the rename fails (a directory in the way): the error goes on, the temp file is removed, the directory kept', () => {
  const dir = join(tmp.dir, 'rename');
  const target = join(dir, 'state.json');
  mkdirSync(target, { recursive: true });
  writeFileSync(join(target, 'inside'), 'kept');
  assert.ok(errnoOf(() => writeFileDurably(target, 'x'.repeat(10_000))) !== undefined, 'the write fails');
  assert.equal(readdirSync(dir), ['state.json']);
  assert.equal(readdirSync(target), ['inside']);
});

test('the temp name is taken by a directory: the open fails and that directory is left alone', () => {
  const dir = join(tmp.dir, 'taken');
  const target = join(dir, 'state.json');
  mkdirSync(`${target}.${process.pid}.tmp`, { recursive: true });
  assert.is(errnoOf(() => writeFileDurably(target, 'x')), 'EISDIR');
  assert.equal(readdirSync(dir), [`state.json.${process.pid}.tmp`]);
});

test('a full disk (ENOSPC part-way): no temp file is left to keep it full', () =>
  onSmallTmpfs(join(tmp.dir, 'full'), 256, (dir) => {
    const filler = fillDisk(dir);
    const target = join(dir, 'state.json');
    assert.is(errnoOf(() => writeFileDurably(target, 'x'.repeat(1 << 20))), 'ENOSPC');
    assert.equal(readdirSync(dir), [filler.split('/').pop()]);
  }));

/** `count` chunks of 64 KiB of `fill`, made one at a time; throws instead of making chunk `failAt`. */
function* chunksOf(fill: string, count: number, failAt = -1): Generator<Buffer> {
  for (let i = 0; i < count; i++) {
    if (i === failAt) throw new TypeError('the document cannot be made');
    yield Buffer.alloc(1 << 16, fill);
  }
}

test('writeChunksDurably: the chunks, in order, under the final name; the bytes written returned', () => {
  const target = join(tmp.dir, 'chunks.json');
  assert.is(writeChunksDurably(target, chunksOf('a', 3)), 3 << 16);
  assert.ok(readFileSync(target).equals(Buffer.alloc(3 << 16, 'a')));
  assert.equal(readdirSync(tmp.dir).filter((name) => name.startsWith('chunks.json')), ['chunks.json']);
});

test('writeChunksDurably: a chunk that cannot be made: the error goes on, the old file stays whole, no temp file', () => {
  const dir = join(tmp.dir, 'made');
  const target = join(dir, 'state.json');
  mkdirSync(dir, { recursive: true });
  writeFileSync(target, 'the old export');
  assert.throws(() => writeChunksDurably(target, chunksOf('b', 5, 3)), /cannot be made/);
  assert.is(readFileSync(target, 'utf8'), 'the old export');
  assert.equal(readdirSync(dir), ['state.json']);
});

test('writeChunksDurably: a full disk part-way through the chunks: ENOSPC, nothing under the final name, no temp file', () =>
  onSmallTmpfs(join(tmp.dir, 'full-chunks'), 256, (dir) => {
    const target = join(dir, 'state.json');
    assert.is(errnoOf(() => writeChunksDurably(target, chunksOf('c', 8))), 'ENOSPC');
    assert.not.ok(existsSync(target));
    assert.equal(readdirSync(dir), []);
  }));

test.run();
