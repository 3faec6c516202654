/**
 * Goal: the audit's own signing infos (src/audit/independent/signing.ts) follow pocket-core on
 * an edit stake and on an unjail over stale missed bits, as the ledger now does
 * (slashing/stake-signing-info.ts, unjail.ts), so data-dir chains exercising both audit with 0
 * mismatches and the derived slashing lists what pocket-core's rules give:
 *  - edit stake: EditStakeValidator deletes the record with the validator
 *    (valStateChanges.go:361, validator.go:119) and ResetValidatorSigningInfo recreates it
 *    (:366-370, signing_info.go:41-51): start = edit height, zero jailed_until, counters 0, bits
 *    cleared — so a jailed node that edits may unjail at once, and its jailed-blocks count
 *    (MaxJailedBlocks) restarts;
 *  - unjail (valStateChanges.go:717): counters 0, start and jailed_until kept, every bit cleared,
 *    stale ones included — so the next misses count from index 0.
 * Method: the tracker on its own (hand-made votes), then two data-dir chains written through a
 * ChainWriter with D's votes scripted (test/helpers/signing-chain.ts), projected and audited.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { SigningTracker } from '../../../src/audit/independent/signing.js';
import { testKey } from '../../helpers/chain.js';
import { auditedChain } from './audited-chain.js';
import { evidence } from '../../helpers/evidence.js';
import { eventsOfType, OWNER, paramChange, unjail } from '../../helpers/gov-chain.js';
import { block, type Driver, heightOf, jailedIn, missThenLeave, POKT, restake, txBlock, votes } from '../../helpers/signing-chain.js';
import { stakeNodeMsg } from '../../helpers/staking.js';

const test = suite('audit: signing infos on edit stake and on unjail over stale bits');

const A = testKey('audit-edit-a');
const D = testKey('audit-edit-d');

test('tracker: an edit recreates the record (start h, zero jailed_until, counters and bits cleared); an unjail keeps start and jailed_until', () => {
  const t = new SigningTracker();
  const a = 'dd'.repeat(20);
  t.createIfAbsent(a, 3);
  assert.equal([t.vote(a, 4, false, 100n, 4n), t.vote(a, 5, false, 100n, 4n)], [{ downtime: false, missed: 1 }, { downtime: false, missed: 2 }]); // bits {0,1}
  t.jailForDowntime(a, 777n); // slash.go:283-289 — and its bits cleared
  assert.equal(t.vote(a, 6, false, 100n, 4n), { downtime: false, missed: 1 }); // bit 0 again
  t.countJailedBlock(a, 6, 10n);
  t.recreate(a, 7); // valStateChanges.go:361 then signing_info.go:44-51
  assert.equal(t.get(a), { startHeight: 7, index: 0, jailedUntilNs: null, missed: 0, jailedBlocks: 0 });
  assert.equal(t.vote(a, 8, false, 100n, 4n), { downtime: false, missed: 1 }, 'bit 0 was cleared: the miss counts');
  t.jailForDowntime(a, 999n);
  assert.equal(t.vote(a, 9, false, 100n, 4n), { downtime: false, missed: 1 });
  t.reset(a, 10); // unjail: signing_info.go:41 finds it; :49 counters; :51 bits
  assert.equal(t.get(a), { startHeight: 7, index: 0, jailedUntilNs: 999n, missed: 0, jailedBlocks: 0 });
  assert.equal(t.vote(a, 11, false, 100n, 4n), { downtime: false, missed: 1 }, 'bit 0 was cleared: the miss counts');
});

/** D misses 5 votes: the 5th jails it (4 tolerated, slash.go:275-290). */
function jailD(chain: Driver): number {
  assert.ok(jailedIn(votes(chain, D, [false, false, false, false, false]), D));
  return heightOf(chain.state);
}

const forcedOut = (result: ReturnType<Driver['produce']>): boolean => eventsOfType(result, 'NodeForceUnstakeQueued').some((e) => e.reason === 'max_jailed_blocks');

test('chain: jailed D edits and unjails inside the jail; jailed again, edits at j+3 and is forced out at j+8 (MaxJailedBlocks 5) — audit 0 mismatches', async () => {
  const summary = await auditedChain('audit-edit-stake', { a: A, d: D }, { max_jailed_blocks: '5' }, (chain) => {
    txBlock(chain, D, D, stakeNodeMsg(D, { value: 20_000n * POKT }));
    jailD(chain);
    txBlock(chain, D, D, stakeNodeMsg(D, { value: 21_000n * POKT })); // j+1: the old jailed_until goes
    txBlock(chain, D, D, unjail(D, D)); // j+2 (jail + 1800 s < 3600 s): accepted
    const j = jailD(chain);
    for (let h = j + 1; h <= j + 8; h++) {
      const result = h === j + 3 ? txBlock(chain, D, D, stakeNodeMsg(D, { value: 22_000n * POKT })) : block(chain, D, true).result;
      // No edit: forced at j+5; the edit at j+3 restarts the count (EndBlocks j+3..j+7 → 1..5; j+8 → 6 > 5).
      assert.is(forcedOut(result), h === j + 8, `force unstake at j+${h - j}?`);
    }
  });
  assert.is(summary.mismatches, 0, JSON.stringify(summary.mismatch_list.slice(0, 5)));
  assert.equal([summary.slashing_derived['jail/downtime'], summary.slashing_derived['slash/downtime'], summary.slashing_derived['force_unstake/max_jailed_blocks']], [2, 2, 1]);
});

test('chain: D re-staked over stale bits {0,1,2}, forced out by a double sign (jailed, bits kept), unjailed after the minimum is lowered; its 5th miss after that jails — audit 0 mismatches', async () => {
  const summary = await auditedChain('audit-unjail-stale', { a: A, d: D }, { session_block_frequency: '40', slash_fraction_double_sign: '0.05', max_evidence_age: '120000000000' }, (chain) => {
    missThenLeave(chain, D, 60);
    restake(chain, D, 15_000n * POKT);
    const R = heightOf(chain.state);
    block(chain, D, false); // R+1: still signed by the set after R−1 (no D)
    block(chain, D, false); // R+2: the first block D signs (the set after R: Tendermint's delay)
    block(chain, D, false, [], [evidence(D, R + 2)]); // R+3: 750 POKT burned → 14,250 < 15,000: jailed + waiting
    txBlock(chain, D, OWNER, paramChange(OWNER, 'pos/StakeMinimum', '"14000000000"'), 'ok', false);
    txBlock(chain, D, D, unjail(D, D));
    assert.equal(chain.state.slashing.missedBlocks.get(D.address), undefined, 'the unjail cleared the stale bits');
    // With the stale bits kept, the misses at indices 0..2 would not count and the 5th would not jail.
    assert.ok(jailedIn(votes(chain, D, [false, false, false, false, false]), D));
    assert.ok(heightOf(chain.state) < 80, 'before the session end that starts the forced unstake');
  });
  assert.is(summary.mismatches, 0, JSON.stringify(summary.mismatch_list.slice(0, 5)));
  assert.equal([summary.slashing_derived['slash/double_sign'], summary.slashing_derived['jail/downtime']], [1, 1]);
});

test.run();
