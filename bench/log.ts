/**
 * PERF: block log throughput (src/log), each figure next to the physical limit of the same work
 * measured in the same run on the same disk:
 * - append, fsync 'always' (1 KiB and 100 KiB records): BlockLog.append vs raw writeSync of the
 *   same frame bytes + fdatasync per record. The gap is the log's own cost (framing, CRC-32,
 *   index entry write).
 * - append, fsync 'batch' and appendMany(100) under 'always': vs raw writes of the same bytes
 *   with one fdatasync per batch.
 * - iterate (sequential, checksummed) vs raw 1 MiB readSync + CRC-32 of the same files, and
 *   read(height) at random heights vs raw pread of the same frames. Page cache warm in both.
 * Workload: seeded random payloads (ctx.prng), 16 distinct payloads per size, cycled.
 * Self-check: lastHeight and the bytes iterated must match what was appended.
 */
import { closeSync, fdatasyncSync, openSync, readdirSync, readSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from '../src/log/crc32.js';
import { encodeFrame } from '../src/log/frame.js';
import { BlockLog, FRAME_HEADER_BYTES, type FsyncMode } from '../src/log/index.js';
import { scratchDir } from './lib/scratch.js';
import type { BenchContext, BenchModule } from './lib/types.js';

const MIB = 1024 * 1024;

interface AppendCase {
  readonly name: string;
  readonly recordBytes: number;
  readonly fsync: FsyncMode;
  /** Records per appendMany call (1 = append). */
  readonly perCall: number;
  readonly records: { readonly quick: number; readonly full: number };
}

const APPEND_CASES: readonly AppendCase[] = [
  { name: 'append/always/1KiB', recordBytes: 1024, fsync: 'always', perCall: 1, records: { quick: 100, full: 300 } },
  { name: 'append/always/100KiB', recordBytes: 100 * 1024, fsync: 'always', perCall: 1, records: { quick: 40, full: 100 } },
  { name: 'append/batch/1KiB', recordBytes: 1024, fsync: 'batch', perCall: 1, records: { quick: 5000, full: 20000 } },
  { name: 'append/batch/100KiB', recordBytes: 100 * 1024, fsync: 'batch', perCall: 1, records: { quick: 200, full: 600 } },
  { name: 'appendMany100/always/1KiB', recordBytes: 1024, fsync: 'always', perCall: 100, records: { quick: 5000, full: 20000 } },
];

function payloadPool(ctx: BenchContext, bytes: number): Uint8Array[] {
  const prng = ctx.prng();
  return Array.from({ length: 16 }, () => prng.bytes(bytes));
}

/** Raw limit: the same frame bytes written with writeSync, fdatasync after every `syncEvery` records. */
function rawAppend(file: string, frames: readonly Buffer[], count: number, syncEvery: number, perCall: number): number {
  const fd = openSync(file, 'w');
  try {
    let position = 0;
    let unsynced = 0;
    for (let i = 0; i < count; i += perCall) {
      const group = perCall === 1 ? (frames[i % frames.length] as Buffer) : Buffer.concat(Array.from({ length: Math.min(perCall, count - i) }, (_, j) => frames[(i + j) % frames.length] as Buffer));
      position += writeSync(fd, group, 0, group.length, position);
      unsynced += perCall;
      if (unsynced >= syncEvery) {
        fdatasyncSync(fd);
        unsynced = 0;
      }
    }
    fdatasyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return count;
}

async function appendCase(ctx: BenchContext, root: string, spec: AppendCase): Promise<void> {
  const payloads = payloadPool(ctx, spec.recordBytes);
  const frames = payloads.map((payload, i) => encodeFrame(i + 1, payload));
  const count = ctx.quick ? spec.records.quick : spec.records.full;
  const dir = join(root, spec.name.replaceAll('/', '-'));
  const { log } = BlockLog.open(dir, { create: true, fsync: spec.fsync });
  let appended = 0;
  const stats = await ctx.measure({
    label: spec.name,
    run: () => {
      const first = log.lastHeight + 1;
      for (let i = 0; i < count; i += spec.perCall) {
        if (spec.perCall === 1) log.append(first + i, payloads[(first + i) % payloads.length] as Uint8Array);
        else {
          const records = Array.from({ length: Math.min(spec.perCall, count - i) }, (_, j) => ({
            height: first + i + j,
            payload: payloads[(first + i + j) % payloads.length] as Uint8Array,
          }));
          log.appendMany(records);
        }
      }
      log.sync(); // batch: the sample ends durable, as the raw limit does
      appended += count;
      if (log.lastHeight !== appended) throw new Error(`log holds ${log.lastHeight} records, appended ${appended}`);
      return count;
    },
  });
  log.close();
  const rawFile = join(root, `${spec.name.replaceAll('/', '-')}.raw`);
  const syncEvery = spec.fsync === 'always' ? spec.perCall : 1000;
  const limit = await ctx.measure({ label: `${spec.name} raw`, run: () => rawAppend(rawFile, frames, count, syncEvery, spec.perCall) });
  const frameBytes = FRAME_HEADER_BYTES + spec.recordBytes;
  ctx.report({
    case: spec.name,
    workload: { records: count, record_bytes: spec.recordBytes, fsync: spec.fsync, records_per_call: spec.perCall },
    metric: 'records_per_s',
    stats,
    limit: {
      what: `raw writeSync of the same frame bytes + fdatasync every ${syncEvery} record(s), same disk, same run`,
      median: limit.median,
    },
    extra: { mb_per_s: Number(((stats.median * frameBytes) / MIB).toFixed(2)), raw_mb_per_s: Number(((limit.median * frameBytes) / MIB).toFixed(2)) },
  });
}

/** A log of `totalBytes` of 1 KiB records, for the read cases (written with fsync 'never'). */
function buildReadLog(ctx: BenchContext, dir: string, totalBytes: number): { records: number; payloadBytes: number } {
  const payloads = payloadPool(ctx, 1024);
  const { log } = BlockLog.open(dir, { create: true, fsync: 'never' });
  const records = Math.floor(totalBytes / (FRAME_HEADER_BYTES + 1024));
  for (let start = 1; start <= records; start += 1000) {
    const batch = Array.from({ length: Math.min(1000, records - start + 1) }, (_, j) => ({ height: start + j, payload: payloads[(start + j) % 16] as Uint8Array }));
    log.appendMany(batch);
  }
  log.close();
  return { records, payloadBytes: records * 1024 };
}

function rawSequentialRead(dir: string, check: boolean): number {
  const chunk = Buffer.allocUnsafe(MIB);
  let bytes = 0;
  let crc = 0;
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.log')).sort()) {
    const fd = openSync(join(dir, file), 'r');
    try {
      for (let n = readSync(fd, chunk, 0, MIB, null); n > 0; n = readSync(fd, chunk, 0, MIB, null)) {
        bytes += n;
        if (check) crc = crc32(chunk.subarray(0, n), crc);
      }
    } finally {
      closeSync(fd);
    }
  }
  return bytes + (crc & 0); // crc kept live so the checksum pass is not optimised away
}

async function readCases(ctx: BenchContext, root: string): Promise<void> {
  const dir = join(root, 'read');
  const totalBytes = (ctx.quick ? 32 : 128) * MIB;
  const { records, payloadBytes } = buildReadLog(ctx, dir, totalBytes);
  const { log } = BlockLog.open(dir, { readOnly: true });
  const iterate = await ctx.measure({
    label: 'iterate',
    run: () => {
      let seen = 0;
      let bytes = 0;
      for (const record of log.iterate(1)) {
        seen++;
        bytes += record.payload.length;
      }
      if (seen !== records || bytes !== payloadBytes) throw new Error(`iterate saw ${seen} records / ${bytes} bytes, expected ${records} / ${payloadBytes}`);
      return seen;
    },
  });
  const frameBytes = FRAME_HEADER_BYTES + 1024;
  const rawRecordsPerRun = records; // the raw pass reads the same bytes; express it in records
  const raw = await ctx.measure({ label: 'iterate raw read', run: () => (rawSequentialRead(dir, false) >= records * frameBytes ? rawRecordsPerRun : 0) });
  const rawCrc = await ctx.measure({ label: 'iterate raw read+crc32', run: () => (rawSequentialRead(dir, true) >= records * frameBytes ? rawRecordsPerRun : 0) });
  ctx.report({
    case: 'iterate/1KiB',
    workload: { records, record_bytes: 1024, log_mib: Math.round((records * frameBytes) / MIB) },
    metric: 'records_per_s',
    stats: iterate,
    // The same work = read the bytes AND check them: raw 1 MiB reads + one CRC-32 pass over them.
    limit: { what: 'raw readSync of the same segment files in 1 MiB chunks + CRC-32 over them (page cache warm), same run', median: rawCrc.median },
    extra: {
      mb_per_s: Number(((iterate.median * frameBytes) / MIB).toFixed(1)),
      raw_read_crc32_mb_per_s: Number(((rawCrc.median * frameBytes) / MIB).toFixed(1)),
      raw_read_only_mb_per_s: Number(((raw.median * frameBytes) / MIB).toFixed(1)),
    },
  });

  const prng = ctx.prng();
  const heights = Array.from({ length: 20000 }, () => 1 + prng.int(records));
  const reads = await ctx.measure({
    label: 'read random',
    run: () => {
      let bytes = 0;
      for (const height of heights) bytes += log.read(height).length;
      if (bytes !== heights.length * 1024) throw new Error('read returned wrong sizes');
      return heights.length;
    },
  });
  log.close();
  // Raw limit: pread of the same frames at their offsets (known here because every frame is the
  // same size: record i of a segment sits at i × frameBytes).
  const segments = readdirSync(dir).filter((name) => name.endsWith('.log')).sort();
  const firsts = segments.map((name) => Number(name.slice(8, 20)));
  const fds = segments.map((name) => openSync(join(dir, name), 'r'));
  const buf = Buffer.allocUnsafe(frameBytes);
  const rawReads = await ctx.measure({
    label: 'read random raw pread',
    run: () => {
      for (const height of heights) {
        let s = firsts.length - 1;
        while ((firsts[s] as number) > height) s--;
        readSync(fds[s] as number, buf, 0, frameBytes, (height - (firsts[s] as number)) * frameBytes);
      }
      return heights.length;
    },
  });
  for (const fd of fds) closeSync(fd);
  ctx.report({
    case: 'read-random/1KiB',
    workload: { records, reads: heights.length, record_bytes: 1024 },
    metric: 'reads_per_s',
    stats: reads,
    limit: { what: 'raw pread of the same frames at their offsets (page cache warm), same run', median: rawReads.median },
  });
}

export const benchmark: BenchModule = {
  name: 'log',
  description: 'block log: append (fsync always/batch, 1 KiB/100 KiB, appendMany), iterate, random read — vs raw fs',
  async run(ctx) {
    const root = scratchDir('pokt-bench-log-');
    ctx.progress(`scratch ${root}`);
    try {
      for (const spec of APPEND_CASES) await appendCase(ctx, root, spec);
      await readCases(ctx, root);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  },
};
