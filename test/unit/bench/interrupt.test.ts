/**
 * Goal: Ctrl-C in the middle of a benchmark leaves no scratch directory behind — Node's default
 * SIGINT ends the process without running any `finally` or 'exit' handler — and exits 130; a
 * closed stdout stops the run quietly.
 * Method: the runner itself (dist/bench/run.js) on `log --quick`, interrupted as soon as it prints
 * its scratch directory; nothing about the benchmark's speed is looked at.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';

const interrupt = suite('bench runner interrupted');
const RUNNER = fileURLToPath(new URL('../../../bench/run.js', import.meta.url));

interrupt('SIGINT mid-benchmark: exit 130, the scratch directory removed', async () => {
  const child = spawn(process.execPath, [RUNNER, 'log', '--quick'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  const scratch = await new Promise<string>((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      const match = /\[log\] scratch (\S+)/.exec(stderr);
      if (match) resolve(match[1]!);
    });
    child.once('exit', () => reject(new Error(`the runner ended before naming its scratch directory: ${stderr}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGINT');
  assert.is(await exited, 130, stderr);
  assert.not.ok(existsSync(scratch), `${scratch} is left behind`);
});

interrupt('stdout closed by its reader (| head -1): a quiet stop, exit 0, no EPIPE stack', async () => {
  const child = spawn(process.execPath, [RUNNER, 'log', '--quick'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString('utf8')));
  // Like `head -1`: read the first line, then close the pipe.
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
  assert.is(code, 0, stderr);
  assert.match(stderr, /bench: stdout closed by its reader \(EPIPE\): stopping\n$/);
  assert.not.match(stderr, /    at /, 'no stack');
});

interrupt.run();
