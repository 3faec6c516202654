/**
 * Goal: `init --genesis FILE` names its steps on stderr (reading and parsing, importing, writing)
 * as project/audit/export do: a 218 MB mainnet-sized export took 26–34 s with nothing printed
 * (scale walk of 2026-12-07). By default only a file of 16 MB or more says so; `--progress`
 * forces it, `--no-progress` silences it; stdout and --json are untouched.
 * Method: the compiled CLI on the small e2e genesis, progress forced, off, and by default.
 */
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { fixturePath } from '../../helpers/paths.js';
import { runCli, scratch } from '../../helpers/sim.js';

const test = suite('cli: init names its steps on stderr');
const tmp = scratch('cli-init-progress');
const genesis = fixturePath('e2e-single-node-genesis.json');
test.after(() => tmp.remove());

test('--progress: a line per step on stderr, --json on stdout still one object', async () => {
  const dir = join(tmp.dir, 'forced');
  const run = await runCli(['init', '--genesis', genesis, '--data', dir, '--json', '--progress']);
  assert.is(run.code, 0, run.stderr);
  assert.match(run.stderr, new RegExp(`^init: reading and parsing the genesis ${genesis} \\(\\d[\\d.,]* MB\\) …$`, 'm'));
  assert.match(run.stderr, /^init: importing its accounts, validators and apps into the state tree …$/m);
  assert.match(run.stderr, new RegExp(`^init: writing the block log and a copy of the genesis to ${dir} …$`, 'm'));
  assert.is((JSON.parse(run.stdout) as { data_dir: string }).data_dir, dir);
});

test('a small file by default, or --no-progress: nothing on stderr', async () => {
  for (const [name, extra] of [['default', []], ['off', ['--no-progress']]] as const) {
    const run = await runCli(['init', '--genesis', genesis, '--data', join(tmp.dir, name), ...extra]);
    assert.is(run.code, 0, run.stderr);
    assert.not.match(run.stderr, /^init: /m, `${name}: ${run.stderr}`);
  }
});

test.run();
