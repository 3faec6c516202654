/**
 * policy steps (ordered with the other modules' steps in chain/hooks.ts): EndBlock — burn
 * application stakes against the block's relay-reward mint (./application-burn.ts).
 */
export { burnApplicationStakes } from './application-burn.js';
//# sourceMappingURL=hooks.js.map