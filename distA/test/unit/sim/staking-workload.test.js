/**
 * Goal: the "staking" simulator workload proposes txs whose predicted outcomes are exactly what
 * the reducer answers, over long runs that reach every lifecycle step (stake, edit, transfer,
 * unstake, maturity) and every rejection path it knows.
 * Method: without the simulator runner, drive the workload directly: a test chain with 32
 * funded workload keys and a large anchor validator; each block, build the SimContext (seeded
 * Prng per block), ask the workload for txs, produce the block with the real producer and
 * reducer, and compare every receipt with its expectation; invariants after every block. Two
 * parameter sets: mainnet-like (StakeMinimum = PIP-22 ceiling = 15,000 POKT) and VEDIT active
 * (ceiling 60,000 POKT), both with 4-block sessions and 3-hour unstaking.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Prng } from '../../../src/core/prng.js';
import { checkInvariants } from '../../../src/sim/invariants.js';
import { createStakingWorkload } from '../../../src/sim/workloads/staking.js';
import { produce, testKey } from '../../helpers/chain.js';
import { testSimContext } from '../../helpers/sim-context.js';
import { codeOf, startStakingChain } from '../../helpers/staking.js';
const POKT = 1000000n;
const keys = Array.from({ length: 32 }, (_, i) => testKey(`sim-staking-${i}`));
const anchor = testKey('sim-staking-anchor');
const THREE_HOURS_NS = '10800000000000';
function chain(pos) {
    return startStakingChain({
        accounts: keys.map((key) => ({ key, balanceUpokt: 1000000n * POKT })),
        validators: [{ key: anchor, tokensUpokt: 100000000n * POKT }],
        params: {
            pos: { stake_minimum: '15000000000', session_block_frequency: '4', unstaking_time: THREE_HOURS_NS, max_validators: '6', ...pos },
            application: { unstaking_time: THREE_HOURS_NS },
            pocketcore: { supported_blockchains: ['0001', '0021', '0040'] },
        },
    });
}
function run(state, blocks, seed) {
    const workload = createStakingWorkload();
    const outcomes = new Map();
    let previous = [];
    for (let i = 0; i < blocks; i++) {
        const height = state.chain.meta.get('meta').height + 1;
        const prng = new Prng(BigInt(seed) * 1000003n + BigInt(height));
        const ctx = testSimContext({ state, prng, keys, validatorKeys: [anchor], txsPerBlock: 10, previousBlockTxs: previous, freshKeyName: (h, label) => `sim-staking-fresh-${h}-${label}` });
        const proposals = workload.propose(ctx);
        const result = produce(state, proposals.map((p) => p.bytes));
        proposals.forEach((proposal, index) => {
            const receipt = result.receipts[index];
            const actual = codeOf(receipt);
            assert.is(actual, proposal.expect, `block ${height} tx ${index} ${proposal.label}: ${receipt.log} (seed ${seed})`);
            const counts = outcomes.get(proposal.label) ?? new Map();
            counts.set(actual, (counts.get(actual) ?? 0) + 1);
            outcomes.set(proposal.label, counts);
        });
        assert.equal(checkInvariants(state), [], `invariants after block ${height} (seed ${seed})`);
        previous = proposals.map((p) => p.bytes);
    }
    return outcomes;
}
const workload = suite('sim workload "staking": every predicted outcome is the reducer\'s');
workload('mainnet-like params (minimum = ceiling): 160 blocks, lifecycles complete, every prediction holds', () => {
    const state = chain({});
    const outcomes = run(state, 160, 7);
    const labels = [...outcomes.keys()];
    const missing = [
        'staking/node/stake',
        'staking/node/stake-by-output',
        'staking/node/edit-raise',
        'staking/node/edit-output',
        'staking/node/begin-unstake',
        'staking/node/output-by-operator',
        'staking/node/delegators-by-output',
        'staking/node/edit-lower',
        'staking/node/edit-waiting',
        'staking/node/stake-unstaking',
        'staking/node/below-minimum',
        'staking/node/unaffordable',
        'staking/node/too-many-chains',
        'staking/node/no-output',
        'staking/node/url-too-long',
        'staking/node/null-output-by-output',
        'staking/node/unstake-unknown',
        'staking/node/unstake-wrong-signer',
        'staking/node/unstake-unstaking',
        'staking/node/bad-url',
        'staking/node/bad-chain',
        'staking/node/zero-value',
        'staking/node/foreign-signer',
        'staking/app/stake',
        'staking/app/edit-raise',
        'staking/app/edit-chains',
        'staking/app/transfer',
        'staking/app/begin-unstake',
        'staking/app/edit-lower',
        'staking/app/edit-unaffordable',
        'staking/app/transfer-to-app',
        'staking/app/transfer-from-unstaking',
        'staking/app/stake-unstaking',
        'staking/app/below-minimum',
        'staking/app/unaffordable',
        'staking/app/too-many-chains',
        'staking/app/unstake-again',
        'staking/app/unstake-unknown',
        'staking/app/unjail-not-jailed',
        'staking/app/unjail-unknown',
        'staking/app/zero-value',
        'staking/app/bad-chain',
    ].filter((label) => !labels.includes(label));
    assert.equal(missing, [], 'every kind is proposed at least once');
    const validatorsLeft = [...state.nodes.validators.unorderedValues()].length;
    assert.ok(validatorsLeft >= 1);
});
workload('VEDIT active (ceiling 60,000 POKT): same-bin edits are predicted as pos:122, raises reach a higher bin', () => {
    const state = chain({ servicer_stake_floor_multipler: '15000000000', servicer_stake_weight_ceiling: '60000000000' });
    const outcomes = run(state, 120, 11);
    assert.ok((outcomes.get('staking/node/edit-same-bin')?.get('pos:122') ?? 0) > 0, 'same-bin edits happen');
    assert.ok((outcomes.get('staking/node/edit-raise')?.get('ok') ?? 0) > 0, 'raises happen');
});
workload('the same seed proposes the same bytes (determinism)', () => {
    const a = chain({});
    const b = chain({});
    run(a, 30, 3);
    run(b, 30, 3);
    assert.is(Buffer.from(a.store.root).toString('hex'), Buffer.from(b.store.root).toString('hex'));
});
workload.run();
//# sourceMappingURL=staking-workload.test.js.map