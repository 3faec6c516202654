/**
 * Goal (issue 10 item 7): every failure of the CLI is a coded error — `{"error":{code,message,
 * details}}` on stdout with --json, non-zero exit — never a stack trace nor a silently wrong
 * value: (1) a table of bad values for every command's options (each → invalid_option or the
 * command's own code); (2) damaged data directories under query/replay/roots/snapshot, and a
 * chain without its ledger.json or with a damaged simulation.json under init/simulate/start
 * (refused, nothing changed); (3) a full and a read-only disk under snapshot, simulate and node
 * (disk_full, read_only), and a full disk during init and start (nothing half-written, the
 * retry works); SQLite's codes for them; (4) a bug is `internal_error` with a hint and no stack
 * unless POKT_LEDGER_DEBUG is set.
 * Method: the compiled CLI in child processes. Disks: REAL tmpfs mounts (a filled one for ENOSPC,
 * a read-only one for EROFS) — the test checks at runtime whether it may mount and otherwise
 * skips those cases with a note; no fault injection.
 */
import Database from 'better-sqlite3';
import pg from 'pg';
import { createServer, type AddressInfo } from 'node:net';
import { execFile, execFileSync, spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { CliError, printError, reportError } from '../../../src/cli/output.js';
import { asCliError } from '../../../src/cli/runtime-errors.js';
import { ProjectionError } from '../../../src/projection/errors.js';
import { ExplorerNotBuiltError } from '../../../src/explorer/index.js';
import { flipByte } from '../../helpers/log-fixtures.js';
import { CLI_PATH, runCli, scratch, writeSmallGenesis, type CliRun } from '../../helpers/sim.js';
import { fillDisk, remount, resize, tryMountTmpfs, type Mount } from '../../helpers/tmpfs.js';
import { fixturePath } from '../../helpers/paths.js';
import { bundledMainnetGenesisPath } from '../../../src/core/paths.js';
import { BlockLog, blockLogDir } from '../../../src/log/index.js';

const tmp = scratch('cli-errors');
const genesisFile = writeSmallGenesis(tmp.dir);
/** A file of `text` in the scratch directory (its path). */
const textFile = (name: string, text: string): string => {
  const file = join(tmp.dir, name);
  writeFileSync(file, text);
  return file;
};
const chainDir = join(tmp.dir, 'chain');
const mounts: Mount[] = [];
/** A stack frame as V8 prints it ("    at fn (file:line:col)"). */
const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

function errorOf(run: CliRun): { code: string; message: string; details?: unknown } {
  assert.not.match(run.stdout + run.stderr, STACK_FRAME, 'no stack trace');
  assert.ok(run.code !== 0 && run.code !== null, `non-zero exit (got ${run.code}): ${run.stdout}${run.stderr}`);
  assert.is(run.code === 70, false, `not an internal error: ${run.stdout}`);
  const parsed = JSON.parse(run.stdout) as { error: { code: string; message: string; details?: unknown } };
  return parsed.error;
}

async function expectCode(args: readonly string[], code: string): Promise<void> {
  const error = errorOf(await runCli([...args, '--json']));
  assert.is(error.code, code, `${args.join(' ')}: ${error.message}`);
}

const errors = suite('cli: every failure is a coded error');

/** nobody's uid and gid when this process may run commands as nobody (root), else undefined. */
function nobodyIds(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  try {
    const [uid, gid] = ['-u', '-g'].map((flag) => Number(execFileSync('id', [flag, 'nobody'], { encoding: 'utf8' }).trim()));
    return { uid: uid!, gid: gid! };
  } catch {
    return undefined;
  }
}

/** runCli as another user. */
function runCliAs(user: { uid: number; gid: number }, args: readonly string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [CLI_PATH, ...args], { uid: user.uid, gid: user.gid, timeout: 120_000 }, (error, stdout, stderr) => {
      if (error === null) return resolve({ code: 0, signal: null, stdout, stderr });
      // A number: the exit code; else the process did not start (ENOENT, EPERM) or was killed.
      if (typeof error.code !== 'number' && error.signal == null) return reject(error);
      resolve({ code: typeof error.code === 'number' ? error.code : null, signal: (error.signal ?? null) as NodeJS.Signals | null, stdout, stderr });
    });
  });
}

