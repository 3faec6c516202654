/**
 * Genesis file → validated doc → ledger state at height 0. The I/O lives here, at the edge.
 */
import { readFileSync, statSync } from 'node:fs';
import { getHeapStatistics } from 'node:v8';
import { bundledMainnetGenesisPath } from '../core/paths.js';
import type { LedgerState } from '../chain/ledger-state.js';
import { importGenesis } from './import.js';
import { HEAP_BYTES_PER_GENESIS_BYTE, MAX_GENESIS_BYTES, parseGenesisFromBytes, READ_FILE_MAX_BYTES, type ParseOptions } from './parse.js';
import type { GenesisDoc, GenesisProblem } from './types.js';

export class GenesisError extends Error {
  override readonly name = 'GenesisError';
  constructor(
    readonly file: string,
    readonly problems: readonly GenesisProblem[],
    /** The CLI's error code: a file too big to read is not an invalid one. */
    readonly code: 'invalid_genesis' | 'genesis_too_large' = 'invalid_genesis',
  ) {
    super(
      code === 'genesis_too_large'
        ? `genesis ${file} too large to read: ${problems[0]?.message}`
        : `invalid genesis ${file}: ${problems.length} problem(s); first: ${problems[0]?.path}: ${problems[0]?.message}`,
    );
  }
}

/**
 * Refuses a file the reader cannot read, before reading it (by its size on disk; a sparse or
 * hostile file costs nothing): past MAX_GENESIS_BYTES it would not fit in one readFileSync
 * buffer, or its import in the heap (parse.ts, genesisByteLimit).
 */
export function checkGenesisFileSize(file: string): void {
  checkGenesisSize(file, statSync(file).size);
}

/** The same refusal for `size` bytes of `file` already read (their checksum checked first). */
export function checkGenesisSize(file: string, size: number): void {
  if (size <= MAX_GENESIS_BYTES) return;
  const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
  const readBound = size > READ_FILE_MAX_BYTES;
  const reason = readBound
    ? `it is read into one buffer and Node's readFileSync reads at most ${READ_FILE_MAX_BYTES} bytes (2 GiB − 1), so it cannot be read at all`
    : `importing it needs ~${HEAP_BYTES_PER_GENESIS_BYTE}× its size in heap, more than this process's ${mib(getHeapStatistics().heap_size_limit)}; ` +
      `run with NODE_OPTIONS=--max-old-space-size=${Math.ceil((size * HEAP_BYTES_PER_GENESIS_BYTE) / 2 ** 20 / 1024) * 1024} (MiB) on a machine with that much memory`;
  const message =
    `file is ${size} bytes (${mib(size)}), more than the ${MAX_GENESIS_BYTES} (${mib(MAX_GENESIS_BYTES)}) a genesis may have here: ${reason}. ` +
    `A mainnet pocket-core export is estimated at 0.12–0.33 GB (docs/history.md, "Export / import"): if this is not one, check that it is the right file; ` +
    `a chain of this ledger that has outgrown its export continues from a copy of its data directory instead`;
  throw new GenesisError(file, [{ path: '$', message }], 'genesis_too_large');
}

/**
 * A genesis file's bytes, refused before reading when too large. PERF: callers that also need the
 * bytes (a checksum, init's copy) read them once: a mainnet-sized export takes ~1 s a read here.
 */
export function readGenesisBytes(file: string): Buffer {
  checkGenesisFileSize(file);
  return readFileSync(file);
}

/** The validated doc of a genesis file's bytes (`file` names it in errors). */
export function parseGenesisBytes(file: string, bytes: Buffer, options: ParseOptions = {}): GenesisDoc {
  const parsed = parseGenesisFromBytes(bytes, options);
  if (!parsed.ok) throw new GenesisError(file, parsed.error, parsed.error[0]?.tooLarge === true ? 'genesis_too_large' : 'invalid_genesis');
  return parsed.value;
}

export function readGenesisFile(file: string = bundledMainnetGenesisPath(), options: ParseOptions = {}): GenesisDoc {
  return parseGenesisBytes(file, readGenesisBytes(file), options);
}

export function loadGenesisState(file?: string): { doc: GenesisDoc; state: LedgerState } {
  const doc = readGenesisFile(file);
  return { doc, state: importGenesis(doc) };
}
