/**
 * policy's genesis slice: none. It has no tables (./state.ts); its one parameter,
 * application/ApplicationBurnRate, is a gov parameter like every other (src/params/registry.ts)
 * and starts at its genesis value through gov's parameter table (modules/gov/genesis.ts).
 */
export type PolicyGenesis = Record<string, never>;
