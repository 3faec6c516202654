/**
 * gov InitGenesis (x/gov/keeper/genesis.go): every module's parameters (pocket-core sets each
 * module's own subspace in its InitGenesis; the values and the result are the same) and the DAO
 * treasury, minted into the `dao` module account.
 */
import type { GenesisDoc } from '../../genesis/types.js';
import type { Table } from '../../state/table.js';
import { mint, type BankTables, MODULE_ADDRESSES } from '../auth/index.js';
import type { StoredParam } from './state.js';

export function initParamsGenesis(params: Table<StoredParam>, doc: GenesisDoc): void {
  for (const [key, value] of doc.params) params.set(key, { key, value });
}

export function initDaoGenesis(bank: BankTables, doc: GenesisDoc): void {
  mint(bank, MODULE_ADDRESSES.dao, doc.daoTokensUpokt);
}
