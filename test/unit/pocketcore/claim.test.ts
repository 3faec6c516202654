/**
 * Goal: MsgClaim runs every check of PROTOCOL §4.4 in pocket-core's order with its codes, plus the
 * ledger's documented rules (challenge claims, session start, duplicate and settled claims); a
 * stored claim carries its expiration (TV-15) and is deleted by the BeginBlock of that height.
 * Method: a real test chain (test/helpers/relays.ts: BPS 4, SNC 2, CSW 3, ClaimExpiration 10),
 * real sessions and real signed relays; one claim tx per block through the producer and reducer;
 * invariants after every block. A failing claim must leave only its fee behind.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { LedgerState } from '../../../src/chain/ledger-state.js';
import type { TxReceipt } from '../../../src/chain/receipts.js';
import { balanceOf } from '../../../src/modules/auth/bank.js';
import { claimExpirationHeight } from '../../../src/modules/pocketcore/claim.js';
import { claimMessage } from '../../../src/sim/relay-evidence.js';
import { historyFloor } from '../../../src/modules/pocketcore/view.js';
import { dispatchSession } from '../../../src/modules/pocketcore/session-service.js';
import type { SessionHeaderKey } from '../../../src/modules/pocketcore/session.js';
import type { WireClaim } from '../../../src/wire/types.js';
import { signTx, testKey, type TestKey } from '../../helpers/chain.js';
import {
  advanceTo,
  appKey,
  clientKey,
  codeOf,
  deliverAll,
  deliverOne,
  evidenceOf,
  headerOf,
  heightOf,
  keyOf,
  POKT,
  proofTx,
  requiredIndex,
  servicerKeys,
  sessionAtEnd,
  startRelayChain,
  type RelayChainOptions,
} from '../../helpers/relays.js';

interface Ready {
  readonly state: LedgerState;
  readonly header: SessionHeaderKey;
  readonly servicer: TestKey;
  readonly outsider: TestKey;
}

/** Chain at height `at − 1`, session 1 on chain 0001 known; the next block is `at`. */
function ready(at = 5, options: RelayChainOptions = {}): Ready {
  const state = startRelayChain(options);
  const header = headerOf(appKey, '0001', 1);
  if (at <= 4) {
    // The session has not ended yet: any node will do (the claim fails before the session check).
    advanceTo(state, at - 1);
    return { state, header, servicer: servicerKeys[0]!, outsider: servicerKeys[1]! };
  }
  advanceTo(state, Math.max(4, at - 1));
  const session = sessionAtEnd(state, header);
  const servicer = keyOf(session.nodes[0]!);
  const outsider = servicerKeys.find((k) => !session.nodes.includes(k.address))!;
  advanceTo(state, at - 1);
  return { state, header, servicer, outsider };
}

/** Deliver; a failing claim must change nothing but the servicer's fee. */
function expectClaim(state: LedgerState, signer: TestKey, msg: WireClaim, expected: string): TxReceipt {
  const claimsBefore = state.pocketcore.claims.size;
  const balanceBefore = balanceOf(state.auth, signer.address);
  const receipt = deliverOne(state, signTx(signer, msg));
  assert.is(codeOf(receipt), expected, receipt.log);
  if (expected !== 'ok') {
    assert.is(state.pocketcore.claims.size, claimsBefore, 'a rejected claim stores nothing');
    if (receipt.feeUpokt > 0n) assert.equal(receipt.events.map((e) => e.type), ['FeeDeducted']);
    assert.is(balanceOf(state.auth, signer.address), balanceBefore - receipt.feeUpokt);
  }
  return receipt;
}

const accepted = suite('MsgClaim accepted inside the window');

accepted('first height of the window (SBH + BPS = 5): stored with expiration 5 + 10·4 = 45, fee charged', () => {
  const { state, header, servicer } = ready(5);
  const evidence = evidenceOf(header, servicer, 10);
  const receipt = expectClaim(state, servicer, claimMessage(evidence, servicer.address), 'ok');
  assert.is(receipt.feeUpokt, 10_000n);
  const [claim] = [...state.pocketcore.claims.unorderedValues()];
  assert.ok(claim);
  assert.is(claim.expirationHeight, 45);
  assert.is(claim.submittedHeight, 5);
  assert.is(claim.totalProofs, 10n);
  assert.is(claim.merkleRoot.upper, evidence.tree.root.upper);
  assert.equal(receipt.events.map((e) => e.type), ['FeeDeducted', 'ClaimSubmitted']);
});

