/**
 * Sessions as the audit computes them, written from PROTOCOL §3 (pocket-core
 * x/pocketcore/types/session.go:51-172, crypto.go:132-137; checked against RC-0.12.0).
 *
 *   header hash = SHA3-256({"app_public_key":…,"chain":…,"session_height":N})
 *   session key = SHA3-256({"app_pub_key":…,"chain":…,"blockchain":<hash of block SBH, hex>})
 *   walk: idx = uint64_BE(key[0:8]) mod total; key = SHA3-256(key); n = candidates[idx];
 *         a repeat is skipped; else n is examined in the END state (the session's last block)
 *         and skipped when gone, jailed, staked for more than pos/MaximumChains (session-start
 *         value) chains, or no longer staked for the chain; stop at SessionNodeCount nodes;
 *         fewer candidates than that, or all examined without filling ⇒ pocketcore:17.
 * Candidates = the chain index at the session start: nodes staked (not unstaking) for the
 * chain, ascending by address (lower-case hex sorts as the address bytes do).
 *
 * Worked example (3 candidates [A, B, C], count 2): key₀ → 7 mod 3 = 1 → B kept; key₁ → 4
 * mod 3 = 1 → B again, skipped; key₂ → 9 mod 3 = 0 → A jailed at the end, skipped; key₃ → 2
 * → C kept: the session is [B, C].
 *
 * The strings hashed are canonical hex (shape-checked), where JSON.stringify writes what Go's
 * encoder writes (relay-proof.ts DEV_NOTE).
 */
import { bytesToHex } from '../../core/hex.js';
import { sha3_256 } from '../../crypto/hash.js';
export const INSUFFICIENT_NODES = 'pocketcore:17';
export function sessionHeaderHash(appPublicKey, chain, sessionHeight) {
    return bytesToHex(sha3_256(`{"app_public_key":${JSON.stringify(appPublicKey)},"chain":${JSON.stringify(chain)},"session_height":${sessionHeight}}`));
}
function sessionKey(appPublicKey, chain, blockHashHex) {
    return sha3_256(`{"app_pub_key":${JSON.stringify(appPublicKey)},"chain":${JSON.stringify(chain)},"blockchain":${JSON.stringify(blockHashHex)}}`);
}
/** uint64 big-endian of the first 8 bytes mod `total` (PseudorandomSelection). */
export function pseudorandomIndex(hash, total) {
    return new DataView(hash.buffer, hash.byteOffset, 8).getBigUint64(0, false) % total;
}
/** The session's nodes in selection order, or pocketcore:17. */
export function selectNodes(input) {
    const { candidates, count } = input;
    if (candidates.length < count)
        return INSUFFICIENT_NODES;
    const total = BigInt(candidates.length);
    const examined = new Set();
    const chosen = [];
    let key = sessionKey(input.appPublicKey, input.chain, input.blockHashHex);
    while (chosen.length < count) {
        // The index is a set: positions and addresses are one-to-one, so "all examined" is len(m) ≥ total.
        if (examined.size >= candidates.length)
            return INSUFFICIENT_NODES;
        const address = candidates[Number(pseudorandomIndex(key, total))];
        key = sha3_256(key);
        if (examined.has(address))
            continue;
        examined.add(address);
        const node = input.atEnd.get(address);
        if (node === undefined || node.jailed || BigInt(node.chains.length) > input.nodeMaxChains || !node.chains.includes(input.chain))
            continue;
        chosen.push(address);
    }
    return chosen;
}
//# sourceMappingURL=sessions.js.map