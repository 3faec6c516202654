/**
 * Goal: the chain is a pure function of (genesis, seed): two simulations with the same seed in
 * separate processes and data directories give identical `roots` and byte-identical log files;
 * a run stopped and continued equals an uninterrupted one; the same blocks applied twice give
 * the same root at every height; and the roots do not depend on the insertion order of any Map
 * or Set the state is built from.
 * Method: `pokt-ledger simulate` (the compiled CLI) in child processes into temp dirs, compared
 * with `pokt-ledger roots --json` and file bytes; the log's blocks re-applied to fresh genesis
 * states; for the order test, the state at a height is serialised as a snapshot, its entry and
 * history lines are shuffled (seeded), and the state is rebuilt from them by ordinary writes —
 * so every table Map, the commitment's bucket maps and every derived index (built through
 * onChange as entries load) is populated in a different order — then the rest of the log is
 * applied and each root compared with the stored one. Seeds are printed.
 */
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Prng } from '../../../src/core/prng.js';
import { applyBlock } from '../../../src/chain/apply-block.js';
import { createLedgerState, type LedgerState } from '../../../src/chain/ledger-state.js';
import { decodeRecord } from '../../../src/chain/record.js';
import { BlockLog, blockLogDir } from '../../../src/log/index.js';
import { loadGenesisOfDataDir } from '../../../src/runtime/data-dir.js';
import { replay } from '../../../src/runtime/replay.js';
import { encodeSnapshot } from '../../../src/snapshot/snapshot.js';
import { filesUnder, runCli, scratch, writeSmallGenesis } from '../../helpers/sim.js';

const SEED = process.env['POKT_DETERMINISM_SEED'] ?? '424242';
const SHUFFLE_SEED = Number(process.env['POKT_SHUFFLE_SEED'] ?? 99);
const BLOCKS = 40;
console.log(`determinism.test seed=${SEED} shuffle seed=${SHUFFLE_SEED} (POKT_DETERMINISM_SEED / POKT_SHUFFLE_SEED to change)`);

const tmp = scratch('determinism');
const genesisFile = writeSmallGenesis(tmp.dir);

function simulateArgs(dataDir: string, blocks: number, seed = SEED): string[] {
  return ['simulate', '--data', dataDir, '--genesis', genesisFile, '--blocks', String(blocks), '--seed', seed, '--profile', 'dev', '--txs-per-block', '8', '--no-progress', '--json'];
}

async function simulateInChild(dataDir: string, blocks: number, seed = SEED): Promise<void> {
  const run = await runCli(simulateArgs(dataDir, blocks, seed));
  assert.is(run.code, 0, `simulate failed: ${run.stderr}${run.stdout}`);
}

async function rootsOf(dataDir: string): Promise<string> {
  const run = await runCli(['roots', '--data', dataDir, '--json']);
  assert.is(run.code, 0, run.stderr);
  return run.stdout;
}

/** Stored records of the data dir: block + root after, in height order. */
function records(dataDir: string): Array<ReturnType<typeof decodeRecord> & { height: number }> {
  const { log } = BlockLog.open(blockLogDir(dataDir), { readOnly: true });
  try {
    return [...log.iterate(log.firstHeight)].map(({ height, payload }) => ({ height, ...decodeRecord(payload) }));
  } finally {
    log.close();
  }
}

/** The state rebuilt from its snapshot lines in a seeded random order (see the header). */
/**
 * The state rebuilt from its snapshot's lines in a seeded random order, through the tables'
 * ordinary writes (Table.set, loadVersions, commitBlock) — decodeSnapshot itself loads only
 * sorted lines, so the shuffled order is built here.
 */
function shuffledCopy(state: LedgerState, prng: Prng): LedgerState {
  const lines = gunzipSync(encodeSnapshot(state)).toString('utf8').split('\n');
  lines.pop(); // after the trailer's newline
  lines.pop(); // the trailer
  const header = JSON.parse(lines.shift()!) as { height: number };
  for (let i = lines.length - 1; i > 0; i--) {
    const j = prng.int(i + 1);
    [lines[i], lines[j]] = [lines[j]!, lines[i]!];
  }
  const copy = createLedgerState();
  for (const line of lines) {
    const [kind, name, key, value] = JSON.parse(line) as [string, string, string, string | Array<[number, string | null]>];
    const table = copy.store.table(name)!;
    if (kind === 'e') table.set(key, table.spec.decode(value as string));
    else copy.store.loadVersions(table, key, (value as Array<[number, string | null]>).map(([height, encoded]) => [height, encoded === null ? undefined : table.spec.decode(encoded)] as const));
  }
  copy.store.commitBlock(header.height, { recordHistory: false });
  return copy;
}

