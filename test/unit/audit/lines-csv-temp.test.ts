/**
 * Goal: an audit killed while it writes `--lines-csv FILE` (Ctrl-C is the signal's default action
 * for audit: cli/interrupt.ts) leaves `FILE.tmp-<pid>` beside FILE; the next audit writing there
 * removes the leftovers of processes that are gone, as snapshot temp files are removed at open
 * (snapshot.ts removeStaleTemps), and leaves a live writer's alone. Dogfooding of 2026-12-07:
 * `audit --lines-csv out/lines.csv` stopped by SIGTERM left out/lines.csv.tmp-8493 for good.
 * Method: leftovers named with a pid above Linux's largest pid_max (2^22, proc(5)), which no
 * process can have, and with the parent process's pid (alive: the test runner).
 */
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { LinesCsvWriter } from '../../../src/audit/csv.js';

const test = suite('audit --lines-csv: temporary files of killed audits');
const NO_SUCH_PID = 2 ** 22 + 1;

/** `check(dir, file)` in a fresh directory, `file` the --lines-csv path in it; the directory removed after. */
function inFreshDir(check: (dir: string, file: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'pokt-ledger-lines-csv-'));
  try {
    check(dir, join(dir, 'lines.csv'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('a dead writer\'s leftover is removed when the next writer opens; a live one\'s and other files stay', () => {
  inFreshDir((dir, file) => {
    const dead = `${file}.tmp-${NO_SUCH_PID}`;
    const alive = `${file}.tmp-${process.ppid}`;
    const other = join(dir, 'other.csv.tmp-1');
    writeFileSync(dead, 'height,kind\n1,relay\n');
    writeFileSync(alive, 'a running audit writes here');
    writeFileSync(other, 'not ours');
    const writer = new LinesCsvWriter(file);
    assert.not.ok(existsSync(dead), 'the killed audit\'s temp file is gone');
    assert.ok(existsSync(alive), 'a live writer\'s temp file is left alone');
    assert.ok(existsSync(other), 'a file of another name is not touched');
    writer.close();
    assert.equal(readdirSync(dir).sort(), ['lines.csv', `lines.csv.tmp-${process.ppid}`, 'other.csv.tmp-1']);
  });
});

// The clean-up is a courtesy to the user, never the audit's failure nor another user's loss: an
// entry of the leftover's name that is not what a writer leaves (a directory: the audit failed on
// it with EISDIR) is left and the audit writes on; one owned by another user is theirs (a process
// in another pid namespace sharing the directory may be alive under a pid that looks dead here)
// and is kept — as root, which could remove it, too.
test('a directory named like a leftover is left, and the writer opens all the same', () => {
  inFreshDir((dir, file) => {
    const stuck = `${file}.tmp-${NO_SUCH_PID}`;
    mkdirSync(join(stuck, 'inside'), { recursive: true });
    const writer = new LinesCsvWriter(file);
    writer.close();
    assert.ok(existsSync(file), 'the audit wrote its file');
    assert.ok(existsSync(join(stuck, 'inside')), 'the directory is left as it was');
  });
});

// Only the name a writer gives (`.tmp-` and the pid in decimal) is a leftover: Number() would
// also read '0x400001' or '4.194305e6' as the dead pid 4194305.
test('a file named like a leftover but not with a decimal pid is not touched', () => {
  inFreshDir((dir, file) => {
    const lookalikes = [`${file}.tmp-0x${NO_SUCH_PID.toString(16)}`, `${file}.tmp-4.194305e6`, `${file}.tmp- ${NO_SUCH_PID}`];
    for (const name of lookalikes) writeFileSync(name, 'the user\'s own file');
    new LinesCsvWriter(file).close();
    for (const name of lookalikes) assert.ok(existsSync(name), `${name} is kept`);
  });
});

const NOBODY = 65534;
const runsAsRoot = process.getuid?.() === 0;

test('a dead pid\'s leftover owned by another user is not removed (checked where the test runs as root)', () => {
  if (!runsAsRoot) return; // only root can make a file another user owns
  inFreshDir((dir, file) => {
    const theirs = `${file}.tmp-${NO_SUCH_PID}`;
    writeFileSync(theirs, 'another user\'s audit');
    chownSync(theirs, NOBODY, NOBODY);
    new LinesCsvWriter(file).close();
    assert.ok(existsSync(theirs), 'another user\'s file is kept');
  });
});

test.run();
