/**
 * apps BeginBlock / EndBlock steps (ordered with the other modules' steps in chain/hooks.ts):
 * EndBlock — return the stakes of applications whose unbonding time has passed
 * (x/apps/keeper/abci.go EndBlocker → unstakeAllMatureApplications; ./unstaking.ts).
 */
export { unstakeMatureApplications } from './unstaking.js';
//# sourceMappingURL=hooks.js.map