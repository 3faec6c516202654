/**
 * Goal: the protocol features pocket-core gates these paths with (PROTOCOL §12.1) switch the
 * ledger's behaviour exactly where pocket-core's flags do, when the upgrade param lists them as
 * inactive (gov/features.ts; every feature is active otherwise): [MREL] the claim allowance,
 * [MAXCH] the app-chains limit and the session walk's over-chained skip, [REPBR] the replay
 * burn, [RSCAL] PIP-22 weighting, [PerChainRTTM], [RewardDelegators] (refund + delegators),
 * [NCUST] output routing, [CODEC] index-hashed tree parents.
 * Method: TV-5 as the Go test configures it (RSCAL off, NCUST + RewardDelegators on: TestMode −3)
 * through planRelayReward; claims and proofs on a test chain whose genesis upgrade lists
 * features at height 0 (inactive), compared with the same txs on an all-features chain.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { claimMessage } from '../../../src/sim/relay-evidence.js';
import { planRelayReward, planReplayBurn } from '../../../src/modules/pocketcore/rewards.js';
import { signTx } from '../../helpers/chain.js';
import { advanceTo, appKey, claimTx, codeOf, deliverOne, evidenceOf, headerOf, keyOf, POKT, proofTx, requiredIndex, sessionAtEnd, startRelayChain } from '../../helpers/relays.js';
import { validatorRecord } from '../../helpers/validators.js';
const OPERATOR = '11'.repeat(20);
const OUTPUT = '22'.repeat(20);
const D1 = 'aa'.repeat(20);
const base = startRelayChain().params();
const pos = { ...base.pos, relaysToTokensMultiplier: 1000n, daoAllocation: 10n, proposerAllocation: 1n, relaysToTokensMultiplierMap: { '0001': 3000n } };
const auth = { ...base.auth, feeMultipliers: { overrides: [], default: 1n } };
const validator = (changes = {}) => validatorRecord({ address: OPERATOR, tokensUpokt: 1000000n /* 1 POKT: bin 0 under PIP-22 */, outputAddress: OUTPUT, ...changes });
const rewards = suite('feature gates in the reward and burn plans');
rewards('TV-5 as configured by the Go test (RSCAL off, NCUST + RewardDelegators on): output 8,880,000, operator 20,000; no output: operator 8,900,000', () => {
    const off = new Set(['RSCAL', 'PerChainRTTM']);
    const withOutput = planRelayReward({ servicer: OPERATOR, chain: '0001', relays: 10000n, validator: validator(), pos, auth, inactiveFeatures: off });
    assert.equal(withOutput.lines.map((l) => [l.address, l.amountUpokt]), [[OPERATOR, 20000n], [OUTPUT, 8880000n], [withOutput.lines[2].address, 1100000n]]);
    assert.is(withOutput.mintedUpokt, 10000000n);
    assert.is(withOutput.pip22Applied, false);
    const noOutput = planRelayReward({ servicer: OPERATOR, chain: '0001', relays: 10000n, validator: validator({ outputAddress: null }), pos, auth, inactiveFeatures: off });
    assert.is(noOutput.lines.filter((l) => l.address === OPERATOR).reduce((s, l) => s + l.amountUpokt, 0n), 8900000n);
});
rewards('RSCAL active (the default): a 1-POKT stake is bin 0 — nothing minted', () => {
    const plan = planRelayReward({ servicer: OPERATOR, chain: '0001', relays: 10000n, validator: validator(), pos, auth });
    assert.is(plan.mintedUpokt, 0n);
});
rewards('PerChainRTTM off → default multiplier; on → the chain’s', () => {
    const on = planRelayReward({ servicer: OPERATOR, chain: '0001', relays: 10n, validator: validator(), pos, auth, inactiveFeatures: new Set(['RSCAL']) });
    const off = planRelayReward({ servicer: OPERATOR, chain: '0001', relays: 10n, validator: validator(), pos, auth, inactiveFeatures: new Set(['RSCAL', 'PerChainRTTM']) });
    assert.is(on.mintedUpokt, 30000n);
    assert.is(off.mintedUpokt, 10000n);
});
rewards('RewardDelegators off → no refund, delegators ignored; NCUST off → all to the operator', () => {
    const v = validator({ rewardDelegators: { [D1]: 50 } });
    const noDelegators = planRelayReward({ servicer: OPERATOR, chain: '0001', relays: 10000n, validator: v, pos, auth, inactiveFeatures: new Set(['RSCAL', 'PerChainRTTM', 'RewardDelegators']) });
    assert.equal(noDelegators.lines.map((l) => [l.role, l.address, l.amountUpokt]).slice(0, 1), [['primary', OUTPUT, 8900000n]]);
    assert.is(noDelegators.rewardCostRefundUpokt, 0n);
    const custodial = planRelayReward({ servicer: OPERATOR, chain: '0001', relays: 10000n, validator: v, pos, auth, inactiveFeatures: new Set(['RSCAL', 'PerChainRTTM', 'RewardDelegators', 'NCUST']) });
    assert.equal(custodial.lines.map((l) => [l.role, l.address, l.amountUpokt]).slice(0, 1), [['primary', OPERATOR, 8900000n]]);
});
rewards('replay burn with RSCAL off: RTTM × challenges, whatever the stake', () => {
    const plan = planReplayBurn({ servicer: OPERATOR, totalProofs: 5n, validator: validator({ tokensUpokt: 20000n * POKT }), pos, replayAttackBurnMultiplier: 3n, inactiveFeatures: new Set(['RSCAL']) });
    assert.is(plan.burnedUpokt, 15000n);
    assert.is(plan.pip22Applied, false);
});
const chain = suite('feature gates on a chain (genesis upgrade lists features at height 0 = inactive)');
function chainWith(features, extra = {}) {
    return startRelayChain({ params: { gov: { upgrade: { Height: '0', Version: '0.0.0', Features: features.map((f) => `${f}:0`) } }, ...extra } });
}
function ready(features, extra = {}) {
    const state = chainWith(features, extra);
    advanceTo(state, 4);
    const header = headerOf(appKey, '0001', 1);
    const servicer = keyOf(sessionAtEnd(state, header).nodes[0]);
    return { state, header, servicer };
}
chain('MREL off: a claim over the allowance is accepted (on: pocketcore:71)', () => {
    const { state, header, servicer } = ready(['MREL']);
    const receipt = deliverOne(state, signTx(servicer, claimMessage(evidenceOf(header, servicer, 5), servicer.address, { totalProofs: 25001n })));
    assert.is(codeOf(receipt), 'ok', receipt.log);
});
chain('MAXCH off: an app over application/MaximumChains may claim (on: pocketcore:91)', () => {
    const { state, header, servicer } = ready(['MAXCH'], { application: { maximum_chains: '1' } });
    assert.is(codeOf(deliverOne(state, claimTx(servicer, evidenceOf(header, servicer, 5)))), 'ok');
});
chain('REPBR off: a tampered sibling is plain pocketcore:66 — no burn, the claim stays (ProofRejected records the attempt)', () => {
    const { state, header, servicer } = ready(['REPBR']);
    const evidence = evidenceOf(header, servicer, 8);
    assert.is(codeOf(deliverOne(state, claimTx(servicer, evidence))), 'ok');
    advanceTo(state, 12);
    const tamper = (siblings) => siblings.map((s, i) => (i === 1 ? { ...s, hash: 'ee'.repeat(32) } : s));
    const receipt = deliverOne(state, proofTx(servicer, evidence, requiredIndex(state, evidence), { siblings: tamper }));
    assert.is(codeOf(receipt), 'pocketcore:66', receipt.log);
    assert.equal(receipt.events.map((e) => e.type), ['FeeDeducted', 'ProofRejected']);
    assert.is(state.pocketcore.claims.size, 1);
});
chain('CODEC off at the session height: proofs walk legacy parents (a tree with index-hashed parents is a replay attack)', () => {
    const { state, header, servicer } = ready(['CODEC']);
    const evidence = evidenceOf(header, servicer, 8); // built with indexed parents
    assert.is(codeOf(deliverOne(state, claimTx(servicer, evidence))), 'ok');
    advanceTo(state, 12);
    const receipt = deliverOne(state, proofTx(servicer, evidence, requiredIndex(state, evidence)));
    assert.is(codeOf(receipt), 'pocketcore:86', receipt.log);
    assert.ok(receipt.events[1].burn !== undefined);
});
rewards.run();
chain.run();
//# sourceMappingURL=features.test.js.map