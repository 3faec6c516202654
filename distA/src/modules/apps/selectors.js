import { maxPossibleRelays } from './max-relays.js';
/**
 * IsMsgAppTransfer (x/apps/keeper/appUtil.go:35-63): the tx signer may sign an app-transfer
 * StakeApp for another key when the signer is an existing application and the message is the
 * transfer form addressed to a different key. Then the signer joins the acceptable signers.
 */
export function appTransferSigner(applications, txSigner, message) {
    if (message.type !== 'StakeApp' || !message.transfer)
        return undefined;
    if (txSigner === message.applicationAddress)
        return undefined;
    return applications.has(txSigner) ? txSigner : undefined;
}
/**
 * An application's per-node, per-session relay allowance (MaxPossibleRelays,
 * x/pocketcore/types/session.go:290-294): round_half_even(MaxRelays ÷ #chains ÷ SessionNodeCount),
 * with SessionNodeCount as of the session start. Example (TV-8 row 2): MaxRelays 4,456,700,000,
 * 1 chain, 24 nodes → 185,695,833.
 */
export function relaysPerNodePerSession(app, sessionNodeCount) {
    return maxPossibleRelays(app.maxRelays, app.chains.length, sessionNodeCount);
}
//# sourceMappingURL=selectors.js.map