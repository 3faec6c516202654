/**
 * Goal: the jail lifecycle follows pocket-core (PROTOCOL §1.2, §6.7, §6.8): MsgUnjail's checks
 * in order (pos:101, pos:125, below minimum → pos:105 with the waiting-set side effect, not
 * jailed → pos:105, jailed_until by BLOCK time → pos:104), the unjail itself (back in the set,
 * counters reset), and the jailed-blocks counter forcing a validator out after MaxJailedBlocks
 * with its stake refunded through unstaking.
 * Method: test chains with mainnet downtime params; validator B is jailed by missing 5 votes in
 * blocks 2..6 (block time T6, jailed_until T6 + 3600 s = the time of block 10 with 15-minute
 * blocks); then real signed Unjail txs. Invariants after every block.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { balanceOf, totalSupply } from '../../../src/modules/auth/bank.js';
import { MODULE_ADDRESSES } from '../../../src/modules/auth/state.js';
import { StakeStatus, VALIDATOR_SET_KEY } from '../../../src/modules/nodes/state.js';
import { checkInvariants } from '../../../src/sim/invariants.js';
import { produce, signTx, testKey } from '../../helpers/chain.js';
import { eventsOfType, expectOnly, FUNDS_UPOKT, govChain, OWNER, paramChange, unjail } from '../../helpers/gov-chain.js';
const POKT = 1000000n;
const A = testKey('jail-a');
const B = testKey('jail-b');
const C = testKey('jail-c');
function chain(pos = {}, extra = []) {
    return govChain({
        validators: [{ key: A, tokensUpokt: 100000n * POKT }, { key: B, tokensUpokt: 50000n * POKT }, { key: C, tokensUpokt: 60000n * POKT }, ...extra],
        params: {
            pos: {
                signed_blocks_window: '10',
                min_signed_per_window: '0.60',
                slash_fraction_downtime: '0.000001',
                downtime_jail_duration: '3600000000000',
                stake_minimum: '15000000000',
                session_block_frequency: '4',
                unstaking_time: '3600000000000',
                ...pos,
            },
        },
    });
}
function step(state, txs = [], bMisses = false) {
    const result = produce(state, txs, { signed: (address) => !(bMisses && address === B.address) });
    assert.equal(checkInvariants(state), [], `invariants after block ${result.height}`);
    return result;
}
/** B misses blocks 2..6 and is jailed in block 6; returns block 6's result. */
function jailB(state) {
    step(state);
    let last;
    for (let h = 2; h <= 6; h++)
        last = step(state, [], true);
    assert.ok(state.nodes.validators.get(B.address).jailed);
    return last;
}
const inSet = (state, address) => (state.nodes.validatorSet.get(VALIDATOR_SET_KEY) ?? []).some((m) => m.address === address);
const unjailing = suite('slashing: MsgUnjail');
unjailing('too early (block time < jailed_until) → pos:104; at jailed_until exactly → unjailed, back in the set, counters reset', () => {
    const state = chain();
    const block6 = jailB(state);
    const jailedUntil = block6.timeNs + 3600000000000n;
    step(state);
    step(state);
    const early = step(state, [signTx(B, unjail(B, B))]); // block 9: T6 + 45 min
    assert.ok(early.timeNs < jailedUntil);
    expectOnly(early, 'pos:104');
    assert.is(early.receipts[0].feeUpokt, 10000n, 'the fee is charged');
    assert.ok(state.nodes.validators.get(B.address).jailed);
    const onTime = step(state, [signTx(B, unjail(B, B))]); // block 10: T6 + 60 min
    assert.is(onTime.timeNs, jailedUntil);
    expectOnly(onTime, 'ok');
    const [unjailed] = eventsOfType(onTime, 'NodeUnjailed');
    assert.equal([unjailed.address, unjailed.signer], [B.address, B.address]);
    assert.not.ok(state.nodes.validators.get(B.address).jailed);
    assert.ok(inSet(state, B.address), 'back in the validator set at EndBlock');
    const info = state.slashing.signingInfos.get(B.address);
    assert.equal([info.missedBlocksCounter, info.indexOffset, info.jailedBlocksCounter, info.jailedUntilNs], [0, 0, 0, jailedUntil], 'counters reset, jailed_until kept');
    assert.equal(unjailed.signingInfo, info, 'the event carries the record it writes');
});
unjailing('a validator that is not jailed → pos:105; an unknown address → pos:101', () => {
    const state = chain();
    step(state);
    expectOnly(step(state, [signTx(A, unjail(A, A))]), 'pos:105');
    const stranger = testKey('jail-stranger');
    step(state, [signTx(A, { kind: 'Send', fromAddress: A.address, toAddress: stranger.address, amount: '1000000' })]);
    expectOnly(step(state, [signTx(stranger, unjail(stranger, stranger))]), 'pos:101');
});
unjailing('a signer that is neither the operator nor its output address → pos:125', () => {
    const state = chain();
    jailB(state);
    expectOnly(step(state, [signTx(C, unjail(B, C))]), 'pos:125');
    assert.ok(state.nodes.validators.get(B.address).jailed);
});
unjailing('stake below StakeMinimum → pos:105, and the validator joins the waiting set anyway (pocket-core side effect); it is unstaked at session end', () => {
    const state = chain();
    jailB(state);
    expectOnly(step(state, [signTx(OWNER, paramChange(OWNER, 'pos/StakeMinimum', '"55000000000"'))]), 'ok'); // block 7
    const attempt = step(state, [signTx(B, unjail(B, B))]); // block 8 (session end)
    expectOnly(attempt, 'pos:105');
    assert.equal(eventsOfType(attempt, 'NodeUnstakeRequested'), [{ type: 'NodeUnstakeRequested', address: B.address, signer: B.address, reason: 'unjail_below_minimum' }]);
    assert.is(attempt.receipts[0].feeUpokt, 10000n);
    assert.equal(eventsOfType(attempt, 'NodeUnstakingStarted').map((e) => e.address), [B.address], 'released at the session end of the same block');
    assert.is(state.nodes.validators.get(B.address).status, StakeStatus.Unstaking);
    assert.ok(state.nodes.validators.get(B.address).jailed);
});
unjailing('the check uses block time only: a jail that ended long ago in block time unjails whatever the wall clock says', () => {
    const state = chain();
    jailB(state);
    for (let h = 7; h <= 20; h++)
        step(state);
    expectOnly(step(state, [signTx(B, unjail(B, B))]), 'ok');
});
const counter = suite('slashing: jailed-blocks counter and MaxJailedBlocks');
counter('counter +1 per EndBlock while jailed; > MaxJailedBlocks (3) → force unstake (not saved), session end starts it, stake refunded after UnstakingTime', () => {
    const J = testKey('jail-long');
    const state = chain({ max_jailed_blocks: '3' }, [{ key: J, tokensUpokt: 20000n * POKT, jailed: true }]);
    const supply = totalSupply(state.auth);
    const counts = [];
    const results = [];
    for (let h = 1; h <= 3; h++) {
        results.push(step(state));
        counts.push(state.slashing.signingInfos.get(J.address).jailedBlocksCounter);
    }
    assert.equal(counts, [1, 2, 3]);
    const block4 = step(state);
    assert.equal(eventsOfType(block4, 'NodeForceUnstakeQueued'), [{ type: 'NodeForceUnstakeQueued', address: J.address, reason: 'max_jailed_blocks', jails: false, tokensUpokt: 20000n * POKT }]);
    assert.is(state.slashing.signingInfos.get(J.address).jailedBlocksCounter, 3, 'the incremented counter is not saved in this branch');
    assert.equal(eventsOfType(block4, 'NodeUnstakingStarted').map((e) => [e.address, e.waitingReason]), [[J.address, 'max_jailed_blocks']], 'block 4 is a session end');
    assert.equal(eventsOfType(step(state), 'NodeForceUnstakeQueued'), [], 'an Unstaking validator is not queued again');
    let refunded;
    for (let h = 6; h <= 8 && refunded === undefined; h++)
        refunded = eventsOfType(step(state), 'NodeUnstaked')[0]?.amountUpokt;
    assert.is(refunded, 20000n * POKT);
    assert.is(balanceOf(state.auth, J.address), FUNDS_UPOKT + 20000n * POKT, 'refunded to the operator, nothing burned');
    assert.is(totalSupply(state.auth), supply);
    assert.is(state.nodes.validators.get(J.address), undefined);
    assert.is(balanceOf(state.auth, MODULE_ADDRESSES.staked_tokens_pool), (100000n + 50000n + 60000n) * POKT);
});
counter('unjailing resets the counter', () => {
    const state = chain();
    jailB(state);
    for (let h = 7; h <= 9; h++)
        step(state);
    assert.is(state.slashing.signingInfos.get(B.address).jailedBlocksCounter, 4, 'EndBlocks 6..9');
    step(state, [signTx(B, unjail(B, B))]);
    assert.is(state.slashing.signingInfos.get(B.address).jailedBlocksCounter, 0);
});
unjailing.run();
counter.run();
//# sourceMappingURL=jail-unjail.test.js.map