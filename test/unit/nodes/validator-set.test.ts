/**
 * Goal: the validator set is the top MaxValidators staked, unjailed nodes by consensus power
 * floor(tokens / 10^6), ties to the lower address (PROTOCOL §6.2), maintained incrementally
 * (derived power index) with exactly the result of a full recomputation — through stakes,
 * edits, jails, unstakes, reverts and snapshot reloads; nodes outside the set stay servicers.
 * Method: test chains driven by real staking txs; the stored set and the index are compared
 * with `computeValidatorSet` over every validator record.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { evolveNext } from '../../helpers/decider-spec.js';
import type { LedgerState } from '../../../src/chain/ledger-state.js';
import { StakeStatus, VALIDATOR_SET_KEY, validatorSetTable, type ValidatorSetEntry } from '../../../src/modules/nodes/state.js';
import { isInChainIndex, stakedValidatorsForChain } from '../../../src/modules/nodes/selectors.js';
import { computeValidatorSet, lastCommitSetFor, signingSetFor } from '../../../src/modules/nodes/validator-set.js';
import { StateStore } from '../../../src/state/store.js';
import { decodeSnapshot, encodeSnapshot } from '../../../src/snapshot/snapshot.js';
import { produce, signTx, testKey } from '../../helpers/chain.js';
import { deliver, endBlockEvents, eventsOf, expectCode, stakeNodeMsg, startStakingChain } from '../../helpers/staking.js';

const POKT = 1_000_000n;
const anchor = testKey('validator-1');
const [low, high] = [testKey('vs-a'), testKey('vs-b')].sort((a, b) => (a.address < b.address ? -1 : 1)) as [ReturnType<typeof testKey>, ReturnType<typeof testKey>];
const small = testKey('vs-small');

function chain(maxValidators: string): LedgerState {
  return startStakingChain({
    accounts: [low, high, small].map((key) => ({ key, balanceUpokt: 1_000_000n * POKT })),
    validators: [{ key: anchor, tokensUpokt: 100_000n * POKT }],
    params: { pos: { max_validators: maxValidators, servicer_stake_weight_ceiling: '1000000' } },
  });
}

const stored = (state: LedgerState) => state.nodes.validatorSet.get(VALIDATOR_SET_KEY)!;
const full = (state: LedgerState) => computeValidatorSet(state.nodes.validators.unorderedValues(), state.params().pos.maxValidators);

const set = suite('validator set: top MaxValidators by power, ties to the lower address');

set('MaxValidators 2: anchor 100,000; two nodes of 20,500.9 POKT tie at power 20,500 → the lower address wins; the small node is out but still a servicer', () => {
  const state = chain('2');
  const result = produce(state, [
    signTx(high, stakeNodeMsg(high, { value: 20_500_900_000n })),
    signTx(low, stakeNodeMsg(low, { value: 20_500_000_000n })),
    signTx(small, stakeNodeMsg(small, { value: 15_000n * POKT })),
  ]);
  assert.equal(result.receipts.map((r) => r.code), [0, 0, 0]);
  assert.equal(stored(state), [
    { address: anchor.address, power: 100_000n },
    { address: low.address, power: 20_500n },
  ]);
  assert.equal(stored(state), full(state));
  const smallRecord = state.nodes.validators.get(small.address)!;
  assert.is(smallRecord.status, StakeStatus.Staked);
  assert.ok(isInChainIndex(smallRecord, '0001'), 'outside the validator set, still in the chain index (a servicer)');
  assert.ok(stakedValidatorsForChain(state.nodes.validators, '0001').includes(small.address));
});

set('an edit that raises power moves a node into the set; the leaver gets a power-0 update; both orders agree with a full recomputation', () => {
  const state = chain('2');
  produce(state, [signTx(low, stakeNodeMsg(low, { value: 20_000n * POKT })), signTx(small, stakeNodeMsg(small, { value: 15_000n * POKT }))]);
  const receipt = deliver(state, small, stakeNodeMsg(small, { value: 30_000n * POKT }));
  expectCode(receipt, 'ok');
  assert.equal(stored(state), [
    { address: anchor.address, power: 100_000n },
    { address: small.address, power: 30_000n },
  ]);
  assert.equal(stored(state), full(state));
});

set('a block without power changes emits no ValidatorSetUpdated and keeps the very same set (O(1) path)', () => {
  const state = chain('5');
  deliver(state, low, stakeNodeMsg(low, { value: 20_000n * POKT }));
  const before = stored(state);
  const result = produce(state);
  assert.equal(eventsOf(endBlockEvents(result), 'ValidatorSetUpdated'), []);
  assert.ok(stored(state) === before);
});

set('jailing leaves the set (index follows the record); the chain index keeps the jailed node', () => {
  const state = chain('5');
  deliver(state, low, stakeNodeMsg(low, { value: 20_000n * POKT }));
  evolveNext(state, [{ type: 'NodeJailed', address: low.address, reason: 'downtime', signedBlocksWindow: 100n, missed: 51, maxMissed: 50n, jailedUntilNs: 0n }]);
  const result = produce(state);
  assert.equal(eventsOf(endBlockEvents(result), 'ValidatorSetUpdated')[0]!.updates, [{ address: low.address, power: 0n }]);
  assert.equal(stored(state), full(state));
  assert.ok(isInChainIndex(state.nodes.validators.get(low.address)!, '0001'));
});

const derived = suite('derived indexes stay exact through reverts and snapshot reloads');

derived('a reverted checkpoint restores the power index and the unstaking queue', () => {
  const state = chain('5');
  deliver(state, low, stakeNodeMsg(low, { value: 20_000n * POKT }));
  const ranking = [...state.nodes.powerIndex.all()];
  state.store.checkpoint();
  state.nodes.validators.set(low.address, { ...state.nodes.validators.get(low.address)!, tokensUpokt: 90_000n * POKT });
  state.nodes.validators.set(high.address, { ...state.nodes.validators.get(low.address)!, address: high.address, status: StakeStatus.Unstaking, unstakingTimeNs: 5n });
  assert.is(state.nodes.powerIndex.powerOf(low.address), 90_000n);
  assert.is(state.nodes.unstakingQueue.size, 1);
  state.store.revert();
  assert.equal([...state.nodes.powerIndex.all()], ranking);
  assert.is(state.nodes.unstakingQueue.size, 0);
});

derived('a snapshot reload rebuilds the indexes: same ranking, same queues, same staked-app count, and the next block agrees', () => {
  const state = chain('2');
  produce(state, [signTx(low, stakeNodeMsg(low, { value: 20_000n * POKT })), signTx(high, stakeNodeMsg(high, { value: 25_000n * POKT }))]);
  const copy = decodeSnapshot(encodeSnapshot(state));
  assert.equal([...copy.nodes.powerIndex.all()], [...state.nodes.powerIndex.all()]);
  assert.equal(copy.nodes.powerIndex.top(2n), state.nodes.powerIndex.top(2n));
  assert.is(copy.apps.stakedCount.count, state.apps.stakedCount.count);
  const a = produce(state);
  const b = produce(copy);
  assert.is(b.stateRoot, a.stateRoot);
});

const timing = suite('signingSetFor / lastCommitSetFor: which set signs block h (Tendermint fork 59310158d3e9, state/execution.go:425-471)');

/** A validator-set history: `sets[i]` committed at height `first + i`. */
function history(first: number, sets: ReadonlyArray<readonly ValidatorSetEntry[]>) {
  const store = new StateStore();
  const table = store.defineTable(validatorSetTable);
  sets.forEach((set, i) => {
    table.set(VALIDATOR_SET_KEY, set);
    store.commitBlock(first + i);
  });
  return { nodes: { validatorSet: table } };
}

