/**
 * Ingest: raw tx bytes → PreparedTx with their signature verdicts, ready for applyBlock. Decoding
 * and ValidateBasic run here (main thread); signatures are checked in one batch on the worker
 * pool, so the reducer never verifies inline. The verdict is a pure function of the bytes
 * (chain/prepare.ts), so where it was computed cannot change a result.
 */
import { prepareTx, verificationInput, verifyPrepared, type PreparedTx } from '../chain/prepare.js';
import type { VerifyPool } from '../crypto/verify-pool.js';

/** Prepare every tx and verify the checkable signatures on the pool (one batch). */
export async function prepareVerified(txs: readonly Uint8Array[], chainId: string, pool: VerifyPool): Promise<PreparedTx[]> {
  const prepared = txs.map((tx) => prepareTx(tx, chainId));
  await verifyOnPool(prepared, pool);
  return prepared;
}

/** Verify, on the pool, every prepared tx whose signature can be checked without state. */
export async function verifyOnPool(prepared: readonly PreparedTx[], pool: VerifyPool): Promise<void> {
  const checkable: PreparedTx[] = [];
  const inputs: Array<NonNullable<ReturnType<typeof verificationInput>>> = [];
  for (const tx of prepared) {
    if (tx.signature !== 'unchecked') continue;
    const input = verificationInput(tx);
    if (input === undefined) continue;
    checkable.push(tx);
    inputs.push(input);
  }
  if (inputs.length === 0) return;
  const verdicts = await pool.verifyBatch(inputs);
  checkable.forEach((tx, i) => {
    tx.signature = verdicts[i] === 1 ? 'valid' : 'invalid';
  });
}

/** The same on the calling thread (one core). */
export function prepareVerifiedInline(txs: readonly Uint8Array[], chainId: string): PreparedTx[] {
  const prepared = txs.map((tx) => prepareTx(tx, chainId));
  for (const tx of prepared) verifyPrepared(tx);
  return prepared;
}
