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
import { MainnetWorkload } from '../../../src/sim/mainnet/workload.js';
import { mainnetShape } from '../../../src/sim/mainnet/shape.js';
import { mainnetNetwork } from '../../../src/sim/mainnet/network.js';
import type { SimContext } from '../../../src/sim/workload.js';
import type { ValidatorSetEntry } from '../../../src/modules/nodes/index.js';
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

/**
 * The run above has no set change near a cycle's start (no node joins at scale 0.01 in 32
 * blocks), so it cannot tell "the validators that sign block 24" from "the set after block 24".
 * Here the history is written by hand: the set after blocks ≤ 22 is {N}, after 23 and later {J}
 * (J joined at EndBlock 23, N left). Block 24 is signed by the set after 22 = {N}; J first signs
 * block 25 (the set after 23). The cohort is drawn from {N}: J, which did not sign block 24, is
 * never offline in the window — with the set after 24 it would be the cohort, offline from
 * block 27 on (the last commit listing its vote for 26).
 */
test('the cohort is drawn from the signers of the cycle\'s first block, not from the set after it: a node that joins at EndBlock 23 is not taken offline', () => {
  const options = { seed: 5n, scale: 0.01, workers: 0 } as const;
  const network = mainnetNetwork(options.seed, mainnetShape(options));
  const [n, j] = network.nodes.map((node) => node.key.address);
  const setAfter = (h: number): readonly ValidatorSetEntry[] => (h >= 23 ? [{ address: j!, power: 10n }] : [{ address: n!, power: 10n }]);
  const state = { nodes: { validatorSet: { getAt: (_key: string, h: number) => (h < 0 ? undefined : setAfter(h)) } } };
  const workload = new MainnetWorkload(options);
  const offlineAt = (height: number): string[] => [...(workload.faults({ height, state } as unknown as SimContext).offline ?? [])].sort();
  assert.equal(offlineAt(WINDOW.first), [n], 'block 25 lists the votes for 24: N signed it and is offline');
  for (let h = WINDOW.first + 1; h <= WINDOW.last; h++) assert.equal(offlineAt(h), [], `block ${h}: J (not a signer of 24) stays online; N no longer votes`);
});

test.run();
