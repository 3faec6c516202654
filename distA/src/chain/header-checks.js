import { bytesToHex } from '../core/hex.js';
import { VALIDATOR_SET_KEY } from '../modules/nodes/index.js';
import { CHAIN_META_KEY, heightKey } from '../state/chain-tables.js';
import { txRootFromHexHashes, ZERO_HASH } from './block.js';
const problem = (code, message) => ({ code, message });
/** Chain id, height, time, previous hash, app hash, tx root and proposer against the state. */
export function checkChainHeader(state, block, prepared) {
    const meta = state.chain.meta.get(CHAIN_META_KEY);
    if (meta === undefined)
        return problem('no_genesis', 'state has no chain metadata (import a genesis first)');
    const h = block.header;
    if (h.chainId !== meta.chainId)
        return problem('wrong_chain_id', `block is for chain ${h.chainId}, this is ${meta.chainId}`);
    if (h.height !== meta.height + 1)
        return problem('wrong_height', `expected height ${meta.height + 1}, got ${h.height}`);
    if (h.timeNs <= meta.lastBlockTimeNs && h.height > 1)
        return problem('time_not_increasing', `block time ${h.timeNs} is not after ${meta.lastBlockTimeNs}`);
    if (h.timeNs < meta.genesisTimeNs)
        return problem('time_before_genesis', 'block time is before genesis time');
    const expectedPrev = h.height === 1 ? ZERO_HASH : state.chain.blockHashes.get(heightKey(h.height - 1));
    if (h.prevBlockHash !== expectedPrev)
        return problem('wrong_previous_hash', `previous block hash ${h.prevBlockHash} ≠ ${expectedPrev}`);
    const root = bytesToHex(state.store.root);
    if (h.appHash !== root)
        return problem('wrong_app_hash', `header app hash ${h.appHash} ≠ state root ${root}`);
    const txs = txRootFromHexHashes(prepared.map((tx) => tx.hash));
    if (h.txRoot !== txs)
        return problem('wrong_tx_root', `header tx root ${h.txRoot} ≠ ${txs}`);
    const set = state.nodes.validatorSet.get(VALIDATOR_SET_KEY) ?? [];
    if (!set.some((member) => member.address === h.proposer))
        return problem('proposer_not_validator', `proposer ${h.proposer} is not in the validator set`);
    return undefined;
}
/** Block h's last commit lists exactly the set that signed h−1 (the set after h−2). */
export function checkLastCommit(state, block) {
    const { height, lastCommit } = block.header;
    if (height === 1)
        return lastCommit.length > 0 ? problem('wrong_last_commit', 'block 1 has no previous commit') : undefined;
    const signedSet = state.nodes.validatorSet.getAt(VALIDATOR_SET_KEY, height - 2) ?? [];
    const sorted = [...signedSet].sort((a, b) => (a.address < b.address ? -1 : 1));
    if (sorted.length !== lastCommit.length)
        return problem('wrong_last_commit', `last commit has ${lastCommit.length} votes, the set had ${sorted.length} validators`);
    for (const [i, member] of sorted.entries()) {
        const vote = lastCommit[i];
        if (vote.address !== member.address || vote.power !== member.power) {
            return problem('wrong_last_commit', `last commit vote ${i} is ${vote.address}/${vote.power}, expected ${member.address}/${member.power} (ascending address order)`);
        }
    }
    return undefined;
}
//# sourceMappingURL=header-checks.js.map