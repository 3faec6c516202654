/**
 * Goal: downtime tracking follows pocket-core (PROTOCOL §6.5, slash.go:231-293): signing info
 * from each block's last commit, a TUMBLING SignedBlocksWindow, MinBlocksSignedPerWindow rounded
 * half-even, slash by SlashFractionDowntime of the vote's power, jail, jailed_until = block time +
 * DowntimeJailDuration; TV-11 (slash_test.go:14-102).
 * Method: a test chain with mainnet's downtime params (window 10, MinSignedPerWindow 0.60 → 4
 * misses tolerated, fraction 0.000001, jail 3600 s, StakeMinimum 15,000 POKT) and three
 * validators; the producer's `signed` option makes validator B miss chosen blocks. Block h's
 * last commit is the previous block's votes; the window resets at h mod 10 == 0. Events,
 * signing info, stake, supply and the validator set are checked; invariants after every block.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { NO_FEATURES_OFF } from '../../../src/core/features.js';
import type { BlockResult } from '../../../src/chain/apply-block.js';
import type { LedgerState } from '../../../src/chain/ledger-state.js';
import { Dec } from '../../../src/core/bigdec.js';
import type { Address } from '../../../src/core/types.js';
import { balanceOf, totalSupply } from '../../../src/modules/auth/bank.js';
import { MODULE_ADDRESSES } from '../../../src/modules/auth/state.js';
import { handleValidatorSignatures } from '../../../src/modules/slashing/downtime.js';
import { maxMissedBlocks, missedBlocksTable, signingInfosTable } from '../../../src/modules/slashing/state.js';
import { StateStore } from '../../../src/state/store.js';
import { VALIDATOR_SET_KEY } from '../../../src/modules/nodes/state.js';
import { checkInvariants } from '../../../src/sim/invariants.js';
import { produce, signTx, testKey } from '../../helpers/chain.js';
import { code, eventsOfType, govChain, OWNER, paramChange } from '../../helpers/gov-chain.js';
import { beginUnstakeNodeMsg, stakeNodeMsg } from '../../helpers/staking.js';

const POKT = 1_000_000n;
const A = testKey('downtime-a');
const B = testKey('downtime-b');
const C = testKey('downtime-c');
const B_TOKENS = 50_000n * POKT;

function chain(pos: Record<string, unknown> = {}): LedgerState {
  return govChain({
    validators: [
      { key: A, tokensUpokt: 100_000n * POKT },
      { key: B, tokensUpokt: B_TOKENS },
      { key: C, tokensUpokt: 60_000n * POKT },
    ],
    params: {
      pos: {
        signed_blocks_window: '10',
        min_signed_per_window: '0.60',
        slash_fraction_downtime: '0.000001',
        downtime_jail_duration: '3600000000000',
        stake_minimum: '15000000000',
        max_jailed_blocks: '37960',
        ...pos,
      },
    },
  });
}

/** Produce blocks up to `height`; B's vote in block h's last commit is missing when `missesAt(h)`. */
function runTo(state: LedgerState, height: number, missesAt: (h: number) => boolean): BlockResult[] {
  const results: BlockResult[] = [];
  while (state.chain.meta.get('meta')!.height < height) {
    const h = state.chain.meta.get('meta')!.height + 1;
    results.push(produce(state, [], { signed: (address: Address) => !(address === B.address && missesAt(h)) }));
    assert.equal(checkInvariants(state), [], `invariants after block ${h}`);
  }
  return results;
}

const info = (state: LedgerState) => state.slashing.signingInfos.get(B.address)!;
const inSet = (state: LedgerState, address: Address) => (state.nodes.validatorSet.get(VALIDATOR_SET_KEY) ?? []).some((m) => m.address === address);

const threshold = suite('slashing: downtime threshold');

