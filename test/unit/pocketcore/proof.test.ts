/**
 * Goal: MsgProof runs PROTOCOL §4.6 in pocket-core's order: a valid opening of the seeded leaf
 * mints exactly the planned reward and settles the claim; an invalid Merkle walk keeps the claim
 * (pocketcore:66); a replay attack burns TotalProofs × 3 × RTTM × weight from the stake and
 * deletes the claim although the message fails (pocketcore:86); wrong index / wrong levels 49;
 * no or expired claim 65; too early sdk:1; forged client or app signatures are refused before
 * the chain (pocketcore:41 / pocketcore:4, no fee).
 * Method: a real test chain (test/helpers/relays.ts), servicers of 30,000 POKT (a multiple of
 * the PIP-22 floor, so the replay burn's bin is 1), real signed relays and trees, claims at
 * height 5, proofs from height 13 at the index derived from block 12's hash; invariants after
 * every block; balances and supply compared with the event's plan.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { evolve } from '../../../src/chain/evolve.js';
import type { LedgerState } from '../../../src/chain/ledger-state.js';
import type { TxReceipt } from '../../../src/chain/receipts.js';
import { bytesToHex } from '../../../src/core/hex.js';
import type { PublicKeyHex } from '../../../src/core/types.js';
import { balanceOf, totalSupply } from '../../../src/modules/auth/bank.js';
import { MODULE_ADDRESSES } from '../../../src/modules/auth/state.js';
import { buildSessionEvidence, signAat, signRelayProof, type SessionEvidence } from '../../../src/sim/relay-evidence.js';
import type { ProofRejected, RelaysRewarded, ReplayAttackDetected } from '../../../src/modules/pocketcore/events.js';
import { sessionHeaderHash, type SessionHeaderKey } from '../../../src/modules/pocketcore/session.js';
import { proofIndex } from '../../../src/modules/pocketcore/proof-index.js';
import { heightKey as heightKeyOf } from '../../../src/state/chain-tables.js';
import { sign } from '../../../src/crypto/ed25519.js';
import { relayProofHash } from '../../../src/messages/index.js';
import type { WireRelayProof } from '../../../src/wire/types.js';
import { testKey, type TestKey } from '../../helpers/chain.js';
import {
  advanceTo,
  appKey,
  claimTx,
  clientKey,
  codeOf,
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
  signedRelays,
  startRelayChain,
  type RelayChainOptions,
} from '../../helpers/relays.js';

const OUTPUT = testKey('relay-output');

interface Claimed {
  readonly state: LedgerState;
  readonly header: SessionHeaderKey;
  readonly servicer: TestKey;
  readonly evidence: SessionEvidence;
}

/** Claim `relays` relays at height 5 and advance to `proofAt − 1`. */
function claimed(relays: number, proofAt = 13, options: RelayChainOptions & { evidence?: (header: SessionHeaderKey, servicer: TestKey) => SessionEvidence } = {}): Claimed {
  const state = startRelayChain({ servicers: servicerKeys.map((key) => ({ key, tokensUpokt: 30_000n * POKT })), ...options });
  advanceTo(state, 4);
  const header = headerOf(appKey, '0001', 1);
  const servicer = keyOf(sessionAtEnd(state, header).nodes[0]!);
  const evidence = options.evidence?.(header, servicer) ?? evidenceOf(header, servicer, relays);
  const receipt = deliverOne(state, claimTx(servicer, evidence));
  assert.is(codeOf(receipt), 'ok', receipt.log);
  advanceTo(state, proofAt - 1);
  return { state, header, servicer, evidence };
}

function expectOnlyFee(receipt: TxReceipt): void {
  if (receipt.feeUpokt > 0n) assert.equal(receipt.events.map((e) => e.type), ['FeeDeducted']);
}

/**
 * Refused while the claim stays live: the fee, then ProofRejected naming the live claim's key
 * (the only claim in the state) with the receipt's own code and log — the record of the attempt.
 */
