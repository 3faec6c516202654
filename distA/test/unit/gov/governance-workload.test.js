/**
 * Goal: the "governance" simulator workload (src/sim/workloads/governance.ts) reaches every path
 * it was written for — ParamChanges by the owner (no-op and real) and by others, unknown keys,
 * malformed and out-of-range values, DAO transfers and burns (and overdraws, and non-owners),
 * scheduled version and features-only upgrades, bad upgrades — with every predicted outcome the
 * reducer's, invariants and the supply rule after every block; and alongside the "faults"
 * workload, whose predictions must survive the governance changes.
 * Method: test/helpers/gov-chain.ts driveWorkloads; a test chain whose DAO and ACL owner is the
 * workload's first key (as sim-genesis.ts arranges), 1,000,000 POKT in the DAO; 300 blocks.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { LEDGER_PROTOCOL_VERSION } from '../../../src/modules/gov/features.js';
import { createFaultsWorkload } from '../../../src/sim/workloads/faults.js';
import { assignGovernanceOwner, createGovernanceWorkload } from '../../../src/sim/workloads/governance.js';
import { testKey } from '../../helpers/chain.js';
import { driveWorkloads, eventsOfType, govChain, OWNER } from '../../helpers/gov-chain.js';
const POKT = 1000000n;
const validators = [0, 1, 2, 3].map((i) => testKey(`gov-wl-validator-${i}`));
const governanceKeys = [OWNER, ...[1, 2, 3].map((i) => testKey(`gov-wl-account-${i}`))];
const faultKeys = [0, 1].map((i) => testKey(`gov-wl-faults-${i}`));
function chain() {
    return govChain({
        validators: validators.map((key) => ({ key, tokensUpokt: 100000n * POKT })),
        accounts: [...governanceKeys, ...faultKeys].map((key) => ({ key, balanceUpokt: 1000000n * POKT })),
        daoTokensUpokt: 1000000n * POKT,
        params: { pos: { signed_blocks_window: '10', downtime_jail_duration: '3600000000000', session_block_frequency: '4' } },
    });
}
const LABELS = [
    ['gov/param-noop', 'ok'],
    ['gov/param-change', 'ok'],
    ['gov/param-by-stranger', 'gov:5'],
    ['gov/param-unknown-key', 'gov:5'],
    ['gov/param-malformed', 'ledger:14'],
    ['gov/param-out-of-range', 'ledger:15'],
    ['gov/dao-transfer', 'ok'],
    ['gov/dao-burn', 'ok'],
    ['gov/dao-overdraw-transfer', 'sdk:10'],
    ['gov/dao-overdraw-burn', 'sdk:1'],
    ['gov/dao-by-stranger', 'sdk:4'],
    ['gov/upgrade', 'ok'],
    ['gov/upgrade-features', 'ok'],
    ['gov/upgrade-by-stranger', 'gov:5'],
    ['gov/upgrade-bad-version', 'ledger:14'],
];
const workload = suite('sim workload "governance": every predicted outcome is the reducer\'s');
workload('300 blocks alone: every label reached with its expected outcome; the upgrades land and never halt the chain', () => {
    const state = chain();
    const { outcomes, results } = driveWorkloads(state, [{ workload: createGovernanceWorkload(), keys: governanceKeys }], { blocks: 300, seed: 21, validatorKeys: validators });
    for (const [label, outcome] of LABELS)
        assert.ok((outcomes.get(label)?.get(outcome) ?? 0) >= 1, `${label} → ${outcome}: ${JSON.stringify([...(outcomes.get(label) ?? [])])}`);
    assert.equal(state.params().gov.upgrade.version, LEDGER_PROTOCOL_VERSION);
    assert.is(state.params().gov.upgrade.height, 1250n);
    assert.ok(state.params().gov.upgrade.features.includes('REDUP:275'));
    assert.ok(results.some((r) => eventsOfType(r, 'DaoBurned').length > 0));
});
workload('with the faults workload in the same blocks: both stay exact', () => {
    const state = chain();
    const { outcomes } = driveWorkloads(state, [
        { workload: createFaultsWorkload(), keys: faultKeys },
        { workload: createGovernanceWorkload(), keys: governanceKeys },
    ], { blocks: 200, seed: 22, validatorKeys: validators });
    assert.ok((outcomes.get('faults/unjail')?.get('ok') ?? 0) >= 1);
    assert.ok((outcomes.get('gov/param-change')?.get('ok') ?? 0) >= 1);
});
workload('assignGovernanceOwner makes a key the DAO owner and every ACL owner of a genesis app_state', () => {
    const appState = { gov: { params: { dao_owner: 'a', acl: [{ acl_key: 'x', address: 'a' }, { acl_key: 'y', address: 'b' }] } } };
    assignGovernanceOwner(appState, OWNER.address);
    assert.equal(appState.gov.params, { dao_owner: OWNER.address, acl: [{ acl_key: 'x', address: OWNER.address }, { acl_key: 'y', address: OWNER.address }] });
});
workload.run();
//# sourceMappingURL=governance-workload.test.js.map