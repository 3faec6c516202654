/**
 * The head record: `<dir>/head`, the durable claim "every record up to height H is on disk, and
 * the frame of H has checksum C". It is what turns a missing tail from "the log is shorter" into
 * "acknowledged records were lost": the segments alone cannot tell a deleted last segment, a
 * truncation at a frame boundary or an emptied segment from a log that simply ended there.
 *
 * Why a separate file and not segment headers: the claim must move forward on every fsync, and
 * segment files are append-only (a header rewritten in place would put mutable bytes in front of
 * the immutable frames and still say nothing once its segment is deleted). A fixed-size file
 * rewritten in place costs one small pwrite + fdatasync per durable point and no directory
 * metadata (its size never changes, so fdatasync need not write the inode).
 *
 * Why two slots: a write of the head can be torn by a power loss. The two slots sit in separate
 * 512-byte sectors and are written alternately (slot = seq mod 2), so a torn write damages at
 * most the slot being written; the other still holds the previous claim, which is older and
 * therefore never claims more than is durable. The reader takes the valid slot with the higher
 * sequence number.
 *
 * Ordering (block-log.ts): the head is written only AFTER the segment bytes it names were
 * fdatasync'ed (modes 'always' and 'batch'), so it never claims what the segment may lack.
 * Mode 'never' writes it after every append without fsync: it then claims what was acknowledged,
 * and a power loss may lose both (that mode promises nothing across power loss).
 *
 * Slot layout (48 bytes, little-endian), slot 0 at offset 0, slot 1 at offset 512:
 * ```
 * offset size field
 *      0    4 magic "PLHD"
 *      4    1 version 1
 *      5    3 zero
 *      8    4 CRC-32 of bytes 12 … 47
 *     12    8 seq          (u64, +1 per write)
 *     20    8 height       last durable height (firstHeight − 1: nothing yet)
 *     28    4 frameCrc     the CRC field of that height's frame (0 when height < firstHeight)
 *     32    8 firstHeight  the log's first height (a head from another log is refused)
 *     40    8 zero
 * ```
 * Worked example: seq 5, height 12, frameCrc 0xdeadbeef, firstHeight 1 is written to slot 1
 * (offset 512); slot 0 keeps seq 4 (height 11, say) until the next write overwrites it.
 */
