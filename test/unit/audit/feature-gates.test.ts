/**
 * Goal: the audit recomputes relay rewards, replay burns and the block reward under the features
 * a chain lists as switched off, as pocket-core branches on them (x/nodes/keeper/reward.go:60-78
 * RSCAL, :95-101 NCUST, :125-151 RewardDelegators, :215-224 PerChainRTTM, :247-297 the block
 * reward; slash.go:16-38 the replay burn) — so auditing a chain that switches them off, or on
 * part-way, finds the ledger's allocation explained, not a mismatch per proof.
 * Method: simulated chains (relays and sends — the staking workload expects every feature on; seed 21, 60 blocks) whose genesis gov/upgrade
 * lists [RSCAL], [PerChainRTTM], [RewardDelegators] and [NCUST] at 0 (never active) or at 30
 * (active from block 30), with a per-chain RTTM for 0001 so PerChainRTTM matters; each projected
 * and audited: 0 mismatches, and valid proofs were paid (`proof ok` re-decided). The economics functions'
 * gates are checked by hand-computed values first.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runAudit } from '../../../src/audit/index.js';
import { blockReward, relayReward, replayBurn } from '../../../src/audit/independent/economics.js';
import { project } from '../../../src/projection/run.js';
import { simulate } from '../../../src/sim/simulator.js';
import { testGenesisJson, testKey } from '../../helpers/chain.js';
import { scratch } from '../../helpers/sim.js';

const test = suite('audit: reward features switched off');

const OPERATOR = '11'.repeat(20);
const OUTPUT = '22'.repeat(20);
const D1 = 'aa'.repeat(20);
const PIP22 = { floor: 15_000_000_000n, ceiling: 60_000_000_000n, exponent: 10n ** 18n, weightMultiplier: 10n ** 18n };
const OFF = { rscal: false, rewardDelegators: false, ncust: false };

test('economics: each gate, by hand', () => {
  const base = { relays: 10_000n, multiplier: 1_000n, stake: 1_000_000n /* bin 0 */, pip22: PIP22, daoPercent: 10n, proposerPercent: 1n, rewardCost: 20_000n, recipient: { operator: OPERATOR, outputAddress: OUTPUT, delegators: [[D1, 50]] as Array<[string, number]> } };
  // Every feature on: bin 0 → weight 0 → nothing (PIP-22 weighting, reward.go:27-50).
  assert.is(relayReward(base).minted, 0n);
  // All off: coins = 1,000 × 10,000 = 10,000,000 (reward.go:74); fee_collector 11 % = 1,100,000
  // (params.go:148-165); no refund (reward.go:129); the legacy record has no output address and no
  // delegators (validator.go:43-48, validator_legacy.go:148-161): 8,900,000 to the operator.
  const off = relayReward({ ...base, features: OFF });
  assert.equal(off.payouts.map((p) => [p.role, p.address, p.amount]), [['primary', OPERATOR, 8_900_000n], ['fee_collector', 'f1829676db577682e944fc3493d451b67ff3e29f', 1_100_000n]]);
  // NCUST on, RewardDelegators off: UnmarshalValidator nils the delegators (validator.go:35-37):
  // 8,900,000 to the output address (reward.go:105-106), none to D1.
  const delegatorsOff = relayReward({ ...base, features: { ...OFF, ncust: true } });
  assert.equal(delegatorsOff.payouts.map((p) => [p.role, p.address, p.amount]).slice(0, 1), [['primary', OUTPUT, 8_900_000n]]);
  assert.is(delegatorsOff.payouts.length, 2);
  // Only RSCAL off: the refund (20,000 to the operator) and the output address come back.
  const rscalOff = relayReward({ ...base, features: { ...OFF, rewardDelegators: true, ncust: true } });
  assert.equal(rscalOff.payouts.map((p) => [p.role, p.address, p.amount]).slice(0, 3), [['reward_cost_refund', OPERATOR, 20_000n], ['delegator', D1, 4_440_000n], ['primary', OUTPUT, 4_440_000n]]);
  // Replay burn before RSCAL: RTTM × challenges = 1,000 × 5 × 3 = 15,000, whatever the stake.
  assert.is(replayBurn(5n, 3n, 1_000n, 20_000_000_000n, PIP22, false).burned, 15_000n);
  // Block reward: fees 1,100,000, DAO 10, proposer 1 → DAO 1,000,000, cut 100,000. NCUST off:
  // all of it to the proposer's address, with or without a record; on with RewardDelegators off:
  // the output address, no delegator.
  const proposer = { operator: OPERATOR, outputAddress: OUTPUT, delegators: [[D1, 50]] as Array<[string, number]> };
  assert.equal(blockReward(1_100_000n, 0n, 10n, 1n, undefined, OFF, OPERATOR).shares, [{ role: 'primary', address: OPERATOR, amount: 100_000n }]);
  assert.equal(blockReward(1_100_000n, 0n, 10n, 1n, proposer, { ...OFF, ncust: true }, OPERATOR).shares, [{ role: 'primary', address: OUTPUT, amount: 100_000n }]);
  assert.equal(blockReward(1_100_000n, 0n, 10n, 1n, proposer).shares.map((s) => s.amount), [50_000n, 50_000n]);
});

async function auditedChain(features: readonly string[]): Promise<{ mismatches: number; detail: string; proofsPaid: number }> {
  const tmp = scratch('audit-features');
  try {
    const genesisFile = join(tmp.dir, 'genesis.json');
    writeFileSync(genesisFile, testGenesisJson({
      accounts: [{ key: testKey('genesis-holder'), balanceUpokt: 5_000_000_000n }],
      params: {
        gov: { upgrade: { Height: '0', Version: '0.0.0', Features: [...features] } },
        pos: { relays_to_tokens_multiplier_map: { '0001': '3000' } },
      },
    }));
    const dataDir = join(tmp.dir, 'chain');
    await simulate({ dataDir, genesisFile, seed: 21n, blocks: 60, txsPerBlock: 6, fsync: 'never', workloads: ['relays', 'sends'] });
    await project(dataDir);
    const summary = await runAudit({ dataDir, catchUp: false });
    return { mismatches: summary.mismatches, detail: JSON.stringify(summary.mismatch_list.slice(0, 3)), proofsPaid: summary.claim_proof_codes['proof ok'] ?? 0 };
  } finally {
    tmp.remove();
  }
}

test('a chain with the four never active: every minted uPOKT explained', async () => {
  const audited = await auditedChain(['RSCAL:0', 'PerChainRTTM:0', 'RewardDelegators:0', 'NCUST:0']);
  assert.ok(audited.proofsPaid > 0, 'the chain has valid proofs to pay');
  assert.is(audited.mismatches, 0, audited.detail);
});

test('a chain that switches them on at block 30: explained on both sides of it', async () => {
  const audited = await auditedChain(['RSCAL:30', 'PerChainRTTM:30', 'RewardDelegators:30', 'NCUST:30']);
  assert.ok(audited.proofsPaid > 0, 'the chain has valid proofs to pay');
  assert.is(audited.mismatches, 0, audited.detail);
});

test.run();
