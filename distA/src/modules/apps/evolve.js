/**
 * apps evolvers: apply ./events.ts to the state (never validate; a broken precondition is a
 * bug). Stake moves only between the app's own address and application_staked_tokens_pool.
 */
import { invariant } from '../../core/assert.js';
import { transfer, MODULE_ADDRESSES } from '../auth/index.js';
import { StakeStatus } from '../nodes/index.js';
const pool = MODULE_ADDRESSES.application_staked_tokens_pool;
function mustGet(state, address, event) {
    const app = state.apps.applications.get(address);
    invariant(app !== undefined, () => `${event}: application ${address} not found`);
    return app;
}
export const appsEvolvers = {
    AppStaked: (state, event) => {
        invariant(!state.apps.applications.has(event.address), () => `AppStaked: application ${event.address} already exists`);
        transfer(state.auth, event.address, pool, event.amountUpokt);
        state.apps.applications.set(event.address, {
            address: event.address,
            publicKey: event.publicKey,
            jailed: false,
            status: StakeStatus.Staked,
            chains: event.chains,
            stakedTokensUpokt: event.amountUpokt,
            maxRelays: event.maxRelays,
            unstakingTimeNs: null,
        });
    },
    AppStakeEdited: (state, event) => {
        const current = mustGet(state, event.address, 'AppStakeEdited');
        transfer(state.auth, event.address, pool, event.addedUpokt);
        state.apps.applications.set(event.address, {
            ...current,
            stakedTokensUpokt: current.stakedTokensUpokt + event.addedUpokt,
            chains: event.chains,
            maxRelays: event.maxRelays,
        });
    },
    AppTransferred: (state, event) => {
        const current = mustGet(state, event.from, 'AppTransferred');
        invariant(!state.apps.applications.has(event.to), () => `AppTransferred: ${event.to} already holds an application`);
        // TransferApplication (x/apps/keeper/appStateChanges.go:354-373): copy, status Staked, new key.
        state.apps.applications.set(event.to, { ...current, address: event.to, publicKey: event.toPublicKey, status: StakeStatus.Staked });
        state.apps.applications.delete(event.from);
    },
    AppUnstakingStarted: (state, event) => {
        const current = mustGet(state, event.address, 'AppUnstakingStarted');
        state.apps.applications.set(event.address, { ...current, status: StakeStatus.Unstaking, unstakingTimeNs: event.unstakingTimeNs });
    },
    AppUnstaked: (state, event) => {
        const current = mustGet(state, event.address, 'AppUnstaked');
        invariant(current.stakedTokensUpokt === event.amountUpokt, () => `AppUnstaked: ${event.address} holds ${current.stakedTokensUpokt}, event says ${event.amountUpokt}`);
        transfer(state.auth, pool, event.address, event.amountUpokt);
        state.apps.applications.delete(event.address);
    },
    AppUnjailed: (state, event) => {
        state.apps.applications.set(event.address, { ...mustGet(state, event.address, 'AppUnjailed'), jailed: false });
    },
};
//# sourceMappingURL=evolve.js.map