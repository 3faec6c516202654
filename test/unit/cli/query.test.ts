/**
 * Goal: `pokt-ledger query node|nodes|app|apps` answers from the reducer's state at the height
 * asked for, from a data directory (replayed to --height) or a genesis file, with --json output
 * (pocket-core's shapes), a readable form for people without it, and coded errors.
 * Method: build a data directory with the runtime's ChainWriter (genesis → block 1 stakes a node
 * and an app → block 2 requests the node's unstake), then spawn the compiled CLI.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { initDataDir } from '../../../src/runtime/data-dir.js';
import { ChainWriter } from '../../../src/runtime/chain-writer.js';
import { BLOCK_INTERVAL_NS, signTx, testGenesisJson, testKey } from '../../helpers/chain.js';
import { beginUnstakeNodeMsg, stakeAppMsg, stakeNodeMsg } from '../../helpers/staking.js';
import { runCli } from '../../helpers/sim.js';
import { nodeText } from '../../../src/cli/commands/query-text.js';

const here = dirname(fileURLToPath(import.meta.url));
const MAIN = join(here, '..', '..', '..', 'src', 'cli', 'main.js');
const POKT = 1_000_000n;
const anchor = testKey('validator-1');
const node = testKey('cli-query-node');
const app = testKey('cli-query-app');

function cli(...args: string[]): { status: number | null; json: Record<string, unknown> } {
  const result = spawnSync(process.execPath, [MAIN, ...args], { encoding: 'utf8' });
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(result.stdout) as Record<string, unknown>;
  } catch {
    // not JSON
  }
  return { status: result.status, json };
}

const root = mkdtempSync(join(tmpdir(), 'pokt-ledger-query-'));
const genesisFile = join(root, 'genesis.json');
const dataDir = join(root, 'chain');

const query = suite('cli: query over a data directory and a genesis file');

query.before(async () => {
  writeFileSync(
    genesisFile,
    testGenesisJson({
      accounts: [node, app].map((key) => ({ key, balanceUpokt: 100_000n * POKT })),
      validators: [{ key: anchor, tokensUpokt: 100_000n * POKT }],
      params: { pos: { servicer_stake_weight_ceiling: '1000000' } },
    }),
  );
  initDataDir(dataDir, genesisFile);
  const writer = await ChainWriter.open(dataDir, { fsync: 'never' });
  try {
    const t = () => writer.lastBlockTimeNs + BLOCK_INTERVAL_NS;
    const one = writer.produce({ timeNs: t(), txs: [signTx(node, stakeNodeMsg(node, { value: 20_000n * POKT })), signTx(app, stakeAppMsg(app, 1_000n * POKT))] });
    assert.equal(one.result.receipts.map((r) => r.code), [0, 0]);
    writer.produce({ timeNs: t(), txs: [signTx(node, beginUnstakeNodeMsg(node, node))] });
  } finally {
    writer.close();
  }
});

query.after(() => rmSync(root, { recursive: true, force: true }));

query('node at height 1 and at the last block; absent at height 0 → pos:101 (exit 1)', () => {
  const atOne = cli('query', 'node', node.address, '--data', dataDir, '--height', '1', '--json');
  assert.is(atOne.status, 0);
  assert.is(atOne.json['tokens'], '20000000000');
  assert.is(atOne.json['status'], 2);
  const atZero = cli('query', 'node', node.address, '--data', dataDir, '--height', '0', '--json');
  assert.is(atZero.status, 1);
  assert.equal((atZero.json['error'] as Record<string, unknown>)['details'], { codespace: 'pos', code: 101 });
  const last = cli('query', 'node', node.address, '--data', dataDir, '--json');
  assert.is(last.status, 0);
});

query('for people (no --json): labels, stakes in uPOKT and POKT, status words, no Go zero time', async () => {
  const staked = await runCli(['query', 'node', node.address, '--data', dataDir, '--height', '1']);
  assert.is(staked.code, 0, staked.stderr);
  assert.not.match(staked.stdout, /^\s*[{"]/m, 'not JSON');
  const lines = staked.stdout.trimEnd().split('\n');
  assert.is(lines[0], `node ${node.address} at height 1`);
  for (const expected of [/^ {2}status +staked, not jailed$/, /^ {2}stake +20,000,000,000 uPOKT \(20,000 POKT\)$/, /^ {2}unstaking +no$/, new RegExp(`^ {2}output address +${node.address}$`), /^ {2}delegators +none$/, /^ {2}chains +0001$/]) {
    assert.ok(lines.some((line) => expected.test(line)), `${expected}: ${staked.stdout}`);
  }
  assert.not.match(staked.stdout, /0001-01-01|"status"/);
  const apps = await runCli(['query', 'apps', '--data', dataDir]);
  assert.match(apps.stdout, new RegExp(`^1 application at height 2, page 1 of 1:\n {2}${app.address} +staked, not jailed +1,000,000,000 uPOKT \\(1,000 POKT\\)`));
  // A page past the end: pocket-core's RPC answers Go's zero Page (app/query.go:641-661), which
  // read "page 0 of 0"; --json keeps pocket-core's answer.
  const past = await runCli(['query', 'apps', '--data', dataDir, '--page', '9']);
  assert.is(past.stdout, '0 applications at height 2, none on this page (nothing matches, or the page is past the last)\n');
  const pastJson = await runCli(['query', 'apps', '--data', dataDir, '--page', '9', '--json']);
  assert.equal(JSON.parse(pastJson.stdout), { result: null, total_pages: 0, page: 0 });
});

query('for people: an unstaking, jailed node says so, with the time its unstake completes', () => {
  const lines = nodeText(
    { address: node.address, public_key: node.publicKey, jailed: true, status: 1, chains: ['0001', '0021'], service_url: 'https://n.example:443', tokens: '1500000', unstaking_time: '2022-06-01T12:00:00Z', output_address: '', reward_delegators: { [app.address]: 10 } },
    7,
  );
  assert.equal(lines, [
    `node ${node.address} at height 7`,
    '  status          unstaking, JAILED',
    '  stake           1,500,000 uPOKT (1.5 POKT)',
    '  chains          0001, 0021',
    '  service URL     https://n.example:443',
    '  unstaking       yes, completes at 2022-06-01T12:00:00Z',
    '  output address  none (rewards go to the operator)',
    `  delegators      ${app.address} 10%`,
    `  public key      ${node.publicKey}`,
  ]);
});

query('nodes with filters and pages; apps; app', () => {
  const staked = cli('query', 'nodes', '--data', dataDir, '--staking-status', '2', '--per-page', '1', '--json');
  assert.is(staked.status, 0);
  assert.is(staked.json['total_pages'], 2);
  assert.is((staked.json['result'] as unknown[]).length, 1);
  const apps = cli('query', 'apps', '--data', dataDir, '--height', '1', '--json');
  assert.equal((apps.json['result'] as Array<{ address: string }>).map((a) => a.address), [app.address]);
  const one = cli('query', 'app', app.address, '--data', dataDir, '--json');
  assert.is(one.json['max_relays'], '1000');
});

query('genesis file: height 0 only; bad options are coded errors', () => {
  const fromGenesis = cli('query', 'nodes', '--genesis', genesisFile, '--json');
  assert.equal((fromGenesis.json['result'] as Array<{ address: string }>).map((n) => n.address), [anchor.address]);
  const beyond = cli('query', 'nodes', '--data', dataDir, '--height', '99', '--json');
  assert.is(beyond.status, 1);
  assert.is((beyond.json['error'] as Record<string, unknown>)['code'], 'height_not_available');
  const badHeight = cli('query', 'nodes', '--genesis', genesisFile, '--height', '3', '--json');
  assert.is((badHeight.json['error'] as Record<string, unknown>)['code'], 'invalid_option');
  const noSource = cli('query', 'apps', '--json');
  assert.is((noSource.json['error'] as Record<string, unknown>)['code'], 'invalid_option');
  const badPage = cli('query', 'apps', '--genesis', genesisFile, '--page', '-1', '--json');
  assert.is(badPage.status, 2, 'a usage error');
});

query.run();