errors.before(async () => {
  const run = await runCli(['simulate', '--data', chainDir, '--genesis', genesisFile, '--blocks', '6', '--seed', '9', '--txs-per-block', '3', '--no-progress', '--json']);
  assert.is(run.code, 0, run.stderr + run.stdout);
});

errors.after(() => {
  for (const mounted of mounts.reverse()) mounted.unmount();
  tmp.remove();
});

errors('a bad value of any option is a coded error (a table per command)', async () => {
  const d = ['--data', chainDir];
  const exported = join(tmp.dir, 'exported-at-2.json');
  assert.is((await runCli(['export', ...d, '--height', '2', '--out', exported])).code, 0);
  const table: Array<[string[], string]> = [
    [['node', ...d, '--port', '70000'], 'invalid_option'],
    [['node', ...d, '--port', '-1'], 'invalid_option'],
    [['node', ...d, '--port', '80.5'], 'invalid_option'],
    [['node', ...d, '--host', '0.0.0.0.0'], 'invalid_option'],
    [['node', ...d, '--host', 'a b'], 'invalid_option'],
    [['node', ...d, '--host', '-bad-.example'], 'invalid_option'],
    [['node', ...d, '--interval', '2147484'], 'invalid_option'],
    [['node', ...d, '--interval', '1e3'], 'invalid_option'],
    [['node', ...d, '--max-txs-per-block', '0'], 'invalid_option'],
    [['node', ...d, '--mempool-txs', '0'], 'invalid_option'],
    [['node', ...d, '--snapshot-every', 'x'], 'invalid_option'],
    [['node', ...d, '--headers-timeout', '0'], 'invalid_option'],
    [['node', ...d, '--request-timeout', '2147483648'], 'invalid_option'],
    [['node', ...d, '--keep-alive-timeout', 'x'], 'invalid_option'],
    [['node', ...d, '--idle-timeout', '-5'], 'invalid_option'],
    [['node', ...d, '--max-connections', '0'], 'invalid_option'],
    [['replay', ...d, '--to', 'x'], 'invalid_option'],
    [['replay', ...d, '--workers', '0'], 'invalid_option'],
    [['replay', ...d, '--workers', '100000'], 'invalid_option'],
    [['roots', ...d, '--from', '0'], 'invalid_option'],
    [['roots', ...d, '--to', '-1'], 'invalid_option'],
    [['simulate', ...d, '--blocks', 'x'], 'invalid_option'],
    [['simulate', ...d], 'missing_option'],
    [['simulate', ...d, '--blocks', '1', '--seed', '18446744073709551616'], 'invalid_option'],
    [['simulate', ...d, '--blocks', '1', '--profile', 'nope'], 'invalid_option'],
    // A misspelt workload is a usage error (exit 2), no longer sim_unknown_workload (exit 1).
    [['simulate', ...d, '--blocks', '1', '--workloads', 'sends,nope'], 'invalid_option'],
    [['simulate', ...d, '--blocks', '1', '--fsync', 'sometimes'], 'invalid_option'],
    [['simulate', ...d, '--blocks', '1', '--txs-per-block', '-1'], 'invalid_option'],
    [['simulate', ...d, '--blocks', '1', '--accounts', '0'], 'invalid_option'],
    [['simulate', ...d, '--blocks', '1', '--workers', 'all'], 'invalid_option'],
    [['start', '--data', join(tmp.dir, 'start'), '--blocks', 'many'], 'invalid_option'],
    [['query', 'nodes', ...d, '--height', 'x'], 'invalid_option'],
    [['query', 'nodes', ...d, '--page', '-1'], 'invalid_option'],
    [['query', 'apps', ...d, '--staking-status', 'x'], 'invalid_option'],
    [['query', 'node', 'zz', ...d], 'invalid_option'],
    [['session', ...d, '--height', 'x', '--app', '00'.repeat(32), '--chain', '0001'], 'invalid_option'],
    [['calc', 'relays-per-pokt', '--pokt-price-usd', 'x', '--usd-relay-target', '1', '--roi-months', '1'], 'invalid_option'],
    [['calc', 'emission', '--target-pokt-per-day', '-5', '--daily-relays', '1'], 'invalid_option'],
    [['calc', 'reward', '--relays', 'x', '--stake', '1'], 'invalid_option'],
    [['tx', 'sign', '--key', join(tmp.dir, 'none.json'), '--chain-id', 'c', '--type', 'send'], 'key_file_unreadable'],
    [['genesis', 'inspect', join(tmp.dir, 'none.json')], 'file_not_found'],
    [['no-such-command'], 'unknown_command'],
    [['replay', '--no-such-option'], 'unknown_option'],
    // Refused before anything is projected, named as the operator wrote it.
    [['audit', ...d, '--from', '5', '--to', '2'], 'reversed_range'],
    [['roots', ...d, '--from', '5', '--to', '2'], 'reversed_range'],
    // `--data "$DIR"` with DIR unset: refused, never the current directory's chain.
    [['rollback', '--data', '', '--to', '1', '--yes'], 'invalid_option'],
    [['init', '--data', '', '--genesis', genesisFile], 'invalid_option'],
    [['query', 'nodes', '--data', ''], 'invalid_option'],
    // QA of 2026-12-06: a hang (Node's recursive mkdir under /proc), internal errors, a silently ignored file.
    [['init', '--data', '/proc/pokt-ledger-qa', '--genesis', genesisFile], 'file_not_found'],
    [['simulate', '--data', join(tmp.dir, 'sim-bad-genesis'), '--genesis', textFile('not-json.json', 'not json'), '--blocks', '1'], 'invalid_genesis'],
    [['simulate', '--data', join(tmp.dir, 'sim-empty-genesis'), '--genesis', textFile('empty-object.json', '{}'), '--blocks', '1'], 'invalid_genesis'],
    [['audit', ...d, '--no-progress', '--what-if', 'pos/ProposerPercentage=-5@2'], 'invalid_what_if'],
    [['audit', ...d, '--no-progress', '--what-if', 'pos/ProposerPercentage=5@99999'], 'invalid_what_if'],
    [['calc', 'reward', '--relays', '5', '--stake', '15000000000', '--params', textFile('params.json', '{"RelaysToTokensMultiplier":"1"}')], 'invalid_params_file'],
    [['project', ...d, '--postgres', 'notaurl'], 'invalid_option'],
    // Never reached (nothing listens on port 1): said at once, not retried as a lost connection.
    [['project', ...d, '--postgres', 'postgres://postgres@127.0.0.1:1/postgres'], 'postgres_unavailable'],
    [['genesis', 'inspect', tmp.dir], 'is_a_directory'],
    [['simulate', '--data', join(tmp.dir, 'sim-on-export'), '--genesis', exported, '--blocks', '1'], 'sim_genesis_exported'],
    [['rollback', ...d, '--to', '99', '--yes'], 'invalid_option'],
    [['replay', ...d, '--to', '99', '--no-progress'], 'height_not_found'],
  ];
  // A few at a time: the machine may be shared, and each run is a whole Node process.
  for (let i = 0; i < table.length; i += 4) {
    const runs = await Promise.all(table.slice(i, i + 4).map(async ([args, code]) => [args, code, await runCli([...args, '--json'])] as const));
    for (const [args, code, run] of runs) assert.is(errorOf(run).code, code, args.join(' '));
  }
});

