/**
 * The ledger's version, the one constant every surface names: `pokt-ledger --version`, the query
 * service's /v1 answer and OpenAPI document, and the audit report's provenance. In core/ so the
 * lowest layer that needs it (the audit) may import it; equal to package.json's "version"
 * (test/unit/core/version.test.ts).
 */
export const LEDGER_VERSION_NUMBER = '0.1.0';
export const LEDGER_VERSION = `pokt-ledger ${LEDGER_VERSION_NUMBER}`;
