import { hexToBytes } from '../../core/hex.js';
import { addressFromPublicKey } from '../../crypto/address.js';
import { verify } from '../../crypto/ed25519.js';
import { planSlash } from './slashing.js';
import { StakeStatus, VALIDATOR_SET_KEY } from './state.js';
function problem(code, index, message) {
    return { code, message: `evidence ${index}: ${message}` };
}
function checkOne(evidence, index, chainId, height, signBytes) {
    const key = hexToBytes(evidence.publicKey);
    if (key === undefined || key.byteLength !== 32)
        return problem('evidence_malformed', index, 'public key is not 32 bytes of hex');
    const address = addressFromPublicKey(key);
    const { voteA, voteB } = evidence;
    if (voteA.validatorAddress !== address || voteB.validatorAddress !== address) {
        return problem('evidence_malformed', index, `votes are by ${voteA.validatorAddress}/${voteB.validatorAddress}, the key's address is ${address}`);
    }
    if (voteA.height !== voteB.height || voteA.round !== voteB.round)
        return problem('evidence_not_conflicting', index, 'votes are for different heights or rounds');
    if (voteA.blockHash === voteB.blockHash)
        return problem('evidence_not_conflicting', index, 'both votes are for the same block');
    if (!Number.isSafeInteger(voteA.height) || voteA.height < 1 || voteA.height >= height) {
        return problem('evidence_from_future', index, `evidence height ${voteA.height} is not before block ${height}`);
    }
    if (!verify(key, signBytes(chainId, voteA), voteA.signature) || !verify(key, signBytes(chainId, voteB), voteB.signature)) {
        return problem('evidence_signature_invalid', index, `a vote signature does not verify for ${evidence.publicKey}`);
    }
    return undefined;
}
/** Tendermint-level validity of a block's evidence; undefined when every item is valid. */
export function checkEvidence(evidence, chainId, height, signBytes) {
    const seen = new Set();
    for (const [index, item] of evidence.entries()) {
        const found = checkOne(item, index, chainId, height, signBytes);
        if (found !== undefined)
            return found;
        const id = `${item.voteA.validatorAddress}:${item.voteA.height}:${item.voteA.round}`;
        if (seen.has(id))
            return problem('evidence_duplicate', index, `second evidence of ${id} in this block`);
        seen.add(id);
    }
    return undefined;
}
/** max(1, floor(floor(MaxEvidenceAge minutes) / 15)) — pocket assumes 15-minute blocks. */
export function maxEvidenceAgeBlocks(maxEvidenceAgeNs) {
    const minutes = maxEvidenceAgeNs / 60000000000n;
    const blocks = minutes / 15n;
    return blocks === 0n ? 1 : Number(blocks > 1000000000n ? 1000000000n : blocks);
}
export function handleDoubleSignEvidence(state, params, ctx) {
    const events = [];
    const maxAge = maxEvidenceAgeBlocks(params.maxEvidenceAgeNs);
    // A validator slashed by earlier evidence in this block is seen with its reduced stake.
    const touched = new Map();
    for (const evidence of ctx.evidence) {
        const address = evidence.voteA.validatorAddress;
        const evidenceHeight = evidence.voteA.height;
        const ignore = (reason) => {
            events.push({ type: 'DoubleSignEvidenceIgnored', address, evidenceHeight, reason });
        };
        if (ctx.height - evidenceHeight > maxAge) {
            ignore('too_old');
            continue;
        }
        const validator = touched.get(address) ?? state.pos.validators.get(address);
        if (validator === undefined || validator.status === StakeStatus.Unstaked) {
            ignore('unknown_validator');
            continue;
        }
        if (!state.pos.signingInfos.has(address)) {
            ignore('no_signing_info');
            continue;
        }
        // The set after block e−1 produced and signed block e (chain/producer.ts).
        const signers = state.pos.validatorSet.getAt(VALIDATOR_SET_KEY, evidenceHeight - 1) ?? [];
        const power = signers.find((member) => member.address === address)?.power;
        if (power === undefined) {
            ignore('not_in_validator_set');
            continue;
        }
        const plan = planSlash({
            validator,
            reason: 'double_sign',
            infractionHeight: evidenceHeight - 1,
            height: ctx.height,
            power,
            fraction: params.slashFractionDoubleSign,
            stakeMinimumUpokt: params.stakeMinimumUpokt,
        });
        if (plan === undefined)
            continue;
        events.push(...plan.events);
        touched.set(address, plan.after);
    }
    return events;
}
//# sourceMappingURL=evidence.js.map