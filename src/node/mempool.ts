/**
 * The node's mempool: txs admitted by CheckTx, waiting for a block.
 *
 * Admission (pocket-core CheckTx, baseapp/baseapp.go:752-780 → runTx in check mode):
 *   decode → canonical encoding (ours) → ValidateBasic → signature → the ante handler's checks
 *   (memo, duplicate of a delivered tx, signer, fee ≥ minimum, replay key, fee affordable)
 *   against the CHECK STATE (chain/check-state.ts): the last committed state plus the fee and
 *   spend of every tx admitted since. The message itself is not run (runMsgs: "skip actual
 *   execution for CheckTx mode"), so a tx whose message will fail (e.g. a send of more than the
 *   balance) is admitted — it fails in its block and pays its fee there, as on Pocket.
 * Plus the pool's own rules:
 *  - bytes this node has taken in — waiting, or delivered with code 0 since — are answered from
 *    Tendermint's seen-tx cache before CheckTx (`inCache`, HTTP 400; SeenTxs below);
 *  - bytes that neither known encoder writes for their content → ledger:21 (below);
 *  - per-sender cap: at most `maxTxsPerSender` waiting txs per signer → `full` (retry later);
 *  - a full pool (count or bytes) makes room by fair share: the newest tx of the sender holding
 *    the most slots is evicted, if that sender holds at least two more than the newcomer's
 *    sender would (so eviction never just swaps who holds more); ties go to the sender whose
 *    newest tx arrived last. Otherwise → `full`. A funded sender therefore always gets a slot
 *    while anyone holds two or more; a flood only ever displaces the flooder's own newest txs.
 *
 * Canonical encodings only (node policy, not consensus): a tx is admitted only if re-encoding
 * what it decodes to reproduces its bytes with one of the known encoders' habits
 * (wire/tx.ts canonicalEncodingStyle: pocket-core's gogoproto, or 2020-21 pocket-js, which is
 * what the real mainnet tx in test/fixtures is). This keeps a tx's hash what its sender
 * computed: nobody can get a re-encoding of someone else's tx into this node's blocks ahead of
 * it. The reducer still accepts every encoding pocket-core decodes (parity, and re-checking
 * the encoding would cost a re-encode per tx on replay): the replay key, not the encoding,
 * is what makes a second delivery impossible there.
 *
 * Order: FIFO (arrival order). Reaping takes the longest prefix that fits the block's byte
 * budget. After each block, `update` drops the included txs, starts a fresh check state from
 * the new committed state and re-checks the rest in arrival order (Tendermint's recheck),
 * evicting those that no longer pass (their signer can no longer pay, the same bytes or sign
 * document were delivered) and dropping those that waited through three blocks (MAX_TX_LIFE).
 *
 * DEV_NOTE: the mempool is node-local input selection, not consensus: which txs a block holds
 * is recorded in the block itself, so nothing here needs to be deterministic across machines.
 */
import { CheckState, type PendingTx } from '../chain/check-state.js';
import type { LedgerState } from '../chain/ledger-state.js';
import { prepareTx, type PreparedTx } from '../chain/prepare.js';
import { rejection, type Rejection } from '../core/rejection.js';
import type { Address } from '../core/types.js';
import { LEDGER } from '../messages/index.js';
import { CHAIN_META_KEY } from '../state/chain-tables.js';
import { isCanonicalEncoding } from '../wire/index.js';
import { prefixWithinBudget, txFramedBytes } from './block-budget.js';

/**
 * Tendermint's mempool cache (mempool/clist_mempool.go mapTxCache, at the fork commit pocket-core's
 * go.mod pins, 59310158d3e9): the hashes of txs this node took in, least recently pushed first.
 * A tx is pushed before its CheckTx (:255) and removed when CheckTx refuses it (:439-443), when a
 * recheck evicts it (:475-479) or when its block delivers it with a failure code (:591-597, "allow
 * invalid transactions to be resubmitted"); delivered with code 0 it stays. At `capacity` the
 * least recently pushed hash makes room (:722-729); pushing a cached hash moves it to the back.
 * Bytes found here are refused before CheckTx with "tx already exists in cache" — so a tx just
 * delivered is answered that way, and with auth:6 (the tx index) once the cache forgot it.
 */
