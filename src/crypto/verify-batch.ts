/**
 * The packed batch format shared by the verification pool (verify-pool.ts) and its workers
 * (verify-worker.ts): one ArrayBuffer per worker chunk, transferred (not cloned) to the
 * worker, read there through views without copying.
 *
 * Layout (little-endian u32s, then bytes):
 *   count                       u32
 *   messageEnd[count]           u32   end offset of message i in the message area
 *   publicKeys[count × 32]
 *   signatures[count × 64]
 *   messages                    the messages back to back
 * Example: 2 items with messages of 3 and 5 bytes → 4 + 8 + 64 + 128 + 8 = 212 bytes.
 */
import { PUBLIC_KEY_BYTES, SIGNATURE_BYTES, verify } from './ed25519.js';

export interface VerifyItem {
  readonly publicKey: Uint8Array;
  readonly message: Uint8Array;
  readonly signature: Uint8Array;
  /** Signed once and carried by many txs over many blocks (a relay proof's AAT): worth remembering once valid (verdict-memory.ts). Not packed. */
  readonly recurring?: boolean;
}

/** True when the item can be packed; other lengths are invalid under the rule anyway. */
export function hasPackableLengths(item: VerifyItem): boolean {
  return item.publicKey.byteLength === PUBLIC_KEY_BYTES && item.signature.byteLength === SIGNATURE_BYTES;
}

function layout(count: number): { keys: number; signatures: number; messages: number } {
  const keys = 4 + 4 * count;
  const signatures = keys + PUBLIC_KEY_BYTES * count;
  return { keys, signatures, messages: signatures + SIGNATURE_BYTES * count };
}

/** Packs items[indices[from..to)] (all with packable lengths) into one ArrayBuffer. */
export function packBatch(items: readonly VerifyItem[], indices: readonly number[], from: number, to: number): ArrayBuffer {
  const count = to - from;
  const offsets = layout(count);
  let messageBytes = 0;
  for (let i = from; i < to; i++) messageBytes += (items[indices[i] as number] as VerifyItem).message.byteLength;
  if (offsets.messages + messageBytes > 0xffff_ffff) throw new RangeError('verify batch chunk larger than 4 GiB');
  const buffer = new ArrayBuffer(offsets.messages + messageBytes);
  const header = new Uint32Array(buffer, 0, 1 + count);
  const bytes = new Uint8Array(buffer);
  header[0] = count;
  let messageEnd = 0;
  for (let j = 0; j < count; j++) {
    const item = items[indices[from + j] as number] as VerifyItem;
    bytes.set(item.publicKey, offsets.keys + PUBLIC_KEY_BYTES * j);
    bytes.set(item.signature, offsets.signatures + SIGNATURE_BYTES * j);
    bytes.set(item.message, offsets.messages + messageEnd);
    messageEnd += item.message.byteLength;
    header[1 + j] = messageEnd;
  }
  return buffer;
}

/**
 * Where a worker also publishes each verdict as soon as it has it (crypto/shared-verdicts.ts):
 * slot `slots[j]` of `verdicts` goes PENDING → CLAIMED (compare-and-exchange: whoever claims it
 * verifies it — a worker, or the main thread when it needs the verdict first) → VALID / INVALID,
 * with Atomics.notify. An item the main thread claimed is skipped here (its byte in the returned
 * results is 0 and meaningless: with shared slots, the slots are the answer).
 */
export interface SharedSlots {
  readonly verdicts: Int32Array;
  readonly slots: Uint32Array;
}

export const VERDICT_PENDING = 0;
export const VERDICT_VALID = 1;
export const VERDICT_INVALID = 2;
export const VERDICT_CLAIMED = 3;

/** Verifies a packed chunk in order; one 0/1 byte per item (and each verdict into `shared` when given). */
export function verifyPacked(buffer: ArrayBuffer, shared?: SharedSlots): Uint8Array {
  const count = new Uint32Array(buffer, 0, 1)[0] as number;
  const header = new Uint32Array(buffer, 0, 1 + count);
  const offsets = layout(count);
  const results = new Uint8Array(count);
  let messageStart = 0;
  for (let j = 0; j < count; j++) {
    const messageEnd = header[1 + j] as number;
    const publicKey = new Uint8Array(buffer, offsets.keys + PUBLIC_KEY_BYTES * j, PUBLIC_KEY_BYTES);
    const signature = new Uint8Array(buffer, offsets.signatures + SIGNATURE_BYTES * j, SIGNATURE_BYTES);
    const message = new Uint8Array(buffer, offsets.messages + messageStart, messageEnd - messageStart);
    const slot = shared === undefined ? -1 : (shared.slots[j] as number);
    if (shared === undefined || Atomics.compareExchange(shared.verdicts, slot, VERDICT_PENDING, VERDICT_CLAIMED) === VERDICT_PENDING) {
      results[j] = verify(publicKey, message, signature) ? 1 : 0;
      if (shared !== undefined) {
        Atomics.store(shared.verdicts, slot, results[j] === 1 ? VERDICT_VALID : VERDICT_INVALID);
        Atomics.notify(shared.verdicts, slot);
      }
    }
    messageStart = messageEnd;
  }
  return results;
}

/** The same answers on the calling thread (for small batches, tests and benchmarks). */
export function verifyBatchSync(items: readonly VerifyItem[]): Uint8Array {
  const results = new Uint8Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as VerifyItem;
    results[i] = verify(item.publicKey, item.message, item.signature) ? 1 : 0;
  }
  return results;
}
