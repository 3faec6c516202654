/**
 * Goal: the data directory looks after itself, and says so. Snapshots are pruned to the
 * retention setting (at open and after each snapshot); temporary snapshot files of dead
 * processes are removed, a live writer's are not; a snapshot is used only if the log recorded
 * its root at its height (a foreign one, a damaged one and one above the log's end are skipped
 * with a warning, falling back to an older one); snapshots above the tip (another chain's, copied
 * in) neither count for retention nor push the chain's own out; ledger.json that disagrees with its genesis is
 * refused before anything runs.
 * Method: a small chain made in-process (init + ChainWriter, empty blocks), files placed by the
 * test, warnings collected through the `onWarning` sink.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { initDataDir, DataDirError } from '../../../src/runtime/data-dir.js';
import { ChainWriter } from '../../../src/runtime/chain-writer.js';
import { checkChainFiles, type ChainWarning } from '../../../src/runtime/open-chain.js';
import { replay } from '../../../src/runtime/replay.js';
import { listSnapshots, removeStaleTemps, snapshotsDir, writeSnapshot } from '../../../src/snapshot/snapshot.js';
import { BLOCK_INTERVAL_NS, testGenesisJson, testKey } from '../../helpers/chain.js';
import { scratch } from '../../helpers/sim.js';

const tmp = scratch('housekeeping');

function genesisFile(name: string, holder: string): string {
  const file = join(tmp.dir, `${name}.json`);
  writeFileSync(file, testGenesisJson({ accounts: [{ key: testKey(holder), balanceUpokt: 10_000_000_000n }], validators: [{ key: testKey('validator-1'), tokensUpokt: 100_000_000_000n }] }));
  return file;
}

/** A chain of `blocks` empty blocks in `<tmp>/<name>`, snapshots as asked. */
async function chain(name: string, blocks: number, options: { snapshotEvery?: number; keepSnapshots?: number; holder?: string } = {}): Promise<string> {
  const dir = join(tmp.dir, name);
  initDataDir(dir, genesisFile(`${name}-genesis`, options.holder ?? 'alice'));
  const writer = await ChainWriter.open(dir, { fsync: 'never', snapshotEvery: options.snapshotEvery ?? 0, ...(options.keepSnapshots === undefined ? {} : { keepSnapshots: options.keepSnapshots }) });
  for (let i = 0; i < blocks; i++) writer.produce({ timeNs: writer.lastBlockTimeNs + BLOCK_INTERVAL_NS, txs: [] });
  writer.close();
  return dir;
}

const collect = (): { warnings: ChainWarning[]; sink: (w: ChainWarning) => void } => {
  const warnings: ChainWarning[] = [];
  return { warnings, sink: (w) => warnings.push(w) };
};

const house = suite('runtime: data directory housekeeping');
house.after(() => tmp.remove());

house('snapshots are pruned to the retention setting after each snapshot and at open', async () => {
  const dir = await chain('retention', 6, { snapshotEvery: 1, keepSnapshots: 2 });
  assert.equal(listSnapshots(dir).map((s) => s.height), [5, 6]);
  const { warnings, sink } = collect();
  const writer = await ChainWriter.open(dir, { keepSnapshots: 1, onWarning: sink });
  writer.close();
  assert.equal(listSnapshots(dir).map((s) => s.height), [6]);
  assert.equal(warnings.map((w) => w.code), ['snapshots_pruned']);
});

