import { bytesToHex } from '../core/hex.js';
import { inactiveFeatures } from '../modules/gov/index.js';
import { blockHash } from './block.js';
import { CHAIN_META_KEY, heightKey } from '../state/chain-tables.js';
import { deliverTx } from './deliver-tx.js';
import { evolveAll } from './evolve.js';
import { AFTER_COMMIT_STEPS, BEGIN_BLOCK_STEPS, END_BLOCK_STEPS, HEADER_CHECKS } from './hooks.js';
import { prepareTx, verifyPrepared } from './prepare.js';
/** The block is not a valid next block for this state (wrong chain, height, hash, …). */
export class BlockRejectedError extends Error {
    code;
    name = 'BlockRejectedError';
    constructor(
    /** A BLOCK code's name (core/codes.ts). */
    code, message) {
        super(message);
        this.code = code;
    }
}
function chainMeta(state) {
    const meta = state.chain.meta.get(CHAIN_META_KEY);
    if (meta === undefined)
        throw new BlockRejectedError('no_genesis', 'state has no chain metadata (import a genesis first)');
    return meta;
}
/** Validate the block against the state before touching anything (chain/hooks.ts HEADER_CHECKS). */
export function checkHeader(state, block, prepared, skip) {
    for (const check of HEADER_CHECKS) {
        const problem = check.run(state, block, prepared);
        if (problem !== undefined && skip?.has(problem.code) !== true)
            throw new BlockRejectedError(problem.code, problem.message);
    }
}
function runSteps(state, steps, ctx, blockEvents) {
    const results = [];
    for (const step of steps) {
        const events = step.run(state, ctx, blockEvents);
        evolveAll(state, events, ctx.height);
        for (const event of events)
            blockEvents.push(event);
        if (events.length > 0)
            results.push({ step: step.name, events });
    }
    return results;
}
export function applyBlock(state, block, options = {}) {
    const hash = blockHash(block.header);
    const meta = chainMeta(state);
    const prepared = options.prepared ?? block.txs.map((tx) => prepareTx(tx, meta.chainId));
    if (prepared.length !== block.txs.length)
        throw new BlockRejectedError('prepared_mismatch', 'prepared txs do not match the block');
    checkHeader(state, block, prepared, options.whatIf?.skipChecks);
    const ctx = {
        chainId: meta.chainId,
        height: block.header.height,
        timeNs: block.header.timeNs,
        blockHash: hash,
        proposer: block.header.proposer,
        previousProposer: meta.lastProposer,
        lastCommit: block.header.lastCommit,
        evidence: block.header.evidence,
        inactiveFeatures: inactiveFeatures(state.params().gov.upgrade, block.header.height),
    };
    // The block's events so far, for steps that act on them (ApplicationBurnRate reads the mint).
    const blockEvents = [];
    const beginBlock = options.whatIf === undefined ? runSteps(state, BEGIN_BLOCK_STEPS, ctx, blockEvents) : whatIfBeginBlock(state, options.whatIf.events, ctx, blockEvents);
    const seen = new Set();
    const receipts = prepared.map((tx, index) => {
        if (tx.signature === 'unchecked' && options.prepared === undefined)
            verifyPrepared(tx);
        return deliverTx(state, tx, index, ctx, seen);
    });
    for (const receipt of receipts)
        for (const event of receipt.events)
            blockEvents.push(event);
    const endBlock = runSteps(state, END_BLOCK_STEPS, ctx, blockEvents);
    recordBlock(state, block, hash, prepared, meta);
    const root = state.store.commitBlock(block.header.height);
    for (const step of AFTER_COMMIT_STEPS)
        step.run(state, block.header.height);
    return { height: block.header.height, blockHash: hash, timeNs: block.header.timeNs, stateRoot: bytesToHex(root), beginBlock, receipts, endBlock };
}
/** A what-if block: the override events as a step of their own, evolved before BeginBlock. */
function whatIfBeginBlock(state, events, ctx, blockEvents) {
    if (events.length === 0)
        return runSteps(state, BEGIN_BLOCK_STEPS, ctx, blockEvents);
    evolveAll(state, events, ctx.height);
    return [{ step: 'what_if_param_override', events }, ...runSteps(state, BEGIN_BLOCK_STEPS, ctx, blockEvents)];
}
function recordBlock(state, block, hash, prepared, meta) {
    const height = block.header.height;
    for (const tx of prepared)
        if (!state.auth.txIndex.has(tx.hash))
            state.auth.txIndex.set(tx.hash, height);
    state.chain.blockHashes.set(heightKey(height), hash);
    state.chain.meta.set(CHAIN_META_KEY, { ...meta, height, lastBlockTimeNs: block.header.timeNs, lastProposer: block.header.proposer });
}
//# sourceMappingURL=apply-block.js.map