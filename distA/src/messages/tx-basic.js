/**
 * StdTx.ValidateBasic (x/auth/types/stdtx.go:184-192), the first step of the ante handler:
 * the declared fee coins must form a valid coin set (sdk:14) and the signature must not be
 * empty (sdk:4). Then ours: fee amounts in canonical decimal (ledger:5).
 *
 * Coins.IsValid (types/coin.go:201-234): no coins is valid; the first coin needs a denom
 * matching [a-z][a-z0-9]{2,15} and a positive amount; every further coin a lower-case denom
 * strictly greater than the previous one and a positive amount (its denom pattern is not
 * re-checked).
 */
import { rejection } from '../core/rejection.js';
import { err, ok } from '../core/result.js';
import { bigIntValue, isCanonicalAmountText } from './checks.js';
import { LEDGER, SDK } from '../core/codes.js';
const DENOM = /^[a-z][a-z0-9]{2,15}$/;
const isPositive = (coin) => (bigIntValue(coin.amount) ?? 0n) > 0n;
/** Go compares denoms as byte strings; JS `<` on UTF-16 agrees for the lower-case ASCII that passes. */
function feeCoinsAreValid(fee) {
    const [first, ...rest] = fee;
    if (first === undefined)
        return true;
    if (!DENOM.test(first.denom) || !isPositive(first))
        return false;
    let previous = first.denom;
    for (const coin of rest) {
        if (coin.denom.toLowerCase() !== coin.denom)
            return false;
        if (Buffer.compare(Buffer.from(coin.denom, 'utf8'), Buffer.from(previous, 'utf8')) <= 0)
            return false;
        if (!isPositive(coin))
            return false;
        previous = coin.denom;
    }
    return true;
}
export function validateTxBasic(tx) {
    if (!feeCoinsAreValid(tx.fee))
        return err(rejection(SDK.insufficient_fee, 'invalid fee amount provided'));
    if (tx.signature.signature === '')
        return err(rejection(SDK.unauthorized, 'empty signature'));
    for (const coin of tx.fee) {
        if (!isCanonicalAmountText(coin.amount))
            return err(rejection(LEDGER.non_canonical_integer, `fee amount ${JSON.stringify(coin.amount.slice(0, 80))} is not a canonical decimal`));
    }
    return ok(undefined);
}
/** The declared fee in uPOKT (Coins.AmountOf("upokt")); what the ante handler compares and deducts. */
export function declaredFeeUpokt(tx, denom = 'upokt') {
    let total = 0n;
    for (const coin of tx.fee)
        if (coin.denom === denom)
            total = bigIntValue(coin.amount) ?? 0n;
    return total;
}
//# sourceMappingURL=tx-basic.js.map