/**
 * Goal: an edit stake does to the signing info what pocket-core RC-0.12 does. EditStakeValidator
 * (x/nodes/keeper/valStateChanges.go:327-376) deletes the validator — DeleteValidator,
 * validator.go:116-121, deletes its signing info too (:119) — and saves it again (:361-365);
 * then, h ≥ 30040 (active from genesis here, PROTOCOL §12.1), ResetValidatorSigningInfo
 * (:366-370 → signing_info.go:40-52) finds NO record and creates one: StartHeight = the edit's
 * height, JailedUntil = Go's zero time (:44-47), counters 0 (:49), missed bits cleared (:51).
 * So nothing of the old record survives an edit — not the start height, not a downtime jail's
 * jailed_until (a jailed node that edits may unjail at once), not the jailed-blocks counter (a
 * jailed node's MaxJailedBlocks force unstake restarts its count).
 * Method: test chains (test/helpers/signing-chain.ts: window 100, 4 misses tolerated,
 * DowntimeJailDuration 3600 s = 4 blocks of 900 s); every expected value is worked out by hand
 * from the pocket-core lines named beside it, never read from the ledger.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { LedgerState } from '../../../src/chain/ledger-state.js';
import { BLOCK_INTERVAL_NS, testKey } from '../../helpers/chain.js';
import { eventsOfType, unjail } from '../../helpers/gov-chain.js';
import { block, infoOf, bitsOf, heightOf, jailedIn, POKT, signingChain, txBlock, votes } from '../../helpers/signing-chain.js';
import { stakeNodeMsg } from '../../helpers/staking.js';

const A = testKey('edit-signing-a');
const D = testKey('edit-signing-d');

const test = suite('slashing: an edit stake recreates the signing info (pocket-core valStateChanges.go:361-370)');

const timeOf = (state: LedgerState): bigint => state.chain.meta.get('meta')!.lastBlockTimeNs;

/** Stake D and let it miss 5 votes: the 5th (index 4, counter 5 > 4) jails it (slash.go:258-290). Returns the jail's block time. */
function stakeAndJail(state: LedgerState): bigint {
  txBlock(state, D, D, stakeNodeMsg(D, { value: 20_000n * POKT }));
  assert.not.ok(jailedIn(votes(state, D, [false, false, false, false]), D), '4 misses tolerated');
  assert.ok(jailedIn(votes(state, D, [false]), D), 'the 5th miss jails');
  const jailedAt = timeOf(state);
  // slash.go:283-289: counters reset, bits cleared, jailed_until = block time + 3600 s.
  assert.equal(infoOf(state, D)!.jailedUntilNs, jailedAt + 3_600_000_000_000n);
  return jailedAt;
}

test('a free validator: the edit replaces start height and counters and clears the bits; misses then count from index 0', () => {
  const state = signingChain(A, D);
  txBlock(state, D, D, stakeNodeMsg(D, { value: 20_000n * POKT }));
  const staked = heightOf(state);
  // valStateChanges.go:312-321: {start = stake height, jailed_until Unix 0}.
  assert.equal(infoOf(state, D), { address: D.address, startHeight: staked, indexOffset: 0, jailedUntilNs: 0n, missedBlocksCounter: 0, jailedBlocksCounter: 0 });
  votes(state, D, [false, false]); // slash.go:258-261, 271: bits {0,1}, counter 2, index 2
  assert.equal([bitsOf(state, D), infoOf(state, D)!.missedBlocksCounter, infoOf(state, D)!.indexOffset], [[0, 1], 2, 2]);
  // The edit (a chains change with a bin bump) at block e: valStateChanges.go:361 deletes the
  // record; signing_info.go:44-47 creates {start e, Go zero time}; :49 counters 0; :51 bits cleared.
  const edited = txBlock(state, D, D, stakeNodeMsg(D, { value: 21_000n * POKT, chains: ['0002'] }));
  const e = heightOf(state);
  const fresh = { address: D.address, startHeight: e, indexOffset: 0, jailedUntilNs: null, missedBlocksCounter: 0, jailedBlocksCounter: 0 };
  assert.ok(e > staked);
  assert.equal(eventsOfType(edited, 'SigningInfoSet'), [{ type: 'SigningInfoSet', cause: 'stake_edited', info: fresh, missedBlocks: { address: D.address, indices: [] } }]);
  // D's vote in block e itself (if any) was handled in BeginBlock, before the edit: it is gone too.
  assert.equal(infoOf(state, D), fresh);
  assert.equal(bitsOf(state, D), []);
  votes(state, D, [false]); // index 0: unset, missed → bit 0, counter 1, index 1
  assert.equal([bitsOf(state, D), infoOf(state, D)!.missedBlocksCounter, infoOf(state, D)!.indexOffset, infoOf(state, D)!.startHeight], [[0], 1, 1, e]);
});

