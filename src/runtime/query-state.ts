/**
 * The state a read-only query answers from (the `query`, `session` and `calc-reward` commands):
 * a data directory replayed to a height (newest snapshot ≤ height, then the block log;
 * signatures trusted, state roots checked), or a genesis file (at its height: 0, or an exported
 * state's export height).
 * Failures are coded (QueryStateError, GenesisError, the log's and data directory's errors).
 */
import type { LedgerState } from '../chain/ledger-state.js';
import { errnoOf } from '../core/io-error.js';
import { loadGenesisState } from '../genesis/load.js';
import { replay } from './replay.js';

export type QueryStateSource =
  | { readonly data: string; readonly genesis?: undefined; readonly height?: number }
  | { readonly genesis: string; readonly data?: undefined; readonly height?: number };

export type QueryStateErrorCode =
  /** A genesis file only has its own height; or the chain ends below the height asked for. */
  | 'height_not_available'
  /** The data directory does not replay to its own stored roots. */
  | 'replay_diverged'
  | 'file_not_found';

export class QueryStateError extends Error {
  override readonly name = 'QueryStateError';
  constructor(
    readonly code: QueryStateErrorCode,
    message: string,
    readonly context?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
  }
}

export interface QueryState {
  readonly state: LedgerState;
  readonly height: number;
}

export async function loadQueryState(source: QueryStateSource): Promise<QueryState> {
  const { height } = source;
  if (source.genesis !== undefined) {
    let loaded: ReturnType<typeof loadGenesisState>;
    try {
      loaded = loadGenesisState(source.genesis);
    } catch (error) {
      if (errnoOf(error) === 'ENOENT') throw new QueryStateError('file_not_found', `no such file: ${source.genesis}`);
      throw error;
    }
    // An exported state (`pokt-ledger export`, pocket-core export-genesis-for-reset) is the state
    // at its export height, not at 0: answered as height 0, `session --genesis` asked for the
    // session of height -3 and failed as an internal error (QA of 2026-12-06).
    const genesisHeight = loaded.doc.exported?.height ?? 0;
    if (height !== undefined && height !== genesisHeight) {
      throw new QueryStateError('height_not_available', `a genesis file only has its own height (${genesisHeight}); use a data directory for other heights`, { height, genesis_height: genesisHeight });
    }
    return { state: loaded.state, height: genesisHeight };
  }
  const outcome = await replay(source.data, { ...(height === undefined ? {} : { to: height }), fromSnapshot: true, trustSignatures: true });
  if (outcome.divergence !== undefined) {
    throw new QueryStateError('replay_diverged', `the chain does not replay: ${outcome.divergence.detail}`, { height: outcome.divergence.height });
  }
  if (height !== undefined && outcome.height !== height) {
    throw new QueryStateError('height_not_available', `height ${height} is beyond the chain's last block ${outcome.height}`, { height, last: outcome.height });
  }
  return { state: outcome.state, height: outcome.height };
}