// QA of 2026-12-06: a host that accepts the TCP connection and never answers (a hung server, a
// proxy with nothing behind it) held `project --postgres` forever, without a word. Now the
// connect timeout (src/projection/pg/connect.ts CONNECT_TIMEOUT_MS, 10 s) makes it
// postgres_unavailable; the child is killed at 40 s, so a hang fails the test instead of holding it.
errors('project --postgres to a server that never answers: postgres_unavailable within the connect timeout, not a hang', async () => {
  const silent = createServer((socket) => socket.on('error', () => undefined));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = silent.address() as AddressInfo;
    const run = await runCli(['project', '--data', chainDir, '--postgres', `postgres://postgres@127.0.0.1:${port}/postgres`, '--no-progress', '--json'], { timeoutMs: 40_000 });
    assert.is(run.signal, null, 'ended by itself, not killed at 40 s');
    const error = errorOf(run);
    assert.is(error.code, 'postgres_unavailable');
    assert.match(error.message, 'no answer from the server within 10 s');
  } finally {
    silent.close();
  }
});

// Walking docs/postgresql.md: `project --postgres` to a server that is not there asks "is the
// server running, and are the host and port in the URL right?"; `serve --postgres` said only
// "is unavailable: connect ECONNREFUSED 127.0.0.1:1".
errors('a PostgreSQL server nobody listens for: serve says what to check, as project does', async () => {
  const url = 'postgres://postgres@127.0.0.1:1/postgres';
  for (const args of [['project', '--data', chainDir, '--postgres', url, '--no-progress'], ['serve', '--postgres', url, '--port', '0']]) {
    const error = errorOf(await runCli([...args, '--json']));
    assert.is(error.code, 'postgres_unavailable', args[0]);
    assert.match(error.message, 'is the server running, and are the host and port in the URL right?', `${args[0]}: ${error.message}`);
  }
});

