/**
 * Goal: writeFileDurably (export --out, the rollback intent) leaves no `<file>.<pid>.tmp` behind
 * when the write fails — a full disk kept full by its own debris was the reviewer's case — and
 * never removes what it did not create.
 * Method: a rename that fails (a non-empty directory where the file goes) and, where a tmpfs can
 * be mounted (root), a real full disk (ENOSPC mid-write); then the directory's listing.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { writeFileDurably } from '../../../src/runtime/durable-file.js';
import { scratch } from '../../helpers/sim.js';
import { fillDisk, tryMountTmpfs } from '../../helpers/tmpfs.js';

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

test('a full disk (ENOSPC part-way): no temp file is left to keep it full', () => {
  const mount = tryMountTmpfs(join(tmp.dir, 'full'), 256);
  if (mount === undefined) {
    console.log('  (skipped: cannot mount a tmpfs here — run as root to test a real ENOSPC)');
    return;
  }
  try {
    const filler = fillDisk(mount.dir);
    const target = join(mount.dir, 'state.json');
    assert.is(errnoOf(() => writeFileDurably(target, 'x'.repeat(1 << 20))), 'ENOSPC');
    assert.equal(readdirSync(mount.dir), [filler.split('/').pop()]);
  } finally {
    mount.unmount();
  }
});

test.run();
