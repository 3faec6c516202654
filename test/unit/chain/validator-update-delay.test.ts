/**
 * Goal: validator-set updates take effect two blocks later, as in Tendermint — the pokt-network
 * fork at 59310158d3e9 that pocket-core RC-0.12.0 runs on (go.mod:5). The updates EndBlock(h)
 * returns become NextValidators and propose and sign block h+2; block h+1 is still signed by the
 * set after h−1:
 *   state/execution.go:425-438  updateState: nValSet := state.NextValidators.Copy(); the updates
 *                               are applied to it; lastHeightValsChanged = header.Height + 1 + 1
 *   state/execution.go:469-471  NextValidators: nValSet, Validators: state.NextValidators.Copy(),
 *                               LastValidators: state.Validators.Copy()
 *   state/state.go:232-247, consensus/replay.go:320-328  at genesis Validators = NextValidators
 *                               = the genesis (InitChain) set: blocks 1 AND 2 are signed by it
 *   state/validation.go:97-99   block h's LastCommit has one entry per state.LastValidators
 *                               (the set that signed h−1); :154-159 the proposer is a member of
 *                               state.Validators (the set that signs h)
 *   state/execution.go:347-370  BeginBlock's LastCommitInfo lists LoadValidators(h − 1);
 *                               :378 evidence about height e is judged with LoadValidators(e)
 * pocket-core's BeginBlocker handles every vote of LastCommitInfo, jailed validator or not
 * (x/nodes/keeper/abci.go:33-36 → slash.go:231-293 handleValidatorSignature: it only needs the
 * validator record and its signing info; JailValidator is a no-op for a jailed validator,
 * valStateChanges.go:575-584). Its own log line calls this "the 2 block delay between Tendermint
 * and the baseapp" (slash.go:234-235).
 * Method: test chains with MaxValidators 1 where a bigger stake takes the single seat, so the set
 * that signs each block is unambiguous; blocks are built by the real producer and applied through
 * the header checks; a block naming the wrong proposer is built by hand and must be refused.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { applyBlock, BlockRejectedError, type BlockResult } from '../../../src/chain/apply-block.js';
import type { Block } from '../../../src/chain/block.js';
import type { LedgerState } from '../../../src/chain/ledger-state.js';
import { buildBlock, NoValidatorsError, type BlockPlan } from '../../../src/chain/producer.js';
import { bytesToHex } from '../../../src/core/hex.js';
import type { Address } from '../../../src/core/types.js';
import { VALIDATOR_SET_KEY } from '../../../src/modules/nodes/state.js';
import { exportState } from '../../../src/genesis/export.js';
import { importExportedState } from '../../../src/genesis/import-exported.js';
import { parseGenesis } from '../../../src/genesis/parse.js';
import { decodeSnapshot, encodeSnapshot } from '../../../src/snapshot/snapshot.js';
import { CHAIN_META_KEY } from '../../../src/state/chain-tables.js';
import { checkInvariants } from '../../../src/sim/invariants.js';
import { BLOCK_INTERVAL_NS, signTx, testKey, type TestKey } from '../../helpers/chain.js';
import { evidence } from '../../helpers/evidence.js';
import { code, eventsOfType, govChain } from '../../helpers/gov-chain.js';
import { bitsOf, heightOf, infoOf, signingChain, votes, votesNext } from '../../helpers/signing-chain.js';
import { beginUnstakeNodeMsg, stakeNodeMsg } from '../../helpers/staking.js';

const POKT = 1_000_000n;
const A = testKey('delay-a');
const B = testKey('delay-b');
const C = testKey('delay-c');
const D = testKey('delay-d');

/** Genesis validator A (100,000 POKT), one seat (MaxValidators 1); B, C, D hold accounts to stake from. */
function chain(params: Readonly<Record<string, Readonly<Record<string, string>>>> = {}): LedgerState {
  return govChain({
    validators: [{ key: A, tokensUpokt: 100_000n * POKT }],
    accounts: [B, C, D].map((key) => ({ key, balanceUpokt: 1_000_000n * POKT })),
    params: { ...params, pos: { max_validators: '1', ...params['pos'] } },
  });
}

