/**
 * Goal: an audit killed while it writes `--lines-csv FILE` (Ctrl-C is the signal's default action
 * for audit: cli/interrupt.ts) leaves `FILE.tmp-<pid>` beside FILE; the next audit writing there
 * removes the leftovers of processes that are gone, as snapshot temp files are removed at open
 * (snapshot.ts removeStaleTemps), and leaves a live writer's alone. Dogfooding of 2026-12-07:
 * `audit --lines-csv out/lines.csv` stopped by SIGTERM left out/lines.csv.tmp-8493 for good.
 * Method: leftovers named with a pid above Linux's largest pid_max (2^22, proc(5)), which no
 * process can have, and with the parent process's pid (alive: the test runner).
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { LinesCsvWriter } from '../../../src/audit/csv.js';

const test = suite('audit --lines-csv: temporary files of killed audits');
const NO_SUCH_PID = 2 ** 22 + 1;

test('a dead writer\'s leftover is removed when the next writer opens; a live one\'s and other files stay', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pokt-ledger-lines-csv-'));
  try {
    const file = join(dir, 'lines.csv');
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
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