errors('damaged data directories: query, replay, roots and snapshot give coded errors', async () => {
  const damaged = (name: string, damage: (events: string) => void): string => {
    const dir = join(tmp.dir, name);
    cpSync(chainDir, dir, { recursive: true });
    damage(join(dir, 'events'));
    return dir;
  };
  const segment = (events: string): string => join(events, readdirSync(events).find((name) => name.endsWith('.log'))!);
  const cases: Array<[string, string]> = [
    [damaged('bad-ledger', (events) => writeFileSync(join(events, 'ledger.json'), 'garbage')), 'data_dir_invalid'],
    [damaged('no-genesis', (events) => writeFileSync(join(events, 'genesis.json'), '{')), 'genesis_changed'],
    [damaged('bad-meta', (events) => writeFileSync(join(events, 'block-log.json'), '[]')), 'log_meta_invalid'],
    // A flipped byte mid-segment: whichever part it hits, a coded error (which one is B's matrix).
    [damaged('bit-rot', (events) => flipByte(segment(events), statSync(segment(events)).size >> 1)), ''],
  ];
  for (const [dir, code] of cases) {
    // roots reads only the log (ledger.json and genesis are checked by the commands that replay).
    const readsLogOnly = code === 'data_dir_invalid' || code === 'genesis_changed';
    for (const command of [['query', 'nodes'], ['replay', '--no-progress'], ...(readsLogOnly ? [] : [['roots']]), ['snapshot']]) {
      const error = errorOf(await runCli([...command, '--data', dir, '--json']));
      if (code !== '') assert.is(error.code, code, `${command[0]} on ${dir}: ${error.message}`);
    }
  }
});

errors('a full disk and a read-only disk: snapshot, simulate and node name them (disk_full, read_only)', async () => {
  const full = tryMountTmpfs(join(tmp.dir, 'full'), 512);
  const readOnly = tryMountTmpfs(join(tmp.dir, 'ro'), 512);
  if (full === undefined || readOnly === undefined) {
    console.log('  (skipped: cannot mount a tmpfs here — run as root to test real ENOSPC/EROFS)');
    return;
  }
  mounts.push(full, readOnly);
  cpSync(chainDir, join(full.dir, 'chain'), { recursive: true });
  cpSync(chainDir, join(readOnly.dir, 'chain'), { recursive: true });
  fillDisk(full.dir);
  remount(readOnly.dir, true);
  for (const [mounted, code] of [[full, 'disk_full'], [readOnly, 'read_only']] as const) {
    const data = ['--data', join(mounted.dir, 'chain')];
    await expectCode(['snapshot', ...data], code);
    await expectCode(['simulate', '--data', join(mounted.dir, 'sim'), '--genesis', genesisFile, '--blocks', '3', '--no-progress'], code);
    await expectCode(['node', ...data, '--port', '0'], code);
    await expectCode(['init', '--genesis', genesisFile, '--data', join(mounted.dir, 'new')], code);
    // The projection is created on the full disk (SQLITE_FULL), refused on the read-only one.
    await expectCode(['project', ...data, '--no-progress'], code);
    await expectCode(['audit', ...data, '--no-progress'], code);
  }
});

