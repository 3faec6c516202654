/**
 * Small files that must never be seen half-written (manifests, intents, exports): written to a
 * temporary file named with our pid, fdatasync'ed, renamed over the target, then the directory
 * fsynced. After a crash or a full disk at any instant the target is either the old file (or
 * absent) or the whole new one — never empty or cut short.
 */
import { openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { fsyncDir, writeAllSyncAndClose } from '../log/index.js';

/** Crash tests: called once the temporary file is durable, before the rename (a kill point). */
export type DurableWriteStep = 'temp_written';

export function writeFileDurably(file: string, content: string | Uint8Array, onStep?: (step: DurableWriteStep) => void): void {
  const temp = `${file}.${process.pid}.tmp`;
  // Opened before the clean-up guard: only a temp file this call created is ever removed (a
  // directory or file already standing at that name is not ours).
  const fd = openSync(temp, 'w');
  try {
    writeAllSyncAndClose(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content, temp);
    onStep?.('temp_written');
    renameSync(temp, file);
  } catch (error) {
    // A partial temp file on a full disk would keep it full, and is nobody's to read.
    rmSync(temp, { force: true });
    throw error;
  }
  fsyncDir(dirname(file));
}

