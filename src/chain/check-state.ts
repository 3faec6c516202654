/**
 * CheckTx's state (Cosmos baseapp `checkState`): the last committed state plus the effect on
 * their payers of every tx admitted since, so that each tx is judged after the txs admitted
 * before it, not on its own against the last block.
 *
 * What is carried, per admitted tx, for its signer (the fee payer, post-[NCUST]):
 *  - the declared fee (the ante handler's deduction, as Cosmos' checkState keeps it — a
 *    deliberate difference from pocket-core, whose runTx writes the ante cache only in deliver
 *    mode (baseapp/baseapp.go:1061-1063), so there each tx is judged alone against the last
 *    block and an account holding one fee gets every tx in; docs/threat-model.md);
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
import { rejection, type Rejection } from '../core/rejection.js';
import { err, ok, type Result } from '../core/result.js';
import type { Address } from '../core/types.js';
import { LEDGER, type Message } from '../messages/index.js';
import type { FeatureSet } from '../core/features.js';
import type { Account } from '../modules/auth/index.js';
import { inactiveFeatures } from '../modules/gov/index.js';
import { CHAIN_META_KEY } from '../state/chain-tables.js';
import type { ReadonlyTable } from '../state/table.js';
import { runAnte } from './ante.js';
import { verifyPrepared, type PreparedTx } from './prepare.js';
import type { ReadonlyLedgerState } from './readonly.js';

/** An admitted tx and what it holds of its signer's balance. */
export interface PendingTx {
  readonly prepared: PreparedTx;
  readonly signer: Address;
  readonly replayKey: string;
  /** Fee + spend (the spend only when covered): what delivering it after the earlier pending txs takes. */
  readonly debitUpokt: bigint;
}

const positive = (value: bigint): bigint => (value > 0n ? value : 0n);

/**
 * uPOKT a message moves out of its signer's account when it succeeds, the fee aside: a Send's
 * amount; a node or app stake's value, or for an existing stake the raise (value − tokens);
 * nothing for every other message (DAO transfers pay from the DAO, not the signer).
 */
export function spendOf(state: ReadonlyLedgerState, message: Message): bigint {
  return match(message)
    .with({ type: 'Send' }, (m) => m.amountUpokt)
    .with({ type: 'StakeNode' }, (m) => positive(m.valueUpokt - (state.nodes.validators.get(m.operatorAddress)?.tokensUpokt ?? 0n)))
    .with({ type: 'StakeApp' }, (m) => positive(m.valueUpokt - (state.apps.applications.get(m.applicationAddress)?.stakedTokensUpokt ?? 0n)))
    .with({ type: P.union('BeginUnstakeNode', 'UnjailNode', 'BeginUnstakeApp', 'UnjailApp', 'Claim', 'Proof', 'ParamChange', 'DAOTransfer', 'Upgrade') }, () => 0n)
    .exhaustive();
}

/** The accounts table with the pending debits taken off the balances (reads only). */
class DebitedAccounts implements ReadonlyTable<Account> {
  constructor(
    private readonly accounts: ReadonlyTable<Account>,
    private readonly debits: ReadonlyMap<string, bigint>,
  ) {}

  get name(): string {
    return this.accounts.name;
  }

  get size(): number {
    return this.accounts.size;
  }

  get(key: string): Account | undefined {
    const account = this.accounts.get(key);
    const debit = this.debits.get(key);
    return account === undefined || debit === undefined ? account : { ...account, balanceUpokt: account.balanceUpokt - debit };
  }

  has(key: string): boolean {
    return this.accounts.has(key);
  }

  /** History is committed history: pending txs are not part of it. */
  getAt(key: string, height: number): Account | undefined {
    return this.accounts.getAt(key, height);
  }

  sortedKeys(): string[] {
    return this.accounts.sortedKeys();
  }

  *sortedEntries(): IterableIterator<[string, Account]> {
    for (const [key] of this.accounts.sortedEntries()) yield [key, this.get(key)!];
  }

  *unorderedValues(): IterableIterator<Account> {
    for (const key of this.accounts.unorderedKeys()) yield this.get(key)!;
  }

  unorderedKeys(): IterableIterator<string> {
    return this.accounts.unorderedKeys();
  }
}

export class CheckState {
  private readonly debits = new Map<Address, bigint>();
  private readonly replayKeys = new Set<string>();
  /** The committed state as the pending txs leave it (balances only). */
  private readonly view: ReadonlyLedgerState;
  /** Features off in the block these txs are for (the next one): the ante handler asks. */
  private readonly inactiveFeatures: FeatureSet;

  constructor(readonly committed: ReadonlyLedgerState) {
    this.view = { ...committed, auth: { ...committed.auth, accounts: new DebitedAccounts(committed.auth.accounts, this.debits) } };
    const nextHeight = (committed.chain.meta.get(CHAIN_META_KEY)?.height ?? 0) + 1;
    this.inactiveFeatures = inactiveFeatures(committed.params().gov.upgrade, nextHeight);
  }

  /** uPOKT `address` holds once its pending txs are paid for. */
  available(address: Address): bigint {
    return this.view.auth.accounts.get(address)?.balanceUpokt ?? 0n;
  }

  /** CheckTx: would `prepared` be admitted after the pending txs? Reads only (verifies the signature once). */
  check(prepared: PreparedTx): Result<PendingTx, Rejection> {
    if (!prepared.decoded.ok) return prepared.decoded;
    const message = prepared.message;
    invariant(message !== undefined, 'a decoded tx always has a ValidateBasic result');
    if (!message.ok) return message;
    if (prepared.signature === 'unchecked') verifyPrepared(prepared);
    const ante = runAnte(this.view, prepared, prepared.decoded.value, message.value, this.inactiveFeatures, this.view.auth.txIndex.has(prepared.hash));
    if (!ante.ok) return ante;
    const { signer, replayKey, feeUpokt } = ante.value;
    if (this.replayKeys.has(replayKey)) {
      return err(rejection(LEDGER.signed_tx_already_delivered, `a tx with this sign document, signed by ${signer}, is already waiting in the mempool`));
    }
    const spend = spendOf(this.committed, message.value);
    const covered = spend <= this.available(signer) - feeUpokt;
    return ok({ prepared, signer, replayKey, debitUpokt: covered ? feeUpokt + spend : feeUpokt });
  }

  /** Carry an admitted tx (one that `check` passed, in admission order). */
  add(tx: PendingTx): void {
    this.debits.set(tx.signer, (this.debits.get(tx.signer) ?? 0n) + tx.debitUpokt);
    this.replayKeys.add(tx.replayKey);
  }

  /**
   * Drop a tx's debit and replay key. Exact only for the signer's NEWEST pending tx (the debits
   * of its later txs were judged with this one carried): the mempool evicts newest first.
   */
  remove(tx: PendingTx): void {
    const left = (this.debits.get(tx.signer) ?? 0n) - tx.debitUpokt;
    if (left === 0n) this.debits.delete(tx.signer);
    else this.debits.set(tx.signer, left);
    this.replayKeys.delete(tx.replayKey);
  }
}
