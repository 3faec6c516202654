/**
 * Goal: the TypeScript agrees with an INDEPENDENT implementation on every committed case of
 * BigDec, PIP-22 (bins, weights, rewards, challenge burn, edit-stake bins), MaxRelays and session
 * selection. The oracle (test/oracle/oracle.py with go_dec.py and rules.py, python3 stdlib) is
 * written from PROTOCOL.md and pocket-core's Go, not from our code; its verdicts are committed in
 * test/oracle/verdicts/ and cover every input of the change detectors (test/vectors/*.change-
 * detector.json) plus its own boundary cases ("oracle: …").
 * Method: (1) every verdict input through our evaluators, output compared; the only allowed
 * differences are the documented, deliberate ones (listed below, each checked to differ exactly
 * so); (2) the verdicts cover the change detectors' inputs in order; (3) when python3 is on the
 * machine, a fresh oracle run equals the committed verdicts byte for byte (like the Go oracle of
 * test/unit/crypto/go-oracle).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { evaluateBigDecCase } from '../../gen/vectors/bigdec-cases.js';
import { BIGDEC_VECTORS_FILE } from '../../gen/vectors/bigdec.js';
import { evaluateMaxRelaysCase, MAX_RELAYS_VECTORS_FILE } from '../../gen/vectors/max-relays.js';
import { evaluatePip22Case, PIP22_VECTORS_FILE } from '../../gen/vectors/pip22.js';
import { evaluateSessionCase, SESSIONS_VECTORS_FILE } from '../../gen/vectors/sessions.js';
import { readVectors } from '../../helpers/paths.js';
import { committedVerdictsDir, ORACLE_VERDICT_FILES, pythonAvailable, runPythonOracle } from '../../helpers/python-oracle.js';
const verdicts = (file) => JSON.parse(readFileSync(join(committedVerdictsDir(), file), 'utf8'));
/**
 * Deliberate differences from pocket-core, each documented at the code: Dec.fromString refuses
 * texts Go's NewDecFromStr accepts ("+5", "+.5", "--5", and a value beyond 315 bits — Go does
 * not bound the parse). Marked in the change detector's description; exactly four.
 */
const DELIBERATE = (description) => description.includes('deliberately stricter');
const agree = suite('python oracle: the TypeScript agrees on every committed verdict');
agree('BigDec: every case but the documented stricter parses; those are rejected by us and accepted by Go', () => {
    const file = verdicts('bigdec.json');
    let deliberate = 0;
    for (const c of file.cases) {
        const ours = evaluateBigDecCase(c.input);
        if (DELIBERATE(c.description)) {
            deliberate++;
            assert.equal(ours, { error: 'rejected' }, c.description);
            assert.ok('result' in c.output, `${c.description}: Go accepts it`);
            continue;
        }
        assert.equal(ours, c.output, c.description);
    }
    assert.is(deliberate, 4);
    assert.ok(file.cases.length > 2000);
});
agree('PIP-22: every case, including the oracle’s bin-edge and ceiling sweeps', () => {
    const file = verdicts('pip22.json');
    for (const c of file.cases)
        assert.equal(evaluatePip22Case(c.input), c.output, c.description);
    assert.ok(file.cases.filter((c) => c.description.startsWith('oracle: edit stake')).length > 50);
});
agree('MaxRelays and MaxPossibleRelays: every case', () => {
    const file = verdicts('max-relays.json');
    for (const c of file.cases)
        assert.equal(evaluateMaxRelaysCase(c.input), c.output, c.description);
});
agree('sessions: every case, including candidate lists that name an address twice', () => {
    const file = verdicts('sessions.json');
    for (const c of file.cases)
        assert.equal(evaluateSessionCase(c.input), c.output, c.description);
    assert.ok(file.cases.some((c) => c.description.startsWith('oracle:') && 'nodes' in c.output));
    assert.ok(file.cases.some((c) => c.description.startsWith('oracle:') && 'error' in c.output));
});
const coverage = suite('python oracle: verdicts cover the change detectors');
coverage('each verdict file starts with its change detector’s inputs, in order', () => {
    const pairs = [
        ['bigdec.json', BIGDEC_VECTORS_FILE],
        ['pip22.json', PIP22_VECTORS_FILE],
        ['max-relays.json', MAX_RELAYS_VECTORS_FILE],
        ['sessions.json', SESSIONS_VECTORS_FILE],
    ];
    for (const [verdictFile, detector] of pairs) {
        const inputs = readVectors(detector).cases.map((c) => c.input);
        const judged = verdicts(verdictFile).cases.map((c) => c.input);
        assert.equal(judged.slice(0, inputs.length), inputs, `${verdictFile} vs ${detector}: run \`npm run vectors\``);
    }
});
const fresh = suite('python oracle: committed verdicts equal a fresh run');
fresh('python3 test/oracle/oracle.py reproduces test/oracle/verdicts/ byte for byte (skipped without python3)', () => {
    if (!pythonAvailable()) {
        console.log('  python3 not found: freshness of test/oracle/verdicts/ not checked');
        return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'pokt-ledger-oracle-'));
    try {
        runPythonOracle(dir);
        for (const file of ORACLE_VERDICT_FILES) {
            const same = readFileSync(join(dir, file), 'utf8') === readFileSync(join(committedVerdictsDir(), file), 'utf8');
            assert.ok(same, `${file}: run \`npm run vectors\` and review the diff`);
        }
    }
    finally {
        rmSync(dir, { recursive: true, force: true });
    }
});
agree.run();
coverage.run();
fresh.run();
//# sourceMappingURL=python-oracle.test.js.map