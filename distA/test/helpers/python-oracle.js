/**
 * Runs the independent python oracle (test/oracle/oracle.py, python3 standard library only) and
 * names its verdict files. Used by `npm run vectors` (writes test/oracle/verdicts/) and by the
 * test that checks the committed verdicts equal a fresh run (writes to a temp directory).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { packageRoot } from '../../src/core/paths.js';
/** One verdict file per rule the oracle checks. */
export const ORACLE_VERDICT_FILES = ['bigdec.json', 'pip22.json', 'max-relays.json', 'sessions.json'];
export const committedVerdictsDir = () => join(packageRoot(), 'test', 'oracle', 'verdicts');
/** python3 on PATH? (CI and the dev machine have 3.11; the freshness test is skipped without it.) */
export function pythonAvailable() {
    const probe = spawnSync('python3', ['--version'], { encoding: 'utf8' });
    return probe.error === undefined && probe.status === 0;
}
/** Run the oracle, writing verdict files into `outDir`; throws with python's stderr on failure. */
export function runPythonOracle(outDir) {
    const run = spawnSync('python3', [join(packageRoot(), 'test', 'oracle', 'oracle.py'), '--out', outDir], { encoding: 'utf8' });
    if (run.error !== undefined || run.status !== 0) {
        throw new Error(`python oracle failed (status ${run.status}): ${run.error?.message ?? run.stderr}`);
    }
    return run.stdout;
}
//# sourceMappingURL=python-oracle.js.map