/**
 * Ingest: raw tx bytes → PreparedTx with their signature verdicts, ready for applyBlock. Decoding
 * runs here (main thread); every signature a tx carries — its own, and a relay proof's AAT and
 * client signatures that ValidateBasic checks — is verified on the worker pool, so neither the
 * reducer nor ValidateBasic verifies on the main thread. The workers publish each verdict into
 * shared memory as they go (crypto/shared-verdicts.ts), so the reducer can apply the block while
 * its signatures are being verified (prepareAhead), reading a verdict — waiting for it only if it
 * is not there yet — when the ante handler or ValidateBasic asks. A verdict is a pure function of
 * the bytes (chain/prepare.ts), so where and when it was computed cannot change a result
 * (test/unit/runtime/ingest).
 */
import { hashTxBytes, prepareTx, txSignatureInput, verifyPrepared, type PreparedTx, type SignatureVerdict } from '../chain/prepare.js';
import type { Rejection } from '../core/rejection.js';
import type { Result } from '../core/result.js';
import { SharedVerdicts } from '../crypto/shared-verdicts.js';
import { recurringVerdicts, type VerdictMemory } from '../crypto/verdict-memory.js';
import type { VerifyBatcher, VerifyItem, VerifyPool } from '../crypto/verify-pool.js';
import { relayProofSignatureItems, validateBasic, type Message } from '../messages/index.js';
import { decodeTx, signBytes, type DecodedTx } from '../wire/index.js';

/**
 * Txs per pool batch. The sign bytes of each slice are computed and the slice is posted before
 * the next slice is prepared, so the workers start verifying after the first slice instead of
 * after the whole block (the main thread's preparation overlaps their work).
 */
export const VERIFY_SLICE = 256;

/**
 * The first slices are smaller (32, 64, 128 txs, then VERIFY_SLICE): until the first batch is
 * posted both workers are idle, so the first one should be posted early. A 256-tx first slice of
 * the mainnet-shaped block (~40 µs of decoding and sign bytes per proof tx) kept them idle ~10 ms;
 * 32 txs (~1.3 ms) is enough work for each to start on (the pool splits a batch only at ≥ 32
 * items per worker, verify-pool.ts minChunk). Later slices stay large: each batch costs a
 * message to each worker.
 */
export function sliceLength(sliceIndex: number): number {
  return Math.min(VERIFY_SLICE, 32 << sliceIndex);
}

/** A tx's own signature (the most a tx carries: its own + a relay proof's two). */
const MAX_SIGNATURES_PER_TX = 3;

/**
 * A PreparedTx whose verdicts come from the pool: ValidateBasic runs on first read of `message`
 * (its relay-proof signature checks read the workers' verdicts), and `signature` reads its slot.
 */
class PoolPreparedTx implements PreparedTx {
  readonly hash: string;
  private verdict: SignatureVerdict | undefined;
  private validated: Result<Message, Rejection> | undefined;

  constructor(
    readonly bytes: Uint8Array,
    readonly chainId: string,
    readonly decoded: Result<DecodedTx, Rejection>,
    public signBytes: Uint8Array | undefined,
    private readonly shared: SharedVerdicts,
    /** Its own signature's slot, or undefined when it cannot be checked statelessly ('unchecked'). */
    private readonly own: { readonly slot: number; readonly item: VerifyItem } | undefined,
  ) {
    this.hash = decoded.ok ? decoded.value.hash : hashTxBytes(bytes);
  }

  get message(): Result<Message, Rejection> | undefined {
    if (!this.decoded.ok) return undefined;
    this.validated ??= validateBasic(this.decoded.value.msg, this.shared.verify);
    return this.validated;
  }

  get signature(): SignatureVerdict {
    if (this.verdict === undefined && this.own !== undefined) this.verdict = this.shared.verdictAt(this.own.slot, this.own.item) ? 'valid' : 'invalid';
    return this.verdict ?? 'unchecked';
  }

