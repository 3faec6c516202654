/**
 * The audit (issue 13): an independent recomputation of every reward line, fee split, burn and
 * slash from the block log, compared with what the ledger recorded, and the supply checked at
 * every block. `runAudit(options) → Promise<AuditSummary>` is the programmatic entry point
 * (used by `pokt-ledger audit` and `npm start`).
 */
export { runAudit, AuditInputError } from './audit.js';
//# sourceMappingURL=index.js.map