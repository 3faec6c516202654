/**
 * Verdicts the pool's workers publish into shared memory while the main thread goes on (the
 * reducer applies the block as its signatures are being verified). Slot i goes PENDING →
 * CLAIMED → VALID or INVALID; whoever claims it (compare-and-exchange) verifies it. A reader
 * that needs a PENDING verdict claims and verifies it itself instead of waiting (so the main
 * thread, once it catches up with the workers, verifies alongside them); it waits (Atomics.wait)
 * only for a verdict a worker is computing right now (~0.1 ms).
 *
 * DEV_NOTE: determinism — a verdict is a pure function of (publicKey, message, signature) under
 * the acceptance rule (ed25519.ts), whichever thread computes it; the relay lookups are keyed by
 * ALL of those bytes. If a claimed verdict does not arrive within WAIT_GIVE_UP_MS (a crashed or
 * starved worker), the reader verifies it too — the same answer — so a dead pool costs time,
 * never a different result and never a hang.
 */
import { bytesEqual } from '../core/hex.js';
import { verify } from './ed25519.js';
import { signatureKey, type VerdictMemory } from './verdict-memory.js';
import { VERDICT_CLAIMED, VERDICT_INVALID, VERDICT_PENDING, VERDICT_VALID, type VerifyItem } from './verify-batch.js';

/** `verify`'s signature: the acceptance rule on (publicKey, message, signature). */
export type Verifier = (publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array) => boolean;

/** How long a reader waits for one verdict before verifying it itself. */
export const WAIT_GIVE_UP_MS = 2_000;


/** The slot of an expected item found valid in an earlier block (verdict-memory.ts): nothing posted, nothing to read. */
const REMEMBERED_VALID = -1;

/** An expected item: its slot and the bytes its signature was made over (a chain per signature key). */
interface SlotEntry {
  /** In `verdicts`, or REMEMBERED_VALID. */
  readonly slot: number;
  readonly publicKey: Uint8Array;
  readonly message: Uint8Array;
  /** Remember it once read valid (VerifyItem.recurring). */
  readonly recurring: boolean;
  /** Another expected item with the same signature bytes over other (key, message): hostile, but possible. */
  readonly next: SlotEntry | undefined;
}

export class SharedVerdicts {
  /** Over the whole SharedArrayBuffer (byteOffset 0: workers index the same buffer). */
  readonly verdicts: Int32Array;
  /** Expected items by signature bytes (signatureKey); an entry matches only on all three fields. */
  private readonly slotsBySignature = new Map<string, SlotEntry>();
  private gaveUp = false;
  /** Reads answered by the workers or the verdict memory / verified on this thread (tests and benchmarks). */
  hits = 0;
  misses = 0;
  /** Expected items the verdict memory answered (posted to no pool). */
  remembered = 0;

  constructor(
    capacity: number,
    /** Valid verdicts of recurring signatures from earlier blocks (verdict-memory.ts); none: every signature is posted. */
    private readonly memory?: VerdictMemory,
  ) {
    this.verdicts = new Int32Array(new SharedArrayBuffer(4 * Math.max(1, capacity)));
  }

  /**
   * Lets `verify` find the slot of these exact bytes (a relay proof's AAT or client signature).
   * Returns false — and records nothing — when the same bytes already have a slot: the caller
   * then posts no second item, and both readers share the first one's verdict. Mainnet's proofs
   * repeat their AAT (one per app and client key, signed once and carried by every relay of the
   * session), e.g. the mainnet-shaped block at --quick: 63 proofs carry 11 distinct AATs.
   * Also false for a recurring item (an AAT) the verdict memory holds as valid from an earlier
   * block: it is recorded as known valid, and nothing is posted (verdict-memory.ts).
   * DEV_NOTE: determinism — an item matches only on all of (publicKey, message, signature), and a verdict is
   * a pure function of those bytes, so sharing one cannot change an outcome.
   */
  expect(item: VerifyItem, slot: number): boolean {
    const key = signatureKey(item.signature);
    const head = this.slotsBySignature.get(key);
    if (this.match(head, item.publicKey, item.message) !== undefined) return false;
    const recurring = item.recurring === true;
    // A recurring signature verified valid in an earlier block takes no slot and no pool time.
    const known = recurring && this.memory?.holds(key, item.publicKey, item.message) === true;
    if (known) this.remembered++;
    this.slotsBySignature.set(key, { slot: known ? REMEMBERED_VALID : slot, publicKey: item.publicKey, message: item.message, recurring, next: head });
    return !known;
  }

  /** The entry of the chain with exactly these bytes (its signature bytes are the chain's key). */
  private match(head: SlotEntry | undefined, publicKey: Uint8Array, message: Uint8Array): SlotEntry | undefined {
    for (let entry = head; entry !== undefined; entry = entry.next) {
      if (bytesEqual(entry.publicKey, publicKey) && bytesEqual(entry.message, message)) return entry;
    }
    return undefined;
  }

  /** The verdict in `slot`: published, or verified here (claimed first, or after waiting WAIT_GIVE_UP_MS for a worker's). */
  verdictAt(slot: number, item: VerifyItem): boolean {
    let state = Atomics.load(this.verdicts, slot);
    if (state === VERDICT_PENDING) state = Atomics.compareExchange(this.verdicts, slot, VERDICT_PENDING, VERDICT_CLAIMED);
    if (state === VERDICT_PENDING) {
      // Claimed by this thread: verify and publish (the worker will skip it).
      this.misses++;
      const valid = verify(item.publicKey, item.message, item.signature);
      Atomics.store(this.verdicts, slot, valid ? VERDICT_VALID : VERDICT_INVALID);
      return valid;
    }
    if (state === VERDICT_CLAIMED && !this.gaveUp) {
      Atomics.wait(this.verdicts, slot, VERDICT_CLAIMED, WAIT_GIVE_UP_MS);
      state = Atomics.load(this.verdicts, slot);
      if (state === VERDICT_CLAIMED) this.gaveUp = true;
    }
    if (state === VERDICT_CLAIMED) {
      this.misses++;
      return verify(item.publicKey, item.message, item.signature);
    }
    this.hits++;
    return state === VERDICT_VALID;
  }

  /** `verify` that reads an expected item's verdict from its slot, and verifies anything else here. */
  readonly verify: Verifier = (publicKey, message, signature) => {
    const key = signatureKey(signature);
    const entry = this.match(this.slotsBySignature.get(key), publicKey, message);
    if (entry === undefined) {
      this.misses++;
      return verify(publicKey, message, signature);
    }
    if (entry.slot === REMEMBERED_VALID) {
      this.hits++;
      return true;
    }
    const valid = this.verdictAt(entry.slot, { publicKey, message, signature });
    if (valid && entry.recurring) this.memory?.rememberValid(key, publicKey, message);
    return valid;
  };
}
