/**
 * Starting a worker thread whatever node flags the process was started with.
 *
 * Node is strict about a worker's flags in two ways that pull against each other:
 * - given explicitly (`execArgv`), a V8 or process-wide flag — `--max-old-space-size`,
 *   `--max-semi-space-size`, `--expose-gc`, `--stack-size`, `--trace-gc` — makes `new Worker`
 *   throw ERR_WORKER_INVALID_EXEC_ARGV;
 * - inherited (no `execArgv`), those are fine (V8's flags are the process's anyway), but
 *   `--input-type` (legal only with -e/-p/stdin) makes a worker started from a file fail at once.
 * Before, the verification pool passed the parent's flags explicitly, so an operator's
 * `node --max-old-space-size=8192 …/main.js replay` could not start a verifier and verified every
 * signature on one core, and the projection writer and the tree builders could not start under
 * `node --input-type=module -e …`.
 *
 * So: inherit, unless `--input-type` is there; then pass the flags without it, and if Node still
 * refuses some (a V8 flag beside it), start the worker with no node flags: V8's flags still apply
 * (they are process-wide); only per-thread node flags such as `--cpu-prof` are lost, in that rare
 * case.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

/** The flags to give a worker explicitly, or undefined to let it inherit the parent's (see above). */
export function workerExecArgv(parentExecArgv: readonly string[]): string[] | undefined {
  const out: string[] = [];
  let dropped = false;
  for (let i = 0; i < parentExecArgv.length; i++) {
    const arg = parentExecArgv[i] as string;
    if (arg === '--input-type') {
      i++; // its value is the next argument
      dropped = true;
    } else if (arg.startsWith('--input-type=')) dropped = true;
    else out.push(arg);
  }
  return dropped ? out : undefined;
}

/** `new Worker(url, options)` with the flags chosen above. */
export function startWorker(url: URL, options: Omit<WorkerOptions, 'execArgv'> = {}): Worker {
  const execArgv = workerExecArgv(process.execArgv);
  if (execArgv === undefined) return new Worker(url, options);
  try {
    return new Worker(url, { ...options, execArgv });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw error;
    return new Worker(url, { ...options, execArgv: [] });
  }
}
