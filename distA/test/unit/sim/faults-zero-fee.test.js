/**
 * Goal: the "faults" workload's predictions hold on a genesis whose fees are 0 (the e2e
 * single-node fixture leaves auth/FeeMultipliers unset, so the default multiplier is 0) —
 * regression for "simulator seed 9 fails at height 4 (faults/unjail-not-jailed got sdk:9)".
 * There the simulator's validators have no account, and "balance 0 ≥ fee 0" is no proof that
 * they can sign: pocket-core's ante handler looks the signer's account up before anything else
 * is charged and refuses a missing one with sdk:9 whatever the fee (x/auth/ante.go:196-227,
 * DeductFees → GetSignerAcc), so an Unjail by an account-less validator never reaches the
 * not-jailed (pos:105) or too-early (pos:104) checks. The workload must fund it first.
 * Method: simulate() with seeds 9 (unjail-not-jailed at height 4) and 1 (unjail-too-early at
 * height 8), 10 blocks, 2 txs per block; the simulator compares every receipt with its
 * prediction and throws on a mismatch; the test also checks each faults label got only its
 * documented code and that the funding Send occurred.
 */
import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { simulate } from '../../../src/sim/simulator.js';
import { fixturePath } from '../../helpers/paths.js';
import { scratch } from '../../helpers/sim.js';
/** What pocket-core answers for each label the faults workload generates (see faults.ts). */
const EXPECTED = {
    'faults/fund-validator': 'ok',
    'faults/unjail': 'ok',
    'faults/unjail-too-early': 'pos:104',
    'faults/unjail-wrong-signer': 'pos:125',
    'faults/unjail-not-jailed': 'pos:105',
};
const test = suite('sim: faults workload on a zero-fee genesis');
test('the fixture has no fee multipliers (fees are 0), which is what this test is about', () => {
    const genesis = JSON.parse(readFileSync(fixturePath('e2e-single-node-genesis.json'), 'utf8'));
    assert.is(genesis.app_state.auth.params['fee_multipliers'], undefined);
});
for (const seed of [9n, 1n]) {
    test(`seed ${seed}, zero-fee genesis: every faults prediction holds; account-less validators are funded before they sign`, async () => {
        const tmp = scratch(`sim-faults-${seed}`);
        try {
            const summary = await simulate({ dataDir: `${tmp.dir}/data`, genesisFile: fixturePath('e2e-single-node-genesis.json'), seed, blocks: 10, txsPerBlock: 2, fsync: 'never', workers: 0 });
            const faults = Object.entries(summary.outcomes).filter(([label]) => label.startsWith('faults/'));
            for (const [label, counts] of faults) {
                assert.ok(label in EXPECTED, `unknown label ${label} (seed ${seed})`);
                assert.equal(Object.keys(counts), [EXPECTED[label]], `${label} outcomes ${JSON.stringify(counts)} (seed ${seed})`);
            }
            assert.ok(summary.outcomes['faults/fund-validator'] !== undefined, `no funding Send (seed ${seed})`);
            assert.ok(summary.outcomes['faults/unjail-too-early'] !== undefined, `no unjail-too-early (seed ${seed})`);
            if (seed === 9n)
                assert.ok(summary.outcomes['faults/unjail-not-jailed'] !== undefined, 'no unjail-not-jailed (seed 9)');
        }
        finally {
            tmp.remove();
        }
    });
}
test.run();
//# sourceMappingURL=faults-zero-fee.test.js.map