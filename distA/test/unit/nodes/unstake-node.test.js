/**
 * Goal: node unstaking follows pocket-core's timeline (PROTOCOL §1.2, §6.4, §6.6): MsgBeginUnstake
 * only joins the waiting set; the session's last block (h mod BlocksPerSession = 0) starts the
 * unstake (out of the validator set, unstaking time = block time + UnstakingTime); the first
 * block whose TIME reaches the unstaking time returns every token to the output address (else
 * the operator) and deletes the record. Also: every BeginUnstake rejection code, a node jailed
 * while waiting, a node slashed below the minimum (force unstake, refunded), re-staking.
 * Method: a test chain with BlocksPerSession 4, UnstakingTime 1 h and 15-minute blocks (block
 * times set explicitly where the boundary matters); receipts, end-block events and balances are
 * checked at each height; invariants after every block.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { evolveNext } from '../../helpers/decider-spec.js';
import { balanceOf } from '../../../src/modules/auth/bank.js';
import { StakeStatus, VALIDATOR_SET_KEY } from '../../../src/modules/nodes/state.js';
import { forceUnstakeIfBelowMinimum, planForceUnstake } from '../../../src/modules/nodes/unstaking.js';
import { checkInvariants } from '../../../src/sim/invariants.js';
import { produce, signTx, testKey } from '../../helpers/chain.js';
import { beginUnstakeNodeMsg, deliver, endBlockEvents, eventsOf, expectCode, produceTo, stakeNodeMsg, startStakingChain } from '../../helpers/staking.js';
const POKT = 1000000n;
const HOUR_NS = 3600000000000n;
const genesisValidator = testKey('validator-1');
const op1 = testKey('operator-1');
const outputX = testKey('output-x');
const stranger = testKey('stranger');
function chain(pos = {}) {
    return startStakingChain({
        accounts: [op1, outputX, stranger].map((key) => ({ key, balanceUpokt: 1000000n * POKT })),
        validators: [{ key: genesisValidator, tokensUpokt: 100000n * POKT }],
        params: { pos: { servicer_stake_weight_ceiling: '1000000', unstaking_time: HOUR_NS.toString(), session_block_frequency: '4', ...pos } },
    });
}
const record = (state, key) => state.nodes.validators.get(key.address);
const inSet = (state, key) => state.nodes.validatorSet.get(VALIDATOR_SET_KEY).some((m) => m.address === key.address);
const timeOf = (state) => state.chain.meta.get('meta').lastBlockTimeNs;
// ---------------------------------------------------------------------------------------------
const timeline = suite('node unstaking timeline across session boundaries and block times');
timeline('request in block 2 → waiting; block 4 (session end) starts it and leaves the set; tokens return in the first block at or after T4 + 1 h', () => {
    const state = chain();
    deliver(state, op1, stakeNodeMsg(op1, { value: 20000n * POKT, output: outputX })); // block 1
    assert.ok(inSet(state, op1));
    const request = deliver(state, op1, beginUnstakeNodeMsg(op1, op1)); // block 2
    expectCode(request, 'ok');
    assert.equal(eventsOf(request.events, 'NodeUnstakeRequested'), [{ type: 'NodeUnstakeRequested', address: op1.address, signer: op1.address, reason: 'begin_unstake_message' }]);
    assert.is(state.nodes.waitingValidators.get(op1.address), 'begin_unstake_message');
    assert.is(record(state, op1).status, StakeStatus.Staked, 'still staked while waiting');
    assert.ok(inSet(state, op1), 'still validating while waiting');
    const [block3] = produceTo(state, 3);
    assert.equal(endBlockEvents(block3), [], 'block 3 is not a session end');
    const [block4] = produceTo(state, 4);
    const t4 = timeOf(state);
    const events = endBlockEvents(block4);
    assert.equal(eventsOf(events, 'NodeUnstakingStarted'), [
        { type: 'NodeUnstakingStarted', address: op1.address, tokensUpokt: 20000n * POKT, unstakingTimeNs: t4 + HOUR_NS, waitingReason: 'begin_unstake_message' },
    ]);
    const update = eventsOf(events, 'ValidatorSetUpdated')[0];
    assert.equal(update.updates, [{ address: op1.address, power: 0n }], 'a power-0 update for the leaver');
    assert.is(record(state, op1).status, StakeStatus.Unstaking);
    assert.not.ok(inSet(state, op1));
    assert.is(state.nodes.waitingValidators.has(op1.address), false);
    assert.ok(block4.endBlock.findIndex((s) => s.step === 'nodes.releaseWaitingValidators') < block4.endBlock.findIndex((s) => s.step === 'nodes.updateValidatorSet'));
    // Irregular block times: 59 min 59 s after T4 is not yet; exactly T4 + 1 h is.
    const before = balanceOf(state.auth, outputX.address);
    const early = produce(state, [], { timeNs: t4 + HOUR_NS - 1000000000n });
    assert.equal(eventsOf(endBlockEvents(early), 'NodeUnstaked'), []);
    assert.is(record(state, op1).status, StakeStatus.Unstaking);
    const due = produce(state, [], { timeNs: t4 + HOUR_NS });
    assert.equal(eventsOf(endBlockEvents(due), 'NodeUnstaked'), [
        { type: 'NodeUnstaked', address: op1.address, recipient: outputX.address, amountUpokt: 20000n * POKT, unstakingTimeNs: t4 + HOUR_NS },
    ]);
    assert.is(balanceOf(state.auth, outputX.address) - before, 20000n * POKT, 'the whole stake goes to the output address');
    assert.is(record(state, op1), undefined, 'the record is deleted');
    assert.is(state.slashing.signingInfos.get(op1.address), undefined, 'and its signing info');
    assert.equal(checkInvariants(state), []);
});
timeline('a request delivered in the session\'s last block is released by that block\'s EndBlock', () => {
    const state = chain();
    deliver(state, op1, stakeNodeMsg(op1, { value: 20000n * POKT }));
    produceTo(state, 3);
    const result = produce(state, [signTx(op1, beginUnstakeNodeMsg(op1, op1))]); // block 4
    assert.is(result.height, 4);
    assert.is(eventsOf(endBlockEvents(result), 'NodeUnstakingStarted').length, 1);
});
timeline('without an output address the stake returns to the operator; the operator may then stake again as a fresh validator', () => {
    const state = startStakingChain({
        accounts: [{ key: outputX, balanceUpokt: 1000000n * POKT }],
        validators: [{ key: genesisValidator, tokensUpokt: 100000n * POKT }, { key: op1, tokensUpokt: 5000n * POKT }],
        params: { pos: { unstaking_time: HOUR_NS.toString(), session_block_frequency: '4' } },
    });
    assert.is(record(state, op1).outputAddress, null);
    deliver(state, outputX, { kind: 'Send', fromAddress: outputX.address, toAddress: op1.address, amount: '1000000' }); // fees for op1
    expectCode(deliver(state, op1, beginUnstakeNodeMsg(op1, op1)), 'ok');
    produceTo(state, 7);
    const before = balanceOf(state.auth, op1.address);
    const [block8] = produceTo(state, 8);
    assert.equal(eventsOf(endBlockEvents(block8), 'NodeUnstaked')[0].recipient, op1.address);
    assert.is(record(state, op1), undefined);
    // op1 also validated until block 4, so a proposer reward may land in the same block.
    const proposerCut = block8.beginBlock.flatMap((s) => s.events).flatMap((e) => (e.type === 'BlockRewardDistributed' ? e.shares : [])).filter((share) => share.address === op1.address).reduce((sum, share) => sum + share.amountUpokt, 0n);
    assert.is(balanceOf(state.auth, op1.address) - before, 5000n * POKT + proposerCut);
    expectCode(deliver(state, op1, stakeNodeMsg(op1, { value: 5000n * POKT, output: op1 })), 'ok');
    assert.is(record(state, op1).status, StakeStatus.Staked);
});
timeline('several waiting validators are released in address order in one session end; a repeated request is harmless', () => {
    const keys = [testKey('wait-a'), testKey('wait-b'), testKey('wait-c')];
    const state = startStakingChain({
        accounts: keys.map((key) => ({ key, balanceUpokt: 1000n * POKT })),
        validators: [{ key: genesisValidator, tokensUpokt: 100000n * POKT }, ...keys.map((key) => ({ key, tokensUpokt: 2000n * POKT }))],
        params: { pos: { unstaking_time: HOUR_NS.toString(), session_block_frequency: '4' } },
    });
    for (const key of keys)
        expectCode(deliver(state, key, beginUnstakeNodeMsg(key, key)), 'ok');
    expectCode(deliver(state, keys[0], beginUnstakeNodeMsg(keys[0], keys[0])), 'ok'); // block 4: repeated
    const started = state.nodes.validators.sortedKeys().filter((a) => state.nodes.validators.get(a).status === StakeStatus.Unstaking);
    assert.equal(started, keys.map((k) => k.address).sort());
});
// ---------------------------------------------------------------------------------------------
const rejections = suite('MsgBeginUnstake (node): every rejection code');
rejections('pos:101 — no validator at that address (an unknown key)', () => {
    const state = chain();
    expectCode(deliver(state, stranger, beginUnstakeNodeMsg(stranger, stranger)), 'pos:101');
});
rejections('pos:125 — the message\'s signer is neither the operator nor the output (even when the operator signs the tx)', () => {
    const state = chain();
    deliver(state, op1, stakeNodeMsg(op1, { value: 20000n * POKT, output: outputX }));
    expectCode(deliver(state, op1, beginUnstakeNodeMsg(op1, stranger)), 'pos:125');
    expectCode(deliver(state, stranger, beginUnstakeNodeMsg(op1, stranger)), 'pos:125');
    assert.is(state.nodes.waitingValidators.has(op1.address), false);
    expectCode(deliver(state, outputX, beginUnstakeNodeMsg(op1, outputX)), 'ok'); // the output may
});
rejections('pos:110 — already Unstaking', () => {
    const state = chain();
    deliver(state, op1, stakeNodeMsg(op1, { value: 20000n * POKT }));
    deliver(state, op1, beginUnstakeNodeMsg(op1, op1));
    produceTo(state, 4);
    expectCode(deliver(state, op1, beginUnstakeNodeMsg(op1, op1)), 'pos:110');
});
rejections('ValidateBasic: empty validator → pos:103, empty signer → pos:126, short address → sdk:7; a signer outside the message\'s signers → sdk:4; none charged', () => {
    const state = chain();
    deliver(state, op1, stakeNodeMsg(op1, { value: 20000n * POKT }));
    const cases = [
        [beginUnstakeNodeMsg('', op1), op1, 'pos:103'],
        [beginUnstakeNodeMsg(op1, ''), op1, 'pos:126'],
        [beginUnstakeNodeMsg(op1.address.slice(2), op1), op1, 'sdk:7'],
        [beginUnstakeNodeMsg(op1, op1), stranger, 'sdk:4'],
    ];
    for (const [msg, signer, code] of cases) {
        const receipt = deliver(state, signer, msg);
        expectCode(receipt, code);
        assert.is(receipt.feeUpokt, 0n);
    }
    assert.is(state.nodes.waitingValidators.size, 0);
});
// ---------------------------------------------------------------------------------------------
const jailed = suite('node unstaking with jail and slashing');
/** A downtime jail between blocks, applied through the chain's evolve (the slashing module's NodeJailed). */
function jailForTest(state, key) {
    evolveNext(state, [{ type: 'NodeJailed', address: key.address, reason: 'downtime', signedBlocksWindow: 100n, missed: 51, maxMissed: 50n, jailedUntilNs: timeOf(state) + HOUR_NS }]);
}
jailed('a node jailed while waiting still starts unstaking at the session end and gets its stake back ([NCUST])', () => {
    const state = chain();
    deliver(state, op1, stakeNodeMsg(op1, { value: 20000n * POKT, output: outputX }));
    deliver(state, op1, beginUnstakeNodeMsg(op1, op1)); // block 2
    jailForTest(state, op1);
    produceTo(state, 3);
    assert.not.ok(inSet(state, op1), 'jailed: out of the validator set');
    assert.is(state.nodes.waitingValidators.has(op1.address), true);
    produceTo(state, 4);
    assert.is(record(state, op1).status, StakeStatus.Unstaking);
    assert.is(record(state, op1).jailed, true);
    const before = balanceOf(state.auth, outputX.address);
    produceTo(state, 8);
    assert.is(record(state, op1), undefined);
    assert.is(balanceOf(state.auth, outputX.address) - before, 20000n * POKT);
});
jailed('a jailed node may request unstaking itself', () => {
    const state = chain();
    deliver(state, op1, stakeNodeMsg(op1, { value: 20000n * POKT }));
    jailForTest(state, op1);
    expectCode(deliver(state, op1, beginUnstakeNodeMsg(op1, op1)), 'ok');
});
/** A slash between blocks, applied through the chain's evolve (the slashing module's NodeSlashed). */
function slashForTest(state, key, burnUpokt) {
    const tokensAfterUpokt = record(state, key).tokensUpokt - burnUpokt;
    evolveNext(state, [{ type: 'NodeSlashed', address: key.address, reason: 'double_sign', infractionHeight: 1, power: 15000n, fraction: '0.000066666666666667', burnedUpokt: burnUpokt, tokensAfterUpokt }]);
}
jailed('slashed below StakeMinimum → NodeForceUnstakeQueued jails it and queues it; the rest of the stake is refunded through normal unstaking', () => {
    const state = chain({ stake_minimum: '15000000000' });
    deliver(state, op1, stakeNodeMsg(op1, { value: 15000n * POKT, output: outputX })); // block 1
    slashForTest(state, op1, 1n * POKT);
    const events = forceUnstakeIfBelowMinimum(record(state, op1), state.params().pos);
    assert.equal(events, [{ type: 'NodeForceUnstakeQueued', address: op1.address, reason: 'stake_below_minimum', jails: true, tokensUpokt: 14999n * POKT }]);
    evolveNext(state, events);
    assert.is(record(state, op1).jailed, true);
    assert.is(state.nodes.waitingValidators.get(op1.address), 'stake_below_minimum');
    const [block2] = produceTo(state, 2);
    assert.equal(eventsOf(endBlockEvents(block2), 'ValidatorSetUpdated')[0].updates, [{ address: op1.address, power: 0n }]);
    expectCode(deliver(state, op1, stakeNodeMsg(op1, { value: 20000n * POKT, output: outputX })), 'pos:117'); // block 3: no edits while waiting
    const [block4] = produceTo(state, 4);
    assert.equal(eventsOf(endBlockEvents(block4), 'NodeUnstakingStarted')[0].waitingReason, 'stake_below_minimum');
    const before = balanceOf(state.auth, outputX.address);
    produceTo(state, 8);
    assert.is(balanceOf(state.auth, outputX.address) - before, 14999n * POKT, 'refunded, not burned (post-[NCUST])');
    assert.is(record(state, op1), undefined);
});
jailed('forceUnstakeIfBelowMinimum does nothing at or above the minimum; an already jailed node is queued without a second jail', () => {
    const state = chain({ stake_minimum: '15000000000' });
    deliver(state, op1, stakeNodeMsg(op1, { value: 15000n * POKT }));
    assert.equal(forceUnstakeIfBelowMinimum(record(state, op1), state.params().pos), []);
    jailForTest(state, op1);
    assert.equal(planForceUnstake(record(state, op1), 'max_jailed_blocks')[0].jails, false);
    assert.equal(planForceUnstake(undefined, 'max_jailed_blocks'), []);
});
jailed('a force-queued validator that is already Unstaking is dropped from the waiting set at the session end (not_staked)', () => {
    const state = chain({ unstaking_time: (10n * HOUR_NS).toString() });
    deliver(state, op1, stakeNodeMsg(op1, { value: 20000n * POKT }));
    deliver(state, op1, beginUnstakeNodeMsg(op1, op1));
    produceTo(state, 4);
    evolveNext(state, planForceUnstake(record(state, op1), 'stake_below_minimum'));
    const [block8] = produceTo(state, 8).slice(-1);
    assert.equal(eventsOf(endBlockEvents(block8), 'NodeUnstakeWaitDropped'), [{ type: 'NodeUnstakeWaitDropped', address: op1.address, reason: 'not_staked' }]);
    assert.is(state.nodes.waitingValidators.size, 0);
    assert.is(record(state, op1).status, StakeStatus.Unstaking);
});
jailed('the waiting entry goes with the record: a re-staked validator of the same address is not unstaked by a stale entry', () => {
    const state = chain({ unstaking_time: (75n * 60n * 1000000000n).toString() });
    deliver(state, op1, stakeNodeMsg(op1, { value: 20000n * POKT }));
    deliver(state, op1, beginUnstakeNodeMsg(op1, op1));
    produceTo(state, 4); // Unstaking; matures at T4 + 75 min = block 9
    produceTo(state, 8);
    evolveNext(state, planForceUnstake(record(state, op1), 'stake_below_minimum')); // waiting again while Unstaking
    produceTo(state, 9);
    assert.is(record(state, op1), undefined, 'matured in block 9');
    assert.is(state.nodes.waitingValidators.has(op1.address), false, 'pocket-core would keep this entry');
    expectCode(deliver(state, op1, stakeNodeMsg(op1, { value: 20000n * POKT })), 'ok'); // block 10
    produceTo(state, 12);
    assert.is(record(state, op1).status, StakeStatus.Staked, 'the session end (block 12) leaves the new validator alone');
});
timeline.run();
rejections.run();
jailed.run();
//# sourceMappingURL=unstake-node.test.js.map