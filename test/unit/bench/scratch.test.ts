/**
 * Goal: a benchmark run killed without an exit (SIGKILL, the OOM killer) leaves scratch
 * directories that the next run removes — only those of benchmark runs whose process is gone.
 * Method: sweepDeadScratch on a temporary root holding a dead run's directory (the pid of a child
 * that has exited), a live one's (this process), and a directory that is not a benchmark's.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { scratchDir, sweepDeadScratch } from '../../../bench/lib/scratch.js';

const scratch = suite('bench scratch directories');

scratch('the next run removes a killed run\'s scratch, and only that', () => {
  const root = mkdtempSync(join(tmpdir(), 'bench-scratch-test-'));
  try {
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    const names = { dead: `bench-query-pid${dead}-AbC123`, live: `pokt-bench-log-pid${process.pid}-AbC123`, other: `other-pid${dead}-AbC123` };
    for (const name of Object.values(names)) mkdirSync(join(root, name));
    assert.equal(sweepDeadScratch(root), [join(root, names.dead)]);
    assert.not.ok(existsSync(join(root, names.dead)));
    assert.ok(existsSync(join(root, names.live)));
    assert.ok(existsSync(join(root, names.other)));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

scratch('a scratch directory is named so that a sweep can tell its run', () => {
  const dir = scratchDir('pokt-ledger-bench-test-');
  try {
    assert.match(dir, new RegExp(`pokt-ledger-bench-test-pid${process.pid}-[A-Za-z0-9]{6}$`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

scratch.run();
