/**
 * Wire messages: what a pocket-core transaction's bytes say, before any validation.
 *
 * Everything a sender can get wrong is representable: addresses and keys are lowercase hex of
 * whatever bytes were sent (any length, empty included), amounts are the raw text of pocket's
 * BigInt field (`""` when absent, possibly Go base-0 syntax like "0x10" — see go-bigint.ts),
 * int64/uint64 fields are bigint. `src/messages` turns these into validated `Message`s.
 *
 * Presence matters in three places because pocket-core's amino JSON (the signed bytes) or its
 * decoder tells "absent" from "present but empty": plain `bytes` fields (gov param_value, Merkle
 * hashes → JSON `null` vs `""`) and the signature's public key (absent = look it up in state,
 * present-but-empty = decode error). Those are `string | null`.
 *
 * Field order in each interface is the proto field order (x/<module>/types/*.pb.go).
 */
/**
 * What pocket-core makes of a ProofI without a member: an empty RelayProof
 * (x/pocketcore/types/proof.go:37-47). Shared by the decoder, amino JSON and ValidateBasic.
 */
export const EMPTY_RELAY_PROOF = Object.freeze({
    requestHash: '',
    entropy: 0n,
    sessionBlockHeight: 0n,
    servicerPublicKey: '',
    blockchain: '',
    aat: Object.freeze({ version: '', appPublicKey: '', clientPublicKey: '', signature: '' }),
    signature: '',
});
//# sourceMappingURL=types.js.map