/**
 * Goal: a malformed `pokt_ledger` section (the ledger's own extension of an exported state,
 * genesis/export.ts) is refused with the JSON path of what is wrong — never a TypeError out of
 * the parser or the import, never a height read as NaN.
 * Method: the e2e localnet genesis imported and exported at height 0 by this ledger, then one
 * member of the section replaced.
 */
import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { exportState } from '../../../src/genesis/export.js';
import { importGenesis } from '../../../src/genesis/import.js';
import { parseGenesis } from '../../../src/genesis/parse.js';
import { fixturePath } from '../../helpers/paths.js';

const test = suite('import: a malformed pokt_ledger section is refused with its path');

function exported(): any {
  const parsed = parseGenesis(readFileSync(fixturePath('e2e-single-node-genesis.json'), 'utf8'));
  if (!parsed.ok) throw new Error('localnet does not parse');
  return exportState(importGenesis(parsed.value));
}

/** The problems' paths of the file changed by `change` (none: it parsed; the import must not throw either). */
function refusedAt(change: (file: any) => void): string[] {
  const file = exported();
  change(file);
  const parsed = parseGenesis(JSON.stringify(file));
  if (parsed.ok) {
    importGenesis(parsed.value);
    return [];
  }
  return parsed.error.map((p) => p.path);
}

const cases: Array<[string, (file: any) => void, string]> = [
  ['a table that is not a list', (f) => (f.pokt_ledger.tables['auth/tx_index'] = 'x'), '$.pokt_ledger.tables.auth/tx_index'],
  ['a table entry that is not [key, encoded]', (f) => (f.pokt_ledger.tables['chain/block_hashes'] = [7]), '$.pokt_ledger.tables.chain/block_hashes[0]'],
  ['an entry key that is not a string', (f) => (f.pokt_ledger.tables['chain/block_hashes'] = [[5, '00']]), '$.pokt_ledger.tables.chain/block_hashes[0][0]'],
  ['a history table that is not a list', (f) => (f.pokt_ledger.versions['pos/validators'] = 'x'), '$.pokt_ledger.versions.pos/validators'],
  ['a history key that is not [key, versions]', (f) => (f.pokt_ledger.versions['pos/validators'] = [5]), '$.pokt_ledger.versions.pos/validators[0]'],
  ['versions that are not a list', (f) => (f.pokt_ledger.versions['pos/validators'][0][1] = {}), '$.pokt_ledger.versions.pos/validators[0][1]'],
  ['a version that is not [height, encoded or null]', (f) => (f.pokt_ledger.versions['pos/validators'][0][1][0] = 'x'), '$.pokt_ledger.versions.pos/validators[0][1][0]'],
  ['a version height that is not a height', (f) => (f.pokt_ledger.versions['pos/validators'][0][1][0][0] = 'abc'), '$.pokt_ledger.versions.pos/validators[0][1][0][0]'],
  // A key's versions are written in ascending heights, none above the exported height (state/table.ts
  // keeps them so; a read binary-searches them and the chain appends its own after them).
  ['version heights that do not ascend', (f) => f.pokt_ledger.versions['pos/validator_set'][0][1].push([0, f.pokt_ledger.versions['pos/validator_set'][0][1][0][1]]), '$.pokt_ledger.versions.pos/validator_set[0][1][1][0]'],
  ['a version height below 0', (f) => f.pokt_ledger.versions['pos/validator_set'][0][1].unshift([-1, f.pokt_ledger.versions['pos/validator_set'][0][1][0][1]]), '$.pokt_ledger.versions.pos/validator_set[0][1][0][0]'],
  ['a version above the exported height', (f) => f.pokt_ledger.versions['pos/validator_set'][0][1].push([5, f.pokt_ledger.versions['pos/validator_set'][0][1][0][1]]), '$.pokt_ledger.versions.pos/validator_set[0][1][1][0]'],
];

for (const [name, change, path] of cases) {
  test(name, () => {
    let paths: string[] = [];
    try {
      paths = refusedAt(change);
    } catch (error) {
      assert.unreachable(`threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    }
    assert.ok(paths.includes(path), `refused at ${JSON.stringify(paths)}, expected ${path}`);
  });
}

test.run();
