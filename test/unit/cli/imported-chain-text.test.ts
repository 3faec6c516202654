/**
 * Goal: a chain imported from an exported state at height H, before its first block, is
 * described as that state — `roots` said "the chain is at its genesis" for the import height
 * (docs walk of 2026-12-07, following docs/history.md's export/import), `verify` alike. A chain
 * made from a genesis keeps its words.
 * Method: the compiled CLI: a small simulated chain (3 blocks), `export --height 3`, `init` of a
 * new data directory from the file (the import), then `roots` and `verify` on it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli, scratch, writeSmallGenesis } from '../../helpers/sim.js';

const test = suite('cli: an imported chain in words');
const tmp = scratch('imported-text');
test.after(() => tmp.remove());
const source = join(tmp.dir, 'source');
const imported = join(tmp.dir, 'imported');

test.before(async () => {
  const made = await runCli(['simulate', '--data', source, '--genesis', writeSmallGenesis(tmp.dir), '--blocks', '3', '--txs-per-block', '2', '--no-progress', '--json']);
  assert.is(made.code, 0, made.stdout + made.stderr);
  const file = join(tmp.dir, 'export.json');
  const exported = await runCli(['export', '--data', source, '--height', '3', '--out', file, '--no-progress']);
  assert.is(exported.code, 0, exported.stdout + exported.stderr);
  const init = await runCli(['init', '--data', imported, '--genesis', file]);
  assert.is(init.code, 0, init.stdout + init.stderr);
});

test('roots and verify on an imported chain without blocks: the imported state at height 3, its first block 4', async () => {
  const roots = await runCli(['roots', '--data', imported]);
  assert.is(roots.code, 0, roots.stdout + roots.stderr);
  assert.is(roots.stdout, '');
  assert.is(roots.stderr, 'no stored block yet: the chain is the imported state at height 3 (its first block will be height 4)\n');
  const json = await runCli(['roots', '--data', imported, '--json']);
  assert.equal(JSON.parse(json.stdout), []);

  const verify = await runCli(['verify', '--data', imported, '--no-progress']);
  assert.is(verify.code, 0, verify.stdout + verify.stderr);
  assert.match(verify.stdout, /^no block yet: the chain is the imported state at height 3 \(its first block will be height 4\)\n/);
});

test('a chain from a genesis without blocks keeps its words', async () => {
  const fresh = join(tmp.dir, 'fresh');
  const init = await runCli(['init', '--data', fresh, '--genesis', join(tmp.dir, 'genesis.json')]);
  assert.is(init.code, 0, init.stdout + init.stderr);
  const roots = await runCli(['roots', '--data', fresh]);
  assert.is(roots.stderr, 'no stored block yet: the chain is at its genesis\n');
});

// A mainnet-sized audit spent ~18 s loading its genesis (300k accounts) with nothing on stderr
// before its bar (scale walk of 2026-12-07); and an imported chain with no block refused its
// empty range only after that load.
test('audit: a line while it loads its starting state; an imported chain without blocks is an empty range', async () => {
  const audited = await runCli(['audit', '--data', source]);
  assert.is(audited.code, 0, audited.stdout + audited.stderr);
  assert.match(audited.stderr, /^audit: loading the genesis state, the block log and the projection …$/m);
  const empty = await runCli(['audit', '--data', imported, '--json']);
  assert.is(empty.code, 1, empty.stdout + empty.stderr);
  assert.is((JSON.parse(empty.stdout) as { error: { code: string } }).error.code, 'empty_range');
});

// The import benchmark's file (pocket-core's shape: `initial_height`, no pokt_ledger section) was
// taken for a genesis by `simulate --genesis`: ~70 s of work on a mainnet-sized file, then
// sim_genesis_conflict ("an exported application needs its max_relays" — the simulator's own
// apps) whatever the seed (scale walk of 2026-12-07). It is an exported state, said as such.
test('simulate on a pocket-core-shaped export (initial_height, no pokt_ledger): sim_genesis_exported', async () => {
  const doc = JSON.parse(readFileSync(join(tmp.dir, 'export.json'), 'utf8')) as Record<string, unknown>;
  delete doc['pokt_ledger'];
  assert.ok('initial_height' in doc, 'the export names the height it continues at');
  const file = join(tmp.dir, 'pocket-core-shaped.json');
  writeFileSync(file, JSON.stringify(doc));
  const run = await runCli(['simulate', '--data', join(tmp.dir, 'sim-on-pocket-export'), '--genesis', file, '--blocks', '1', '--seed', '9', '--no-progress', '--json']);
  assert.is(run.code, 1, run.stdout + run.stderr);
  assert.is((JSON.parse(run.stdout) as { error: { code: string } }).error.code, 'sim_genesis_exported');
});

// The refusal above came only after the whole file was parsed: ~43 s at 218 MB (scale walk of
// 2026-12-07). A top-level `initial_height` string, found by a byte scan, is now enough: a file
// with one is an exported state to the parse too, refused there or invalid. Shown by a file the
// parse would refuse for its empty app_state (invalid_genesis) — the scan speaks first.
test('simulate: a top-level initial_height is refused as an exported state before the parse', async () => {
  const file = join(tmp.dir, 'initial-height-only.json');
  writeFileSync(file, JSON.stringify({ initial_height: '25', app_state: {} }));
  const run = await runCli(['simulate', '--data', join(tmp.dir, 'sim-on-initial-height'), '--genesis', file, '--blocks', '1', '--seed', '9', '--no-progress', '--json']);
  assert.is(run.code, 1, run.stdout + run.stderr);
  const error = (JSON.parse(run.stdout) as { error: { code: string; message: string } }).error;
  assert.is(error.code, 'sim_genesis_exported', error.message);
  assert.ok(error.message.includes('the state at height 24'), error.message);
});

test.run();
