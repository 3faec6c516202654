/**
 * auth message rules. MsgSend (x/nodes/handler.go:170-185 → x/auth/keeper/bank.go:114-136):
 * move `amount` from the sender to the recipient; the sender (who already paid the fee in the
 * ante handler) must hold it, else sdk:10. Self-sends and sends to module accounts are allowed,
 * as in pocket-core.
 */
import { accepted, rejected } from '../../core/outcome.js';
import { rejection } from '../../core/rejection.js';
import { SDK } from '../../messages/index.js';
export function decideSend(state, msg) {
    const balance = state.auth.accounts.get(msg.fromAddress)?.balanceUpokt ?? 0n;
    if (balance < msg.amountUpokt) {
        return rejected(rejection(SDK.insufficient_coins, `insufficient account funds; ${balance}upokt < ${msg.amountUpokt}upokt`));
    }
    return accepted({ type: 'CoinsSent', from: msg.fromAddress, to: msg.toAddress, amountUpokt: msg.amountUpokt });
}
//# sourceMappingURL=decide.js.map