/**
 * slashing — the public face: validator signing info, downtime, double-sign evidence, jail,
 * unjail and slashes (PROTOCOL §6.5–§6.8). Depends on ../nodes (validators, force unstakes);
 * nodes never imports slashing: the signing info a stake creates is written here
 * (stake-signing-info.ts: a SigningInfoSet event after the stake; evolve.ts `slashingFollowUps`
 * deletes it with the unstaked validator).
 *
 *   state.ts        signing info, missed bits, window math      events.ts / evolve.ts  events, writers
 *   downtime.ts     missed votes → slash + jail                 double-sign.ts  evidence check and effect
 *   jail.ts         jailed-blocks counter                       unjail.ts       UnjailNode decider
 *   slash.ts        the slash plan                              hooks.ts        the block steps
 *   genesis.ts      InitGenesis slice
 */
export * from './state.js';
export * from './events.js';
export * from './evolve.js';
export * from './genesis.js';
export * from './hooks.js';
export * from './queries.js';
export * from './slash.js';
export * from './unjail.js';
export * from './stake-signing-info.js';
export { checkEvidence, maxEvidenceAgeBlocks } from './double-sign.js';
export {} from './downtime.js';
export {} from './jail.js';
//# sourceMappingURL=index.js.map