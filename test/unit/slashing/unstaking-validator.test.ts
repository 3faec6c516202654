/**
 * Goal: a validator that is already Unstaking (out of the power index, still in the last commit
 * for one block, its stake still in staked_tokens_pool) is slashed, jailed and unjailed as
 * pocket-core treats it: validateSlash and validateDoubleSign refuse only an Unstaked or unknown
 * validator (x/nodes/keeper/slash.go:160-171, 203-208), JailValidator only an Unstaked or already
 * jailed one (valStateChanges.go:575-588), ValidateUnjailMessage has no status check
 * (valStateChanges.go:651-690), and the session end drops a waiting entry of a validator that is
 * not Staked (ReleaseWaitingValidators → ValidateValidatorBeginUnstaking, valStateChanges.go:379-383,
 * 401-425). Its refund at maturity is what is left after the burn (FinishUnstakingValidator,
 * valStateChanges.go:461-483).
 * Method: a test chain (BlocksPerSession 4, UnstakingTime 2 h, window 10 with
 * MinSignedPerWindow 0.70 → 3 misses tolerated, DowntimeJailDuration 1 h, 15-minute blocks);
 * B asks to unstake in block 1, starts unstaking at the session end of block 4 and is still in
 * the commit read by block 5 (the set that signed block 4). Invariants after every block.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { BlockResult } from '../../../src/chain/apply-block.js';
import type { LedgerState } from '../../../src/chain/ledger-state.js';
import type { Address } from '../../../src/core/types.js';
import { balanceOf, totalSupply } from '../../../src/modules/auth/bank.js';
import { StakeStatus, VALIDATOR_SET_KEY } from '../../../src/modules/nodes/state.js';
import { checkInvariants } from '../../../src/sim/invariants.js';
import { produce, signTx, testKey } from '../../helpers/chain.js';
import { evidence } from '../../helpers/evidence.js';
import { eventsOfType, expectOnly, FUNDS_UPOKT, govChain, unjail } from '../../helpers/gov-chain.js';
import { beginUnstakeNodeMsg } from '../../helpers/staking.js';

const POKT = 1_000_000n;
const HOUR_NS = 3_600_000_000_000n;
const A = testKey('unstaking-slash-a');
const B = testKey('unstaking-slash-b');
const C = testKey('unstaking-slash-c');
const B_TOKENS = 50_000n * POKT;

function chain(pos: Record<string, unknown> = {}): LedgerState {
  return govChain({
    validators: [{ key: A, tokensUpokt: 100_000n * POKT }, { key: B, tokensUpokt: B_TOKENS }, { key: C, tokensUpokt: 60_000n * POKT }],
    params: {
      pos: {
        signed_blocks_window: '10',
        min_signed_per_window: '0.70',
        slash_fraction_downtime: '0.000001',
        slash_fraction_double_sign: '0.05',
        downtime_jail_duration: String(HOUR_NS),
        stake_minimum: '15000000000',
        session_block_frequency: '4',
        unstaking_time: String(2n * HOUR_NS),
        ...pos,
      },
    },
  });
}

function step(state: LedgerState, txs: Uint8Array[] = [], plan: Parameters<typeof produce>[2] = {}): BlockResult {
  const result = produce(state, txs, plan);
  assert.equal(checkInvariants(state), [], `invariants after block ${result.height}`);
  return result;
}

const bMisses = { signed: (address: Address) => address !== B.address };
const inSet = (state: LedgerState, address: Address) => (state.nodes.validatorSet.get(VALIDATOR_SET_KEY) ?? []).some((m) => m.address === address);

/** B asks to unstake in block 1 and starts unstaking at block 4 (time T4); B misses every vote when `missing`. */
function unstakeB(state: LedgerState, missing: boolean): BlockResult {
  step(state, [signTx(B, beginUnstakeNodeMsg(B, B))]);
  step(state, [], missing ? bMisses : {});
  step(state, [], missing ? bMisses : {});
  const block4 = step(state, [], missing ? bMisses : {});
  assert.equal(eventsOfType(block4, 'NodeUnstakingStarted').map((e) => e.address), [B.address]);
  assert.is(state.nodes.validators.get(B.address)!.status, StakeStatus.Unstaking);
  assert.not.ok(inSet(state, B.address), 'out of the set from block 5');
  return block4;
}

const unstaking = suite('slashing: a validator that is already Unstaking');

