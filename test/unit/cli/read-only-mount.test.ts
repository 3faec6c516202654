/**
 * Goal: an auditor handed a data directory on a read-only medium (a snapshot volume, an evidence
 * disk) can audit it, verify it, list its roots, replay it, query it and serve it — as long as its
 * projection is current and was closed cleanly — and what must write there (snapshot, project,
 * replay --snapshot-every) is the coded `read_only` error; a projection whose write-ahead log was
 * never checkpointed is either read whole (its -shm beside it: SQLite reads the log read-only) or
 * refused with `read_only` saying why (no -shm: SQLite cannot index the log there) — never read
 * without its log, which would give stale rows silently.
 * Method: a small simulated chain, projected and closed cleanly, with a stale snapshot temp file
 * planted (a reader must not try to remove it there); the data directory bind-mounted read-only
 * (`mount --bind` + `mount -o remount,bind,ro`, as root) and the real launcher
 * (bin/pokt-ledger.js) run against the mount in child processes. The WAL cases leave one changed
 * balance row in an un-checkpointed -wal (a writer killed with SIGKILL): audit must find it (the
 * log was read) or refuse — a stale read would pass with 0 mismatches.
 * Where mounting is not permitted (not root, a container without CAP_SYS_ADMIN) each test prints
 * why it is skipped and passes, as the tmpfs tests do (test/helpers/tmpfs.ts); on the project's
 * machine they run.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { repoRoot } from '../../helpers/paths.js';
import { scratch, writeSmallGenesis, type CliRun } from '../../helpers/sim.js';
import { tryBindMountReadOnly, type Mount } from '../../helpers/tmpfs.js';

const tmp = scratch('read-only-mount');
const source = join(tmp.dir, 'chain');
const LAUNCHER = join(repoRoot(), 'bin', 'pokt-ledger.js');
const BLOCKS = 8;
/** A stack frame as V8 prints it ("    at fn (file:line:col)"). */
const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;
const mounts: Mount[] = [];

