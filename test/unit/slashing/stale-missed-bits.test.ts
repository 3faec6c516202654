/**
 * Goal: the missed bits follow pocket-core RC-0.12 (slashing/state.ts): they outlive the signing
 * info deleted with a matured unstake (validator.go:116-121 deletes the record, not the bits at
 * 0x12‖addr‖index), a re-stake under the same address starts at index 0 over them
 * (valStateChanges.go:312-321 does not clear), a signed vote on a set bit decrements the counter
 * (below 0) and a missed vote on a set bit changes nothing (slash.go:255-269); a window reset
 * clears them only for a validator in the last commit (slash.go:249-254); edit stake and unjail
 * clear them (ResetValidatorSigningInfo, signing_info.go:40-52).
 * Method: test chains (one big genesis validator A keeps the chain alive; D stakes by tx, misses
 * votes, unstakes, re-stakes). D's votes are scripted per vote: D votes in block h's last commit
 * iff it was in the validator set as of h − 2 (the producer's rule). Expected counters are
 * worked out by hand from pocket-core's rules in the comments, never read from the ledger.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { BlockResult } from '../../../src/chain/apply-block.js';
import type { LedgerState } from '../../../src/chain/ledger-state.js';
import type { Address } from '../../../src/core/types.js';
import { VALIDATOR_SET_KEY } from '../../../src/modules/nodes/state.js';
import { checkInvariants } from '../../../src/sim/invariants.js';
import { exportState } from '../../../src/genesis/export.js';
import { importExportedState } from '../../../src/genesis/import-exported.js';
import { parseGenesis } from '../../../src/genesis/parse.js';
import { produce, signTx, testKey } from '../../helpers/chain.js';
import { code, eventsOfType, govChain } from '../../helpers/gov-chain.js';
import { beginUnstakeNodeMsg, stakeNodeMsg } from '../../helpers/staking.js';

const POKT = 1_000_000n;
const A = testKey('stale-bits-a');
const D = testKey('stale-bits-d');

/**
 * window 100, MinSignedPerWindow 0.96 → MinBlocksSignedPerWindow round(96) = 96 → at most
 * 100 − 96 = 4 misses tolerated, the 5th (counter 5 > 4) jails. With a 100-block window the
 * first reset is at h = 100; `window` lets a test choose 10 to see resets.
 */
function chain(window = '100', minSigned = '0.96'): LedgerState {
  return govChain({
    validators: [{ key: A, tokensUpokt: 1_000_000n * POKT }],
    accounts: [{ key: D, balanceUpokt: 100_000n * POKT }],
    params: {
      pos: {
        signed_blocks_window: window,
        min_signed_per_window: minSigned,
        slash_fraction_downtime: '0.000001',
        downtime_jail_duration: '3600000000000',
        stake_minimum: '15000000000',
        session_block_frequency: '4',
        unstaking_time: '3600000000000',
        max_jailed_blocks: '37960',
      },
    },
  });
}

const height = (state: LedgerState) => state.chain.meta.get('meta')!.height;
/** Whether `address` votes in the next block's last commit: the set as of h − 2 signed block h − 1 (chain/producer.ts). */
const votesNext = (state: LedgerState, address: Address) => {
  const h = height(state) + 1;
  return h > 1 && (state.nodes.validatorSet.getAt(VALIDATOR_SET_KEY, h - 2) ?? []).some((m) => m.address === address);
};
const bits = (state: LedgerState) => state.slashing.missedBlocks.get(D.address)?.indices ?? [];
const info = (state: LedgerState) => state.slashing.signingInfos.get(D.address);

/** One block; D's vote (when D is in the set, i.e. in this block's last commit) is `signed`. */
function block(state: LedgerState, dSigns: boolean, txs: Uint8Array[] = []): { result: BlockResult; voted: boolean } {
  const voted = votesNext(state, D.address);
  const result = produce(state, txs, { signed: (address: Address) => address !== D.address || dSigns });
  assert.equal(checkInvariants(state), [], `invariants after block ${height(state)}`);
  return { result, voted };
}

/** Blocks until D has cast `votes.length` votes, the i-th signed iff votes[i]. */
function votes(state: LedgerState, plan: readonly boolean[]): BlockResult[] {
  const results: BlockResult[] = [];
  let i = 0;
  for (let guard = 0; i < plan.length; guard++) {
    assert.ok(guard < 20, 'D never voted');
    const { result, voted } = block(state, plan[i]!);
    results.push(result);
    if (voted) i++;
  }
  return results;
}