errors('a chain without its ledger.json is refused by init, simulate and start, which change nothing; a damaged simulation.json is a coded error', async () => {
  const dir = join(tmp.dir, 'no-ledger');
  cpSync(chainDir, dir, { recursive: true });
  rmSync(join(dir, 'events', 'ledger.json'));
  const genesis = readFileSync(join(dir, 'events', 'genesis.json'));
  const other = fixturePath('e2e-single-node-genesis.json');
  await expectCode(['init', '--data', dir, '--genesis', other], 'data_dir_invalid');
  await expectCode(['simulate', '--data', dir, '--genesis', other, '--blocks', '1', '--no-progress'], 'data_dir_invalid');
  await expectCode(['start', '--data', dir, '--scale', '0.01', '--no-serve', '--no-progress'], 'data_dir_invalid');
  await expectCode(['start', '--data', dir, '--no-serve', '--no-progress'], 'data_dir_invalid');
  assert.ok(readFileSync(join(dir, 'events', 'genesis.json')).equals(genesis), 'the genesis copy is untouched');
  assert.not.ok(existsSync(join(dir, 'events', 'ledger.json')));
  const badSim = join(tmp.dir, 'bad-simulation');
  cpSync(chainDir, badSim, { recursive: true });
  writeFileSync(join(badSim, 'events', 'simulation.json'), '');
  await expectCode(['simulate', '--data', badSim, '--blocks', '1', '--no-progress'], 'data_dir_invalid');
  await expectCode(['start', '--data', badSim, '--no-serve', '--no-progress'], 'data_dir_invalid');
});

errors('a full disk during init or start leaves nothing half-written: after freeing space, init works', async () => {
  const small = tryMountTmpfs(join(tmp.dir, 'small'), 552);
  if (small === undefined) {
    console.log('  (skipped: cannot mount a tmpfs here — run as root to test real ENOSPC)');
    return;
  }
  mounts.push(small);
  const data = ['--data', join(small.dir, 'x')];
  // 552 KiB: the augmented genesis copy does not fit (it left a 0-byte simulation.json);
  // 632 KiB: it does, and so do the log and its manifests, but not the projection (SQLITE_FULL).
  await expectCode(['start', ...data, '--no-serve', '--no-progress', '--blocks', '1'], 'disk_full');
  assert.equal(readdirSync(small.dir), [], 'start: nothing of the failed init is left');
  resize(small.dir, 632);
  await expectCode(['init', ...data, '--genesis', bundledMainnetGenesisPath()], 'disk_full');
  assert.equal(readdirSync(small.dir), [], 'init: nothing of the failed init is left');
  await expectCode(['start', ...data, '--no-serve', '--no-progress', '--blocks', '1'], 'disk_full');
  rmSync(join(small.dir, 'x'), { recursive: true });
  resize(small.dir, 2048);
  const retry = await runCli(['init', ...data, '--genesis', bundledMainnetGenesisPath(), '--json']);
  assert.is(retry.code, 0, retry.stdout + retry.stderr);
});

errors('a projection SQLite may not write: read_only on a read-only mount, permission_denied for another user (project, rollback); audit of a current projection only reads it, on the read-only mount too', async () => {
  const mounted = tryMountTmpfs(join(tmp.dir, 'ro-projected'), 4096);
  if (mounted === undefined) {
    console.log('  (skipped: cannot mount a tmpfs here — run as root to test a read-only projection)');
    return;
  }
  mounts.push(mounted);
  const data = ['--data', join(mounted.dir, 'chain')];
  cpSync(chainDir, join(mounted.dir, 'chain'), { recursive: true });
  assert.is((await runCli(['project', ...data, '--no-progress'])).code, 0);
  remount(mounted.dir, true);
  for (const args of [['project', '--no-progress'], ['rollback', '--to', '4', '--yes']]) {
    const error = errorOf(await runCli([...args, ...data, '--json']));
    assert.is(error.code, 'read_only', `${args[0]}: ${error.message}`);
  }
  // A current projection closed cleanly is only read, on the read-only mount too
  // (projection/sqlite/read-only.ts; more in read-only-mount.test.ts).
  const auditedReadOnly = await runCli(['audit', '--no-progress', ...data, '--json']);
  assert.is(auditedReadOnly.code, 0, auditedReadOnly.stdout + auditedReadOnly.stderr);
  assert.is((JSON.parse(auditedReadOnly.stdout) as { mismatches: number }).mismatches, 0);
  const nobody = nobodyIds();
  if (nobody === undefined) return;
  // Another user's data directory, its projection read-only (0444): SQLITE_READONLY, as EACCES.
  const owned = join(tmp.dir, 'nobody-chain');
  cpSync(chainDir, owned, { recursive: true });
  assert.is((await runCli(['project', '--data', owned, '--no-progress'])).code, 0);
  execFileSync('chown', ['-R', `${nobody.uid}:${nobody.gid}`, owned]);
  execFileSync('chmod', ['a+rx', tmp.dir]);
  for (const name of readdirSync(join(owned, 'projections'))) chmodSync(join(owned, 'projections', name), 0o444);
  // The projection is current, so audit projects nothing and writes nothing to it: its user may
  // only read it (before the rollback below, which leaves a projection step for project to finish).
  const audited = await runCliAs(nobody, ['audit', '--no-progress', '--data', owned, '--json']);
  assert.is(audited.code, 0, audited.stdout + audited.stderr);
  assert.is((JSON.parse(audited.stdout) as { mismatches: number }).mismatches, 0);
  for (const args of [['project', '--no-progress'], ['rollback', '--to', '4', '--yes']]) {
    const error = errorOf(await runCliAs(nobody, [...args, '--data', owned, '--json']));
    assert.is(error.code, 'permission_denied', `${args[0]}: ${error.message}`);
    assert.is((error.details as { path: string }).path, join(owned, 'projections', 'ledger.sqlite'), args[0]);
  }
});

