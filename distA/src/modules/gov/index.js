/**
 * gov — the public face: parameters and their ACL, ParamChange, DAOTransfer, Upgrade, feature activation.
 * Other modules, chain/ and the outer layers import this file, never the files behind it.
 */
export * from './state.js';
export * from './events.js';
export * from './decide.js';
export * from './evolve.js';
export * from './genesis.js';
export * from './queries.js';
export * from './activation.js';
export * from './features.js';
export * from './param-value.js';
export * from './hooks.js';
//# sourceMappingURL=index.js.map