/** Stake D, let it miss the votes at indices 0..2, unstake it and run until the record is deleted. */
function missThenLeave(state: LedgerState): void {
  const staked = block(state, true, [signTx(D, stakeNodeMsg(D, { value: 20_000n * POKT }))]);
  assert.is(code(staked.result.receipts[0]!), 'ok', staked.result.receipts[0]!.log);
  assert.equal(info(state), { address: D.address, startHeight: height(state), indexOffset: 0, jailedUntilNs: 0n, missedBlocksCounter: 0, jailedBlocksCounter: 0 });
  // Three missed votes: indices 0, 1, 2 → bits {0,1,2}, counter 3 (≤ 4: free).
  votes(state, [false, false, false]);
  assert.equal(bits(state), [0, 1, 2]);
  assert.is(info(state)!.missedBlocksCounter, 3);
  const unstake = block(state, true, [signTx(D, beginUnstakeNodeMsg(D, D))]);
  assert.is(code(unstake.result.receipts[0]!), 'ok', unstake.result.receipts[0]!.log);
  let unstaked = false;
  for (let guard = 0; !unstaked; guard++) {
    assert.ok(guard < 20, 'D never finished unstaking');
    unstaked = eventsOfType(block(state, true).result, 'NodeUnstaked').length > 0;
  }
  // DeleteValidator → DeleteValidatorSigningInfo: the record goes, the bits stay.
  assert.is(state.nodes.validators.get(D.address), undefined);
  assert.is(info(state), undefined);
  assert.equal(bits(state), [0, 1, 2], 'stale bits outlive the deleted signing info');
}

function restake(state: LedgerState): void {
  const staked = block(state, true, [signTx(D, stakeNodeMsg(D, { value: 20_000n * POKT }))]);
  assert.is(code(staked.result.receipts[0]!), 'ok', staked.result.receipts[0]!.log);
  // StakeValidator: a fresh record (start h, index 0, Unix 0); the bits are not cleared.
  assert.equal(info(state), { address: D.address, startHeight: height(state), indexOffset: 0, jailedUntilNs: 0n, missedBlocksCounter: 0, jailedBlocksCounter: 0 });
  assert.equal(bits(state), [0, 1, 2]);
  assert.equal(eventsOfType(staked.result, 'SigningInfoSet').map((e) => e.missedBlocks), [undefined], 'a new stake says nothing about the bits');
}

const test = suite('slashing: stale missed bits after a re-stake (pocket-core RC-0.12)');

test('re-staked over stale bits {0,1,2}: signed on a stale bit → −1, misses on stale bits do not count, the 5th counted miss jails at index 8 (not 5)', () => {
  const state = chain();
  missThenLeave(state);
  restake(state);
  const counters: number[] = [];
  const jailedAt: number[] = [];
  // By hand, pocket-core slash.go:255-290 with bits {0,1,2} and max 4 misses:
  //   idx 0 signed, bit set   → clear bit 0, counter 0 − 1 = −1      bits {1,2}
  //   idx 1 missed, bit set   → unchanged, −1
  //   idx 2 missed, bit set   → unchanged, −1
  //   idx 3..7 missed, unset  → set, counter 0, 1, 2, 3, 4 (4 ≤ 4: free) bits {1,...,7}
  //   idx 8 missed, unset     → counter 5 > 4 → slash, reset, bits cleared, jail
  // (Without the stale bits the 5th miss — idx 5 — would have jailed.)
  const plan = [true, false, false, false, false, false, false, false, false];
  plan.forEach((signed, i) => {
    const results = votes(state, [signed]);
    const jailed = results.some((r) => eventsOfType(r, 'NodeJailed').some((e) => e.address === D.address));
    if (jailed) jailedAt.push(i);
    counters.push(jailed ? Number.NaN : info(state)!.missedBlocksCounter);
    if (i === 0) assert.equal(bits(state), [1, 2]);
    if (i === 7) assert.equal(bits(state), [1, 2, 3, 4, 5, 6, 7]);
  });
  assert.equal(counters.slice(0, 8), [-1, -1, -1, 0, 1, 2, 3, 4]);
  assert.equal(jailedAt, [8]);
  assert.ok(state.nodes.validators.get(D.address)!.jailed);
  assert.equal({ missed: info(state)!.missedBlocksCounter, index: info(state)!.indexOffset }, { missed: 0, index: 0 });
  assert.equal(bits(state), [], 'the downtime jail clears the bits');
  assert.ok(height(state) < 100, 'no window reset in between');
});

