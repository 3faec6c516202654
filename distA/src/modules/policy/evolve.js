/**
 * Monetary-policy evolvers: apply ./events.ts (never validate; a violation is a bug). App stake
 * leaves through auth/bank.ts `burn`, the only way supply falls.
 */
import { invariant } from '../../core/assert.js';
import { burn, MODULE_ADDRESSES } from '../auth/index.js';
export const policyEvolvers = {
    ApplicationStakeBurned: (state, event) => {
        const app = state.apps.applications.get(event.address);
        invariant(app !== undefined, () => `ApplicationStakeBurned: application ${event.address} not found`);
        const stakedTokensUpokt = app.stakedTokensUpokt - event.burnedUpokt;
        invariant(stakedTokensUpokt === event.stakeAfterUpokt, () => `ApplicationStakeBurned: ${event.address} would hold ${stakedTokensUpokt}, event says ${event.stakeAfterUpokt}`);
        burn(state.auth, MODULE_ADDRESSES.application_staked_tokens_pool, event.burnedUpokt);
        state.apps.applications.set(event.address, { ...app, stakedTokensUpokt });
    },
};
//# sourceMappingURL=evolve.js.map