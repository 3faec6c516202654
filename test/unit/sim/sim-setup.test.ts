/**
 * Goal: creating a simulated chain (`simulate --genesis F`) reads F from disk once — its size
 * check, the exported-state scans, the parse and the text the simulator edits all use those
 * bytes (it read F three times: a mainnet-sized export costs ~1 s a read) — and an exported
 * state in pocket-core's own shape (no `initial_height`; `app_state.pos.exported: true`) is
 * refused before the parse, while the genesis files the simulator takes are not.
 * Method: openOrCreateSimulation on small files in a scratch directory, node:fs's readFileSync
 * wrapped to count the reads of F (test/helpers/count-reads.ts, as replay.test.ts counts a genesis copy's).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { bundledMainnetGenesisPath } from '../../../src/core/paths.js';
import { GenesisError } from '../../../src/genesis/load.js';
import { openOrCreateSimulation, SimulationSetupError } from '../../../src/sim/sim-setup.js';
import { countReads } from '../../helpers/count-reads.js';
import { fixturePath } from '../../helpers/paths.js';
import { countQuoteSearches, sortKeys, stringsIn } from '../../helpers/scan-count.js';
import { scratch, writeSmallGenesis } from '../../helpers/sim.js';

const test = suite('sim: creating a chain from a genesis file');
const tmp = scratch('sim-setup');
test.after(() => tmp.remove());

/** The code openOrCreateSimulation refuses `file` with (a fresh data directory each call). */
function refusalOf(file: string, name: string): { code: string; message: string } {
  try {
    openOrCreateSimulation({ dataDir: join(tmp.dir, name), genesisFile: file, seed: 3n });
  } catch (error) {
    if (error instanceof SimulationSetupError || error instanceof GenesisError) return { code: error.code, message: error.message };
    throw error;
  }
  return { code: 'created', message: '' };
}

test('the source genesis is read from disk once', async () => {
  const file = writeSmallGenesis(tmp.dir);
  const { value, reads } = await countReads(file, () => openOrCreateSimulation({ dataDir: join(tmp.dir, 'once'), genesisFile: file, seed: 3n }));
  assert.ok(value.created);
  assert.is(reads, 1);
});

// pocket-core's ExportGenesis of the nodes module sets `Exported: true` (RC-0.12.0
// x/nodes/genesis.go:148; the field is `json:"exported"`, x/nodes/types/genesis.go:13), and
// export-genesis-for-reset writes no initial_height (app/pocket.go:156–187: a GenesisDoc of
// chain id, consensus params and app state only). The parse would refuse this file for what it
// lacks (invalid_genesis: no chain_id, no modules); the scan speaks first.
test('app_state.pos.exported true is refused as an exported state before the parse', () => {
  const file = join(tmp.dir, 'pos-exported-only.json');
  writeFileSync(file, JSON.stringify({ app_state: { pos: { exported: true } } }));
  const refused = refusalOf(file, 'pos-exported-only');
  assert.is(refused.code, 'sim_genesis_exported', refused.message);
  assert.match(refused.message, 'app_state.pos.exported');
});

/** The bundled mainnet genesis in pocket-core's export shape (pos.exported true, keys sorted, four spaces), as `<name>.json`. */
function mainnetAsExport(name: string): { file: string; text: string } {
  const doc = JSON.parse(readFileSync(bundledMainnetGenesisPath(), 'utf8')) as { app_state: { pos: { exported: boolean } } };
  doc.app_state.pos.exported = true;
  const file = join(tmp.dir, `${name}.json`);
  const text = JSON.stringify(sortKeys(doc), null, 4);
  writeFileSync(file, text);
  return { file, text };
}

test("the bundled mainnet genesis made pocket-core's export shape (pos.exported true, keys sorted, four spaces): sim_genesis_exported", () => {
  assert.is(refusalOf(mainnetAsExport('mainnet-as-export').file, 'mainnet-as-export').code, 'sim_genesis_exported');
});

// PERF: the byte scans skip each string with a search for its closing quote. An export in
// pocket-core's shape has no `initial_height`, and the scan for it walked the whole file (1–2.6 s
// at 218 MB) before the one for app_state.pos.exported refused it; now a search for the key's
// bytes comes first. Counted, not timed: the quote searches stay below the file's strings.
test("pocket-core's export shape is refused after one walk of its strings, not two", () => {
  const { file, text } = mainnetAsExport('mainnet-as-export-walked');
  const strings = stringsIn(text); // no escaped quote in it
  const { value: refused, searches } = countQuoteSearches(() => refusalOf(file, 'mainnet-as-export-walked'));
  assert.is(refused.code, 'sim_genesis_exported');
  assert.ok(searches < strings, `${searches} quote searches for ${strings} strings`);
});

test('the genesis files the simulator takes are not refused by the scan: the bundled mainnet genesis and the e2e fixture', () => {
  // Both say `"exported": false` in pos (and in application, which no scan reads).
  assert.is(refusalOf(bundledMainnetGenesisPath(), 'mainnet').code, 'created');
  assert.is(refusalOf(fixturePath('e2e-single-node-genesis.json'), 'e2e').code, 'created');
});


test.run();