house("snapshots above the tip (another chain's) do not count for retention: the chain's own, the one just written included, are kept", async () => {
  const dir = await chain('foreign-above', 4, { snapshotEvery: 2, keepSnapshots: 3 });
  const other = await chain('foreign-source', 2, { snapshotEvery: 2, holder: 'bob' });
  const theirs = listSnapshots(other)[0]!;
  // Three of theirs, renamed above our tip (4): retention 3 used to keep exactly these.
  const [, root] = theirs.file.split('/').at(-1)!.replace('.snap', '').split('-');
  const above = [100, 101, 102].map((height) => join(snapshotsDir(dir), `${String(height).padStart(12, '0')}-${root}.snap`));
  for (const file of above) copyFileSync(theirs.file, file);
  const { warnings, sink } = collect();
  const writer = await ChainWriter.open(dir, { fsync: 'never', keepSnapshots: 3, onWarning: sink });
  try {
    assert.equal(listSnapshots(dir).map((s) => s.height), [2, 4, 100, 101, 102], 'nothing pruned at open');
    assert.not.ok(warnings.some((w) => w.code === 'snapshots_pruned'));
    writer.produce({ timeNs: writer.lastBlockTimeNs + BLOCK_INTERVAL_NS, txs: [] });
    const { state } = await replay(dir, { fromSnapshot: true, trustSignatures: true, onWarning: () => undefined });
    const written = writeSnapshot(dir, state, { keep: 2 });
    assert.is(written.height, 5);
    assert.equal(written.pruned.map((file) => file.split('/').at(-1)!.slice(0, 12)), ['000000000002']);
    assert.equal(listSnapshots(dir).map((s) => s.height), [4, 5, 100, 101, 102]);
  } finally {
    writer.close();
  }
});

house("a foreign snapshot below the tip (a root the log did not record there) does not count for retention: the chain's own older one is kept", async () => {
  const dir = await chain('foreign-below', 6, { snapshotEvery: 2, keepSnapshots: 3 });
  const other = await chain('foreign-below-source', 2, { snapshotEvery: 2, holder: 'carol' });
  const theirs = listSnapshots(other)[0]!;
  const [, root] = theirs.file.split('/').at(-1)!.replace('.snap', '').split('-');
  // Theirs, named as of our height 5 (below our tip 6): counted, it pushed our snapshot at 2 out.
  copyFileSync(theirs.file, join(snapshotsDir(dir), `${String(5).padStart(12, '0')}-${root}.snap`));
  const { warnings, sink } = collect();
  const writer = await ChainWriter.open(dir, { fsync: 'never', keepSnapshots: 3, snapshotEvery: 2, onWarning: sink });
  try {
    assert.equal(listSnapshots(dir).map((s) => s.height), [2, 4, 5, 6], 'nothing pruned at open: ours are 3');
    assert.not.ok(warnings.some((w) => w.code === 'snapshots_pruned'));
    writer.produce({ timeNs: writer.lastBlockTimeNs + BLOCK_INTERVAL_NS, txs: [] });
    writer.produce({ timeNs: writer.lastBlockTimeNs + BLOCK_INTERVAL_NS, txs: [] }); // 8: a snapshot, then retention
    assert.equal(listSnapshots(dir).map((s) => s.height), [4, 5, 6, 8], 'our oldest (2) goes; theirs is neither counted nor deleted');
  } finally {
    writer.close();
  }
});

house("temporary snapshot files of dead processes are removed at open; a live process's are kept", async () => {
  const dir = await chain('temps', 2, { snapshotEvery: 2 });
  const name = readdirSync(snapshotsDir(dir)).find((file) => file.endsWith('.snap')) as string;
  const dead = `${name}.999999999.tmp`;
  const live = `${name}.${process.pid}.tmp`;
  const old = `${name}.tmp`;
  for (const file of [dead, live, old]) writeFileSync(join(snapshotsDir(dir), file), 'partial');
  assert.equal(removeStaleTemps(dir).map((file) => file.slice(snapshotsDir(dir).length + 1)).sort(), [dead, old].sort());
  assert.ok(readdirSync(snapshotsDir(dir)).includes(live));
});