errors('a file where a directory is needed: not_a_directory naming the file (start, init, simulate, project, audit)', async () => {
  const file = join(tmp.dir, 'a-file');
  writeFileSync(file, 'not a directory');
  const withFile = (name: string, sub: string): string => {
    const dir = join(tmp.dir, name);
    cpSync(chainDir, dir, { recursive: true });
    rmSync(join(dir, sub), { recursive: true, force: true });
    writeFileSync(join(dir, sub), 'not a directory');
    return dir;
  };
  const noEvents = join(tmp.dir, 'events-file');
  mkdirSync(noEvents);
  writeFileSync(join(noEvents, 'events'), 'not a directory');
  const [projections, reports] = [withFile('projections-file', 'projections'), withFile('reports-file', 'reports')];
  const start = ['start', '--blocks', '0', '--no-serve', '--no-progress'];
  const table: Array<[string[], string]> = [
    [[...start, '--data', file], file],
    [['init', '--genesis', genesisFile, '--data', file], file],
    [['simulate', '--data', file, '--genesis', genesisFile, '--blocks', '1', '--no-progress'], file],
    // A file among the parents: the file is named, not the directory that could not be made.
    [[...start, '--data', join(file, 'sub', 'deeper')], file],
    [['project', '--data', projections, '--no-progress'], join(projections, 'projections')],
    [['audit', '--data', projections, '--no-progress'], join(projections, 'projections')],
    [[...start, '--data', projections], join(projections, 'projections')],
    [[...start, '--data', reports], join(reports, 'reports')],
    [['init', '--genesis', genesisFile, '--data', noEvents], join(noEvents, 'events')],
    [[...start, '--data', noEvents], join(noEvents, 'events')],
  ];
  for (const [args, path] of table) {
    const error = errorOf(await runCli([...args, '--json']));
    assert.is(error.code, 'not_a_directory', `${args.join(' ')}: ${error.message}`);
    assert.is((error.details as { path: string }).path, path, args.join(' '));
    assert.ok(error.message.startsWith(`${path} is a file, not a directory`), error.message);
  }
});

errors("start names the projection's errors as project does (projection_ahead_of_log)", async () => {
  const projected = join(tmp.dir, 'ahead-projected');
  const ahead = join(tmp.dir, 'ahead');
  cpSync(chainDir, projected, { recursive: true });
  cpSync(chainDir, ahead, { recursive: true });
  assert.is((await runCli(['project', '--data', projected, '--no-progress'])).code, 0);
  assert.is((await runCli(['rollback', '--data', ahead, '--to', '4', '--yes'])).code, 0);
  // The projection of all 6 blocks beside a log of 4 (as after a rollback the projection missed).
  cpSync(join(projected, 'projections'), join(ahead, 'projections'), { recursive: true });
  await expectCode(['start', '--data', ahead, '--blocks', '0', '--no-serve', '--no-progress'], 'projection_ahead_of_log');
  await expectCode(['project', '--data', ahead, '--no-progress'], 'projection_ahead_of_log');
});

