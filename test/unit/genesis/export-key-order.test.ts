/**
 * Goal: `pokt-ledger export` writes every object's keys in Go's order, as pocket-core's SortJSON
 * does (app/util.go:98-109: json.Unmarshal into interface{}, MarshalIndent writes each map's keys
 * sorted by their bytes — encoding/json's mapEncoder sorts with Go's bytewise string `<`) — integer-
 * like keys too, which a JavaScript object lists first whatever the insertion order.
 * Method: a chain whose genesis sets RelaysToTokensMultiplierMap {"1234", "0021"} (chain ids are
 * hex, x/nodes/types/util.go:53-68: "1234" is one, and also a canonical array index in JS),
 * exported at height 0 by the command itself (bin/pokt-ledger.js, a child process); the order is
 * read from the text, which JSON.parse would lose.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { initDataDir } from '../../../src/runtime/data-dir.js';
import { fixturePath, repoRoot } from '../../helpers/paths.js';
import { scratch } from '../../helpers/sim.js';

const test = suite("export: keys in Go's order");
let work: ReturnType<typeof scratch>;
let text: string;

test.before(() => {
  work = scratch('export-key-order');
  const genesis = JSON.parse(readFileSync(fixturePath('e2e-single-node-genesis.json'), 'utf8'));
  genesis.app_state.pos.params.relays_to_tokens_multiplier_map = { '1234': '9000', '0021': '8000' };
  const file = join(work.dir, 'genesis.json');
  writeFileSync(file, JSON.stringify(genesis));
  const dir = join(work.dir, 'chain');
  initDataDir(dir, file);
  const run = spawnSync(process.execPath, [join(repoRoot(), 'bin', 'pokt-ledger.js'), 'export', '--data', dir, '--height', '0', '--no-progress'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
  text = run.stdout;
});
test.after(() => work.remove());

test('RelaysToTokensMultiplierMap: "0021" before "1234", as Go sorts the map keys ("0" < "1")', () => {
  const map = /"relays_to_tokens_multiplier_map": \{[^}]*\}/.exec(text)?.[0];
  assert.ok(map !== undefined, 'the map is written');
  assert.ok(map!.indexOf('"0021"') < map!.indexOf('"1234"'), map);
});

test('the file still reads back as the same document', () => {
  const doc = JSON.parse(text);
  assert.equal(doc.app_state.pos.params.relays_to_tokens_multiplier_map, { '0021': '8000', '1234': '9000' });
});

test.run();
