/**
 * Goal: no command writes a user-given path into the chain it reads, and none overwrites a file
 * unless told to. `export --out <data>/events/segment-….log` once exited 0 and replaced all
 * acknowledged blocks (then log_record_corrupt); `--out <data>/events/genesis.json` gave
 * genesis_changed. Now export --out, audit --csv/--html and export-analytics --out refuse a path
 * that resolves (through symlinks too) to the data directory or into its events/, snapshots/ or
 * projections/ (output_in_data_dir), and an existing file without --force (output_exists) —
 * before any work, leaving every file as it was; and a file in a directory that does not exist
 * (output_directory_missing), before the work rather than at its end.
 * Method: a small simulated chain (8 blocks, snapshots every 4); the real CLI; the chain's
 * events/ and snapshots/ compared byte for byte before and after.
 */
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { filesUnder, runCli, scratch, writeSmallGenesis } from '../../helpers/sim.js';

const test = suite('cli: output paths never land in the chain nor over a file without --force');
const tmp = scratch('output-path');
const data = join(tmp.dir, 'chain');
const outside = join(tmp.dir, 'outside');

/** The chain's own files (the projection may be caught up by a command, so it is not compared). */
const chainFiles = (): Map<string, Buffer> => new Map([...filesUnder(join(data, 'events')), ...filesUnder(join(data, 'snapshots'))]);

test.before(async () => {
  const made = await runCli(['simulate', '--data', data, '--genesis', writeSmallGenesis(tmp.dir), '--blocks', '8', '--txs-per-block', '3', '--snapshot-every', '4', '--no-progress', '--json']);
  assert.is(made.code, 0, made.stderr + made.stdout);
  const projected = await runCli(['project', '--data', data, '--json']);
  assert.is(projected.code, 0, projected.stderr + projected.stdout);
  mkdirSync(outside);
  symlinkSync(join(data, 'events'), join(outside, 'events-link'));
  symlinkSync(data, join(outside, 'data-link'));
});

test.after(() => tmp.remove());

/** Runs `args` (with --json) and requires the coded error `code`, exit 1, and the chain untouched. */
async function refused(args: string[], code: string): Promise<void> {
  const before = chainFiles();
  const run = await runCli([...args, '--json']);
  assert.is(run.code, 1, `${args.join(' ')}: ${run.stdout}${run.stderr}`);
  assert.is((JSON.parse(run.stdout) as { error: { code: string } }).error.code, code, run.stdout);
  assert.equal(chainFiles(), before, `${args.join(' ')} changed the chain`);
}

const exportTo = (out: string, ...more: string[]): string[] => ['export', '--data', data, '--height', '4', '--out', out, ...more];

test('export --out into the chain is refused: a log segment, genesis.json, a new file in events/, snapshots/, projections/, the data dir itself', async () => {
  const segment = [...filesUnder(join(data, 'events')).keys()].find((name) => name.endsWith('.log'))!;
  for (const out of [join(data, 'events', segment), join(data, 'events', 'genesis.json'), join(data, 'events', 'new.json'), join(data, 'snapshots', 'x.json'), join(data, 'projections', 'x.json'), data]) {
    await refused(exportTo(out), 'output_in_data_dir');
  }
  // Even with --force: it overwrites files, never the chain.
  await refused(exportTo(join(data, 'events', 'genesis.json'), '--force'), 'output_in_data_dir');
});

test('export --out through a symlink into the chain is refused (a symlinked events/, a symlinked data dir)', async () => {
  await refused(exportTo(join(outside, 'events-link', 'genesis.json')), 'output_in_data_dir');
  await refused(exportTo(join(outside, 'events-link', 'new.json')), 'output_in_data_dir');
  await refused(exportTo(join(outside, 'data-link', 'snapshots', 'new.json')), 'output_in_data_dir');
  const fileLink = join(outside, 'genesis-link.json');
  symlinkSync(join(data, 'events', 'genesis.json'), fileLink);
  await refused(exportTo(fileLink, '--force'), 'output_in_data_dir');
});