errors("SQLite's failures are coded: a damaged projection, a full disk, no permission, an I/O error, a lock held", () => {
  const table: Array<[string, string | undefined]> = [
    ['SQLITE_CORRUPT', 'projection_damaged'],
    ['SQLITE_CORRUPT_INDEX', 'projection_damaged'],
    ['SQLITE_NOTADB', 'projection_damaged'],
    ['SQLITE_FULL', 'disk_full'],
    ['SQLITE_READONLY', 'permission_denied'],
    ['SQLITE_READONLY_DIRECTORY', 'permission_denied'],
    ['SQLITE_CANTOPEN', 'permission_denied'],
    ['SQLITE_IOERR_WRITE', 'io_error'],
    ['SQLITE_BUSY', 'projection_busy'],
    // A statement the ledger got wrong is a bug.
    ['SQLITE_ERROR', undefined],
    ['SQLITE_MISMATCH', undefined],
  ];
  for (const [sqlite, code] of table) {
    const mapped = asCliError(new Database.SqliteError('what SQLite said', sqlite));
    assert.is(mapped instanceof CliError ? mapped.code : undefined, code, sqlite);
    if (mapped instanceof CliError) assert.match(mapped.message, `(${sqlite}: what SQLite said)`);
  }
  const damaged = asCliError(new Database.SqliteError('database disk image is malformed', 'SQLITE_CORRUPT')) as CliError;
  assert.match(damaged.message, 'pokt-ledger project --rebuild');
  const projection = asCliError(new ProjectionError('projection_ahead_of_log', 'ahead', { height: 6 })) as CliError;
  assert.equal([projection.code, projection.message, projection.context], ['projection_ahead_of_log', 'ahead', { height: 6 }]);
  // A tree built without the explorer's client (tsc alone): a condition of the install, not a bug report.
  const unbuilt = asCliError(new ExplorerNotBuiltError('the explorer page is not built: … run `npm run build`')) as CliError;
  assert.equal([unbuilt instanceof CliError, unbuilt.code], [true, 'explorer_not_built']);
});

errors('PostgreSQL refusals (the driver\'s DatabaseError, by SQLSTATE) are coded, not internal errors calling themselves bugs', () => {
  const refused = (sqlstate: string, message: string): unknown => Object.assign(new pg.DatabaseError(message, message.length, 'error'), { code: sqlstate, severity: 'FATAL' });
  const table: Array<[unknown, string | undefined]> = [
    [refused('28P01', 'password authentication failed for user "qa"'), 'postgres_auth_failed'],
    [refused('28000', 'role "nobody" does not exist'), 'postgres_auth_failed'],
    [refused('3D000', 'database "nosuchdb" does not exist'), 'postgres_database_missing'],
    [refused('42501', 'permission denied for schema public'), 'database_permission_denied'],
    [refused('25006', 'cannot execute CREATE TABLE in a read-only transaction'), 'postgres_read_only'],
    // pg's own, before any SQLSTATE: the server wants a password the URL does not give.
    [new Error('SASL: SCRAM-SERVER-FIRST-MESSAGE: client password must be a string'), 'postgres_auth_failed'],
    // A statement the ledger got wrong stays a bug.
    [refused('42601', 'syntax error at or near "SELEC"'), undefined],
  ];
  for (const [error, code] of table) {
    const mapped = asCliError(error);
    assert.is(mapped instanceof CliError ? mapped.code : undefined, code, (error as Error).message);
  }
});

