/**
 * auth InitGenesis (x/auth/genesis.go): accounts with their balances and keys; the six module
 * accounts; total supply = the declared supply, or the sum of account balances when genesis
 * declares none (mainnet declares none).
 */
import type { GenesisDoc } from '../../genesis/types.js';
import type { BankTables } from './bank.js';
import { MODULE_ADDRESSES, TOTAL_SUPPLY_KEY } from './state.js';

export function initAuthGenesis(bank: BankTables, doc: GenesisDoc): void {
  for (const address of Object.values(MODULE_ADDRESSES)) bank.accounts.set(address, { balanceUpokt: 0n, publicKey: null });
  let sum = 0n;
  for (const account of doc.accounts) {
    bank.accounts.set(account.address, { balanceUpokt: account.balanceUpokt, publicKey: account.publicKey });
    sum += account.balanceUpokt;
  }
  bank.supply.set(TOTAL_SUPPLY_KEY, doc.declaredSupplyUpokt ?? sum);
}
