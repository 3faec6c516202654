/**
 * Verdict memory: signatures that recur across blocks, remembered once verified valid.
 *
 * A relay proof carries its app's AAT (application authentication token), signed once by the app
 * for a client key and then carried by every relay of every session that client serves — over
 * many blocks. Within a block each distinct AAT is verified once (shared-verdicts.ts); this
 * memory carries that across blocks: an AAT whose exact (public key, message, signature) bytes
 * verified valid in an earlier block is not posted to the pool again. Bitcoin Core's signature
 * cache does the same for scripts already checked at mempool acceptance. Example: in the
 * mainnet-shaped chain's block 24 (scale 1) the 1,424 proofs carry 212 distinct AATs, all seen in
 * blocks 1–23, so the pool verifies 4,390 signatures instead of 4,602 (~22 ms of worker CPU).
 *
 * DEV_NOTE: determinism — a verdict is a pure function of the three byte strings under the
 * acceptance rule (ed25519.ts). Only VALID verdicts are kept, and an entry answers only when all
 * three byte strings are equal to what was verified, so a remembered verdict is exactly the
 * verdict a verification would give: the memory changes how long a block takes, never an outcome.
 * Its contents depend on what this process has seen (order, eviction); no output depends on them.
 *
 * One memory per thread (module state); it is read and written by the main thread only (the
 * pool's workers never see it). Bounded: least recently used entries go first.
 */
import { bytesEqual } from '../core/hex.js';

interface Remembered {
  readonly publicKey: Uint8Array;
  readonly message: Uint8Array;
}

/**
 * The lookup key of an item: its signature's bytes as a latin1 string (one char per byte). Items
 * with equal keys are told apart by comparing their public key and message bytes (SlotEntry in
 * shared-verdicts.ts; here `holds`). The same key for the block's slots and for this memory.
 * PERF: the key used to be all three fields' latin1 text (~136 chars per relay item, three
 * Buffer views and a concatenation), built twice per relay signature (posting and reading);
 * ~6 µs per item in a mainnet-shaped block's profile (2,848 relay items). 64 chars do it now.
 */
export function signatureKey(signature: Uint8Array): string {
  return Buffer.from(signature.buffer, signature.byteOffset, signature.byteLength).toString('latin1');
}

/** Entries kept: ~2k apps × a few client keys each on mainnet; ~300 bytes an entry, ≤ ~5 MB. */
export const DEFAULT_VERDICT_MEMORY_CAPACITY = 16_384;

export class VerdictMemory {
  /** By signatureKey; Map order is recency. */
  private readonly valid = new Map<string, Remembered>();

  constructor(readonly capacity = DEFAULT_VERDICT_MEMORY_CAPACITY) {
    if (!Number.isSafeInteger(capacity) || capacity < 1) throw new RangeError(`VerdictMemory: bad capacity ${capacity}`);
  }

  get size(): number {
    return this.valid.size;
  }

  /** True when exactly these bytes (signatureKey of the signature, public key, message) were remembered valid. */
  holds(key: string, publicKey: Uint8Array, message: Uint8Array): boolean {
    const entry = this.valid.get(key);
    if (entry === undefined || !bytesEqual(entry.publicKey, publicKey) || !bytesEqual(entry.message, message)) return false;
    // Re-insert: the first key in Map order is the least recently used.
    this.valid.delete(key);
    this.valid.set(key, entry);
    return true;
  }

  /** Remember a VALID verdict (copies the bytes: the caller's arrays may be views into a block). */
  rememberValid(key: string, publicKey: Uint8Array, message: Uint8Array): void {
    this.valid.delete(key);
    this.valid.set(key, { publicKey: Uint8Array.from(publicKey), message: Uint8Array.from(message) });
    if (this.valid.size > this.capacity) {
      const oldest = this.valid.keys().next();
      if (oldest.done !== true) this.valid.delete(oldest.value);
    }
  }

  clear(): void {
    this.valid.clear();
  }
}

/** This thread's memory of recurring signatures (relay proofs' AATs), used by SharedVerdicts. */
export const recurringVerdicts = new VerdictMemory();
