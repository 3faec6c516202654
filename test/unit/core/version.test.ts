/**
 * Goal: one version everywhere — core/version.ts equals package.json's "version" (the query
 * service, the audit report and `pokt-ledger --version` all print the constant).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { packageRoot } from '../../../src/core/paths.js';
import { LEDGER_VERSION, LEDGER_VERSION_NUMBER } from '../../../src/core/version.js';

const test = suite('core: version');

test('LEDGER_VERSION is package.json\'s version', () => {
  const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
  assert.is(LEDGER_VERSION_NUMBER, pkg.version);
  assert.is(LEDGER_VERSION, `pokt-ledger ${pkg.version}`);
});

test.run();