function expectRefusedAttempt(state: LedgerState, receipt: TxReceipt): void {
  assert.equal(receipt.events.map((e) => e.type), receipt.feeUpokt > 0n ? ['FeeDeducted', 'ProofRejected'] : ['ProofRejected']);
  const refused = receipt.events.at(-1) as ProofRejected;
  assert.equal([...state.pocketcore.claims.unorderedKeys()], [refused.key]);
  assert.is(refused.code, codeOf(receipt));
  assert.is(refused.reason, receipt.log);
  assert.is(refused.servicer, state.pocketcore.claims.get(refused.key)!.servicer);
}

const valid = suite('MsgProof: a valid proof mints the plan and settles the claim');

valid('1,000 relays, output address set: output +870,000, operator +20,000 − fee, fee_collector +110,000, supply +1,000,000', () => {
  const { state, servicer, evidence } = claimed(1_000, 13, { outputs: Object.fromEntries(servicerKeys.map((k) => [k.address, OUTPUT.address])) });
  const supply = totalSupply(state.auth);
  const output = balanceOf(state.auth, OUTPUT.address);
  const operator = balanceOf(state.auth, servicer.address);
  const collector = balanceOf(state.auth, MODULE_ADDRESSES.fee_collector);
  const receipt = deliverOne(state, proofTx(servicer, evidence, requiredIndex(state, evidence)));
  assert.is(codeOf(receipt), 'ok', receipt.log);
  assert.equal(receipt.events.map((e) => e.type), ['FeeDeducted', 'ProofAccepted', 'RelaysRewarded']);
  const { plan } = receipt.events[2] as RelaysRewarded;
  // RTTM 1000 × 1,000 relays × weight 1 = 1,000,000; fees trunc(100,000 + 10,000) = 110,000;
  // node 890,000 − reward cost 20,000 = 870,000 to the output address.
  assert.equal(plan.lines.map((l) => [l.role, l.address, l.amountUpokt]), [
    ['reward_cost_refund', servicer.address, 20_000n],
    ['primary', OUTPUT.address, 870_000n],
    ['fee_collector', MODULE_ADDRESSES.fee_collector, 110_000n],
  ]);
  assert.is(balanceOf(state.auth, OUTPUT.address) - output, 870_000n);
  assert.is(balanceOf(state.auth, servicer.address) - operator, 20_000n - 10_000n);
  assert.is(totalSupply(state.auth) - supply, plan.mintedUpokt);
  assert.is(plan.mintedUpokt, 1_000_000n);
  // fee_collector: the block's proof fee + the relay share (split at the next BeginBlock).
  assert.is(balanceOf(state.auth, MODULE_ADDRESSES.fee_collector) - collector, 10_000n + 110_000n);
  assert.is(state.pocketcore.claims.size, 0);
  assert.is([...state.pocketcore.settledClaims.unorderedValues()][0]!.outcome, 'proved');
});

valid('a second proof of a settled claim → pocketcore:65', () => {
  const { state, servicer, evidence } = claimed(8);
  const tx = () => proofTx(servicer, evidence, requiredIndex(state, evidence));
  assert.is(codeOf(deliverOne(state, tx())), 'ok');
  const again = deliverOne(state, tx());
  assert.is(codeOf(again), 'pocketcore:65');
  expectOnlyFee(again);
});

const invalid = suite('MsgProof rejections (proof.go:111-171, handler.go:60-98)');

invalid('too early: the seed block (12) is not committed at height 12 → sdk:1', () => {
  const { state, servicer, evidence } = claimed(8, 12);
  const receipt = deliverOne(state, proofTx(servicer, evidence, 0));
  assert.is(heightOf(state), 12);
  assert.is(codeOf(receipt), 'sdk:1', receipt.log);
  expectRefusedAttempt(state, receipt);
});

invalid('wrong index → pocketcore:49; claim kept', () => {
  const { state, servicer, evidence } = claimed(8);
  const wrong = (requiredIndex(state, evidence) + 1) % 8;
  const receipt = deliverOne(state, proofTx(servicer, evidence, wrong));
  assert.is(codeOf(receipt), 'pocketcore:49', receipt.log);
  expectRefusedAttempt(state, receipt);
  assert.is(state.pocketcore.claims.size, 1);
});