test('the bits are committed state: an export carries them in missed_blocks (a negative counter as a signed int64) and an import restores them, same root', () => {
  const state = chain();
  missThenLeave(state);
  restake(state);
  votes(state, [true]); // idx 0 on a stale bit: counter −1, bits {1,2}
  const exported = exportState(state, { blockMaxBytes: 4_000_000n, evidenceMaxAgeNs: 120_000_000_000n, pubKeyTypes: ['ed25519'] }) as { app_state: { pos: { missed_blocks: unknown; signing_infos: Record<string, { missed_blocks_counter: string }> } } };
  assert.equal(exported.app_state.pos.missed_blocks, { [D.address]: [{ index: '1', missed: true }, { index: '2', missed: true }] });
  assert.is(exported.app_state.pos.signing_infos[D.address]!.missed_blocks_counter, '-1');
  const parsed = parseGenesis(JSON.stringify(exported));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  assert.equal(parsed.value.exported!.missedBlocks, [{ address: D.address, indices: [1, 2] }]);
  const imported = importExportedState(parsed.value, parsed.value.exported!);
  assert.equal(imported.slashing.missedBlocks.get(D.address), { address: D.address, indices: [1, 2] });
  assert.is(Buffer.from(imported.store.root).toString('hex'), Buffer.from(state.store.root).toString('hex'));
  // pocket-core's InitGenesis applies entries in order (x/nodes/genesis.go:111-113): false unsets.
  const edited = JSON.parse(JSON.stringify(exported)) as { app_state: { pos: { missed_blocks: Record<string, unknown> } } };
  edited.app_state.pos.missed_blocks[D.address] = [{ index: '4', missed: true }, { index: '1', missed: true }, { index: '4', missed: false }];
  const reparsed = parseGenesis(JSON.stringify(edited));
  if (!reparsed.ok) throw new Error(JSON.stringify(reparsed.error));
  assert.equal(reparsed.value.exported!.missedBlocks, [{ address: D.address, indices: [1] }]);
});

test('a window reset clears the bits only of a validator in the last commit: absent D keeps them across h = 10 and 20; its first vote at a reset clears them', () => {
  // window 10, MinSignedPerWindow 0.60 → 6 → 4 misses tolerated.
  const state = chain('10', '0.60');
  missThenLeave(state);
  while (height(state) < 21) block(state, true); // resets at 10 and 20 without D in the commit
  assert.equal(bits(state), [0, 1, 2], 'no reset saw D');
  restake(state);
  // D signs every vote from here. Votes before the next reset: idx 0 on stale bit 0 → −1, idx 1
  // → −2, idx 2 → −3 (each signed over a set bit), later ones unchanged. At the next h with
  // h mod 10 == 0 where D votes: reset (counter 0, index 0, bits cleared), then the signed vote
  // → counter 0, index 1.
  let dVotes = 0;
  while (true) {
    const atReset = (height(state) + 1) % 10 === 0;
    const { voted } = block(state, true);
    if (voted) dVotes++;
    if (voted && atReset) break;
    if (voted && dVotes <= 3) assert.is(info(state)!.missedBlocksCounter, -dVotes);
    assert.ok(dVotes < 15, 'no reset reached');
  }
  assert.ok(dVotes > 3, 'the three stale bits were all signed over before the reset');
  assert.equal(bits(state), []);
  assert.equal({ missed: info(state)!.missedBlocksCounter, index: info(state)!.indexOffset }, { missed: 0, index: 1 });
});

test('edit stake clears the stale bits (ResetValidatorSigningInfo): SigningInfoSet says so', () => {
  const state = chain();
  missThenLeave(state);
  restake(state);
  const edited = block(state, true, [signTx(D, stakeNodeMsg(D, { value: 21_000n * POKT }))]);
  assert.is(code(edited.result.receipts[0]!), 'ok', edited.result.receipts[0]!.log);
  assert.equal(eventsOfType(edited.result, 'SigningInfoSet').map((e) => [e.cause, e.missedBlocks]), [['stake_edited', { address: D.address, indices: [] }]]);
  assert.equal(bits(state), []);
  // Misses now count from a clean slate: idx 0, 1 missed → counter 2.
  votes(state, [false, false]);
  assert.is(info(state)!.missedBlocksCounter, 2);
  assert.equal(bits(state), [0, 1]);
});

test.run();
