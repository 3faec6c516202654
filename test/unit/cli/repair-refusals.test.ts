/**
 * Goal: `repair` changes a data directory only when it is one chain whose block log it can mend.
 * A directory every other command refuses — ledger.json missing or damaged, genesis.json changed —
 * is refused by repair too, before it cuts anything, and "nothing was changed" is then true; damage
 * repair cannot mend (block-log.json lost or damaged: it rebuilds the head record, not the meta
 * file) is that damage's own coded error, never a prompt to give up heights that then fails.
 * Before: repair opened the log with `repair: true` first — the cut, the head rewritten,
 * events/rollback.json written — and met the missing ledger.json only at the projection step,
 * saying "nothing was changed"; a deleted block-log.json asked the operator to confirm giving up
 * "the records from the first damaged one on", then failed.
 * Also a record repair cannot see as damaged — its checksum holds, its bytes are no block record —
 * is named with its height and the way out (a backup, or rollback below it).
 * Method: a small simulated chain; each case damages a fresh copy, runs the compiled CLI's
 * `repair`, and compares every file under events/ before and after.
 */
import { appendFileSync, cpSync, readdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { encodeFrame } from '../../../src/log/frame.js';
import { flipByte } from '../../helpers/log-fixtures.js';
import { runCli, scratch, simulateSmallChain, type CliRun } from '../../helpers/sim.js';

const test = suite('cli: repair refuses what it cannot mend, and changes nothing then');
const tmp = scratch('repair-refusals');
const chain = join(tmp.dir, 'chain');
const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

test.before(async () => {
  const made = await simulateSmallChain(chain, tmp.dir, { blocks: 6, seed: 3, txsPerBlock: 2 });
  assert.is(made.code, 0, made.stderr + made.stdout);
});
test.after(() => tmp.remove());

/** Every file under `dir` with its bytes (hex of a digest would do; the files are small). */
function contents(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (at: string): void => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(dir, path), readFileSync(path).toString('base64'));
    }
  };
  walk(dir);
  return files;
}

/** The tip record's last payload byte flipped: damage repair would cut (height 6). */
function damageTip(dir: string): void {
  const segment = join(dir, 'events', 'segment-000000000001.log');
  flipByte(segment, statSync(segment).size - 2);
}

function codedError(run: CliRun): string {
  assert.not.match(run.stdout + run.stderr, STACK_FRAME, 'no stack trace');
  assert.is(run.code, 1, run.stdout + run.stderr);
  return (JSON.parse(run.stdout) as { error: { code: string } }).error.code;
}

const CASES: ReadonlyArray<{ name: string; damage: (dir: string) => void; code: string }> = [
  { name: 'ledger.json missing, a damaged record', damage: (dir) => (unlinkSync(join(dir, 'events', 'ledger.json')), damageTip(dir)), code: 'data_dir_invalid' },
  { name: 'ledger.json damaged, a damaged record', damage: (dir) => (writeFileSync(join(dir, 'events', 'ledger.json'), '{"chain'), damageTip(dir)), code: 'data_dir_invalid' },
  { name: 'genesis.json changed, a damaged record', damage: (dir) => (appendFileSync(join(dir, 'events', 'genesis.json'), ' '), damageTip(dir)), code: 'genesis_changed' },
  { name: 'ledger.json missing, the log whole', damage: (dir) => unlinkSync(join(dir, 'events', 'ledger.json')), code: 'data_dir_invalid' },
  { name: 'block-log.json deleted', damage: (dir) => unlinkSync(join(dir, 'events', 'block-log.json')), code: 'log_meta_invalid' },
  { name: 'block-log.json damaged', damage: (dir) => writeFileSync(join(dir, 'events', 'block-log.json'), '{\n'), code: 'log_meta_invalid' },
];

for (const [i, { name, damage, code }] of CASES.entries()) {
  test(`${name}: repair --yes is ${code} (exit 1) and nothing under events/ changed`, async () => {
    const dir = join(tmp.dir, `case-${i}`);
    cpSync(chain, dir, { recursive: true });
    damage(dir);
    const before = contents(join(dir, 'events'));
    for (const args of [['--yes'], []]) {
      const run = await runCli(['repair', '--data', dir, '--json', ...args]);
      assert.is(codedError(run), code, `repair ${args.join(' ')}: ${run.stdout}`);
    }
    assert.equal(contents(join(dir, 'events')), before, 'events/ as it was (no cut, no head rewritten, no rollback.json, no torn/)');
  });
}

