/**
 * Goal: test/vectors/sessions.change-detector.json and msi.json (change detectors) are the committed generators' output, every case
 * reproduces, and the TV-19 values PROTOCOL §11 states appear in msi.json as stated.
 * Method: rebuild each file and compare bytes; re-evaluate every case; look up the TV-19 case.
 */
import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readVectors, vectorPath } from '../../helpers/paths.js';
import { buildMsiVectors, evaluateMsiCase, MSI_VECTORS_FILE } from '../../gen/vectors/msi.js';
import { buildSessionVectors, evaluateSessionCase, SESSIONS_VECTORS_FILE } from '../../gen/vectors/sessions.js';
const golden = suite('pocketcore change detectors (sessions, msi)');
golden('sessions.change-detector.json is byte-identical to a fresh run of its generator; every case reproduces', () => {
    const fresh = JSON.stringify(buildSessionVectors(), null, 2) + '\n';
    assert.ok(fresh === readFileSync(vectorPath(SESSIONS_VECTORS_FILE), 'utf8'), 'run `npm run vectors` and review the diff');
    const file = readVectors(SESSIONS_VECTORS_FILE);
    assert.ok(file.cases.length >= 10);
    for (const c of file.cases)
        assert.equal(evaluateSessionCase(c.input), c.output, c.description);
    assert.ok(file.cases.some((c) => 'error' in c.output), 'covers the insufficient-nodes exits');
    assert.ok(file.cases.some((c) => 'nodes' in c.output && c.output.nodes.length === 24 && c.input.candidates.length === 1000));
});
golden('msi.json is byte-identical to a fresh run of its generator; every case reproduces', () => {
    const fresh = JSON.stringify(buildMsiVectors(), null, 2) + '\n';
    assert.ok(fresh === readFileSync(vectorPath(MSI_VECTORS_FILE), 'utf8'), 'run `npm run vectors` and review the diff');
    const file = readVectors(MSI_VECTORS_FILE);
    for (const c of file.cases)
        assert.equal(evaluateMsiCase(c.input), c.output, c.description);
});
golden('the TV-19 case carries PROTOCOL §11’s uppers and root range', () => {
    const file = readVectors(MSI_VECTORS_FILE);
    const tv19 = file.cases.find((c) => c.description.startsWith('TV-19: five'));
    assert.ok(tv19);
    assert.equal(tv19.output.sortedUppers, [
        '6545391238059275583',
        '9114203630401574453',
        '13038566724797691943',
        '13727533818014672508',
        '14757274644365627408',
        '14757274644365627409',
        '14757274644365627410',
        '14757274644365627411',
    ]);
    assert.equal(tv19.output.root.lower, '0');
    assert.equal(tv19.output.root.upper, '14757274644365627411');
    assert.is(tv19.output.levels, 3);
});
golden.run();
//# sourceMappingURL=vectors.test.js.map