import { closeSync, existsSync, fdatasyncSync, fsyncSync, openSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from './crc32.js';
import { BlockLogError } from './errors.js';
import { HEAD_FILE, fsyncDir, pwriteFully } from './files.js';
import type { LogMeta } from './meta.js';

export const HEAD_SLOT_BYTES = 48;
export const HEAD_SLOT_STRIDE = 512;
export const HEAD_FILE_BYTES = 2 * HEAD_SLOT_STRIDE;
const HEAD_MAGIC = Buffer.from('PLHD', 'latin1');
const HEAD_VERSION = 1;

export interface HeadRecord {
  readonly seq: number;
  readonly height: number;
  readonly frameCrc: number;
  readonly firstHeight: number;
}

export interface HeadRead {
  /** The newest valid slot. */
  readonly head: HeadRecord;
  /** A slot that failed its checksum (a torn head write or damage), or null. */
  readonly damagedSlot: number | null;
}

export const headPath = (dir: string): string => join(dir, HEAD_FILE);

function writeU64(buf: Buffer, value: number, at: number): void {
  buf.writeUInt32LE(value % 2 ** 32, at);
  buf.writeUInt32LE(Math.floor(value / 2 ** 32), at + 4);
}

function readU64(buf: Buffer, at: number): number {
  return buf.readUInt32LE(at + 4) * 2 ** 32 + buf.readUInt32LE(at);
}

export function encodeHeadSlot(head: HeadRecord): Buffer {
  const buf = Buffer.alloc(HEAD_SLOT_BYTES);
  HEAD_MAGIC.copy(buf, 0);
  buf[4] = HEAD_VERSION;
  writeU64(buf, head.seq, 12);
  writeU64(buf, head.height, 20);
  buf.writeUInt32LE(head.frameCrc >>> 0, 28);
  writeU64(buf, head.firstHeight, 32);
  buf.writeUInt32LE(crc32(buf.subarray(12)), 8);
  return buf;
}

function decodeHeadSlot(buf: Buffer): HeadRecord | null {
  if (buf.length < HEAD_SLOT_BYTES || !buf.subarray(0, 4).equals(HEAD_MAGIC) || buf[4] !== HEAD_VERSION) return null;
  if (crc32(buf.subarray(12, HEAD_SLOT_BYTES)) !== buf.readUInt32LE(8)) return null;
  const head = { seq: readU64(buf, 12), height: readU64(buf, 20), frameCrc: buf.readUInt32LE(28), firstHeight: readU64(buf, 32) };
  return Number.isSafeInteger(head.seq) && Number.isSafeInteger(head.height) && Number.isSafeInteger(head.firstHeight) ? head : null;
}

/** The head of `dir`, or null when the file does not exist; `log_head_corrupt` when no slot is valid. */
export function readHead(dir: string): HeadRead | null {
  const path = headPath(dir);
  if (!existsSync(path)) return null;
  const bytes = readFileSync(path);
  const slotAt = (slot: number): HeadRecord | null => decodeHeadSlot(bytes.subarray(slot * HEAD_SLOT_STRIDE, slot * HEAD_SLOT_STRIDE + HEAD_SLOT_BYTES));
  const zero = slotAt(0);
  const one = slotAt(1);
  if (zero === null && one === null) {
    throw new BlockLogError('log_head_corrupt', `${path}: neither slot of the head record is valid (${bytes.length} bytes); the log cannot prove which records were acknowledged`, {
      file: path,
      bytes: bytes.length,
    });
  }
  const head = zero === null ? (one as HeadRecord) : one === null ? zero : zero.seq > one.seq ? zero : one;
  return { head, damagedSlot: zero === null ? 0 : one === null ? 1 : null };
}

/** Writes head records in place into an open head file (created with both slots by `createHeadFile`). */
export class HeadWriter {
  private fd: number;
  private readonly file: string;

  constructor(
    dir: string,
    private seq: number,
  ) {
    this.file = headPath(dir);
    this.fd = openSync(this.file, 'r+');
  }

  /** Writes the next slot; `durable` = fdatasync before returning. */
  write(height: number, frameCrc: number, firstHeight: number, durable: boolean): HeadRecord {
    const head: HeadRecord = { seq: this.seq + 1, height, frameCrc, firstHeight };
    pwriteFully(this.fd, encodeHeadSlot(head), (head.seq % 2) * HEAD_SLOT_STRIDE, this.file);
    if (durable) fdatasyncSync(this.fd);
    this.seq = head.seq;
    return head;
  }

  close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }
}

/**
 * A new head file claiming `height` (both slots written, seq 0 and 1, fsynced): at log creation,
 * when a log made before head records existed is first opened for writing, or after `repair`.
 */
export function createHeadFile(dir: string, height: number, frameCrc: number, firstHeight: number, durable: boolean): HeadRecord {
  const buf = Buffer.alloc(HEAD_FILE_BYTES);
  encodeHeadSlot({ seq: 0, height, frameCrc, firstHeight }).copy(buf, 0);
  const head: HeadRecord = { seq: 1, height, frameCrc, firstHeight };
  encodeHeadSlot(head).copy(buf, HEAD_SLOT_STRIDE);
  // Temporary file + rename: a crash part-way never leaves a short head file behind.
  const tmp = `${headPath(dir)}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    pwriteFully(fd, buf, 0, tmp);
    if (durable) fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, headPath(dir));
  if (durable) fsyncDir(dir);
  return head;
}

/**
 * The head record of an existing log (null when it has none). A log whose meta says it keeps a
 * head but whose head file is gone or unreadable is refused — unless the operator repairs, which
 * then writes a fresh head from what the segments hold.
 */
export function openHead(dir: string, meta: LogMeta, repair: boolean): HeadRead | null {
  let found: HeadRead | null;
  try {
    found = readHead(dir);
  } catch (error) {
    if (repair) return null;
    throw error;
  }
  if (found === null) {
    if (!meta.head || repair) return null;
    throw new BlockLogError('log_head_missing', `${headPath(dir)} is missing: the log cannot prove which records were acknowledged. Restore it from a backup, or accept the segments as they are with \`pokt-ledger repair\` (it checks every record and writes a new head)`, {
      file: headPath(dir),
    });
  }
  if (found.head.firstHeight !== meta.firstHeight) {
    if (repair) return null;
    throw new BlockLogError('log_head_corrupt', `${headPath(dir)} belongs to a log starting at height ${found.head.firstHeight}, this one starts at ${meta.firstHeight}`, {
      file: headPath(dir),
    });
  }
  return found;
}
