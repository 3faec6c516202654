/**
 * Goal: the whole proof-of-relay loop end to end (issue #5): stake an application and servicers
 * with real StakeApp / StakeNode txs, let a session start, build real signed relays for every
 * session node, claim inside the window, prove at the seeded index; every node's output address,
 * operator and delegators receive exactly the amounts of the RelaysRewarded plan, and total
 * supply rises by exactly the minted total.
 * Method: a test chain whose only genesis validator serves another chain (it produces blocks);
 * everything else happens through signed txs in blocks by the real producer and reducer;
 * invariants after every block.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { balanceOf, totalSupply } from '../../../src/modules/auth/bank.js';
import { dispatchSession } from '../../../src/modules/pocketcore/session-service.js';
import { testKey } from '../../helpers/chain.js';
import { stakeAppMsg, stakeNodeMsg, startStakingChain } from '../../helpers/staking.js';
import { signTx } from '../../helpers/chain.js';
import { advanceTo, claimTx, codeOf, deliverAll, evidenceOf, headerOf, heightOf, keyOf, POKT, proofTx, RELAY_PARAMS, requiredIndex } from '../../helpers/relays.js';
const flow = suite('proof of relay, end to end through signed txs');
const producer = testKey('flow-producer');
const app = testKey('relay-app'); // the key helpers' relays are signed for
const operators = [1, 2, 3].map((i) => testKey(`flow-node-${i}`));
const output = testKey('flow-output');
const delegate = testKey('flow-delegate');
flow('stake app + 3 nodes → session 5 → 400 relays per session node → claims at 9 → proofs at 17 → exact payouts', () => {
    const state = startStakingChain({
        accounts: [app, ...operators].map((key) => ({ key, balanceUpokt: 100000n * POKT })),
        validators: [{ key: producer, tokensUpokt: 100000n * POKT, chains: ['0009'] }],
        params: { pos: RELAY_PARAMS.pos, pocketcore: RELAY_PARAMS.pocketcore },
    });
    const stakes = deliverAll(state, [
        signTx(app, stakeAppMsg(app, 50000n * POKT, ['0001'])),
        signTx(operators[0], stakeNodeMsg(operators[0], { value: 20000n * POKT, output })),
        signTx(operators[1], stakeNodeMsg(operators[1], { value: 20000n * POKT, delegators: [[delegate.address, 25]] })),
        signTx(operators[2], stakeNodeMsg(operators[2], { value: 20000n * POKT })),
    ]);
    assert.equal(stakes.map(codeOf), ['ok', 'ok', 'ok', 'ok'], stakes.map((r) => r.log).join(' | '));
    advanceTo(state, 5);
    const dispatched = dispatchSession(state, app.publicKey, '0001', heightOf(state));
    assert.ok(dispatched.ok);
    assert.is(dispatched.value.header.sessionHeight, 5);
    assert.is(dispatched.value.candidates, 3);
    const header = headerOf(app, '0001', 5);
    const nodes = dispatched.value.nodes.map((address) => keyOf(address, operators));
    const evidences = nodes.map((node) => evidenceOf(header, node, 400));
    advanceTo(state, 8);
    const claims = deliverAll(state, nodes.map((node, i) => claimTx(node, evidences[i])));
    assert.is(heightOf(state), 9);
    assert.equal(claims.map(codeOf), nodes.map(() => 'ok'), claims.map((r) => r.log).join(' | '));
    advanceTo(state, 16);
    const supplyBefore = totalSupply(state.auth);
    const watched = [...new Set([output.address, delegate.address, ...operators.map((o) => o.address)])];
    const before = new Map(watched.map((a) => [a, balanceOf(state.auth, a)]));
    const proofs = deliverAll(state, nodes.map((node, i) => proofTx(node, evidences[i], requiredIndex(state, evidences[i]))));
    assert.is(heightOf(state), 17);
    assert.equal(proofs.map(codeOf), nodes.map(() => 'ok'), proofs.map((r) => r.log).join(' | '));
    const plans = proofs.map((r) => r.events.find((e) => e.type === 'RelaysRewarded').plan);
    // Expected change per watched address: the plan's lines, minus the proof fee its signer paid.
    const expected = new Map(watched.map((a) => [a, 0n]));
    plans.forEach((plan, i) => {
        for (const line of plan.lines)
            if (expected.has(line.address))
                expected.set(line.address, expected.get(line.address) + line.amountUpokt);
        expected.set(nodes[i].address, expected.get(nodes[i].address) - proofs[i].feeUpokt);
    });
    for (const address of watched)
        assert.is(balanceOf(state.auth, address) - before.get(address), expected.get(address), address);
    const minted = plans.reduce((sum, plan) => sum + plan.mintedUpokt, 0n);
    assert.is(totalSupply(state.auth) - supplyBefore, minted);
    // 400 relays × RTTM 1000 × weight 1 = 400,000 per claim; fees 44,000; node 356,000 − 20,000.
    for (const plan of plans) {
        assert.is(plan.mintedUpokt, 400000n);
        assert.is(plan.feeCollectorUpokt, 44000n);
    }
    const byOperator = new Map(plans.map((plan) => [plan.servicer, plan]));
    const first = byOperator.get(operators[0].address);
    assert.ok(first !== undefined || byOperator.has(operators[1].address), 'two of three nodes: node 1 or node 2 is in the session');
    if (first !== undefined)
        assert.equal(first.lines.find((l) => l.role === 'primary'), { address: output.address, amountUpokt: 336000n, role: 'primary' });
    const second = byOperator.get(operators[1].address);
    if (second !== undefined) {
        // 336,000 after the refund: delegate 25 % = 84,000, operator (no output) 252,000.
        assert.equal(second.lines.filter((l) => l.role === 'delegator' || l.role === 'primary').map((l) => [l.address, l.amountUpokt]), [
            [delegate.address, 84000n],
            [operators[1].address, 252000n],
        ]);
    }
    assert.is(state.pocketcore.claims.size, 0);
});
flow.run();
//# sourceMappingURL=relay-flow.test.js.map