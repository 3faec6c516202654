/**
 * Goal: `export` writes the document chunk by chunk as it is made (never the whole text in
 * memory: docs/history.md, "After the import, at mainnet's size") and still writes exactly the
 * document: to stdout (a pipe) and to --out the same bytes, those of the plain tree's text
 * (exportedStateText of exportDataDir, the in-process path); and a disk that fills part-way
 * leaves neither the file nor its temp file, with a coded error and no stack.
 * Method: the compiled CLI on a 6-block simulated chain; a real tmpfs smaller than the export for
 * the full disk (skipped with a note where none can be mounted).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { exportDataDir } from '../../../src/cli/commands/export.js';
import { exportedStateText } from '../../../src/genesis/export.js';
import { runCli, scratch, simulateSmallChain } from '../../helpers/sim.js';
import { onSmallTmpfs } from '../../helpers/tmpfs.js';

const test = suite('cli: export streams the document');
const tmp = scratch('cli-export-stream');
const chain = join(tmp.dir, 'chain');
const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

test.before(async () => {
  const made = await simulateSmallChain(chain, tmp.dir, { blocks: 6, seed: 9, txsPerBlock: 3 });
  assert.is(made.code, 0, made.stderr + made.stdout);
});
test.after(() => tmp.remove());

test('stdout (a pipe) and --out get the same bytes, the plain tree\'s text', async () => {
  const expected = exportedStateText(await exportDataDir(chain, 6));
  assert.ok(expected.length > 64 * 1024, `the export (${expected.length} characters) spans several chunks`);
  const piped = await runCli(['export', '--data', chain, '--height', '6', '--no-progress']);
  assert.is(piped.code, 0, piped.stderr);
  assert.ok(piped.stdout === expected, 'stdout is the document');
  const out = join(tmp.dir, 'exported.json');
  const written = await runCli(['export', '--data', chain, '--height', '6', '--out', out, '--json', '--no-progress']);
  assert.is(written.code, 0, written.stderr);
  assert.ok(readFileSync(out, 'utf8') === expected, '--out is the document');
  assert.is((JSON.parse(written.stdout) as { bytes: number }).bytes, Buffer.byteLength(expected));
});

test('--out on a disk that fills part-way: disk_full, no stack, neither the file nor a temp file left', () =>
  onSmallTmpfs(join(tmp.dir, 'small'), 64, async (dir) => {
    const out = join(dir, 'exported.json');
    const run = await runCli(['export', '--data', chain, '--height', '6', '--out', out, '--no-progress']);
    assert.is(run.code, 1, run.stderr);
    assert.match(run.stderr, /^error \[disk_full\]/m);
    assert.not.match(run.stderr, STACK_FRAME);
    assert.not.ok(existsSync(out));
    assert.equal(readdirSync(dir), []);
  }));

test.run();
