/**
 * Slashing evolvers: apply ./events.ts. They never validate (the deciders did); a
 * violated precondition is a bug and throws. Burned stake leaves staked_tokens_pool through
 * auth/bank.ts `burn`, the only way supply falls.
 */
import { invariant } from '../../core/assert.js';
import { burn, MODULE_ADDRESSES } from '../auth/index.js';
/** A validator's missed bits as the event states them: the new set, or no row when empty. */
function applyMissedBlocks(state, change) {
    if (change === undefined)
        return;
    if (change.indices.length === 0)
        state.slashing.missedBlocks.delete(change.address);
    else
        state.slashing.missedBlocks.set(change.address, change);
}
function mustGet(state, address, event) {
    const validator = state.nodes.validators.get(address);
    invariant(validator !== undefined, () => `${event}: validator ${address} not found`);
    return validator;
}
export const slashingEvolvers = {
    SigningInfosUpdated: (state, event) => {
        for (const info of event.infos)
            state.slashing.signingInfos.set(info.address, info);
        for (const change of event.missedBlocks ?? [])
            applyMissedBlocks(state, change);
    },
    SigningInfoSet: (state, event) => {
        state.slashing.signingInfos.set(event.info.address, event.info);
        applyMissedBlocks(state, event.missedBlocks);
    },
    NodeSlashed: (state, event) => {
        const validator = mustGet(state, event.address, 'NodeSlashed');
        const tokensUpokt = validator.tokensUpokt - event.burnedUpokt;
        invariant(tokensUpokt === event.tokensAfterUpokt, () => `NodeSlashed: ${event.address} would hold ${tokensUpokt}, event says ${event.tokensAfterUpokt}`);
        burn(state.auth, MODULE_ADDRESSES.staked_tokens_pool, event.burnedUpokt);
        state.nodes.validators.set(event.address, { ...validator, tokensUpokt });
    },
    NodeJailed: (state, event) => {
        state.nodes.validators.set(event.address, { ...mustGet(state, event.address, 'NodeJailed'), jailed: true });
    },
    NodeUnjailed: (state, event) => {
        state.nodes.validators.set(event.address, { ...mustGet(state, event.address, 'NodeUnjailed'), jailed: false });
        state.slashing.signingInfos.set(event.address, event.signingInfo);
        applyMissedBlocks(state, event.missedBlocks);
    },
    DoubleSignEvidenceIgnored: (_state, _event) => {
        // Nothing changes: the event only records why the evidence had no effect.
    },
};
/**
 * The slashing module's part of a nodes event, applied right after the nodes evolver (see
 * chain/evolve.ts): an unstaked validator's signing info goes with it (validator.go:116-121) —
 * unconditionally, as NodeUnstaked says — but NOT its missed bits: DeleteValidatorSigningInfo
 * (signing_info.go:35-38) leaves them for a later stake under the same address (state.ts). (What a stake or an edit does to the signing info is
 * decided before the events apply and carried by SigningInfoSet: ./stake-signing-info.ts.)
 */
export const slashingFollowUps = {
    NodeUnstaked: (state, event) => {
        state.slashing.signingInfos.delete(event.address);
    },
};
//# sourceMappingURL=evolve.js.map