/**
 * A progress line every few seconds while a workload chain is simulated: at full size that takes
 * tens of seconds to minutes (replay's 100k sends, restore's 100k blocks), silent otherwise.
 */
import type { SimBlockReport } from '../../src/sim/simulator.js';

export const PROGRESS_EVERY_MS = 5_000;

/** The simulator's onBlock: `workload: block h/target (rate, ETA)` at most every PROGRESS_EVERY_MS. */
export function blockProgress(say: (message: string) => void, now: () => number = () => performance.now()): (report: Pick<SimBlockReport, 'height' | 'targetHeight'>) => void {
  const started = now();
  let last = started;
  return ({ height, targetHeight }) => {
    const at = now();
    if (at - last < PROGRESS_EVERY_MS) return;
    last = at;
    const rate = height / ((at - started) / 1000);
    say(`workload: block ${height}/${targetHeight} (${Math.round(rate)} blocks/s, ETA ${Math.round((targetHeight - height) / rate)} s)`);
  };
}