threshold('MinBlocksSignedPerWindow is half-even: 0.60 × 10 → 4 tolerated; 0.55 × 10 = 5.5 → 6 → 4; 0.45 × 10 = 4.5 → 4 → 6; defaults 0.5 × 100 → 50', () => {
  assert.is(maxMissedBlocks(10n, Dec.fromString('0.60')!), 4n);
  assert.is(maxMissedBlocks(10n, Dec.fromString('0.55')!), 4n);
  assert.is(maxMissedBlocks(10n, Dec.fromString('0.45')!), 6n);
  assert.is(maxMissedBlocks(100n, Dec.fromString('0.5')!), 50n);
});

threshold('SignedBlocksWindow − MinBlocksSignedPerWindow wraps as Go int64: window 2^62 with MinSignedPerWindow −1 tolerates −2^63 misses — every vote punishes', () => {
  // slash.go:273: maxMissed := signedBlocksWindow − minSignedPerWindow, int64: 2^62 − (−2^62) = 2^63 wraps to −2^63.
  assert.is(maxMissedBlocks(1n << 62n, Dec.fromString('-1')!), -(1n << 63n));
  assert.is(maxMissedBlocks((1n << 62n) - 1n, Dec.fromString('-1')!), (1n << 63n) - 2n, 'one less: no wrap');
  // Such a pair would jail every validator at the next BeginBlock (0 > −2^63, slash.go:275) — an
  // empty Tendermint set, a halted chain — so governance refuses the second change (ledger:15).
  const state = chain();
  const owner = (key: string, value: string) => code(produce(state, [signTx(OWNER, paramChange(OWNER, key, value))]).receipts[0]!);
  assert.equal([owner('pos/MinSignedPerWindow', '"-1"'), owner('pos/SignedBlocksWindow', `"${1n << 62n}"`)], ['ok', 'ledger:15']);
});

threshold('genesis validators have signing info: start 0, jailed_until Unix 0, counters 0', () => {
  const state = chain();
  assert.equal(state.slashing.signingInfos.get(A.address), { address: A.address, startHeight: 0, indexOffset: 0, jailedUntilNs: 0n, missedBlocksCounter: 0, jailedBlocksCounter: 0 });
  assert.is(state.slashing.signingInfos.size, 3);
});

threshold('missing exactly the tolerated 4 votes of a window: counted, still free, nothing burned', () => {
  const state = chain();
  const supply = totalSupply(state.auth);
  const results = runTo(state, 9, (h) => h >= 2 && h <= 5);
  assert.is(info(state).missedBlocksCounter, 4);
  assert.is(info(state).indexOffset, 8, 'votes of blocks 1..8 seen in blocks 2..9');
  assert.not.ok(state.nodes.validators.get(B.address)!.jailed);
  assert.ok(inSet(state, B.address));
  assert.is(totalSupply(state.auth), supply);
  assert.equal(results.flatMap((r) => eventsOfType(r, 'NodeSlashed')), []);
});

threshold('one more (the 5th miss) → slashed power × 0.000001, jailed until block time + 3600 s, counters reset', () => {
  const state = chain();
  const supply = totalSupply(state.auth);
  const pool = balanceOf(state.auth, MODULE_ADDRESSES.staked_tokens_pool);
  const results = runTo(state, 6, (h) => h >= 2 && h <= 6);
  const block6 = results[5]!;
  // power = 50,000 POKT / 1 POKT = 50,000; 50,000 × 10^6 × 0.000001 = 50,000 uPOKT
  assert.equal(eventsOfType(block6, 'NodeSlashed'), [
    { type: 'NodeSlashed', address: B.address, reason: 'downtime', infractionHeight: 4, power: 50_000n, fraction: '0.000001000000000000', burnedUpokt: 50_000n, tokensAfterUpokt: B_TOKENS - 50_000n },
  ]);
  const jailedUntilNs = block6.timeNs + 3_600_000_000_000n;
  assert.equal(eventsOfType(block6, 'NodeJailed'), [
    { type: 'NodeJailed', address: B.address, reason: 'downtime', signedBlocksWindow: 10n, missed: 5, maxMissed: 4n, jailedUntilNs },
  ]);
  assert.equal(info(state), { address: B.address, startHeight: 0, indexOffset: 0, jailedUntilNs, missedBlocksCounter: 0, jailedBlocksCounter: 1 });
  const validator = state.nodes.validators.get(B.address)!;
  assert.ok(validator.jailed);
  assert.is(validator.tokensUpokt, B_TOKENS - 50_000n);
  assert.not.ok(inSet(state, B.address), 'jailed: out of the validator set at EndBlock');
  assert.is(totalSupply(state.auth), supply - 50_000n);
  assert.is(balanceOf(state.auth, MODULE_ADDRESSES.staked_tokens_pool), pool - 50_000n);
  assert.equal(eventsOfType(block6, 'NodeForceUnstakeQueued'), [], 'still above StakeMinimum');
});

