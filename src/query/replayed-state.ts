/**
 * The state `serve` walks sessions with (/v1/client/dispatch): a reader has no live state, so it
 * replays the block log read-only (newest snapshot ≤ the height, then the blocks; signatures
 * trusted, every state root checked) to the projection's latest height, and keeps that state
 * until the projection moves. Concurrent requests share one replay.
 */
import type { LedgerState } from '../chain/ledger-state.js';
import { replay } from '../runtime/replay.js';
import { HttpError } from './http-error.js';

export interface StateAt {
  readonly state: LedgerState;
  readonly height: number;
}

export function replayedStateSource(dataDir: string): (latest: number) => Promise<StateAt> {
  let cached: StateAt | undefined;
  let pending: { height: number; promise: Promise<StateAt> } | undefined;
  return (latest) => {
    if (cached !== undefined && cached.height === latest) return Promise.resolve(cached);
    if (pending !== undefined && pending.height === latest) return pending.promise;
    const promise = replay(dataDir, { to: latest, fromSnapshot: true, trustSignatures: true }).then((outcome) => {
      if (outcome.divergence !== undefined) throw new HttpError(500, 'replay_diverged', `the block log does not replay at height ${outcome.divergence.height}: ${outcome.divergence.detail}`);
      const replayed = { state: outcome.state, height: outcome.height };
      if (cached === undefined || replayed.height >= cached.height) cached = replayed;
      return replayed;
    });
    pending = { height: latest, promise };
    void promise.finally(() => {
      if (pending?.promise === promise) pending = undefined;
    }).catch(() => undefined);
    return promise;
  };
}
