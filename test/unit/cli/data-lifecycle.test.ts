/**
 * Goal: the data-lifecycle commands (export, init --genesis of an export, replay, session) fail
 * as coded errors, never silently, where an operator's environment or a continued chain gets in
 * the way: a file-size limit (`ulimit -f`) while the export is written, to --out or to stdout
 * redirected to a file (no exit 0 with a shorter genesis); heights below the genesis of a chain
 * continued from an exported state (height_before_genesis, not the log's "iterate 5…1"); --data
 * naming a chain's own folder (events/, snapshots/): read commands name the chain above, init
 * refuses to nest a second chain there; export-analytics failing on a later file (a full disk)
 * leaves the previous set of Parquet files whole, not half replaced; a damaged events/head or
 * events/block-log.json is named with what to do; session --genesis of an exported state answers
 * at its export height, as the chain does; at height 0 there is no session, said so (not as
 * pocket-core's internal_error); genesis inspect says an exported state's height; verify
 * --against a chain that ends before the other's exported genesis: no_common_height, not a read
 * past the log's end; and its replays to the first difference show a bar (--no-progress: none);
 * a continued chain's own snapshot at its genesis height is used, not skipped as a foreign one.
 * Method: the compiled CLI in child processes on a small seeded chain; the file-size limit is the
 * shell's `ulimit -f` (Node ignores SIGXFSZ, so writes past it fail with EFBIG).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { CLI_PATH, runCli, scratch, writeSmallGenesis } from '../../helpers/sim.js';

const tmp = scratch('data-lifecycle');
const genesisFile = writeSmallGenesis(tmp.dir);
const simDir = join(tmp.dir, 'sim');
const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

/** `pokt-ledger <args>` under `ulimit -f <kib>` (1 KiB blocks in bash), stdout to `stdoutFile`. */
function underFileSizeLimit(kib: number, args: readonly string[], stdoutFile: string): { code: number | null; stderr: string } {
  const script = 'ulimit -f "$1"; out="$2"; shift 2; exec "$@" > "$out"';
  const run = spawnSync('bash', ['-c', script, 'bash', String(kib), stdoutFile, process.execPath, CLI_PATH, ...args], { encoding: 'utf8' });
  return { code: run.status, stderr: run.stderr };
}

const lifecycle = suite('cli: data lifecycle under a file-size limit and on continued chains');

lifecycle.before(async () => {
  const run = await runCli(['simulate', '--data', simDir, '--genesis', genesisFile, '--blocks', '6', '--seed', '9', '--txs-per-block', '120', '--no-progress', '--json']);
  assert.is(run.code, 0, run.stdout + run.stderr);
});

lifecycle.after(() => tmp.remove());

lifecycle('export --out past the file-size limit: file_too_large (exit 1, not an internal error), no file left', () => {
  const out = join(tmp.dir, 'limited.json');
  const run = underFileSizeLimit(16, ['export', '--data', simDir, '--height', '4', '--out', out, '--no-progress'], join(tmp.dir, 'limited.stdout'));
  assert.is(run.code, 1, run.stderr);
  assert.match(run.stderr, /^error \[file_too_large\]: .*ulimit -f/m);
  assert.not.match(run.stderr, STACK_FRAME);
  assert.throws(() => statSync(out));
});

lifecycle('export to stdout redirected to a file past the limit: exit 1 with file_too_large, never exit 0 with a shorter genesis', () => {
  const whole = execFileSync(process.execPath, [CLI_PATH, 'export', '--data', simDir, '--height', '4', '--no-progress']);
  assert.ok(whole.length > 32 * 1024, `the export (${whole.length} bytes) must outgrow the limit`);
  const out = join(tmp.dir, 'redirected.json');
  const run = underFileSizeLimit(16, ['export', '--data', simDir, '--height', '4', '--no-progress'], out);
  assert.is(run.code, 1, run.stderr);
  assert.match(run.stderr, /^error \[file_too_large\]/m);
  assert.ok(readFileSync(out).length < whole.length);
  // Under no limit the same redirection is the whole export.
  const fine = underFileSizeLimit(1 << 20, ['export', '--data', simDir, '--height', '4', '--no-progress'], out);
  assert.is(fine.code, 0, fine.stderr);
  assert.ok(readFileSync(out).equals(whole));
});

