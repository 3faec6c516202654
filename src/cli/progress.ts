/**
 * Progress on stderr for long commands (replay, simulate, start): a cli-progress bar with
 * blocks/s, tx/s and ETA on a terminal; on a pipe or file, the same line every 2 seconds.
 * stdout stays reserved for the command's result.
 */
import cliProgress from 'cli-progress';

export interface BlockProgress {
  /** Blocks done, txs done (cumulative). */
  update(blocksDone: number, txsDone: number, height: number): void;
  stop(): void;
}

const NONE: BlockProgress = { update: () => undefined, stop: () => undefined };

export function blockProgress(label: string, totalBlocks: number, enabled: boolean): BlockProgress {
  if (!enabled || totalBlocks <= 0) return NONE;
  const bar = new cliProgress.SingleBar(
    {
      // ETA is ours: cli-progress shows "0s" before the first block, when nothing is known yet.
      format: `${label} |{bar}| {percentage}% | height {height} | {value}/{total} blocks | {bps} blocks/s | {tps} tx/s | ETA {eta_text}`,
      stream: process.stderr,
      hideCursor: null,
      noTTYOutput: true,
      notTTYSchedule: 2000,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = performance.now();
  bar.start(totalBlocks, 0, { height: '-', bps: '0', tps: '0', eta_text: '—' });
  return {
    update(blocksDone, txsDone, height) {
      const seconds = Math.max((performance.now() - started) / 1000, 1e-3);
      const eta = blocksDone === 0 ? '—' : etaText(((totalBlocks - blocksDone) * seconds) / blocksDone);
      bar.update(blocksDone, { height, bps: (blocksDone / seconds).toFixed(0), tps: (txsDone / seconds).toFixed(0), eta_text: eta });
    },
    stop() {
      bar.stop();
    },
  };
}

/** Seconds left as "0s", "42s", "3m 05s", "2h 07m" (the blocks left at the rate so far). */
export function etaText(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
