/**
 * `verify`: does a data directory prove its own chain, and where do two runs part?
 *
 * One directory (`verifyDataDir`), two passes:
 *   1. the hash chain, reading every record (each frame's CRC is re-checked by the log): heights
 *      consecutive, the header bytes canonical, each header's previous-block hash = SHA-256 of
 *      the previous header, each app hash = the state root recorded after the previous block
 *      (ledger.json's genesis root for the first). A changed byte anywhere in a record is caught
 *      here — by the frame CRC, by the decoder, or by the link from the next block — and named
 *      with its height.
 *   2. every state root: a replay from genesis (signatures trusted unless asked; the roots are
 *      recomputed by the reducer and compared with the recorded ones at every height).
 *
 * Two directories (`bisectDataDirs`): the first height whose record (block hash, state root)
 * differs, found by binary search over the recorded roots — valid because each header names the
 * previous block's hash and the previous root, so once two chains differ at h they differ at
 * every later common height. Then both states are rebuilt at that height (newest proven
 * snapshot + replay) and compared entry by entry (state-diff.ts), and at h − 1 as a check that
 * they agreed before.
 */
import { bytesToHex } from '../core/hex.js';
import { sha256 } from '../crypto/hash.js';
import { blockHash, ZERO_HASH } from '../chain/block.js';
import { decodeRecord } from '../chain/record.js';
import { isBlockLogError } from '../log/index.js';
import { openChain } from './open-chain.js';
import { replay } from './replay.js';
import { diffStates } from './state-diff.js';
export async function verifyDataDir(dir, options = {}) {
    let opened;
    try {
        opened = openChain(dir, options.onWarning === undefined ? {} : { onWarning: options.onWarning });
    }
    catch (error) {
        // Damage found while opening (the tail segment is scanned): named with its height like any other.
        if (!isBlockLogError(error))
            throw error;
        const height = error.context?.height ?? -1;
        return { ok: false, first_height: -1, last_height: -1, records: 0, chain_problem: { height, code: error.code, message: error.message }, divergence: null, state_root: null };
    }
    const { log, config } = opened;
    const first = log.firstHeight;
    const last = log.lastHeight;
    let chainProblem;
    try {
        chainProblem = checkHashChain(log, config, options.onProgress);
    }
    finally {
        log.close();
    }
    const base = { first_height: first, last_height: last, records: Math.max(0, last - first + 1) };
    if (chainProblem !== null)
        return { ok: false, ...base, chain_problem: chainProblem, divergence: null, state_root: null };
    const outcome = await replay(dir, { trustSignatures: options.verifySignatures !== true, ...(options.onWarning === undefined ? {} : { onWarning: options.onWarning }) });
    return { ok: outcome.verified, ...base, chain_problem: null, divergence: outcome.divergence ?? null, state_root: outcome.stateRoot };
}
function checkHashChain(log, config, onProgress) {
    let previousHash = config.previous_block_hash ?? ZERO_HASH;
    let previousRoot = config.genesis_state_root;
    let expected = log.firstHeight;
    try {
        for (const { height, payload } of log.iterate(log.firstHeight)) {
            let record;
            try {
                record = decodeRecord(payload);
            }
            catch (error) {
                return { height, code: 'record_malformed', message: `the record does not decode: ${error instanceof Error ? error.message : String(error)}` };
            }
            const header = record.block.header;
            const hash = bytesToHex(sha256(record.headerBytes));
            if (header.height !== height || height !== expected)
                return { height, code: 'height_mismatch', message: `record ${height} holds block ${header.height} (expected ${expected})` };
            if (hash !== blockHash(header))
                return { height, code: 'header_not_canonical', message: 'the stored header bytes are not the canonical encoding of the header they decode to' };
            if (header.prevBlockHash !== previousHash)
                return { height, code: 'previous_hash_mismatch', message: `block ${height} names previous hash ${header.prevBlockHash}, block ${height - 1} hashes to ${previousHash}` };
            if (header.appHash !== previousRoot)
                return { height, code: 'app_hash_mismatch', message: `block ${height} was built on state root ${header.appHash}, the root recorded after block ${height - 1} is ${previousRoot}` };
            previousHash = hash;
            previousRoot = record.stateRootAfter;
            expected = height + 1;
            onProgress?.(height, log.lastHeight);
        }
    }
    catch (error) {
        if (!isBlockLogError(error))
            throw error;
        const context = (error.context ?? {});
        return { height: context.height ?? expected, code: error.code, message: error.message };
    }
    return null;
}
function recordedAt(log, config, height) {
    if (height < log.firstHeight)
        return { blockHash: config.previous_block_hash ?? ZERO_HASH, stateRoot: config.genesis_state_root };
    const record = decodeRecord(log.read(height));
    return { blockHash: bytesToHex(sha256(record.headerBytes)), stateRoot: record.stateRootAfter };
}
/** The block hash and state root a data directory recorded at `height` (its genesis values below its first block). */
export function recordedAtHeight(dir, height) {
    const { log, config } = openChain(dir, { onWarning: () => undefined });
    try {
        return recordedAt(log, config, height);
    }
    finally {
        log.close();
    }
}
const same = (a, b) => a.blockHash === b.blockHash && a.stateRoot === b.stateRoot;
export async function bisectDataDirs(leftDir, rightDir, options = {}) {
    const open = (dir) => openChain(dir, options.onWarning === undefined ? {} : { onWarning: options.onWarning });
    const left = open(leftDir);
    let right;
    let probes = 0;
    let found;
    let sides;
    try {
        right = open(rightDir);
        const [l, r] = [left, right];
        const start = Math.max(l.log.firstHeight, r.log.firstHeight) - 1;
        const common = Math.min(l.log.lastHeight, r.log.lastHeight);
        const at = (h) => {
            probes++;
            return same(recordedAt(l.log, l.config, h), recordedAt(r.log, r.config, h));
        };
        if (!at(start))
            found = { height: start, kind: 'genesis_differs' };
        else {
            // Invariant: records equal at `low`, differ at `high` (or high = common + 1: never differ).
            let low = start;
            let high = common + 1;
            while (high - low > 1) {
                const middle = low + Math.floor((high - low) / 2);
                if (at(middle))
                    low = middle;
                else
                    high = middle;
            }
            const lengthsDiffer = l.log.lastHeight !== r.log.lastHeight;
            found = high <= common ? { height: high, kind: 'records_differ' } : lengthsDiffer ? { height: common + 1, kind: 'prefix' } : { height: common, kind: 'identical' };
        }
        sides = [sideAt(l, found.height), sideAt(r, found.height)];
    }
    finally {
        left.log.close();
        right?.log.close();
    }
    if (found.kind === 'identical')
        return { identical: true, first_difference: null, kind: 'identical', left: sides[0], right: sides[1], differing_entries: 0, entries: [], probes };
    const diff = found.kind === 'prefix' ? { count: 0, entries: [] } : await diffAt(leftDir, rightDir, found.height, options.limit ?? 200);
    return { identical: false, first_difference: found.height, kind: found.kind, left: sides[0], right: sides[1], differing_entries: diff.count, entries: diff.entries, probes };
}
function sideAt(opened, height) {
    const present = height >= opened.log.firstHeight - 1 && height <= opened.log.lastHeight;
    const recorded = present ? recordedAt(opened.log, opened.config, height) : null;
    return { last_height: opened.log.lastHeight, block_hash: recorded?.blockHash ?? null, state_root: recorded?.stateRoot ?? null };
}
async function diffAt(leftDir, rightDir, height, limit) {
    const stateAt = async (dir) => (await replay(dir, { to: height, fromSnapshot: true, trustSignatures: true, onWarning: () => undefined })).state;
    const [a, b] = [await stateAt(leftDir), await stateAt(rightDir)];
    return diffStates(a, b, limit);
}
//# sourceMappingURL=verify.js.map