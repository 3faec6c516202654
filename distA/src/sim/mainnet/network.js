/**
 * The mainnet-shaped network: which keys are nodes and apps, what each stakes and on which
 * chains — a pure function of (seed, shape), so the genesis writer and the workload agree
 * without storing anything.
 *
 * Assumptions (stated, late-2022 mainnet after PIP-22 consolidation):
 *   - node stakes: 55% in bin 4 (60,000 POKT and up to 999 POKT more), 15% bin 3, 10% bin 2,
 *     20% bin 1 (15,000 POKT + up to 999);
 *   - chain popularity is Zipf-like: chain i (MAINNET_CHAINS order) has weight 1/(i+1)^1.1, so the
 *     first few chains hold most nodes, apps and relays (the skewed relay distribution);
 *   - a node stakes 3–10 chains, an app 1–3 chains, both drawn by popularity without repeats;
 *   - app stakes: 1,000 × 2^u POKT, u uniform in [0, 7] (1k–128k POKT).
 */
import { Prng } from '../../core/prng.js';
import { sha256 } from '../../crypto/hash.js';
import { deriveSimKeys } from '../sim-keys.js';
import { MAINNET_CHAINS, PIP22_FLOOR_UPOKT } from './params.js';
const POKT = 1000000n;
export const CHAIN_WEIGHTS = MAINNET_CHAINS.map((_, i) => 1 / Math.pow(i + 1, 1.1));
/** Index drawn with probability ∝ weights[i] among indexes not in `taken`. */
export function drawWeighted(prng, weights, taken = new Set()) {
    let total = 0;
    weights.forEach((w, i) => (total += taken.has(i) ? 0 : w));
    let ticket = prng.float() * total;
    for (let i = 0; i < weights.length; i++) {
        if (taken.has(i))
            continue;
        ticket -= weights[i];
        if (ticket < 0)
            return i;
    }
    for (let i = weights.length - 1; i >= 0; i--)
        if (!taken.has(i))
            return i;
    throw new RangeError('drawWeighted: nothing left to draw');
}
function drawChains(prng, count) {
    const taken = new Set();
    while (taken.size < count)
        taken.add(drawWeighted(prng, CHAIN_WEIGHTS, taken));
    return [...taken].sort((a, b) => a - b).map((i) => MAINNET_CHAINS[i]);
}
function prngFor(seed, label) {
    const digest = sha256(`pokt-ledger mainnet shape|${seed}|${label}`);
    return new Prng(new DataView(digest.buffer, digest.byteOffset, 8).getBigUint64(0, false));
}
function nodeBin(prng) {
    const u = prng.float();
    return u < 0.55 ? 4n : u < 0.7 ? 3n : u < 0.8 ? 2n : 1n;
}
const cache = new Map();
/** The network of this seed and shape (memoised: deriving 10k keys takes a moment). */
export function mainnetNetwork(seed, shape) {
    const cacheKey = `${seed}|${shape.nodes}|${shape.apps}|${shape.spareNodes}`;
    const hit = cache.get(cacheKey);
    if (hit !== undefined)
        return hit;
    const prng = prngFor(seed, 'network');
    const nodes = deriveSimKeys(seed, 'mn:node', shape.nodes).map((key) => {
        const stakeUpokt = nodeBin(prng) * PIP22_FLOOR_UPOKT + BigInt(prng.int(1_000)) * POKT;
        return { key, stakeUpokt, chains: drawChains(prng, 3 + prng.int(8)) };
    });
    const apps = deriveSimKeys(seed, 'mn:app', shape.apps).map((key) => {
        const stakeUpokt = BigInt(Math.round(1_000 * Math.pow(2, prng.float() * 7))) * POKT;
        return { key, stakeUpokt, chains: drawChains(prng, 1 + prng.int(3)) };
    });
    const network = {
        nodes,
        apps,
        spares: deriveSimKeys(seed, 'mn:spare', shape.spareNodes),
        governor: deriveSimKeys(seed, 'mn:governor', 1)[0],
        nodeByAddress: new Map(nodes.map((n) => [n.key.address, n])),
        appByAddress: new Map(apps.map((a) => [a.key.address, a])),
    };
    cache.set(cacheKey, network);
    return network;
}
//# sourceMappingURL=network.js.map