class SeenTxs {
  /** Map order is push order: the first key is the next to make room. */
  private readonly hashes = new Map<string, true>();

  constructor(readonly capacity: number) {}

  /** false when `hash` was cached already (then it becomes the most recent). */
  push(hash: string): boolean {
    const cached = this.hashes.delete(hash);
    if (!cached && this.hashes.size >= this.capacity) {
      const oldest = this.hashes.keys().next();
      if (oldest.done !== true) this.hashes.delete(oldest.value);
    }
    this.hashes.set(hash, true);
    return !cached;
  }

  remove(hash: string): void {
    this.hashes.delete(hash);
  }
}

/**
 * What pocket-core's rawtx answers, as 400, for a tx in Tendermint's cache: ErrTxInCache
 * (mempool/errors.go:11) returned by BroadcastTxSync (rpc/core/mempool.go:40-42), wrapped by the
 * JSON-RPC server as -32603 "Internal error" (rpc/jsonrpc/types/types.go:144-150, 237-239) and by
 * the HTTP client with the route (rpc/client/http/http.go:270-277); app/cmd/rpc/client.go:182-186.
 */
export const TX_IN_CACHE_MESSAGE = 'broadcast_tx_sync: RPC error -32603 - Internal error: tx already exists in cache';

/**
 * pocket-core's answer to a tx larger than a block's data: PreCheckAminoMaxBytes' text
 * (mempool/mempool.go:107-119 at 59310158d3e9; its size, the tx plus one key byte and the length's
 * varint, is our framed size) behind the same RPC wrapper. `max` is this ledger's block budget.
 */
function txTooLargeMessage(framed: number, max: number): string {
  return `broadcast_tx_sync: RPC error -32603 - Internal error: tx size (including amino overhead) is too big: ${framed}, max: ${max}`;
}

export interface MempoolOptions {
  /** Most txs waiting at once (Tendermint's default mempool size: 5,000). */
  readonly maxTxs?: number;
  /** Most bytes waiting at once (default 64 MiB). */
  readonly maxBytes?: number;
  /** Most txs one signer may have waiting (default 500: a tenth of the default pool). */
  readonly maxTxsPerSender?: number;
  /** Most hashes the seen-tx cache holds (default 18,000, pocket-core's, types/config.go:171, or maxTxs if more). */
  readonly cacheSize?: number;
}

export type CheckOutcome =
  | { readonly ok: true; readonly hash: string; readonly prepared: PreparedTx }
  | { readonly ok: false; readonly hash: string; readonly rejection: Rejection };

/**
 * A full mempool is not a verdict on the tx (it may be admitted later): no code, a reason.
 * Nor is a tx too large for any block (`tooLarge`) or one in the seen-tx cache (`inCache`):
 * Tendermint refuses both before CheckTx.
 */
export type AddOutcome =
  | (CheckOutcome & { readonly evicted?: readonly string[] })
  | { readonly ok: false; readonly hash: string; readonly full: string }
  | { readonly ok: false; readonly hash: string; readonly tooLarge: string }
  | { readonly ok: false; readonly hash: string; readonly inCache: string };

export interface MempoolUpdate {
  readonly included: number;
  readonly evicted: ReadonlyArray<{ readonly hash: string; readonly rejection: Rejection }>;
  /** Txs that still passed but waited too long (MAX_TX_LIFE): dropped, kept in the seen-tx cache. */
  readonly stale: readonly string[];
}

/**
 * pocket's Tendermint fork drops a waiting tx at the recheck after block H when H minus the height
 * it was admitted at (the last committed block's then) exceeds 2 — i.e. after three blocks without
 * it — if it still passes CheckTx, and keeps it in its cache (mempool/clist_mempool.go:94,
 * :417-421, :468-474 at 59310158d3e9): sent again it is "tx already exists in cache" until the
 * cache forgets it, so a client re-signs it (new entropy) rather than resending the bytes.
 */
export const MAX_TX_LIFE = 2;

