/**
 * Goal: `export` writes what pocket-core's ExportState writes where the ledger does not
 * deliberately differ (genesis/export.ts header). Method: the e2e localnet genesis imported,
 * then exported at height 0; each value is compared with the pocket-core line that writes it.
 */
import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { exportState } from '../../../src/genesis/export.js';
import { importGenesis } from '../../../src/genesis/import.js';
import { parseGenesis } from '../../../src/genesis/parse.js';
import { fixturePath } from '../../helpers/paths.js';

const localnetText = readFileSync(fixturePath('e2e-single-node-genesis.json'), 'utf8');

function exported(mutate: (json: any) => void = () => undefined): any {
  const json = JSON.parse(localnetText);
  mutate(json);
  const parsed = parseGenesis(JSON.stringify(json));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.error));
  return exportState(importGenesis(parsed.value), parsed.value.consensus);
}

const test = suite('export: the consensus params pocket-core writes');

test('block.max_bytes is the BlockByteSize parameter at H (app/pocket.go:166-168), not the first genesis value', () => {
  const file = exported((g) => (g.app_state.pocketcore.params.block_byte_size = '2000000'));
  assert.is(file.consensus_params.block.max_bytes, '2000000');
  assert.is(file.consensus_params.block.max_gas, '-1');
  assert.is(file.consensus_params.block.time_iota_ms, '1');
});

test('evidence.max_age is the 1000000 pocket-core writes (app/pocket.go:170-172), whatever the first genesis said', () => {
  assert.is(exported().consensus_params.evidence.max_age, '1000000');
  assert.equal(exported().consensus_params.validator.pub_key_types, ['ed25519']);
});

test.run();
