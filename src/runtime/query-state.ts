/**
 * The state a read-only query answers from (the `query`, `session` and `calc-reward` commands):
 * a data directory replayed to a height (newest snapshot ≤ height, then the block log;
 * signatures trusted, state roots checked), or a genesis file (height 0).
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
  /** A genesis file only has height 0; or the chain ends below the height asked for. */
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
    if (height !== undefined && height !== 0) {
      throw new QueryStateError('height_not_available', 'a genesis file only has height 0; use a data directory for later heights', { height });
    }
    try {
      return { state: loadGenesisState(source.genesis).state, height: 0 };
    } catch (error) {
      if (errnoOf(error) === 'ENOENT') throw new QueryStateError('file_not_found', `no such file: ${source.genesis}`);
      throw error;
    }
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
