/**
 * The project's import graph and its layering rules, for the architecture test
 * (test/unit/architecture/layers.test.ts; README "Architecture").
 *
 * Layers, lowest first: a file may import its own layer or a lower one, never a higher one.
 * Modules (src/modules/<name>/) also form an order among themselves, and a file outside a
 * module may import only that module's index.ts (its public face).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
/** Lowest first. A path belongs to the first layer whose prefix it starts with. */
export const LAYERS = [
    { name: 'core', prefixes: ['core/'] },
    { name: 'crypto', prefixes: ['crypto/'] },
    { name: 'wire', prefixes: ['wire/'] },
    { name: 'messages', prefixes: ['messages/'] },
    { name: 'params', prefixes: ['params/'] },
    { name: 'state', prefixes: ['state/'] },
    // The genesis document's types, which every module's genesis slice reads; the rest of genesis/
    // (parse, import into a LedgerState, summaries) sits above chain/.
    { name: 'genesis-doc', prefixes: ['genesis/types.ts'] },
    { name: 'modules', prefixes: ['modules/'] },
    { name: 'chain', prefixes: ['chain/'] },
    { name: 'genesis', prefixes: ['genesis/'] },
    { name: 'log/snapshot', prefixes: ['log/', 'snapshot/'] },
    { name: 'runtime', prefixes: ['runtime/'] },
    { name: 'projection', prefixes: ['projection/'] },
    // The audit (issue 13): reads the log, the genesis and the projection; its recomputation
    // (audit/independent/) is held to AUDIT_INDEPENDENT_IMPORTS below.
    { name: 'audit', prefixes: ['audit/'] },
    // The explorer page: static files and a browser client (src/explorer/client) that reads only the
    // query API over HTTP; the query service and the node register it (registerExplorer).
    { name: 'explorer', prefixes: ['explorer/'] },
    // The query service: HTTP routes over a ReadStore (projection/read-store.ts); node and serve use it.
    { name: 'query', prefixes: ['query/'] },
    { name: 'node', prefixes: ['node/'] },
    { name: 'sim', prefixes: ['sim/'] },
    { name: 'cli', prefixes: ['cli/'] },
];
/** Modules, lowest first: a module may import (the index.ts of) a lower one only. */
export const MODULE_ORDER = ['auth', 'gov', 'nodes', 'slashing', 'apps', 'pocketcore', 'policy'];
const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'"]*?\bfrom\s+'([^']+)'|\bimport\(\s*'([^']+)'\s*\)|(?:^|\n)\s*import\s+'([^']+)'/g;
/** The relative imports of one file's text (`file` relative to src/). */
export function importsOf(file, text) {
    const edges = [];
    for (const m of text.matchAll(IMPORT)) {
        const spec = m[1] ?? m[2] ?? m[3];
        if (spec === undefined || !spec.startsWith('.'))
            continue;
        edges.push({ from: file, to: normalize(join(dirname(file), spec)).replace(/\.js$/, '.ts') });
    }
    return edges;
}
/** Every .ts file under `root`, relative to it. */
export function sourceFiles(root, dir = root) {
    const out = [];
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory())
            out.push(...sourceFiles(root, path));
        else if (entry.name.endsWith('.ts'))
            out.push(relative(root, path));
    }
    return out.sort();
}
export function importGraph(srcRoot) {
    return sourceFiles(srcRoot).flatMap((file) => importsOf(file, readFileSync(join(srcRoot, file), 'utf8')));
}
export function layerOf(path) {
    const index = LAYERS.findIndex((layer) => layer.prefixes.some((prefix) => path.startsWith(prefix)));
    return index;
}
function moduleOf(path) {
    return /^modules\/([^/]+)\//.exec(path)?.[1];
}
/** Every broken rule, one sentence each; empty when the graph keeps the layering. */
export function layeringViolations(edges) {
    const problems = [];
    for (const { from, to } of edges) {
        const [source, target] = [layerOf(from), layerOf(to)];
        if (source < 0 || target < 0) {
            problems.push(`${from} → ${to}: ${source < 0 ? from : to} is in no layer (add it to LAYERS)`);
            continue;
        }
        if (target > source)
            problems.push(`${from} → ${to}: layer ${LAYERS[source].name} imports the higher layer ${LAYERS[target].name}`);
        const [fromModule, toModule] = [moduleOf(from), moduleOf(to)];
        if (toModule === undefined || fromModule === toModule)
            continue;
        if (to !== `modules/${toModule}/index.ts`)
            problems.push(`${from} → ${to}: outside module ${toModule}, import modules/${toModule}/index.ts`);
        if (fromModule === undefined)
            continue;
        const [rankFrom, rankTo] = [MODULE_ORDER.indexOf(fromModule), MODULE_ORDER.indexOf(toModule)];
        if (rankFrom < 0 || rankTo < 0)
            problems.push(`${from} → ${to}: module ${rankFrom < 0 ? fromModule : toModule} is not in MODULE_ORDER`);
        else if (rankTo > rankFrom)
            problems.push(`${from} → ${to}: module ${fromModule} imports the higher module ${toModule}`);
    }
    return problems;
}
/**
 * What src/audit/independent/ (the audit's second implementation) may import, and why:
 * core/ crypto/ (hex, addresses), wire/ and messages/ (decode the log's txs), params/ (the value
 * parser of ParamChange and genesis), log/ (read the block log), genesis/types.ts and
 * genesis/parse.ts (the genesis document parser), chain/block.ts and chain/record.ts (the block
 * and record byte formats: decoders, no rules). Never modules/ (plan, decide, evolve), chain/'s
 * reducer, state/, runtime/ or projection/: the numbers it compares must not come from the code
 * it audits.
 */
export const AUDIT_INDEPENDENT_IMPORTS = [
    'core/', 'crypto/', 'wire/', 'messages/', 'params/', 'log/', 'genesis/types.ts', 'genesis/parse.ts', 'chain/block.ts', 'chain/record.ts', 'audit/independent/',
];
/**
 * The rest of src/audit/ orchestrates: it may also read the projection (projection/) and, for
 * what-if's scratch replay and the projection catch-up, run the ledger (runtime/), but it never
 * imports modules/ or chain/ beyond the decoders either.
 */
const AUDIT_FORBIDDEN = ['modules/', 'chain/', 'state/', 'snapshot/', 'genesis/import.ts'];
const CHAIN_DECODERS = ['chain/block.ts', 'chain/record.ts'];
export function auditIndependenceViolations(edges) {
    const problems = [];
    for (const { from, to } of edges) {
        if (!from.startsWith('audit/'))
            continue;
        if (from.startsWith('audit/independent/')) {
            if (!AUDIT_INDEPENDENT_IMPORTS.some((prefix) => to.startsWith(prefix)))
                problems.push(`${from} → ${to}: the audit's recomputation may import only ${AUDIT_INDEPENDENT_IMPORTS.join(', ')}`);
        }
        else if (AUDIT_FORBIDDEN.some((prefix) => to.startsWith(prefix)) && !CHAIN_DECODERS.includes(to)) {
            problems.push(`${from} → ${to}: the audit never imports the reducer's rules or state`);
        }
    }
    return problems;
}
//# sourceMappingURL=import-graph.js.map