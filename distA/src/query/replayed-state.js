import { replay } from '../runtime/replay.js';
import { HttpError } from './http-error.js';
export function replayedStateSource(dataDir) {
    let cached;
    let pending;
    return (latest) => {
        if (cached !== undefined && cached.height === latest)
            return Promise.resolve(cached);
        if (pending !== undefined && pending.height === latest)
            return pending.promise;
        const promise = replay(dataDir, { to: latest, fromSnapshot: true, trustSignatures: true }).then((outcome) => {
            if (outcome.divergence !== undefined)
                throw new HttpError(500, 'replay_diverged', `the block log does not replay at height ${outcome.divergence.height}: ${outcome.divergence.detail}`);
            const replayed = { state: outcome.state, height: outcome.height };
            if (cached === undefined || replayed.height >= cached.height)
                cached = replayed;
            return replayed;
        });
        pending = { height: latest, promise };
        void promise.finally(() => {
            if (pending?.promise === promise)
                pending = undefined;
        }).catch(() => undefined);
        return promise;
    };
}
//# sourceMappingURL=replayed-state.js.map