import { balanceOf, mint, totalSupply, MODULE_ADDRESSES } from '../auth/index.js';
import { StakeStatus } from '../nodes/index.js';
import { calculateAppRelays } from './max-relays.js';
export function initAppsGenesis(bank, applications, params, doc) {
    const appPool = MODULE_ADDRESSES.application_staked_tokens_pool;
    let staked = 0n;
    for (const app of doc.applications) {
        const maxRelays = calculateAppRelays({
            stakeUpokt: app.stakedTokensUpokt,
            baseRelaysPerPokt: params.application.baseRelaysPerPokt,
            stabilityAdjustment: params.application.stabilityAdjustment,
            participationRateOn: params.application.participationRateOn,
            appsStakedPoolUpokt: balanceOf(bank, appPool),
            nodesStakedPoolUpokt: balanceOf(bank, MODULE_ADDRESSES.staked_tokens_pool),
            totalSupplyUpokt: totalSupply(bank),
        });
        applications.set(app.address, { ...app, status: StakeStatus.Staked, maxRelays });
        staked += app.stakedTokensUpokt;
    }
    mint(bank, appPool, staked);
}
//# sourceMappingURL=genesis.js.map