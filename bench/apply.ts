/**
 * PERF: applying signed MsgSend txs the way the producer does — decode + ValidateBasic on the main
 * thread, signatures verified on the worker pool (2 workers) two blocks ahead, the block built,
 * applied by the reducer, encoded as a record and appended to the log (fsync 'never': the disk
 * is bench/log's subject) — next to the physical limit: raw verification of the same txs' (public
 * key, sign bytes, signature) on the same pool, measured in the same run with the two sampled
 * alternately (bench/lib/paired.ts; BENCH.md) together with the reducer-only rate; the limit is
 * the two-core pipeline limit computed from both (twoCoreLimit). Goal (issue 14): ≥ 0.95 of it.
 *
 * Workload (bench/lib/send-chain.ts): the seeded simulator's chain of valid sends on the mainnet
 * genesis; the benchmark re-produces exactly those blocks (same times, same txs) on a fresh data
 * dir per sample and checks every block's state root against the simulator's (self-check).
 * Also reported: the same without signature checks (the reducer's own cost per tx).
 */
import { initDataDir } from '../src/runtime/data-dir.js';
import { ChainWriter } from '../src/runtime/chain-writer.js';
import { prepareAhead, type PreparedAhead } from '../src/runtime/ingest.js';
import { prepareTx, trustSignature } from '../src/chain/prepare.js';
import { VerifyPool } from '../src/crypto/verify-pool.js';
import { join } from 'node:path';
import { newScratchDir, sendChain, storedBlocks, verifyItems, type SendChain, type StoredBlock } from './lib/send-chain.js';
import { measureAlternating } from './lib/paired.js';
import type { BenchModule } from './lib/types.js';
import { MACHINE_CORES, meteredAfterWarmUp, poolMeter, scaledSplit, splitFields, splitText, threadCpuMs } from './lib/thread-cpu.js';

const WORKERS = 2;

/**
 * The two-core limit of the pipeline. Per tx, verification costs 2/v core-seconds (v is the raw
 * rate of the 2-worker pool, both cores busy) and the main thread's decode + reduce + record
 * costs 1/r (r: the same production without signature checks, one core). With both cores
 * fully used and nothing wasted, 2 cores finish 2 / (2/v + 1/r) = 1/(1/v + 1/(2r)) txs/s — and
 * never more than r, the serial main thread alone. (min(v, r) would assume the reducer costs
 * the verifiers nothing: on two cores it takes their CPU.)
 * Example: v = 15,000/s, r = 50,000/s → 1/(1/15,000 + 1/100,000) = 13,043 txs/s.
 */
export function twoCoreLimit(verifyRate: number, reducerRate: number): number {
  return Math.min(reducerRate, 1 / (1 / verifyRate + 1 / (2 * reducerRate)));
}

/**
 * Produce every block through the writer, the next blocks' signatures verifying meanwhile: each
 * block's signatures are posted to the pool two blocks ahead (runtime/ingest.ts prepareAhead),
 * and the reducer reads the verdicts as the workers publish them — verifying a pending one
 * itself when it has caught up with them, so no core idles.
 */
async function produceAll(writer: ChainWriter, chain: SendChain, blocks: readonly StoredBlock[], pool: VerifyPool | undefined): Promise<number> {
  const prepare = (block: StoredBlock): PreparedAhead =>
    pool === undefined
      ? {
          prepared: block.txs.map((tx) => {
            const prepared = prepareTx(tx, chain.chainId);
            trustSignature(prepared);
            return prepared;
          }),
          verified: Promise.resolve(),
        }
      : prepareAhead(block.txs, chain.chainId, pool);
  // Two blocks in flight on the pool, so it always has work queued while the reducer runs.
  const inFlight = blocks.slice(0, 2).map(prepare);
  const verified: Array<Promise<void>> = [];
  let txs = 0;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const { prepared, verified: blockVerified } = inFlight.shift()!;
    verified.push(blockVerified);
    if (i + 2 < blocks.length) inFlight.push(prepare(blocks[i + 2]!));
    const { result } = writer.produce({ timeNs: block.timeNs, txs: block.txs }, prepared);
    if (result.stateRoot !== block.stateRootAfter) throw new Error(`block ${block.height}: root ${result.stateRoot} ≠ the simulator's ${block.stateRootAfter}`);
    if (result.receipts.some((receipt) => receipt.code !== 0)) throw new Error(`block ${block.height}: a tx failed`);
    txs += block.txs.length;
  }
  await Promise.all(verified);
  return txs;
}