function nextBlock(state: LedgerState, txs: readonly Uint8Array[] = [], plan: Partial<BlockPlan> = {}): Block {
  const meta = state.chain.meta.get(CHAIN_META_KEY)!;
  return buildBlock(state, { timeNs: meta.lastBlockTimeNs + BLOCK_INTERVAL_NS, txs, ...plan });
}

/** Build, apply, check invariants; the block and its result. */
function step(state: LedgerState, txs: readonly Uint8Array[] = [], plan: Partial<BlockPlan> = {}): { block: Block; result: BlockResult } {
  const block = nextBlock(state, txs, plan);
  const result = applyBlock(state, block);
  assert.equal(checkInvariants(state), [], `invariants after block ${block.header.height}`);
  return { block, result };
}

/** The next block as the producer builds it, but naming `proposer`: must be refused, state untouched. */
function assertProposerRefused(state: LedgerState, proposer: Address): void {
  const built = nextBlock(state);
  const root = bytesToHex(state.store.root);
  try {
    applyBlock(state, { ...built, header: { ...built.header, proposer } });
    assert.unreachable(`block ${built.header.height} proposed by ${proposer} was accepted`);
  } catch (error) {
    assert.instance(error, BlockRejectedError);
    assert.is((error as BlockRejectedError).code, 'proposer_not_validator', (error as Error).message);
  }
  assert.is(bytesToHex(state.store.root), root, 'state untouched');
}

const commitOf = (block: Block): Address[] => block.header.lastCommit.map((vote) => vote.address);
const setAfter = (state: LedgerState): Address[] => (state.nodes.validatorSet.get(VALIDATOR_SET_KEY) ?? []).map((m) => m.address);

/** A state imported from an exported genesis document (genesis/import-exported.ts). */
function importFrom(doc: Record<string, unknown>): LedgerState {
  const parsed = parseGenesis(JSON.stringify(doc));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return importExportedState(parsed.value, parsed.value.exported!);
}

const delay = suite('validator updates: the set after block h signs block h+2 (Tendermint fork 59310158d3e9)');

/** B stakes 500,000 POKT in block h and takes A's single seat in the set after h. */
function stakeBAt(h: number): LedgerState {
  const state = chain();
  while (heightOf(state) < h - 1) step(state);
  const { result } = step(state, [signTx(B, stakeNodeMsg(B, { value: 500_000n * POKT }))]);
  assert.is(code(result.receipts[0]!), 'ok');
  assert.equal(setAfter(state), [B.address], `the set after block ${h}`);
  return state;
}

for (const h of [1, 3]) {
  delay(`B staked into the set at block ${h}: not a proposer of ${h + 1}, the proposer of ${h + 2}, first in the last commit of ${h + 3}`, () => {
    const state = stakeBAt(h);
    // Block h+1: state.Validators is still the set after h−1 = [A] (execution.go:441-442).
    assertProposerRefused(state, B.address);
    const next = step(state).block;
    assert.is(next.header.proposer, A.address, `block ${h + 1} is proposed by A`);
    assert.equal(commitOf(next), [A.address], `block ${h + 1} lists A, which signed ${h}`);
    // Block h+2: the set after h (NextValidators at h+1) signs it; A is out (validation.go:153-155).
    assertProposerRefused(state, A.address);
    const second = step(state).block;
    assert.is(second.header.proposer, B.address, `block ${h + 2} is proposed by B`);
    assert.equal(commitOf(second), [A.address], `block ${h + 2} lists A, which signed ${h + 1}`);
    assert.equal(infoOf(state, B)!.indexOffset, 0, 'no vote of B handled yet');
    // Block h+3: its last commit is LoadValidators(h+2) = [B] (execution.go:316-346).
    const third = step(state);
    assert.equal(commitOf(third.block), [B.address], `block ${h + 3} lists B, which signed ${h + 2}`);
    assert.equal(infoOf(state, B)!.indexOffset, 1, 'B\'s first vote (for block h+2) handled in BeginBlock h+3 (slash.go:266)');
    assert.is(state.chain.meta.get(CHAIN_META_KEY)!.lastProposer, B.address);
  });
}