errors('a reader that closes stdout early (| head) ends the command quietly: exit 0, no stack trace', async () => {
  // A real shell pipe (Node's own 'pipe' stdio is a socket pair, which did not show the failure),
  // and ~170 KB of JSON: more than a pipe holds, so the CLI is still writing when head leaves.
  const script = 'set -o pipefail; "$0" "$1" query nodes --genesis "$2" --json | head -c 10 > /dev/null';
  const child = spawn('bash', ['-c', script, process.execPath, CLI_PATH, bundledMainnetGenesisPath()], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.not.match(stderr, STACK_FRAME, 'no stack trace');
  assert.not.match(stderr, /EPIPE/);
  assert.is(code, 0, stderr);
});

errors('a bug is internal_error with a hint to report it, and no stack unless POKT_LEDGER_DEBUG', () => {
  const written: string[] = [];
  const [stdout, stderr] = [process.stdout.write, process.stderr.write];
  const capture = ((chunk: string) => written.push(String(chunk)) > 0) as typeof process.stdout.write;
  const debug = process.env['POKT_LEDGER_DEBUG'];
  try {
    process.stdout.write = capture;
    process.stderr.write = capture;
    delete process.env['POKT_LEDGER_DEBUG'];
    assert.is(reportError(new TypeError('cannot read x of undefined'), true), 70);
    process.env['POKT_LEDGER_DEBUG'] = '1';
    assert.is(reportError(new TypeError('again'), false), 70);
    printError('disk_full', 'm', undefined, true);
  } finally {
    process.stdout.write = stdout;
    process.stderr.write = stderr;
    if (debug === undefined) delete process.env['POKT_LEDGER_DEBUG'];
    else process.env['POKT_LEDGER_DEBUG'] = debug;
  }
  const quiet = JSON.parse(written[0]!) as { error: { code: string; message: string; details: { hint: string } } };
  assert.equal([quiet.error.code, quiet.error.message], ['internal_error', 'TypeError: cannot read x of undefined']);
  assert.match(quiet.error.details.hint, /report/);
  assert.not.match(written[0]!, STACK_FRAME);
  assert.match(written.slice(1, 3).join(''), STACK_FRAME, 'the stack with POKT_LEDGER_DEBUG=1');
});

/** The log's head height of a data directory (read only). */
function headOf(dir: string): number {
  const { log } = BlockLog.open(blockLogDir(dir), { readOnly: true });
  try {
    return log.lastHeight;
  } finally {
    log.close();
  }
}

/**
 * The CLI on a pseudo-terminal (util-linux `script`: stdin, stdout and stderr are a tty), typing
 * `answer` once the prompt shows. stdout carries everything the terminal showed.
 */
function runCliOnTerminal(args: readonly string[], answer: string): Promise<CliRun> {
  const quote = (word: string): string => `'${word.replace(/'/g, `'\\''`)}'`;
  const line = [process.execPath, CLI_PATH, ...args].map(quote).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qec', line, '/dev/null'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let typed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      if (!typed && stdout.includes('to go on: ')) {
        typed = true;
        child.stdin.write(`${answer}\n`);
      }
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr: '' });
    });
  });
}

errors('rollback removes acknowledged blocks only when told: --yes, or the height typed back on a terminal; otherwise a coded refusal and nothing changed', async () => {
  const dir = join(tmp.dir, 'rollback-confirm');
  cpSync(chainDir, dir, { recursive: true });
  const head = headOf(dir);
  assert.ok(head > 3, `a chain to cut (${head} blocks)`);
  // Not a terminal (a script, CI): refused with exit 2, naming what would go and how to go on.
  const refused = await runCli(['rollback', '--data', dir, '--to', '2', '--json']);
  assert.is(refused.code, 2);
  const error = errorOf(refused);
  assert.is(error.code, 'confirmation_required');
  assert.match(error.message, new RegExp(`removes blocks 3–${head} \\(${head - 2} blocks\\) .* --yes`));
  assert.equal(error.details, { from: head, to: 2, blocks: head - 2 });
  assert.is(headOf(dir), head, 'nothing removed');
  // Nothing above H to remove: no question.
  assert.is((await runCli(['rollback', '--data', dir, '--to', String(head)])).code, 0);
  // A terminal: a wrong answer changes nothing (exit 1); the height typed back goes on.
  const wrong = await runCliOnTerminal(['rollback', '--data', dir, '--to', '2'], 'y');
  assert.is(wrong.code, 1, wrong.stdout);
  assert.match(wrong.stdout, /error \[not_confirmed\]: not confirmed \(the answer was not 2\): nothing was changed/);
  assert.is(headOf(dir), head, 'nothing removed after a wrong answer');
  const typed = await runCliOnTerminal(['rollback', '--data', dir, '--to', '2'], '2');
  assert.is(typed.code, 0, typed.stdout);
  assert.match(typed.stdout, new RegExp(`rolled back from height ${head} to 2`));
  assert.is(headOf(dir), 2);
  // --yes: no question.
  assert.is((await runCli(['rollback', '--data', dir, '--to', '1', '--yes'])).code, 0);
  assert.is(headOf(dir), 1);
});

errors.run();