lifecycle('simulate and snapshot stopped by the file-size limit name the file they were writing (a write on a descriptor carries no path)', async () => {
  // The log's segment outgrows 64 KiB within a few blocks of 120 txs; the test chain's snapshot is far larger than 8 KiB.
  const grown = join(tmp.dir, 'grown');
  const run = underFileSizeLimit(64, ['simulate', '--data', grown, '--genesis', genesisFile, '--blocks', '40', '--seed', '9', '--txs-per-block', '120', '--no-progress'], join(tmp.dir, 'grown.out'));
  assert.is(run.code, 1, run.stderr);
  const segment = join(grown, 'events', 'segment-000000000001.log');
  assert.ok(run.stderr.includes(`error [file_too_large]: a file reached the largest size allowed`), run.stderr);
  assert.ok(run.stderr.includes(`(EFBIG: file too large, write '${segment}')`), run.stderr);
  assert.ok(run.stderr.includes(`"path": "${segment}"`), run.stderr);
  // The blocks acknowledged before it are kept: the chain opens and replays.
  assert.is((await runCli(['replay', '--data', grown, '--no-progress', '--json'])).code, 0);

  const copy = join(tmp.dir, 'snapshot-limited');
  cpSync(simDir, copy, { recursive: true });
  const snap = underFileSizeLimit(8, ['snapshot', '--data', copy, '--no-progress'], join(tmp.dir, 'snap.out'));
  assert.is(snap.code, 1, snap.stderr);
  assert.match(snap.stderr, /^error \[file_too_large\]: .*\(EFBIG: file too large, write '[^']*\/snapshots\/000000000006-[0-9a-f]{64}\.snap\.\d+\.tmp'\)$/m);
  assert.not.match(snap.stderr, STACK_FRAME);
  assert.equal(readdirSync(join(copy, 'snapshots')).filter((name) => name.endsWith('.tmp')), [], 'the partial temporary file is removed');
});

lifecycle('a chain continued from an export at H: init says where it continues; heights below H are height_before_genesis for replay --to, export and session; H itself is its genesis', async () => {
  const exported = join(tmp.dir, 'exported-4.json');
  assert.is((await runCli(['export', '--data', simDir, '--height', '4', '--out', exported, '--no-progress'])).code, 0);
  const continued = join(tmp.dir, 'continued');
  const init = await runCli(['init', '--genesis', exported, '--data', continued]);
  assert.is(init.code, 0, init.stderr);
  // People are told what --json says with first_height.
  assert.match(init.stdout, /^continues the state exported at height 4: the next block is 5$/m);
  for (const args of [
    ['replay', '--data', continued, '--to', '2', '--no-progress'],
    ['export', '--data', continued, '--height', '0', '--no-progress'],
    ['session', '--data', continued, '--height', '1', '--app', 'aa'.repeat(32), '--chain', '0001'],
  ]) {
    const run = await runCli([...args, '--json']);
    assert.is(run.code, 1, run.stdout + run.stderr);
    const error = (JSON.parse(run.stdout) as { error: { code: string; message: string; details: Record<string, unknown> } }).error;
    assert.is(error.code, 'height_before_genesis', `${args[0]}: ${error.message}`);
    assert.equal(error.details, { height: Number(args[4]), genesis_height: 4, last_height: 4 });
  }
  const atGenesis = await runCli(['replay', '--data', continued, '--to', '4', '--no-progress', '--json']);
  assert.is(atGenesis.code, 0, atGenesis.stdout + atGenesis.stderr);
  assert.is((JSON.parse(atGenesis.stdout) as { height: number }).height, 4);
});

lifecycle('--data a chain\'s events/ or snapshots/: verify names the chain above; init refuses and writes nothing', async () => {
  for (const folder of ['events', join('events', ''), 'snapshots']) {
    const run = await runCli(['verify', '--data', join(simDir, folder), '--no-progress', '--json']);
    assert.is(run.code, 1, run.stdout + run.stderr);
    const error = (JSON.parse(run.stdout) as { error: { code: string; message: string } }).error;
    assert.is(error.code, 'data_dir_not_found');
    assert.match(error.message, `give --data ${simDir}`);
  }
  const snapshots = join(simDir, 'snapshots');
  const before = existsSync(snapshots) ? readdirSync(snapshots) : undefined;
  const init = await runCli(['init', '--genesis', genesisFile, '--data', snapshots, '--json']);
  assert.is(init.code, 1, init.stdout + init.stderr);
  assert.is((JSON.parse(init.stdout) as { error: { code: string } }).error.code, 'data_dir_inside_chain');
  assert.equal(existsSync(snapshots) ? readdirSync(snapshots) : undefined, before);
  // A directory of that name elsewhere is an ordinary place for a chain.
  const elsewhere = join(tmp.dir, 'not-a-chain', 'events');
  assert.is((await runCli(['init', '--genesis', genesisFile, '--data', elsewhere])).code, 0);
});

lifecycle('export-analytics past the file-size limit on a later file: file_too_large, the previous files untouched, no .partial left', async () => {
  // 120 txs a block (the chain of before()) make txs.parquet outgrow the limit.
  const first = await runCli(['export-analytics', '--data', simDir, '--out', join(tmp.dir, 'parquet-sizes'), '--no-progress', '--json']);
  assert.is(first.code, 0, first.stdout + first.stderr);
  const sizes = (JSON.parse(first.stdout) as { files: Array<{ file: string }> }).files.map(({ file }) => statSync(file).size);
  // blocks.parquet comes first and is small; some later file must not fit under the limit.
  const limitKib = 48; // above SQLite's 32 KiB shared-memory file (the catch-up opens the projection)
  assert.ok(sizes[0]! < limitKib * 1024 && Math.max(...sizes) > limitKib * 1024, `sizes ${sizes.join(', ')}`);
  const out = join(tmp.dir, 'parquet');
  mkdirSync(out);
  const names = ['blocks', 'txs', 'reward_lines', 'claims', 'supply', 'nodes'].map((name) => `${name}.parquet`);
  for (const name of names) writeFileSync(join(out, name), `the previous ${name}`);
  const run = underFileSizeLimit(limitKib, ['export-analytics', '--data', simDir, '--out', out, '--force', '--no-progress'], join(tmp.dir, 'parquet.stdout'));
  assert.is(run.code, 1, run.stderr);
  assert.match(run.stderr, /^error \[file_too_large\]/m);
  for (const name of names) assert.is(readFileSync(join(out, name), 'utf8'), `the previous ${name}`, name);
  assert.equal(readdirSync(out).sort(), [...names].sort());
});

/** A copy of the simulated chain without its projection (commands above may have built one). */
function chainWithoutProjection(name: string): string {
  const copy = join(tmp.dir, name);
  cpSync(simDir, copy, { recursive: true, filter: (path) => !path.includes('projections') });
  return copy;
}

lifecycle('rollback whose projection step meets the file-size limit: file_too_large naming the limit, not io_error; the next project settles it', async () => {
  const data = join(tmp.dir, 'rollback-limit');
  cpSync(simDir, data, { recursive: true });
  const projected = await runCli(['project', '--data', data, '--no-progress']);
  assert.is(projected.code, 0, projected.stderr);
  // 40 KiB: the intent and the head fit, the projection's delete (its WAL) does not. Before:
  // "io_error: the device reported an I/O error: check it before retrying" — the disk was fine.
  const run = underFileSizeLimit(40, ['rollback', '--data', data, '--to', '3', '--yes'], join(tmp.dir, 'rollback-limit.stdout'));
  assert.is(run.code, 1, run.stderr);
  assert.match(run.stderr, /^error \[file_too_large\]/m, run.stderr);
  assert.ok(run.stderr.includes(`at most ${40 * 1024} bytes`), `the limit named: ${run.stderr}`);
  assert.not.match(run.stderr, STACK_FRAME);
  const settled = await runCli(['project', '--data', data, '--no-progress', '--json']);
  assert.is(settled.code, 0, settled.stderr);
  assert.is((JSON.parse(settled.stdout) as { height: number }).height, 3, 'the pending rollback finished: log and projection at 3');
});

lifecycle('project past the file-size limit: file_too_large naming the file and the limit, not io_error ("check the device")', () => {
  // SQLite reports the EFBIG of its write as SQLITE_IOERR_WRITE (strace: pwrite64 … = -1 EFBIG).
  // 200 KiB: the schema's own WAL outgrows it while the projection is created (the main thread);
  // 1,200 KiB: the schema fits and the blocks' rows do not (the writer thread's path).
  for (const kib of [200, 1200]) {
    const data = chainWithoutProjection(`project-limit-${kib}`);
    const run = underFileSizeLimit(kib, ['project', '--data', data, '--no-progress'], join(tmp.dir, `project-${kib}.stdout`));
    assert.is(run.code, 1, run.stderr);
    assert.match(run.stderr, /^error \[file_too_large\]/m, `${kib} KiB: ${run.stderr}`);
    assert.ok(run.stderr.includes(`at most ${kib * 1024} bytes`), `${kib} KiB: the limit named: ${run.stderr}`);
    assert.match(run.stderr, /ledger\.sqlite(-wal)? is \d+ bytes/, `${kib} KiB: the file named`);
    assert.not.match(run.stderr, STACK_FRAME);
  }
});

lifecycle('a damaged events/head or events/block-log.json says what to do; repair rewrites the head', async () => {
  const damaged = join(tmp.dir, 'damaged-head');
  cpSync(simDir, damaged, { recursive: true });
  truncateSync(join(damaged, 'events', 'head'), 10);
  const head = await runCli(['roots', '--data', damaged]);
  assert.is(head.code, 1, head.stderr);
  assert.match(head.stderr, /^error \[log_head_corrupt\]: .*`pokt-ledger repair`/m);
  assert.is((await runCli(['repair', '--data', damaged, '--yes'])).code, 0);
  const verified = await runCli(['verify', '--data', damaged, '--no-progress', '--json']);
  assert.is(verified.code, 0, verified.stdout + verified.stderr);

  const meta = join(tmp.dir, 'damaged-meta');
  cpSync(simDir, meta, { recursive: true });
  writeFileSync(join(meta, 'events', 'block-log.json'), '{\n');
  const run = await runCli(['roots', '--data', meta]);
  assert.is(run.code, 1, run.stderr);
  assert.match(run.stderr, /^error \[log_meta_invalid\]: .*restore it from a backup; it holds one line, \{"format":"pokt-ledger\/block-log","version":1,"firstHeight":F,"head":true\}/m);
});

lifecycle('session --genesis of an exported state: the session at its export height, the same as the chain\'s at that height', async () => {
  const exported = join(tmp.dir, 'exported-for-session.json');
  assert.is((await runCli(['export', '--data', simDir, '--height', '4', '--out', exported, '--no-progress'])).code, 0);
  const staked = (await runCli(['query', 'apps', '--data', simDir, '--height', '4', '--json'])).stdout;
  const app = (JSON.parse(staked) as { result: Array<{ public_key: string; chains: string[] }> }).result[0]!;
  const args = ['--app', app.public_key, '--chain', app.chains[0]!, '--json'];
  const fromChain = await runCli(['session', '--data', simDir, '--height', '4', ...args]);
  assert.is(fromChain.code, 0, fromChain.stdout + fromChain.stderr);
  const fromGenesis = await runCli(['session', '--genesis', exported, ...args]);
  assert.is(fromGenesis.code, 0, fromGenesis.stdout + fromGenesis.stderr);
  assert.is(fromGenesis.stdout, fromChain.stdout);
  const other = await runCli(['session', '--genesis', exported, '--height', '0', ...args]);
  assert.is(other.code, 2, other.stdout);
  assert.equal((JSON.parse(other.stdout) as { error: { code: string; details: unknown } }).error, {
    code: 'invalid_option',
    message: 'a genesis file only has its own height (4); use a data directory for other heights (--height)',
    details: { height: 0, genesis_height: 4 },
  });
});

lifecycle('session at height 0 (a genesis file): no_session_at_genesis, not an internal_error', async () => {
  const run = await runCli(['session', '--genesis', genesisFile, '--app', 'aa'.repeat(32), '--chain', '0001', '--json']);
  assert.is(run.code, 1, run.stdout + run.stderr);
  const error = (JSON.parse(run.stdout) as { error: { code: string; message: string } }).error;
  assert.is(error.code, 'no_session_at_genesis');
  assert.match(error.message, 'the first session starts at height 1');
});

lifecycle('genesis inspect of an exported state names its height (human and --json); a genesis is at 0', async () => {
  const exported = join(tmp.dir, 'exported-for-inspect.json');
  assert.is((await runCli(['export', '--data', simDir, '--height', '4', '--out', exported, '--no-progress'])).code, 0);
  const json = await runCli(['genesis', 'inspect', exported, '--json']);
  assert.is(json.code, 0, json.stderr);
  assert.is((JSON.parse(json.stdout) as { height: number }).height, 4);
  const human = await runCli(['genesis', 'inspect', exported]);
  assert.match(human.stdout, /^height {6}4 \(an exported state: a chain from it continues at 5\)$/m);
  const plain = await runCli(['genesis', 'inspect', genesisFile, '--json']);
  assert.is((JSON.parse(plain.stdout) as { height: number }).height, 0);
  assert.not.match((await runCli(['genesis', 'inspect', genesisFile])).stdout, /^height/m);
});

lifecycle('verify --against: a chain continued from an export at 4 against one ending at 0 have no height in common (exit 1, both forms)', async () => {
  const exported = join(tmp.dir, 'exported-for-verify.json');
  assert.is((await runCli(['export', '--data', simDir, '--height', '4', '--out', exported, '--no-progress'])).code, 0);
  const continued = join(tmp.dir, 'continued-for-verify');
  const empty = join(tmp.dir, 'empty-for-verify');
  assert.is((await runCli(['init', '--genesis', exported, '--data', continued])).code, 0);
  assert.is((await runCli(['init', '--genesis', genesisFile, '--data', empty])).code, 0);
  const json = await runCli(['verify', '--data', continued, '--against', empty, '--no-progress', '--json']);
  assert.is(json.code, 1, json.stdout + json.stderr);
  const report = JSON.parse(json.stdout) as { identical: boolean; kind: string; first_difference: unknown; left: { last_height: number }; right: { last_height: number } };
  assert.equal([report.identical, report.kind, report.first_difference, report.left.last_height, report.right.last_height], [false, 'no_common_height', null, 4, 0]);
  const human = await runCli(['verify', '--data', empty, '--against', continued, '--no-progress']);
  assert.is(human.code, 1, human.stderr);
  assert.match(human.stdout, /^no height in common .*: nothing to compare$/m);
});

lifecycle('verify --against shows its replays to the first difference as bars on stderr; --no-progress keeps stderr empty', async () => {
  // Another seed: another chain (its genesis differs, the first difference is at 0).
  const other = join(tmp.dir, 'other-for-bars');
  const made = await runCli(['simulate', '--data', other, '--genesis', genesisFile, '--blocks', '3', '--seed', '10', '--txs-per-block', '4', '--no-progress', '--json']);
  assert.is(made.code, 0, made.stdout + made.stderr);
  const bars = await runCli(['verify', '--data', simDir, '--against', other, '--limit', '1']);
  assert.is(bars.code, 1, bars.stdout + bars.stderr);
  assert.match(bars.stderr, /^verify left: replaying .* to height \d+, the first difference/m);
  assert.match(bars.stderr, /^verify right: replaying .* to height \d+, the first difference/m);
  const quiet = await runCli(['verify', '--data', simDir, '--against', other, '--limit', '1', '--no-progress']);
  assert.is(quiet.stderr, '');
  assert.is(quiet.stdout, bars.stdout);
});

lifecycle("a chain continued from an export at 3: its snapshot at 3 (its genesis) is its own — used, no snapshot_skipped warning", async () => {
  const exported = join(tmp.dir, 'exported-for-snapshot.json');
  assert.is((await runCli(['export', '--data', simDir, '--height', '3', '--out', exported, '--no-progress'])).code, 0);
  const continued = join(tmp.dir, 'continued-for-snapshot');
  assert.is((await runCli(['init', '--genesis', exported, '--data', continued])).code, 0);
  const snapshot = await runCli(['snapshot', '--data', continued, '--no-progress', '--json']);
  assert.is(snapshot.code, 0, snapshot.stdout + snapshot.stderr);
  assert.is((JSON.parse(snapshot.stdout) as { height: number }).height, 3);
  const replayed = await runCli(['replay', '--data', continued, '--from-snapshot', '--no-progress', '--json']);
  assert.is(replayed.code, 0, replayed.stdout + replayed.stderr);
  assert.not.match(replayed.stderr, /snapshot_skipped/);
  const report = JSON.parse(replayed.stdout) as { started_from: string; start_height: number; verified: boolean };
  assert.equal([report.started_from, report.start_height, report.verified], ['snapshot', 3, true]);
});

lifecycle.run();
