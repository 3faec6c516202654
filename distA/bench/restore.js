/**
 * PERF (issue 13 must-show): restoring a chain's state at its tip from the newest snapshot plus
 * a replay of the blocks after it, against a full replay from genesis to the same height — what
 * a node, `replay --from-snapshot`, `export` and rollback's follow-ups gain from snapshots.
 *
 * Both are `replay()` calls on the same cached data directory (bench/lib/restore-chain.ts),
 * trusted signatures (the recorded verdicts; roots are checked at every block), sampled
 * alternately so they see the same machine; each must end on the producer's recorded root at
 * the tip (a restore that skipped blocks could not). Times include opening the chain (genesis
 * load or snapshot read + decode). Reported per size: both times (ms per restore), and
 * `speedup` = full replay median / restore median.
 *
 * Sizes: 10,000 and 100,000 blocks, a snapshot every 1,000 (tail 1,000 blocks). --quick: 1,000
 * and 4,000 blocks, a snapshot every 500 (tail 500) — the same comparison on chains small enough
 * for the quick suite's 3-minute budget (its speedups are smaller: the full replay is shorter
 * while the tail is half as long).
 */
import { replay } from '../src/runtime/replay.js';
import { restoreChain } from './lib/restore-chain.js';
import { measureAlternating } from './lib/paired.js';
const TXS_PER_BLOCK = 2;
const quiet = { onWarning: () => undefined };
function sizes(quick) {
    return quick
        ? [1_000, 4_000].map((blocks) => ({ blocks, txsPerBlock: TXS_PER_BLOCK, snapshotEvery: 500 }))
        : [10_000, 100_000].map((blocks) => ({ blocks, txsPerBlock: TXS_PER_BLOCK, snapshotEvery: 1_000 }));
}
/** One restore of the tip; throws unless it reached the recorded root the expected way. */
async function restoreTip(chain, fromSnapshot) {
    const outcome = await replay(chain.dir, { trustSignatures: true, fromSnapshot, ...quiet });
    const expectedStart = fromSnapshot ? chain.snapshotHeight : 0;
    if (!outcome.verified || outcome.stateRoot !== chain.tipRoot || outcome.height !== chain.blocks || outcome.startHeight !== expectedStart) {
        throw new Error(`restore (${fromSnapshot ? 'snapshot' : 'genesis'}) ended at ${outcome.height} / ${outcome.stateRoot}, started at ${outcome.startHeight}`);
    }
    return 1;
}
async function measureSize(ctx, settings) {
    const chain = await restoreChain(ctx, settings);
    const workload = {
        blocks: chain.blocks,
        txs: chain.txs,
        mix: `valid MsgSend only, ~${chain.txsPerBlock} per block (seeded simulator)`,
        genesis: 'e2e single-node localnet + simulator validators, apps and 256 funded accounts',
        snapshot_every: chain.snapshotEvery,
        snapshot_height: chain.snapshotHeight,
        tail_blocks: chain.blocks - chain.snapshotHeight,
        snapshot_bytes: chain.snapshotBytes,
        cached_chain: chain.cached,
    };
    // Rates of "1 restore" per sample → ms per restore = 1000 / rate.
    const [full, restored] = await measureAlternating(ctx, [
        { label: `full replay from genesis, ${chain.blocks} blocks`, run: () => restoreTip(chain, false) },
        { label: `snapshot at ${chain.snapshotHeight} + ${chain.blocks - chain.snapshotHeight} blocks`, run: () => restoreTip(chain, true) },
    ]);
    const asMs = (s) => ({ median: 1000 / s.median, min: 1000 / s.max, max: 1000 / s.min, samples: s.samples });
    const fullMs = asMs(full);
    const restoreMs = asMs(restored);
    ctx.report({ case: `${chain.blocks}/full-replay`, workload, metric: 'ms_per_restore', stats: fullMs });
    ctx.report({
        case: `${chain.blocks}/snapshot+tail`,
        workload,
        metric: 'ms_per_restore',
        stats: restoreMs,
        extra: { full_replay_median_ms: Math.round(fullMs.median), speedup: Number((fullMs.median / restoreMs.median).toFixed(2)) },
    });
}
export const benchmark = {
    name: 'restore',
    description: 'restore the tip from the newest snapshot + tail vs full replay from genesis (10k and 100k blocks; --quick 1k and 4k)',
    async run(ctx) {
        for (const settings of sizes(ctx.quick))
            await measureSize(ctx, settings);
    },
};
//# sourceMappingURL=restore.js.map