threshold('the window tumbles: 4 misses, the boundary (h mod 10 = 0) resets, 4 more misses → still free; the next one jails', () => {
  const state = chain();
  runTo(state, 9, (h) => h >= 6 && h <= 9);
  assert.is(info(state).missedBlocksCounter, 4);
  runTo(state, 10, () => true); // block 10: reset first, then this miss counts 1
  assert.equal({ missed: info(state).missedBlocksCounter, index: info(state).indexOffset }, { missed: 1, index: 1 });
  runTo(state, 13, () => true);
  assert.is(info(state).missedBlocksCounter, 4, 'eight misses in a row across the boundary, never more than 4 in one window');
  assert.not.ok(state.nodes.validators.get(B.address)!.jailed);
  const [block14] = runTo(state, 14, () => true);
  assert.is(eventsOfType(block14!, 'NodeJailed').length, 1);
  assert.ok(state.nodes.validators.get(B.address)!.jailed);
});

threshold('without stale bits (stale-missed-bits.test.ts) a signed vote never lowers the counter: the bit at the index is unset in a tumbling window', () => {
  const state = chain();
  runTo(state, 4, (h) => h === 2 || h === 3);
  runTo(state, 8, () => false);
  assert.is(info(state).missedBlocksCounter, 2);
});

const tv11 = suite('slashing: TV-11 downtime bit array (slash_test.go:14-102)');

tv11('fresh signing info, one missed signature → missed_blocks_counter 1', () => {
  const state = chain();
  runTo(state, 2, (h) => h === 2);
  assert.is(info(state).missedBlocksCounter, 1);
});

tv11('fresh signing info, one signed signature → missed_blocks_counter 0', () => {
  const state = chain();
  runTo(state, 2, () => false);
  assert.is(info(state).missedBlocksCounter, 0);
  assert.is(info(state).indexOffset, 1);
});

const lifecycle = suite('slashing: signing info lifecycle');

lifecycle('a validator of the last commit without signing info gets one (start h, jailed_until Go zero time) and that vote is not counted', () => {
  const state = chain();
  produce(state);
  // The decider alone, over a view whose signing-info table is empty (pocket-core's h ≥ 30040 path).
  const store = new StateStore();
  const empty = store.defineTable(signingInfosTable);
  const view = { nodes: { validators: state.nodes.validators }, slashing: { signingInfos: empty, missedBlocks: store.defineTable(missedBlocksTable) } };
  const votes = [{ address: B.address, power: 50_000n, signed: false }];
  const ctx = { chainId: 'x', height: 7, timeNs: 1n, blockHash: '', proposer: A.address, previousProposer: A.address, lastCommit: votes, evidence: [], inactiveFeatures: NO_FEATURES_OFF };
  const events = handleValidatorSignatures(view, state.params().pos, ctx);
  assert.equal(events, [
    { type: 'SigningInfosUpdated', cause: 'last_commit', infos: [{ address: B.address, startHeight: 7, indexOffset: 0, jailedUntilNs: null, missedBlocksCounter: 0, jailedBlocksCounter: 0 }] },
  ]);
  // A vote of an address with no validator record is skipped entirely.
  const stranger = { ...ctx, lastCommit: [{ address: testKey('nobody').address, power: 1n, signed: false }] };
  assert.equal(handleValidatorSignatures(view, state.params().pos, stranger), []);
});

