import { errnoOf } from '../core/io-error.js';
import { loadGenesisState } from '../genesis/load.js';
import { replay } from './replay.js';
export class QueryStateError extends Error {
    code;
    context;
    name = 'QueryStateError';
    constructor(code, message, context) {
        super(message);
        this.code = code;
        this.context = context;
    }
}
export async function loadQueryState(source) {
    const { height } = source;
    if (source.genesis !== undefined) {
        if (height !== undefined && height !== 0) {
            throw new QueryStateError('height_not_available', 'a genesis file only has height 0; use a data directory for later heights', { height });
        }
        try {
            return { state: loadGenesisState(source.genesis).state, height: 0 };
        }
        catch (error) {
            if (errnoOf(error) === 'ENOENT')
                throw new QueryStateError('file_not_found', `no such file: ${source.genesis}`);
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
//# sourceMappingURL=query-state.js.map