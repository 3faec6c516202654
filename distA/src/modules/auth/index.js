/**
 * auth — the public face: accounts and balances (bank.ts: the only way tokens move), supply, the tx index, fees, Send.
 * Other modules, chain/ and the outer layers import this file, never the files behind it.
 */
export * from './state.js';
export * from './events.js';
export * from './decide.js';
export * from './evolve.js';
export * from './genesis.js';
export * from './queries.js';
export * from './bank.js';
export * from './fees.js';
//# sourceMappingURL=index.js.map