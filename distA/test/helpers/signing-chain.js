/**
 * Test chains for the signing-info lifecycle (slashing tests): one big genesis validator A keeps
 * the chain alive while a node D, staked by tx, has each of its commit votes scripted. D votes in
 * block h's last commit iff it was in the validator set as of h − 2 (chain/producer.ts), so a
 * test says "D's next N votes are signed/missed" and the helpers produce blocks until D has cast
 * them. Blocks are 15 minutes apart (BLOCK_INTERVAL_NS). Each helper drives either an in-memory
 * LedgerState or a Driver (e.g. a ChainWriter over a data directory, for the audit tests).
 */
import * as assert from 'uvu/assert';
import { VALIDATOR_SET_KEY } from '../../src/modules/nodes/state.js';
import { checkInvariants } from '../../src/sim/invariants.js';
import { produce, signTx } from './chain.js';
import { code, eventsOfType, govChain, govGenesisJson } from './gov-chain.js';
import { beginUnstakeNodeMsg, stakeNodeMsg } from './staking.js';
export const POKT = 1000000n;
/**
 * Defaults: window 100, MinSignedPerWindow 0.96 → MinBlocksSignedPerWindow round(96) = 96 → at
 * most 100 − 96 = 4 misses tolerated, the 5th (counter 5 > 4) jails; DowntimeJailDuration 3600 s
 * (4 blocks); StakeMinimum 15,000 POKT; 4-block sessions; UnstakingTime 3600 s.
 */
export function signingChain(a, d, pos = {}) {
    return govChain(signingChainSpec(a, d, pos));
}
/** signingChain's genesis document, for a data directory (OWNER may change params). */
export function signingGenesisJson(a, d, pos = {}) {
    return govGenesisJson(signingChainSpec(a, d, pos));
}
function signingChainSpec(a, d, pos) {
    return {
        validators: [{ key: a, tokensUpokt: 1000000n * POKT }],
        accounts: [{ key: d, balanceUpokt: 100000n * POKT }],
        params: {
            pos: {
                signed_blocks_window: '100',
                min_signed_per_window: '0.96',
                slash_fraction_downtime: '0.000001',
                downtime_jail_duration: '3600000000000',
                stake_minimum: '15000000000',
                session_block_frequency: '4',
                unstaking_time: '3600000000000',
                max_jailed_blocks: '37960',
                ...pos,
            },
        },
    };
}
export const heightOf = (state) => state.chain.meta.get('meta').height;
export const bitsOf = (state, d) => state.slashing.missedBlocks.get(d.address)?.indices ?? [];
export const infoOf = (state, d) => state.slashing.signingInfos.get(d.address);
export const missedOf = (state, d) => state.slashing.missedBlocks.get(d.address);
/** Whether `address` votes in the next block's last commit: the set as of h − 2 signed block h − 1. */
export function votesNext(state, address) {
    const h = heightOf(state) + 1;
    return h > 1 && (state.nodes.validatorSet.getAt(VALIDATOR_SET_KEY, h - 2) ?? []).some((m) => m.address === address);
}
function driverOf(chain) {
    return 'produce' in chain ? chain : { state: chain, produce: (txs, plan) => produce(chain, txs, plan) };
}
const stateOf = (chain) => driverOf(chain).state;
/** One block; D's vote (when D is in this block's last commit) is `dSigns`. Invariants checked. */
export function block(chain, d, dSigns, txs = [], evidence = []) {
    const driver = driverOf(chain);
    const voted = votesNext(driver.state, d.address);
    const result = driver.produce(txs, { signed: (address) => address !== d.address || dSigns, evidence });
    assert.equal(checkInvariants(driver.state), [], `invariants after block ${heightOf(driver.state)}`);
    return { result, voted };
}
/** One block with one tx by `signer`, which must end with `expected` ('ok' or 'codespace:code'). */
export function txBlock(chain, d, signer, msg, expected = 'ok', dSigns = true) {
    const { result } = block(chain, d, dSigns, [signTx(signer, msg)]);
    assert.is(code(result.receipts[0]), expected, result.receipts[0].log);
    return result;
}
/** Blocks until D has cast `plan.length` votes, the i-th signed iff plan[i]. */
export function votes(chain, d, plan, guard = 20) {
    const results = [];
    let i = 0;
    for (let blocks = 0; i < plan.length; blocks++) {
        assert.ok(blocks < guard, 'D never voted');
        const { result, voted } = block(chain, d, plan[i]);
        results.push(result);
        if (voted)
            i++;
    }
    return results;
}
/** Whether any of `results` jailed D for downtime. */
export const jailedIn = (results, d) => results.some((r) => eventsOfType(r, 'NodeJailed').some((e) => e.address === d.address));
/** Stake D (20,000 POKT), let it miss the votes at indices 0..2, unstake it and run until its record is deleted. */
export function missThenLeave(chain, d, guard = 20) {
    const state = stateOf(chain);
    txBlock(chain, d, d, stakeNodeMsg(d, { value: 20000n * POKT }));
    assert.equal(infoOf(state, d), { address: d.address, startHeight: heightOf(state), indexOffset: 0, jailedUntilNs: 0n, missedBlocksCounter: 0, jailedBlocksCounter: 0 });
    // Three missed votes: indices 0, 1, 2 → bits {0,1,2}, counter 3 (≤ 4: free).
    votes(chain, d, [false, false, false]);
    assert.equal(bitsOf(state, d), [0, 1, 2]);
    assert.is(infoOf(state, d).missedBlocksCounter, 3);
    txBlock(chain, d, d, beginUnstakeNodeMsg(d, d));
    let unstaked = false;
    for (let blocks = 0; !unstaked; blocks++) {
        assert.ok(blocks < guard, 'D never finished unstaking');
        unstaked = eventsOfType(block(chain, d, true).result, 'NodeUnstaked').length > 0;
    }
    // DeleteValidator → DeleteValidatorSigningInfo: the record goes, the bits stay.
    assert.is(state.nodes.validators.get(d.address), undefined);
    assert.is(infoOf(state, d), undefined);
    assert.equal(bitsOf(state, d), [0, 1, 2], 'stale bits outlive the deleted signing info');
}
/** Re-stake D: a fresh record (start h, index 0, Unix 0, valStateChanges.go:312-321); the bits are not cleared. */
export function restake(chain, d, value = 20000n * POKT) {
    const state = stateOf(chain);
    const staked = txBlock(chain, d, d, stakeNodeMsg(d, { value }));
    assert.equal(infoOf(state, d), { address: d.address, startHeight: heightOf(state), indexOffset: 0, jailedUntilNs: 0n, missedBlocksCounter: 0, jailedBlocksCounter: 0 });
    assert.equal(bitsOf(state, d), [0, 1, 2]);
    assert.equal(eventsOfType(staked, 'SigningInfoSet').map((e) => e.missedBlocks), [undefined], 'a new stake says nothing about the bits');
    return staked;
}
//# sourceMappingURL=signing-chain.js.map