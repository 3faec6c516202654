/**
 * apps — the public face: application staking, unstaking and jail, MaxRelays, the staked-app count.
 * Other modules, chain/ and the outer layers import this file, never the files behind it.
 */
export * from './state.js';
export * from './events.js';
export * from './staking.js';
export * from './unstaking.js';
export * from './evolve.js';
export * from './genesis.js';
export * from './queries.js';
export * from './selectors.js';
export * from './max-relays.js';
export * from './staked-count.js';
export * from './hooks.js';
//# sourceMappingURL=index.js.map