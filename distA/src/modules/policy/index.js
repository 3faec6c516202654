/**
 * policy — the public face: the ledger's monetary policy beyond pocket-core: application stake burn, calculators.
 * Other modules, chain/ and the outer layers import this file, never the files behind it.
 */
export * from './events.js';
export * from './evolve.js';
export * from './application-burn.js';
export * from './state.js';
export * from './hooks.js';
export * from './genesis.js';
export * from './queries.js';
//# sourceMappingURL=index.js.map