invalid('wrong number of levels (one sibling dropped: 3 instead of ceil(log2 10) = 4) → pocketcore:49', () => {
  const { state, servicer, evidence } = claimed(10);
  const receipt = deliverOne(state, proofTx(servicer, evidence, requiredIndex(state, evidence), { siblings: (s) => s.slice(0, 3) }));
  assert.is(codeOf(receipt), 'pocketcore:49', receipt.log);
  expectRefusedAttempt(state, receipt);
});

invalid('wrong leaf (another relay, validly signed) → pocketcore:66, the claim stays and can still be proved', () => {
  const { state, servicer, evidence } = claimed(8);
  const index = requiredIndex(state, evidence);
  const other = evidence.proofs[evidence.tree.order[(index + 1) % 8]!]!;
  const receipt = deliverOne(state, proofTx(servicer, evidence, index, { leaf: other }));
  assert.is(codeOf(receipt), 'pocketcore:66', receipt.log);
  expectRefusedAttempt(state, receipt);
  assert.is(state.pocketcore.claims.size, 1);
  assert.is(codeOf(deliverOne(state, proofTx(servicer, evidence, index))), 'ok');
});

invalid('ProofRejected changes no table: applying it records no write (the state root cannot move)', () => {
  const { state, servicer, evidence } = claimed(8);
  const index = requiredIndex(state, evidence);
  const other = evidence.proofs[evidence.tree.order[(index + 1) % 8]!]!;
  const refused = deliverOne(state, proofTx(servicer, evidence, index, { leaf: other })).events.at(-1)!;
  assert.is(refused.type, 'ProofRejected');
  const writes: string[] = [];
  const store = state.store as unknown as { recordWrite: (table: { name: string }, key: string, previous: unknown, next: unknown) => void };
  const record = store.recordWrite.bind(store);
  store.recordWrite = (table, key, previous, next) => {
    writes.push(`${table.name}/${key}`);
    record(table, key, previous, next);
  };
  evolve(state, refused, heightOf(state) + 1);
  assert.equal(writes, []);
});

invalid('a tampered sibling hash → the walk ends off the root: replay attack pocketcore:86, burn 1000 × 8 × 3 × weight 1 = 24,000, claim deleted', () => {
  const { state, servicer, evidence } = claimed(8);
  const supply = totalSupply(state.auth);
  const tokens = state.nodes.validators.get(servicer.address)!.tokensUpokt;
  const tamper = (siblings: Array<{ hash: string | null; lower: bigint; upper: bigint }>) =>
    siblings.map((s, i) => (i === 1 ? { ...s, hash: (s.hash!.startsWith('0') ? '1' : '0') + s.hash!.slice(1) } : s));
  const receipt = deliverOne(state, proofTx(servicer, evidence, requiredIndex(state, evidence), { siblings: tamper }));
  assert.is(codeOf(receipt), 'pocketcore:86', receipt.log);
  assert.equal(receipt.events.map((e) => e.type), ['FeeDeducted', 'ReplayAttackDetected']);
  const { burn } = receipt.events[1] as ReplayAttackDetected;
  assert.is(burn.challenges, 24n);
  assert.is(burn.burnedUpokt, 24_000n);
  assert.is(state.nodes.validators.get(servicer.address)!.tokensUpokt, tokens - 24_000n);
  assert.is(supply - totalSupply(state.auth), 24_000n);
  assert.is(state.pocketcore.claims.size, 0);
  assert.is([...state.pocketcore.settledClaims.unorderedValues()][0]!.outcome, 'replay_attack_burned');
});

