/**
 * pocketcore — the public face (PROTOCOL §3–§5): sessions, relay evidence and the MSI tree, claims
 * and proofs, relay rewards and replay burns as plans, events, queries.
 *
 *   session-heights.ts    SBH arithmetic            session.ts            header, key, node walk
 *   session-candidates.ts chain index memo          session-service.ts    sessions on the right states
 *   msi-tree.ts           Merkle sum-index tree     proof-index.ts        pseudorandom leaf index
 *   claim.ts / proof.ts   the deciders              rewards.ts            reward and burn plans
 *   state.ts, claim-index.ts, history.ts, hooks.ts, events.ts, evolve.ts, queries.ts, view.ts
 */
export * from './session-heights.js';
export * from './session.js';
export * from './session-candidates.js';
export * from './session-service.js';
export * from './msi-tree.js';
export * from './proof-index.js';
export * from './claim.js';
export * from './proof.js';
export * from './rewards.js';
export * from './events.js';
export * from './evolve.js';
export * from './state.js';
export * from './claim-index.js';
export * from './history.js';
export * from './hooks.js';
export * from './queries.js';
export * from './view.js';
export * from './genesis.js';
//# sourceMappingURL=index.js.map