lifecycle('signing info through a node\'s life (kept by the staking evolvers): created on stake (start h, Unix 0), recreated on edit stake (start = edit height, zero jailed_until), deleted with the record', () => {
  const D = testKey('downtime-staker');
  const state = govChain({
    validators: [{ key: A, tokensUpokt: 100_000n * POKT }],
    accounts: [{ key: D, balanceUpokt: 100_000n * POKT }],
    params: { pos: { signed_blocks_window: '10', min_signed_per_window: '0.60', stake_minimum: '15000000000', session_block_frequency: '4', unstaking_time: '3600000000000' } },
  });
  produce(state, [signTx(D, stakeNodeMsg(D, { value: 20_000n * POKT }))]); // block 1
  assert.equal(state.slashing.signingInfos.get(D.address), { address: D.address, startHeight: 1, indexOffset: 0, jailedUntilNs: 0n, missedBlocksCounter: 0, jailedBlocksCounter: 0 });
  produce(state);
  produce(state, [], { signed: (a) => a !== D.address }); // block 3: no vote of D yet (the set after block 1 signs block 3)
  produce(state, [], { signed: (a) => a !== D.address }); // block 4: D's vote for block 3 missing
  produce(state, [], { signed: (a) => a !== D.address }); // block 5: and for block 4
  assert.is(state.slashing.signingInfos.get(D.address)!.missedBlocksCounter, 2);
  const edited = produce(state, [signTx(D, stakeNodeMsg(D, { value: 21_000n * POKT, chains: ['0001', '0002'] }))]); // block 6
  assert.is(code(edited.receipts[0]!), 'ok', edited.receipts[0]!.log);
  // valStateChanges.go:361 deletes the record with the validator; :366-370 → signing_info.go:44-49 a new one.
  assert.equal(state.slashing.signingInfos.get(D.address), { address: D.address, startHeight: 6, indexOffset: 0, jailedUntilNs: null, missedBlocksCounter: 0, jailedBlocksCounter: 0 });
  produce(state, [signTx(D, beginUnstakeNodeMsg(D, D))]); // block 7; unstaking starts at 8, matures 1 h later
  let unstaked = false;
  for (let h = 8; h <= 14 && !unstaked; h++) unstaked = eventsOfType(produce(state), 'NodeUnstaked').length > 0;
  assert.ok(unstaked);
  assert.is(state.nodes.validators.get(D.address), undefined);
  assert.is(state.slashing.signingInfos.get(D.address), undefined);
  assert.equal(checkInvariants(state), []);
});

lifecycle('a slash that leaves the stake below StakeMinimum force-unstakes: jailed, waiting, refunded at session end + UnstakingTime', () => {
  const state = chain({ slash_fraction_downtime: '0.8', unstaking_time: '3600000000000', session_block_frequency: '4' });
  const supply = totalSupply(state.auth);
  const results = runTo(state, 6, (h) => h >= 2 && h <= 6);
  const burned = 40_000n * POKT; // 50,000 × 10^6 × 0.8
  const block6 = results[5]!;
  assert.equal(eventsOfType(block6, 'NodeForceUnstakeQueued'), [
    { type: 'NodeForceUnstakeQueued', address: B.address, reason: 'stake_below_minimum', jails: true, tokensUpokt: B_TOKENS - burned },
  ]);
  assert.equal(eventsOfType(block6, 'NodeJailed'), [], 'already jailed by the force unstake');
  assert.is(state.nodes.waitingValidators.get(B.address), 'stake_below_minimum');
  assert.is(state.slashing.signingInfos.get(B.address)!.jailedUntilNs, block6.timeNs + 3_600_000_000_000n);
  const later = runTo(state, 14, () => false);
  const unstaked = later.flatMap((r) => eventsOfType(r, 'NodeUnstaked'));
  assert.equal(unstaked.map((e) => [e.address, e.recipient, e.amountUpokt]), [[B.address, B.address, B_TOKENS - burned]], 'the rest is refunded, not burned');
  assert.is(state.nodes.validators.get(B.address), undefined);
  assert.is(totalSupply(state.auth), supply - burned);
});

threshold.run();
tv11.run();
lifecycle.run();