house('a snapshot is used only when the log recorded its root: foreign, damaged and above-the-tip ones are skipped, with warnings', async () => {
  const dir = await chain('proven', 6, { snapshotEvery: 2, keepSnapshots: 3 });
  const other = await chain('other', 8, { snapshotEvery: 2, keepSnapshots: 4, holder: 'bob' });
  const mine = listSnapshots(dir);
  assert.equal(mine.map((s) => s.height), [2, 4, 6]);
  // Theirs at 6 (same chain id, other state) and at 8 (above our tip); ours at 6 damaged.
  for (const theirs of listSnapshots(other).filter((s) => s.height >= 6)) copyFileSync(theirs.file, join(snapshotsDir(dir), theirs.file.split('/').at(-1) as string));
  truncateSync(mine[2]!.file, readFileSync(mine[2]!.file).length - 50);
  const { warnings, sink } = collect();
  const outcome = await replay(dir, { fromSnapshot: true, trustSignatures: true, onWarning: sink });
  assert.is(outcome.startedFrom, 'snapshot');
  assert.is(outcome.startHeight, 4, 'fell back to the newest proven snapshot');
  assert.is(outcome.height, 6);
  assert.is(outcome.verified, true);
  assert.equal(warnings.map((w) => [w.code, w.details?.['height']]), [
    ['snapshot_skipped', 8],
    ['snapshot_skipped', 6],
    ['snapshot_skipped', 6],
  ]);
});

house('a genesis copy naming chain_id twice is judged by its last one, as JSON.parse (and pocket-core\'s Go) read it, not its first', async () => {
  const dir = await chain('twice', 0);
  const ledgerJson = join(dir, 'events', 'ledger.json');
  const config = JSON.parse(readFileSync(ledgerJson, 'utf8')) as { chain_id: string; genesis_file: string; genesis_sha256: string };
  const genesisCopy = join(dir, 'events', config.genesis_file);
  const original = readFileSync(genesisCopy, 'utf8');
  for (const [name, second] of [
    ['plain', '"chain_id"'],
    ['escaped', '"chain\\u005fid"'],
  ] as const) {
    // Edited by hand, with its checksum: the first chain_id still says ledger.json's, the last another.
    const edited = original.replace(/}\s*$/, `, ${second}: "another-chain"}`);
    const parsed = JSON.parse(edited) as { chain_id: string };
    assert.is(parsed.chain_id, 'another-chain', name);
    writeFileSync(genesisCopy, edited);
    writeFileSync(ledgerJson, JSON.stringify({ ...config, genesis_sha256: createHash('sha256').update(edited).digest('hex') }));
    // The check every open makes (a chain started from a snapshot never parses its genesis).
    assert.throws(() => checkChainFiles(dir), (error: unknown) => error instanceof DataDirError && error.code === 'chain_id_mismatch', name);
  }
});

house('a genesis copy that is not JSON, edited along with its checksum, is data_dir_invalid naming the file, not a bare SyntaxError', async () => {
  const dir = await chain('not-json', 0);
  const ledgerJson = join(dir, 'events', 'ledger.json');
  const config = JSON.parse(readFileSync(ledgerJson, 'utf8')) as { genesis_file: string };
  const genesisCopy = join(dir, 'events', config.genesis_file);
  // chain_id is not at the top level (the scan cannot answer), and the text is cut short.
  const edited = '{"app_state": {"chain_id": "x"}, "consensus_params": {';
  writeFileSync(genesisCopy, edited);
  writeFileSync(ledgerJson, JSON.stringify({ ...config, genesis_sha256: createHash('sha256').update(edited).digest('hex') }));
  assert.throws(
    () => checkChainFiles(dir),
    (error: unknown) => error instanceof DataDirError && error.code === 'data_dir_invalid' && error.message.includes(genesisCopy),
  );
});

house('ledger.json naming another chain id than its genesis is refused, even before the first block', async () => {
  const dir = await chain('renamed', 0);
  const path = join(dir, 'events', 'ledger.json');
  writeFileSync(path, readFileSync(path, 'utf8').replace('"pokt-ledger-test"', '"pokt-ledger-tesT"'));
  const refused = await ChainWriter.open(dir).then(
    (writer) => {
      writer.close();
      return undefined;
    },
    (error: unknown) => error,
  );
  assert.ok(refused instanceof DataDirError && refused.code === 'chain_id_mismatch', String(refused));
});

house.run();
