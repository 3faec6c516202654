/**
 * Goal: the "faults" simulator workload (src/sim/workloads/faults.ts) reaches every path it was
 * written for — validators going offline and being jailed by downtime, coming back and unjailing
 * (too early, on time, with a wrong signer), an unjail of a free validator, valid double-sign
 * evidence (slashed), too-old and unknown-key evidence (ignored) — and every outcome it predicts
 * is the reducer's, with invariants and the supply rule after every block.
 * Method: without the simulator runner (test/helpers/gov-chain.ts driveWorkloads): a test chain
 * with four 100,000-POKT validators (the "simulator's validators") and the dev profile's
 * timers (10-block window, 1 h jail, 3 h evidence age, 4-block sessions); 300 blocks, two seeds.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { LedgerState } from '../../../src/chain/ledger-state.js';
import { createFaultsWorkload } from '../../../src/sim/workloads/faults.js';
import { testKey } from '../../helpers/chain.js';
import { driveWorkloads, eventsOfType, govChain } from '../../helpers/gov-chain.js';

const POKT = 1_000_000n;
const validators = [0, 1, 2, 3].map((i) => testKey(`faults-validator-${i}`));
const accounts = [0, 1, 2, 3].map((i) => testKey(`faults-account-${i}`));

function chain(): LedgerState {
  return govChain({
    validators: validators.map((key) => ({ key, tokensUpokt: 100_000n * POKT })),
    accounts: accounts.map((key) => ({ key, balanceUpokt: 1_000_000n * POKT })),
    params: {
      pos: { signed_blocks_window: '10', downtime_jail_duration: '3600000000000', max_evidence_age: '10800000000000', session_block_frequency: '4', unstaking_time: '10800000000000', max_jailed_blocks: '200' },
    },
  });
}

const faults = suite('sim workload "faults": every predicted outcome is the reducer\'s');

for (const seed of [11, 12]) {
  faults(`300 blocks, seed ${seed}: jail, unjail (early / on time / wrong signer / not jailed), double signs slashed and ignored`, () => {
    const state = chain();
    const { outcomes, results } = driveWorkloads(state, [{ workload: createFaultsWorkload(), keys: accounts }], { blocks: 300, seed, validatorKeys: validators });
    const count = (label: string, outcome: string): number => outcomes.get(label)?.get(outcome) ?? 0;
    assert.ok(count('faults/unjail', 'ok') >= 3, `unjails: ${JSON.stringify([...outcomes].map(([l, m]) => [l, [...m]]))}`);
    assert.ok(count('faults/unjail-too-early', 'pos:104') >= 3);
    assert.ok(count('faults/unjail-wrong-signer', 'pos:125') >= 1);
    assert.ok(count('faults/unjail-not-jailed', 'pos:105') >= 1);
    const all = <T extends Parameters<typeof eventsOfType>[1]>(type: T) => results.flatMap((r) => eventsOfType(r, type));
    assert.ok(all('NodeJailed').length >= 3, 'downtime jails');
    assert.ok(all('NodeSlashed').some((e) => e.reason === 'downtime'));
    assert.ok(all('NodeSlashed').some((e) => e.reason === 'double_sign'));
    const ignored = new Set(all('DoubleSignEvidenceIgnored').map((e) => e.reason));
    assert.ok(ignored.has('too_old') && ignored.has('unknown_validator'), [...ignored].join(','));
    assert.ok(all('NodeUnjailed').length === count('faults/unjail', 'ok'));
  });
}

/**
 * Tendermint applies the validator updates of EndBlock H from height H + 2 (fork 59310158d3e9,
 * state/execution.go:427-437 and 469-471: NextValidators ← the updated set, Validators ←
 * the old NextValidators): a validator jailed in block J still signs — or, offline, misses —
 * blocks J and J + 1, whose votes are in the last commits of J + 1 and J + 2; from J + 3 it has
 * none. An offline machine stays offline when the chain jails it, so while the workload's outage
 * lasts those two votes are missed, like the ones before the jail.
 */
faults('a victim jailed while offline misses its last two votes (the last commits of J + 1 and J + 2), then has none', () => {
  const state = chain();
  const { results, headers } = driveWorkloads(state, [{ workload: createFaultsWorkload(), keys: accounts }], { blocks: 150, seed: 11, validatorKeys: validators });
  const voteOf = (height: number, address: string) => headers[height - 1]!.lastCommit.find((v) => v.address === address);
  // The outage: the cycle's victim (48-block cycles, offline in the first 30), as the workload's header says.
  const victimAt = (height: number): string => validators[Math.floor((height - 1) / 48) % validators.length]!.address;
  const inOutage = (height: number, address: string): boolean => (height - 1) % 48 < 30 && victimAt(height) === address;
  let checked = 0;
  for (const result of results) {
    for (const jailed of eventsOfType(result, 'NodeJailed')) {
      const j = result.height;
      if (j + 3 > headers.length || !inOutage(j + 2, jailed.address)) continue;
      assert.equal([voteOf(j + 1, jailed.address)?.signed, voteOf(j + 2, jailed.address)?.signed], [false, false], `jailed at ${j}`);
      assert.is(voteOf(j + 3, jailed.address), undefined, `out of the commit from ${j + 3}`);
      checked++;
    }
  }
  assert.ok(checked >= 2, `jails checked: ${checked}`);
});

faults.run();