const dirA = join(tmp.dir, 'a');
const dirB = join(tmp.dir, 'b');

const determinism = suite('sim: determinism');

determinism.before(async () => {
  await Promise.all([simulateInChild(dirA, BLOCKS), simulateInChild(dirB, BLOCKS)]);
});

determinism.after(() => tmp.remove());

determinism('two processes, same seed, separate data dirs: identical roots and byte-identical log files', async () => {
  const [rootsA, rootsB] = await Promise.all([rootsOf(dirA), rootsOf(dirB)]);
  const parsed = JSON.parse(rootsA) as Array<{ height: number; block_hash: string; state_root: string }>;
  assert.is(parsed.length, BLOCKS);
  assert.equal(parsed.map((r) => r.height), Array.from({ length: BLOCKS }, (_, i) => i + 1));
  assert.is(rootsA, rootsB);
  const filesA = filesUnder(join(dirA, 'events'));
  const filesB = filesUnder(join(dirB, 'events'));
  assert.equal([...filesA.keys()], [...filesB.keys()]);
  assert.ok([...filesA.keys()].some((name) => name.startsWith('segment-')), 'the log has segment files');
  for (const [name, bytes] of filesA) assert.ok(bytes.equals(filesB.get(name)!), `${name} differs`);
});

determinism('a different seed gives a different chain (the comparison can fail)', async () => {
  const dirC = join(tmp.dir, 'c');
  await simulateInChild(dirC, 3, String(BigInt(SEED) + 1n));
  const rootsC = JSON.parse(await rootsOf(dirC)) as Array<{ state_root: string }>;
  const rootsA = JSON.parse(await rootsOf(dirA)) as Array<{ state_root: string }>;
  assert.is.not(rootsC[2]!.state_root, rootsA[2]!.state_root);
});

determinism('a run stopped at height 17 and continued in another process gives the same log bytes', async () => {
  const dirD = join(tmp.dir, 'd');
  await simulateInChild(dirD, 17);
  await simulateInChild(dirD, BLOCKS - 17);
  const filesA = filesUnder(join(dirA, 'events'));
  const filesD = filesUnder(join(dirD, 'events'));
  assert.equal([...filesD.keys()], [...filesA.keys()]);
  for (const [name, bytes] of filesA) assert.ok(bytes.equals(filesD.get(name)!), `${name} differs after continuing`);
});

determinism('the same blocks applied twice to fresh genesis states give identical roots at every height', () => {
  const stored = records(dirA);
  const first = loadGenesisOfDataDir(dirA).state;
  const second = loadGenesisOfDataDir(dirA).state;
  for (const record of stored) {
    const rootFirst = applyBlock(first, record.block).stateRoot;
    const rootSecond = applyBlock(second, record.block).stateRoot;
    assert.is(rootFirst, rootSecond, `height ${record.height}`);
    assert.is(rootFirst, record.stateRootAfter, `height ${record.height} vs the stored root`);
  }
});

determinism('rebuilding the state with shuffled insertion order (genesis and mid-chain) changes no root', async () => {
  const stored = records(dirA);
  const prng = new Prng(SHUFFLE_SEED);
  for (const startHeight of [0, 20]) {
    for (let round = 0; round < 3; round++) {
      const base = startHeight === 0 ? loadGenesisOfDataDir(dirA).state : (await replay(dirA, { trustSignatures: true, to: startHeight })).state;
      const state = shuffledCopy(base, prng);
      assert.is(Buffer.from(state.store.root).toString('hex'), Buffer.from(base.store.root).toString('hex'), 'the shuffled copy has the same root');
      const order = (s: LedgerState): string => [...s.auth.accounts.unorderedKeys()].join(',');
      assert.is.not(order(state), order(base), 'the accounts map really is in another order');
      for (const record of stored.slice(startHeight)) {
        assert.is(applyBlock(state, record.block).stateRoot, record.stateRootAfter, `height ${record.height} after a shuffled rebuild at ${startHeight} (round ${round})`);
      }
    }
  }
});

determinism.run();
