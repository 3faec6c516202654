/**
 * Goal: a list "as of H" built from a cached lower height plus the version rows since
 * (src/projection/as-of-lists.ts) equals the list by definition — every key's newest version row
 * with height ≤ H, deletions dropped, keys ascending — whatever order heights are asked in.
 * Method: (1) the worked example of the module's header, expected values written out by hand;
 * (2) fast-check version tables (printed seed, FC_SEED to replay) against a second
 * implementation of the definition written here (a filter over every row); (3) the SQLite read
 * store on the shared simulated chain: `nodes`/`apps` at every height, in shuffled order, equal
 * the projection's full "as of" SQL read at that height (queries.ts, version-rows.ts asOfSql).
 */
import fc from 'fast-check';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import Database from 'better-sqlite3';
import { AsOfLists, applyChanges } from '../../../src/projection/as-of-lists.js';
import { ProjectionQueries } from '../../../src/projection/queries.js';
import { openSqliteReadStore } from '../../../src/projection/sqlite-read-store.js';
import { projectionFile } from '../../../src/projection/store.js';
import { Prng } from '../../../src/core/prng.js';
import { projectedSimChain } from '../../helpers/query.js';
import { fastCheckSeed } from '../crypto/fc-seed.js';
const test = suite('projection: whole lists as of a height, built incrementally');
test('the header example: changes of (10, 14] applied to the list at 10', () => {
    const base = { keys: ['a', 'c'], values: ['A10', 'C10'] };
    const changes = [
        { key: 'b', value: 'B12' },
        { key: 'c', value: 'C12' },
        { key: 'a', value: undefined },
        { key: 'c', value: 'C14' },
    ];
    assert.equal(applyChanges(base, changes), { keys: ['b', 'c'], values: ['B12', 'C14'] });
    assert.is(applyChanges(base, []), base, 'no change: the same list');
});
/** The definition, by brute force: newest row ≤ height per key, deletions dropped, keys ascending. */
function byDefinition(rows, height) {
    const newest = new Map();
    for (const row of rows)
        if (row.height <= height && (newest.get(row.key)?.height ?? -1) < row.height)
            newest.set(row.key, row);
    return [...newest.keys()].sort().flatMap((key) => (newest.get(key).value === undefined ? [] : [newest.get(key).value]));
}
/** A version table: at most one row per (key, height), as the primary key makes it. */
const table = fc
    .array(fc.record({ key: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), height: fc.nat(30), deleted: fc.boolean() }), { maxLength: 60 })
    .map((raw) => {
    const unique = new Map();
    for (const r of raw)
        unique.set(`${r.key}/${r.height}`, { key: r.key, height: r.height, value: r.deleted ? undefined : `${r.key}@${r.height}` });
    return [...unique.values()];
});
test('any version table, heights asked in any order, a cache of 1–16 entries (0–3 lists): equal to the definition', () => {
    const seed = fastCheckSeed('as-of lists');
    fc.assert(fc.property(table, fc.array(fc.nat(32), { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 16 }), (rows, asked, capacity) => {
        const full = (height) => {
            const values = byDefinition(rows, height);
            return { keys: values.map((v) => v.split('@')[0]), values };
        };
        const changes = (from, to) => rows.filter((r) => r.height > from && r.height <= to).sort((x, y) => x.height - y.height).map((r) => ({ key: r.key, value: r.value }));
        const lists = new AsOfLists({ full, changes }, capacity);
        for (const height of asked)
            assert.equal([...lists.at(height)], byDefinition(rows, height), `as of ${height}`);
    }), { seed, numRuns: 300 });
});
test('the SQLite read store: nodes and apps at every height, shuffled, equal the full as-of read', async () => {
    const chain = await projectedSimChain();
    const db = new Database(projectionFile(chain.dir), { readonly: true });
    db.defaultSafeIntegers(true);
    const store = openSqliteReadStore(chain.dir);
    try {
        const direct = new ProjectionQueries(db);
        const latest = direct.height();
        const heights = Array.from({ length: latest + 1 }, (_, h) => h);
        const prng = new Prng(4242n);
        for (let i = heights.length - 1; i > 0; i--) {
            const j = prng.int(i + 1);
            [heights[i], heights[j]] = [heights[j], heights[i]];
        }
        let changedHeights = 0;
        for (const height of heights) {
            const everyNode = direct.nodes(height, { perPage: Number.MAX_SAFE_INTEGER }).result;
            assert.equal(await store.nodes(height), everyNode, `nodes as of ${height}`);
            assert.equal(await store.apps(height), direct.apps(height, { perPage: Number.MAX_SAFE_INTEGER }).result, `apps as of ${height}`);
            if (height > 0 && direct.nodeChanges(height - 1, height).length > 0)
                changedHeights++;
        }
        assert.ok(changedHeights > 3, `the chain changes its nodes at several heights (${changedHeights})`);
    }
    finally {
        await store.close();
        db.close();
    }
});
test.run();
//# sourceMappingURL=as-of-lists.test.js.map