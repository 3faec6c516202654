/**
 * gov InitGenesis (x/gov/keeper/genesis.go): every module's parameters (pocket-core sets each
 * module's own subspace in its InitGenesis; the values and the result are the same) and the DAO
 * treasury, minted into the `dao` module account.
 */
import type { GenesisDoc } from '../../genesis/types.js';
import type { Table } from '../../state/table.js';
import { mint, type BankTables, MODULE_ADDRESSES } from '../auth/index.js';
import type { Upgrade } from '../../params/kinds.js';
import type { FeatureKey } from '../../core/features.js';
import { inactiveFeatures, PARAM_FEATURE } from './features.js';
import type { StoredParam } from './state.js';

export function initParamsGenesis(params: Table<StoredParam>, doc: GenesisDoc): void {
  for (const [key, value] of doc.params) params.set(key, { key, value });
}

/**
 * The gated params pocket-core's InitGenesis leaves unstored: those whose feature is not active
 * at the genesis height (SetParamSet skips them, types/param.go:306-313). Example: features
 * ["BLOCK:1000"] at height 0 → {pocketcore/BlockByteSize: BLOCK}; no features listed → {}.
 */
export function initUnstoredParams(unstored: Table<FeatureKey>, upgrade: Upgrade, height: number): void {
  const inactive = inactiveFeatures(upgrade, height);
  for (const [key, feature] of Object.entries(PARAM_FEATURE)) if (inactive.has(feature)) unstored.set(key, feature);
}

export function initDaoGenesis(bank: BankTables, doc: GenesisDoc): void {
  mint(bank, MODULE_ADDRESSES.dao, doc.daoTokensUpokt);
}
