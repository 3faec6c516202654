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
 * iff it was in the validator set as of h − 3, the set that signed h − 1 (the producer's rule,
 * Tendermint's two-block delay). Expected counters are
 * worked out by hand from pocket-core's rules in the comments, never read from the ledger.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { LedgerState } from '../../../src/chain/ledger-state.js';
import { exportState } from '../../../src/genesis/export.js';
import { importExportedState } from '../../../src/genesis/import-exported.js';
import { parseGenesis } from '../../../src/genesis/parse.js';
import { testKey } from '../../helpers/chain.js';
import { eventsOfType } from '../../helpers/gov-chain.js';
import * as sc from '../../helpers/signing-chain.js';
import { stakeNodeMsg } from '../../helpers/staking.js';

const POKT = sc.POKT;
const A = testKey('stale-bits-a');
const D = testKey('stale-bits-d');

/** Window 100 (4 misses tolerated, first reset at h = 100) unless a test picks 10 to see resets. */
const chain = (window = '100', minSigned = '0.96'): LedgerState => sc.signingChain(A, D, { signed_blocks_window: window, min_signed_per_window: minSigned });
const height = sc.heightOf;
const bits = (state: LedgerState) => sc.bitsOf(state, D);
const info = (state: LedgerState) => sc.infoOf(state, D);
const block = (state: LedgerState, dSigns: boolean, txs: Uint8Array[] = []) => sc.block(state, D, dSigns, txs);
const votes = (state: LedgerState, plan: readonly boolean[]) => sc.votes(state, D, plan);
const missThenLeave = (state: LedgerState): void => sc.missThenLeave(state, D);
const restake = (state: LedgerState): void => void sc.restake(state, D);

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
    const jailed = sc.jailedIn(votes(state, [signed]), D);
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
  const exported = exportState(state) as { app_state: { pos: { missed_blocks: unknown; signing_infos: Record<string, { missed_blocks_counter: string }> } } };
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

test('a window reset clears the bits only of a validator in the last commit: absent D keeps them across h = 20 and 30; its first vote at a reset clears them', () => {
  // window 10, MinSignedPerWindow 0.60 → 6 → 4 misses tolerated. D's life fits between the
  // resets at 10 and 20: staked at 10, votes in 13..18 (misses at 13, 14, 15; BeginUnstake at 16,
  // a session end: the set after 16 is without D, so its last vote — for 17 — is in block 18).
  const state = chain('10', '0.60');
  while (height(state) < 9) block(state, true);
  missThenLeave(state);
  assert.is(height(state), 20, 'the unstake matured in block 20 (3600 s after 16), D\'s last vote was in block 18');
  while (height(state) < 31) block(state, true); // resets at 20 and 30 without D in the commit
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
  const edited = sc.txBlock(state, D, D, stakeNodeMsg(D, { value: 21_000n * POKT }));
  assert.equal(eventsOfType(edited, 'SigningInfoSet').map((e) => [e.cause, e.missedBlocks]), [['stake_edited', { address: D.address, indices: [] }]]);
  assert.equal(bits(state), []);
  // Misses now count from a clean slate: idx 0, 1 missed → counter 2.
  votes(state, [false, false]);
  assert.is(info(state)!.missedBlocksCounter, 2);
  assert.equal(bits(state), [0, 1]);
});

test.run();
