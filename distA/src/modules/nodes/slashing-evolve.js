/**
 * Slashing evolvers: apply ./slashing-events.ts. They never validate (the deciders did); a
 * violated precondition is a bug and throws. Burned stake leaves staked_tokens_pool through
 * auth/bank.ts `burn`, the only way supply falls.
 */
import { invariant } from '../../core/assert.js';
import { burn } from '../auth/bank.js';
import { MODULE_ADDRESSES } from '../auth/state.js';
import { resetSigningInfo } from './signing-info.js';
function mustGet(state, address, event) {
    const validator = state.pos.validators.get(address);
    invariant(validator !== undefined, () => `${event}: validator ${address} not found`);
    return validator;
}
export const slashingEvolvers = {
    SigningInfosUpdated: (state, event) => {
        for (const info of event.infos)
            state.pos.signingInfos.set(info.address, info);
    },
    NodeSlashed: (state, event) => {
        const validator = mustGet(state, event.address, 'NodeSlashed');
        const tokensUpokt = validator.tokensUpokt - event.burnedUpokt;
        invariant(tokensUpokt === event.tokensAfterUpokt, () => `NodeSlashed: ${event.address} would hold ${tokensUpokt}, event says ${event.tokensAfterUpokt}`);
        burn(state.auth, MODULE_ADDRESSES.staked_tokens_pool, event.burnedUpokt);
        state.pos.validators.set(event.address, { ...validator, tokensUpokt });
    },
    NodeJailed: (state, event) => {
        state.pos.validators.set(event.address, { ...mustGet(state, event.address, 'NodeJailed'), jailed: true });
    },
    NodeUnjailed: (state, event) => {
        state.pos.validators.set(event.address, { ...mustGet(state, event.address, 'NodeUnjailed'), jailed: false });
        state.pos.signingInfos.set(event.address, resetSigningInfo(state.pos.signingInfos.get(event.address), event.address, event.height));
    },
    DoubleSignEvidenceIgnored: (_state, _event) => {
        // Nothing changes: the event only records why the evidence had no effect.
    },
};
//# sourceMappingURL=slashing-evolve.js.map