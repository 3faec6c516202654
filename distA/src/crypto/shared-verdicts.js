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
import { verify } from './ed25519.js';
import { VERDICT_CLAIMED, VERDICT_INVALID, VERDICT_PENDING, VERDICT_VALID } from './verify-batch.js';
/** How long a reader waits for one verdict before verifying it itself. */
export const WAIT_GIVE_UP_MS = 2_000;
function bytesKey(publicKey, message, signature) {
    const latin1 = (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    return `${publicKey.byteLength}:${signature.byteLength}:${latin1(publicKey)}${latin1(signature)}${latin1(message)}`;
}
export class SharedVerdicts {
    /** Over the whole SharedArrayBuffer (byteOffset 0: workers index the same buffer). */
    verdicts;
    slotsByBytes = new Map();
    gaveUp = false;
    /** Reads answered by the workers / verified on this thread (tests and benchmarks). */
    hits = 0;
    misses = 0;
    constructor(capacity) {
        this.verdicts = new Int32Array(new SharedArrayBuffer(4 * Math.max(1, capacity)));
    }
    /**
     * Lets `verify` find the slot of these exact bytes (a relay proof's AAT or client signature).
     * Returns false — and records nothing — when the same bytes already have a slot: the caller
     * then posts no second item, and both readers share the first one's verdict. Mainnet's proofs
     * repeat their AAT (one per app and client key, signed once and carried by every relay of the
     * session), e.g. the mainnet-shaped block at --quick: 63 proofs carry 11 distinct AATs.
     * DEV_NOTE: determinism — the key is all of (publicKey, message, signature), and a verdict is
     * a pure function of those bytes, so sharing one cannot change an outcome.
     */
    expect(item, slot) {
        const key = bytesKey(item.publicKey, item.message, item.signature);
        if (this.slotsByBytes.has(key))
            return false;
        this.slotsByBytes.set(key, slot);
        return true;
    }
    /** The verdict in `slot`: published, or verified here (claimed first, or after waiting WAIT_GIVE_UP_MS for a worker's). */
    verdictAt(slot, item) {
        let state = Atomics.load(this.verdicts, slot);
        if (state === VERDICT_PENDING)
            state = Atomics.compareExchange(this.verdicts, slot, VERDICT_PENDING, VERDICT_CLAIMED);
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
            if (state === VERDICT_CLAIMED)
                this.gaveUp = true;
        }
        if (state === VERDICT_CLAIMED) {
            this.misses++;
            return verify(item.publicKey, item.message, item.signature);
        }
        this.hits++;
        return state === VERDICT_VALID;
    }
    /** `verify` that reads an expected item's verdict from its slot, and verifies anything else here. */
    verify = (publicKey, message, signature) => {
        const slot = this.slotsByBytes.get(bytesKey(publicKey, message, signature));
        if (slot !== undefined)
            return this.verdictAt(slot, { publicKey, message, signature });
        this.misses++;
        return verify(publicKey, message, signature);
    };
}
//# sourceMappingURL=shared-verdicts.js.map