/**
 * What a benchmark leaves on the machine if it is stopped half-way: its scratch directories (a
 * simulated chain each, up to gigabytes at full size) and its child processes (`serve`, the empty
 * route). Each benchmark removes its own in `finally`, but Ctrl-C ends the process without running
 * any `finally`: so they are registered here and removed on the process's exit, and the runner
 * (exitOnInterrupt) turns SIGINT/SIGTERM into an exit that runs this.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processAlive } from '../../src/log/index.js';

const dirs = new Set<string>();
const children = new Set<ChildProcess>();

process.once('exit', () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/**
 * A new directory under the system's temp dir, removed when the process exits; its name carries
 * the pid (`<prefix>pid<N>-XXXXXX`) so that a later run can remove it if this process was killed
 * without an exit (SIGKILL, the OOM killer): sweepDeadScratch.
 */
export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}pid${process.pid}-`));
  dirs.add(dir);
  return dir;
}

/** The benchmarks' scratch prefixes (bench/*.ts, bench/lib/send-chain.ts), then the pid tag. */
const SCRATCH_NAME = /^(?:pokt-ledger-bench-|pokt-bench-log-|bench-query-|bench-audit-).*?pid(\d+)-[A-Za-z0-9]{6}$/;

/** Removes the scratch directories of benchmark runs whose process is gone; returns their paths. */
export function sweepDeadScratch(root: string = tmpdir()): string[] {
  const removed: string[] = [];
  for (const name of readdirSync(root)) {
    const pid = SCRATCH_NAME.exec(name)?.[1];
    if (pid === undefined || processAlive(Number(pid))) continue;
    rmSync(join(root, name), { recursive: true, force: true });
    removed.push(join(root, name));
  }
  return removed;
}

/** A child process that is sent SIGTERM when this process exits, if it is still running. */
export function ownChild(child: ChildProcess): void {
  children.add(child);
  child.once('exit', () => children.delete(child));
}

/**
 * SIGINT (130) and SIGTERM (143) exit the process, so that the 'exit' handler above runs (Node's
 * default for them does not run it). The exit waits one turn of the event loop: a benchmark with a
 * handler of its own (project-pg stops its PostgreSQL servers) runs it first, and may exit itself.
 */
export function exitOnInterrupt(say: (message: string) => void): void {
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    process.on(signal, () => {
      say(`bench: ${signal}: removing scratch directories and stopping child processes`);
      setImmediate(() => process.exit(code));
    });
  }
}

/**
 * stdout's reader gone (`npm run bench -- log | head -1`): Node would throw EPIPE with a stack at
 * the next line. As the CLI does (src/cli/main.ts), stop quietly: the lines read were the ones
 * wanted, and the exit removes the scratch directories. stderr's reader gone: progress is dropped.
 */
export function stopWhenStdoutCloses(say: (message: string) => void): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    say('bench: stdout closed by its reader (EPIPE): stopping');
    process.exit();
  });
  process.stderr.on('error', () => undefined);
}
