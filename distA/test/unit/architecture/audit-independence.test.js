/**
 * Goal: the audit's recomputation is a second implementation — src/audit/independent/ imports
 * only decoders and plain layers (test/helpers/import-graph.ts AUDIT_INDEPENDENT_IMPORTS, with
 * the reason for each), and nothing under src/audit/ imports the modules' plan/decide/evolve
 * functions or the reducer.
 * Method: the real import graph must have no violation; planted edges show the check catches each kind.
 */
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { auditIndependenceViolations, importGraph } from '../../helpers/import-graph.js';
import { repoRoot } from '../../helpers/paths.js';
const test = suite('architecture: audit independence');
test('src/audit imports no rule of the reducer; its recomputation only decoders and plain layers', () => {
    const edges = importGraph(join(repoRoot(), 'src')).filter((e) => e.from.startsWith('audit/'));
    assert.ok(edges.some((e) => e.from.startsWith('audit/independent/')), 'no audit/independent imports found');
    assert.equal(auditIndependenceViolations(edges), []);
});
test('planted imports of a plan function, the reducer, the projection and runtime are each caught', () => {
    const planted = [
        { from: 'audit/independent/economics.ts', to: 'modules/nodes/index.ts' },
        { from: 'audit/independent/shadow.ts', to: 'chain/apply-block.ts' },
        { from: 'audit/independent/shadow.ts', to: 'projection/queries.ts' },
        { from: 'audit/audit.ts', to: 'modules/pocketcore/index.ts' },
        { from: 'audit/what-if.ts', to: 'chain/evolve.ts' },
    ];
    assert.equal(auditIndependenceViolations(planted).length, planted.length);
    assert.equal(auditIndependenceViolations([
        { from: 'audit/independent/inputs.ts', to: 'chain/record.ts' },
        { from: 'audit/independent/inputs.ts', to: 'wire/index.ts' },
        { from: 'audit/audit.ts', to: 'projection/run.ts' },
    ]), []);
});
test.run();
//# sourceMappingURL=audit-independence.test.js.map