/**
 * Genesis file → validated doc → ledger state at height 0. The I/O lives here, at the edge.
 */
import { readFileSync, statSync } from 'node:fs';
import { bundledMainnetGenesisPath } from '../core/paths.js';
import type { LedgerState } from '../chain/ledger-state.js';
import { importGenesis } from './import.js';
import { MAX_GENESIS_BYTES, parseGenesis, type ParseOptions } from './parse.js';
import type { GenesisDoc, GenesisProblem } from './types.js';

export class GenesisError extends Error {
  override readonly name = 'GenesisError';
  constructor(
    readonly file: string,
    readonly problems: readonly GenesisProblem[],
  ) {
    super(`invalid genesis ${file}: ${problems.length} problem(s); first: ${problems[0]?.path}: ${problems[0]?.message}`);
  }
}

export function readGenesisFile(file: string = bundledMainnetGenesisPath(), options: ParseOptions = {}): GenesisDoc {
  const size = statSync(file).size;
  if (size > MAX_GENESIS_BYTES) throw new GenesisError(file, [{ path: '$', message: `file is ${size} bytes, more than ${MAX_GENESIS_BYTES}` }]);
  const parsed = parseGenesis(readFileSync(file, 'utf8'), options);
  if (!parsed.ok) throw new GenesisError(file, parsed.error);
  return parsed.value;
}

export function loadGenesisState(file?: string): { doc: GenesisDoc; state: LedgerState } {
  const doc = readGenesisFile(file);
  return { doc, state: importGenesis(doc) };
}
