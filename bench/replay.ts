/**
 * PERF: replaying a data directory's log from genesis — what `pokt-ledger replay` does: load the
 * genesis, read and decode every record, prepare the txs, apply every block and compare its
 * state root with the stored one.
 * - `trusted` (`--trust-signatures`, the producer's recorded verdicts): goal ≥ 100,000 txs/s (issue 14).
 * - `verified`: every signature re-checked on the worker pool (2 workers) one chunk ahead of the
 *   reducer, next to the physical limit — raw verification of the same txs on a pool of the
 *   same size, measured in the same run, the two sampled alternately (bench/lib/paired.ts).
 * - `trusted/mainnet-shaped` (full runs only): the same trusted replay of the mainnet-shaped
 *   chain (24 blocks of claims, proofs and sends at scale 1, bench/lib/mainnet-chain.ts) — what
 *   replaying real history costs; its relay proofs' AAT and client signatures are still
 *   verified, on the worker pool (runtime/replay.ts). No goal: the figure shows what a
 *   proof-heavy log replays at. Left out of --quick, whose whole suite must stay under 3
 *   minutes, and whose 0.05 scale would mostly time the per-block work every block has.
 * The whole replay() call is timed, genesis import included (reported separately as
 * genesis_load_ms). Workload: the seeded simulator's chain of valid sends on the mainnet genesis
 * (bench/lib/send-chain.ts). Self-check: every replay must verify (every block's root checked)
 * and, for the sends, end at the chain's root.
 */
import { loadGenesisOfDataDir } from '../src/runtime/data-dir.js';
import { replay } from '../src/runtime/replay.js';
import { VerifyPool } from '../src/crypto/verify-pool.js';
import { sendChain, storedBlocks, verifyItems, type SendChain } from './lib/send-chain.js';
import { measurePair } from './lib/paired.js';
import { mainnetBenchChain, MAINNET_BENCH_BLOCKS } from './lib/mainnet-chain.js';
import type { BenchModule } from './lib/types.js';
import { CpuSplitMeter, MACHINE_CORES, meteredAfterWarmUp, scaledSplit, splitFields, splitText } from './lib/thread-cpu.js';

const WORKERS = 2;

async function replayed(chain: SendChain, options: Parameters<typeof replay>[1]): Promise<number> {
  const outcome = await replay(chain.dir, options);
  if (!outcome.verified || outcome.stateRoot !== chain.stateRoot) throw new Error(`replay did not reproduce the chain: ${outcome.divergence?.detail ?? outcome.stateRoot}`);
  return outcome.txs;
}

export const benchmark: BenchModule = {
  name: 'replay',
  description: 'replay of a simulated send chain from genesis: trusted signatures (goal 100k tx/s) and pool-verified vs raw verification',
  async run(ctx) {
    const chain = await sendChain(ctx, ctx.quick ? 8 : 40, ctx.quick ? 1500 : 2500);
    const workload = { blocks: chain.blocks, txs: chain.txs, mix: 'send (all valid)', genesis: 'mainnet + 256 sim accounts' };
    const genesisStarted = performance.now();
    loadGenesisOfDataDir(chain.dir);
    const genesisLoadMs = Math.round(performance.now() - genesisStarted);

    // A trusted replay of sends starts no worker: every thread but the main one is V8's or libuv's.
    const meter = new CpuSplitMeter(new Set());
    const trusted = await ctx.measure({ label: 'replay --trust-signatures', run: meteredAfterWarmUp(meter, () => replayed(chain, { trustSignatures: true })) });
    const perRun = meter.perSpan();
    const cpu = perRun === undefined ? undefined : scaledSplit(perRun, 1000 / chain.txs);
    if (cpu !== undefined) ctx.progress(splitText(cpu, 0, MACHINE_CORES, 'µs per tx', 1));
    ctx.report({
      case: 'trusted',
      workload,
      metric: 'txs_per_s',
      stats: trusted,
      extra: { goal_txs_per_s: 100_000, genesis_load_ms: genesisLoadMs, ...(cpu === undefined ? {} : { cpu_us_per_tx: splitFields(cpu, 0, MACHINE_CORES, 2) }) },
    });

    const items = verifyItems(chain, storedBlocks(chain));
    const pool = await VerifyPool.create({ workers: WORKERS });
    let pair: Awaited<ReturnType<typeof measurePair>>;
    try {
      // Limit and subject sampled alternately (bench/lib/paired.ts): the ratio survives a noisy machine.
      pair = await measurePair(
        ctx,
        {
          label: `raw verify, pool of ${WORKERS} workers, same txs`,
          run: async () => {
            const verdicts = await pool.verifyBatch(items);
            if (verdicts.some((v) => v !== 1)) throw new Error('a workload signature did not verify');
            return items.length;
          },
        },
        { label: `replay, signatures verified (${WORKERS} workers)`, run: () => replayed(chain, { workers: WORKERS }) },
      );
    } finally {
      await pool.close();
    }
    const verified = pair.subject;
    const limitMedian = pair.limit.median;
    ctx.report({
      case: 'verified',
      workload: { ...workload, workers: WORKERS },
      metric: 'txs_per_s',
      stats: verified,
      limit: { what: `raw node:crypto ed25519 verify of the same txs on a pool of ${WORKERS} workers (sampled alternately)`, median: limitMedian },
      extra: { genesis_load_ms: genesisLoadMs },
    });

    if (ctx.quick) return;
    const { chain: mainnet, scale } = await mainnetBenchChain(ctx);
    const replayedMainnet = async (): Promise<number> => {
      const outcome = await replay(mainnet.dataDir, { trustSignatures: true, workers: WORKERS, onWarning: () => undefined });
      if (!outcome.verified || outcome.height !== MAINNET_BENCH_BLOCKS) throw new Error(`replay of the mainnet-shaped chain did not verify: ${outcome.divergence?.detail ?? outcome.height}`);
      return outcome.txs;
    };
    const mainnetTrusted = await ctx.measure({ label: `replay --trust-signatures, mainnet-shaped chain (scale ${scale})`, run: replayedMainnet });
    ctx.report({ case: 'trusted/mainnet-shaped', workload: { blocks: MAINNET_BENCH_BLOCKS, scale, mix: 'claims, proofs, sends (mainnet-shaped)', genesis: 'mainnet-shaped (src/sim/mainnet)', workers: WORKERS }, metric: 'txs_per_s', stats: mainnetTrusted });
  },
};
