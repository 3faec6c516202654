/**
 * Goal: a second writer on a data directory whose block log another live process holds (a
 * `node` or a serving `start` on it, then `start`/`simulate` on the same --data) is told what to
 * do — stop the other process, named by the pid its LOCK records, or wait for it — with the
 * code log_locked, exit 1 and no stack trace. Before, the message said only "only one writer at
 * a time" (docs walk of 2026-12-07).
 * Method: the compiled CLI on a small simulated chain whose events/LOCK is written by hand as a
 * live writer's: this test's own pid and host (lock.ts judges a lock of a live pid on this host
 * held; {"pid","hostname","nonce"} is what it writes).
 */
import { writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli, scratch, writeSmallGenesis } from '../../helpers/sim.js';

const test = suite('cli: log_locked says what to do');
const tmp = scratch('log-locked');
test.after(() => tmp.remove());
/** A stack frame as V8 prints it ("    at fn (file:line:col)"). */
const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

test('a live writer holds the log: log_locked names its pid and says stop it or wait, no stack trace', async () => {
  const dir = join(tmp.dir, 'chain');
  const made = await runCli(['simulate', '--data', dir, '--genesis', writeSmallGenesis(tmp.dir), '--blocks', '1', '--no-progress', '--json']);
  assert.is(made.code, 0, made.stdout + made.stderr);
  writeFileSync(join(dir, 'events', 'LOCK'), JSON.stringify({ pid: process.pid, hostname: hostname(), nonce: '00ff00ff00ff00ff' }));

  const json = await runCli(['simulate', '--data', dir, '--blocks', '1', '--no-progress', '--json']);
  assert.is(json.code, 1, json.stdout + json.stderr);
  const error = (JSON.parse(json.stdout) as { error: { code: string; message: string; details: Record<string, unknown> } }).error;
  assert.is(error.code, 'log_locked');
  assert.is(error.details['pid'], process.pid);
  assert.match(error.message, `stop it (Ctrl-C in its terminal, or kill ${process.pid}) or wait for it to finish, then retry`);

  const text = await runCli(['simulate', '--data', dir, '--blocks', '1', '--no-progress']);
  assert.is(text.code, 1, text.stdout + text.stderr);
  assert.not.match(text.stdout + text.stderr, STACK_FRAME, 'no stack trace');
  assert.match(text.stderr, `another process (pid ${process.pid} on ${hostname()}) is writing to this data directory`);
});

test.run();
