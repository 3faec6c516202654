/**
 * Goal: makeDirs creates every missing directory of a path, and a parent that refuses children is
 * an error, not a hang — Node's own recursive mkdir loops forever under /proc (QA of 2026-12-06:
 * `init --data /proc/foo` never returned).
 * Method: scratch directories; /proc (Linux, where the tests run) as the refusing parent.
 */
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { makeDirs } from '../../../src/core/make-dirs.js';

const test = suite('makeDirs: mkdir -p that always ends');
const scratch = mkdtempSync(join(tmpdir(), 'pokt-ledger-make-dirs-'));
test.after(() => rmSync(scratch, { recursive: true, force: true }));

const code = (run: () => void): string | undefined => {
  try {
    run();
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code;
  }
};

test('creates every missing level; an existing directory is fine', () => {
  const deep = join(scratch, 'a', 'b', 'c');
  makeDirs(deep);
  assert.ok(statSync(deep).isDirectory());
  makeDirs(deep);
  makeDirs(join(scratch, 'a', '..', 'a', 'b', 'd'));
  assert.ok(existsSync(join(scratch, 'a', 'b', 'd')));
});

test('a file in the way is an error naming it, as mkdir says', () => {
  const file = join(scratch, 'file');
  writeFileSync(file, 'x');
  assert.is(code(() => makeDirs(file)), 'EEXIST');
  assert.is(code(() => makeDirs(join(file, 'below'))), 'ENOTDIR');
});

test('a parent that refuses children (/proc) is ENOENT at once, not a hang', () => {
  assert.ok(existsSync('/proc'), 'a Linux machine');
  assert.is(code(() => makeDirs('/proc/pokt-ledger-no-such')), 'ENOENT');
  assert.is(code(() => makeDirs('/proc/pokt-ledger-no-such/deeper')), 'ENOENT');
});

test.run();
