/**
 * auth evolve: applies auth events. Never validates (decide did); a violation is a bug.
 *
 * Module functions take the slice of the ledger state they need, spelled with the same property
 * paths as the chain's LedgerState (here `{ auth }`), so the chain passes its whole state object
 * and modules never import the chain.
 */
import { transfer, type BankTables } from './bank.js';
import type { CoinsSent, FeeDeducted } from './events.js';
import { MODULE_ADDRESSES } from './state.js';

export interface AuthState {
  readonly auth: BankTables;
}

export const authEvolvers = {
  FeeDeducted: (state: AuthState, event: FeeDeducted): void =>
    transfer(state.auth, event.payer, MODULE_ADDRESSES.fee_collector, event.amountUpokt),
  CoinsSent: (state: AuthState, event: CoinsSent): void => transfer(state.auth, event.from, event.to, event.amountUpokt),
};
