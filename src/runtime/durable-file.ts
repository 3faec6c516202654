/**
 * Small files that must never be seen half-written (manifests, intents, exports): written to a
 * temporary file named with our pid, fdatasync'ed, renamed over the target, then the directory
 * fsynced. After a crash or a full disk at any instant the target is either the old file (or
 * absent) or the whole new one — never empty or cut short. `writeChunksDurably` does the same
 * with content produced while it is written (an export: never whole in memory).
 */
import { openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { fsyncDir, writeChunksSyncAndClose } from '../log/index.js';

/** Crash tests: called once the temporary file is durable, before the rename (a kill point). */
export type DurableWriteStep = 'temp_written';

export function writeFileDurably(file: string, content: string | Uint8Array, onStep?: (step: DurableWriteStep) => void): void {
  writeChunksDurably(file, [typeof content === 'string' ? Buffer.from(content, 'utf8') : content], onStep);
}

/** writeFileDurably of chunks taken one at a time; the bytes written. An error while a chunk is produced is handled as a failed write. */
export function writeChunksDurably(file: string, chunks: Iterable<Uint8Array>, onStep?: (step: DurableWriteStep) => void): number {
  const temp = `${file}.${process.pid}.tmp`;
  // Opened before the clean-up guard: only a temp file this call created is ever removed (a
  // directory or file already standing at that name is not ours).
  const fd = openSync(temp, 'w');
  let written: number;
  try {
    written = writeChunksSyncAndClose(fd, chunks, temp);
    onStep?.('temp_written');
    renameSync(temp, file);
  } catch (error) {
    // A partial temp file on a full disk would keep it full, and is nobody's to read.
    rmSync(temp, { force: true });
    throw error;
  }
  fsyncDir(dirname(file));
  return written;
}
