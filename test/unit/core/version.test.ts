/**
 * Goal: one version everywhere — core/version.ts equals package.json's "version" (the query
 * service, the audit report and `pokt-ledger --version` all print the constant), and
 * `pokt-ledger --version` (and -V) prints it and exits 0.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { packageRoot } from '../../../src/core/paths.js';
import { LEDGER_VERSION, LEDGER_VERSION_NUMBER } from '../../../src/core/version.js';
import { runCli } from '../../helpers/sim.js';

const test = suite('core: version');

test('LEDGER_VERSION is package.json\'s version', () => {
  const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
  assert.is(LEDGER_VERSION_NUMBER, pkg.version);
  assert.is(LEDGER_VERSION, `pokt-ledger ${pkg.version}`);
});

test('pokt-ledger --version / -V: the version, exit 0', async () => {
  for (const flag of ['--version', '-V']) {
    const run = await runCli([flag]);
    assert.equal([run.code, run.stdout, run.stderr], [0, `${LEDGER_VERSION}\n`, '']);
  }
});

test.run();
