/**
 * Goal: the "relays" simulator workload proposes claims and proofs whose predicted outcomes are
 * exactly what the reducer answers — valid, late, too early, invalid, replayed, expired and
 * over-service — over a run long enough to reach every step of its schedule, with the supply and
 * the invariants right after every block.
 * Method: without the simulator runner (as test/unit/sim/staking-workload.test.ts does), drive
 * the workload directly on a test chain: 12 servicer + 3 app keys funded for the workload, one
 * anchor validator producing blocks, one genesis app whose key the simulator holds; each block
 * build the SimContext with a seeded Prng, produce the block with the real producer and reducer,
 * compare every receipt with its expectation. Params: BPS 4, SessionNodeCount 3, CSW 3,
 * ClaimExpiration 3 sessions (so abandoned claims expire within the run). Run twice with the
 * same seed: identical state roots (the workload keeps no memory between blocks).
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Prng } from '../../../src/core/prng.js';
import { totalSupply } from '../../../src/modules/auth/bank.js';
import { relayRewardMintedUpokt } from '../../../src/modules/pocketcore/events.js';
import { checkInvariants } from '../../../src/sim/invariants.js';
import { createRelaysWorkload } from '../../../src/sim/workloads/relays.js';
import { produce, testKey } from '../../helpers/chain.js';
import { testSimContext } from '../../helpers/sim-context.js';
import { codeOf, startStakingChain } from '../../helpers/staking.js';
const POKT = 1000000n;
const keys = Array.from({ length: 15 }, (_, i) => testKey(`sim-relays-${i}`));
const anchor = testKey('sim-relays-anchor');
const genesisApp = testKey('sim-relays-genesis-app');
function chain() {
    return startStakingChain({
        accounts: keys.map((key) => ({ key, balanceUpokt: 1000000n * POKT })),
        validators: [{ key: anchor, tokensUpokt: 1000000n * POKT, chains: ['0001', '0002'] }],
        apps: [{ key: genesisApp, stakeUpokt: 50000n * POKT, chains: ['0001', '0002'] }],
        params: {
            pos: { session_block_frequency: '4', stake_minimum: '15000000000', relays_to_tokens_multiplier: '1000' },
            pocketcore: { session_node_count: '3', proof_waiting_period: '3', claim_expiration: '3', minimum_number_of_proofs: '5', supported_blockchains: ['0001', '0002'] },
        },
    });
}
function run(blocks, seed) {
    const state = chain();
    const workload = createRelaysWorkload({ servicers: 12, apps: 3, maxRelaysPerClaim: 24 });
    const outcomes = new Map();
    const roots = [];
    let minted = 0n;
    let previous = [];
    for (let i = 0; i < blocks; i++) {
        const height = state.chain.meta.get('meta').height + 1;
        const prng = new Prng(BigInt(seed) * 1000003n + BigInt(height));
        const ctx = testSimContext({ state, prng, keys, validatorKeys: [anchor], appKeys: [genesisApp], txsPerBlock: 10, previousBlockTxs: previous, freshKeyName: (h, label) => `sim-relays-fresh-${h}-${label}` });
        const supplyBefore = totalSupply(state.auth);
        const proposals = workload.propose(ctx);
        const result = produce(state, proposals.map((p) => p.bytes));
        proposals.forEach((proposal, index) => {
            const receipt = result.receipts[index];
            assert.is(codeOf(receipt), proposal.expect, `block ${height} tx ${index} ${proposal.label}: ${receipt.log} (seed ${seed})`);
            outcomes.set(proposal.label, (outcomes.get(proposal.label) ?? 0) + 1);
        });
        assert.equal(checkInvariants(state), [], `invariants after block ${height} (seed ${seed})`);
        const events = [...result.beginBlock.flatMap((s) => s.events), ...result.receipts.flatMap((r) => r.events), ...result.endBlock.flatMap((s) => s.events)];
        const blockMint = relayRewardMintedUpokt(events);
        const burned = events.reduce((sum, e) => sum + (e.type === 'ReplayAttackDetected' ? e.burn.burnedUpokt : e.type === 'BlockRewardDistributed' ? e.burnedUpokt : 0n), 0n);
        assert.is(totalSupply(state.auth) - supplyBefore, blockMint - burned, `supply change of block ${height} = relay mint − burns (seed ${seed})`);
        minted += blockMint;
        roots.push(result.stateRoot);
        previous = proposals.map((p) => p.bytes);
    }
    return { outcomes, roots, minted };
}
const workload = suite('sim workload "relays": every predicted outcome is the reducer\'s');
workload('120 blocks: every claim and proof kind occurs, every prediction holds, supply moves by mint − burn', () => {
    const { outcomes, minted } = run(120, 11);
    const expected = [
        'relays/stake-servicer',
        'relays/stake-app',
        'relays/claim',
        'relays/claim-over-service',
        'relays/claim-duplicate',
        'relays/claim-too-early',
        'relays/claim-late',
        'relays/proof',
        'relays/proof-retry',
        'relays/proof-too-early',
        'relays/proof-wrong-index',
        'relays/proof-wrong-leaf',
        'relays/proof-tampered',
        'relays/proof-expired',
    ];
    const missing = expected.filter((label) => !outcomes.has(label));
    assert.equal(missing, [], `labels never proposed: ${missing.join(', ')} (seen: ${JSON.stringify([...outcomes])})`);
    assert.ok(outcomes.get('relays/proof') >= 20, `valid proofs: ${outcomes.get('relays/proof')}`);
    assert.ok(minted > 0n);
});
workload('the same seed gives the same state root at every height', () => {
    const a = run(40, 5);
    const b = run(40, 5);
    assert.equal(a.roots, b.roots);
});
workload.run();
//# sourceMappingURL=relays-workload.test.js.map