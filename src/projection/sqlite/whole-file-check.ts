/**
 * `project --check`: every page of the SQLite projection read and checked, whatever its size.
 *
 * A catch-up checks the file up front only up to QUICK_CHECK_MAX_BYTES (database.ts: the check
 * reads every page, seconds to minutes for a big file, on every run); above that, damage is found
 * when a read or write reaches it. An operator with a big projection — a mainnet-shaped chain's
 * passes 256 MiB within a few hundred blocks — checks it on demand with this instead.
 *
 * Progress: SQLite's check has no progress callback, so it runs on a worker thread while this
 * thread samples the process's `rchar` in /proc/self/io — bytes read through read()/pread(), the
 * page cache included, which is how SQLite reads pages (no mmap: mmap_size stays 0). The check
 * reads each page about once, so bytes read over the file's size is its progress (shown at most
 * 99% until the verdict: a WAL adds pages). Where /proc is missing, the bar shows elapsed time only.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { startWorker } from '../../core/worker.js';
import { isDamagedDatabase, ProjectionDamaged, ProjectionError } from '../errors.js';
import { projectionFailure } from './failure.js';
import { quickCheckProblem } from './database.js';
import type { WholeFileVerdict } from './whole-file-check-worker.js';

export interface WholeFileProgress {
  /** Bytes the check has read so far (undefined without /proc/self/io). */
  readonly bytesRead: number | undefined;
  readonly fileBytes: number;
  readonly seconds: number;
}

export interface WholeFileReport {
  readonly file: string;
  /** The database file's size (its -wal file not included). */
  readonly bytes: number;
  readonly seconds: number;
  /** Bytes read by the check (undefined without /proc/self/io). */
  readonly bytes_read: number | undefined;
}

const SAMPLE_EVERY_MS = 200;

/** The process's bytes read so far (Linux), else undefined. */
function bytesReadByProcess(): number | undefined {
  try {
    const match = /^rchar: (\d+)$/m.exec(readFileSync('/proc/self/io', 'latin1'));
    return match === null ? undefined : Number(match[1]);
  } catch {
    return undefined;
  }
}

/**
 * Checks every page of `file`; resolves with the report when SQLite finds nothing, rejects with
 * ProjectionDamaged naming the first problem (and the rebuild), or projection_missing.
 */
export async function checkWholeFile(file: string, onProgress: (progress: WholeFileProgress) => void = () => undefined): Promise<WholeFileReport> {
  if (!existsSync(file)) throw new ProjectionError('projection_missing', `no projection at ${file}: nothing to check`, { file });
  const fileBytes = statSync(file).size;
  const started = performance.now();
  const readAtStart = bytesReadByProcess();
  const read = (): number | undefined => {
    const now = bytesReadByProcess();
    return now === undefined || readAtStart === undefined ? undefined : now - readAtStart;
  };
  const seconds = (): number => (performance.now() - started) / 1000;
  const sampler = setInterval(() => onProgress({ bytesRead: read(), fileBytes, seconds: seconds() }), SAMPLE_EVERY_MS);
  try {
    const verdict = await new Promise<WholeFileVerdict>((resolve, reject) => {
      const worker = startWorker(new URL('./whole-file-check-worker.js', import.meta.url), { workerData: { file } });
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the check's thread stopped (exit ${code}) before its verdict`)));
    });
    if (!verdict.ok) {
      if (verdict.refused !== undefined) throw new ProjectionError(verdict.refused.code, verdict.problem, verdict.refused.context);
      // A file SQLite could not open or read for another reason than damage (SQLITE_CANTOPEN on
      // a read-only mount without the -shm, permissions): named as such, not "damaged, rebuild".
      if (verdict.code !== undefined && !isDamagedDatabase({ code: verdict.code })) throw projectionFailure(Object.assign(new Error(verdict.problem), { code: verdict.code }), file);
      throw new ProjectionDamaged(file, verdict.code === undefined ? quickCheckProblem(verdict.problem) : verdict.problem);
    }
    return { file, bytes: fileBytes, seconds: Number(seconds().toFixed(3)), bytes_read: read() };
  } finally {
    clearInterval(sampler);
  }
}
