/**
 * Ingest: raw tx bytes → PreparedTx with their signature verdicts, ready for applyBlock. Decoding
 * and ValidateBasic run here (main thread); signatures — the txs' own and the relay proofs' AAT
 * and client signatures that ValidateBasic checks — are verified on the worker pool, so neither
 * the reducer nor ValidateBasic verifies inline. The verdict is a pure function of the bytes
 * (chain/prepare.ts), so where it was computed cannot change a result.
 */
import { prepareDecoded, prepareTx, txSignatureInput, verificationInput, verifyPrepared, type PreparedTx, type SignatureVerdict } from '../chain/prepare.js';
import type { Rejection } from '../core/rejection.js';
import type { Result } from '../core/result.js';
import { VerdictTable } from '../crypto/verdicts.js';
import type { VerifyItem, VerifyPool } from '../crypto/verify-pool.js';
import { relayProofSignatureItems } from '../messages/index.js';
import { decodeTx, signBytes, type DecodedTx } from '../wire/index.js';

/**
 * Items per pool batch. The sign bytes of each slice are computed and the slice is posted before
 * the next slice is prepared, so the workers start verifying after the first slice instead of
 * after the whole block (the main thread's preparation overlaps their work).
 */
export const VERIFY_SLICE = 256;

/** Prepare every tx and verify, on the pool, every signature it carries. */
export async function prepareVerified(txs: readonly Uint8Array[], chainId: string, pool: VerifyPool): Promise<PreparedTx[]> {
  const prepared = new Array<PreparedTx>(txs.length);
  const verdicts = new VerdictTable();
  const pending: Array<Promise<void>> = [];
  for (let start = 0; start < txs.length; start += VERIFY_SLICE) {
    pending.push(prepareSlice(txs, start, Math.min(txs.length, start + VERIFY_SLICE), { chainId, pool, verdicts, prepared }));
  }
  await Promise.all(pending);
  return prepared;
}

interface SliceContext {
  readonly chainId: string;
  readonly pool: VerifyPool;
  readonly verdicts: VerdictTable;
  /** Filled in place, index = the tx's position in the block. */
  readonly prepared: PreparedTx[];
}

/** A relay-proof tx waiting for its slice's verdicts before ValidateBasic. */
interface DeferredProof {
  readonly index: number;
  readonly decoded: Result<DecodedTx, Rejection>;
  readonly signBytes: Uint8Array;
  /** Position of its own signature in the slice's items, or -1 (no key in the tx: the ante handler checks it). */
  readonly txItem: number;
  readonly relayItems: { readonly from: number; readonly to: number };
}

/**
 * prepared[from..to): decode each tx and collect its signature items, post them to the pool in
 * one batch; a tx without relay-proof signatures gets ValidateBasic at once (its own verdict is
 * set when the batch answers), a relay proof after the answer, through the VerdictTable.
 */
function prepareSlice(txs: readonly Uint8Array[], from: number, to: number, ctx: SliceContext): Promise<void> {
  const items: VerifyItem[] = [];
  const checkable: Array<{ readonly tx: PreparedTx; readonly item: number }> = [];
  const deferred: DeferredProof[] = [];
  for (let index = from; index < to; index++) {
    const bytes = txs[index] as Uint8Array;
    const decoded = decodeTx(bytes);
    const msg = decoded.ok ? decoded.value.msg : undefined;
    if (decoded.ok && msg?.kind === 'Proof' && msg.leaf.kind === 'relay') {
      const signBytesOfTx = signBytes(ctx.chainId, decoded.value);
      const input = txSignatureInput(decoded.value, () => signBytesOfTx);
      const txItem = input === undefined ? -1 : items.push(input) - 1;
      const relay = relayProofSignatureItems(msg.leaf.proof);
      deferred.push({ index, decoded, signBytes: signBytesOfTx, txItem, relayItems: { from: items.length, to: items.length + relay.length } });
      items.push(...relay);
      continue;
    }
    const tx = prepareDecoded(bytes, decoded, ctx.chainId);
    ctx.prepared[index] = tx;
    const input = verificationInput(tx);
    if (input !== undefined) checkable.push({ tx, item: items.push(input) - 1 });
  }
  if (items.length === 0) return Promise.resolve();
  return ctx.pool.verifyBatch(items).then((results) => {
    for (const { tx, item } of checkable) tx.signature = verdictOf(results, item);
    for (const proof of deferred) {
      for (let i = proof.relayItems.from; i < proof.relayItems.to; i++) ctx.verdicts.record(items[i] as VerifyItem, results[i] === 1);
      const tx = prepareDecoded(txs[proof.index] as Uint8Array, proof.decoded, ctx.chainId, ctx.verdicts.verify);
      tx.signBytes = proof.signBytes;
      if (proof.txItem >= 0) tx.signature = verdictOf(results, proof.txItem);
      ctx.prepared[proof.index] = tx;
    }
  });
}

const verdictOf = (results: Uint8Array, item: number): SignatureVerdict => (results[item] === 1 ? 'valid' : 'invalid');

/** Verify, on the pool, every prepared tx whose signature can be checked without state. */
export async function verifyOnPool(prepared: readonly PreparedTx[], pool: VerifyPool): Promise<void> {
  const pending: Array<Promise<void>> = [];
  for (let start = 0; start < prepared.length; start += VERIFY_SLICE) pending.push(verifySlice(prepared.slice(start, start + VERIFY_SLICE), pool));
  await Promise.all(pending);
}

/** Computes the slice's verification inputs and posts them (synchronously) to the pool. */
function verifySlice(prepared: readonly PreparedTx[], pool: VerifyPool): Promise<void> {
  const checkable: PreparedTx[] = [];
  const inputs: Array<NonNullable<ReturnType<typeof verificationInput>>> = [];
  for (const tx of prepared) {
    if (tx.signature !== 'unchecked') continue;
    const input = verificationInput(tx);
    if (input === undefined) continue;
    checkable.push(tx);
    inputs.push(input);
  }
  if (inputs.length === 0) return Promise.resolve();
  return pool.verifyBatch(inputs).then((verdicts) => {
    checkable.forEach((tx, i) => {
      tx.signature = verdicts[i] === 1 ? 'valid' : 'invalid';
    });
  });
}

/** The same on the calling thread (one core). */
export function prepareVerifiedInline(txs: readonly Uint8Array[], chainId: string): PreparedTx[] {
  const prepared = txs.map((tx) => prepareTx(tx, chainId));
  for (const tx of prepared) verifyPrepared(tx);
  return prepared;
}
