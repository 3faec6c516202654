/**
 * Goal: `project` of a new projection reads the data directory's genesis copy from disk once —
 * its first open (for the log's tip) checks the copy and keeps the bytes, and the replay that
 * parses them takes those instead of reading the file again (it read it twice: ~0.7 s of CPU a
 * read for a 218 MB copy, docs/history.md 2026-12-07), yet reads it not at all for a projection
 * with nothing to do once the process checked the copy (`node` start: its writer opened the chain
 * first) — and a copy changed between the two opens is still refused (genesis_changed), never parsed from the bytes read before the change.
 * Method: initDataDir on a small genesis, project() into its SQLite file, node:fs's readFileSync
 * wrapped to count the reads of events/genesis.json (test/helpers/count-reads.ts); the change is
 * made from the onSeedingGenesis hook, which runs between the two opens.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { project } from '../../../src/projection/run.js';
import { DataDirError, initDataDir } from '../../../src/runtime/data-dir.js';
import { testGenesisJson, testKey } from '../../helpers/chain.js';
import { countReads } from '../../helpers/count-reads.js';
import { changeOneByteInPlace } from '../../helpers/genesis-copy.js';
import { scratch } from '../../helpers/sim.js';

const test = suite('projection: the genesis copy read once by a new projection');
const tmp = scratch('projection-genesis-reads');
test.after(() => tmp.remove());

const genesis = join(tmp.dir, 'genesis.json');
writeFileSync(genesis, testGenesisJson({ accounts: [{ key: testKey('alice'), balanceUpokt: 10_000_000_000n }], validators: [{ key: testKey('validator-1'), tokensUpokt: 100_000_000_000n }] }));

function newChain(name: string): { dataDir: string; copy: string } {
  const dataDir = join(tmp.dir, name);
  initDataDir(dataDir, genesis);
  return { dataDir, copy: join(dataDir, 'events', 'genesis.json') };
}

test('a new projection reads the genesis copy once', async () => {
  const { dataDir, copy } = newChain('once');
  const { value: report, reads } = await countReads(copy, () => project(dataDir));
  assert.ok(report.genesis_seeded, 'the genesis rows were written');
  assert.is(reads, 1);
});

test('a projection at its tip, after an open of the same process checked the copy (node start), reads it not at all', async () => {
  const { dataDir, copy } = newChain('at-tip');
  await project(dataDir);
  const { value: report, reads } = await countReads(copy, () => project(dataDir));
  assert.is(report.blocks, 0, 'nothing to project');
  assert.is(reads, 0);
});

test('a copy changed between the tip open and the replay (same size and modification time) is genesis_changed', async () => {
  const { dataDir, copy } = newChain('changed');
  const refused = await project(dataDir, { onSeedingGenesis: () => changeOneByteInPlace(copy) }).then(
    () => undefined,
    (error: unknown) => error,
  );
  assert.ok(refused instanceof DataDirError && refused.code === 'genesis_changed', String(refused));
});

test.run();
