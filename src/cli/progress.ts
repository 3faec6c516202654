/**
 * Progress on stderr for long commands (replay, simulate, start): a cli-progress bar with
 * blocks/s, tx/s and ETA on a terminal; on a pipe or file, the same line every 2 seconds; a
 * phase line ("audit: … …") for long work without blocks to count. stdout stays reserved for
 * the command's result.
 *
 * A bar's rate is over the time since its phase started (`since`), not since the bar appeared:
 * a bar made at the first block's report would leave that block's time out (on a small chain,
 * the whole first chunk's signature checks), and show a rate the summary cannot match.
 */
import cliProgress from 'cli-progress';
import type { ReplayProgress } from '../runtime/replay.js';
import { grouped } from './output.js';

export interface BlockProgress {
  /** Blocks done, txs done (cumulative). */
  update(blocksDone: number, txsDone: number, height: number): void;
  stop(): void;
}

const NONE: BlockProgress = { update: () => undefined, stop: () => undefined };

/** A bar on stderr: redrawn 5 times a second on a terminal, on a pipe or file the same line every 2 s. */
function stderrBar(format: string): cliProgress.SingleBar {
  return new cliProgress.SingleBar({ format, stream: process.stderr, hideCursor: null, noTTYOutput: true, notTTYSchedule: 2000, fps: 5 }, cliProgress.Presets.shades_classic);
}

/**
 * `since`: when the measured phase began (performance.now()); the rate and ETA are over the time
 * since. `unit`: what the second count of `update` is ("tx", or the audit's "reward lines"), null
 * when there is none — the audit's bar once said "1751 tx/s" of its reward lines, the hash
 * chain's "0 tx/s" throughout (QA of 2026-12-06).
 */
export function blockProgress(label: string, totalBlocks: number, enabled: boolean, since = performance.now(), unit: string | null = 'tx'): BlockProgress {
  if (!enabled || totalBlocks <= 0) return NONE;
  // ETA is ours: cli-progress shows "0s" before the first block, when nothing is known yet.
  const rate = unit === null ? '' : ` | {tps} ${unit}/s`;
  const bar = stderrBar(`${label} |{bar}| {percentage}% | height {height} | {done}/{all} blocks | {bps} blocks/s${rate} | ETA {eta_text}`);
  const started = since;
  bar.start(totalBlocks, 0, { height: '-', done: '0', all: grouped(totalBlocks), bps: '0', tps: '0', eta_text: '—' });
  let stopped = false;
  const stop = (): void => {
    stopped = true;
    bar.stop();
  };
  return {
    update(blocksDone, txsDone, height) {
      if (stopped) return;
      const seconds = Math.max((performance.now() - started) / 1000, 1e-3);
      const eta = blocksDone === 0 ? '—' : etaText(((totalBlocks - blocksDone) * seconds) / blocksDone);
      bar.update(blocksDone, { height, done: grouped(blocksDone), bps: grouped(Math.round(blocksDone / seconds)), tps: grouped(Math.round(txsDone / seconds)), eta_text: eta });
      // Ended at its last block, so what the command prints next starts on its own line (a bar
      // left at 100% while the next step runs would also print its last line twice on a pipe).
      if (blocksDone >= totalBlocks) stop();
    },
    stop,
  };
}

export interface BytesProgress {
  /** `read` undefined: only the elapsed time is known. */
  update(read: number | undefined, total: number, seconds: number): void;
  /** The verdict is in: the bar shows 100% (what was read, the rate over `seconds`, ETA 0s), then stops. */
  complete(read: number | undefined, total: number, seconds: number): void;
  stop(): void;
}

/**
 * A bar over bytes read (project --check): MB/s and ETA; shown at most 99% until the caller
 * stops it (what is read may exceed the estimate, e.g. a WAL's pages).
 */
