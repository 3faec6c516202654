/**
 * Goal: `pokt-ledger session` prints pocket-core's dispatch answer for a data directory at a
 * height — the same one the live chain computes, also when the state is loaded from a snapshot
 * (the session-candidate memo is then rebuilt from history) — and `pokt-ledger calc reward`
 * prints the reward plan for the params in force (data directory, or an allparams file).
 * Method: a data directory built with the runtime's ChainWriter (snapshot every 3 blocks;
 * block 1 stakes an app and three servicers by tx), then the compiled CLI spawned; answers
 * compared with the in-process computation on the writer's live state, and the allparams case
 * with a hand computation.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Address } from '../../../src/core/types.js';
import { calculateRelayReward, dispatch, type DispatchAnswer } from '../../../src/modules/pocketcore/queries.js';
import { ChainWriter } from '../../../src/runtime/chain-writer.js';
import { initDataDir } from '../../../src/runtime/data-dir.js';
import { toJson } from '../../../src/cli/output.js';
import { BLOCK_INTERVAL_NS, signTx, testGenesisJson, testKey } from '../../helpers/chain.js';
import { fixturePath } from '../../helpers/paths.js';
import { RELAY_PARAMS } from '../../helpers/relays.js';
import { stakeAppMsg, stakeNodeMsg } from '../../helpers/staking.js';

const here = dirname(fileURLToPath(import.meta.url));
const MAIN = join(here, '..', '..', '..', 'src', 'cli', 'main.js');
const POKT = 1_000_000n;
const producer = testKey('cli-session-producer');
const app = testKey('cli-session-app');
const nodes = [1, 2, 3].map((i) => testKey(`cli-session-node-${i}`));

function cli(...args: string[]): { status: number | null; json: Record<string, unknown>; stdout: string } {
  const result = spawnSync(process.execPath, [MAIN, ...args], { encoding: 'utf8' });
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(result.stdout) as Record<string, unknown>;
  } catch {
    // not JSON
  }
  return { status: result.status, json, stdout: result.stdout };
}

const root = mkdtempSync(join(tmpdir(), 'pokt-ledger-session-'));
const dataDir = join(root, 'chain');
let live: DispatchAnswer | undefined;
let liveReward: unknown;

const commands = suite('cli: session and calc reward');

commands.before(async () => {
  const genesisFile = join(root, 'genesis.json');
  writeFileSync(
    genesisFile,
    testGenesisJson({
      accounts: [app, ...nodes].map((key) => ({ key, balanceUpokt: 100_000n * POKT })),
      validators: [{ key: producer, tokensUpokt: 100_000n * POKT, chains: ['0009'] }],
      params: { pos: RELAY_PARAMS.pos, pocketcore: RELAY_PARAMS.pocketcore },
    }),
  );
  initDataDir(dataDir, genesisFile);
  const writer = await ChainWriter.open(dataDir, { fsync: 'never', snapshotEvery: 3 });
  try {
    const t = () => writer.lastBlockTimeNs + BLOCK_INTERVAL_NS;
    const one = writer.produce({ timeNs: t(), txs: [signTx(app, stakeAppMsg(app, 10_000n * POKT, ['0001'])), ...nodes.map((n) => signTx(n, stakeNodeMsg(n, { value: 20_000n * POKT })))] });
    assert.equal(one.result.receipts.map((r) => r.code), [0, 0, 0, 0]);
    for (let h = 2; h <= 6; h++) writer.produce({ timeNs: t(), txs: [] });
    const answer = dispatch(writer.state, app.publicKey, '0001', 6);
    assert.ok(answer.ok);
    live = answer.value;
    liveReward = JSON.parse(toJson(calculateRelayReward(writer.state.params(), { relays: 1234n, stakeUpokt: 20_000n * POKT, chain: '0001', operator: 'operator' as Address, output: null, delegators: null }).answer));
  } finally {
    writer.close();
  }
});

commands.after(() => rmSync(root, { recursive: true, force: true }));

commands('session --height 6 (from the snapshot at 6) equals the live chain’s dispatch: session 5, 2 nodes', () => {
  const out = cli('session', '--data', dataDir, '--app', app.publicKey, '--chain', '0001', '--height', '6', '--json');
  assert.is(out.status, 0, out.stdout);
  assert.equal(Object.keys(out.json), ['key', 'header', 'nodes']);
  assert.equal(out.json, JSON.parse(toJson(live)));
  assert.equal(out.json['header'], { app_public_key: app.publicKey, chain: '0001', session_height: 5 });
  assert.is((out.json['nodes'] as string[]).length, 2);
});

commands('session at height 4 answers for session 1; chain 0009 has one node for a 2-node session → pocketcore:17 (exit 1)', () => {
  const four = cli('session', '--data', dataDir, '--app', app.publicKey, '--chain', '0001', '--height', '4', '--json');
  assert.is(four.status, 0);
  assert.is((four.json['header'] as Record<string, unknown>)['session_height'], 1);
  const lonely = cli('session', '--data', dataDir, '--app', app.publicKey, '--chain', '0009', '--height', '4', '--json');
  assert.is(lonely.status, 1);
  assert.equal((lonely.json['error'] as Record<string, unknown>)['details'], { codespace: 'pocketcore', code: 17, height: 4 });
  // A malformed option is a usage error: exit 2, as every command's (README "A short tour").
  const bad = cli('session', '--data', dataDir, '--app', 'xyz', '--chain', '0001', '--json');
  assert.is(bad.status, 2);
  assert.is((bad.json['error'] as Record<string, unknown>)['code'], 'invalid_option');
});

commands('calc reward --data DIR --height 6 equals the plan computed on the live state', () => {
  const out = cli('calc', 'reward', '--relays', '1234', '--stake', String(20_000n * POKT), '--data', dataDir, '--height', '6', '--json');
  assert.is(out.status, 0, out.stdout);
  assert.equal(out.json, liveReward);
  for (const key of ['bin', 'weight', 'minted_upokt', 'node_upokt', 'dao_upokt', 'proposer_upokt', 'recipients']) assert.ok(key in out.json, key);
});

commands('calc reward --params allparams-mid2022 (RTTM 2109, DAO 10, proposer 1): 10,000 relays at 15,000 POKT', () => {
  const out = cli('calc', 'reward', '--relays', '10000', '--stake', '15000000000', '--params', fixturePath('allparams-mid2022.json'), '--output', 'aa'.repeat(20), '--json');
  assert.is(out.status, 0, out.stdout);
  // coins 2109 × 10,000 = 21,090,000; fees trunc(2,109,000 + 210,900) = 2,319,900;
  // node 18,770,100 (20,000 refund + 18,750,100 to the output); DAO 2,319,900 × 10/11 → 2,109,000.
  assert.is(out.json['minted_upokt'], '21090000');
  assert.is(out.json['node_upokt'], '18770100');
  assert.is(out.json['dao_upokt'], '2109000');
  assert.is(out.json['proposer_upokt'], '210900');
  assert.is(out.json['bin'], '1');
  assert.equal(out.json['recipients'], [
    { role: 'reward_cost_refund', address: 'operator', amount_upokt: '20000' },
    { role: 'primary', address: 'aa'.repeat(20), amount_upokt: '18750100' },
    { role: 'fee_collector', address: 'f1829676db577682e944fc3493d451b67ff3e29f', amount_upokt: '2319900' },
  ]);
  // Neither --data nor --params: a usage error (exit 2), named.
  const none = cli('calc', 'reward', '--relays', '1', '--stake', '1', '--json');
  assert.is(none.status, 2);
  assert.is((none.json['error'] as Record<string, unknown>)['code'], 'invalid_option');
});

commands.run();
