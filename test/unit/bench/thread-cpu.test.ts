/**
 * Goal: bench/lib/thread-cpu.ts reads a thread's CPU time from a /proc stat line exactly, and
 * charges each thread's CPU to the right group (main thread, pool threads, other threads).
 * Method: stat lines written by hand from proc(5) (utime and stime are fields 14 and 15, in
 * 1/100 s; the command name may hold spaces and parentheses); then, on Linux, a real worker
 * thread that spins while the main thread waits, and the main thread spinning while the worker
 * waits — each span's CPU must land in the group that burned it. Bounds are loose (a busy
 * machine gives a spinning thread less than its wall time); what is checked is where CPU goes.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Worker } from 'node:worker_threads';
import { CpuSplitMeter, meteredAfterWarmUp, newThreadIds, poolMeter, scaledSplit, splitFields, splitText, statCpuMs, threadCpuMs } from '../../../bench/lib/thread-cpu.js';

const cpu = suite('bench/thread-cpu');

// proc(5) field order after the command: state ppid pgrp session tty_nr tpgid flags minflt
// cminflt majflt cmajflt utime stime cutime cstime …
const statLine = (comm: string, utime: number, stime: number): string => `4242 (${comm}) R 1 4242 4242 0 -1 4194304 120 0 0 0 ${utime} ${stime} 0 0 20 0 11 0 5000 0`;

cpu('a stat line: (utime + stime) ticks × 10 ms', () => {
  assert.is(statCpuMs(statLine('node', 37, 5)), 420);
  assert.is(statCpuMs(statLine('node', 0, 0)), 0);
});

cpu('a command name with spaces and parentheses does not shift the fields', () => {
  assert.is(statCpuMs(statLine('a) b (c', 3, 4)), 70);
  assert.is(statCpuMs(statLine('x y) R 1 2 3 4 5 6 7 8 9 10 999 999', 1, 2)), 30, 'fields are counted from the last ")"');
});

cpu('anything else is not a stat line', () => {
  assert.is(statCpuMs(''), undefined);
  assert.is(statCpuMs('no parentheses here 1 2 3'), undefined);
  assert.is(statCpuMs('1 (node) R 1 2'), undefined, 'too short');
  assert.is(statCpuMs(statLine('node', -1, 5)), undefined, 'negative ticks');
});

const SPIN_CODE = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', (ms) => {
  const until = Date.now() + ms;
  while (Date.now() < until) {}
  parentPort.postMessage('done');
});
parentPort.postMessage('ready');
`;

function spinMain(ms: number): void {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    // burn CPU on this thread only
  }
}

cpu('a spinning worker is charged to the pool, the spinning main thread to main', async () => {
  if (threadCpuMs() === undefined) {
    console.log('thread-cpu.test: no /proc/self/task on this system; the attribution check needs Linux');
    return;
  }
  const before = threadCpuMs();
  const worker = new Worker(SPIN_CODE, { eval: true });
  try {
    await new Promise((resolve) => worker.once('message', resolve));
    const poolThreads = newThreadIds(before, threadCpuMs())!;
    assert.ok(poolThreads.size >= 1, 'the worker thread appears in /proc');
    assert.not.ok(poolThreads.has(process.pid), 'the main thread is not a new thread');

    const workerSpan = new CpuSplitMeter(poolThreads);
    workerSpan.start();
    worker.postMessage(300);
    await new Promise((resolve) => worker.once('message', resolve));
    workerSpan.stop();
    const inWorker = workerSpan.perSpan()!;
    assert.ok(inWorker.poolMs >= 60, `the worker's spin counted for the pool (${inWorker.poolMs} ms)`);
    assert.ok(inWorker.poolMs > inWorker.mainMs, `more pool than main while the main thread waits (${inWorker.poolMs} vs ${inWorker.mainMs} ms)`);

    const mainSpan = new CpuSplitMeter(poolThreads);
    mainSpan.start();
    spinMain(300);
    mainSpan.stop();
    const inMain = mainSpan.perSpan()!;
    assert.ok(inMain.mainMs >= 60, `the main thread's spin counted for main (${inMain.mainMs} ms)`);
    assert.ok(inMain.mainMs > inMain.poolMs, `more main than pool while the worker waits (${inMain.mainMs} vs ${inMain.poolMs} ms)`);
  } finally {
    await worker.terminate();
  }
});

cpu('the split as fields and text: the sum, and the sum over the cores (hand-worked)', () => {
  // main 300 + pool 420 + other 200 = 920 ms; on 2 cores at least 460 ms.
  const split = { mainMs: 300, poolMs: 420, otherMs: 200 };
  const fields = splitFields(split, 2, 2);
  assert.equal([fields['main_thread'], fields['verify_workers'], fields['other_threads'], fields['all_threads'], fields['all_threads_over_cores']], [300, 420, 200, 920, 460]);
  assert.ok(splitText(split, 2, 2, 'ms per block').includes('main thread 300, 2 verify workers 420, other threads (V8 GC and compiler, libuv) 200; all 920 ÷ 2 cores = 460 at least'));
  // No pool: no pool field or words. 12 ms of a run of 4,000 txs = 3 µs per tx.
  const perTx = scaledSplit({ mainMs: 12, poolMs: 0, otherMs: 2 }, 1000 / 4000);
  const noPool = splitFields(perTx, 0, 2, 2);
  assert.is(noPool['verify_workers'], undefined);
  assert.equal([noPool['main_thread'], noPool['other_threads'], noPool['all_threads']], [3, 0.5, 3.5]);
  assert.is(noPool['all_threads_over_cores'], undefined, 'serial work: no two-core bound');
  const text = splitText(perTx, 0, 2, 'µs per tx', 1);
  assert.ok(text.endsWith('main thread 3.0, other threads (V8 GC and compiler, libuv) 0.5; all 3.5'), text);
});

cpu('a pool meter needs exactly the pool\'s new threads, and says why when it cannot have them', () => {
  const before = new Map([[1, 10], [2, 20]]);
  assert.ok(poolMeter(before, new Map([[1, 10], [2, 20], [7, 0], [8, 0]]), 2).meter, 'two new threads for two workers');
  assert.match(poolMeter(before, new Map([[1, 10], [2, 20], [7, 0]]), 2).why ?? '', /1 threads started with the pool, not its 2 workers/);
  assert.match(poolMeter(undefined, undefined, 2).why ?? '', /no \/proc/);
  assert.is(poolMeter(before, new Map([[1, 10], [2, 20], [7, 0], [8, 0], [9, 0]]), 2).meter, undefined, 'an extra thread: no split');
});

cpu('a metered run leaves its warm-up call out and passes results through', async () => {
  if (threadCpuMs() === undefined) return; // spans are only counted where /proc exists
  const meter = new CpuSplitMeter(new Set());
  let calls = 0;
  const run = meteredAfterWarmUp(meter, async () => ++calls);
  assert.is(await run(), 1);
  assert.is(meter.perSpan(), undefined, 'the warm-up call is not measured');
  assert.is(await run(), 2);
  assert.ok(meter.perSpan(), 'the second call is');
  assert.is(await meteredAfterWarmUp(undefined, async () => 'no meter')(), 'no meter');
});

cpu('no span measured, no split', () => {
  assert.is(new CpuSplitMeter(new Set()).perSpan(), undefined);
});

cpu.run();
