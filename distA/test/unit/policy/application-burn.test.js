/**
 * Goal: ApplicationBurnRate (PROTOCOL §14, src/modules/policy/application-burn.ts) burns app
 * stakes in proportion to each block's relay-reward mint, pro rata to stake, never below 1 POKT,
 * leaving MaxRelays alone; with rate 1 supply stays flat over a period with relays (mint = burn),
 * with rate 0 (the default, pocket-core) supply grows by exactly the minted rewards.
 * Method: the plan on the worked examples of its TSDoc and on seeded random inputs (properties:
 * burned = min(target, Σ headroom), no app below 1 POKT, uncapped burns within 1 uPOKT of the
 * exact pro-rata share); then the relay test chain driving real claims and proofs for three
 * sessions, block by block comparing supply with the RelaysRewarded and ApplicationStakeBurned
 * events.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Dec } from '../../../src/core/bigdec.js';
import { Prng } from '../../../src/core/prng.js';
import { balanceOf, totalSupply } from '../../../src/modules/auth/bank.js';
import { MODULE_ADDRESSES } from '../../../src/modules/auth/state.js';
import { StakeStatus } from '../../../src/modules/nodes/state.js';
import { APPLICATION_BURN_FLOOR_UPOKT, planApplicationBurn } from '../../../src/modules/policy/application-burn.js';
import { checkInvariants } from '../../../src/sim/invariants.js';
import { produce } from '../../helpers/chain.js';
import { eventsOfType } from '../../helpers/gov-chain.js';
import { appKey, claimTx, codeOf, evidenceOf, headerOf, heightOf, keyOf, proofTx, requiredIndex, sessionAtEnd, startRelayChain } from '../../helpers/relays.js';
const ONE = Dec.ONE;
const addr = (c) => c.repeat(40);
function app(address, stakeUpokt, status = StakeStatus.Staked) {
    return { address, publicKey: '00'.repeat(32), jailed: false, status, chains: ['0001'], stakedTokensUpokt: stakeUpokt, maxRelays: 100n, unstakingTimeNs: null };
}
const plan = suite('policy: application burn plan');
plan('worked example: mint 1,000,000 over A 3 POKT, B 1.5 POKT, C 1 POKT → A 666,667, B 333,333, C nothing', () => {
    const result = planApplicationBurn([app(addr('a'), 3000000n), app(addr('b'), 1500000n), app(addr('c'), 1000000n)], 1000000n, ONE);
    assert.equal(result.lines, [
        { address: addr('a'), burnedUpokt: 666667n, stakeAfterUpokt: 2333333n },
        { address: addr('b'), burnedUpokt: 333333n, stakeAfterUpokt: 1166667n },
    ]);
    assert.equal([result.targetUpokt, result.burnedUpokt, result.shortfallUpokt], [1000000n, 1000000n, 0n]);
});
plan('worked example: mint 2,000,000 → B capped at its headroom 500,000, A takes the remaining 1,500,000', () => {
    const result = planApplicationBurn([app(addr('a'), 3000000n), app(addr('b'), 1500000n)], 2000000n, ONE);
    assert.equal(result.lines.map((l) => [l.address, l.burnedUpokt]), [[addr('a'), 1500000n], [addr('b'), 500000n]]);
});
plan('more than the apps can cover: every app down to exactly 1 POKT, the rest is a shortfall', () => {
    const result = planApplicationBurn([app(addr('a'), 3000000n), app(addr('b'), 1500000n)], 9000000n, ONE);
    assert.equal(result.lines.map((l) => l.stakeAfterUpokt), [APPLICATION_BURN_FLOOR_UPOKT, APPLICATION_BURN_FLOOR_UPOKT]);
    assert.equal([result.burnedUpokt, result.shortfallUpokt], [2500000n, 6500000n]);
});
plan('rate 0.5 burns half the mint (truncated); rate 0 or no mint burns nothing; Unstaking apps are not burned', () => {
    const apps = [app(addr('a'), 10000000n), app(addr('b'), 10000000n, StakeStatus.Unstaking)];
    const half = planApplicationBurn(apps, 1001n, Dec.fromString('0.5'));
    assert.equal([half.targetUpokt, half.lines.map((l) => l.address)], [500n, [addr('a')]]);
    assert.equal(planApplicationBurn(apps, 1000n, Dec.ZERO).lines, []);
    assert.equal(planApplicationBurn(apps, 0n, ONE).lines, []);
});
plan('seeded properties: burned = min(target, Σ headroom); nobody below 1 POKT; uncapped burns within 1 uPOKT of the exact share', () => {
    const seed = 0x5eedab12n;
    const prng = new Prng(seed);
    for (let run = 0; run < 300; run++) {
        const count = 1 + prng.int(8);
        const apps = Array.from({ length: count }, (_, i) => app(addr('0123456789abcdef'[i]), 1000000n + BigInt(prng.int(50_000_000))));
        const minted = BigInt(prng.int(80_000_000));
        const result = planApplicationBurn(apps, minted, ONE);
        const headroom = apps.reduce((sum, a) => sum + a.stakedTokensUpokt - APPLICATION_BURN_FLOOR_UPOKT, 0n);
        const expected = minted < headroom ? minted : headroom;
        assert.is(result.burnedUpokt, expected, `seed ${seed} run ${run}`);
        for (const line of result.lines)
            assert.ok(line.stakeAfterUpokt >= APPLICATION_BURN_FLOOR_UPOKT, `seed ${seed} run ${run}`);
        if (minted * 2n < headroom && result.lines.every((l) => l.stakeAfterUpokt > APPLICATION_BURN_FLOOR_UPOKT)) {
            const total = apps.reduce((sum, a) => sum + a.stakedTokensUpokt, 0n);
            for (const line of result.lines) {
                const stake = apps.find((a) => a.address === line.address).stakedTokensUpokt;
                const exactTimesTotal = minted * stake; // share × total
                const diff = line.burnedUpokt * total - exactTimesTotal;
                assert.ok(diff > -total && diff < total, `seed ${seed} run ${run}: ${line.address} burned ${line.burnedUpokt}`);
            }
        }
    }
});
// ---------------------------------------------------------------------------------------------
const SESSIONS = [1, 5, 9];
/** Claims at SBH + 4 and proofs at SBH + 12 for every node of sessions 1, 5 and 9; blocks 1..22. */
function runRelayPeriod(state) {
    const pending = new Map();
    const results = [];
    for (let h = 1; h <= 22; h++) {
        const txs = [];
        for (const s of SESSIONS) {
            if (h === s + 4) {
                const header = headerOf(appKey, '0001', s);
                const work = sessionAtEnd(state, header).nodes.map((address) => {
                    const node = keyOf(address);
                    return { node, evidence: evidenceOf(header, node, 10 + s) };
                });
                pending.set(s, work);
                for (const { node, evidence } of work)
                    txs.push(claimTx(node, evidence));
            }
            if (h === s + 12)
                for (const { node, evidence } of pending.get(s))
                    txs.push(proofTx(node, evidence, requiredIndex(state, evidence)));
        }
        const result = produce(state, txs);
        assert.equal(result.receipts.map(codeOf), txs.map(() => 'ok'), `block ${h}: ${result.receipts.map((r) => r.log).join(' | ')}`);
        assert.equal(checkInvariants(state), [], `invariants after block ${h}`);
        results.push(result);
    }
    assert.is(heightOf(state), 22);
    return results;
}
const minted = (r) => eventsOfType(r, 'RelaysRewarded').reduce((sum, e) => sum + e.plan.mintedUpokt, 0n);
const appBurned = (r) => eventsOfType(r, 'ApplicationStakeBurned').reduce((sum, e) => sum + e.burnedUpokt, 0n);
const supply = suite('policy: ApplicationBurnRate on a chain with relays');
supply('rate 1: every block burns exactly what it mints — supply stays flat over three sessions of claims and proofs', () => {
    const state = startRelayChain({ params: { application: { application_burn_rate: '1' } } });
    const app = state.apps.applications.get(appKey.address);
    let previous = totalSupply(state.auth);
    const results = runRelayPeriod(state).map((result) => {
        const now = totalSupply(state.auth);
        assert.is(now, previous, `supply flat at block ${result.height}`);
        previous = now;
        return result;
    });
    const totalMinted = results.reduce((sum, r) => sum + minted(r), 0n);
    assert.ok(totalMinted > 0n, 'relays were rewarded');
    assert.is(results.reduce((sum, r) => sum + appBurned(r), 0n), totalMinted);
    const after = state.apps.applications.get(appKey.address);
    assert.is(after.stakedTokensUpokt, app.stakedTokensUpokt - totalMinted, 'the only app paid for every relay');
    assert.is(after.maxRelays, app.maxRelays, 'MaxRelays unchanged until the app stakes again');
    assert.is(balanceOf(state.auth, MODULE_ADDRESSES.application_staked_tokens_pool), after.stakedTokensUpokt);
});
supply('rate 0 (default, pocket-core): no burn; supply grows by exactly the minted rewards', () => {
    const state = startRelayChain();
    assert.ok(state.params().application.burnRate.isZero());
    const start = totalSupply(state.auth);
    const results = runRelayPeriod(state);
    const totalMinted = results.reduce((sum, r) => sum + minted(r), 0n);
    assert.ok(totalMinted > 0n);
    assert.equal(results.flatMap((r) => eventsOfType(r, 'ApplicationStakeBurned')), []);
    assert.is(totalSupply(state.auth) - start, totalMinted);
});
plan.run();
supply.run();
//# sourceMappingURL=application-burn.test.js.map