/**
 * Where a replay starts: genesis, or the newest snapshot at or below the target that PROVES it
 * belongs to this chain. A snapshot file proves only that its entries hash to the root in its
 * name (snapshot.ts); it is used only if that root is also the one the log recorded after the
 * block of its height (ledger.json's genesis root for height 0) and its chain id is this chain's.
 * Anything else — a snapshot of another chain with the same id, a damaged or truncated file, one
 * above the log's end — is skipped with a warning, and the next older one is tried, down to
 * genesis. So a foreign or rotten snapshot can cost time, never correctness.
 */
import { CHAIN_META_KEY } from '../state/chain-tables.js';
import { decodeRecord } from '../chain/record.js';
import { listSnapshots, readSnapshot, SnapshotError } from '../snapshot/snapshot.js';
import { loadGenesisOfDataDir } from './data-dir.js';
export function startingState(dir, config, log, to, fromSnapshot, warn) {
    if (fromSnapshot) {
        const target = Math.min(to ?? log.lastHeight, log.lastHeight);
        const candidates = listSnapshots(dir);
        for (let i = candidates.length - 1; i >= 0; i--) {
            const info = candidates[i];
            if (info.height > log.lastHeight)
                skip(warn, info, `its height is above the log's last block ${log.lastHeight}`);
            if (info.height > target)
                continue;
            const state = provenSnapshot(info, config, log, warn);
            if (state !== undefined)
                return { state, startedFrom: 'snapshot' };
        }
    }
    return { state: loadGenesisOfDataDir(dir).state, startedFrom: 'genesis' };
}
/** The snapshot's state if it is this chain's state at its height; undefined (warned) if not. */
function provenSnapshot(info, config, log, warn) {
    const recorded = info.height === 0 ? config.genesis_state_root : info.height < log.firstHeight ? undefined : decodeRecord(log.read(info.height)).stateRootAfter;
    if (recorded !== info.stateRoot) {
        skip(warn, info, `its state root is not the root the log recorded at height ${info.height} (${recorded ?? 'none'}): another chain's state`);
        return undefined;
    }
    let state;
    try {
        state = readSnapshot(info);
    }
    catch (error) {
        if (!(error instanceof SnapshotError))
            throw error;
        skip(warn, info, `${error.code}: ${error.message}`);
        return undefined;
    }
    const chainId = state.chain.meta.get(CHAIN_META_KEY)?.chainId;
    if (chainId !== config.chain_id) {
        skip(warn, info, `it is a state of chain ${JSON.stringify(chainId)}, not ${JSON.stringify(config.chain_id)}`);
        return undefined;
    }
    return state;
}
function skip(warn, info, why) {
    warn({ code: 'snapshot_skipped', message: `skipped snapshot ${info.file}: ${why}; trying an older one (or genesis)`, details: { file: info.file, height: info.height } });
}
//# sourceMappingURL=starting-state.js.map