function committedHeight(state: LedgerState): number {
  return state.chain.meta.get(CHAIN_META_KEY)?.height ?? 0;
}

export const DEFAULT_MEMPOOL_MAX_TXS = 5_000;
export const DEFAULT_MEMPOOL_MAX_BYTES = 64 * 1024 * 1024;
export const DEFAULT_MEMPOOL_MAX_TXS_PER_SENDER = 500;
export const DEFAULT_MEMPOOL_CACHE_SIZE = 18_000;

/** The pool's own refusal of a decoded tx's bytes, before any state is read. */
function encodingRejection(prepared: PreparedTx): Rejection | undefined {
  if (!prepared.decoded.ok || isCanonicalEncoding(prepared.decoded.value)) return undefined;
  return rejection(LEDGER.non_canonical_encoding, 'the tx bytes are not a canonical encoding of their content (unknown, repeated or reordered fields, non-minimal varints or length prefix)');
}

/** CheckTx against `state` with nothing pending: what an empty mempool answers. Reads only. */
export function checkTx(state: LedgerState, bytes: Uint8Array, chainId: string): CheckOutcome {
  const prepared = prepareTx(bytes, chainId);
  const refused = encodingRejection(prepared);
  if (refused !== undefined) return { ok: false, hash: prepared.hash, rejection: refused };
  const verdict = new CheckState(state).check(prepared);
  return verdict.ok ? { ok: true, hash: prepared.hash, prepared } : { ok: false, hash: prepared.hash, rejection: verdict.error };
}

interface Waiting {
  readonly tx: PendingTx;
  /** Arrival number (ties in fair-share eviction go to the latest arrival). */
  readonly seq: number;
  /** The committed height when it was admitted (MAX_TX_LIFE). */
  readonly height: number;
}

export class Mempool {
  /** hash → waiting tx; Map order is arrival order (FIFO). */
  private readonly waiting = new Map<string, Waiting>();
  /** Each signer's waiting txs, oldest first. */
  private readonly bySender = new Map<Address, Waiting[]>();
  private waitingBytes = 0;
  private arrivals = 0;
  private checkState: CheckState | undefined;
  private readonly seen: SeenTxs;
  readonly maxTxs: number;
  readonly maxBytes: number;
  readonly maxTxsPerSender: number;

