/**
 * The single entry point that (re)writes every golden vector file under test/vectors/:
 * `npm run vectors` (builds, then runs dist/test/gen/generate-vectors.js).
 *
 * Each vector file has one generator module under test/gen/vectors/ exporting
 * `{ file, build }`; add one line per module to GENERATORS (keep edits additive). Output is
 * pretty-printed JSON (bigints must already be strings) ending in a newline, written only when
 * the content changed. Vectors are never edited by hand.
 *
 * Files named *.change-detector.json hold outputs of the code under test: they detect change,
 * not correctness. Afterwards the independent python oracle (test/oracle/oracle.py) recomputes
 * those cases from PROTOCOL.md's rules and writes its verdicts to test/oracle/verdicts/, which
 * test/unit/oracle/python-oracle.test.ts holds the TypeScript to.
 */
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../src/core/paths.js';
import { wireTxVectorsModule } from './vectors/wire-txs.js';
import { bigdecVectorsModule } from './vectors/bigdec.js';
import { pip22VectorsModule } from './vectors/pip22.js';
import { maxRelaysVectorsModule } from './vectors/max-relays.js';
import { sessionsVectorsModule } from './vectors/sessions.js';
import { msiVectorsModule } from './vectors/msi.js';
import { committedVerdictsDir, pythonAvailable, runPythonOracle } from '../helpers/python-oracle.js';
const GENERATORS = [
    wireTxVectorsModule,
    bigdecVectorsModule,
    pip22VectorsModule,
    maxRelaysVectorsModule,
    sessionsVectorsModule,
    msiVectorsModule,
];
function main() {
    const dir = join(packageRoot(), 'test', 'vectors');
    mkdirSync(dir, { recursive: true });
    for (const generator of GENERATORS) {
        const path = join(dir, generator.file);
        const content = JSON.stringify(generator.build(), null, 2) + '\n';
        const previous = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
        if (previous === content) {
            console.log(`unchanged ${generator.file}`);
            continue;
        }
        writeFileSync(path, content);
        console.log(`wrote ${generator.file}`);
    }
    if (!pythonAvailable()) {
        console.log('python3 not found: the oracle verdicts in test/oracle/verdicts/ were NOT refreshed');
        process.exitCode = 1;
        return;
    }
    process.stdout.write(`python oracle → test/oracle/verdicts/\n${runPythonOracle(committedVerdictsDir())}`);
}
main();
//# sourceMappingURL=generate-vectors.js.map