/**
 * Goal: makeDirs creates every missing directory of a path, and a parent that refuses children is
 * an error, not a hang — Node's own recursive mkdir loops forever under /proc (QA of 2026-12-06:
 * `init --data /proc/foo` never returned).
 * Method: scratch directories; /proc (Linux, where the tests run) as the refusing parent.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { makeDirs } from '../../../src/core/make-dirs.js';
import { repoRoot } from '../../helpers/paths.js';

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

/** A mkdir call whose options ask for recursion, on one line or several (up to the statement's end). */
const RECURSIVE_MKDIR = /\bmkdir(Sync)?\([^;]*?\brecursive\s*:\s*true/;

test('src/ creates directories only through makeDirs: no recursive mkdir, which hangs on such a parent', () => {
  const offenders: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && entry.name !== 'make-dirs.ts' && RECURSIVE_MKDIR.test(readFileSync(path, 'utf8'))) offenders.push(path.slice(repoRoot().length + 1));
    }
  };
  walk(join(repoRoot(), 'src')); // make-dirs.ts itself names the call in its comment
  assert.equal(offenders, []);
  for (const call of ['mkdirSync(dir, { recursive: true })', 'mkdirSync(join(a, b), { recursive: true });', 'await mkdir(path, {recursive:true})', 'mkdirSync(\n  join(a, b),\n  { recursive: true },\n);']) {
    assert.ok(RECURSIVE_MKDIR.test(call), `the pattern catches ${call}`);
  }
  for (const call of ['mkdirSync(dir);\nrmSync(dir, { recursive: true });', 'makeDirs(dir)']) assert.not.ok(RECURSIVE_MKDIR.test(call), `the pattern spares ${call}`);
});

test.run();
