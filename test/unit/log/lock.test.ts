/**
 * Goal: one writer at a time. A second writer (same process or another) fails with `log_locked`
 * naming the holder; readers open without the lock; a lock left by a dead process on this host
 * is taken over and reported; a lock from another host is never taken over; close releases.
 * Method: real lock files and real processes — a child writer (test/helpers/log-writer.ts) that
 * holds the lock until it is SIGKILLed, and a finished child's pid as a provably dead pid.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { BlockLog, isBlockLogError } from '../../../src/log/index.js';
import { payloadFor, removeDir, scratchDir } from '../../helpers/log-fixtures.js';

const writerScript = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'helpers', 'log-writer.js');

function lockedDetails(fn: () => unknown): Record<string, unknown> {
  try {
    fn();
  } catch (error) {
    if (isBlockLogError(error, 'log_locked')) return error.context as Record<string, unknown>;
    throw error;
  }
  assert.unreachable('expected log_locked');
  return {};
}

/** The pid of a process that has certainly exited (spawned, waited for). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

let root = '';
let logDir = '';
const lock = suite('log/lock');
lock.before.each(() => {
  root = scratchDir('lock');
  logDir = join(root, 'events');
});
lock.after.each(() => removeDir(root));

lock('a second writer in the same process fails with log_locked; a reader opens fine; close releases the lock', () => {
  const { log } = BlockLog.open(logDir, { create: true });
  log.append(1, payloadFor(1));
  const details = lockedDetails(() => BlockLog.open(logDir));
  assert.equal([details['pid'], details['hostname']], [process.pid, hostname()]);
  const { log: reader } = BlockLog.open(logDir, { readOnly: true });
  assert.is(reader.lastHeight, 1);
  reader.close();
  log.close();
  assert.is(existsSync(join(logDir, 'LOCK')), false);
  const { log: again, recovery } = BlockLog.open(logDir);
  assert.is(recovery.staleLockTakenOver, null);
  again.close();
});

lock('a live writer in another process blocks us; once it is SIGKILLed its stale lock is taken over', async () => {
  BlockLog.open(logDir, { create: true }).log.close();
  const child = spawn(process.execPath, [writerScript, logDir, '4096', '1'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  await new Promise<void>((resolve) => {
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      if (/\n\d+\n/.test(text)) resolve(); // opened and appended at least once
    });
  });
  const details = lockedDetails(() => BlockLog.open(logDir));
  assert.is(details['pid'], child.pid);
  child.kill('SIGKILL');
  await exited; // reaped: kill(pid, 0) now says ESRCH
  const { log, recovery } = BlockLog.open(logDir);
  assert.is((recovery.staleLockTakenOver as { pid?: number } | null)?.pid, child.pid);
  assert.ok(log.lastHeight >= 1);
  const mine = JSON.parse(readFileSync(join(logDir, 'LOCK'), 'utf8')) as { pid: number };
  assert.is(mine.pid, process.pid);
  log.close();
});

lock('a lock naming a dead pid on this host is stale: taken over and reported', () => {
  BlockLog.open(logDir, { create: true }).log.close();
  const pid = deadPid();
  writeFileSync(join(logDir, 'LOCK'), JSON.stringify({ pid, hostname: hostname(), nonce: 'dead' }));
  const { log, recovery } = BlockLog.open(logDir);
  assert.equal(recovery.staleLockTakenOver, { pid, hostname: hostname(), nonce: 'dead' });
  log.close();
});

lock('a lock naming our own pid that this process does not hold (a container restart: the node is pid 1 again) is stale: taken over', () => {
  BlockLog.open(logDir, { create: true }).log.close();
  writeFileSync(join(logDir, 'LOCK'), JSON.stringify({ pid: process.pid, hostname: hostname(), nonce: 'previous-run' }));
  const { log, recovery } = BlockLog.open(logDir);
  assert.equal(recovery.staleLockTakenOver, { pid: process.pid, hostname: hostname(), nonce: 'previous-run' });
  // The lock this process does hold stays held against a second writer in the same process.
  assert.equal(lockedDetails(() => BlockLog.open(logDir))['pid'], process.pid);
  log.close();
  assert.is(existsSync(join(logDir, 'LOCK')), false);
});

lock('a lock from another host is never taken over', () => {
  BlockLog.open(logDir, { create: true }).log.close();
  writeFileSync(join(logDir, 'LOCK'), JSON.stringify({ pid: deadPid(), hostname: `not-${hostname()}`, nonce: 'x' }));
  assert.is(lockedDetails(() => BlockLog.open(logDir))['hostname'], `not-${hostname()}`);
  unlinkSync(join(logDir, 'LOCK'));
});

lock('an empty or unreadable LOCK (never a live writer\'s: locks are published complete) is taken over and its content reported', () => {
  BlockLog.open(logDir, { create: true }).log.close();
  for (const content of ['', '{"pid":12', 'garbage']) {
    writeFileSync(join(logDir, 'LOCK'), content);
    const { log, recovery } = BlockLog.open(logDir);
    assert.equal(recovery.staleLockTakenOver, { unreadable: content });
    assert.is((JSON.parse(readFileSync(join(logDir, 'LOCK'), 'utf8')) as { pid: number }).pid, process.pid, 'the lock is ours now');
    log.close();
  }
});

lock.run();