export function bytesProgress(label: string, enabled: boolean): BytesProgress {
  if (!enabled) return { update: () => undefined, complete: () => undefined, stop: () => undefined };
  const bar = stderrBar(`${label} |{bar}| {percentage}% | {read_mb}/{total_mb} MB | {rate} MB/s | ETA {eta_text}`);
  let started = false;
  const mb = (bytes: number): string => grouped(Math.round(bytes / 1e6));
  const rate = (read: number | undefined, seconds: number): string => (read === undefined ? '?' : grouped(Math.round(read / 1e6 / Math.max(seconds, 1e-3))));
  const start = (total: number): void => {
    if (started) return;
    bar.start(Math.max(total, 1), 0, { read_mb: '0', total_mb: mb(total), rate: '0', eta_text: '—' });
    started = true;
  };
  return {
    update(read, total, seconds) {
      start(total);
      const done = read === undefined ? 0 : Math.min(read, total * 0.99);
      const eta = read === undefined || read === 0 ? `— (${seconds.toFixed(0)} s so far)` : etaText(((total - done) * seconds) / done);
      bar.update(done, { read_mb: read === undefined ? '?' : mb(read), total_mb: mb(total), rate: rate(read, seconds), eta_text: eta });
    },
    complete(read, total, seconds) {
      // A check faster than the first sample, or one whose last sample was early, would
      // otherwise leave its bar at 0–99% with an ETA under the verdict "intact".
      start(total);
      bar.update(Math.max(total, 1), { read_mb: read === undefined ? mb(total) : mb(read), total_mb: mb(total), rate: rate(read, seconds), eta_text: etaText(0) });
      bar.stop();
      started = false;
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}

export interface RowsProgress {
  update(done: number, total: number): void;
  stop(): void;
}

/** A bar over rows (project --check --against-log's comparison): rows/s and ETA, timed from its first report. */
export function rowsProgress(label: string, enabled: boolean): RowsProgress {
  if (!enabled) return { update: () => undefined, stop: () => undefined };
  const bar = stderrBar(`${label} |{bar}| {percentage}% | {done}/{all} rows | {rate} rows/s | ETA {eta_text}`);
  let started: number | undefined;
  return {
    update(done, total) {
      if (started === undefined) {
        started = performance.now();
        bar.start(Math.max(total, 1), 0, { done: '0', all: grouped(total), rate: '0', eta_text: '—' });
      }
      const seconds = Math.max((performance.now() - started) / 1000, 1e-3);
      bar.update(done, { done: grouped(done), all: grouped(total), rate: grouped(Math.round(done / seconds)), eta_text: done === 0 ? '—' : etaText(((total - done) * seconds) / done) });
    },
    stop() {
      if (started !== undefined) bar.stop();
    },
  };
}

/**
 * A replay's bar (replay, verify's state roots, project): made at the first report, when the
 * replay knows its range, timed from `since`. Blocks at or below `countAbove` (default: where
 * the replay started) are not counted: `project` replays them only to rebuild the state at its
 * checkpoint.
 */
export class ReplayBar {
  private bar: BlockProgress | undefined;
  private txsBelow = 0;

  constructor(
    private readonly label: string,
    private readonly enabled: boolean,
    private readonly since = performance.now(),
    private readonly countAbove?: number,
  ) {}

  update(p: ReplayProgress): void {
    const above = this.countAbove ?? p.startHeight;
    if (p.height <= above) {
      this.txsBelow = p.txs;
      return;
    }
    this.bar ??= blockProgress(this.label, p.targetHeight - above, this.enabled, this.since);
    this.bar.update(p.height - above, p.txs - this.txsBelow, p.height);
  }

  stop(): void {
    this.bar?.stop();
  }
}

/**
 * Progress of a whole replay (`replay`, `export`, `snapshot`, `node`'s start): a line while the
 * chain opens and its starting state loads (`opening`), then a bar over the blocks replayed,
 * timed from the replay's start (none when the snapshot is already at the target). Pass
 * `onStart` and `onProgress` to replay(); `stop()` ends the bar early (a failure).
 */
export function replayStepProgress(
  label: string,
  enabled: boolean,
  opening = 'opening the chain and its newest snapshot (or its genesis)',
): { onStart: () => void; onProgress: (progress: ReplayProgress) => void; stop: () => void } {
  phaseLine(`${label}: ${opening}`, enabled);
  let bar: ReplayBar | undefined;
  return {
    onStart: () => {
      bar = new ReplayBar(label, enabled);
    },
    onProgress: (progress) => bar?.update(progress),
    stop: () => bar?.stop(),
  };
}

/** A long step without blocks to count, named on stderr: "audit: recomputing … …". */
export function phaseLine(text: string, enabled: boolean): void {
  if (enabled) process.stderr.write(`${text} …\n`);
}

/** Seconds left as "0s", "42s", "3m 05s", "2h 07m" (the blocks left at the rate so far). */
export function etaText(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