test('a head record lost or damaged, the records whole: the question names what repair does (rewrites the head), not records given up', async () => {
  for (const [name, damage] of [['missing', (dir: string) => unlinkSync(join(dir, 'events', 'head'))], ['damaged', (dir: string) => writeFileSync(join(dir, 'events', 'head'), Buffer.alloc(1024, 0x55))]] as const) {
    const dir = join(tmp.dir, `head-${name}`);
    cpSync(chain, dir, { recursive: true });
    damage(dir);
    const asked = await runCli(['repair', '--data', dir, '--json']);
    assert.is(asked.code, 2, asked.stdout + asked.stderr);
    const message = (JSON.parse(asked.stdout) as { error: { code: string; message: string } }).error.message;
    // Before: "repair gives up the records from the first damaged one on (log_head_missing)" — all 6 were whole.
    assert.not.match(message, 'gives up the records', message);
    assert.match(message, /head record/, message);
    const repaired = await runCli(['repair', '--data', dir, '--yes', '--json']);
    assert.is(repaired.code, 0, repaired.stdout + repaired.stderr);
    assert.is((JSON.parse(repaired.stdout) as { last_height: number }).last_height, 6, 'every record kept');
  }
});

// The head lost, or the last records with it: both messages ended "open(ing) with repair" — the
// log library's option, not a command a CLI user can run (the other damage names `pokt-ledger repair`).
test('log_head_missing and log_records_lost name the command that accepts them: `pokt-ledger repair`', async () => {
  const headLost = join(tmp.dir, 'head-lost');
  cpSync(chain, headLost, { recursive: true });
  unlinkSync(join(headLost, 'events', 'head'));
  const recordsLost = join(tmp.dir, 'records-lost');
  cpSync(chain, recordsLost, { recursive: true });
  // The last frame cut off whole: the segment ends at 5, the head says 6 was acknowledged.
  const segment = join(recordsLost, 'events', 'segment-000000000001.log');
  const bytes = readFileSync(segment);
  let last = 0;
  for (let at = 0; at < bytes.length; at += 24 + bytes.readUInt32LE(at + 8)) last = at;
  writeFileSync(segment, bytes.subarray(0, last));
  for (const [dir, code] of [[headLost, 'log_head_missing'], [recordsLost, 'log_records_lost']] as const) {
    const run = await runCli(['roots', '--data', dir, '--json']);
    assert.is(codedError(run), code, run.stdout);
    const message = (JSON.parse(run.stdout) as { error: { message: string } }).error.message;
    assert.match(message, '`pokt-ledger repair`', message);
    assert.not.match(message, /open(ing)? with repair/, message);
  }
});

test('a record whose checksum is intact but whose bytes are no block (written so, or by another program) is record_malformed naming its height', async () => {
  const dir = join(tmp.dir, 'malformed');
  cpSync(chain, dir, { recursive: true });
  appendFileSync(join(dir, 'events', 'segment-000000000001.log'), encodeFrame(7, Buffer.from('not a block at all')));
  for (const command of [['roots'], ['replay', '--trust-signatures', '--no-progress']]) {
    const run = await runCli([...command, '--data', dir, '--json']);
    assert.is(codedError(run), 'record_malformed', run.stdout);
    // Before: "unexpected record field tag 110" — no height, no file, no way out.
    const message = (JSON.parse(run.stdout) as { error: { message: string } }).error.message;
    assert.match(message, 'height 7', message);
    assert.match(message, 'rollback --data', message);
  }
});

test('the way repair is meant: a damaged record in an intact directory is cut after --yes (the refusals above are not over-eager)', async () => {
  const dir = join(tmp.dir, 'mendable');
  cpSync(chain, dir, { recursive: true });
  damageTip(dir);
  const run = await runCli(['repair', '--data', dir, '--yes', '--json']);
  assert.is(run.code, 0, run.stdout + run.stderr);
  assert.is((JSON.parse(run.stdout) as { last_height: number }).last_height, 5);
});

test.run();