export const benchmark: BenchModule = {
  name: 'apply',
  description: 'signed sends applied per second (decode, pool verification pipelined with the reducer, record, append) vs raw verification of the same txs',
  async run(ctx) {
    const chain = await sendChain(ctx, ctx.quick ? 8 : 20, ctx.quick ? 1500 : 2500);
    const blocks = storedBlocks(chain);
    const items = verifyItems(chain, blocks);
    const threadsBefore = threadCpuMs();
    const pool = await VerifyPool.create({ workers: WORKERS });
    const { meter, why } = poolMeter(threadsBefore, threadCpuMs(), WORKERS);
    if (why !== undefined) ctx.progress(why);
    const workload = { blocks: chain.blocks, txs: chain.txs, mix: 'send (all valid)', genesis: 'mainnet + 256 sim accounts', workers: WORKERS };
    try {
      let writer: ChainWriter | undefined;
      const freshWriter = async (): Promise<void> => {
        const dir = join(newScratchDir('apply'), 'data');
        initDataDir(dir, chain.genesisFile);
        writer = await ChainWriter.open(dir, { fsync: 'never' });
      };
      const applied = async (verifyWith: VerifyPool | undefined): Promise<number> => {
        try {
          return await produceAll(writer!, chain, blocks, verifyWith);
        } finally {
          writer!.close();
        }
      };
      // The raw verify rate, the subject and the reducer-only rate sampled in turn (bench/lib/paired.ts).
      const [verify, stats, reducer] = await measureAlternating(ctx, [
        {
          label: `raw verify, pool of ${WORKERS} workers, same txs`,
          run: async () => {
            const verdicts = await pool.verifyBatch(items);
            if (verdicts.some((v) => v !== 1)) throw new Error('a workload signature did not verify');
            return items.length;
          },
        },
        { label: 'apply with verification (pool, pipelined)', before: freshWriter, run: meteredAfterWarmUp(meter, () => applied(pool)) },
        { label: 'apply without signature checks (reducer only)', before: freshWriter, run: () => applied(undefined) },
      ]);
      const limit = twoCoreLimit(verify!.median, reducer!.median);
      // Per tx: the limit counts the pool (2/v) and the main thread (1/r); V8's GC and compiler
      // threads, which the reducer-only run gets on the core the pool would use, are outside it.
      const perRun = meter?.perSpan();
      const cpu = perRun === undefined ? undefined : scaledSplit(perRun, 1000 / chain.txs);
      if (cpu !== undefined) ctx.progress(splitText(cpu, WORKERS, MACHINE_CORES, 'µs per tx with verification', 1));
      ctx.report({
        case: 'send/verified',
        workload,
        metric: 'txs_per_s',
        stats: stats!,
        limit: { what: `two-core pipeline limit 1/(1/v + 1/(2r)) from the raw pool verify rate v = ${Math.round(verify!.median)}/s (${WORKERS} workers, same txs) and the reducer-only rate r = ${Math.round(reducer!.median)}/s, all sampled in turn`, median: limit },
        extra: {
          goal_ratio_to_limit: 0.95,
          raw_pool_verify_per_s: Math.round(verify!.median),
          reducer_only_per_s: Math.round(reducer!.median),
          ratio_to_raw_pool_verify: Number((stats!.median / verify!.median).toFixed(3)),
          ratio_to_min_v_r: Number((stats!.median / Math.min(verify!.median, reducer!.median)).toFixed(3)),
          ...(cpu === undefined ? {} : { cpu_us_per_tx: splitFields(cpu, WORKERS, MACHINE_CORES, 2) }),
        },
      });
      ctx.report({ case: 'send/reducer-only', workload, metric: 'txs_per_s', stats: reducer! });
    } finally {
      await pool.close();
    }
  },
};