const S0 = [{ address: anchor.address, power: 100_000n }];
const S1 = [{ address: low.address, power: 20_500n }, { address: anchor.address, power: 100_000n }];
const S2 = [{ address: high.address, power: 30_000n }];

timing('genesis at 0 (S0), EndBlock 1 → S1, EndBlock 2 → S2: blocks 1 and 2 by S0, 3 by S1, 4 by S2; last commits none, S0, S0, S1, S2 (ascending address)', () => {
  const view = history(0, [S0, S1, S2]);
  assert.equal([0, 1, 2, 3, 4].map((h) => signingSetFor(view, h)), [[], S0, S0, S1, S2]);
  const sorted = [...S1].sort((a, b) => (a.address < b.address ? -1 : 1));
  assert.equal([1, 2, 3, 4, 5].map((h) => lastCommitSetFor(view, h)), [[], S0, S0, sorted, S2]);
});

timing('an exported state imported at H = 40 without history: blocks 41 and 42 by the imported set, block 41 lists nobody, 42 the imported set', () => {
  const view = history(40, [S1, S2]);
  assert.equal([40, 41, 42, 43].map((h) => signingSetFor(view, h)), [[], S1, S1, S2]);
  assert.equal(lastCommitSetFor(view, 41), []);
  assert.equal(lastCommitSetFor(view, 42).map((m) => m.address), S1.map((m) => m.address).sort());
});

set.run();
derived.run();
timing.run();
