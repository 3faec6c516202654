/**
 * The mainnet-shaped workload's public face (for `simulate --profile mainnet-shaped`, `start`,
 * and the benchmarks).
 *
 *   mainnetShape({ scale, relayScale })   every count, derived from the two knobs (shape.ts)
 *   MAINNET_BLOCK                         mainnet's per-block figures, with their source
 *   mainnetChain({ blocks, scale, relayScale, seed })
 *       → { dataDir, key, cached }       a generated chain in the seeded on-disk cache
 *                                         (chain-cache.ts: where, key, invalidation); read its
 *                                         blocks with BlockLog (src/log) or replay it
 *   CompositionRecorder                   per-block proofs/claims/sends/bytes/failing share,
 *                                         and the table beside mainnet's (composition.ts)
 *   createMainnetWorkload({ seed, scale, relayScale, workers })   the Workload itself
 *
 * Example (a benchmark of one mainnet-sized block, every signature and proof verified):
 *   const chain = await mainnetChain({ blocks: 24, scale: 1 });   // ~minutes once, then cached
 *   // replay chain.dataDir to height 23 (trusted), then time applying block 24 with verification
 */
export { MAINNET_BLOCK, DEFAULT_RELAY_SCALE, mainnetShape, type MainnetShape, type MainnetShapeOptions } from './shape.js';
export { mainnetChain, mainnetChainKey, defaultCacheRoot, codeFingerprint, pruneStale, KEEP_PER_SETTINGS, type MainnetChain, type MainnetChainOptions, type PrunedEntry } from './chain-cache.js';
export { CompositionRecorder, blockComposition, type BlockComposition, type CompositionSummary } from './composition.js';
export { createMainnetWorkload, MainnetWorkload, type MainnetWorkloadOptions } from './workload.js';
export { MAINNET_CHAINS, MAINNET_MID2022_PARAMS } from './params.js';
