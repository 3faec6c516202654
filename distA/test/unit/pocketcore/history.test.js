/**
 * Goal: the history floor (src/modules/pocketcore/history.ts) keeps exactly the history claims
 * and proofs can still read: it trails the claimable window by a session, a live claim holds it
 * at the claim's session, it never moves down, settled-claim markers are forgotten once their
 * session falls below it, and the store's pruning leaves every read at or above it intact.
 * Method: a real test chain (BPS 4, CSW 3 → floor after block h = h + 1 − 16 without claims);
 * a claim for session 1 kept unproved for 35 blocks, then proved; versions of the validator
 * table and the session-candidate memo inspected after pruning.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { historyFloor } from '../../../src/modules/pocketcore/view.js';
import { produce } from '../../helpers/chain.js';
import { advanceTo, appKey, claimTx, codeOf, deliverOne, evidenceOf, headerOf, keyOf, proofTx, requiredIndex, servicerKeys, sessionAtEnd, startRelayChain } from '../../helpers/relays.js';
const floor = suite('history floor and pruning');
floor('without claims the floor trails the window by one session: after block h it is h + 1 − (CSW + 1)·BPS', () => {
    const state = startRelayChain();
    const seen = [];
    for (let h = 1; h <= 24; h++) {
        const result = produce(state);
        const advanced = result.endBlock.flatMap((s) => s.events).filter((e) => e.type === 'HistoryFloorAdvanced');
        if (advanced.length > 0)
            seen.push(advanced[0].floor);
        assert.is(historyFloor(state), Math.max(0, h + 1 - 16), `after block ${h}`);
    }
    assert.equal(seen, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
});
floor('a live claim holds the floor at its session; the proof 35 blocks later still reads session 1; then the floor moves and forgets the settled marker', () => {
    const state = startRelayChain();
    advanceTo(state, 4);
    const header = headerOf(appKey, '0001', 1);
    const servicer = keyOf(sessionAtEnd(state, header).nodes[0]);
    const evidence = evidenceOf(header, servicer, 6);
    assert.is(codeOf(deliverOne(state, claimTx(servicer, evidence))), 'ok');
    advanceTo(state, 39); // the claim expires at 5 + 40 = 45
    assert.is(historyFloor(state), 1, 'held by the claim of session 1');
    const proof = deliverOne(state, proofTx(servicer, evidence, requiredIndex(state, evidence)));
    assert.is(codeOf(proof), 'ok', proof.log);
    produce(state); // block 41 (the EndBlock of 40 already ran with the claim settled)
    assert.is(historyFloor(state), 41 + 1 - 16);
    assert.is(state.pocketcore.settledClaims.size, 0, 'the settled marker of session 1 is forgotten');
});
floor('pruning keeps reads at and above the floor; versions and memos below it are dropped', () => {
    const state = startRelayChain();
    const changing = servicerKeys[3].address;
    for (let h = 1; h <= 60; h++) {
        // A write every block so the validator has one version per height.
        const v = state.nodes.validators.get(changing);
        state.nodes.validators.set(changing, { ...v, serviceUrl: `https://n${h}.example.com:443` });
        produce(state);
    }
    const f = historyFloor(state);
    assert.is(f, 45);
    const versions = state.nodes.validators.versions.get(changing);
    assert.ok(versions.heights[0] <= f && versions.heights.length <= 60 - f + 2, `kept heights ${versions.heights[0]}..${versions.heights.at(-1)}`);
    for (let h = f; h <= 60; h++)
        assert.is(state.nodes.validators.getAt(changing, h).serviceUrl, `https://n${h}.example.com:443`);
    assert.ok(state.pocketcore.sessionCandidates.memoizedHeights().every((h) => h >= f));
});
floor.run();
//# sourceMappingURL=history.test.js.map