  constructor(
    readonly chainId: string,
    options: MempoolOptions = {},
  ) {
    this.maxTxs = options.maxTxs ?? DEFAULT_MEMPOOL_MAX_TXS;
    this.maxBytes = options.maxBytes ?? DEFAULT_MEMPOOL_MAX_BYTES;
    this.maxTxsPerSender = options.maxTxsPerSender ?? DEFAULT_MEMPOOL_MAX_TXS_PER_SENDER;
    // Never fewer than the pool holds: pocket-core refuses such a config (app/config.go:180-183).
    this.seen = new SeenTxs(options.cacheSize ?? Math.max(DEFAULT_MEMPOOL_CACHE_SIZE, this.maxTxs));
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

  /** How many txs `signer` has waiting. */
  heldBy(signer: Address): number {
    return this.bySender.get(signer)?.length ?? 0;
  }

  /**
   * CheckTx against the check state, then admit: the answer `POST /v1/client/rawtx` returns.
   * `blockBudgetBytes`: the tx bytes (framed) the next block can hold; a tx larger than that is
   * refused before anything else, as Tendermint's preCheck does (mempool/clist_mempool.go:248-252 at
   * 59310158d3e9, state/tx_filter.go:10-16) — admitted, it could never be reaped and, reaping being
   * FIFO, would hold back every tx that arrived after it.
   */
  add(state: LedgerState, bytes: Uint8Array, blockBudgetBytes = Number.POSITIVE_INFINITY): AddOutcome {
    const prepared = prepareTx(bytes, this.chainId);
    const hash = prepared.hash;
    const framed = txFramedBytes(bytes);
    if (framed > blockBudgetBytes) return { ok: false, hash, tooLarge: txTooLargeMessage(framed, blockBudgetBytes) };
    // A waiting tx the bounded cache forgot is still answered from it: Tendermint would run its
    // CheckTx again and answer code 0 without adding it twice (clist_mempool.go:423-432).
    if (!this.seen.push(hash) || this.waiting.has(hash)) return { ok: false, hash, inCache: TX_IN_CACHE_MESSAGE };
    const outcome = this.checkAndAdmit(state, prepared, bytes);
    if (!outcome.ok) this.seen.remove(hash); // it might be good later (clist_mempool.go:439-443)
    return outcome;
  }

  /** CheckTx against the check state, then the pool's own limits; admits on success. */
  private checkAndAdmit(state: LedgerState, prepared: PreparedTx, bytes: Uint8Array): AddOutcome {
    const hash = prepared.hash;
    const refused = encodingRejection(prepared);
    if (refused !== undefined) return { ok: false, hash, rejection: refused };
    const verdict = this.checkStateFor(state).check(prepared);
    if (!verdict.ok) return { ok: false, hash, rejection: verdict.error };
    const tx = verdict.value;
    const held = this.heldBy(tx.signer);
    if (held >= this.maxTxsPerSender) {
      return { ok: false, hash, full: `sender ${tx.signer} already has ${held} txs waiting (the per-sender limit is ${this.maxTxsPerSender}); retry after the next block` };
    }
    const victims = this.victimsToFit(tx.signer, bytes.byteLength);
    if (victims === undefined) {
      return { ok: false, hash, full: `mempool is full: ${this.waiting.size} txs, ${this.waitingBytes} bytes (limits ${this.maxTxs} txs, ${this.maxBytes} bytes) and no sender holds two more slots than ${tx.signer}` };
    }
    for (const victim of victims) {
      this.remove(victim.tx.prepared.hash);
      this.seen.remove(victim.tx.prepared.hash);
    }
    this.admit(tx, committedHeight(state));
    return { ok: true, hash, prepared, evicted: victims.map((victim) => victim.tx.prepared.hash) };
  }

  /** Every waiting tx, oldest first (unconfirmedtxs). */
  pending(): PreparedTx[] {
    return [...this.waiting.values()].map((entry) => entry.tx.prepared);
  }

  /** The waiting txs, oldest first, that fit `budgetBytes` of block (framed) and `maxTxs`. */
  reap(budgetBytes: number, maxTxs?: number): PreparedTx[] {
    const txs = [...this.waiting.values()].map((entry) => entry.tx.prepared);
    return prefixWithinBudget(txs, (tx) => tx.bytes, budgetBytes, maxTxs);
  }

  /**
   * After a block: drop its txs, then re-check every waiting tx against a fresh check state.
   * `blockBudgetBytes` (the next block's, as for add): a waiting tx larger than that is evicted
   * (ledger:1) — ours: Tendermint's recheck does not repeat preCheck, so a block limit lowered
   * below a waiting tx (chain/consensus-params.ts: a BlockByteSize change pocket-core hands over)
   * would leave it at the head of the FIFO, never reaped, holding back every tx behind it.
   * `deliveredOk`: the hashes of the block's txs delivered with code 0; they stay in the seen-tx
   * cache, the block's other txs leave it (Tendermint's Update, clist_mempool.go:591-597).
   */
  update(state: LedgerState, blockTxs: readonly PreparedTx[], blockBudgetBytes = Number.POSITIVE_INFINITY, deliveredOk: ReadonlySet<string> = new Set()): MempoolUpdate {
    let included = 0;
    for (const tx of blockTxs) {
      if (deliveredOk.has(tx.hash)) this.seen.push(tx.hash);
      else this.seen.remove(tx.hash);
      if (this.remove(tx.hash)) included++;
    }
    return { included, ...this.recheck(state, blockBudgetBytes) };
  }

  /** The check state for `state`, rebuilt (with a recheck) when the committed state object changed. */
  private checkStateFor(state: LedgerState): CheckState {
    if (this.checkState?.committed !== state) this.recheck(state);
    return this.checkState!;
  }

  /**
   * A fresh check state from `state`, carrying the waiting txs that still pass, in arrival order;
   * the others leave the seen-tx cache too (resCbRecheck → removeTx(…, true), clist_mempool.go:475-479),
   * except those that pass but are stale (MAX_TX_LIFE), which stay in it (:468-474).
   */
  private recheck(state: LedgerState, blockBudgetBytes = Number.POSITIVE_INFINITY): Omit<MempoolUpdate, 'included'> {
    const height = committedHeight(state);
    const checkState = new CheckState(state);
    this.checkState = checkState;
    const entries = [...this.waiting.values()];
    this.waiting.clear();
    this.bySender.clear();
    this.waitingBytes = 0;
    const evicted: Array<{ hash: string; rejection: Rejection }> = [];
    const stale: string[] = [];
    for (const entry of entries) {
      const framed = txFramedBytes(entry.tx.prepared.bytes);
      if (framed > blockBudgetBytes) {
        evicted.push({ hash: entry.tx.prepared.hash, rejection: rejection(LEDGER.tx_too_large, `the tx no longer fits a block: ${framed} bytes (framed) against ${blockBudgetBytes}`) });
        continue;
      }
      const verdict = checkState.check(entry.tx.prepared);
      if (!verdict.ok) evicted.push({ hash: entry.tx.prepared.hash, rejection: verdict.error });
      else if (height - entry.height > MAX_TX_LIFE) stale.push(entry.tx.prepared.hash);
      else this.index({ tx: verdict.value, seq: entry.seq, height: entry.height });
    }
    for (const { hash } of evicted) this.seen.remove(hash);
    return { evicted, stale };
  }

  /**
   * The txs to evict so that a tx of `bytes` from `sender` fits (fair share, see the header),
   * [] when it fits already, undefined when fair share cannot make room.
   */
  private victimsToFit(sender: Address, bytes: number): Waiting[] | undefined {
    const victims: Waiting[] = [];
    const taken = new Map<Address, number>();
    let count = this.waiting.size;
    let total = this.waitingBytes;
    const own = this.heldBy(sender);
    while (count + 1 > this.maxTxs || total + bytes > this.maxBytes) {
      const victim = this.fairShareVictim(sender, own, taken);
      if (victim === undefined) return undefined;
      victims.push(victim);
      taken.set(victim.tx.signer, (taken.get(victim.tx.signer) ?? 0) + 1);
      count--;
      total -= victim.tx.prepared.bytes.byteLength;
    }
    return victims;
  }

  /** The newest not-yet-taken tx of the sender holding the most slots, if it holds ≥ own + 2. */
  private fairShareVictim(sender: Address, own: number, taken: ReadonlyMap<Address, number>): Waiting | undefined {
    let best: Waiting | undefined;
    let bestHeld = 0;
    for (const [signer, txs] of this.bySender) {
      if (signer === sender) continue;
      const held = txs.length - (taken.get(signer) ?? 0);
      const newest = txs[held - 1];
      if (newest === undefined) continue;
      if (held > bestHeld || (held === bestHeld && newest.seq > best!.seq)) {
        best = newest;
        bestHeld = held;
      }
    }
    return bestHeld >= own + 2 ? best : undefined;
  }

  private admit(tx: PendingTx, height: number): void {
    this.index({ tx, seq: this.arrivals++, height });
  }

  private index(entry: Waiting): void {
    this.checkState!.add(entry.tx);
    this.waiting.set(entry.tx.prepared.hash, entry);
    this.waitingBytes += entry.tx.prepared.bytes.byteLength;
    const own = this.bySender.get(entry.tx.signer);
    if (own === undefined) this.bySender.set(entry.tx.signer, [entry]);
    else own.push(entry);
  }

  /** Remove a waiting tx (included in a block, or a sender's newest evicted for fair share). */
  private remove(hash: string): boolean {
    const entry = this.waiting.get(hash);
    if (entry === undefined) return false;
    this.waiting.delete(hash);
    this.waitingBytes -= entry.tx.prepared.bytes.byteLength;
    this.checkState?.remove(entry.tx);
    const own = this.bySender.get(entry.tx.signer)!;
    own.splice(own.indexOf(entry), 1);
    if (own.length === 0) this.bySender.delete(entry.tx.signer);
    return true;
  }
}