accepted('last height of the window (SBH + CSW·BPS = 13)', () => {
  const { state, header, servicer } = ready(13);
  expectClaim(state, servicer, claimMessage(evidenceOf(header, servicer, 6), servicer.address), 'ok');
});

accepted('TV-15: expiration = claim height + ClaimExpiration·BPS (claim at 1, 100 × 25 → 2501); on chain with BPS 25: claim at 26 → 2526', () => {
  assert.is(claimExpirationHeight(1, 100n, 25n), 2501);
  const { state, header, servicer } = ready(26, { params: { pos: { session_block_frequency: '25' }, pocketcore: { claim_expiration: '100' } } });
  expectClaim(state, servicer, claimMessage(evidenceOf(header, servicer, 5), servicer.address), 'ok');
  assert.is([...state.pocketcore.claims.unorderedValues()][0]!.expirationHeight, 2526);
});

accepted('expiration wraps as Go int64 arithmetic: ClaimExpiration 2^63 − 1 at BPS 4 expires the claim at the next BeginBlock', () => {
  const max = (1n << 63n) - 1n;
  // claim.go:238: ctx.BlockHeight() + ClaimExpiration·BPS in int64 — (2^63 − 1)·4 wraps to −4: 6 − 4 = 2.
  assert.is(claimExpirationHeight(6, max, 4n), 2);
  // −2^63·4 wraps to 0: expiration = the claim's own height.
  assert.is(claimExpirationHeight(6, -(1n << 63n), 4n), 6);
  // 2^61·2 = 2^62 does not wrap: 6 + 2^62 is past every height; the ledger keeps heights as JS
  // numbers, so it is stored as 2^53 − 1 (the same expiry: no chain reaches either).
  assert.is(claimExpirationHeight(6, 1n << 61n, 2n), Number.MAX_SAFE_INTEGER);
  const { state, header, servicer } = ready(6, { params: { pocketcore: { claim_expiration: max.toString() } } });
  expectClaim(state, servicer, claimMessage(evidenceOf(header, servicer, 5), servicer.address), 'ok');
  // stored with expiration 6 + (2^63 − 1)·4 → 2 (wrapped); BeginBlock of 7 deletes it (claim.go:385: 2 ≤ 7).
  assert.is([...state.pocketcore.claims.unorderedValues()][0]!.expirationHeight, 2);
  advanceTo(state, 7);
  assert.is(state.pocketcore.claims.size, 0);
});

accepted('an unproved claim is deleted by the BeginBlock of its expiration height (45), not before', () => {
  const { state, header, servicer } = ready(5);
  expectClaim(state, servicer, claimMessage(evidenceOf(header, servicer, 5), servicer.address), 'ok');
  advanceTo(state, 44);
  assert.is(state.pocketcore.claims.size, 1);
  advanceTo(state, 45);
  assert.is(state.pocketcore.claims.size, 0);
});

const rejectedInOrder = suite('MsgClaim rejections (claim.go:144-221 order, codes)');

rejectedInOrder('too early: height 4 is still inside session 1 → pocketcore:60', () => {
  const { state, header, servicer } = ready(4);
  expectClaim(state, servicer, claimMessage(evidenceOf(header, servicer, 5), servicer.address), 'pocketcore:60');
});

rejectedInOrder('a window CSW·BPS beyond int64 wraps as in Go: CSW 2^63 − 1 at BPS 4 closes every window at once → pocketcore:69', () => {
  const max = ((1n << 63n) - 1n).toString();
  const { state, header, servicer } = ready(5, { params: { pocketcore: { proof_waiting_period: max, claim_expiration: max } } });
  // claim.go:217 → ClaimIsMature (claim.go:368-371): 5 > (2^63 − 1)·4 + 1, the product wrapping to −4: 5 > −3.
  expectClaim(state, servicer, claimMessage(evidenceOf(header, servicer, 5), servicer.address), 'pocketcore:69');
});

