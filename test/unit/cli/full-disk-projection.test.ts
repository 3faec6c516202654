/**
 * Goal: a projection that exists, on a disk that has filled since, is `disk_full` — not
 * "io_error: the device reported an I/O error: check it before retrying", which sends the
 * operator to check a healthy device. SQLite opening a WAL database creates and grows its -shm
 * file; on a full file system that fails as a bare SQLITE_IOERR_SHMSIZE (a write of the WAL or
 * the database as SQLITE_IOERR_WRITE), and `project` and `audit` said io_error (docs walk of
 * 2026-12-07, a full tmpfs under a node's chain). After freeing space the same command works.
 * Method: a real tmpfs (skipped with a note where mounting is not permitted), a small simulated
 * chain on it, projected; the disk filled to the last byte; the real CLI with --json.
 */
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli, scratch, writeSmallGenesis } from '../../helpers/sim.js';
import { fillDisk, freeDisk, tryMountTmpfs, type Mount } from '../../helpers/tmpfs.js';

const tmp = scratch('full-disk-projection');
const built = join(tmp.dir, 'built');
let mount: Mount | undefined;

const test = suite('cli: a full disk under an existing projection is disk_full, not io_error');

test.before(async () => {
  const made = await runCli(['simulate', '--data', built, '--genesis', writeSmallGenesis(tmp.dir), '--blocks', '4', '--txs-per-block', '2', '--seed', '5', '--no-progress', '--json']);
  assert.is(made.code, 0, made.stdout + made.stderr);
  const projected = await runCli(['project', '--data', built, '--no-progress', '--json']);
  assert.is(projected.code, 0, projected.stdout + projected.stderr);
  mount = tryMountTmpfs(join(tmp.dir, 'full'), 4096);
});

test.after(() => {
  mount?.unmount();
  tmp.remove();
});

test('project and audit on a full disk: disk_full naming the projection, no stack; after freeing space, project works', async () => {
  if (mount === undefined) {
    console.log('  (skipped: cannot mount a tmpfs here — run as root to test a real ENOSPC)');
    return;
  }
  const data = join(mount.dir, 'chain');
  cpSync(built, data, { recursive: true });
  const filler = fillDisk(mount.dir);
  for (const command of ['project', 'audit']) {
    const run = await runCli([command, '--data', data, '--no-progress', '--json']);
    assert.is(run.code, 1, `${command}: ${run.stdout}${run.stderr}`);
    const error = (JSON.parse(run.stdout) as { error: { code: string; message: string } }).error;
    assert.is(error.code, 'disk_full', `${command}: ${error.message}`);
    assert.ok(error.message.includes(join(data, 'projections')), `${command} names where: ${error.message}`);
    assert.not.match(run.stderr, /^\s+at .+:\d+:\d+\)?$/m);
  }
  freeDisk(filler);
  const again = await runCli(['project', '--data', data, '--no-progress', '--json']);
  assert.is(again.code, 0, again.stdout + again.stderr);
});

test.run();