/** `pokt-ledger <args>` through the launcher, as a user runs it (the kernel runs the file). */
function run(args: readonly string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(LAUNCHER, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

async function ok<T = Record<string, unknown>>(args: readonly string[]): Promise<T> {
  const result = await run([...args, '--json']);
  assert.is(result.code, 0, `${args.join(' ')}: ${result.stdout}${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

async function refused(args: readonly string[]): Promise<{ code: string; message: string; details: Record<string, unknown> }> {
  const result = await run([...args, '--json']);
  assert.not.match(result.stdout + result.stderr, STACK_FRAME, `${args[0]}: no stack trace`);
  assert.is(result.code, 1, `${args.join(' ')}: exit 1 (a condition), got ${result.code}: ${result.stdout}${result.stderr}`);
  return (JSON.parse(result.stdout) as { error: { code: string; message: string; details: Record<string, unknown> } }).error;
}

/** `dir` mounted read-only at `<tmp>/<name>`, or undefined after saying loudly why not. */
function mountReadOnly(dir: string, name: string): Mount | undefined {
  const mounted = tryBindMountReadOnly(dir, join(tmp.dir, name));
  if (typeof mounted === 'string') {
    console.log(`  (SKIPPED: cannot bind-mount a directory read-only here (${mounted}) — run as root to test a read-only data directory)`);
    return undefined;
  }
  mounts.push(mounted);
  return mounted;
}

/** The audit's verdict: what two audits of the same chain must agree on. */
function verdictOf(summary: Record<string, unknown>): Record<string, unknown> {
  const { blocks, reward_lines, mismatches, supply_ok, minted_upokt, burned_upokt, total_supply_upokt } = summary;
  return { blocks, reward_lines, mismatches, supply_ok, minted_upokt, burned_upokt, total_supply_upokt };
}

/**
 * Leaves one balance row changed (+1 uPOKT) in the projection's write-ahead log, never
 * checkpointed: a writer that dies (SIGKILL) after its commit. The row's address is returned.
 */
async function leaveChangeInWal(dataDir: string): Promise<string> {
  const file = join(dataDir, 'projections', 'ledger.sqlite');
  const script = `
    const Database = require(${JSON.stringify(join(repoRoot(), 'node_modules', 'better-sqlite3'))});
    const db = new Database(${JSON.stringify(file)});
    db.pragma('wal_autocheckpoint = 0');
    const row = db.prepare('SELECT address, height FROM balances ORDER BY height DESC, address LIMIT 1').get();
    db.prepare('UPDATE balances SET balance_upokt = balance_upokt + 1 WHERE address = ? AND height = ?').run(row.address, row.height);
    process.stdout.write(row.address);
    process.kill(process.pid, 'SIGKILL');`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  let address = '';
  child.stdout.on('data', (chunk: Buffer) => (address += chunk.toString('utf8')));
  const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, signal) => resolve(signal)));
  assert.is(signal, 'SIGKILL', 'the writer died without closing the projection');
  assert.ok(statSync(`${file}-wal`).size > 0, 'its -wal holds the change');
  assert.ok(existsSync(`${file}-shm`), 'and its -shm is beside it');
  return address;
}

const readOnly = suite('cli: a data directory on a read-only mount');

readOnly.before(async () => {
  const genesis = writeSmallGenesis(tmp.dir);
  await ok(['simulate', '--data', source, '--genesis', genesis, '--blocks', String(BLOCKS), '--seed', '9', '--txs-per-block', '3', '--snapshot-every', '4', '--no-progress']);
  await ok(['project', '--data', source, '--no-progress']);
});

readOnly.after(() => {
  for (const mounted of mounts.reverse()) mounted.unmount();
  tmp.remove();
});

readOnly('a cleanly closed, current projection: audit (the same verdict), verify, roots, replay, query, project --check and serve read it; snapshot, project and replay --snapshot-every are read_only', async () => {
  const clean = join(tmp.dir, 'clean');
  cpSync(source, clean, { recursive: true });
  assert.equal(readdirSync(join(clean, 'projections')), ['ledger.sqlite'], 'closed cleanly by project: no -wal, no -shm');
  // (A reader's connection, this audit's, leaves an empty -wal and the -shm behind: the next test.)
  const reference = await ok(['audit', '--data', source, '--no-progress']);
  assert.is(reference['mismatches'], 0);
  // A snapshot write that never finished, of a process long gone: a reader leaves it there.
  const snapshot = readdirSync(join(clean, 'snapshots')).find((name) => name.endsWith('.snap'))!;
  writeFileSync(join(clean, 'snapshots', `${snapshot}.999999999.tmp`), 'torn');
  const mounted = mountReadOnly(clean, 'ro-clean');
  if (mounted === undefined) return;
  try {
    const data = ['--data', mounted.dir];
    assert.throws(() => writeFileSync(join(mounted.dir, 'probe'), 'x'), /EROFS/, 'the mount refuses writes');
    const html = join(tmp.dir, 'audit.html');
    const audited = await ok(['audit', ...data, '--no-progress', '--html', html]);
    assert.equal(verdictOf(audited), verdictOf(reference), 'the same verdict as on the writable directory');
    assert.is(audited['blocks'], BLOCKS);
    assert.ok(statSync(html).size > 0, 'the report is written outside the data directory');
    assert.is((await ok(['verify', ...data]))['ok'], true);
    assert.is((await ok<unknown[]>(['roots', ...data])).length, BLOCKS);
    assert.is((await ok(['replay', ...data, '--no-progress']))['verified'], true);
    assert.is((await ok(['replay', ...data, '--no-progress', '--from-snapshot']))['started_from'], 'snapshot');
    assert.ok(((await ok(['query', 'nodes', ...data]))['result'] as unknown[]).length > 0);
    assert.is((await ok(['project', '--check', ...data]))['file'], join(mounted.dir, 'projections', 'ledger.sqlite'));
    // Every row against a rebuild from the log: the rebuild cannot go beside the projection here.
    // A check of a read-only medium killed earlier left its scratch in the temporary directory: swept.
    const killedScratch = join(tmpdir(), 'pokt-ledger.against-log-999999999-killed');
    mkdirSync(killedScratch, { recursive: true });
    const againstLog = await run(['project', '--check', '--against-log', ...data, '--json']);
    assert.is(againstLog.code, 0, againstLog.stdout + againstLog.stderr);
    assert.is((JSON.parse(againstLog.stdout) as { against_log: { height: number } }).against_log.height, BLOCKS);
    assert.match(againstLog.stderr, new RegExp(`${join(mounted.dir, 'projections')} cannot be written \\(EROFS\\): the rebuild from the block log goes to ${tmpdir()}/pokt-ledger\\.against-log-\\d+-\\w+ instead, removed at the end \\(it needs about the projection's size there, [\\d.]+ MB\\)`));
    assert.ok(againstLog.stderr.includes(`removed ${killedScratch}: the scratch rebuild of a check that did not finish (process 999999999 is gone)`), againstLog.stderr);
    assert.equal(readdirSync(tmpdir()).filter((name) => name.startsWith('pokt-ledger.against-log-')), [], 'no scratch left in the temporary directory');
    const served = spawn(LAUNCHER, ['serve', ...data, '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
    try {
      let stderr = '';
      const url = await new Promise<string>((resolve, reject) => {
        served.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString('utf8');
          const match = /listening on (http:\/\/[0-9.]+:[0-9]+)/.exec(stderr);
          if (match) resolve(match[1]!);
        });
        served.on('close', (code) => reject(new Error(`serve exited (${code}): ${stderr}`)));
      });
      const answer = await fetch(`${url}/v1/query/height`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
      assert.equal(await answer.json(), { height: BLOCKS });
    } finally {
      served.kill('SIGTERM');
      if (served.exitCode === null) await new Promise((resolve) => served.on('close', resolve));
    }
    for (const args of [['snapshot'], ['project', '--no-progress'], ['replay', '--no-progress', '--snapshot-every', '2']]) {
      const error = await refused([...args, ...data]);
      assert.is(error.code, 'read_only', `${args[0]}: ${error.message}`);
      // Before replaying, not at its first snapshot: the snapshots directory, not a snapshot file in it.
      if (args[0] === 'replay') assert.is(error.details['path'], join(mounted.dir, 'snapshots'), error.message);
    }
  } finally {
    mounted.unmount();
  }
  assert.ok(existsSync(join(clean, 'snapshots', `${snapshot}.999999999.tmp`)), 'the temp file is still there');
});

readOnly('an un-checkpointed WAL: read whole with its -shm (audit finds the change it holds), refused read_only without (why, and what to do), never read stale; an empty -wal is nothing to read', async () => {
  const withShm = join(tmp.dir, 'wal');
  cpSync(source, withShm, { recursive: true });
  const changed = await leaveChangeInWal(withShm);
  const withoutShm = join(tmp.dir, 'wal-no-shm');
  cpSync(withShm, withoutShm, { recursive: true });
  rmSync(join(withoutShm, 'projections', 'ledger.sqlite-shm'));
  // What a reader's connection leaves (the first test's audit): an empty -wal and the -shm;
  // and the same without the -shm (SQLite cannot make one on the mount: nothing in the log to read).
  assert.is(statSync(join(source, 'projections', 'ledger.sqlite-wal')).size, 0, 'a reader left an empty -wal');
  assert.ok(existsSync(join(source, 'projections', 'ledger.sqlite-shm')), 'and the -shm');
  const emptyWal = join(tmp.dir, 'empty-wal');
  cpSync(source, emptyWal, { recursive: true });
  rmSync(join(emptyWal, 'projections', 'ledger.sqlite-shm'));

  const namesTheChange = (run: CliRun, where: string): void => {
    assert.is(run.code, 1, `${where}: the audit fails: ${run.stderr}`);
    const summary = JSON.parse(run.stdout) as { mismatches: number; mismatch_list: Array<{ account: string | null; line: string }> };
    assert.ok(summary.mismatches > 0, where);
    assert.ok(summary.mismatch_list.some((m) => m.account === changed && m.line.startsWith('balance')), `${where}: the changed balance of ${changed} is named: ${JSON.stringify(summary.mismatch_list.slice(0, 5))}`);
  };

  const shmMount = mountReadOnly(withShm, 'ro-wal');
  if (shmMount === undefined) return;
  try {
    namesTheChange(await run(['audit', '--data', shmMount.dir, '--no-progress', '--json']), 'with its -shm on the read-only mount');
  } finally {
    shmMount.unmount();
  }

  const noShmMount = mountReadOnly(withoutShm, 'ro-wal-no-shm');
  if (noShmMount === undefined) return;
  try {
    const data = ['--data', noShmMount.dir];
    const wal = join(noShmMount.dir, 'projections', 'ledger.sqlite-wal');
    for (const args of [['audit', '--no-progress'], ['project', '--check'], ['serve', '--port', '0']]) {
      const error = await refused([...args, ...data]);
      assert.is(error.code, 'read_only', `${args[0]}: ${error.message}`);
      assert.match(error.message, `write-ahead log ${wal} holds ${statSync(wal).size} bytes that may not be checkpointed into it yet`);
      assert.match(error.message, /Copy the data directory to a writable place/);
      assert.is(error.details['path'], wal, args[0]);
    }
  } finally {
    noShmMount.unmount();
  }
  // The advice works: where it may write, SQLite replays the log, and the change is found.
  namesTheChange(await run(['audit', '--data', withoutShm, '--no-progress', '--json']), 'copied to a writable place');

  for (const [dir, name] of [[source, 'ro-empty-wal-shm'], [emptyWal, 'ro-empty-wal']] as const) {
    const emptyMount = mountReadOnly(dir, name);
    if (emptyMount === undefined) return;
    try {
      assert.is((await ok(['audit', '--data', emptyMount.dir, '--no-progress']))['mismatches'], 0, name);
    } finally {
      emptyMount.unmount();
    }
  }
});

readOnly.run();