rejectedInOrder('too late: height 14 > SBH + CSW·BPS → pocketcore:69', () => {
  const { state, header, servicer } = ready(14);
  expectClaim(state, servicer, claimMessage(evidenceOf(header, servicer, 5), servicer.address), 'pocketcore:69');
});

rejectedInOrder('too few relays: 7 < MinimumNumberOfProofs 8 (session-start params) → pocketcore:49', () => {
  const { state, header, servicer } = ready(5, { params: { pocketcore: { minimum_number_of_proofs: '8' } } });
  expectClaim(state, servicer, claimMessage(evidenceOf(header, servicer, 7), servicer.address), 'pocketcore:49');
});

rejectedInOrder('unsupported chain 0003 → pocketcore:53', () => {
  const { state, servicer } = ready(5);
  const header = headerOf(appKey, '0003', 1);
  expectClaim(state, servicer, claimMessage(evidenceOf(header, servicer, 5), servicer.address), 'pocketcore:53');
});

rejectedInOrder('claimer not a node at the session start → pocketcore:48', () => {
  const { state, header } = ready(5);
  expectClaim(state, clientKey, claimMessage(evidenceOf(header, clientKey, 5), clientKey.address), 'pocketcore:48');
});

rejectedInOrder('app not staked (no application with that key) → pocketcore:45', () => {
  const { state, servicer } = ready(5);
  const header = headerOf(testKey('not-an-app'), '0001', 1);
  expectClaim(state, servicer, claimMessage(evidenceOf(header, servicer, 5), servicer.address), 'pocketcore:45');
});

rejectedInOrder('over MaxRelays: allowance = 100,000 relays / 2 chains / 2 nodes = 25,000; 25,001 → pocketcore:71', () => {
  const { state, header, servicer } = ready(5);
  const evidence = evidenceOf(header, servicer, 5);
  expectClaim(state, servicer, claimMessage(evidence, servicer.address, { totalProofs: 25_001n }), 'pocketcore:71');
  expectClaim(state, servicer, claimMessage(evidence, servicer.address, { totalProofs: 25_000n }), 'ok');
});

rejectedInOrder('app staked for more chains than application/MaximumChains → pocketcore:91', () => {
  const { state, header, servicer } = ready(5, { params: { application: { maximum_chains: '1' } } });
  expectClaim(state, servicer, claimMessage(evidenceOf(header, servicer, 5), servicer.address), 'pocketcore:91');
});

rejectedInOrder('insufficient nodes for the session (chain 0002 has one node, SNC 2) → pocketcore:17', () => {
  const { state, servicer } = ready(5);
  const header = headerOf(appKey, '0002', 1);
  expectClaim(state, servicer, claimMessage(evidenceOf(header, servicer, 5), servicer.address), 'pocketcore:17');
});

rejectedInOrder('header app key in upper-case hex → pocketcore:61 (the app key is written lower-case)', () => {
  const { state, header, servicer } = ready(5);
  const msg = claimMessage(evidenceOf(header, servicer, 5), servicer.address);
  expectClaim(state, servicer, { ...msg, header: { ...msg.header, appPublicKey: msg.header.appPublicKey.toUpperCase() } }, 'pocketcore:61');
});

rejectedInOrder('app not staked for the (supported) chain → pocketcore:13', () => {
  const { state, servicer } = ready(5, { apps: [{ key: appKey, stakeUpokt: 100_000n * POKT, chains: ['0002'] }] });
  const header = headerOf(appKey, '0001', 1);
  expectClaim(state, servicer, claimMessage(evidenceOf(header, servicer, 5), servicer.address), 'pocketcore:13');
});

rejectedInOrder('node not in the session → pocketcore:14', () => {
  const { state, header, outsider } = ready(5);
  expectClaim(state, outsider, claimMessage(evidenceOf(header, outsider, 5), outsider.address), 'pocketcore:14');
});

