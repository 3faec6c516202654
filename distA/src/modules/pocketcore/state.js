/**
 * pocketcore state: live claims, the claims already settled in their claim window, and the
 * history floor (the oldest height whose state pocketcore may still read).
 *
 * Claim key (x/pocketcore/types/key.go:15-39): pocket-core stores a claim under
 *   0x02 ‖ servicer address (20 B) ‖ SHA3-256(session header JSON) (32 B) ‖ evidence byte
 * with evidence byte 0x00 for relay evidence, 0x01 for challenge evidence (evidence.go:223-232).
 * The ledger's table key is that key without the 0x02 prefix, as lower-case hex — so claims sort
 * by servicer, as pocket-core iterates them.
 *
 * Settled claims: a claim whose proof was accepted (or that was burned for a replay attack) is
 * remembered under the same key until its session falls below the history floor, so the same
 * session cannot be claimed — and rewarded — twice (claim.ts explains why).
 */
import { canonicalJson } from '../../core/json.js';
/** The evidence byte of the claim key. */
export function evidenceByte(type) {
    return type === 1 ? '00' : '01';
}
/** Table key: servicer ‖ header hash ‖ evidence byte, hex (pocket's key without 0x02). */
export function claimKey(servicer, headerHash, type) {
    return `${servicer}${headerHash}${evidenceByte(type)}`;
}
function encodeClaim(c) {
    return canonicalJson({
        evidence_type: c.evidenceType,
        expiration_height: c.expirationHeight,
        from_address: c.servicer,
        header: { app_public_key: c.header.appPublicKey, chain: c.header.chain, session_height: c.header.sessionHeight },
        header_hash: c.headerHash,
        merkle_root: { hash: c.merkleRoot.hashHex, lower: c.merkleRoot.lower, upper: c.merkleRoot.upper },
        submitted_height: c.submittedHeight,
        total_proofs: c.totalProofs,
    });
}
function decodeClaim(text) {
    const raw = JSON.parse(text);
    return {
        servicer: raw.from_address,
        header: { appPublicKey: raw.header.app_public_key, chain: raw.header.chain, sessionHeight: raw.header.session_height },
        headerHash: raw.header_hash,
        merkleRoot: { hashHex: raw.merkle_root.hash, lower: BigInt(raw.merkle_root.lower), upper: BigInt(raw.merkle_root.upper) },
        totalProofs: BigInt(raw.total_proofs),
        evidenceType: raw.evidence_type,
        submittedHeight: raw.submitted_height,
        expirationHeight: raw.expiration_height,
    };
}
export const claimsTable = {
    name: 'pocketcore/claims',
    encode: encodeClaim,
    decode: decodeClaim,
};
export const settledClaimsTable = {
    name: 'pocketcore/settled_claims',
    encode: (s) => canonicalJson({ outcome: s.outcome, servicer: s.servicer, session_height: s.sessionHeight, settled_height: s.settledHeight }),
    decode: (text) => {
        const raw = JSON.parse(text);
        return { servicer: raw.servicer, sessionHeight: raw.session_height, settledHeight: raw.settled_height, outcome: raw.outcome };
    },
};
/**
 * Single key "floor": the oldest height whose committed state pocketcore may read (session
 * starts and ends of live and still-claimable sessions). History below it is pruned after each
 * block (src/chain/apply-block.ts), and claims for sessions below it are answered as pocket-core
 * answers a pruned context (sdk:1). See history.ts.
 */
export const historyFloorTable = {
    name: 'pocketcore/history_floor',
    encode: (height) => String(height),
    decode: (text) => Number(text),
};
export const HISTORY_FLOOR_KEY = 'floor';
//# sourceMappingURL=state.js.map