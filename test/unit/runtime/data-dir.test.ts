/**
 * Goal: creating a chain never lands on another one, and never leaves a half-made one. A chain's
 * files (log segment, head, block-log.json, index, genesis.json, a snapshot, a projection)
 * without events/ledger.json are a damaged data directory: init, the simulator and every reader
 * refuse it (data_dir_invalid, naming what is there and what is missing) and change nothing; an
 * absent, empty or only-foreign-files directory is initialised, the foreign files kept. An init
 * that fails part-way (a full disk) removes what it created, so a retry works. The manifests are
 * written whole; a damaged ledger.json or simulation.json is a coded error saying what to do.
 * Method: in-process — a small chain (init + ChainWriter, empty blocks, snapshots), copies of its
 * files placed by the test; a failing step injected through initDataDir's `onStep` (an ENOSPC
 * error) and writeFileDurably's; directory trees compared byte for byte before and after.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { BlockLog, blockLogDir } from '../../../src/log/index.js';
import { ChainWriter } from '../../../src/runtime/chain-writer.js';
import { DataDirError, holdsChain, initDataDir, readDataDirConfig, type InitStep } from '../../../src/runtime/data-dir.js';
import { writeFileDurably } from '../../../src/runtime/durable-file.js';
import { readSimManifest } from '../../../src/sim/sim-genesis.js';
import { openOrCreateSimulation } from '../../../src/sim/sim-setup.js';
import { BLOCK_INTERVAL_NS, testGenesisJson, testKey } from '../../helpers/chain.js';
import { scratch } from '../../helpers/sim.js';

const tmp = scratch('data-dir');
const genesisA = join(tmp.dir, 'genesis-a.json');
const genesisB = join(tmp.dir, 'genesis-b.json');
writeFileSync(genesisA, testGenesisJson({ accounts: [{ key: testKey('alice'), balanceUpokt: 10_000_000_000n }], validators: [{ key: testKey('validator-1'), tokensUpokt: 100_000_000_000n }] }));
writeFileSync(genesisB, testGenesisJson({ accounts: [{ key: testKey('bob'), balanceUpokt: 10_000_000_000n }], validators: [{ key: testKey('validator-1'), tokensUpokt: 100_000_000_000n }] }));

/** A chain of 3 empty blocks with a snapshot at each, and a (pretend) projection file. */
async function chain(dir: string): Promise<string> {
  initDataDir(dir, genesisA);
  const writer = await ChainWriter.open(dir, { fsync: 'never', snapshotEvery: 1 });
  for (let i = 0; i < 3; i++) writer.produce({ timeNs: writer.lastBlockTimeNs + BLOCK_INTERVAL_NS, txs: [] });
  writer.close();
  mkdirSync(join(dir, 'projections'));
  writeFileSync(join(dir, 'projections', 'ledger.sqlite'), 'SQLite format 3\0');
  return dir;
}

/** Every file under `dir` with its bytes (directories as themselves): what "nothing changed" compares. */
function tree(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  const out: Record<string, string> = {};
  const walk = (at: string): void => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) {
        out[relative(dir, path) + '/'] = '';
        walk(path);
      } else out[relative(dir, path)] = readFileSync(path).toString('base64');
    }
  };
  walk(dir);
  return out;
}

function codeOf(action: () => unknown): DataDirError {
  try {
    action();
  } catch (error) {
    assert.instance(error, DataDirError, String(error));
    return error as DataDirError;
  }
  throw new Error('expected a DataDirError');
}

const diskFull = (): Error => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });

const test = suite('runtime: data directory creation');
test.after(() => tmp.remove());

test("a chain's files without events/ledger.json are refused by init, the simulator and readers; nothing changes", async () => {
  const source = await chain(join(tmp.dir, 'source'));
  const cases: Record<string, readonly string[]> = {
    'all but ledger.json': ['events', 'snapshots', 'projections'],
    segment: ['events/segment-000000000001.log'],
    head: ['events/head'],
    meta: ['events/block-log.json'],
    index: ['events/index'],
    genesis: ['events/genesis.json'],
    snapshot: ['snapshots'],
    projection: ['projections'],
  };
  for (const [name, parts] of Object.entries(cases)) {
    const dir = join(tmp.dir, `damaged-${name.replace(/ /g, '-')}`);
    for (const part of parts) cpSync(join(source, part), join(dir, part), { recursive: true });
    rmSync(join(dir, 'events', 'ledger.json'), { force: true });
    const before = tree(dir);
    const refused = codeOf(() => initDataDir(dir, genesisB));
    assert.is(refused.code, 'data_dir_invalid', `${name}: ${refused.message}`);
    assert.match(refused.message, /no events\/ledger\.json/, name);
    assert.ok((refused.context?.['found'] as string[]).length > 0, name);
    assert.is(codeOf(() => readDataDirConfig(dir)).code, 'data_dir_invalid', `${name}: a reader must not suggest init`);
    assert.is(codeOf(() => openOrCreateSimulation({ dataDir: dir, genesisFile: genesisB, seed: 1n })).code, 'data_dir_invalid', name);
    assert.equal(tree(dir), before, `${name}: nothing changed`);
  }
});

