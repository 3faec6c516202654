/**
 * gov steps (ordered with the other modules' steps in chain/hooks.ts): the header check that
 * halts the chain at an upgrade this ledger does not implement (./features.ts), and BeginBlock's
 * first step, the parameters a feature switches on at its activation height (./activation.ts).
 */
export { upgradeHaltReason } from './features.js';
export { activateFeatureParams } from './activation.js';
//# sourceMappingURL=hooks.js.map