  set signature(verdict: SignatureVerdict) {
    this.verdict = verdict;
  }
}

export interface PreparedAhead {
  /** In block order; reading a verdict waits for the pool only if it is not there yet. */
  readonly prepared: PreparedTx[];
  /** Settles when the pool has answered every slice (never rejects: a failed pool means inline verification). */
  readonly verified: Promise<void>;
}

/**
 * Where each tx's own signature verdict comes from: `verify` — posted to the pool with the rest;
 * `recorded` — not checked here: a trusted replay sets it from the producer's record afterwards
 * (replay.ts trustRecorded). A relay proof's AAT and client signatures are verified either way.
 */
export type OwnSignatures = 'verify' | 'recorded';

/**
 * Decode every tx, post all its signatures to the pool slice by slice, and return at once: the
 * caller may apply the block while the workers verify (reads block until their verdict is in).
 */
export function prepareAhead(
  txs: readonly Uint8Array[],
  chainId: string,
  pool: VerifyBatcher,
  own: OwnSignatures = 'verify',
  /** AATs found valid in earlier blocks are not posted again (crypto/verdict-memory.ts); this thread's by default. */
  memory: VerdictMemory | undefined = recurringVerdicts,
): PreparedAhead {
  const shared = new SharedVerdicts(MAX_SIGNATURES_PER_TX * txs.length, memory);
  const prepared: PreparedTx[] = [];
  const pending: Array<Promise<unknown>> = [];
  let base = 0;
  for (let start = 0, slice = 0; start < txs.length; slice++) {
    const end = start + sliceLength(slice);
    const items: VerifyItem[] = [];
    for (const bytes of txs.slice(start, end)) prepared.push(preparedWithSlots(bytes, chainId, shared, base, items, own));
    if (items.length > 0) pending.push(pool.verifyBatch(items, { verdicts: shared.verdicts, base }).catch(() => undefined));
    base += items.length;
    start = end;
  }
  return { prepared, verified: Promise.all(pending).then(() => undefined) };
}

/** Decode one tx and append its signature items (slots base + position in `items`). */
function preparedWithSlots(bytes: Uint8Array, chainId: string, shared: SharedVerdicts, base: number, items: VerifyItem[], ownSignatures: OwnSignatures): PreparedTx {
  const decoded = decodeTx(bytes);
  if (!decoded.ok) return new PoolPreparedTx(bytes, chainId, decoded, undefined, shared, undefined);
  const tx = decoded.value;
  let txSignBytes: Uint8Array | undefined;
  // A recorded verdict needs no sign bytes (and a trusted replay does not keep them: chain/replay-key.ts PERF).
  const input = ownSignatures === 'recorded' ? undefined : txSignatureInput(tx, () => (txSignBytes = signBytes(chainId, tx)));
  const own = input === undefined ? undefined : { slot: base + items.push(input) - 1, item: input };
  if (tx.msg.kind === 'Proof' && tx.msg.leaf.kind === 'relay') {
    // A signature already in this block (a repeated AAT) is verified once: expect() says so.
    for (const item of relayProofSignatureItems(tx.msg.leaf.proof)) if (shared.expect(item, base + items.length)) items.push(item);
  }
  return new PoolPreparedTx(bytes, chainId, decoded, txSignBytes, shared, own);
}

/** Prepare every tx and verify, on the pool, every signature it carries (prepareAhead, then wait for the pool). */
export async function prepareVerified(txs: readonly Uint8Array[], chainId: string, pool: VerifyPool): Promise<PreparedTx[]> {
  const ahead = prepareAhead(txs, chainId, pool);
  await ahead.verified;
  return ahead.prepared;
}

/** The same on the calling thread (one core). */
export function prepareVerifiedInline(txs: readonly Uint8Array[], chainId: string): PreparedTx[] {
  const prepared = txs.map((tx) => prepareTx(tx, chainId));
  for (const tx of prepared) verifyPrepared(tx);
  return prepared;
}
