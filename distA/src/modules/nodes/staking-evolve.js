/**
 * Node staking evolvers: apply ./staking-events.ts to the state. They never validate (the
 * deciders did); a violated precondition is a bug and throws (InvariantError).
 *
 * Tokens only move through auth/bank.ts: stake in (signer → staked_tokens_pool), stake out
 * (pool → output address or operator). The validator-set power index and the unstaking queue
 * follow the `pos/validators` writes on their own (derived indexes).
 */
import { invariant } from '../../core/assert.js';
import { transfer } from '../auth/bank.js';
import { MODULE_ADDRESSES } from '../auth/state.js';
import { newSigningInfo, resetSigningInfo } from './signing-info.js';
import { StakeStatus } from './state.js';
function mustGet(state, address, event) {
    const validator = state.pos.validators.get(address);
    invariant(validator !== undefined, () => `${event}: validator ${address} not found`);
    return validator;
}
const pool = MODULE_ADDRESSES.staked_tokens_pool;
export const nodesStakingEvolvers = {
    NodeStaked: (state, event) => {
        invariant(!state.pos.validators.has(event.address), () => `NodeStaked: validator ${event.address} already exists`);
        transfer(state.auth, event.payer, pool, event.amountUpokt);
        state.pos.validators.set(event.address, {
            address: event.address,
            publicKey: event.publicKey,
            jailed: false,
            status: StakeStatus.Staked,
            chains: event.chains,
            serviceUrl: event.serviceUrl,
            tokensUpokt: event.amountUpokt,
            unstakingTimeNs: null,
            outputAddress: event.outputAddress,
            rewardDelegators: event.rewardDelegators,
        });
        if (!state.pos.signingInfos.has(event.address))
            state.pos.signingInfos.set(event.address, newSigningInfo(event.address, event.height));
    },
    NodeStakeEdited: (state, event) => {
        const current = mustGet(state, event.address, 'NodeStakeEdited');
        transfer(state.auth, event.payer, pool, event.addedUpokt);
        state.pos.validators.set(event.address, {
            ...current,
            tokensUpokt: current.tokensUpokt + event.addedUpokt,
            chains: event.chains,
            serviceUrl: event.serviceUrl,
            outputAddress: event.outputAddress,
            rewardDelegators: event.rewardDelegators,
        });
        state.pos.signingInfos.set(event.address, resetSigningInfo(state.pos.signingInfos.get(event.address), event.address, event.height));
    },
    NodeUnstakeRequested: (state, event) => {
        state.pos.waitingValidators.set(event.address, event.reason);
    },
    NodeForceUnstakeQueued: (state, event) => {
        if (event.jails)
            state.pos.validators.set(event.address, { ...mustGet(state, event.address, 'NodeForceUnstakeQueued'), jailed: true });
        state.pos.waitingValidators.set(event.address, event.reason);
    },
    NodeUnstakingStarted: (state, event) => {
        const current = mustGet(state, event.address, 'NodeUnstakingStarted');
        state.pos.validators.set(event.address, { ...current, status: StakeStatus.Unstaking, unstakingTimeNs: event.unstakingTimeNs });
        state.pos.waitingValidators.delete(event.address);
    },
    NodeUnstakeWaitDropped: (state, event) => {
        state.pos.waitingValidators.delete(event.address);
    },
    NodeUnstaked: (state, event) => {
        const current = mustGet(state, event.address, 'NodeUnstaked');
        invariant(current.tokensUpokt === event.amountUpokt, () => `NodeUnstaked: ${event.address} holds ${current.tokensUpokt}, event says ${event.amountUpokt}`);
        transfer(state.auth, pool, event.recipient, event.amountUpokt);
        state.pos.validators.delete(event.address);
        state.pos.signingInfos.delete(event.address);
        // Difference, on purpose: pocket-core leaves a waiting entry of a deleted validator in place,
        // where it would start unstaking a re-staked validator of the same address at the next
        // session end. The entry goes with the record here.
        state.pos.waitingValidators.delete(event.address);
    },
};
//# sourceMappingURL=staking-evolve.js.map