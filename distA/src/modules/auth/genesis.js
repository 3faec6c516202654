import { MODULE_ADDRESSES, TOTAL_SUPPLY_KEY } from './state.js';
export function initAuthGenesis(bank, doc) {
    for (const address of Object.values(MODULE_ADDRESSES))
        bank.accounts.set(address, { balanceUpokt: 0n, publicKey: null });
    let sum = 0n;
    for (const account of doc.accounts) {
        bank.accounts.set(account.address, { balanceUpokt: account.balanceUpokt, publicKey: account.publicKey });
        sum += account.balanceUpokt;
    }
    bank.supply.set(TOTAL_SUPPLY_KEY, doc.declaredSupplyUpokt ?? sum);
}
//# sourceMappingURL=genesis.js.map