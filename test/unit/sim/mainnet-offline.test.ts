/**
 * Goal: the mainnet-shaped workload's offline validators (src/sim/mainnet/workload.ts `faults`:
 * every 24 blocks a cohort goes offline for 8 blocks) miss exactly the votes they would cast. With
 * the delay of Tendermint (the fork at 59310158d3e9: the set after EndBlock h signs block h + 2, block h + 1 lists its
 * signers of h as its last commit: state/execution.go:425-438, 469-471, 347-370) that means:
 *   - an offline validator misses EVERY vote it casts in the window — also the two it still casts
 *     after a downtime jail at block j (it stays in the sets that sign j and j + 1, whose votes are
 *     listed by blocks j + 1 and j + 2; pocket-core counts them: x/nodes/keeper/slash.go:231-293,
 *     JailValidator a no-op for a jailed one, valStateChanges.go:575-584);
 *   - it is one of the validators that sign the window's first block (its first missed vote is
 *     in the window's first block's last commit): none is picked before it signs;
 *   - no vote is missed outside the windows (no other workload takes validators offline).
 * Method: a 32-block mainnet-shaped run at scale 0.01 through the simulator (cycle 1's window: the
 * last commits of blocks 25..32, the votes for blocks 24..31); the headers are read back from the
 * block log, the downtime jails from each block's events.
 */
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { bundledMainnetGenesisPath } from '../../../src/core/paths.js';
import type { Address } from '../../../src/core/types.js';
import { blockLogDir, BlockLog } from '../../../src/log/index.js';
import { decodeRecord } from '../../../src/chain/record.js';
import { simulate } from '../../../src/sim/simulator.js';
import { eventsOfType } from '../../helpers/gov-chain.js';
import { scratch } from '../../helpers/sim.js';

const test = suite('mainnet-shaped workload: offline validators miss the votes they would cast');
const tmp = scratch('mainnet-offline');
test.after(() => tmp.remove());

/** Cycle 1 (JAIL_CYCLE_BLOCKS 24, OFFLINE_BLOCKS 8): the blocks whose last commits may miss votes. */
const WINDOW = { first: 25, last: 32 };

interface Vote {
  readonly address: Address;
  readonly signed: boolean;
}

test('a 32-block run at scale 0.01: the offline cohort misses every vote it casts in its window, the two after its jail included, and nothing else is missed', async () => {
  const dataDir = join(tmp.dir, 'chain');
  const jails = new Map<number, Address[]>();
  await simulate({
    dataDir,
    genesisFile: bundledMainnetGenesisPath(),
    seed: 5n,
    profile: 'mainnet-shaped',
    shape: { scale: 0.01 },
    blocks: WINDOW.last,
    fsync: 'never',
    workers: 0,
    onBlock: (report) => jails.set(report.height, eventsOfType(report.result, 'NodeJailed').map((e) => e.address)),
  });
  const commits = new Map<number, readonly Vote[]>();
  const { log } = BlockLog.open(blockLogDir(dataDir), { readOnly: true });
  try {
    for (const { height, payload } of log.iterate(1)) commits.set(height, decodeRecord(payload, height).block.header.lastCommit);
  } finally {
    log.close();
  }
  assert.is(commits.size, WINDOW.last);
  const missedAt = (h: number): Address[] => commits.get(h)!.filter((v) => !v.signed).map((v) => v.address);
  // No vote missed outside the window.
  for (const [h] of commits) if (h < WINDOW.first || h > WINDOW.last) assert.equal(missedAt(h), [], `block ${h}`);
  const offline = new Set<Address>();
  for (let h = WINDOW.first; h <= WINDOW.last; h++) for (const address of missedAt(h)) offline.add(address);
  assert.ok(offline.size > 0, 'the cohort missed votes');
  // Each of them signed the window's first block (block 24): listed in block 25's last commit.
  const firstVoters = new Set(commits.get(WINDOW.first)!.map((v) => v.address));
  for (const address of offline) assert.ok(firstVoters.has(address), `${address} was not among the signers of block ${WINDOW.first - 1}`);
  // Offline is offline: every vote of theirs listed in the window is missed, jailed or not.
  for (let h = WINDOW.first; h <= WINDOW.last; h++) {
    for (const vote of commits.get(h)!) if (offline.has(vote.address)) assert.not.ok(vote.signed, `block ${h}: ${vote.address}'s vote is marked signed`);
  }
  // The case that matters: a downtime jail at block j inside the window, and the two votes the
  // jailed validator still casts (listed by blocks j + 1 and j + 2) — both missed.
  const jailed = [...jails].filter(([h, addresses]) => h >= WINDOW.first && h + 2 <= WINDOW.last && addresses.some((a) => offline.has(a)));
  assert.ok(jailed.length > 0, `a victim jailed in the window with two blocks left: ${JSON.stringify([...jails].filter(([, a]) => a.length > 0))}`);
  for (const [j, addresses] of jailed) {
    for (const address of addresses.filter((a) => offline.has(a))) {
      for (const h of [j + 1, j + 2]) {
        const vote = commits.get(h)!.find((v) => v.address === address);
        assert.ok(vote !== undefined, `block ${h} lists ${address}, jailed at ${j} (it signed block ${h - 1})`);
        assert.is(vote.signed, false, `block ${h}: ${address}, jailed at ${j}, offline — its vote is missed`);
      }
    }
  }
});

test.run();
