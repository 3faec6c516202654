/**
 * The fast-check seed of a property suite: FC_SEED from the environment to replay a failure,
 * otherwise a fixed default. Printed so any failing run can be replayed exactly.
 */
export function fastCheckSeed(suiteName, fallback = 20_251_122) {
    const fromEnv = process.env['FC_SEED'];
    const seed = fromEnv === undefined ? fallback : Number(fromEnv);
    if (!Number.isSafeInteger(seed))
        throw new Error(`FC_SEED must be an integer, got ${fromEnv}`);
    console.log(`[${suiteName}] fast-check seed ${seed} (replay: FC_SEED=${seed})`);
    return seed;
}
//# sourceMappingURL=fc-seed.js.map