delay('genesis: blocks 1 and 2 are both signed by the genesis set; block 1 has no last commit, blocks 2 and 3 list the genesis set', () => {
  const state = chain();
  const one = step(state, [signTx(B, stakeNodeMsg(B, { value: 500_000n * POKT }))]).block;
  assert.equal([one.header.proposer, commitOf(one)], [A.address, []], 'validation.go:91-94: block 1 has no last commit');
  assert.equal(setAfter(state), [B.address]);
  // Block 2: state.Validators = the genesis NextValidators = the genesis set (state.go:228-241).
  assertProposerRefused(state, B.address);
  const two = step(state).block;
  assert.equal([two.header.proposer, commitOf(two)], [A.address, [A.address]]);
  const three = step(state).block;
  assert.equal([three.header.proposer, commitOf(three)], [B.address, [A.address]], 'block 3: proposed by the set after block 1, lists A (the genesis set signed block 2)');
  const four = step(state).block;
  assert.equal([four.header.proposer, commitOf(four)], [B.address, [B.address]]);
});

delay('double-sign evidence is judged with the set that signed its height: B (in the set after h) did not sign h+1 → ignored; h+2 → slashed', () => {
  // MaxEvidenceAge 120 s → 1 block: only evidence about h−1 counts in block h (abci.go:40-54).
  const state = stakeBAt(3);
  step(state); // block 4, signed by A
  const ignored = step(state, [], { evidence: [evidence(B, 4)] }).result; // block 5
  assert.equal(eventsOfType(ignored, 'DoubleSignEvidenceIgnored'), [{ type: 'DoubleSignEvidenceIgnored', address: B.address, evidenceHeight: 4, reason: 'not_in_validator_set' }]);
  assert.equal(eventsOfType(ignored, 'NodeSlashed'), []);
  const slashed = step(state, [], { evidence: [evidence(B, 5)] }).result; // block 6, about block 5 (signed by B)
  // B's power in the set that signed block 5 = 500,000; × 10^6 × 0.05 = 25,000,000,000 uPOKT
  assert.equal(eventsOfType(slashed, 'NodeSlashed').map((e) => [e.address, e.power, e.burnedUpokt]), [[B.address, 500_000n, 25_000_000_000n]]);
});

delay('a node jailed for downtime at block h still signed h+1: its vote is in block h+2\'s last commit and is counted (slash.go:231-293), none in h+3', () => {
  // signingChain: A 1,000,000 POKT; D stakes 20,000 POKT; window 100, 4 misses tolerated.
  const a = testKey('delay-signing-a');
  const d = testKey('delay-signing-d');
  const state = signingChain(a, d);
  const staked = step(state, [signTx(d, stakeNodeMsg(d, { value: 20_000n * POKT }))]);
  assert.is(code(staked.result.receipts[0]!), 'ok');
  const results = votes(state, d, [false, false, false, false, false]);
  const jailedAt = heightOf(state);
  assert.equal(eventsOfType(results.at(-1)!, 'NodeJailed').map((e) => e.address), [d.address], 'the 5th miss jails D');
  assert.equal([infoOf(state, d)!.indexOffset, infoOf(state, d)!.missedBlocksCounter, bitsOf(state, d)], [0, 0, []], 'reset at the jail (slash.go:282-289)');
  assert.not.ok(setAfter(state).includes(d.address), 'D left the set after the jail block');
  // Block h+1 lists the signers of h (the set after h−2), block h+2 those of h+1 (the set after h−1): D in both.
  const offline = { signed: (address: Address) => address !== d.address };
  for (const h of [jailedAt + 1, jailedAt + 2]) {
    assert.ok(votesNext(state, d.address), `D votes in block ${h}`);
    const { block, result } = step(state, [], offline);
    assert.ok(commitOf(block).includes(d.address), `block ${h}'s last commit lists D`);
    assert.equal(eventsOfType(result, 'NodeJailed'), [], 'JailValidator: already jailed, nothing (valStateChanges.go:581-584)');
    assert.equal(eventsOfType(result, 'NodeSlashed'), []);
  }
  // Both votes were handled as any other: two misses on the fresh window (bits 0 and 1).
  assert.equal([infoOf(state, d)!.indexOffset, infoOf(state, d)!.missedBlocksCounter, bitsOf(state, d)], [2, 2, [0, 1]]);
  assert.not.ok(votesNext(state, d.address), 'block h+3 lists the set after h: no D');
  const { block } = step(state, [], offline);
  assert.not.ok(commitOf(block).includes(d.address));
  assert.equal(infoOf(state, d)!.indexOffset, 2);
});