invalid('replay attack: a relay counted twice (an empty-range leaf next to the opened one) → pocketcore:86, burn, claim deleted', () => {
  // Seed timing (PROTOCOL §12.2 item 4): a claim at the last height (13) is made when block 12's
  // hash — the seed — is known, so the index is known too. For T leaves (T − 1 distinct relays,
  // one of them twice) pick T with a usable index i, then place the duplicate so that leaf i is a
  // real leaf and its level-0 sibling is the duplicate's empty range [u, u): the walk stops there
  // as a replay attack (merkle.go:78-86).
  const state = startRelayChain({ servicers: servicerKeys.map((key) => ({ key, tokensUpokt: 30_000n * POKT })) });
  advanceTo(state, 12);
  const header = headerOf(appKey, '0001', 1);
  const servicer = keyOf(sessionAtEnd(state, header).nodes[0]!);
  const seed = state.chain.blockHashes.get(heightKeyOf(12))!;
  let total = 6;
  let index = Number(proofIndex(seed, sessionHeaderHash(header), BigInt(total)));
  // i = 1 has no earlier pair to break; an even i = T − 1 would need a pair beyond the last relay.
  while (index === 1 || (index % 2 === 0 && index === total - 1)) index = Number(proofIndex(seed, sessionHeaderHash(header), BigInt(++total)));
  const distinct = buildSessionEvidence(header, signedRelays(header, servicer, total - 1));
  const sorted = distinct.tree.order.map((position) => distinct.proofs[position]!);
  const twice = sorted[index % 2 === 0 ? index : index - 2]!;
  const evidence = buildSessionEvidence(header, [...sorted, twice]);
  assert.is(evidence.tree.levels[0]![index % 2 === 0 ? index + 1 : index - 1]!.lower, evidence.tree.levels[0]![index % 2 === 0 ? index + 1 : index - 1]!.upper);
  assert.is(codeOf(deliverOne(state, claimTx(servicer, evidence))), 'ok');
  const supply = totalSupply(state.auth);
  const receipt = deliverOne(state, proofTx(servicer, evidence, index));
  assert.is(codeOf(receipt), 'pocketcore:86', receipt.log);
  const { burn } = receipt.events[1] as ReplayAttackDetected;
  assert.is(burn.burnedUpokt, 1000n * BigInt(total) * 3n); // RTTM × TotalProofs × 3 × weight 1
  assert.is(supply - totalSupply(state.auth), burn.burnedUpokt);
  assert.is(state.pocketcore.claims.size, 0);
});

invalid('a replay burn below StakeMinimum forces the node out (jailed, waiting to unstake)', () => {
  const { state, servicer, evidence } = claimed(8, 13, { params: { pos: { stake_minimum: '29999999000' } } });
  const tamper = (siblings: Array<{ hash: string | null; lower: bigint; upper: bigint }>) => siblings.map((s, i) => (i === 0 ? { ...s, hash: 'ff'.repeat(32) } : s));
  const receipt = deliverOne(state, proofTx(servicer, evidence, requiredIndex(state, evidence), { siblings: tamper }));
  assert.is(codeOf(receipt), 'pocketcore:86', receipt.log);
  assert.equal(receipt.events.map((e) => e.type), ['FeeDeducted', 'ReplayAttackDetected', 'NodeForceUnstakeQueued']);
  assert.ok(state.nodes.validators.get(servicer.address)!.jailed);
  assert.ok(state.nodes.waitingValidators.has(servicer.address));
});

invalid('expired claim (deleted by BeginBlock 45) → pocketcore:65', () => {
  const { state, servicer, evidence } = claimed(8, 45);
  assert.is(state.pocketcore.claims.size, 1);
  const receipt = deliverOne(state, proofTx(servicer, evidence, requiredIndex(state, evidence)));
  assert.is(heightOf(state), 45);
  assert.is(codeOf(receipt), 'pocketcore:65', receipt.log);
  assert.is(state.pocketcore.claims.size, 0);
});

invalid('no claim for the session → pocketcore:65', () => {
  const { state, header } = claimed(8);
  const other = keyOf(sessionAtEnd(state, header).nodes[1]!);
  const mine = evidenceOf(header, other, 8);
  assert.is(codeOf(deliverOne(state, proofTx(other, mine, 0))), 'pocketcore:65');
});

