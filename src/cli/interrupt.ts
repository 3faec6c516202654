/**
 * Ctrl-C or SIGTERM while a command holds the block log's lock and does not stop by itself —
 * `simulate`, `rollback`, `repair`, the producing minute of `start`, … Node's default action
 * killed them with the LOCK in place, and the next command had to take it over with a warning
 * (log_lock_taken_over; QA of 2026-12-06). Now they exit at once, as the signal would have, with
 * the shell's status for it, releasing their locks on the way out.
 *
 * Only while a lock is held (log/lock.ts watchLocks): a JavaScript listener runs between turns of
 * the event loop, so a listener for the whole process would leave a long synchronous command
 * that holds no lock (an audit's walk) deaf to Ctrl-C until its end; without
 * one, the default action stops it at once, and it leaves nothing to release.
 *
 * Safe wherever it lands: a listener runs between two turns of the event loop, never inside a
 * synchronous write, and every store is already safe against a kill at any instant (the log's
 * frames and head, snapshots by rename, the projection's SQLite transactions — a writer thread's
 * unfinished one is rolled back when the file is next opened).
 *
 * A command that stops by itself (node, serve, start's serving: signals.ts) has its own listener;
 * this one runs first (prepended) and then stands aside. After that listener has fired once, a
 * second Ctrl-C lands here and ends a shutdown that hangs.
 */
import { setImmediate as setImmediateTurn } from 'node:timers/promises';
import { releaseHeldLocks, watchLocks } from '../log/index.js';

/** 128 + the signal's number: what a shell reports for a process the signal killed. */
const EXIT_STATUS = { SIGINT: 130, SIGTERM: 143 } as const;
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

type Signal = (typeof SIGNALS)[number];

/** Releases any lock held, says "interrupted (SIGINT)<what>" and exits with the shell's status for the signal. */
function exitBySignal(signal: Signal, what: string): never {
  releaseHeldLocks();
  process.stderr.write(`\ninterrupted (${signal})${what}\n`);
  process.exit(EXIT_STATUS[signal]);
}

function onSignal(signal: Signal): void {
  if (process.listenerCount(signal) > 1) return; // the command's own stop (signals.ts)
  exitBySignal(signal, ': stopped; what was written durably stays');
}

const listeners = { SIGINT: () => onSignal('SIGINT'), SIGTERM: () => onSignal('SIGTERM') };

export function exitOnInterrupt(): void {
  watchLocks({
    firstHeld: () => {
      for (const signal of SIGNALS) process.prependListener(signal, listeners[signal]);
    },
    lastReleased: () => {
      for (const signal of SIGNALS) process.off(signal, listeners[signal]);
    },
  });
}

/**
 * Ctrl-C or SIGTERM during a long command that holds no lock but whose user needs to know where
 * it stopped — a replay of a long history: it prints "interrupted (SIGINT) <where()>" and exits
 * 130/143 (before, the default action ended it without a word, and with `--snapshot-every` the
 * user could not tell a rerun from the last snapshot was possible). Listens only while `run`
 * runs; `run` must yield to the event loop now and then (a replay's beforeChunk), as a listener
 * runs only between turns. Releases any lock held meanwhile, as exitOnInterrupt would.
 */
export async function reportingInterrupt<T>(where: () => string, run: () => Promise<T>): Promise<T> {
  const handlers = { SIGINT: () => exitBySignal('SIGINT', ` ${where()}`), SIGTERM: () => exitBySignal('SIGTERM', ` ${where()}`) };
  for (const signal of SIGNALS) process.on(signal, handlers[signal]);
  try {
    return await run();
  } finally {
    for (const signal of SIGNALS) process.off(signal, handlers[signal]);
  }
}

/** One macrotask: lets signal listeners (and timers, such as a progress bar's) run between chunks of synchronous work. */
export function nextTurn(): Promise<void> {
  return setImmediateTurn();
}
