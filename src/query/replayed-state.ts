/**
 * The state `serve` walks sessions with (/v1/client/dispatch): a reader has no live state, so it
 * replays the block log read-only (newest snapshot ≤ the height, then the blocks; signatures
 * trusted, every state root checked) to the projection's latest height, and keeps that state
 * until the projection moves. Concurrent requests share one replay.
 *
 * The state is kept for one (height, block hash): after a rollback beside this reader and other
 * blocks up to the same height, the hash differs and the log is replayed again (a state of the
 * chain that is gone is never reused; docs/history.md).
 */
import type { LedgerState } from '../chain/ledger-state.js';
import { replay } from '../runtime/replay.js';
import { HttpError } from './http-error.js';

export interface StateAt {
  readonly state: LedgerState;
  readonly height: number;
}

/** `latest`: the projection's height; `blockHash`: its block's hash there ('' when it has no block row: genesis). */
export type StateSource = (latest: number, blockHash: string) => Promise<StateAt>;

export function replayedStateSource(dataDir: string): StateSource {
  let cached: { readonly key: string; readonly at: StateAt } | undefined;
  let pending: { readonly key: string; readonly promise: Promise<StateAt> } | undefined;
  let lastAsked = '';
  return (latest, blockHash) => {
    const key = `${latest}:${blockHash}`;
    lastAsked = key;
    if (cached !== undefined && cached.key === key) return Promise.resolve(cached.at);
    if (pending !== undefined && pending.key === key) return pending.promise;
    const promise = replay(dataDir, { to: latest, fromSnapshot: true, trustSignatures: true }).then((outcome) => {
      if (outcome.divergence !== undefined) throw new HttpError(500, 'replay_diverged', `the block log does not replay at height ${outcome.divergence.height}: ${outcome.divergence.detail}`);
      const replayed = { state: outcome.state, height: outcome.height };
      // Kept when it answers the newest question (an older replay finishing last does not
      // replace it; after a rollback the newest question may be a lower height).
      if (key === lastAsked) cached = { key, at: replayed };
      return replayed;
    });
    pending = { key, promise };
    void promise.finally(() => {
      if (pending?.promise === promise) pending = undefined;
    }).catch(() => undefined);
    return promise;
  };
}
