/**
 * slashing BeginBlock / EndBlock steps (x/nodes/keeper/abci.go; ordered with the other modules'
 * steps in chain/hooks.ts): BeginBlock (b) downtime from the last commit (./downtime.ts),
 * (c) double-sign evidence (./double-sign.ts); EndBlock first step: the jailed-blocks counter
 * (./jail.ts).
 */
export { handleValidatorSignatures } from './downtime.js';
export { handleDoubleSignEvidence } from './double-sign.js';
export { incrementJailedBlocks } from './jail.js';
//# sourceMappingURL=hooks.js.map