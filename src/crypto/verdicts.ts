/**
 * Signature verdicts computed ahead (on the worker pool) and consulted where the protocol checks
 * a signature inline — the relay proofs' AAT and client signatures inside ValidateBasic
 * (messages/relay-proof.ts) — so those checks cost a lookup on the main thread.
 *
 * DEV_NOTE: determinism — a verdict is a pure function of (publicKey, message, signature) under
 * the acceptance rule (ed25519.ts), and the table is keyed by ALL of those bytes, so a hit
 * returns exactly what `verify` would; a miss verifies inline. What was or was not verified
 * ahead can therefore never change a result, only where the CPU time is spent.
 */
import { verify } from './ed25519.js';
import type { VerifyItem } from './verify-batch.js';

/** `verify`'s signature: the acceptance rule on (publicKey, message, signature). */
export type Verifier = (publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array) => boolean;

/** The exact bytes as one string: key ‖ signature ‖ message (the key and signature have fixed lengths when packable; the lengths prefix keeps others distinct). */
function verdictKey(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): string {
  const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  return `${publicKey.byteLength}:${signature.byteLength}:${latin1(publicKey)}${latin1(signature)}${latin1(message)}`;
}

export class VerdictTable {
  private readonly verdicts = new Map<string, boolean>();
  /** Lookups answered from the table / verified inline (for tests and benchmarks). */
  hits = 0;
  misses = 0;

  get size(): number {
    return this.verdicts.size;
  }

  record(item: VerifyItem, valid: boolean): void {
    this.verdicts.set(verdictKey(item.publicKey, item.message, item.signature), valid);
  }

  /** The verdict for these exact bytes: from the table when recorded, else `verify` now. */
  readonly verify: Verifier = (publicKey, message, signature) => {
    const known = this.verdicts.get(verdictKey(publicKey, message, signature));
    if (known !== undefined) {
      this.hits++;
      return known;
    }
    this.misses++;
    return verify(publicKey, message, signature);
  };
}