invalid('leaves whose AAT writes the app key in upper case → pocketcore:65: the claim is keyed by the lower-case header', () => {
  // pocket-core looks the claim up by the leaf's SessionHeader() — the AAT's app key AS SIGNED
  // (x/pocketcore/types/proof.go:146-152, keeper/proof.go:115) — hashed as written
  // (session.go:265-282). A claim is only ever stored under the lower-case key (Session.Validate's
  // RawString check, session.go:65, answers 61 otherwise), so such a leaf finds no claim.
  const upperApp = { seed: appKey.seed, publicKey: appKey.publicKey.toUpperCase() as PublicKeyHex };
  const { state, servicer, evidence } = claimed(8, 13, {
    evidence: (header, node) => {
      const aat = signAat(upperApp, clientKey.publicKey);
      const relays = Array.from({ length: 8 }, (_, i) =>
        signRelayProof(clientKey, { aat, servicerPublicKey: node.publicKey, blockchain: header.chain, sessionBlockHeight: header.sessionHeight, payload: `p${i}`, entropy: BigInt(i) }),
      );
      return buildSessionEvidence(header, relays);
    },
  });
  const receipt = deliverOne(state, proofTx(servicer, evidence, requiredIndex(state, evidence)));
  assert.is(codeOf(receipt), 'pocketcore:65', receipt.log);
  expectOnlyFee(receipt);
  assert.is(state.pocketcore.claims.size, 1, 'the claim stays');
});

invalid('forged client signature → pocketcore:41 before the chain: no fee, claim untouched', () => {
  const { state, servicer, evidence } = claimed(8);
  const index = requiredIndex(state, evidence);
  const leaf = evidence.proofs[evidence.tree.order[index]!]!;
  const forged: WireRelayProof = { ...leaf, signature: bytesToHex(sign(testKey('mallory').seed, relayProofHash(leaf))) };
  const receipt = deliverOne(state, proofTx(servicer, evidence, index, { leaf: forged }));
  assert.is(codeOf(receipt), 'pocketcore:41', receipt.log);
  assert.is(receipt.feeUpokt, 0n);
  assert.is(state.pocketcore.claims.size, 1);
});

invalid('forged app signature on the AAT → pocketcore:4 before the chain: no fee', () => {
  const { state, servicer, evidence } = claimed(8);
  const index = requiredIndex(state, evidence);
  const leaf = evidence.proofs[evidence.tree.order[index]!]!;
  const fakeAat = { ...signAat({ seed: testKey('mallory').seed, publicKey: appKey.publicKey }, clientKey.publicKey) };
  const forged = signRelayProof(clientKey, { aat: fakeAat, servicerPublicKey: leaf.servicerPublicKey, blockchain: leaf.blockchain, sessionBlockHeight: 1, payload: 'x', entropy: 1n });
  const receipt = deliverOne(state, proofTx(servicer, evidence, index, { leaf: forged }));
  assert.is(codeOf(receipt), 'pocketcore:4', receipt.log);
  assert.is(receipt.feeUpokt, 0n);
});

invalid('the proof tx must be signed by the leaf’s servicer (ante: sdk:4, no fee)', () => {
  const { state, servicer, evidence } = claimed(8);
  const other = servicerKeys.find((k) => k.address !== servicer.address)!;
  const receipt = deliverOne(state, proofTx(other, evidence, requiredIndex(state, evidence)));
  assert.is(codeOf(receipt), 'sdk:4', receipt.log);
});

invalid('the servicer unstaked and was deleted before proving → accepted, nothing minted', () => {
  const { state, servicer, evidence } = claimed(8);
  const stake = state.nodes.validators.get(servicer.address)!.tokensUpokt;
  // Simulate a finished unstake between blocks: the record is gone, its stake returned.
  state.nodes.validators.delete(servicer.address);
  state.auth.accounts.set(MODULE_ADDRESSES.staked_tokens_pool, { balanceUpokt: balanceOf(state.auth, MODULE_ADDRESSES.staked_tokens_pool) - stake, publicKey: null });
  state.auth.accounts.set(servicer.address, { balanceUpokt: balanceOf(state.auth, servicer.address) + stake, publicKey: servicer.publicKey });
  const supply = totalSupply(state.auth);
  const receipt = deliverOne(state, proofTx(servicer, evidence, requiredIndex(state, evidence)));
  assert.is(codeOf(receipt), 'ok', receipt.log);
  assert.equal((receipt.events[2] as RelaysRewarded).plan.lines, []);
  assert.is(totalSupply(state.auth), supply);
});

valid.run();
invalid.run();
