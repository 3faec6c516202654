/**
 * Goal: an Unjail of a node that re-staked over stale missed bits (slashing/state.ts) does what
 * pocket-core RC-0.12 does: UnjailValidator (x/nodes/keeper/valStateChanges.go:693-719) calls
 * ResetValidatorSigningInfo (:717 → signing_info.go:40-52), which finds the record and zeroes
 * index_offset, missed_blocks_counter and jailed_blocks_counter (signing_info.go:49,
 * types/signing_info.go:17-21), keeps start_height and jailed_until, and clears every missed
 * bit of the address (signing_info.go:51 → clearValidatorMissed, :94-101) — stale ones included.
 * Two jail paths: a downtime jail (which already cleared the bits, slash.go:283-285; the vote
 * cast after it sets one again) and a force unstake below the minimum after a double sign
 * (slash.go:105-146 → ForceValidatorUnstake, valStateChanges.go:550-572: jail, no reset — the
 * stale bits are still there at the Unjail).
 * Method: test chains (test/helpers/signing-chain.ts: window 100 → no reset below h = 100, 4
 * misses tolerated, DowntimeJailDuration 3600 s = 4 blocks). Expected values are worked out by
 * hand from the pocket-core lines named beside them; after each Unjail the next misses must
 * count from index 0 (stale bits left set would swallow the first three).
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { LedgerState } from '../../../src/chain/ledger-state.js';
import { testKey } from '../../helpers/chain.js';
import { evidence } from '../../helpers/evidence.js';
import { eventsOfType, OWNER, paramChange, unjail } from '../../helpers/gov-chain.js';
import { bitsOf, block, heightOf, infoOf, jailedIn, missThenLeave, POKT, restake, signingChain, txBlock, votes } from '../../helpers/signing-chain.js';

const A = testKey('unjail-stale-a');
const D = testKey('unjail-stale-d');

const test = suite('slashing: unjail over stale missed bits (pocket-core valStateChanges.go:717, signing_info.go:40-52)');

const timeOf = (state: LedgerState): bigint => state.chain.meta.get('meta')!.lastBlockTimeNs;

/** After an Unjail: four misses are tolerated and the 5th, at index 4, jails (bits {0..3} then). */
function missesCountFromZero(state: LedgerState): void {
  assert.not.ok(jailedIn(votes(state, D, [false, false, false, false]), D));
  assert.equal([bitsOf(state, D), infoOf(state, D)!.missedBlocksCounter, infoOf(state, D)!.indexOffset], [[0, 1, 2, 3], 4, 4]);
  assert.ok(jailedIn(votes(state, D, [false]), D), 'the 5th miss since the Unjail jails');
}

test('downtime path: re-staked over {0,1,2}, jailed at index 8, the vote after the jail sets bit 0; the Unjail at jailed_until zeroes the counters, keeps start and jailed_until, clears bit 0', () => {
  const state = signingChain(A, D);
  missThenLeave(state, D);
  restake(state, D);
  const R = heightOf(state);
  // As in stale-missed-bits.test.ts: idx 0 signed over stale bit 0 → −1; misses on stale 1, 2
  // do not count; idx 3..7 → 0..4; idx 8 → 5 > 4 → slash, reset, bits cleared, jail (slash.go:255-290).
  assert.ok(jailedIn(votes(state, D, [true, false, false, false, false, false, false, false, false]), D));
  const j = heightOf(state);
  const jailedUntil = timeOf(state) + 3_600_000_000_000n; // slash.go:289
  assert.equal(infoOf(state, D), { address: D.address, startHeight: R, indexOffset: 0, jailedUntilNs: jailedUntil, missedBlocksCounter: 0, jailedBlocksCounter: 1 });
  // Blocks j+1 and j+2 carry D's last two votes — for j (signed by the set as of j−2) and j+1
  // (the set as of j−1: Tendermint's two-block delay) — both missed: idx 0, then idx 1, unset →
  // set, counter 1, then 2 (slash.go:258-261, 271; the jail is not looked at).
  assert.ok(block(state, D, false).voted);
  assert.equal(bitsOf(state, D), [0]);
  assert.ok(block(state, D, false).voted);
  assert.equal(bitsOf(state, D), [0, 1]);
  // Block j+3: no vote (jailed at j, out of the set as of j). EndBlocks j..j+3 count 4 jailed blocks (valStateChanges.go:615-644).
  assert.not.ok(block(state, D, false).voted);
  assert.equal(infoOf(state, D), { address: D.address, startHeight: R, indexOffset: 2, jailedUntilNs: jailedUntil, missedBlocksCounter: 2, jailedBlocksCounter: 4 });
  // Block j+4 at jailed_until exactly: not Before → accepted (valStateChanges.go:686).
  const unjailed = txBlock(state, D, D, unjail(D, D));
  assert.equal([heightOf(state), timeOf(state)], [j + 4, jailedUntil]);
  const reset = { address: D.address, startHeight: R, indexOffset: 0, jailedUntilNs: jailedUntil, missedBlocksCounter: 0, jailedBlocksCounter: 0 };
  assert.equal(eventsOfType(unjailed, 'NodeUnjailed'), [{ type: 'NodeUnjailed', address: D.address, signer: D.address, signingInfo: reset, missedBlocks: { address: D.address, indices: [] } }]);
  assert.equal(infoOf(state, D), reset, 'no jailed block counted after the Unjail');
  assert.equal(bitsOf(state, D), []);
  missesCountFromZero(state);
});

