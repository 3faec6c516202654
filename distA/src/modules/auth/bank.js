/**
 * Balance primitives every module's state changes go through. They never validate (the
 * deciding code already did): a balance going negative here is a bug and throws.
 *
 * Supply accounting: `mint` and `burn` are the only functions that change total supply, so
 * total == genesis + Σ mint − Σ burn holds by construction (and is checked after every block).
 */
import { invariant } from '../../core/assert.js';
import { TOTAL_SUPPLY_KEY } from './state.js';
export function balanceOf(bank, address) {
    return bank.accounts.get(address)?.balanceUpokt ?? 0n;
}
export function totalSupply(bank) {
    return bank.supply.get(TOTAL_SUPPLY_KEY) ?? 0n;
}
/** Add (or, with a negative delta, remove) uPOKT; creates the account on first credit. */
export function adjustBalance(bank, address, deltaUpokt) {
    if (deltaUpokt === 0n)
        return;
    const account = bank.accounts.get(address);
    const balanceUpokt = (account?.balanceUpokt ?? 0n) + deltaUpokt;
    invariant(balanceUpokt >= 0n, () => `balance of ${address} would go negative (${balanceUpokt})`);
    bank.accounts.set(address, { balanceUpokt, publicKey: account?.publicKey ?? null });
}
export function transfer(bank, from, to, amountUpokt) {
    invariant(amountUpokt >= 0n, 'negative transfer');
    if (amountUpokt === 0n || from === to) {
        // A self-send still must be affordable; deciding code checked that. Nothing moves.
        return;
    }
    adjustBalance(bank, from, -amountUpokt);
    adjustBalance(bank, to, amountUpokt);
}
export function mint(bank, to, amountUpokt) {
    invariant(amountUpokt >= 0n, 'negative mint');
    if (amountUpokt === 0n)
        return;
    adjustBalance(bank, to, amountUpokt);
    bank.supply.set(TOTAL_SUPPLY_KEY, totalSupply(bank) + amountUpokt);
}
export function burn(bank, from, amountUpokt) {
    invariant(amountUpokt >= 0n, 'negative burn');
    if (amountUpokt === 0n)
        return;
    adjustBalance(bank, from, -amountUpokt);
    bank.supply.set(TOTAL_SUPPLY_KEY, totalSupply(bank) - amountUpokt);
}
//# sourceMappingURL=bank.js.map