delay('a set emptied at block h still signs block h+1; block h+2 cannot be produced (NoValidatorsError)', () => {
  // The only validator B begins unstaking; it leaves the waiting set at the session end (BPS 4).
  const state = govChain({ validators: [{ key: B, tokensUpokt: 100_000n * POKT }], accounts: [{ key: B, balanceUpokt: 1_000n * POKT }] });
  step(state);
  assert.is(code(step(state, [signTx(B, beginUnstakeNodeMsg(B, B))]).result.receipts[0]!), 'ok');
  while (setAfter(state).length > 0) step(state);
  const emptiedAt = heightOf(state);
  const next = step(state).block;
  assert.is(next.header.proposer, B.address, `block ${emptiedAt + 1} is signed by the set after ${emptiedAt - 1}`);
  assert.throws(() => nextBlock(state), (error: unknown) => error instanceof NoValidatorsError, `block ${emptiedAt + 2} has no signer`);
});

delay('an exported state at H = 4 (the set after 3 = [B]; A signed 4): with the ledger\'s history the chain goes on as the exporting one; without it the imported set signs H+1 and H+2', () => {
  const state = stakeBAt(3);
  step(state); // block 4, by A
  const exported = exportState(state);
  // With pokt_ledger (the per-height sets): block 5 is B's (the set after 3) and lists A, as on the exporting chain.
  const continued = importFrom(exported);
  const five = nextBlock(state);
  assert.equal([five.header.proposer, commitOf(five)], [B.address, [A.address]]);
  assert.is(applyBlock(continued, five).stateRoot, applyBlock(state, five).stateRoot);
  // Without it (pocket-core's own shape): the imported set [B] is Validators and NextValidators
  // (consensus/replay.go:320-328); block H+1 has no last commit, H+2 lists B.
  const { pokt_ledger: _, ...pocketShape } = exported;
  const restarted = importFrom(pocketShape);
  const first = step(restarted).block;
  assert.equal([first.header.height, first.header.proposer, commitOf(first)], [5, B.address, []]);
  const second = step(restarted).block;
  assert.equal([second.header.height, second.header.proposer, commitOf(second)], [6, B.address, [B.address]]);
});

delay('evidence committed at or before H, committed again after an import without history: not refused, and not slashed — the set that signed it is not known', () => {
  // MaxEvidenceAge 30 min → 2 blocks (x/nodes/keeper/abci.go:40-54): evidence about 3 counts in blocks 4 and 5.
  const state = chain({ pos: { max_evidence_age: '1800000000000' } });
  step(state);
  step(state);
  step(state);
  // Block 4 carries A's double sign at 3: slashed with A's power in the set that signed 3 (the genesis set).
  const original = step(state, [], { evidence: [evidence(A, 3)] }).result;
  assert.equal(eventsOfType(original, 'NodeSlashed').map((e) => e.address), [A.address]);
  const exported = exportState(state);
  // With pokt_ledger the committed evidence is known: the same evidence again is not a block of this chain.
  const continued = importFrom(exported);
  assert.throws(() => applyBlock(continued, nextBlock(continued, [], { evidence: [evidence(A, 3)] })), (error: unknown) => error instanceof BlockRejectedError && error.code === 'evidence_duplicate');
  // Without it the block is accepted, but block 5 can judge evidence about 3 only with
  // LoadValidators(3) (execution.go:352) — not known after a restart from the exported state
  // (the imported set is the one after 4, signing 5 and 6): ignored, nothing slashed.
  const { pokt_ledger: _, ...pocketShape } = exported;
  const restarted = importFrom(pocketShape);
  const again = step(restarted, [], { evidence: [evidence(A, 3)] }).result;
  assert.equal(eventsOfType(again, 'NodeSlashed'), []);
  assert.equal(eventsOfType(again, 'DoubleSignEvidenceIgnored').map((e) => [e.address, e.evidenceHeight, e.reason]), [[A.address, 3, 'not_in_validator_set']]);
});

