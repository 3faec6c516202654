/**
 * Goal: the staking workload's own edit-stake bin model (src/sim/workloads/edit-stake-model.ts,
 * which keeps the simulator's predictions independent of src/modules/nodes/pip22.ts) gives the
 * same answer as the independent python oracle on every edit-stake verdict, bin edges and the
 * ceiling ±1 uPOKT included.
 * Method: every `editStake` case of test/oracle/verdicts/pip22.json through editPassesBinRule.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { editPassesBinRule } from '../../../src/sim/workloads/edit-stake-model.js';
import { committedVerdictsDir } from '../../helpers/python-oracle.js';
const model = suite('sim staking workload: its edit-stake bin model agrees with the python oracle');
model('every editStake verdict (worked example of the model’s header included)', () => {
    const file = JSON.parse(readFileSync(join(committedVerdictsDir(), 'pip22.json'), 'utf8'));
    let checked = 0;
    for (const c of file.cases) {
        if (c.input.kind !== 'editStake')
            continue;
        const bins = { binSizeUpokt: BigInt(c.input.params.floorMultiplierUpokt), ceilingUpokt: BigInt(c.input.params.weightCeilingUpokt) };
        assert.is(editPassesBinRule(BigInt(c.input.newValueUpokt), BigInt(c.input.currentTokensUpokt), bins), c.output.reachesHigherBin, c.description);
        checked++;
    }
    assert.ok(checked > 50);
    const POKT = 1000000n;
    const bins = { binSizeUpokt: 15000n * POKT, ceilingUpokt: 60000n * POKT };
    assert.equal([44000n, 45000n, 60000n].map((value) => editPassesBinRule(value * POKT, 31000n * POKT, bins)), [false, true, true]);
});
model.run();
//# sourceMappingURL=edit-stake-model.test.js.map