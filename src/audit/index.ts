/**
 * The audit (issue 13): an independent recomputation of every reward line, fee split, burn and
 * slash from the block log, compared with what the ledger recorded, and the supply checked at
 * every block. `runAudit(options) → Promise<AuditSummary>` is the programmatic entry point
 * (used by `pokt-ledger audit` and `npm start`).
 */
export { runAudit, AuditInputError, type AuditOptions, type AuditSummary } from './audit.js';
export { scopeUnknown, skippedSnapshotWarning, unknownNodeWarning } from './summary.js';
export type { Mismatch } from './compare.js';
