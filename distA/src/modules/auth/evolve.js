/**
 * auth evolve: applies auth events. Never validates (decide did); a violation is a bug.
 *
 * Module functions take the slice of the ledger state they need, spelled with the same property
 * paths as the chain's LedgerState (here `{ auth }`), so the chain passes its whole state object
 * and modules never import the chain.
 */
import { transfer } from './bank.js';
import { MODULE_ADDRESSES } from './state.js';
export const authEvolvers = {
    FeeDeducted: (state, event) => transfer(state.auth, event.payer, MODULE_ADDRESSES.fee_collector, event.amountUpokt),
    CoinsSent: (state, event) => transfer(state.auth, event.from, event.to, event.amountUpokt),
};
//# sourceMappingURL=evolve.js.map