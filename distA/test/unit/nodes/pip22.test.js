/**
 * Goal: the PIP-22 functions reproduce pocket-core's stake-weighted rewards (reward.go:27-51),
 * the BurnForChallenge variant with its ceiling bug (slash.go:16-40) and the VEDIT bin rule.
 * Method: TV-2 and TV-3 (x/nodes/keeper/reward_test.go:259-399): the Go tests assert account
 * balances after RewardForRelays, i.e. the node's share after splitRewards; we compute the
 * minted coins with pip22RewardCoins and apply a minimal local copy of splitRewards
 * (trunc(r·DAO/100 + r·Proposer/100), x/nodes/keeper/params.go:148-165) — the real split lives
 * in the rewards module. Expected balances are written as the Go tests state them. Plus the
 * worked examples of pip22.ts.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { InvariantError } from '../../../src/core/assert.js';
import { Dec } from '../../../src/core/bigdec.js';
import { pip22Bin, pip22ChallengeBurnBin, pip22ChallengeBurnCoins, pip22ChallengeBurnFlooredStake, pip22EditStakeReachesHigherBin, pip22FloorToBin, pip22FlooredStake, pip22ParamsOf, pip22RewardCoins, pip22Weight, pip22WeightForBin, } from '../../../src/modules/nodes/pip22.js';
const dec = (text) => Dec.fromString(text);
const E9 = 1000000000n;
/** Node share after splitRewards with DAO 10 %, proposer 1 % (types.DefaultParams). */
function nodeShareAfterSplit(coins, daoAllocation = 10n, proposerAllocation = 1n) {
    const reward = Dec.fromInt(coins);
    const dao = reward.mul(Dec.fromInt(daoAllocation).quoInt64(100));
    const proposer = reward.mul(Dec.fromInt(proposerAllocation).quoInt64(100));
    return coins - dao.add(proposer).truncateInt();
}
// reward_test.go:276-282 / 354-360: DefaultServicerStakeFloorMultiplier (15e9), W = 1, E = 1.
const tv2 = { floorMultiplierUpokt: 15n * E9, weightCeilingUpokt: 60n * E9, weightMultiplier: dec('1'), exponent: dec('1') };
const tv3 = { ...tv2, weightCeilingUpokt: 15n * E9 };
const RTTM = 1000n; // DefaultRelaysToTokensMultiplier in the keeper tests
const RELAYS = 10000n; // reward_test.go:292, 368
/** reward_test.go:294, 370: base = trunc((1 / W) · numRelays · 0.89) · RTTM, as the Go test computes it. */
const base = dec('1').quo(tv2.weightMultiplier).mul(Dec.fromInt(RELAYS)).mul(Dec.withPrecision(89, 2)).truncateInt() * RTTM;
const goTests = suite('nodes/pip22: TV-2 and TV-3 (reward_test.go:259-399)');
goTests('the Go test\'s base reward is 8,900,000', () => {
    assert.is(base, 8900000n);
});
goTests('TV-2: stakes 15e9·k earn base·k = 8,900,000 / 17,800,000 / 26,700,000 / 35,600,000 (reward_test.go:318-335)', () => {
    for (const k of [1n, 2n, 3n, 4n]) {
        const coins = pip22RewardCoins(RELAYS, RTTM, 15n * E9 * k, tv2);
        assert.is(nodeShareAfterSplit(coins), base * k, `k = ${k}`);
    }
});
goTests('TV-3: with C = 15e9, stakes 15e9 and 30e9 both earn base (reward_test.go:390-397)', () => {
    assert.is(nodeShareAfterSplit(pip22RewardCoins(RELAYS, RTTM, 15n * E9, tv3)), base);
    assert.is(nodeShareAfterSplit(pip22RewardCoins(RELAYS, RTTM, 30n * E9, tv3)), base);
});
goTests('TV-2 [derived]: minted coins 10,000,000·k and the inexact weights of PROTOCOL §11', () => {
    const weights = ['1.000000000000000000', '2.000000000000000037', '3.000000000000000158', '4.000000000000000149'];
    for (const k of [1n, 2n, 3n, 4n]) {
        assert.is(pip22RewardCoins(RELAYS, RTTM, 15n * E9 * k, tv2), 10000000n * k);
        assert.is(pip22Weight(15n * E9 * k, tv2).toString(), weights[Number(k) - 1]);
    }
});
const formulas = suite('nodes/pip22: formulas and worked examples');
formulas('floor, bin and ceiling (pip22.ts examples)', () => {
    assert.is(pip22FloorToBin(44900000000n, 15n * E9), 30n * E9);
    assert.is(pip22FloorToBin(45n * E9, 15n * E9), 45n * E9);
    assert.is(pip22FlooredStake(44900000000n, tv2), 30n * E9);
    assert.is(pip22FlooredStake(100n * E9, tv2), 60n * E9);
    assert.is(pip22Bin(44900000000n, tv2), 2n);
    assert.is(pip22Bin(14999999999n, tv2), 0n);
    assert.is(pip22Weight(14999999999n, tv2).toString(), '0.000000000000000000');
    assert.is(pip22RewardCoins(RELAYS, RTTM, 14999999999n, tv2), 0n);
    // C not a multiple of F: the reward floors the ceiling to its bin, 50e9 → 45e9.
    assert.is(pip22FlooredStake(100n * E9, { ...tv2, weightCeilingUpokt: 50n * E9 }), 45n * E9);
});
formulas('reward example: bin 3 → trunc(10,000,000 · 3.000000000000000158) = 30,000,000', () => {
    assert.is(pip22RewardCoins(RELAYS, RTTM, 45n * E9, tv2), 30000000n);
});
formulas('docs snapshot W = 2.735: weight = FracPow(bin) quo W, rounded half-even', () => {
    const snapshot = { ...tv2, weightMultiplier: dec('2.735') };
    assert.is(pip22WeightForBin(4n, snapshot).scaled, dec('4.000000000000000149').quo(dec('2.735')).scaled);
    assert.is(pip22WeightForBin(4n, snapshot).toString(), '1.462522851919561298');
});
formulas('bins from 499 up get weight 1/W: FracPow swallows the ApproxRoot overflow', () => {
    assert.is(pip22WeightForBin(498n, tv2).toString(), '498.000000000000043776');
    assert.is(pip22WeightForBin(499n, tv2).toString(), '1.000000000000000000');
    assert.is(pip22WeightForBin(499n, { ...tv2, weightMultiplier: dec('2') }).toString(), '0.500000000000000000');
});
formulas('challenge burn uses C − (stake mod F): one bin less for 61e9 (slash.go:29)', () => {
    assert.is(pip22ChallengeBurnFlooredStake(61n * E9, tv2), 59n * E9);
    assert.is(pip22ChallengeBurnBin(61n * E9, tv2), 3n);
    assert.is(pip22Bin(61n * E9, tv2), 4n);
    assert.is(pip22ChallengeBurnCoins(3n, RTTM, 61n * E9, tv2), 9000n);
    assert.is(pip22RewardCoins(3n, RTTM, 61n * E9, tv2), 12000n);
    // No effect when the stake is a multiple of F, or below the ceiling.
    assert.is(pip22ChallengeBurnBin(75n * E9, tv2), 4n);
    assert.is(pip22ChallengeBurnBin(44900000000n, tv2), 2n);
});
formulas('VEDIT: below the ceiling an edit must reach a strictly higher bin (valStateChanges.go:224-233)', () => {
    assert.is(pip22EditStakeReachesHigherBin(44n * E9, 31n * E9, tv2), false);
    assert.is(pip22EditStakeReachesHigherBin(45n * E9, 31n * E9, tv2), true);
    assert.is(pip22EditStakeReachesHigherBin(45n * E9, 45n * E9, tv2), false);
    assert.is(pip22EditStakeReachesHigherBin(60n * E9, 59n * E9, tv2), true);
    assert.is(pip22EditStakeReachesHigherBin(61n * E9, 61n * E9, tv2), true);
});
formulas('F = 0 or W = 0 (unvalidated governance values) throw where Go panics', () => {
    assert.throws(() => pip22Bin(15n * E9, { ...tv2, floorMultiplierUpokt: 0n }), (error) => error instanceof InvariantError);
    assert.throws(() => pip22Weight(15n * E9, { ...tv2, weightMultiplier: dec('0') }), (error) => error instanceof InvariantError);
});
formulas('pip22ParamsOf maps the pos params record', () => {
    const params = pip22ParamsOf({
        servicerStakeFloorMultiplier: 15n * E9,
        servicerStakeWeightCeiling: 60n * E9,
        servicerStakeWeightMultiplier: dec('2.735'),
        servicerStakeFloorMultiplierExponent: dec('1'),
    });
    assert.is(params.floorMultiplierUpokt, 15n * E9);
    assert.is(params.weightCeilingUpokt, 60n * E9);
    assert.is(params.weightMultiplier.toString(), '2.735000000000000000');
    assert.is(params.exponent.toString(), '1.000000000000000000');
});
goTests.run();
formulas.run();
//# sourceMappingURL=pip22.test.js.map