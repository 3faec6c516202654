/**
 * The node's mempool: txs admitted by CheckTx, waiting for a block.
 *
 * Admission (pocket-core CheckTx, baseapp/baseapp.go:752-780 → runTx in check mode):
 *   decode → ValidateBasic → signature → the ante handler's checks (memo, duplicate of a
 *   delivered tx, signer, fee ≥ minimum, fee affordable) against the CURRENT state, without
 *   applying anything: in check mode pocket-core discards the ante handler's writes
 *   (`msCache.Write()` only in deliver mode) and does not run the message handler
 *   (runMsgs: "skip actual execution for CheckTx mode"). So each tx is judged on its own
 *   against the last committed state, and a tx whose message will fail (e.g. a send of more
 *   than the balance) is admitted — it fails in its block and pays its fee there, as on Pocket.
 * Plus Tendermint's mempool rules: the same bytes already waiting → rejected (auth:6, the
 * ledger's duplicate code; Tendermint answers "tx already exists in cache"); a full mempool
 * (count or bytes) → rejected with `full`.
 *
 * Order: FIFO (arrival order). Reaping takes the longest prefix that fits the block's byte
 * budget. After each block, `update` drops the included txs and re-checks the rest against the
 * new state (Tendermint's recheck), evicting those that became invalid (e.g. their signer can no
 * longer pay the fee, or the same bytes were delivered).
 *
 * DEV_NOTE: the mempool is node-local input selection, not consensus: which txs a block holds
 * is recorded in the block itself, so nothing here needs to be deterministic across machines.
 */
import { runAnte } from '../chain/ante.js';
import type { LedgerState } from '../chain/ledger-state.js';
import { prepareTx, verifyPrepared, type PreparedTx } from '../chain/prepare.js';
import { rejection, type Rejection } from '../core/rejection.js';
import { AUTH } from '../messages/index.js';
import { prefixWithinBudget } from './block-budget.js';

export interface MempoolOptions {
  /** Most txs waiting at once (Tendermint's default mempool size: 5,000). */
  readonly maxTxs?: number;
  /** Most bytes waiting at once (default 64 MiB). */
  readonly maxBytes?: number;
}

export type CheckOutcome =
  | { readonly ok: true; readonly hash: string; readonly prepared: PreparedTx }
  | { readonly ok: false; readonly hash: string; readonly rejection: Rejection };

/** A full mempool is not a verdict on the tx (it may be admitted later): no code, a reason. */
export type AddOutcome = CheckOutcome | { readonly ok: false; readonly hash: string; readonly full: string };

export interface MempoolUpdate {
  readonly included: number;
  readonly evicted: ReadonlyArray<{ readonly hash: string; readonly rejection: Rejection }>;
}

export const DEFAULT_MEMPOOL_MAX_TXS = 5_000;
export const DEFAULT_MEMPOOL_MAX_BYTES = 64 * 1024 * 1024;

/** CheckTx against `state`: what the node answers before admitting a tx. Reads only. */
export function checkTx(state: LedgerState, bytes: Uint8Array, chainId: string): CheckOutcome {
  const prepared = prepareTx(bytes, chainId);
  const verdict = recheck(state, prepared);
  return verdict === undefined ? { ok: true, hash: prepared.hash, prepared } : { ok: false, hash: prepared.hash, rejection: verdict };
}

/** The rejection CheckTx gives a prepared tx against `state`, or undefined if it passes. */
function recheck(state: LedgerState, prepared: PreparedTx): Rejection | undefined {
  if (!prepared.decoded.ok) return prepared.decoded.error;
  if (prepared.message === undefined || !prepared.message.ok) return prepared.message?.error;
  if (prepared.signature === 'unchecked') verifyPrepared(prepared);
  const ante = runAnte(state, prepared, prepared.decoded.value, prepared.message.value);
  return ante.ok ? undefined : ante.error;
}

export class Mempool {
  /** hash → prepared tx; Map order is arrival order (FIFO). */
  private readonly waiting = new Map<string, PreparedTx>();
  private waitingBytes = 0;
  readonly maxTxs: number;
  readonly maxBytes: number;

  constructor(
    readonly chainId: string,
    options: MempoolOptions = {},
  ) {
    this.maxTxs = options.maxTxs ?? DEFAULT_MEMPOOL_MAX_TXS;
    this.maxBytes = options.maxBytes ?? DEFAULT_MEMPOOL_MAX_BYTES;
  }

  get size(): number {
    return this.waiting.size;
  }

  get bytes(): number {
    return this.waitingBytes;
  }

  has(hash: string): boolean {
    return this.waiting.has(hash);
  }

  /** CheckTx, then admit: the answer `POST /v1/client/rawtx` returns. */
  add(state: LedgerState, bytes: Uint8Array): AddOutcome {
    const checked = checkTx(state, bytes, this.chainId);
    if (this.waiting.has(checked.hash)) return { ok: false, hash: checked.hash, rejection: rejection(AUTH.duplicate_tx, `tx ${checked.hash} is already in the mempool`) };
    if (!checked.ok) return checked;
    if (this.waiting.size >= this.maxTxs || this.waitingBytes + bytes.byteLength > this.maxBytes) {
      return { ok: false, hash: checked.hash, full: `mempool is full: ${this.waiting.size} txs, ${this.waitingBytes} bytes (limits ${this.maxTxs} txs, ${this.maxBytes} bytes)` };
    }
    this.waiting.set(checked.hash, checked.prepared);
    this.waitingBytes += bytes.byteLength;
    return checked;
  }

  /** The waiting txs, oldest first, that fit `budgetBytes` of block (framed) and `maxTxs`. */
  reap(budgetBytes: number, maxTxs?: number): PreparedTx[] {
    return prefixWithinBudget([...this.waiting.values()], (tx) => tx.bytes, budgetBytes, maxTxs);
  }

  /** After a block: drop its txs, then re-check every waiting tx against the new state. */
  update(state: LedgerState, blockTxs: readonly PreparedTx[]): MempoolUpdate {
    let included = 0;
    for (const tx of blockTxs) if (this.remove(tx.hash)) included++;
    const evicted: Array<{ hash: string; rejection: Rejection }> = [];
    for (const [hash, prepared] of [...this.waiting]) {
      const verdict = recheck(state, prepared);
      if (verdict === undefined) continue;
      this.remove(hash);
      evicted.push({ hash, rejection: verdict });
    }
    return { included, evicted };
  }

  private remove(hash: string): boolean {
    const tx = this.waiting.get(hash);
    if (tx === undefined) return false;
    this.waiting.delete(hash);
    this.waitingBytes -= tx.bytes.byteLength;
    return true;
  }
}
