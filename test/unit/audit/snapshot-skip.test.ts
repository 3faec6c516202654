/**
 * Goal: the audit treats snapshots as a replay does — a truncated, bit-flipped or foreign
 * snapshot (another chain's, same chain id) is skipped with a coded warning and listed in
 * `snapshots_skipped`, never an internal error (exit 70) and never a mismatch: the verdict (exit
 * 0, 0 mismatches, supply holds) is about the ledger; the chain's own snapshots are still compared.
 * Method: two small simulated chains (seeds 5 and 6, snapshots at 4, 8 and 12); a fresh copy of
 * the first per case is damaged, then the real CLI's `audit --json` runs on it.
 */
import { cpSync, readdirSync, readFileSync, truncateSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { flipByte } from '../../helpers/log-fixtures.js';
import { runCli, scratch, writeSmallGenesis } from '../../helpers/sim.js';

const test = suite('audit: damaged and foreign snapshots');
const tmp = scratch('audit-snapshots');
const mine = join(tmp.dir, 'mine');
const foreign = join(tmp.dir, 'foreign');
const snapshotsOf = (dir: string): string[] => readdirSync(join(dir, 'snapshots')).filter((name) => name.endsWith('.snap')).sort();

test.before(async () => {
  const genesisFile = writeSmallGenesis(tmp.dir);
  for (const [dir, seed] of [[mine, '5'], [foreign, '6']] as const) {
    const made = await runCli(['simulate', '--data', dir, '--genesis', genesisFile, '--blocks', '12', '--seed', seed, '--txs-per-block', '3', '--snapshot-every', '4', '--no-progress', '--json']);
    assert.is(made.code, 0, made.stderr + made.stdout);
  }
  assert.is(snapshotsOf(mine).length, 3);
});

test.after(() => tmp.remove());

interface Audited {
  readonly summary: { mismatches: number; supply_ok: boolean; snapshots_checked: number; snapshots_skipped: Array<{ height: number; code: string; file: string }> };
  readonly stderr: string;
}

/** `audit --json` on a copy of the chain damaged by `damage`; exit 0 and no stack trace required. */
async function auditDamaged(name: string, damage: (dir: string) => void): Promise<Audited> {
  const dir = join(tmp.dir, `case-${name}`);
  cpSync(mine, dir, { recursive: true });
  damage(dir);
  const run = await runCli(['audit', '--data', dir, '--json', '--no-progress']);
  assert.is(run.code, 0, run.stderr + run.stdout.slice(0, 600));
  assert.not.match(run.stderr, /internal_error|\n\s{4}at /);
  return { summary: JSON.parse(run.stdout) as Audited['summary'], stderr: run.stderr };
}

function assertSkipped(audited: Audited, height: number, code: string): void {
  const { summary, stderr } = audited;
  assert.equal([summary.mismatches, summary.supply_ok], [0, true]);
  assert.equal(summary.snapshots_skipped.map((s) => [s.height, s.code]), [[height, code]]);
  assert.match(stderr, `warning [snapshot_skipped]: audit skipped snapshot ${summary.snapshots_skipped[0]!.file}`);
  // The chain's own snapshots at the other heights (4 and 8, or 12) are still compared.
  assert.is(summary.snapshots_checked, 2);
}

test('a truncated snapshot: skipped as snapshot_corrupt (was: internal_error "unexpected end of file")', async () => {
  const audited = await auditDamaged('truncated', (dir) => {
    const file = join(dir, 'snapshots', snapshotsOf(dir).at(-1)!);
    truncateSync(file, readFileSync(file).length - 100);
  });
  assertSkipped(audited, 12, 'snapshot_corrupt');
});

test('a bit flipped inside a snapshot: skipped as snapshot_corrupt (was: internal_error "incorrect data check")', async () => {
  const audited = await auditDamaged('flipped', (dir) => {
    const file = join(dir, 'snapshots', snapshotsOf(dir)[1]!);
    flipByte(file, Math.floor(readFileSync(file).length / 2));
  });
  assertSkipped(audited, 8, 'snapshot_corrupt');
});

test("another chain's snapshot beside the chain's own at the same height: skipped as snapshot_not_recorded (was: every balance a mismatch, supply broken); the own one is compared", async () => {
  const theirs = snapshotsOf(foreign).at(-1)!;
  assert.ok(!snapshotsOf(mine).includes(theirs), 'the chains differ');
  const audited = await auditDamaged('foreign', (dir) => cpSync(join(foreign, 'snapshots', theirs), join(dir, 'snapshots', theirs)));
  assert.equal([audited.summary.mismatches, audited.summary.supply_ok], [0, true]);
  assert.equal(audited.summary.snapshots_skipped.map((s) => [s.height, s.code]), [[12, 'snapshot_not_recorded']]);
  assert.is(audited.summary.snapshots_checked, 3);
});

test("another chain's snapshot instead of the chain's own: skipped, the verdict unchanged", async () => {
  const audited = await auditDamaged('replaced', (dir) => {
    // The reviewer's case: a snapshot copied from a chain made with another seed.
    const ours = snapshotsOf(dir).at(-1)!;
    const theirs = snapshotsOf(foreign).at(-1)!;
    unlinkSync(join(dir, 'snapshots', ours));
    cpSync(join(foreign, 'snapshots', theirs), join(dir, 'snapshots', theirs));
  });
  assert.equal([audited.summary.mismatches, audited.summary.supply_ok], [0, true]);
  assertSkipped(audited, 12, 'snapshot_not_recorded');
});

test('the human output names the skipped snapshot and keeps the verdict OK', async () => {
  const dir = join(tmp.dir, 'human');
  cpSync(mine, dir, { recursive: true });
  truncateSync(join(dir, 'snapshots', snapshotsOf(dir)[0]!), 10);
  const run = await runCli(['audit', '--data', dir, '--no-progress']);
  assert.is(run.code, 0, run.stderr);
  assert.match(run.stdout, /^audit PASS: .*2 snapshots \(1 skipped: damaged or foreign, not compared\); 0 mismatches, supply holds/);
  assert.match(run.stderr, 'warning [snapshot_skipped]');
});

test.run();
