/**
 * Goal: the seeded simulator drives the real producer through every send outcome — valid sends
 * and each invalid kind with its pocket-core code — with the supply rule holding after every
 * block, on a small genesis (dev profile) and on the bundled mainnet genesis (mainnet profile);
 * a deviation stops the run and names the seed.
 * Method: simulate() into temp data dirs; the simulator itself compares every receipt with its
 * expectation and checks invariants and supply; the test checks again after every block
 * (checkInvariants == [], total supply == start + Σ minted − Σ burned from the events), asserts
 * that every kind occurred with exactly its expected code, and replays the log to the same roots.
 * A planted wrong expectation must fail with the seed in the message. Seeds are printed.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { totalSupply } from '../../../src/modules/auth/bank.js';
import { bundledMainnetGenesisPath } from '../../../src/core/paths.js';
import { checkInvariants } from '../../../src/sim/invariants.js';
import { simulate, SimulationFailure } from '../../../src/sim/simulator.js';
import { SupplyLedger } from '../../../src/sim/supply.js';
import { createSendsWorkload } from '../../../src/sim/workloads/sends.js';
import { replay } from '../../../src/runtime/replay.js';
import { scratch, writeSmallGenesis } from '../../helpers/sim.js';
const SEED = BigInt(process.env['POKT_SIM_SEED'] ?? 20_261_122);
console.log(`simulator.test seed=${SEED} (POKT_SIM_SEED to change)`);
/** What pocket-core answers for each kind the sends workload generates (see sends.ts). */
const EXPECTED = {
    'send/valid': 'ok',
    'send/underfunded': 'sdk:10',
    'send/unknown-sender': 'sdk:9',
    'send/zero-amount': 'pos:109',
    'send/fee-too-low': 'auth:4',
    'send/memo-too-long': 'auth:1',
    'send/wrong-chain': 'sdk:4',
    'send/bad-signature': 'sdk:4',
    'send/duplicate-in-block': 'auth:6',
    'send/duplicate-earlier': 'auth:6',
    'send/truncated': 'sdk:2',
    'send/garbage': 'sdk:2',
    'send/oversized': 'ledger:1',
};
/** Runs a simulation while checking invariants and the supply rule after every block. */
async function simulateChecked(options) {
    let ledger;
    let checkedBlocks = 0;
    const summary = await simulate({
        ...options,
        onBlock: (report) => {
            ledger ??= new SupplyLedger(totalSupply(report.state.auth) + supplyDelta(report));
            ledger.record(report.result);
            assert.equal(checkInvariants(report.state), [], `invariants at height ${report.height} (seed ${options.seed})`);
            assert.is(totalSupply(report.state.auth), ledger.expectedSupplyUpokt, `supply at height ${report.height} (seed ${options.seed})`);
            checkedBlocks++;
        },
    });
    return { summary, checkedBlocks };
}
/** Σ burned − Σ minted of the first block (to recover the supply before it from the state after it). */
function supplyDelta(report) {
    const probe = new SupplyLedger(0n);
    probe.record(report.result);
    return probe.burnedUpokt - probe.mintedUpokt;
}
function assertOutcomes(summary) {
    for (const [label, expected] of Object.entries(EXPECTED)) {
        const counts = summary.outcomes[label];
        assert.ok(counts !== undefined, `${label} never occurred (seed ${summary.seed})`);
        assert.equal(Object.keys(counts), [expected], `${label} outcomes ${JSON.stringify(counts)} (seed ${summary.seed})`);
    }
}
const sim = suite('sim: simulator');
sim('dev profile on a small genesis: every send kind gets its code, supply holds after every block, replay matches', async () => {
    const tmp = scratch('sim-dev');
    try {
        const genesisFile = writeSmallGenesis(tmp.dir);
        const dataDir = `${tmp.dir}/data`;
        const { summary, checkedBlocks } = await simulateChecked({ dataDir, genesisFile, seed: SEED, blocks: 120, txsPerBlock: 12, profile: 'dev', workers: 2, fsync: 'never' });
        assert.is(checkedBlocks, 120);
        assert.is(summary.height, 120);
        assert.is(summary.profile, 'dev');
        assertOutcomes(summary);
        assert.is(summary.supply.total_upokt, summary.supply.start_upokt + summary.supply.minted_upokt - summary.supply.burned_upokt);
        const verified = await replay(dataDir, { workers: 2 });
        assert.ok(verified.verified, `replay diverged: ${JSON.stringify(verified.divergence?.detail)}`);
        assert.is(verified.stateRoot, summary.state_root);
        const trusted = await replay(dataDir, { trustSignatures: true });
        assert.is(trusted.stateRoot, summary.state_root, 'trusted replay reproduces the rejected-signature txs from the recorded verdicts');
    }
    finally {
        tmp.remove();
    }
});
sim('mainnet profile on the bundled mainnet genesis: genesis params kept, every check passes', async () => {
    const tmp = scratch('sim-mainnet');
    try {
        const dataDir = `${tmp.dir}/data`;
        const { summary } = await simulateChecked({ dataDir, genesisFile: bundledMainnetGenesisPath(), seed: SEED + 1n, blocks: 40, txsPerBlock: 15, profile: 'mainnet', workers: 2, fsync: 'never' });
        assert.is(summary.chain_id, 'mainnet');
        assert.is(summary.height, 40);
        assert.ok((summary.outcomes['send/valid']?.['ok'] ?? 0) > 100);
    }
    finally {
        tmp.remove();
    }
});
sim('a wrong expectation stops the run at its height and names the seed', async () => {
    const tmp = scratch('sim-fail');
    try {
        const genesisFile = writeSmallGenesis(tmp.dir);
        const lying = {
            name: 'lying',
            description: 'sends, but claims every tx fails with sdk:4',
            create: () => {
                const sends = createSendsWorkload();
                return { name: 'lying', propose: (ctx) => sends.propose(ctx).map((tx) => ({ ...tx, expect: 'sdk:4' })) };
            },
        };
        const error = await simulate({ dataDir: `${tmp.dir}/data`, genesisFile, seed: 7n, blocks: 5, registry: [lying], workers: 0 }).then(() => undefined, (e) => e);
        assert.instance(error, SimulationFailure);
        const failure = error;
        assert.is(failure.seed, '7');
        assert.is(failure.kind, 'expectation');
        assert.ok(failure.height >= 1);
        assert.match(failure.message, /seed 7/);
    }
    finally {
        tmp.remove();
    }
});
sim('continuing a simulated chain needs the same seed', async () => {
    const tmp = scratch('sim-continue');
    try {
        const genesisFile = writeSmallGenesis(tmp.dir);
        const dataDir = `${tmp.dir}/data`;
        await simulate({ dataDir, genesisFile, seed: 3n, blocks: 2, workers: 0, txsPerBlock: 2 });
        const error = await simulate({ dataDir, seed: 4n, blocks: 1, workers: 0 }).then(() => undefined, (e) => e);
        assert.is(error.code, 'sim_settings_differ');
        const continued = await simulate({ dataDir, seed: 3n, blocks: 2, workers: 0, txsPerBlock: 2 });
        assert.is(continued.start_height, 2);
        assert.is(continued.height, 4);
    }
    finally {
        tmp.remove();
    }
});
sim.run();
//# sourceMappingURL=simulator.test.js.map