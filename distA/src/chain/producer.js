import { invariant } from '../core/assert.js';
import { bytesToHex } from '../core/hex.js';
import { VALIDATOR_SET_KEY, selectProposer } from '../modules/nodes/index.js';
import { UpgradeRequiredError, upgradeHaltReason } from '../modules/gov/index.js';
import { txRoot, txRootFromHexHashes, ZERO_HASH } from './block.js';
import { CHAIN_META_KEY, heightKey } from '../state/chain-tables.js';
export class NoValidatorsError extends Error {
    name = 'NoValidatorsError';
}
export function currentValidatorSet(state) {
    return state.nodes.validatorSet.get(VALIDATOR_SET_KEY) ?? [];
}
export function buildBlock(state, plan) {
    const meta = state.chain.meta.get(CHAIN_META_KEY);
    invariant(meta !== undefined, 'state without chain metadata');
    const height = meta.height + 1;
    const halt = upgradeHaltReason(state.params().gov.upgrade, height);
    if (halt !== undefined)
        throw new UpgradeRequiredError(halt);
    const prevBlockHash = height === 1 ? ZERO_HASH : state.chain.blockHashes.get(heightKey(height - 1));
    invariant(prevBlockHash !== undefined, () => `missing hash of block ${height - 1}`);
    const set = currentValidatorSet(state);
    if (set.length === 0)
        throw new NoValidatorsError(`no staked, unjailed validators: the chain cannot produce block ${height}`);
    const proposer = selectProposer(set, prevBlockHash, BigInt(plan.round ?? 0));
    const signedSet = height === 1 ? [] : (state.nodes.validatorSet.getAt(VALIDATOR_SET_KEY, height - 2) ?? []);
    const lastCommit = [...signedSet]
        .sort((a, b) => (a.address < b.address ? -1 : 1))
        .map((member) => ({ address: member.address, power: member.power, signed: plan.signed?.(member.address) ?? true }));
    return {
        header: {
            chainId: meta.chainId,
            height,
            timeNs: plan.timeNs,
            prevBlockHash,
            proposer,
            lastCommit,
            evidence: plan.evidence ?? [],
            txRoot: plan.txHashes !== undefined && plan.txHashes.length === plan.txs.length ? txRootFromHexHashes(plan.txHashes) : txRoot(plan.txs),
            appHash: bytesToHex(state.store.root),
        },
        txs: plan.txs,
    };
}
/** FIFO selection of txs up to a byte budget (pocketcore/BlockByteSize). */
export function selectTxs(candidates, maxBytes, maxTxs = Number.MAX_SAFE_INTEGER) {
    const chosen = [];
    let bytes = 0;
    for (const tx of candidates) {
        if (chosen.length >= maxTxs || bytes + tx.byteLength > maxBytes)
            break;
        chosen.push(tx);
        bytes += tx.byteLength;
    }
    return chosen;
}
//# sourceMappingURL=producer.js.map