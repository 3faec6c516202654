/**
 * Bounds that keep decoding cheap and allocation-bounded whatever bytes arrive. They are
 * checked before the bytes they govern are copied or parsed; exceeding one is a
 * `ledger:tx_too_large` / `ledger:field_exceeds_limit` rejection (pocket-core has no such field
 * limits; its mempool admits txs up to 2 MiB, types/config.go:173).
 *
 * Chosen far above anything a valid transaction carries: the largest real ones are governance
 * param changes (the whole gov/acl list ≈ 3.2 KB of JSON, allparams-mid2022 fixture) and
 * upgrades with their feature list (~20 entries); a relay proof is < 1 KB; Merkle proofs have
 * ≤ 64 levels because ranges are uint64. Cost of the worst case: MAX_TX_BYTES of input read once.
 */
/** Whole transaction, length prefix included (128 KiB). */
export const MAX_TX_BYTES = 131_072;
/** Any one string or bytes field (memo, URL, chain, key, payload, param value…). */
export const MAX_FIELD_BYTES = 65_536;
/** Entries of any repeated or map field (fee coins, chains, reward delegators, features, Merkle levels, responses). */
export const MAX_REPEATED_ENTRIES = 256;
//# sourceMappingURL=limits.js.map