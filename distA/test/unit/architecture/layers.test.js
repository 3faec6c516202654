/**
 * Goal: no lower layer imports a higher one, and modules are used only through their index.ts
 * (README "Architecture"; the rules and the layer list: test/helpers/import-graph.ts).
 * Method: parse the import statements of every src/**\/*.ts and check each edge; the checker
 * itself is shown to catch each kind of violation on planted edges.
 */
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { importGraph, importsOf, layeringViolations } from '../../helpers/import-graph.js';
import { repoRoot } from '../../helpers/paths.js';
const test = suite('architecture');
test('src/ keeps the layer order and imports modules only through their index.ts', () => {
    const edges = importGraph(join(repoRoot(), 'src'));
    assert.ok(edges.length > 500, `only ${edges.length} imports found: the parser missed most of them`);
    assert.equal(layeringViolations(edges), []);
});
test('the parser finds static, re-export, type-only, side-effect and dynamic imports', () => {
    const text = [
        "import { a } from '../core/hex.js';",
        "import type { B } from './b.js';",
        "export * from '../wire/index.js';",
        "import '../log/lock.js';",
        "const m = await import('../cli/main.js');",
        "import { readFileSync } from 'node:fs';",
    ].join('\n');
    assert.equal(importsOf('chain/x.ts', text).map((edge) => edge.to), ['core/hex.ts', 'chain/b.ts', 'wire/index.ts', 'log/lock.ts', 'cli/main.ts']);
});
test('a planted upward import, a module internal reached from outside and a module cycle are each caught', () => {
    assert.equal(layeringViolations([{ from: 'core/hex.ts', to: 'chain/ledger-state.ts' }]), ['core/hex.ts → chain/ledger-state.ts: layer core imports the higher layer chain']);
    assert.equal(layeringViolations([{ from: 'chain/hooks.ts', to: 'modules/nodes/hooks.ts' }]), [
        'chain/hooks.ts → modules/nodes/hooks.ts: outside module nodes, import modules/nodes/index.ts',
    ]);
    assert.equal(layeringViolations([{ from: 'modules/nodes/staking.ts', to: 'modules/slashing/index.ts' }]), [
        'modules/nodes/staking.ts → modules/slashing/index.ts: module nodes imports the higher module slashing',
    ]);
    assert.equal(layeringViolations([{ from: 'mystery/x.ts', to: 'core/hex.ts' }]), ['mystery/x.ts → core/hex.ts: mystery/x.ts is in no layer (add it to LAYERS)']);
    // Allowed: the same layer, a lower layer, a lower module's index, a module's own files.
    assert.equal(layeringViolations([
        { from: 'chain/hooks.ts', to: 'chain/events.ts' },
        { from: 'chain/hooks.ts', to: 'modules/nodes/index.ts' },
        { from: 'modules/slashing/jail.ts', to: 'modules/nodes/index.ts' },
        { from: 'modules/nodes/staking.ts', to: 'modules/nodes/state.ts' },
    ]), []);
});
test.run();
//# sourceMappingURL=layers.test.js.map