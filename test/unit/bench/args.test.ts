/**
 * Goal: the benchmark runner's command line refuses what it cannot honour — with a code, never by
 * ignoring a flag or a name — and takes a benchmark's name in any case.
 * Method: parseArgs / selectNames on the command lines a user types (bench/lib/args.ts); the
 * missing results directory read by readReportInput on an empty temporary directory.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { BenchUsageError, parseArgs, selectNames } from '../../../bench/lib/args.js';
import { mainnetBenchScale } from '../../../bench/lib/mainnet-chain.js';
import { readReportInput } from '../../../bench/lib/report-files.js';

const args = suite('bench runner arguments');

/** The code of the BenchUsageError `run` throws (fails the test if it throws nothing or another error). */
function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    assert.instance(error, BenchUsageError);
    return (error as BenchUsageError).code;
  }
  assert.unreachable('no usage error');
  return '';
}

const SUITE = ['apply', 'crypto', 'log', 'project-pg', 'project'];

args('names, --quick, --save and --seed as given', () => {
  const options = parseArgs(['crypto', '--quick', '--save', '--seed=7']);
  assert.equal([options.names, options.quick, options.save, options.seed], [['crypto'], true, true, 7]);
  assert.is(parseArgs(['--seed', '0']).seed, 0);
  assert.is(parseArgs([]).seed, 42, 'the default seed');
});

args('a seed that is not decimal digits is refused, not read as Number() would (0 for "", 1000 for 1e3)', () => {
  assert.is(codeOf(() => parseArgs(['--seed='])), 'invalid_option');
  assert.is(codeOf(() => parseArgs(['--seed', '1e3'])), 'invalid_option');
  assert.is(codeOf(() => parseArgs(['--seed', '0x10'])), 'invalid_option');
  assert.is(codeOf(() => parseArgs(['--seed', '-1'])), 'invalid_option');
  assert.is(codeOf(() => parseArgs(['--seed'])), 'missing_option_value');
});

args('an unknown option is coded', () => {
  assert.is(codeOf(() => parseArgs(['--quik'])), 'unknown_option');
});

args('--list and --report run nothing: beside each other, names, --quick, --save or --seed they conflict', () => {
  assert.is(codeOf(() => parseArgs(['--list', '--report'])), 'conflicting_options');
  assert.is(codeOf(() => parseArgs(['--report', '--quick'])), 'conflicting_options');
  assert.is(codeOf(() => parseArgs(['--report', 'apply'])), 'conflicting_options');
  assert.is(codeOf(() => parseArgs(['crypto', '--list'])), 'conflicting_options');
  assert.is(codeOf(() => parseArgs(['--list', '--seed', '7'])), 'conflicting_options');
  assert.ok(parseArgs(['--report']).report);
  assert.ok(parseArgs(['--list', '--help']).help, '--help with anything prints the usage');
});

args('names in any case select the canonical benchmark, in the suite order; unknown names are coded', () => {
  assert.equal(selectNames(['Crypto', 'APPLY', 'project'], SUITE), ['apply', 'crypto', 'project']);
  assert.equal(selectNames(['crypto', 'Crypto'], SUITE), ['crypto'], 'once each');
  assert.equal(selectNames([], SUITE), SUITE, 'no name: the whole suite');
  assert.is(codeOf(() => selectNames(['crypto', 'nope'], SUITE)), 'unknown_benchmark');
});

args('--report without bench/results/latest is a coded error naming the run that writes it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-args-test-'));
  try {
    assert.is(codeOf(() => readReportInput(dir)), 'no_saved_results');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

args('a POKT_BENCH_MAINNET_SCALE out of (0, 1] is coded; the runner refuses it before running any benchmark', () => {
  const saved = process.env['POKT_BENCH_MAINNET_SCALE'];
  try {
    for (const text of ['abc', '', '0', '1.5']) {
      process.env['POKT_BENCH_MAINNET_SCALE'] = text;
      assert.is(codeOf(() => mainnetBenchScale(true)), 'invalid_environment', `'${text}'`);
    }
  } finally {
    if (saved === undefined) delete process.env['POKT_BENCH_MAINNET_SCALE'];
    else process.env['POKT_BENCH_MAINNET_SCALE'] = saved;
  }
  // `log` comes before `mainnet` in the suite: it must not run (nor a stack be printed) first.
  const runner = fileURLToPath(new URL('../../../bench/run.js', import.meta.url));
  const run = spawnSync(process.execPath, [runner, 'log', 'mainnet', '--quick'], { encoding: 'utf8', env: { ...process.env, POKT_BENCH_MAINNET_SCALE: 'abc' } });
  assert.is(run.status, 2, run.stderr);
  assert.is(run.stderr, "error [invalid_environment]: POKT_BENCH_MAINNET_SCALE must be a number in (0, 1], got 'abc'\n");
  assert.is(run.stdout, '');
});

args('--help and --list answer on stdout, so that they can be piped (`--list | grep`)', () => {
  const runner = fileURLToPath(new URL('../../../bench/run.js', import.meta.url));
  const help = spawnSync(process.execPath, [runner, '--help'], { encoding: 'utf8' });
  assert.is(help.status, 0);
  assert.match(help.stdout, /--seed N +the workload seed/);
  assert.match(help.stdout, /1 if a benchmark failed, or if --report left out a damaged or missing result file/, 'the exit codes name --report\'s');
  const list = spawnSync(process.execPath, [runner, '--list'], { encoding: 'utf8' });
  assert.is(list.status, 0);
  assert.match(list.stdout, /^crypto +ed25519 verify/m);
  assert.is(list.stderr, '');
});

args.run();
