/**
 * CheckTx's state (Cosmos baseapp `checkState`): the last committed state plus the effect on
 * their payers of every tx admitted since, so that each tx is judged after the txs admitted
 * before it, not on its own against the last block.
 *
 * What is carried, per admitted tx, for its signer (the fee payer, post-[NCUST]):
 *  - the declared fee (the ante handler's deduction, as Cosmos' checkState keeps it);
 *  - its spend (`spendOf`: a Send's amount, a new stake's value, an edit's raise) when the
 *    balance left after the fee covers it. A tx whose spend is not covered is still admitted,
 *    as pocket-core's CheckTx admits it: in its block it fails and pays only its fee, which is
 *    then all the check state carries for it;
 *  - its replay key (replay-key.ts): a second encoding of a waiting tx is refused (ledger:20).
 * Credits (a Send's recipient) are not carried: a tx paid from funds that are still waiting to
 * arrive is refused until they are delivered. Judging is the ante handler itself (ante.ts), run
 * over a view of the state whose balances have the pending debits taken off.
 *
 * Example: an account holding 10,001 uPOKT submits 5,000 sends of 1 uPOKT (fee 10,000 each).
 * The first is admitted and carries 10,001; every later one finds 0 uPOKT to pay its fee with
 * and is refused (auth:6, as pocket-core answers an unaffordable fee).
 *
 * DEV_NOTE: node-local input selection, never consensus: nothing here reaches a block's
 * outcome, which the reducer decides again from the committed state.
 */
import { match, P } from 'ts-pattern';
import { invariant } from '../core/assert.js';
import { rejection } from '../core/rejection.js';
import { err, ok } from '../core/result.js';
import { LEDGER } from '../messages/index.js';
import { runAnte } from './ante.js';
import { verifyPrepared } from './prepare.js';
const positive = (value) => (value > 0n ? value : 0n);
/**
 * uPOKT a message moves out of its signer's account when it succeeds, the fee aside: a Send's
 * amount; a node or app stake's value, or for an existing stake the raise (value − tokens);
 * nothing for every other message (DAO transfers pay from the DAO, not the signer).
 */
export function spendOf(state, message) {
    return match(message)
        .with({ type: 'Send' }, (m) => m.amountUpokt)
        .with({ type: 'StakeNode' }, (m) => positive(m.valueUpokt - (state.nodes.validators.get(m.operatorAddress)?.tokensUpokt ?? 0n)))
        .with({ type: 'StakeApp' }, (m) => positive(m.valueUpokt - (state.apps.applications.get(m.applicationAddress)?.stakedTokensUpokt ?? 0n)))
        .with({ type: P.union('BeginUnstakeNode', 'UnjailNode', 'BeginUnstakeApp', 'UnjailApp', 'Claim', 'Proof', 'ParamChange', 'DAOTransfer', 'Upgrade') }, () => 0n)
        .exhaustive();
}
/** The accounts table with the pending debits taken off the balances (reads only). */
class DebitedAccounts {
    accounts;
    debits;
    constructor(accounts, debits) {
        this.accounts = accounts;
        this.debits = debits;
    }
    get name() {
        return this.accounts.name;
    }
    get size() {
        return this.accounts.size;
    }
    get(key) {
        const account = this.accounts.get(key);
        const debit = this.debits.get(key);
        return account === undefined || debit === undefined ? account : { ...account, balanceUpokt: account.balanceUpokt - debit };
    }
    has(key) {
        return this.accounts.has(key);
    }
    /** History is committed history: pending txs are not part of it. */
    getAt(key, height) {
        return this.accounts.getAt(key, height);
    }
    sortedKeys() {
        return this.accounts.sortedKeys();
    }
    *sortedEntries() {
        for (const [key] of this.accounts.sortedEntries())
            yield [key, this.get(key)];
    }
    *unorderedValues() {
        for (const key of this.accounts.unorderedKeys())
            yield this.get(key);
    }
    unorderedKeys() {
        return this.accounts.unorderedKeys();
    }
}
export class CheckState {
    committed;
    debits = new Map();
    replayKeys = new Set();
    /** The committed state as the pending txs leave it (balances only). */
    view;
    constructor(committed) {
        this.committed = committed;
        this.view = { ...committed, auth: { ...committed.auth, accounts: new DebitedAccounts(committed.auth.accounts, this.debits) } };
    }
    /** uPOKT `address` holds once its pending txs are paid for. */
    available(address) {
        return this.view.auth.accounts.get(address)?.balanceUpokt ?? 0n;
    }
    /** CheckTx: would `prepared` be admitted after the pending txs? Reads only (verifies the signature once). */
    check(prepared) {
        if (!prepared.decoded.ok)
            return prepared.decoded;
        const message = prepared.message;
        invariant(message !== undefined, 'a decoded tx always has a ValidateBasic result');
        if (!message.ok)
            return message;
        if (prepared.signature === 'unchecked')
            verifyPrepared(prepared);
        const ante = runAnte(this.view, prepared, prepared.decoded.value, message.value);
        if (!ante.ok)
            return ante;
        const { signer, replayKey, feeUpokt } = ante.value;
        if (this.replayKeys.has(replayKey)) {
            return err(rejection(LEDGER.signed_tx_already_delivered, `a tx with this sign document, signed by ${signer}, is already waiting in the mempool`));
        }
        const spend = spendOf(this.committed, message.value);
        const covered = spend <= this.available(signer) - feeUpokt;
        return ok({ prepared, signer, replayKey, debitUpokt: covered ? feeUpokt + spend : feeUpokt });
    }
    /** Carry an admitted tx (one that `check` passed, in admission order). */
    add(tx) {
        this.debits.set(tx.signer, (this.debits.get(tx.signer) ?? 0n) + tx.debitUpokt);
        this.replayKeys.add(tx.replayKey);
    }
    /**
     * Drop a tx's debit and replay key. Exact only for the signer's NEWEST pending tx (the debits
     * of its later txs were judged with this one carried): the mempool evicts newest first.
     */
    remove(tx) {
        const left = (this.debits.get(tx.signer) ?? 0n) - tx.debitUpokt;
        if (left === 0n)
            this.debits.delete(tx.signer);
        else
            this.debits.set(tx.signer, left);
        this.replayKeys.delete(tx.replayKey);
    }
}
//# sourceMappingURL=check-state.js.map