const snapshots = suite('validator updates: a snapshot at any height replays to the same roots');

snapshots('seat changes at blocks 3, 4 and 6, history pruned each block: every snapshot 0..9, restored, accepts the rest of the chain with the same roots', () => {
  // BlocksPerSession 2, ClaimSubmissionWindow 2 (the least genesis allows), MaxEvidenceAge 120 s
  // (1 block): after block h the store keeps history back to h − 5 only (modules/pocketcore/
  // history.ts pruneHeight) — the narrowest window; block h + 1 reads the sets after h − 1 and h − 2.
  const params = { pos: { session_block_frequency: '2' }, pocketcore: { proof_waiting_period: '2' } };
  const original = chain(params);
  const snapshotsAt: Uint8Array[] = [encodeSnapshot(original)];
  const blocks: Block[] = [];
  const roots: string[] = [];
  const stakes: Record<number, [TestKey, bigint]> = { 3: [B, 200_000n], 4: [C, 300_000n], 6: [D, 400_000n] };
  for (let h = 1; h <= 10; h++) {
    const stake = stakes[h];
    const { block, result } = step(original, stake === undefined ? [] : [signTx(stake[0], stakeNodeMsg(stake[0], { value: stake[1] * POKT }))]);
    blocks.push(block);
    roots.push(result.stateRoot);
    snapshotsAt.push(encodeSnapshot(original));
  }
  // The seat: A → B (signs 5) → C (signs 6) → D (signs 8).
  assert.equal(blocks.map((b) => b.header.proposer), [A, A, A, A, B, C, C, D, D, D].map((k) => k.address));
  assert.equal(blocks.map((b) => commitOf(b)[0] ?? null), [null, A, A, A, A, B, C, C, D, D].map((k) => (k === null ? null : k.address)));
  for (let s = 0; s < 10; s++) {
    const restored = decodeSnapshot(snapshotsAt[s]!);
    for (let h = s + 1; h <= 10; h++) {
      const result = applyBlock(restored, blocks[h - 1]!);
      assert.is(result.stateRoot, roots[h - 1], `snapshot ${s}, block ${h}`);
    }
  }
});

snapshots('evidence at the oldest age reads the set at the very height history is pruned to: power as of e − 2, also from a restored snapshot', () => {
  // MaxEvidenceAge 90 min → 6 blocks (abci.go:40-54); BPS 2, CSW 2. After block h the store keeps
  // history back to min(h − 5, h − 2, h − 1 − 6) = h − 7; block h + 1 may carry evidence about
  // e = h + 1 − 6 and reads the set that signed e: as of e − 2 = h − 7, the prune height itself.
  const params = { pos: { session_block_frequency: '2', max_evidence_age: '5400000000000' }, pocketcore: { proof_waiting_period: '2' } };
  const state = chain(params);
  step(state);
  step(state);
  step(state, [signTx(B, stakeNodeMsg(B, { value: 200_000n * POKT }))]); // block 3: the set after 3 = [B 200,000] signs block 5
  step(state, [signTx(B, stakeNodeMsg(B, { value: 250_000n * POKT }))]); // block 4: the set after 4 = [B 250,000] signs block 6
  while (heightOf(state) < 10) step(state);
  const restored = decodeSnapshot(encodeSnapshot(state));
  const block = nextBlock(state, [], { evidence: [evidence(B, 5)] }); // block 11: age 6
  const a = applyBlock(state, block);
  const b = applyBlock(restored, block);
  // Tendermint judges it with LoadValidators(5) (execution.go:352): B at power 200,000 → 200,000 × 10^6 × 0.05
  assert.equal(eventsOfType(a, 'NodeSlashed').map((e) => [e.address, e.power, e.burnedUpokt]), [[B.address, 200_000n, 10_000_000_000n]]);
  assert.is(b.stateRoot, a.stateRoot, 'the restored snapshot judges it alike');
});

delay.run();
snapshots.run();
