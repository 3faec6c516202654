/**
 * The relays workload's schedule: which servicer of which session does what, at which height.
 * Everything is a pure function of the chain state (no memory between blocks, src/sim/simulator.ts),
 * so the workload can be stopped and resumed, and the same seed gives the same log.
 *
 * A session S (start height) of app A on chain C, with one of the workload's servicers N among
 * its nodes, gets a "kind" from SHA-256(hash of block S ‖ A ‖ C ‖ N) — the block hash varies with
 * the simulation seed, so the kinds do too. Heights (BPS, CSW, CE at the session start; the
 * window's end uses the current params, as claims do):
 *
 *   c = S + BPS          claim (or the over-service claim)         first claimable height
 *   c + 1                duplicate claim (ledger:11); too-early claim for session S + BPS (60)
 *   p − 1                proof before the seed block exists (sdk:1)
 *   p = S + CSW·BPS      the proof (valid, wrong index 49, wrong leaf 66, tampered 86) — the
 *                        first height the seed (hash of block p − 1) is known
 *   p + 1                the valid proof after a 49/66; a late claim (69)
 *   e = c + CE·BPS       a proof of an abandoned claim, deleted by this block's BeginBlock (65)
 */
import { bytesToHex, concatBytes } from '../../core/hex.js';
import { sha256 } from '../../crypto/hash.js';
/** Relative weights: mostly valid claims and proofs, every failure kind regularly. */
export const RELAY_KIND_WEIGHTS = [
    ['valid', 40],
    ['over-service', 6],
    ['duplicate', 6],
    ['too-early', 6],
    ['late', 6],
    ['early-proof', 6],
    ['wrong-index', 6],
    ['wrong-leaf', 6],
    ['tampered', 4],
    ['abandon', 6],
];
const TOTAL = RELAY_KIND_WEIGHTS.reduce((sum, [, weight]) => sum + weight, 0);
/** A 64-bit number from SHA-256 of the parts (a stable coin for each session and servicer). */
export function sessionCoin(...parts) {
    const digest = sha256(concatBytes(...parts.map((part) => new TextEncoder().encode(part + '\u0000'))));
    return new DataView(digest.buffer, digest.byteOffset, 8).getBigUint64(0, false);
}
export function relayKindOf(coin) {
    let ticket = Number(coin % BigInt(TOTAL));
    for (const [kind, weight] of RELAY_KIND_WEIGHTS) {
        if (ticket < weight)
            return kind;
        ticket -= weight;
    }
    return 'valid';
}
/** Relays in the claim: min + (coin / 97) mod span, capped by the allowance. */
export function relayCount(coin, minimum, maximum, allowance) {
    const span = maximum > minimum ? maximum - minimum + 1n : 1n;
    const count = minimum + ((coin / 97n) % span);
    return count < allowance ? count : allowance;
}
/** Deterministic ed25519 seed of an app's client key. */
export function clientSeedOf(appAddress) {
    return sha256(`pokt-ledger sim relay client ${appAddress}`);
}
export function hex(bytes) {
    return bytesToHex(bytes);
}
//# sourceMappingURL=relays-schedule.js.map