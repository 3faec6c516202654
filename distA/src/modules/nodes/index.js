/**
 * nodes (pos) — the public face: what other modules, chain/ and the outer layers may use.
 * Staking, unstaking, the validator set and the proposer lottery, block and relay rewards
 * (the delegator split, PIP-22). Jail, unjail, downtime and double-sign slashes: ../slashing.
 *
 *   state.ts        validators, validator set, waiting set      events.ts / evolve.ts  events, writers
 *   staking.ts      StakeNode decider (stake, edit stake)       unstaking.ts  BeginUnstakeNode, unstake plans
 *   hooks.ts        block reward, validator-set update          genesis.ts    InitGenesis slice
 *   validator-set.ts, power-index.ts, unstaking-queue.ts        derived rankings and queues
 *   proposer.ts     ticket lottery                              block-reward.ts, reward-split.ts, pip22.ts
 *   selectors.ts    read-only questions other modules ask       queries.ts    RPC-shaped queries
 */
export * from './state.js';
export * from './events.js';
export * from './evolve.js';
export * from './genesis.js';
export * from './hooks.js';
export * from './staking.js';
export * from './unstaking.js';
export * from './unstaking-queue.js';
export * from './validator-set.js';
export * from './power-index.js';
export * from './proposer.js';
export * from './block-reward.js';
export * from './reward-split.js';
export * from './pip22.js';
export * from './selectors.js';
export * from './queries.js';
//# sourceMappingURL=index.js.map