test('export --out over an existing file: refused without --force (the file kept), written with it; never over a directory; a new file outside is written', async () => {
  const file = join(outside, 'state.json');
  writeFileSync(file, 'mine\n');
  await refused(exportTo(file), 'output_exists');
  assert.is(readFileSync(file, 'utf8'), 'mine\n');
  const forced = await runCli([...exportTo(file, '--force'), '--json']);
  assert.is(forced.code, 0, forced.stderr + forced.stdout);
  assert.is((JSON.parse(readFileSync(file, 'utf8')) as { pokt_ledger: { height: number } }).pokt_ledger.height, 4);
  await refused(exportTo(outside, '--force'), 'output_is_directory');
  const fresh = join(outside, 'fresh.json');
  const written = await runCli([...exportTo(fresh), '--json']);
  assert.is(written.code, 0, written.stderr + written.stdout);
  assert.ok(existsSync(fresh));
  // A file inside the data directory but outside its chain parts (e.g. beside reports/) is allowed.
  const beside = await runCli([...exportTo(join(data, 'state-at-4.json')), '--json']);
  assert.is(beside.code, 0, beside.stderr + beside.stdout);
});

test('audit --csv / --html / --lines-csv: the same guard, before the audit runs; --force overwrites', async () => {
  const audit = (...more: string[]): string[] => ['audit', '--data', data, '--no-progress', ...more];
  await refused(audit('--csv', join(data, 'projections', 'ledger.sqlite')), 'output_in_data_dir');
  await refused(audit('--lines-csv', join(data, 'events', 'lines.csv')), 'output_in_data_dir');
  await refused(audit('--html', join(outside, 'events-link', 'report.html')), 'output_in_data_dir');
  const html = join(outside, 'report.html');
  writeFileSync(html, 'old');
  await refused(audit('--html', html), 'output_exists');
  await refused(audit('--lines-csv', html), 'output_exists');
  assert.is(readFileSync(html, 'utf8'), 'old');
  const forced = await runCli([...audit('--html', html, '--force'), '--json']);
  assert.is(forced.code, 0, forced.stderr + forced.stdout.slice(0, 400));
  assert.match(readFileSync(html, 'utf8'), /^<!doctype html>/);
});

// Each would be written and the last rename would win: the mismatch CSV silently replaced by the
// page (before, exit 0). Refused before the audit, through a symlinked directory too.
test('audit: two of --csv / --html / --lines-csv naming one file: output_same_file, nothing written', async () => {
  const audit = (...more: string[]): string[] => ['audit', '--data', data, '--no-progress', ...more];
  const same = join(outside, 'same.out');
  await refused(audit('--csv', same, '--html', same), 'output_same_file');
  symlinkSync(outside, join(tmp.dir, 'outside-link'));
  await refused(audit('--lines-csv', same, '--csv', join(tmp.dir, 'outside-link', 'same.out'), '--force'), 'output_same_file');
  assert.is(existsSync(same), false);
});

test('export-analytics --out: never the data dir nor inside its chain parts; not over existing .parquet files without --force', async () => {
  const analytics = (out: string): string[] => ['export-analytics', '--data', data, '--out', out];
  await refused(analytics(data), 'output_in_data_dir');
  await refused(analytics(join(data, 'projections')), 'output_in_data_dir');
  await refused(analytics(join(outside, 'events-link', 'parquet')), 'output_in_data_dir');
  const dir = join(outside, 'parquet');
  mkdirSync(dir);
  writeFileSync(join(dir, 'txs.parquet'), 'an analyst\'s earlier file');
  await refused(analytics(dir), 'output_exists');
  assert.is(readFileSync(join(dir, 'txs.parquet'), 'utf8'), 'an analyst\'s earlier file');
});

test('export --out / audit --csv into a directory that does not exist: output_directory_missing before any work, nothing written', async () => {
  const missing = join(outside, 'no-such-dir', 'state.json');
  await refused(exportTo(missing), 'output_directory_missing');
  await refused(['audit', '--data', data, '--csv', missing, '--no-progress'], 'output_directory_missing');
  // Under a file, too: its "directory" is not one.
  const file = join(outside, 'plain-file');
  writeFileSync(file, 'x');
  await refused(exportTo(join(file, 'state.json')), 'output_directory_missing');
  assert.is(existsSync(join(outside, 'no-such-dir')), false);
});

test('--help names --force and the guard', async () => {
  for (const command of ['export', 'audit', 'export-analytics']) {
    const help = await runCli([command, '--help']);
    assert.match(help.stdout, '--force', command);
    assert.match(help.stdout, 'never', command);
  }
});

test.run();
