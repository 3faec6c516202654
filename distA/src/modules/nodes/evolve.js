/**
 * nodes evolvers: apply ./events.ts to the state. They never validate (the
 * deciders did); a violated precondition is a bug and throws (InvariantError).
 *
 * Tokens only move through auth/bank.ts: stake in (signer → staked_tokens_pool), stake out
 * (pool → output address or operator). The validator-set power index and the unstaking queue
 * follow the `pos/validators` writes on their own (derived indexes).
 */
import { invariant } from '../../core/assert.js';
import { burn, transfer, MODULE_ADDRESSES } from '../auth/index.js';
import { StakeStatus, VALIDATOR_SET_KEY } from './state.js';
function mustGet(state, address, event) {
    const validator = state.nodes.validators.get(address);
    invariant(validator !== undefined, () => `${event}: validator ${address} not found`);
    return validator;
}
const pool = MODULE_ADDRESSES.staked_tokens_pool;
export const nodesEvolvers = {
    NodeStaked: (state, event) => {
        invariant(!state.nodes.validators.has(event.address), () => `NodeStaked: validator ${event.address} already exists`);
        transfer(state.auth, event.payer, pool, event.amountUpokt);
        state.nodes.validators.set(event.address, {
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
    },
    NodeStakeEdited: (state, event) => {
        const current = mustGet(state, event.address, 'NodeStakeEdited');
        transfer(state.auth, event.payer, pool, event.addedUpokt);
        state.nodes.validators.set(event.address, {
            ...current,
            tokensUpokt: current.tokensUpokt + event.addedUpokt,
            chains: event.chains,
            serviceUrl: event.serviceUrl,
            outputAddress: event.outputAddress,
            rewardDelegators: event.rewardDelegators,
        });
    },
    NodeUnstakeRequested: (state, event) => {
        state.nodes.waitingValidators.set(event.address, event.reason);
    },
    NodeForceUnstakeQueued: (state, event) => {
        if (event.jails)
            state.nodes.validators.set(event.address, { ...mustGet(state, event.address, 'NodeForceUnstakeQueued'), jailed: true });
        state.nodes.waitingValidators.set(event.address, event.reason);
    },
    NodeUnstakingStarted: (state, event) => {
        const current = mustGet(state, event.address, 'NodeUnstakingStarted');
        state.nodes.validators.set(event.address, { ...current, status: StakeStatus.Unstaking, unstakingTimeNs: event.unstakingTimeNs });
        state.nodes.waitingValidators.delete(event.address);
    },
    NodeUnstakeWaitDropped: (state, event) => {
        state.nodes.waitingValidators.delete(event.address);
    },
    NodeUnstaked: (state, event) => {
        const current = mustGet(state, event.address, 'NodeUnstaked');
        invariant(current.tokensUpokt === event.amountUpokt, () => `NodeUnstaked: ${event.address} holds ${current.tokensUpokt}, event says ${event.amountUpokt}`);
        transfer(state.auth, pool, event.recipient, event.amountUpokt);
        state.nodes.validators.delete(event.address);
        // Difference, on purpose: pocket-core leaves a waiting entry of a deleted validator in place,
        // where it would start unstaking a re-staked validator of the same address at the next
        // session end. The entry goes with the record here.
        state.nodes.waitingValidators.delete(event.address);
    }, BlockRewardDistributed: (state, event) => {
        const collector = MODULE_ADDRESSES.fee_collector;
        burn(state.auth, collector, event.burnedUpokt);
        transfer(state.auth, collector, MODULE_ADDRESSES.dao, event.daoUpokt);
        for (const share of event.shares)
            transfer(state.auth, collector, share.address, share.amountUpokt);
    },
    ValidatorSetUpdated: (state, event) => {
        state.nodes.validatorSet.set(VALIDATOR_SET_KEY, event.members);
    },
};
//# sourceMappingURL=evolve.js.map