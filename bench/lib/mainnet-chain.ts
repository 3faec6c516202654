/**
 * The mainnet-shaped chain the `mainnet` and `replay` benchmarks share: 24 blocks from the
 * seeded on-disk cache (src/sim/mainnet/chain-cache.ts; generated on the first run, ~20 s at
 * scale 1 on 2 cores), scale 1 (~1,350 claims and proofs and ~175 sends per block, as mainnet
 * late 2022) in a full run, 0.05 with --quick. POKT_BENCH_MAINNET_SCALE overrides the scale.
 */
import { mainnetChain, type MainnetChain, type PrunedEntry } from '../../src/sim/mainnet/index.js';
import { BenchUsageError } from './args.js';
import type { BenchContext } from './types.js';

export const MAINNET_BENCH_BLOCKS = 24;
const WORKERS = 2;

/**
 * The scale: 1 in a full run, 0.05 with --quick, or POKT_BENCH_MAINNET_SCALE in (0, 1]. The runner
 * asks before any benchmark runs, so a mistyped value stops the suite at once, not after the
 * benchmarks before `mainnet` (minutes at full size).
 */
export function mainnetBenchScale(quick: boolean): number {
  const text = process.env['POKT_BENCH_MAINNET_SCALE'];
  if (text === undefined) return quick ? 0.05 : 1;
  const scale = Number(text);
  if (!(scale > 0 && scale <= 1)) throw new BenchUsageError('invalid_environment', `POKT_BENCH_MAINNET_SCALE must be a number in (0, 1], got '${text}'`);
  return scale;
}

/** The progress line for cache entries pruneStale removed (older builds' chains of the same settings). */
export function prunedText(pruned: readonly PrunedEntry[]): string {
  const mb = pruned.reduce((sum, entry) => sum + entry.bytes, 0) / 1e6;
  return `workload cache: removed ${pruned.length} stale ${pruned.length === 1 ? 'entry' : 'entries'} of the same settings (${mb.toFixed(1)} MB; older builds' chains): ${pruned.map((entry) => entry.name).join(', ')}`;
}

/** The chain at this run's scale, from the cache or generated into it (with progress lines). */
export async function mainnetBenchChain(ctx: BenchContext): Promise<{ readonly chain: MainnetChain; readonly scale: number }> {
  const scale = mainnetBenchScale(ctx.quick);
  ctx.progress(`workload: the mainnet-shaped chain, scale ${scale}, ${MAINNET_BENCH_BLOCKS} blocks, seed ${ctx.seed} (cached on disk after the first run)…`);
  const started = performance.now();
  const chain = await mainnetChain({ blocks: MAINNET_BENCH_BLOCKS, scale, seed: BigInt(ctx.seed), workers: WORKERS });
  ctx.progress(`workload: ${chain.cached ? 'from the cache' : 'generated'} in ${((performance.now() - started) / 1000).toFixed(1)} s: ${chain.dataDir}`);
  if (chain.pruned.length > 0) ctx.progress(prunedText(chain.pruned));
  return { chain, scale };
}
