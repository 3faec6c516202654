/**
 * Replay: re-apply a data directory's block log and check the state root at every height.
 *
 * Start: genesis (default) or the newest snapshot at or below the target. Each record's block
 * is applied by the same reducer the producer used; two roots are checked per block — the
 * header's app hash (the root after the previous block, checked by applyBlock) and the record's
 * stateRootAfter. The first mismatch stops the replay with a Divergence that names the entries
 * that differ (from the record's write-set digest, runtime/divergence.ts).
 *
 * Signatures: verified on a worker pool over all cores, up to two chunks of blocks ahead of the
 * reducer (the reducer itself stays synchronous), or trusted (`trustSignatures`: the producer's
 * recorded verdicts).
 */
import { bytesToHex } from '../core/hex.js';
import { sha256 } from '../crypto/hash.js';
import { VerifyPool } from '../crypto/verify-pool.js';
import { applyBlock, BlockRejectedError } from '../chain/apply-block.js';
import { blockHash } from '../chain/block.js';
import { CHAIN_META_KEY } from '../state/chain-tables.js';
import { prepareTx, trustSignature } from '../chain/prepare.js';
import { verifyOnPool } from './ingest.js';
import { decodeRecord } from '../chain/record.js';
import { diffWriteSets } from './divergence.js';
import { openChain, warnOnStderr } from './open-chain.js';
import { startingState } from './starting-state.js';
import { overrideEvents, WHAT_IF_SKIPPED_CHECKS } from './param-override.js';
import { DEFAULT_SNAPSHOT_RETENTION, writeSnapshot } from '../snapshot/snapshot.js';
const CHUNK_TXS = 4_000;
const CHUNK_BLOCKS = 256;
export async function replay(dir, options = {}) {
    const opened = options.opened ?? openChain(dir, options.onWarning === undefined ? {} : { onWarning: options.onWarning });
    const { log } = opened;
    const snapshotCeiling = options.snapshotAtOrBelow === undefined ? options.to : Math.min(options.snapshotAtOrBelow, options.to ?? Number.MAX_SAFE_INTEGER);
    let pool;
    let state;
    let startedFrom;
    let startHeight = 0;
    let blocks = 0;
    let txs = 0;
    let divergence;
    try {
        ({ state, startedFrom } = startingState(dir, opened.config, log, snapshotCeiling, options.fromSnapshot === true, options.onWarning ?? warnOnStderr));
        await options.onStart?.(state, startedFrom);
        state.store.recordWriteSets = true;
        pool = options.trustSignatures === true ? undefined : await VerifyPool.create(options.workers === undefined ? {} : { workers: options.workers });
        const meta = state.chain.meta.get(CHAIN_META_KEY);
        startHeight = meta.height;
        const targetHeight = Math.min(options.to ?? log.lastHeight, log.lastHeight);
        const records = log.iterate(startHeight + 1, targetHeight)[Symbol.iterator]();
        const load = () => {
            const chunk = loadChunk(records, meta.chainId, options.trustSignatures === true, pool);
            // A chunk read ahead may fail (a damaged record) long before it is awaited: mark it handled
            // now so the failure surfaces where it is awaited, in order, not as an unhandled rejection.
            chunk.catch(() => undefined);
            return chunk;
        };
        // Two chunks ahead of the reducer: the pool always has signatures queued while it applies.
        const ahead = [load(), load()];
        while (divergence === undefined) {
            await options.beforeChunk?.();
            const chunk = await ahead.shift();
            if (chunk.length === 0)
                break;
            ahead.push(load());
            for (const loaded of chunk) {
                divergence = applyLoaded(state, loaded);
                if (divergence !== undefined)
                    break;
                blocks++;
                txs += loaded.prepared.length;
                options.onProgress?.({ height: loaded.height, startHeight, targetHeight, blocks, txs });
            }
        }
        await Promise.all(ahead.map((pending) => pending.catch(() => [])));
    }
    finally {
        await pool?.close();
        if (options.opened === undefined)
            log.close();
    }
    const height = state.chain.meta.get(CHAIN_META_KEY).height;
    return { state, height, stateRoot: bytesToHex(state.store.root), startHeight, startedFrom, blocks, txs, verified: divergence === undefined, divergence };
    function applyLoaded(target, loaded) {
        const { record } = loaded;
        if (bytesToHex(sha256(record.headerBytes)) !== blockHash(record.block.header)) {
            return { height: loaded.height, kind: 'record_malformed', detail: 'header bytes are not in canonical form', expectedRoot: record.stateRootAfter, actualRoot: '', entries: [] };
        }
        let result;
        const overrides = options.paramOverrides;
        const whatIf = overrides !== undefined && overrides.some((o) => o.height <= loaded.height);
        try {
            result = whatIf
                ? applyBlock(target, record.block, { prepared: loaded.prepared, whatIf: { events: overrideEvents(target, overrides, loaded.height), skipChecks: WHAT_IF_SKIPPED_CHECKS } })
                : applyBlock(target, record.block, { prepared: loaded.prepared });
        }
        catch (error) {
            if (error instanceof BlockRejectedError) {
                return { height: loaded.height, kind: 'block_rejected', detail: `${error.code}: ${error.message}`, expectedRoot: record.stateRootAfter, actualRoot: bytesToHex(target.store.root), entries: [] };
            }
            throw error;
        }
        options.onBlock?.(result, target);
        if (whatIf || result.stateRoot === record.stateRootAfter) {
            if (loaded.height > (options.publishAbove ?? 0))
                options.stream?.publish(record.block, loaded.prepared, result);
            // A what-if state diverges on purpose: it must never be written as the directory's snapshot.
            const every = whatIf ? 0 : (options.snapshotEvery ?? 0);
            if (every > 0 && loaded.height % every === 0)
                writeSnapshot(dir, target, { keep: options.keepSnapshots ?? DEFAULT_SNAPSHOT_RETENTION });
            return undefined;
        }
        return {
            height: loaded.height,
            kind: 'state_root_mismatch',
            detail: `state root after block ${loaded.height} is ${result.stateRoot}; the log says ${record.stateRootAfter}`,
            expectedRoot: record.stateRootAfter,
            actualRoot: result.stateRoot,
            entries: diffWriteSets(record.writeSet, target.store.lastWriteSet()),
        };
    }
}
/** Read, decode and prepare the next chunk of blocks; verify its signatures on the pool. */
async function loadChunk(records, chainId, trust, pool) {
    const chunk = [];
    // Each block's signatures are posted to the pool (in slices, runtime/ingest.ts) as soon as the
    // block is decoded, so the workers start while the rest of the chunk is still being read.
    const verifying = [];
    let txCount = 0;
    while (chunk.length < CHUNK_BLOCKS && txCount < CHUNK_TXS) {
        const next = records.next();
        if (next.done === true)
            break;
        const record = decodeRecord(next.value.payload);
        const prepared = record.block.txs.map((tx) => prepareTx(tx, chainId));
        chunk.push({ height: next.value.height, record, prepared });
        txCount += prepared.length;
        if (trust)
            trustRecorded(prepared, record.invalidSignatures);
        else if (pool !== undefined)
            verifying.push(verifyOnPool(prepared, pool));
    }
    await Promise.all(verifying);
    return chunk;
}
/** The producer's verdicts: valid unless the record lists the tx as invalid (record.ts). */
function trustRecorded(prepared, invalidSignatures) {
    prepared.forEach(trustSignature);
    for (const index of invalidSignatures) {
        const tx = prepared[index];
        if (tx !== undefined)
            tx.signature = 'invalid';
    }
}
//# sourceMappingURL=replay.js.map