test('force-unstake path: re-staked at 15,000 POKT over {0,1,2}, a double sign slashes it below the minimum (jailed, bits untouched); after the minimum is lowered the Unjail clears the stale bits with the counters', () => {
  // 40-block sessions: the forced node waits for block 80 before it starts unstaking, so it
  // votes again after the Unjail; MaxEvidenceAge 120 s → evidence about h − 1 only.
  const state = signingChain(A, D, { session_block_frequency: '40', slash_fraction_double_sign: '0.05', max_evidence_age: '120000000000' });
  missThenLeave(state, D, 60);
  restake(state, D, 15_000n * POKT);
  const R = heightOf(state);
  assert.ok(R < 60, `re-staked at ${R}`);
  // R+1, R+2: D not yet in a commit (they list the signers of R and R+1: the sets as of R−2, R−1).
  assert.not.ok(block(state, D, false).voted);
  assert.not.ok(block(state, D, false).voted);
  // R+3: D's first vote (for R+2, the first block the set as of R signs: idx 0, missed, stale bit
  // 0 set → unchanged, slash.go:267) then the evidence about R+2 (D's power there 15,000): slash
  // 15,000 × 10^6 × 0.05 = 750,000,000 → 14,250 POKT < 15,000 → ForceValidatorUnstake (jail + waiting).
  const { result: slashed } = block(state, D, false, [], [evidence(D, R + 2)]);
  assert.equal(eventsOfType(slashed, 'NodeSlashed').map((e) => [e.reason, e.burnedUpokt, e.tokensAfterUpokt]), [['double_sign', 750_000_000n, 14_250_000_000n]]);
  assert.ok(state.nodes.validators.get(D.address)!.jailed);
  assert.equal(eventsOfType(slashed, 'NodeJailed'), [], 'jailed by the force unstake, not by downtime');
  // R+4: D's vote for R+3 (idx 1, missed, stale bit 1 → unchanged); StakeMinimum lowered to 14,000 POKT.
  txBlock(state, D, OWNER, paramChange(OWNER, 'pos/StakeMinimum', '"14000000000"'), 'ok', false);
  assert.equal(bitsOf(state, D), [0, 1, 2], 'the stale bits are still set');
  // EndBlocks R+3, R+4 counted 2 jailed blocks; the record is the re-stake's (start R, Unix 0).
  assert.equal(infoOf(state, D), { address: D.address, startHeight: R, indexOffset: 2, jailedUntilNs: 0n, missedBlocksCounter: 0, jailedBlocksCounter: 2 });
  // R+5: D's last vote (for R+4, signed by the set as of R+2; idx 2, missed, stale bit 2 →
  // unchanged), then the Unjail: 14,250 ≥ 14,000, jailed, record found, jailed_until Unix 0
  // passed → UnjailValidator.
  const unjailed = txBlock(state, D, D, unjail(D, D), 'ok', false);
  const reset = { address: D.address, startHeight: R, indexOffset: 0, jailedUntilNs: 0n, missedBlocksCounter: 0, jailedBlocksCounter: 0 };
  assert.equal(eventsOfType(unjailed, 'NodeUnjailed').map((e) => [e.signingInfo, e.missedBlocks]), [[reset, { address: D.address, indices: [] }]]);
  assert.equal([infoOf(state, D), bitsOf(state, D)], [reset, []]);
  missesCountFromZero(state);
  assert.ok(heightOf(state) < 80, 'all before the session end that starts the forced unstake');
});

test.run();
