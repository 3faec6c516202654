/**
 * Goal: params are history, and a ParamChange in the middle of a session does not alter that
 * session's already-fixed inputs (PROTOCOL §12.2 item 5): the session's nodes (SessionNodeCount
 * at the session start), its end and claim window and its proof seed height (BlocksPerSession at
 * the session start) stay what they were when the session began, while the rest of the chain
 * runs on the new values.
 * Method: the relay test chain (BPS 4, SNC 2, CSW 3; session 1 = blocks 1–4) with a test key as
 * DAO/ACL owner; in block 2 the owner sets SessionNodeCount 3 and BlocksPerSession 8. Then the
 * real session service, a real claim in block 5 and a real proof in block 13 (seed = hash of block
 * 1 + 3·4 − 1 = 12), all computed by pocketcore from `paramsAt(session start)`.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { produce, signTx } from '../../helpers/chain.js';
import { code, eventsOf, paramChange, templateAclKeys } from '../../helpers/gov-chain.js';
import { advanceTo, appKey, claimTx, codeOf, deliverOne, evidenceOf, headerOf, keyOf, proofTx, requiredIndex, sessionAtEnd, startRelayChain } from '../../helpers/relays.js';
const owner = appKey; // funded in the relay chain; owns the DAO and every ACL key here
const midSession = suite('gov: a ParamChange mid-session');
midSession('SessionNodeCount 2 → 3 and BlocksPerSession 4 → 8 in block 2: session 1 keeps 2 nodes, ends at 4, is claimed at 5 and proved at 13', () => {
    const state = startRelayChain({ params: { gov: { dao_owner: owner.address, acl: templateAclKeys().map((key) => ({ acl_key: key, address: owner.address })) } } });
    produce(state); // block 1 starts session 1
    const change = produce(state, [
        signTx(owner, paramChange(owner, 'pocketcore/SessionNodeCount', '"3"')),
        signTx(owner, paramChange(owner, 'pos/BlocksPerSession', '"8"')),
    ]);
    assert.equal(change.receipts.map(code), ['ok', 'ok']);
    assert.is(state.params().pocketcore.sessionNodeCount, 3n);
    assert.is(state.params().pos.blocksPerSession, 8n);
    assert.is(state.paramsAt(1).pocketcore.sessionNodeCount, 2n, 'the session start keeps its values');
    assert.is(state.paramsAt(1).pos.blocksPerSession, 4n);
    assert.is(state.paramsAt(2).pocketcore.sessionNodeCount, 3n);
    advanceTo(state, 4);
    const header = headerOf(appKey, '0001', 1);
    const session = sessionAtEnd(state, header);
    assert.is(session.nodes.length, 2, 'SessionNodeCount as of the session start');
    const servicer = keyOf(session.nodes[0]);
    const evidence = evidenceOf(header, servicer, 10);
    const claim = deliverOne(state, claimTx(servicer, evidence)); // block 5 = SBH + BPS(start) = 1 + 4
    assert.is(codeOf(claim), 'ok', claim.log);
    advanceTo(state, 12);
    const proof = deliverOne(state, proofTx(servicer, evidence, requiredIndex(state, evidence))); // block 13
    assert.is(codeOf(proof), 'ok', proof.log);
    assert.ok(proof.events.some((event) => event.type === 'RelaysRewarded'));
    assert.equal(eventsOf(change).filter((e) => e.type === 'ParamChanged').map((e) => e.key), ['pocketcore/SessionNodeCount', 'pos/BlocksPerSession']);
});
midSession.run();
//# sourceMappingURL=mid-session.test.js.map