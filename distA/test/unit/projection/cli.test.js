/**
 * Goal: `pokt-ledger project` fails with coded errors, never a stack trace, and creates nothing
 * in a directory that is not a chain's.
 * Method: the compiled CLI in a child process on a missing and on an empty directory.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli, scratch } from '../../helpers/sim.js';
const test = suite('projection: the project command');
test('not a data directory: a coded error on stdout (--json), exit 1, no projections/ created', async () => {
    const tmp = scratch('project-cli');
    try {
        for (const dir of [join(tmp.dir, 'missing'), join(tmp.dir, 'empty')]) {
            if (dir.endsWith('empty'))
                mkdirSync(dir);
            const run = await runCli(['project', '--data', dir, '--json', '--no-progress']);
            assert.is(run.code, 1, run.stderr);
            const error = JSON.parse(run.stdout).error;
            assert.match(error.code, /^data_dir_/);
            assert.not.match(run.stderr + run.stdout, /\n\s+at /, 'no stack trace');
            assert.not.ok(existsSync(join(dir, 'projections')), 'nothing created');
        }
    }
    finally {
        tmp.remove();
    }
});
test.run();
//# sourceMappingURL=cli.test.js.map