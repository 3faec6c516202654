/**
 * Runs every compiled test file (dist/test/**\/*.test.js) with uvu in one process and ends with
 * one summary line, `N passed, M failed`, that CI and people can read at a glance.
 * Usage: node dist/test/run.js [filter]   (filter: a regex over test file paths)
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
const here = dirname(fileURLToPath(import.meta.url));
// uvu does not export its bin path; it sits beside dist/ in the package.
const uvuBin = join(dirname(createRequire(import.meta.url).resolve('uvu')), '..', 'bin.js');
// Only compiled test files ever run; an optional argument narrows them (a regex over the path).
const filter = process.argv[2];
const pattern = filter === undefined ? '\\.test\\.js$' : `^(?=.*(?:${filter})).*\\.test\\.js$`;
const colour = process.stdout.isTTY ? [] : ['--no-color'];
const child = spawn(process.execPath, [uvuBin, here, pattern, '--ignore', 'run\\.js$', ...colour], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, FORCE_COLOR: process.stdout.isTTY ? '1' : '0' },
});
let tail = '';
child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk);
    tail = (tail + chunk.toString('utf8')).slice(-4096);
});
child.on('close', (code) => {
    // eslint-disable-next-line no-control-regex
    const plain = tail.replace(/\x1b\[[0-9;]*m/g, '');
    const total = Number(/Total:\s+(\d+)/.exec(plain)?.[1] ?? NaN);
    const passed = Number(/Passed:\s+(\d+)/.exec(plain)?.[1] ?? NaN);
    if (Number.isNaN(total) || Number.isNaN(passed)) {
        console.log(`0 passed, 1 failed (the test run ended before uvu printed its totals; exit code ${code})`);
        process.exit(code || 1);
    }
    console.log(`${passed} passed, ${total - passed} failed`);
    process.exit(code ?? 1);
});
//# sourceMappingURL=run.js.map