test('a downtime-jailed validator: an Unjail before jailed_until is refused (pos:104), but after an edit the record has the zero jailed_until and the Unjail is accepted', () => {
  const state = signingChain(A, D);
  const jailedAt = stakeAndJail(state);
  const j = heightOf(state);
  // Block j+1 (jail + 900 s): D's vote for block j (the set as of j−2 had it) is signed → no change.
  // ValidateUnjailMessage: block time < jailed_until → ErrValidatorJailed (valStateChanges.go:686-688).
  txBlock(state, D, D, unjail(D, D), 'pos:104');
  // EndBlocks j and j+1 counted two jailed blocks (valStateChanges.go:615-644).
  assert.is(infoOf(state, D)!.jailedBlocksCounter, 2);
  // Block j+2 (jail + 1800 s): D's last vote (for j+1: the set as of j−1 still had it) is signed
  // in BeginBlock, then the edit. The new record {start j+2, zero time, 0, 0, 0}; the
  // EndBlock after it counts a jailed block on it → jailed_blocks_counter 1.
  const edited = txBlock(state, D, D, stakeNodeMsg(D, { value: 21_000n * POKT }));
  assert.equal(eventsOfType(edited, 'SigningInfoSet').map((s) => s.info), [{ address: D.address, startHeight: j + 2, indexOffset: 0, jailedUntilNs: null, missedBlocksCounter: 0, jailedBlocksCounter: 0 }]);
  assert.ok(state.nodes.validators.get(D.address)!.jailed, 'the edit leaves the jail (SetValidator keeps Jailed, valStateChanges.go:363)');
  assert.equal(infoOf(state, D), { address: D.address, startHeight: j + 2, indexOffset: 0, jailedUntilNs: null, missedBlocksCounter: 0, jailedBlocksCounter: 1 });
  // Block j+3 (jail + 2700 s < jailed_until of the old record): zero time is before any block time → accepted.
  const unjailed = txBlock(state, D, D, unjail(D, D));
  assert.ok(timeOf(state) < jailedAt + 3_600_000_000_000n, 'still inside the old jail');
  assert.is(timeOf(state), jailedAt + 3n * BLOCK_INTERVAL_NS);
  assert.is(eventsOfType(unjailed, 'NodeUnjailed').length, 1);
  assert.not.ok(state.nodes.validators.get(D.address)!.jailed);
  // UnjailValidator's ResetValidatorSigningInfo (valStateChanges.go:717; record found): counters 0, start and jailed_until kept.
  assert.equal(infoOf(state, D), { address: D.address, startHeight: j + 2, indexOffset: 0, jailedUntilNs: null, missedBlocksCounter: 0, jailedBlocksCounter: 0 });
});

test('MaxJailedBlocks 5: an edit while jailed restarts the jailed-blocks count, so the force unstake comes at j+8 instead of j+5', () => {
  const forcedAt = (edit: boolean): number => {
    const state = signingChain(A, D, { max_jailed_blocks: '5' });
    stakeAndJail(state);
    const j = heightOf(state);
    for (let h = j + 1; h <= j + 12; h++) {
      const txs = edit && h === j + 3 ? [stakeNodeMsg(D, { value: 21_000n * POKT })] : [];
      const { result } = txs.length > 0 ? { result: txBlock(state, D, D, txs[0]!) } : block(state, D, true);
      if (eventsOfType(result, 'NodeForceUnstakeQueued').some((e) => e.address === D.address && e.reason === 'max_jailed_blocks')) return h - j;
    }
    return Number.NaN;
  };
  // No edit (valStateChanges.go:615-644): EndBlocks j..j+4 count 1..5 (≤ 5, saved); j+5 counts 6 > 5 → ForceValidatorUnstake.
  assert.is(forcedAt(false), 5);
  // Edit in block j+3: EndBlocks j..j+2 count 1..3; the edit recreates the record (counter 0);
  // EndBlocks j+3..j+7 count 1..5; j+8 counts 6 > 5 → forced.
  assert.is(forcedAt(true), 8);
});

test.run();