rejectedInOrder('a session node jailed before the session ended is not in the session → pocketcore:14', () => {
  const state = startRelayChain();
  advanceTo(state, 2);
  const header = headerOf(appKey, '0001', 1);
  const live = dispatchSession(state, appKey.publicKey, '0001', heightOf(state));
  assert.ok(live.ok);
  const chosen = keyOf(live.value.nodes[0]!);
  state.nodes.validators.set(chosen.address, { ...state.nodes.validators.get(chosen.address)!, jailed: true });
  advanceTo(state, 4);
  expectClaim(state, chosen, claimMessage(evidenceOf(header, chosen, 5), chosen.address), 'pocketcore:14');
});

rejectedInOrder('session height = the current height (SBH 5 at height 5) → pocketcore:60, not sdk:1', () => {
  // pocket-core: ctx.PrevCtx(h) at the current height returns the live ctx without error
  // (types/context.go:239-246), so ValidateClaim reaches its session-end check (claim.go:154-158)
  // and answers InvalidBlockHeight (60); only a height above the current one fails to load (sdk:1).
  const { state, servicer } = ready(5);
  const header = headerOf(appKey, '0001', 5);
  expectClaim(state, servicer, claimMessage(evidenceOf(header, servicer, 5), servicer.address), 'pocketcore:60');
});

rejectedInOrder('session height not yet committed (SBH 9 at height 5) → sdk:1', () => {
  const { state, servicer } = ready(5);
  const header = headerOf(appKey, '0001', 9);
  expectClaim(state, servicer, claimMessage(evidenceOf(header, servicer, 5), servicer.address), 'sdk:1');
});

const ledgerRules = suite('MsgClaim: the ledger’s own rules (claim.ts L1–L3)');

ledgerRules('challenge evidence (type 2) → ledger:7', () => {
  const { state, header, servicer } = ready(5);
  expectClaim(state, servicer, { ...claimMessage(evidenceOf(header, servicer, 5), servicer.address), evidenceType: 2n }, 'ledger:7');
});

ledgerRules('a session height that does not start a session (2) → ledger:12', () => {
  const { state, servicer } = ready(7);
  const header = headerOf(appKey, '0001', 2);
  expectClaim(state, servicer, claimMessage(evidenceOf(header, servicer, 5), servicer.address), 'ledger:12');
});

ledgerRules('a second claim for the same session while the first is pending → ledger:11; the first is kept', () => {
  const { state, header, servicer } = ready(5);
  const first = evidenceOf(header, servicer, 5);
  expectClaim(state, servicer, claimMessage(first, servicer.address), 'ok');
  const second = evidenceOf(header, servicer, 8);
  expectClaim(state, servicer, claimMessage(second, servicer.address), 'ledger:11');
  const stored = [...state.pocketcore.claims.unorderedValues()][0]!;
  assert.is(stored.totalProofs, 5n);
  assert.is(stored.expirationHeight, 45);
});

ledgerRules('proved at SBH + CSW·BPS (13), the last claim height: a new claim for it in the same block → ledger:13', () => {
  const { state, header, servicer } = ready(5);
  const evidence = evidenceOf(header, servicer, 6);
  expectClaim(state, servicer, claimMessage(evidence, servicer.address), 'ok');
  advanceTo(state, 12);
  const receipts = deliverAll(state, [proofTx(servicer, evidence, requiredIndex(state, evidence)), signTx(servicer, claimMessage(evidence, servicer.address))]);
  assert.is(heightOf(state), 13);
  assert.equal(receipts.map(codeOf), ['ok', 'ledger:13']);
  assert.is(state.pocketcore.claims.size, 0);
  assert.is(state.pocketcore.settledClaims.size, 1);
});

ledgerRules('a session below the history floor → sdk:1 (pruned state); just above it a late claim still gets pocketcore:69', () => {
  const state = startRelayChain();
  advanceTo(state, 30);
  assert.is(historyFloor(state), 15); // 30 + 1 − (3 + 1)·4
  const servicer = servicerKeys[0]!;
  const old = headerOf(appKey, '0001', 13);
  expectClaim(state, servicer, claimMessage(evidenceOf(old, servicer, 5), servicer.address), 'sdk:1');
  const late = headerOf(appKey, '0001', 17);
  const node = keyOf(sessionAtEnd(state, late).nodes[0]!);
  expectClaim(state, node, claimMessage(evidenceOf(late, node, 5), node.address), 'pocketcore:69');
});

accepted.run();
rejectedInOrder.run();
ledgerRules.run();
