/**
 * Validator signing info (x/nodes/types/signing_info.go, x/nodes/keeper/signing_info.go): per
 * validator, the downtime counters of the current tumbling window and the jail bookkeeping.
 *
 *   start_height           height at which the record was created
 *   index_offset           how many of this validator's commit votes the current window has seen
 *   jailed_until           block time before which an Unjail is refused (downtime jail)
 *   missed_blocks_counter  votes missed in the current window
 *   jailed_blocks_counter  EndBlocks spent jailed (MaxJailedBlocks, PROTOCOL §6.7)
 *
 * pocket-core also keeps a "missed" bit per (validator, index). We do not store it, because in
 * pocket's TUMBLING window the bit read at `index_offset` is always unset: the index only grows
 * between two resets, and every reset (window boundary, downtime jail, unjail, edit stake) clears
 * all bits together with the index. So the "missed → signed: counter−−" branch of
 * handleValidatorSignature (x/nodes/keeper/slash.go:255-266) can never run and
 * `missed_blocks_counter` = number of missed votes since the last reset — which is all the
 * protocol ever reads. (Cosmos' sliding window wraps the index modulo the window; pocket's does
 * not, PROTOCOL §6.5, §12.2 item 12.)
 *
 * Creation: genesis (start 0, jailed_until = Unix 0, x/nodes/genesis.go:37-46), a new stake
 * (start = stake height, Unix 0, valStateChanges.go:312-321), or — when a validator of the
 * last commit has none — the downtime handler (start = h, jailed_until = Go zero time,
 * slash.go:239-248). Deleted with the validator (validator.go:116-121).
 */
import { canonicalJson } from '../../core/json.js';
import { Dec } from '../../core/bigdec.js';
/** Hot path (one write per validator per block): a compact canonical encoding. */
export const signingInfosTable = {
    name: 'pos/signing_info',
    encode: (i) => canonicalJson([i.address, i.startHeight, i.indexOffset, i.jailedUntilNs, i.missedBlocksCounter, i.jailedBlocksCounter]),
    decode: (text) => {
        const [address, startHeight, indexOffset, jailedUntil, missed, jailedBlocks] = JSON.parse(text);
        return {
            address,
            startHeight,
            indexOffset,
            jailedUntilNs: jailedUntil === null ? null : BigInt(jailedUntil),
            missedBlocksCounter: missed,
            jailedBlocksCounter: jailedBlocks,
        };
    },
};
/** A new record as genesis and StakeValidator write it: jailed_until = time.Unix(0, 0). */
export function newSigningInfo(address, height) {
    return { address, startHeight: height, indexOffset: 0, jailedUntilNs: 0n, missedBlocksCounter: 0, jailedBlocksCounter: 0 };
}
/**
 * ResetSigningInfo (signing_info.go:17-21): zero the three counters, keep start height and
 * jailed_until. A missing record is created with jailed_until = Go zero time
 * (ResetValidatorSigningInfo, keeper/signing_info.go:40-52).
 */
export function resetSigningInfo(current, address, height) {
    if (current === undefined)
        return { address, startHeight: height, indexOffset: 0, jailedUntilNs: null, missedBlocksCounter: 0, jailedBlocksCounter: 0 };
    return { ...current, indexOffset: 0, missedBlocksCounter: 0, jailedBlocksCounter: 0 };
}
/**
 * MinBlocksSignedPerWindow = round_half_even(MinSignedPerWindow × SignedBlocksWindow)
 * (x/nodes/keeper/params.go:70-78); a validator is punished when it has missed MORE than
 * `SignedBlocksWindow − MinBlocksSignedPerWindow` votes of the window.
 *
 * Worked example (mainnet genesis): 0.60 × 10 = 6 → at most 4 misses tolerated, the 5th jails.
 * Defaults: 0.5 × 100 = 50 → 50 tolerated. Half-even: 0.55 × 10 = 5.5 → 6; 0.45 × 10 = 4.5 → 4.
 */
export function maxMissedBlocks(signedBlocksWindow, minSignedPerWindow) {
    const minSigned = minSignedPerWindow.mul(Dec.fromInt(signedBlocksWindow)).roundInt();
    return signedBlocksWindow - minSigned;
}
//# sourceMappingURL=signing-info.js.map