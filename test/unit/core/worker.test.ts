/**
 * Goal: a worker thread starts whatever node flags the process was started with
 * (src/core/worker.ts) — the verification pool, the projection writer and the tree builders all
 * start theirs through `startWorker`.
 * Method: the flag rule as a function (which flags a worker is given, or inheritance); then real
 * child processes started with the flags operators and scripts use — a V8 heap flag alone (the
 * pool used to throw ERR_WORKER_INVALID_EXEC_ARGV there, and a replay then verified on one core),
 * `--input-type=module -e` (which breaks an inherited worker started from a file), and both —
 * each creating a 2-worker VerifyPool, which throws if a worker cannot start, and verifying 100
 * signatures on it, 99 valid and one tampered (so the answer cannot be all-ones by accident).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { workerExecArgv } from '../../../src/core/worker.js';

const flags = suite('core/worker: which flags a worker gets');

flags('without --input-type the worker inherits (Node itself leaves V8 flags out of a worker)', () => {
  assert.is(workerExecArgv([]), undefined);
  assert.is(workerExecArgv(['--max-old-space-size=8192', '--enable-source-maps']), undefined);
});

flags('--input-type (either spelling) is dropped and the other flags are passed on', () => {
  assert.equal(workerExecArgv(['--input-type=module', '--max-old-space-size=512', '-e', 'x']), ['--max-old-space-size=512', '-e', 'x']);
  assert.equal(workerExecArgv(['--input-type', 'module', '--enable-source-maps']), ['--enable-source-maps']);
});

const started = suite('core/worker: a verification pool starts under the flags people run node with');

const moduleUrl = (path: string): string => JSON.stringify(new URL(path, import.meta.url).href);

const poolScript = `
  const { VerifyPool } = await import(${moduleUrl('../../../src/crypto/verify-pool.js')});
  const { publicKeyFromSeed, sign } = await import(${moduleUrl('../../../src/crypto/ed25519.js')});
  const seed = new Uint8Array(32).fill(7);
  const message = new Uint8Array([1, 2, 3]);
  const items = Array.from({ length: 100 }, () => ({ publicKey: publicKeyFromSeed(seed), message, signature: sign(seed, message) }));
  items[42] = { ...items[42], message: new Uint8Array([1, 2, 4]) };
  const pool = await VerifyPool.create({ workers: 2 });
  const results = await pool.verifyBatch(items);
  await pool.close();
  process.stdout.write(results.reduce((a, b) => a + b, 0) + ' ' + results[42]);
`;

interface Case {
  readonly name: string;
  readonly nodeFlags: readonly string[];
  /** Run the script with -e (with --input-type=module) instead of from a file. */
  readonly evaluated: boolean;
}

const cases: Case[] = [
  { name: 'a V8 heap flag (node --max-old-space-size=512 script.mjs)', nodeFlags: ['--max-old-space-size=512'], evaluated: false },
  { name: 'two V8 flags (--max-semi-space-size, --stack-size)', nodeFlags: ['--max-semi-space-size=32', '--stack-size=2000'], evaluated: false },
  { name: '--input-type=module -e', nodeFlags: ['--input-type=module'], evaluated: true },
  { name: '--input-type=module -e with a V8 heap flag beside it', nodeFlags: ['--input-type=module', '--max-old-space-size=512'], evaluated: true },
];

for (const testCase of cases) {
  started(testCase.name, () => {
    const dir = mkdtempSync(join(tmpdir(), 'pokt-worker-flags-'));
    try {
      const file = join(dir, 'pool.mjs');
      writeFileSync(file, poolScript);
      const args = testCase.evaluated ? [...testCase.nodeFlags, '-e', poolScript] : [...testCase.nodeFlags, file];
      // The timeout only stops a hung child from hanging the suite; it asserts nothing about speed.
      const child = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 60_000 });
      assert.is(child.signal, null, `child was killed (hung?): ${child.stderr}`);
      assert.is(child.status, 0, child.stderr);
      assert.is(child.stdout, '99 0', JSON.stringify({ stdout: child.stdout, stderr: child.stderr }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

flags.run();
started.run();
