/**
 * CHANGE DETECTOR for PIP-22 stake weighting: test/vectors/pip22.change-detector.json.
 * Its outputs are produced by the code under test (change, not correctness); the independent
 * check is the python oracle (test/oracle/, verdicts in test/oracle/verdicts/pip22.json).
 *
 * Three kinds of case (input.kind):
 *   weightForBin  the weight of bins 0..20 (and the 498/499/500 overflow edge) under several (E, W)
 *   stake         one stake under one param set: floored stake, bin, weight, reward coins, and
 *                 the BurnForChallenge floor/bin/coins with pocket's ceiling bug
 *   editStake     the VEDIT "must reach a higher bin" rule
 * Outputs come from src/modules/nodes/pip22.ts; the Go-test anchors (TV-2, TV-3) are asserted by
 * test/unit/nodes/pip22-vectors.test.ts. Regenerate with `npm run vectors`; never edit by hand.
 */
import { Dec } from '../../../src/core/bigdec.js';
import { pip22Bin, pip22ChallengeBurnBin, pip22ChallengeBurnCoins, pip22ChallengeBurnFlooredStake, pip22EditStakeReachesHigherBin, pip22FlooredStake, pip22RewardCoins, pip22Weight, pip22WeightForBin, } from '../../../src/modules/nodes/pip22.js';
export const PIP22_VECTORS_FILE = 'pip22.change-detector.json';
const GIGA = 1000000000n;
export function pip22ParamsFromJson(json) {
    const dec = (text) => {
        const value = Dec.fromString(text);
        if (value === undefined)
            throw new Error(`pip22 vector: bad Dec ${text}`);
        return value;
    };
    return {
        floorMultiplierUpokt: BigInt(json.floorMultiplierUpokt),
        weightCeilingUpokt: BigInt(json.weightCeilingUpokt),
        weightMultiplier: dec(json.weightMultiplier),
        exponent: dec(json.exponent),
    };
}
const params = (floorGiga, ceilingGiga, weightMultiplier, exponent) => ({
    floorMultiplierUpokt: (floorGiga * GIGA).toString(),
    weightCeilingUpokt: (ceilingGiga * GIGA).toString(),
    weightMultiplier,
    exponent,
});
/** TV-2 (reward_test.go:259-337): F = 15e9, C = 60e9, W = 1, E = 1. */
export const TV2_PARAMS = params(15n, 60n, '1', '1');
/** TV-3 (reward_test.go:339-399): as TV-2 with C = 15e9. */
export const TV3_PARAMS = params(15n, 15n, '1', '1');
/** The docs-snapshot values (PROTOCOL §2.2): C = 60e9, F = 15e9, W = 2.735, E = 1. */
export const DOCS_SNAPSHOT_PARAMS = params(15n, 60n, '2.735', '1');
/** Computes a case's output with our implementation. */
export function evaluatePip22Case(input) {
    const p = pip22ParamsFromJson(input.params);
    switch (input.kind) {
        case 'weightForBin':
            return { weight: pip22WeightForBin(BigInt(input.bin), p).toString() };
        case 'stake': {
            const stake = BigInt(input.stakeUpokt);
            return {
                flooredStakeUpokt: pip22FlooredStake(stake, p).toString(),
                bin: pip22Bin(stake, p).toString(),
                weight: pip22Weight(stake, p).toString(),
                rewardCoinsUpokt: pip22RewardCoins(BigInt(input.relays), BigInt(input.multiplierUpoktPerRelay), stake, p).toString(),
                challengeBurnFlooredStakeUpokt: pip22ChallengeBurnFlooredStake(stake, p).toString(),
                challengeBurnBin: pip22ChallengeBurnBin(stake, p).toString(),
                challengeBurnCoinsUpokt: pip22ChallengeBurnCoins(BigInt(input.challenges), BigInt(input.multiplierUpoktPerRelay), stake, p).toString(),
            };
        }
        case 'editStake':
            return {
                reachesHigherBin: pip22EditStakeReachesHigherBin(BigInt(input.newValueUpokt), BigInt(input.currentTokensUpokt), p),
            };
    }
}
function build(description, input) {
    return { description, input, output: evaluatePip22Case(input) };
}
function weightCases() {
    const sets = [
        ['E=1, W=1', TV2_PARAMS],
        ['E=0.5, W=1', params(15n, 60n, '1', '0.5')],
        ['E=0.75, W=1', params(15n, 60n, '1', '0.75')],
        ['E=1.25, W=1', params(15n, 60n, '1', '1.25')],
        ['E=1.5, W=1', params(15n, 60n, '1', '1.5')],
        ['docs snapshot E=1, W=2.735', DOCS_SNAPSHOT_PARAMS],
    ];
    const cases = [];
    for (const [label, set] of sets) {
        for (let bin = 0; bin <= 20; bin++) {
            cases.push(build(`weight of bin ${bin}, ${label}`, { kind: 'weightForBin', bin: String(bin), params: set }));
        }
    }
    // 100th-root overflow edge: from bin 499 ApproxRoot fails inside and FracPow yields 1 (weight 1/W).
    for (const bin of [498, 499, 500, 1000]) {
        cases.push(build(`weight of bin ${bin}, E=1, W=1 (ApproxRoot overflow edge)`, { kind: 'weightForBin', bin: String(bin), params: TV2_PARAMS }));
    }
    return cases;
}
function stakeCases() {
    const cases = [];
    const stake = (label, stakeUpokt, set, multiplier = 1000n) => {
        cases.push(build(label, {
            kind: 'stake',
            stakeUpokt: stakeUpokt.toString(),
            relays: '10000',
            multiplierUpoktPerRelay: multiplier.toString(),
            challenges: '3',
            params: set,
        }));
    };
    for (let k = 1n; k <= 4n; k++)
        stake(`TV-2: stake ${k}×15e9, C=60e9, E=1, W=1, RTTM 1000, 10,000 relays`, 15n * GIGA * k, TV2_PARAMS);
    for (let k = 1n; k <= 2n; k++)
        stake(`TV-3: stake ${k}×15e9, C=15e9 (bin capped at 1)`, 15n * GIGA * k, TV3_PARAMS);
    const extra = [
        ['below F: bin 0, no reward', 14999999999n],
        ['just below bin 3', 44999999999n],
        ['exactly the ceiling', 60n * GIGA],
        ['ceiling + 1 uPOKT: burn uses one bin less (slash.go:29 bug)', 60n * GIGA + 1n],
        ['61e9: burn bin 3, reward bin 4', 61n * GIGA],
        ['75e9 (a multiple of F above C): no bug effect', 75n * GIGA],
        ['100e9', 100n * GIGA],
    ];
    for (const [label, value] of extra)
        stake(`${label}, TV-2 params`, value, TV2_PARAMS);
    for (const [label, value] of extra)
        stake(`${label}, docs snapshot params, RTTM 485`, value, DOCS_SNAPSHOT_PARAMS, 485n);
    for (let k = 1n; k <= 4n; k++)
        stake(`docs snapshot: stake ${k}×15e9, RTTM 485`, 15n * GIGA * k, DOCS_SNAPSHOT_PARAMS, 485n);
    // A ceiling that is not a multiple of F: the reward floors C, the buggy burn does not.
    const oddCeiling = params(15n, 50n, '1', '1');
    for (const value of [45n * GIGA, 46n * GIGA, 59n * GIGA, 61n * GIGA])
        stake(`C=50e9 (not a multiple of F), stake ${value}`, value, oddCeiling);
    // Mainnet-era RTTM and non-unit exponents.
    stake('E=0.75, W=1, stake 60e9, RTTM 2109', 60n * GIGA, params(15n, 60n, '1', '0.75'), 2109n);
    stake('E=1.5, W=1.25, stake 45e9, RTTM 2109', 45n * GIGA, params(15n, 60n, '1.25', '1.5'), 2109n);
    return cases;
}
function editStakeCases() {
    const rows = [
        [44n * GIGA, 31n * GIGA],
        [45n * GIGA, 31n * GIGA],
        [45n * GIGA, 45n * GIGA],
        [59n * GIGA, 45n * GIGA],
        [60n * GIGA, 59n * GIGA],
        [61n * GIGA, 61n * GIGA],
        [30n * GIGA, 29999999999n],
    ];
    return rows.map(([newValue, current]) => build(`edit stake ${current} → ${newValue}, F=15e9, C=60e9`, {
        kind: 'editStake',
        newValueUpokt: newValue.toString(),
        currentTokensUpokt: current.toString(),
        params: TV2_PARAMS,
    }));
}
export function buildPip22Vectors() {
    return {
        kind: 'change detector: outputs produced by the code under test; correctness is checked by test/oracle (python)',
        title: 'PIP-22 stake-weighted servicer rewards',
        summary: 'Bin, weight = FracPow(bin, E, 100) / W, reward coins = trunc(M·relays·weight) (x/nodes/keeper/reward.go:27-51), the BurnForChallenge variant with its ceiling bug (slash.go:16-40) and the VEDIT higher-bin rule (valStateChanges.go:224-233). Amounts in uPOKT as decimal strings; Decs in String() form. Generated by test/gen/vectors/pip22.ts; never edit by hand.',
        generator: 'test/gen/vectors/pip22.ts',
        cases: [...weightCases(), ...stakeCases(), ...editStakeCases()],
    };
}
export const pip22VectorsModule = { file: PIP22_VECTORS_FILE, build: buildPip22Vectors };
//# sourceMappingURL=pip22.js.map