unstaking('downtime in its last commit: slashed and jailed (only an Unstaked validator escapes), jailed_until set; it still matures with the rest', () => {
  const state = chain();
  const block4 = unstakeB(state, true);
  // Block 5 reads the commit of block 4, signed by the set B was still in: its 4th miss > 3.
  const block5 = step(state, [], bMisses);
  // slash.go:113-114: trunc(50,000 × 10^6 × 0.000001) = 50,000 uPOKT
  assert.equal(eventsOfType(block5, 'NodeSlashed').map((e) => [e.address, e.reason, e.burnedUpokt]), [[B.address, 'downtime', 50_000n]]);
  // slash.go:287 → valStateChanges.go:585-593: Unstaking is not Unstaked, so the jail happens
  assert.equal(eventsOfType(block5, 'NodeJailed').map((e) => e.address), [B.address]);
  const validator = state.nodes.validators.get(B.address)!;
  assert.ok(validator.jailed);
  assert.is(validator.status, StakeStatus.Unstaking);
  // slash.go:289: jailed_until = block time + DowntimeJailDuration
  assert.is(state.slashing.signingInfos.get(B.address)!.jailedUntilNs, block5.timeNs + HOUR_NS);
  // valUnstaked.go:149-170 with valStateChanges.go:446-457 (post-NCUST a jailed validator may finish): refund at T4 + 2 h = block 12
  let refund: bigint | undefined;
  for (let h = 6; h <= 12; h++) refund = eventsOfType(step(state), 'NodeUnstaked')[0]?.amountUpokt ?? refund;
  assert.is(refund, B_TOKENS - 50_000n);
  assert.is(state.nodes.validators.get(B.address), undefined);
  void block4;
});

unstaking('double-sign evidence about its last block: slashed, not jailed (slash only)', () => {
  const state = chain();
  unstakeB(state, false);
  const supply = totalSupply(state.auth);
  const block5 = step(state, [], { evidence: [evidence(B, 4)] });
  // slash.go:203-208 refuses only a missing or Unstaked validator; 50,000 × 10^6 × 0.05 = 2,500 POKT
  assert.equal(eventsOfType(block5, 'NodeSlashed').map((e) => [e.address, e.reason, e.burnedUpokt]), [[B.address, 'double_sign', 2_500n * POKT]]);
  assert.equal(eventsOfType(block5, 'DoubleSignEvidenceIgnored'), []);
  assert.not.ok(state.nodes.validators.get(B.address)!.jailed);
  assert.is(totalSupply(state.auth), supply - 2_500n * POKT, 'burned from staked_tokens_pool (pool.go:49-55)');
});

unstaking('double sign below the minimum: jailed and queued (ForceValidatorUnstake), the session end drops the entry (not Staked), the rest is refunded at maturity', () => {
  const state = chain({ slash_fraction_double_sign: '0.8' });
  unstakeB(state, false);
  const block5 = step(state, [], { evidence: [evidence(B, 4)] });
  const left = B_TOKENS - 40_000n * POKT; // 50,000 × 0.8 = 40,000 POKT burned; 10,000 < 15,000 minimum
  // slash.go:131-136 → valStateChanges.go:550-556: JailValidator (Unstaking ⇒ jails) + SetWaitingValidator
  assert.equal(eventsOfType(block5, 'NodeForceUnstakeQueued'), [{ type: 'NodeForceUnstakeQueued', address: B.address, reason: 'stake_below_minimum', jails: true, tokensUpokt: left }]);
  assert.ok(state.nodes.validators.get(B.address)!.jailed);
  step(state);
  step(state);
  const block8 = step(state);
  // valStateChanges.go:404,423: not Staked → no BeginUnstaking, the entry is deleted
  assert.equal(eventsOfType(block8, 'NodeUnstakingStarted'), []);
  assert.equal(eventsOfType(block8, 'NodeUnstakeWaitDropped').map((e) => [e.address, e.reason]), [[B.address, 'not_staked']]);
  assert.not.ok(state.nodes.waitingValidators.has(B.address));
  let refund: bigint | undefined;
  for (let h = 9; h <= 12; h++) refund = eventsOfType(step(state), 'NodeUnstaked')[0]?.amountUpokt ?? refund;
  assert.is(refund, left);
  assert.is(balanceOf(state.auth, B.address), FUNDS_UPOKT - 10_000n + left, 'less the BeginUnstake fee');
});

unstaking('an Unstaking, downtime-jailed validator may Unjail once jailed_until has passed (no status check); it stays Unstaking and out of the set', () => {
  const state = chain();
  unstakeB(state, true);
  const block5 = step(state, [], bMisses);
  assert.ok(state.nodes.validators.get(B.address)!.jailed);
  for (let h = 6; h <= 8; h++) step(state);
  // block 9 is at T5 + 1 h = jailed_until: valStateChanges.go:686 refuses only block time < jailed_until
  const block9 = step(state, [signTx(B, unjail(B, B))]);
  assert.is(block9.timeNs, block5.timeNs + HOUR_NS);
  expectOnly(block9, 'ok');
  const validator = state.nodes.validators.get(B.address)!;
  assert.not.ok(validator.jailed);
  assert.is(validator.status, StakeStatus.Unstaking);
  assert.not.ok(inSet(state, B.address), 'SetValidator puts only a Staked validator in the staking set (validator.go:83-90)');
});

unstaking.run();
