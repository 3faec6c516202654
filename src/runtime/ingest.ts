/**
 * Ingest: raw tx bytes → PreparedTx with their signature verdicts, ready for applyBlock. Decoding
 * and ValidateBasic run here (main thread); signatures are checked in one batch on the worker
 * pool, so the reducer never verifies inline. The verdict is a pure function of the bytes
 * (chain/prepare.ts), so where it was computed cannot change a result.
 */
import { prepareTx, verificationInput, verifyPrepared, type PreparedTx } from '../chain/prepare.js';
import type { VerifyPool } from '../crypto/verify-pool.js';

/**
 * Items per pool batch. The sign bytes of each slice are computed and the slice is posted before
 * the next slice is prepared, so the workers start verifying after the first slice instead of
 * after the whole block (the main thread's preparation overlaps their work).
 */
export const VERIFY_SLICE = 256;

/** Prepare every tx and verify the checkable signatures on the pool. */
export async function prepareVerified(txs: readonly Uint8Array[], chainId: string, pool: VerifyPool): Promise<PreparedTx[]> {
  const prepared: PreparedTx[] = [];
  const pending: Array<Promise<void>> = [];
  for (let start = 0; start < txs.length; start += VERIFY_SLICE) {
    const slice = txs.slice(start, start + VERIFY_SLICE).map((tx) => prepareTx(tx, chainId));
    prepared.push(...slice);
    pending.push(verifySlice(slice, pool));
  }
  await Promise.all(pending);
  return prepared;
}

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