test('an absent, empty or only-foreign-files directory is initialised, and the foreign files are kept', () => {
  const absent = join(tmp.dir, 'fresh-absent');
  assert.is(holdsChain(absent), false);
  assert.is(initDataDir(absent, genesisA).chain_id, 'pokt-ledger-test');
  const empty = join(tmp.dir, 'fresh-empty');
  mkdirSync(join(empty, 'events'), { recursive: true });
  initDataDir(empty, genesisA);
  // As the repository root, the default data directory, is: READMEs and a canonical chain below events/.
  const foreign = join(tmp.dir, 'fresh-foreign');
  for (const file of ['events/README.md', 'events/.gitignore', 'events/canonical/README.md', 'snapshots/README.md', 'reports/audit.html']) {
    mkdirSync(join(foreign, file, '..'), { recursive: true });
    writeFileSync(join(foreign, file), file);
  }
  initDataDir(foreign, genesisA);
  assert.is(readFileSync(join(foreign, 'events/README.md'), 'utf8'), 'events/README.md');
  assert.is(readDataDirConfig(foreign).chain_id, 'pokt-ledger-test');
  assert.is(codeOf(() => initDataDir(foreign, genesisB)).code, 'data_dir_exists');
});

test('an init that fails part-way (a full disk) leaves the directory as it was; the retry works', () => {
  for (const step of ['log_created', 'files_written'] satisfies InitStep[]) {
    for (const existing of [false, true]) {
      const dir = join(tmp.dir, `failed-${step}-${existing}`);
      if (existing) {
        mkdirSync(join(dir, 'events'), { recursive: true });
        writeFileSync(join(dir, 'events', 'README.md'), 'not ours');
      }
      const before = tree(dir);
      const failAt = (at: InitStep): void => {
        if (at === step) throw diskFull();
      };
      assert.throws(() => initDataDir(dir, genesisA, { files: { 'simulation.json': '{}\n' }, onStep: failAt }), /ENOSPC/);
      assert.is(existsSync(dir), existing, `${step}: a directory init made is removed`);
      assert.equal(tree(dir), before, `${step}: nothing of the failed init is left`);
      initDataDir(dir, genesisA);
      assert.is(readDataDirConfig(dir).chain_id, 'pokt-ledger-test');
    }
  }
});

test('what a killed init leaves (a log with no block, no ledger.json) is refused with the way out', () => {
  const dir = join(tmp.dir, 'killed');
  BlockLog.open(blockLogDir(dir), { create: true, firstHeight: 1 }).log.close();
  const refused = codeOf(() => initDataDir(dir, genesisA));
  assert.is(refused.code, 'data_dir_invalid');
  assert.match(refused.message, /holds no block .*delete these files, then run init again/);
});

test('a damaged ledger.json or simulation.json is data_dir_invalid, saying what to do', async () => {
  const dir = join(tmp.dir, 'manifests');
  openOrCreateSimulation({ dataDir: dir, genesisFile: genesisA, seed: 7n });
  assert.is(readSimManifest(dir)?.seed, '7', 'the manifest is created with the chain');
  const ledger = join(dir, 'events', 'ledger.json');
  const simulation = join(dir, 'events', 'simulation.json');
  for (const text of ['', '{"format":', 'null']) {
    writeFileSync(simulation, text);
    const damaged = codeOf(() => readSimManifest(dir));
    assert.is(damaged.code, 'data_dir_invalid', JSON.stringify(text));
    assert.match(damaged.message, /simulation\.json .*restore it from a backup/);
  }
  for (const text of ['', '{"format":', 'null']) {
    writeFileSync(ledger, text);
    for (const action of [() => readDataDirConfig(dir), () => initDataDir(dir, genesisB)]) {
      const damaged = codeOf(action);
      assert.is(damaged.code, 'data_dir_invalid', JSON.stringify(text));
      assert.match(damaged.message, /ledger\.json.*restore it from a backup/);
    }
  }
});

test('writeFileDurably: a failure after the temporary file is written keeps the old file and leaves no temporary file', () => {
  const dir = join(tmp.dir, 'durable');
  mkdirSync(dir);
  const file = join(dir, 'manifest.json');
  writeFileDurably(file, 'old\n');
  assert.throws(() =>
    writeFileDurably(file, 'new\n', () => {
      throw diskFull();
    }),
  );
  assert.is(readFileSync(file, 'utf8'), 'old\n');
  assert.equal(readdirSync(dir), ['manifest.json']);
  writeFileDurably(file, Buffer.from('bytes\n'));
  assert.is(readFileSync(file, 'utf8'), 'bytes\n');
});

test.run();
