/**
 * The shape of Pocket mainnet that the mainnet-shaped workload reproduces, and how a `scale`
 * fraction shrinks it.
 *
 * Mainnet figures (MAINNET_BLOCK): heights 85,901–86,301 (late 2022), from the statistics
 * notebook in pocket-core's repository (`doc/probabilistic_proofs/`), as quoted in issue 14:
 * per block ~1,300–1,400 proofs, ~1,300–1,400 claims, 100–250 sends, ~3 MB, proofs 67% of the
 * tx bytes and claims 22%, 0.43% of claims failing; claim values p50 3.03 POKT, p95 18.18 POKT.
 * The network then had ~10–20k staked nodes over ~50 chains and ~2k apps.
 *
 * Scaling: `scale` multiplies every count (nodes, apps, senders, and the per-block targets);
 * 1 is mainnet size. `relayScale` multiplies the relays in each claim: every relay is a leaf of
 * the claim's Merkle sum tree, and building the trees is the generator's dominant cost (BLAKE2b
 * in JavaScript, ~14k leaves/s per core: mainnet's ~870 relays per claim × 1,350 claims would
 * take ~40 s per block on two cores). The chain's work per proof (two signatures and a walk of
 * log2(relays) levels) barely depends on it; the minted claim values do, linearly, and the
 * composition report prints them scaled back (÷ relayScale) beside mainnet's.
 */
/** Mainnet's per-block composition (the figures the report prints beside ours). */
export const MAINNET_BLOCK = {
    source: 'pocket-core doc/probabilistic_proofs statistics, mainnet heights 85,901–86,301 (issue 14)',
    proofs: [1_300, 1_400],
    claims: [1_300, 1_400],
    sends: [100, 250],
    bytes: 3_000_000,
    proofShareOfTxBytes: 0.67,
    claimShareOfTxBytes: 0.22,
    failingClaimShare: 0.0043,
    claimValuePoktP50: 3.03,
    claimValuePoktP95: 18.18,
};
/** 1/32: ~27 relays per claim on average, ~1.3 s of tree building per full-size block on two cores. */
export const DEFAULT_RELAY_SCALE = 1 / 32;
const at = (scale, full, minimum) => Math.max(minimum, Math.round(full * scale));
export function mainnetShape(options = {}) {
    const scale = options.scale ?? 1;
    const relayScale = options.relayScale ?? DEFAULT_RELAY_SCALE;
    if (!(scale > 0 && scale <= 1))
        throw new RangeError(`scale must be in (0, 1], got ${scale}`);
    if (!(relayScale > 0 && relayScale <= 1))
        throw new RangeError(`relayScale must be in (0, 1], got ${relayScale}`);
    return {
        scale,
        relayScale,
        nodes: at(scale, 8_000, 120),
        apps: at(scale, 2_000, 16),
        senders: at(scale, 400, 8),
        spareNodes: at(scale, 200, 8),
        claimsPerBlock: at(scale, 1_350, 8),
        sendsPerBlock: at(scale, 175, 2),
        stakesPerBlock: Math.max(0.25, 2 * scale),
        jailVictimsPerCycle: at(scale, 4, 1),
    };
}
//# sourceMappingURL=shape.js.map