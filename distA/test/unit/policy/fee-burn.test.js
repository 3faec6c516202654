/**
 * Goal: FeeBurnPercentage (PROTOCOL §14: the documentation's "99 % of fees burned, 1 % to the
 * block producer") is a governed parameter, default 0 = pocket-core (every fee is split DAO /
 * proposer); once the DAO sets it, that share of what fee_collector holds is burned at the next
 * BeginBlock before the split (src/modules/nodes/block-reward.ts).
 * Method: a test chain (DAO 10, proposer 1; one validator, so it proposes every block); the
 * owner's ParamChange sets 99 in block 1; a Send paying a 1,100,000 uPOKT fee in block 2; the
 * BlockRewardDistributed of block 3 and supply are checked against the block-reward worked
 * example (burn 1,089,000; DAO 10,000; proposer 1,000).
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { totalSupply } from '../../../src/modules/auth/bank.js';
import { produce, sendMsg, signTx, testKey } from '../../helpers/chain.js';
import { eventsOfType, expectOnly, govChain, OWNER, paramChange } from '../../helpers/gov-chain.js';
const validator = testKey('fee-burn-validator');
const receiver = testKey('fee-burn-receiver');
const feeBurn = suite('policy: FeeBurnPercentage');
feeBurn('default 0: the whole fee is split (pocket-core); 99 set by ParamChange: 99 % burned before the split', () => {
    const state = govChain({ validators: [{ key: validator, tokensUpokt: 100000000000n }], params: { pos: { dao_allocation: '10', proposer_allocation: '1' } } });
    assert.is(state.params().pos.feeBurnPercentage, 0n);
    expectOnly(produce(state, [signTx(OWNER, paramChange(OWNER, 'pos/FeeBurnPercentage', '"99"'))]), 'ok'); // block 1, fee 10,000
    const supply = totalSupply(state.auth);
    const block2 = produce(state, [signTx(OWNER, sendMsg(OWNER, receiver, 1n), { feeUpokt: 1100000n })]);
    // Block 2 splits block 1's 10,000: burn 9,900; DAO trunc(100 × 0.909090909090909091) = 90; proposer 10.
    const [first] = eventsOfType(block2, 'BlockRewardDistributed');
    assert.equal([first?.collectedUpokt, first?.burnedUpokt, first?.daoUpokt, first?.proposerUpokt], [10000n, 9900n, 90n, 10n]);
    const block3 = produce(state);
    const [second] = eventsOfType(block3, 'BlockRewardDistributed');
    assert.equal([second?.collectedUpokt, second?.burnedUpokt, second?.daoUpokt, second?.proposerUpokt], [1100000n, 1089000n, 10000n, 1000n]);
    assert.is(totalSupply(state.auth), supply - 9900n - 1089000n);
});
feeBurn.run();
//# sourceMappingURL=fee-burn.test.js.map