/**
 * Ctrl-C or SIGTERM for a command that does not stop by itself — `simulate`, `project`,
 * `replay`, `rollback`, `repair`, the first minute of `start`, … Node's default action killed
 * them with the block log's LOCK in place, and the next command had to take it over with a
 * warning (log_lock_taken_over; QA of 2026-12-06). Now they exit at once, as the signal would
 * have, but release their locks on the way out.
 *
 * Safe wherever it lands: a handler runs between two turns of the event loop, never inside a
 * synchronous write, and every store is already safe against a kill at any instant (the log's
 * frames and head, snapshots by rename, the projection's SQLite transactions — a writer thread's
 * unfinished one is rolled back when the file is next opened).
 *
 * A command that stops by itself (node, serve, start's serving: signals.ts) has its own listener,
 * and this one then stands aside; after that listener has fired once, a second Ctrl-C lands here
 * and ends a shutdown that hangs.
 */
import { releaseHeldLocks } from '../log/index.js';

/** 128 + the signal's number: what a shell reports for a process the signal killed. */
const EXIT_STATUS = { SIGINT: 130, SIGTERM: 143 } as const;

export function exitOnInterrupt(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (process.listenerCount(signal) > 1) return; // the command's own stop (signals.ts)
      releaseHeldLocks();
      process.stderr.write(`\ninterrupted (${signal}): stopped; what was written durably stays\n`);
      process.exit(EXIT_STATUS[signal]);
    });
  }
}
