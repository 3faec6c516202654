/**
 * apps InitGenesis (x/apps/genesis.go): application records with MaxRelays RECOMPUTED from the
 * params (the file's max_relays is ignored, as pocket-core does), their stakes moved into the
 * application staked pool and added to total supply.
 *
 * Order matters for the participation rate (when on): pocket-core computes every app's
 * MaxRelays inside the loop, before the app pool is credited, with the DAO not yet minted —
 * so the rate sees the node pool and account balances only. We reproduce that order.
 */
import type { GenesisDoc } from '../../genesis/types.js';
import type { Params } from '../../params/params.js';
import type { Table } from '../../state/table.js';
import { balanceOf, mint, totalSupply, type BankTables, MODULE_ADDRESSES } from '../auth/index.js';
import { StakeStatus } from '../nodes/index.js';
import { calculateAppRelays } from './max-relays.js';
import type { Application } from './state.js';

export function initAppsGenesis(bank: BankTables, applications: Table<Application>, params: Params, doc: GenesisDoc): void {
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
