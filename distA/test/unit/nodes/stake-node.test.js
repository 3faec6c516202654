/**
 * Goal: MsgStake for nodes runs every pocket-core rule with every feature active (PROTOCOL
 * §1.1, §12.1): new stake, edit stake (only upwards; VEDIT bins below the ceiling), the
 * non-custodial output address (who may set and change it), reward delegators (who may edit
 * them), chains, service URL, MaximumChains, StakeMinimum, signer-pays — and every rejection
 * with its pocket-core code (fee charged for handler rejections, none for ValidateBasic ones).
 * Method: given a test chain (genesis + earlier txs), when one signed tx is delivered in a block
 * by the real producer and reducer, then its receipt, events and the state are checked;
 * invariants hold after every block. Vectors: TV-12, TV-13, TV-16, TV-18 (PROTOCOL §11).
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { evolveNext } from '../../helpers/decider-spec.js';
import { balanceOf } from '../../../src/modules/auth/bank.js';
import { MODULE_ADDRESSES } from '../../../src/modules/auth/state.js';
import { StakeStatus, VALIDATOR_SET_KEY } from '../../../src/modules/nodes/state.js';
import { validateBasic } from '../../../src/messages/index.js';
import { testKey } from '../../helpers/chain.js';
import { beginUnstakeNodeMsg, deliver, eventsOf, expectCode, produceTo, heightOf, stakeNodeMsg, startStakingChain } from '../../helpers/staking.js';
const POKT = 1000000n;
const genesisValidator = testKey('validator-1');
const op1 = testKey('operator-1');
const op2 = testKey('operator-2');
const op3 = testKey('operator-3');
const outputX = testKey('output-x');
const outputY = testKey('output-y');
const delegator = testKey('delegator-1');
const delegator2 = testKey('delegator-2');
const FEE = 10000n;
/** Ceiling = minimum: VEDIT never applies (its own suite sets F and C). */
const NO_VEDIT = { servicer_stake_weight_ceiling: '1000000' };
function chain(extra = {}, pos = {}) {
    const funded = [op1, op2, op3, outputX, outputY].map((key) => ({ key, balanceUpokt: 2000000n * POKT }));
    return startStakingChain({
        accounts: funded,
        validators: [{ key: genesisValidator, tokensUpokt: 100000n * POKT }],
        params: { pos: { ...NO_VEDIT, unstaking_time: '3600000000000', ...pos } },
        ...extra,
    });
}
const validatorOf = (state, key) => state.nodes.validators.get(key.address);
// ---------------------------------------------------------------------------------------------
const newStake = suite('StakeNode: new stake');
newStake('given a funded operator, when it stakes with itself as output, then the value moves to staked_tokens_pool and the node joins the validator set', () => {
    const state = chain();
    const poolBefore = balanceOf(state.auth, MODULE_ADDRESSES.staked_tokens_pool);
    const receipt = deliver(state, op1, stakeNodeMsg(op1, { value: 20000n * POKT, chains: ['0001', '00ab'] }));
    expectCode(receipt, 'ok');
    assert.is(receipt.messageType, 'stake_validator');
    const [staked] = eventsOf(receipt.events, 'NodeStaked');
    assert.equal(staked, {
        type: 'NodeStaked',
        address: op1.address,
        publicKey: op1.publicKey,
        payer: op1.address,
        amountUpokt: 20000n * POKT,
        chains: ['0001', '00AB'],
        serviceUrl: 'https://node.example.com:443',
        outputAddress: op1.address,
        rewardDelegators: null,
    });
    assert.is(balanceOf(state.auth, op1.address), 2000000n * POKT - 20000n * POKT - FEE);
    assert.is(balanceOf(state.auth, MODULE_ADDRESSES.staked_tokens_pool) - poolBefore, 20000n * POKT);
    const record = validatorOf(state, op1);
    assert.is(record.status, StakeStatus.Staked);
    assert.is(record.jailed, false);
    assert.is(record.tokensUpokt, 20000n * POKT);
    const set = state.nodes.validatorSet.get(VALIDATOR_SET_KEY);
    assert.ok(set.some((m) => m.address === op1.address && m.power === 20000n), 'in the validator set with power floor(tokens / 10^6)');
});
newStake('a new stake creates signing info (start = stake height, jailed_until Unix 0); an edit replaces it with a new one (start = edit height, zero jailed_until, counters 0) — each carried by a SigningInfoSet event', () => {
    const state = chain();
    const staked = deliver(state, op1, stakeNodeMsg(op1, { value: 20000n * POKT })); // block 1
    const fresh = { address: op1.address, startHeight: 1, indexOffset: 0, jailedUntilNs: 0n, missedBlocksCounter: 0, jailedBlocksCounter: 0 };
    assert.equal(staked.events.map((e) => e.type), ['FeeDeducted', 'NodeStaked', 'SigningInfoSet']);
    assert.equal(eventsOf(staked.events, 'SigningInfoSet'), [{ type: 'SigningInfoSet', cause: 'node_staked', info: fresh }]);
    assert.equal(state.slashing.signingInfos.get(op1.address), fresh);
    const worn = { ...state.slashing.signingInfos.get(op1.address), indexOffset: 7, missedBlocksCounter: 3, jailedBlocksCounter: 2, jailedUntilNs: 99n };
    state.slashing.signingInfos.set(op1.address, worn); // stand-in for downtime bookkeeping
    const edited = deliver(state, op1, stakeNodeMsg(op1, { value: 20000n * POKT, chains: ['0002'] })); // block 2: edit
    // EditStakeValidator deletes the validator and its signing info (valStateChanges.go:361,
    // validator.go:119); ResetValidatorSigningInfo then finds none and creates {start 2, Go zero
    // time} with counters 0 (valStateChanges.go:366-370, signing_info.go:41-49): nothing of `worn` stays.
    const reset = { address: op1.address, startHeight: 2, indexOffset: 0, jailedUntilNs: null, missedBlocksCounter: 0, jailedBlocksCounter: 0 };
    assert.equal(eventsOf(edited.events, 'SigningInfoSet'), [{ type: 'SigningInfoSet', cause: 'stake_edited', info: reset }]);
    assert.equal(state.slashing.signingInfos.get(op1.address), reset);
});
newStake('a new stake of an address that still has a signing info keeps it as it is: no SigningInfoSet (valStateChanges.go:312-321 "if not found")', () => {
    const state = chain();
    const kept = { address: op1.address, startHeight: 0, indexOffset: 3, jailedUntilNs: 5n, missedBlocksCounter: 1, jailedBlocksCounter: 0 };
    evolveNext(state, [{ type: 'SigningInfosUpdated', cause: 'last_commit', infos: [kept] }]);
    const staked = deliver(state, op1, stakeNodeMsg(op1, { value: 20000n * POKT }));
    expectCode(staked, 'ok');
    assert.equal(staked.events.map((e) => e.type), ['FeeDeducted', 'NodeStaked']);
    assert.equal(state.slashing.signingInfos.get(op1.address), kept);
});
newStake('signer pays: the output address signs a new stake and pays it; the operator needs no account', () => {
    const state = chain();
    const stranger = testKey('operator-without-account');
    const before = balanceOf(state.auth, outputX.address);
    const receipt = deliver(state, outputX, stakeNodeMsg(stranger, { value: 5000n * POKT, output: outputX }));
    expectCode(receipt, 'ok');
    assert.is(eventsOf(receipt.events, 'NodeStaked')[0].payer, outputX.address);
    assert.is(before - balanceOf(state.auth, outputX.address), 5000n * POKT + FEE);
    assert.is(balanceOf(state.auth, stranger.address), 0n);
    assert.is(validatorOf(state, stranger).outputAddress, outputX.address);
});
newStake('reward delegators are stored as sent (lower-case addresses, shares)', () => {
    const state = chain();
    const receipt = deliver(state, op1, stakeNodeMsg(op1, { value: 20000n * POKT, delegators: [[delegator.address.toUpperCase(), 10], [delegator2.address, 5]] }));
    expectCode(receipt, 'ok');
    assert.equal(validatorOf(state, op1).rewardDelegators, { [delegator.address]: 10, [delegator2.address]: 5 });
});
newStake('a stake of exactly StakeMinimum is accepted', () => {
    const state = chain({}, { stake_minimum: '15000000000' });
    expectCode(deliver(state, op1, stakeNodeMsg(op1, { value: 15000n * POKT })), 'ok');
});
// ---------------------------------------------------------------------------------------------
const edit = suite('StakeNode: edit stake');
edit('given a staked node, when the operator raises its stake and changes chains and URL, then only the difference moves and jailed stays as it was', () => {
    const state = chain();
    deliver(state, op1, stakeNodeMsg(op1, { value: 20000n * POKT }));
    const before = balanceOf(state.auth, op1.address);
    const receipt = deliver(state, op1, stakeNodeMsg(op1, { value: 25000n * POKT, chains: ['0002', '0003'], serviceUrl: 'http://other.example.org:8081' }));
    expectCode(receipt, 'ok');
    const [edited] = eventsOf(receipt.events, 'NodeStakeEdited');
    assert.is(edited.previousTokensUpokt, 20000n * POKT);
    assert.is(edited.addedUpokt, 5000n * POKT);
    assert.equal(edited.previousChains, ['0001']);
    assert.is(before - balanceOf(state.auth, op1.address), 5000n * POKT + FEE);
    const record = validatorOf(state, op1);
    assert.is(record.tokensUpokt, 25000n * POKT);
    assert.equal(record.chains, ['0002', '0003']);
    assert.is(record.serviceUrl, 'http://other.example.org:8081');
    assert.is(state.nodes.powerIndex.powerOf(op1.address), 25000n);
});
edit('an edit with the same value (chains only) is accepted at or above the ceiling; nothing moves', () => {
    const state = chain();
    deliver(state, op1, stakeNodeMsg(op1, { value: 20000n * POKT }));
    const receipt = deliver(state, op1, stakeNodeMsg(op1, { value: 20000n * POKT, chains: ['0021'] }));
    expectCode(receipt, 'ok');
    assert.is(eventsOf(receipt.events, 'NodeStakeEdited')[0].addedUpokt, 0n);
    assert.equal(validatorOf(state, op1).chains, ['0021']);
});
edit('a jailed node may edit; it stays jailed and out of the validator set', () => {
    const state = chain();
    deliver(state, op1, stakeNodeMsg(op1, { value: 20000n * POKT }));
    evolveNext(state, [{ type: 'NodeJailed', address: op1.address, reason: 'downtime', signedBlocksWindow: 100n, missed: 51, maxMissed: 50n, jailedUntilNs: 0n }]);
    expectCode(deliver(state, op1, stakeNodeMsg(op1, { value: 21000n * POKT })), 'ok');
    assert.is(validatorOf(state, op1).jailed, true);
    assert.is(state.nodes.powerIndex.powerOf(op1.address), 0n);
    assert.not.ok(state.nodes.validatorSet.get(VALIDATOR_SET_KEY).some((m) => m.address === op1.address));
});
const vedit = suite('StakeNode: VEDIT — below the ceiling an edit must reach a higher PIP-22 bin (pos:122)');
function veditChain() {
    return chain({}, { servicer_stake_floor_multipler: '15000000000', servicer_stake_weight_ceiling: '60000000000' });
}
vedit('F = 15,000 POKT, C = 60,000 POKT, tokens 31,000 POKT: 44,000 → pos:122; 45,000 → ok', () => {
    const state = veditChain();
    expectCode(deliver(state, op1, stakeNodeMsg(op1, { value: 31000n * POKT })), 'ok');
    expectCode(deliver(state, op1, stakeNodeMsg(op1, { value: 44000n * POKT })), 'pos:122');
    expectCode(deliver(state, op1, stakeNodeMsg(op1, { value: 45000n * POKT })), 'ok');
    assert.is(validatorOf(state, op1).tokensUpokt, 45000n * POKT);
});
vedit('below the ceiling even a chains-only edit (same value) is rejected: floor(31,000) = 30,000 ≤ 31,000', () => {
    const state = veditChain();
    deliver(state, op1, stakeNodeMsg(op1, { value: 31000n * POKT }));
    expectCode(deliver(state, op1, stakeNodeMsg(op1, { value: 31000n * POKT, chains: ['0002'] })), 'pos:122');
    assert.equal(validatorOf(state, op1).chains, ['0001']);
});
vedit('at or above the ceiling any value ≥ the current stake is accepted (60,000 then 60,000 with new chains)', () => {
    const state = veditChain();
    deliver(state, op1, stakeNodeMsg(op1, { value: 31000n * POKT }));
    expectCode(deliver(state, op1, stakeNodeMsg(op1, { value: 60000n * POKT })), 'ok');
    expectCode(deliver(state, op1, stakeNodeMsg(op1, { value: 60000n * POKT, chains: ['0002'] })), 'ok');
});
// ---------------------------------------------------------------------------------------------
const rejections = suite('StakeNode: every handler rejection, with the fee charged and nothing else changed');
rejections('pos:118 — a service URL longer than 255 bytes (handler check, after ValidateBasic)', () => {
    const state = chain();
    const url = `https://${'a'.repeat(240)}.example.com:443`;
    expectCode(deliver(state, op1, stakeNodeMsg(op1, { value: 20000n * POKT, serviceUrl: url })), 'pos:118');
    assert.is(validatorOf(state, op1), undefined);
});
rejections('pos:125 — the current output address signs a message without an output (step 2: not the new validator\'s signer)', () => {
    const state = chain();
    deliver(state, op1, stakeNodeMsg(op1, { value: 20000n * POKT, output: outputX }));
    expectCode(deliver(state, outputX, stakeNodeMsg(op1, { value: 20000n * POKT, output: null })), 'pos:125');
});
rejections('pos:125 — a new output address signs a change it does not own (step 5: not operator or current output)', () => {
    const state = chain();
    deliver(state, op1, stakeNodeMsg(op1, { value: 20000n * POKT, output: outputX }));
    expectCode(deliver(state, outputY, stakeNodeMsg(op1, { value: 20000n * POKT, output: outputY })), 'pos:125');
    assert.is(validatorOf(state, op1).outputAddress, outputX.address);
});
rejections('pos:123 — no output address ([NCUST])', () => {
    const state = chain();
    expectCode(deliver(state, op1, stakeNodeMsg(op1, { value: 20000n * POKT, output: null })), 'pos:123');
});
rejections('pos:120 — more chains than pos/MaximumChains (15); exactly 15 is fine', () => {
    const state = chain();
    const chains = (n) => Array.from({ length: n }, (_, i) => (i + 1).toString(16).padStart(4, '0'));
    expectCode(deliver(state, op1, stakeNodeMsg(op1, { value: 20000n * POKT, chains: chains(16) })), 'pos:120');
    expectCode(deliver(state, op1, stakeNodeMsg(op1, { value: 20000n * POKT, chains: chains(15) })), 'ok');
});
rejections('pos:110 — an Unstaking node cannot stake until its unstake completes', () => {
    const state = chain();
    deliver(state, op1, stakeNodeMsg(op1, { value: 20000n * POKT }));
    deliver(state, op1, beginUnstakeNodeMsg(op1, op1));
    produceTo(state, 4); // session end: Unstaking
    assert.is(validatorOf(state, op1).status, StakeStatus.Unstaking);
    expectCode(deliver(state, op1, stakeNodeMsg(op1, { value: 30000n * POKT })), 'pos:110');
});
rejections('pos:111 — a new stake below pos/StakeMinimum', () => {
    const state = chain({}, { stake_minimum: '15000000000' });
    expectCode(deliver(state, op1, stakeNodeMsg(op1, { value: 15000n * POKT - 1n })), 'pos:111');
});
rejections('pos:112 — the signer cannot pay a new stake (the fee was taken first)', () => {
    const state = chain();
    expectCode(deliver(state, op1, stakeNodeMsg(op1, { value: 2000000n * POKT })), 'pos:112');
    expectCode(deliver(state, op1, stakeNodeMsg(op1, { value: 2000000n * POKT - 2n * FEE })), 'ok');
});
rejections('pos:112 — the signer cannot pay the raise of an edit', () => {
    const state = chain();
    deliver(state, op1, stakeNodeMsg(op1, { value: 1000000n * POKT }));
    expectCode(deliver(state, op1, stakeNodeMsg(op1, { value: 2000000n * POKT })), 'pos:112');
});
rejections('pos:122 — an edit below the current stake', () => {
    const state = chain();
    deliver(state, op1, stakeNodeMsg(op1, { value: 20000n * POKT }));
    expectCode(deliver(state, op1, stakeNodeMsg(op1, { value: 20000n * POKT - 1n })), 'pos:122');
});
rejections('pos:127 — only the current output address may change the output address', () => {
    const state = chain();
    deliver(state, op1, stakeNodeMsg(op1, { value: 20000n * POKT, output: outputX }));
    expectCode(deliver(state, op1, stakeNodeMsg(op1, { value: 20000n * POKT, output: op1 })), 'pos:127');
});
rejections('pos:129 — only the operator may change reward delegators', () => {
    const state = chain();
    deliver(state, op1, stakeNodeMsg(op1, { value: 20000n * POKT, output: outputX }));
    expectCode(deliver(state, outputX, stakeNodeMsg(op1, { value: 20000n * POKT, output: outputX, delegators: [[delegator.address, 1]] })), 'pos:129');
});
rejections('pos:117 — a node waiting to unstake cannot be edited', () => {
    const state = chain();
    deliver(state, op1, stakeNodeMsg(op1, { value: 20000n * POKT }));
    deliver(state, op1, beginUnstakeNodeMsg(op1, op1));
    assert.ok(heightOf(state) % 4 !== 0, 'still before the session end');
    expectCode(deliver(state, op1, stakeNodeMsg(op1, { value: 30000n * POKT })), 'pos:117');
});
rejections('unreachable with every feature active, and what answers instead: pos:101 (key type), pos:124 (pre-OEDIT), handler pos:128', () => {
    const state = chain();
    // pos:101 (key type not in consensus pub_key_types): a 33-byte key never reaches the handler.
    const secp = { ...stakeNodeMsg(op1, { value: 20000n * POKT }), publicKey: '02' + op1.publicKey };
    expectCode(deliver(state, op1, secp), 'ledger:6');
    // pos:124 (output already set, pre-OEDIT): with OEDIT the same change is pos:127 or accepted.
    deliver(state, op1, stakeNodeMsg(op1, { value: 20000n * POKT, output: outputX }));
    expectCode(deliver(state, op1, stakeNodeMsg(op1, { value: 20000n * POKT, output: outputY })), 'pos:127');
    // pos:128 in the handler re-checks what ValidateBasic already rejected (no fee there).
    expectCode(deliver(state, op1, stakeNodeMsg(op1, { value: 20000n * POKT, output: outputX, delegators: [[delegator.address, 101]] })), 'pos:128');
});
// ---------------------------------------------------------------------------------------------
const badInput = suite('StakeNode: bad input is rejected statelessly — coded, no fee, no state change');
badInput('an empty operator key: ValidateBasic answers pos:103; on the wire an empty key is undecodable (sdk:2, no fee)', () => {
    const empty = validateBasic({ ...stakeNodeMsg(op1, { value: 20000n * POKT }), publicKey: '' });
    assert.ok(!empty.ok && `${empty.error.codespace}:${empty.error.code}` === 'pos:103');
    const state = chain();
    const receipt = deliver(state, op1, { ...stakeNodeMsg(op1, { value: 20000n * POKT }), publicKey: '' });
    expectCode(receipt, 'sdk:2');
    assert.is(receipt.feeUpokt, 0n);
});
badInput('amounts: 0 and negative → pos:102; above 2^255 → sdk:2 (undecodable); non-canonical → ledger:5', () => {
    const state = chain();
    const before = balanceOf(state.auth, op1.address);
    for (const [value, code] of [['0', 'pos:102'], ['-1', 'pos:102'], [(1n << 255n).toString(), 'sdk:2'], ['0x10', 'ledger:5'], ['010', 'ledger:5']]) {
        const receipt = deliver(state, op1, stakeNodeMsg(op1, { value }));
        expectCode(receipt, code);
        assert.is(receipt.feeUpokt, 0n);
    }
    assert.is(balanceOf(state.auth, op1.address), before);
    assert.is(validatorOf(state, op1), undefined);
});
badInput('chains: none → pos:115; "", "abc", "000001", "zz" → pos:119 (TV-18: chain "" → pos:119)', () => {
    const state = chain();
    expectCode(deliver(state, op1, stakeNodeMsg(op1, { value: 20000n * POKT, chains: [] })), 'pos:115');
    for (const bad of ['', 'abc', '000001', 'zz'])
        expectCode(deliver(state, op1, stakeNodeMsg(op1, { value: 20000n * POKT, chains: ['0001', bad] })), 'pos:119');
    assert.is(validatorOf(state, op1), undefined);
});
badInput('TV-16 service URLs: https://foo.bar:8080 valid; foo.bar:8080, ws://foo.bar:8080, ws://foo.bar, ws://foo.bar:66666, https://foobar:8080 → pos:118', () => {
    const state = chain();
    for (const url of ['foo.bar:8080', 'ws://foo.bar:8080', 'ws://foo.bar', 'ws://foo.bar:66666', 'https://foobar:8080', 'https://foo.bar:8080/path', 'https://foo.bar']) {
        const receipt = deliver(state, op1, stakeNodeMsg(op1, { value: 20000n * POKT, serviceUrl: url }));
        expectCode(receipt, 'pos:118');
        assert.is(receipt.feeUpokt, 0n);
    }
    expectCode(deliver(state, op1, stakeNodeMsg(op1, { value: 20000n * POKT, serviceUrl: 'https://foo.bar:8080' })), 'ok');
    assert.is(validatorOf(state, op1).serviceUrl, 'https://foo.bar:8080');
});
badInput('TV-18 delegators (msg_test.go:667-705): {"1234":10} → 128; {d1:100} ok; {d1:100,d2:1} → 128; {d1:99,d2:1} ok; {d1:98,d2:1} ok; chains 0001/0040/03DF', () => {
    const cases = [
        [[['1234', 10]], 'pos:128'],
        [[[delegator.address, 100]], 'ok'],
        [[[delegator.address, 100], [delegator2.address, 1]], 'pos:128'],
        [[[delegator.address, 99], [delegator2.address, 1]], 'ok'],
        [[[delegator.address, 98], [delegator2.address, 1]], 'ok'],
    ];
    for (const [delegators, code] of cases) {
        const state = chain();
        const receipt = deliver(state, op1, stakeNodeMsg(op1, { value: 1000000n * POKT, chains: ['0001', '0040', '03DF'], serviceUrl: 'https://pokt.network:1', delegators }));
        expectCode(receipt, code);
        if (code === 'ok')
            assert.equal(validatorOf(state, op1).chains, ['0001', '0040', '03DF']);
    }
});
badInput('signer mismatch: a key that is neither operator, output nor current output → sdk:4, no fee', () => {
    const state = chain();
    const receipt = deliver(state, outputY, stakeNodeMsg(op1, { value: 20000n * POKT, output: outputX }));
    expectCode(receipt, 'sdk:4');
    assert.is(receipt.feeUpokt, 0n);
});
// ---------------------------------------------------------------------------------------------
const tv12 = suite('TV-12 output-address edit sequence (valStateChanges_test.go:381-495), the [NCUST]+[OEDIT] part');
tv12('op1 output X; op1 changes it → pos:127; X changes it to op1 → ok; op2 (genesis, no output) sets X → ok; new op3 with output X signed by X → ok', () => {
    const state = chain({ validators: [{ key: genesisValidator, tokensUpokt: 100000n * POKT }, { key: op2, tokensUpokt: 1000n * POKT }] });
    assert.is(validatorOf(state, op2).outputAddress, null);
    expectCode(deliver(state, op1, stakeNodeMsg(op1, { value: 1000n * POKT, output: outputX })), 'ok');
    assert.is(validatorOf(state, op1).outputAddress, outputX.address);
    expectCode(deliver(state, op1, stakeNodeMsg(op1, { value: 1000n * POKT, output: op1 })), 'pos:127');
    expectCode(deliver(state, outputX, stakeNodeMsg(op1, { value: 1000n * POKT, output: op1 })), 'ok');
    assert.is(validatorOf(state, op1).outputAddress, op1.address);
    expectCode(deliver(state, op2, stakeNodeMsg(op2, { value: 1000n * POKT, output: outputX })), 'ok');
    assert.is(validatorOf(state, op2).outputAddress, outputX.address);
    expectCode(deliver(state, outputX, stakeNodeMsg(op3, { value: 1000n * POKT, output: outputX })), 'ok');
    assert.is(validatorOf(state, op3).outputAddress, outputX.address);
});
const tv13 = suite('TV-13 reward delegators edit rules (valStateChanges_test.go:496-591), [RewardDelegators] active');
tv13('edit signed by the output → pos:129; by the operator → stored; to none by the operator → cleared; a new stake with delegators signed by the output → ok', () => {
    const state = chain();
    expectCode(deliver(state, op1, stakeNodeMsg(op1, { value: 1000n * POKT, output: outputX })), 'ok');
    const withDelegator = stakeNodeMsg(op1, { value: 1000n * POKT, output: outputX, delegators: [[delegator.address, 1]] });
    expectCode(deliver(state, outputX, withDelegator), 'pos:129');
    assert.is(validatorOf(state, op1).rewardDelegators, null);
    expectCode(deliver(state, op1, withDelegator), 'ok');
    assert.equal(validatorOf(state, op1).rewardDelegators, { [delegator.address]: 1 });
    expectCode(deliver(state, op1, stakeNodeMsg(op1, { value: 1000n * POKT, output: outputX })), 'ok');
    assert.is(validatorOf(state, op1).rewardDelegators, null);
    expectCode(deliver(state, outputX, stakeNodeMsg(op2, { value: 1000n * POKT, output: outputX, delegators: [[delegator.address, 1]] })), 'ok');
    assert.equal(validatorOf(state, op2).rewardDelegators, { [delegator.address]: 1 });
});
newStake.run();
edit.run();
vedit.run();
rejections.run();
badInput.run();
tv12.run();
tv13.run();
//# sourceMappingURL=stake-node.test.js.map