/**
 * Goal (issue 13 item 5, the read side): an imported state with Morse-TestNet-sized amounts is
 * projected, served and audited exactly — SQLite and PostgreSQL. Amounts above 2^63 − 1 used to
 * be refused by the projections (`amount_out_of_range`); pocket-core's sdk.Int holds up to 2^255.
 * Method: a small chain exported at H in the shape `init --genesis --exported-height` imports,
 * then HAND-EDITED to hold: an account of 1.2 × 10^20 uPOKT and a DAO of 3.0 × 10^19 (both > 2^64
 * ≈ 1.8 × 10^19, as TestNet's declared supply 147,576,951,550,267,926,499 is), a node stake of
 * 1.2 × 10^19 (> 2^63 ≈ 9.2 × 10^18), the staked pool and the declared supply made to match (the
 * importer checks both). Then a Send of 9.3 × 10^18 (> 2^63) at H + 1, an empty block, and at
 * H + 3 a Send whose declared fee is above 2^63. No
 * amount is a double (a conversion through Number would show), every one has all 19-21 digits.
 * Every expected value below is computed from the constants written into the file and
 * PROTOCOL.md's rules (named beside each), never read from the projection's code.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { DuckDBInstance } from '@duckdb/node-api';
import { runAudit } from '../../../src/audit/index.js';
import { exportDataDir } from '../../../src/cli/commands/export.js';
import { MODULE_ADDRESSES } from '../../../src/modules/auth/index.js';
import { exportAnalytics } from '../../../src/projection/export-analytics.js';
import { PgReadStore } from '../../../src/projection/pg/read-store.js';
import { project } from '../../../src/projection/run.js';
import { openSqliteReadStore } from '../../../src/projection/sqlite-read-store.js';
import type { ReadStore } from '../../../src/projection/read-store.js';
import { replayedStateSource } from '../../../src/query/replayed-state.js';
import { createQueryServer } from '../../../src/query/service.js';
import type { LedgerState } from '../../../src/chain/ledger-state.js';
import { SqliteCatchUpStore } from '../../../src/projection/sqlite/catch-up-store.js';
import { ProjectionStore } from '../../../src/projection/store.js';
import { ChainWriter } from '../../../src/runtime/chain-writer.js';
import { CommittedBlockStream, type CommittedBlock } from '../../../src/runtime/committed-block.js';
import { initDataDir, loadGenesisOfDataDir, readDataDirConfig } from '../../../src/runtime/data-dir.js';
import { replay } from '../../../src/runtime/replay.js';
import { sendMsg, signTx, testGenesisJson, testKey } from '../../helpers/chain.js';
import { freshDatabase } from '../../helpers/postgres.js';
import { copyDataDir, dumpTables } from '../../helpers/projection.js';
import { postTo } from '../../helpers/query.js';
import { scratch } from '../../helpers/sim.js';

const test = suite('history: an imported state with amounts beyond 2^63 projects, serves and audits exactly');

const H = 2;
const HOLDER = testKey('big-amounts holder');
const VALIDATOR = testKey('big-amounts validator');
const RECIPIENT = testKey('big-amounts recipient').address;
/** Written into the exported file (> 2^64). */
const HOLDER_BALANCE = 123_456_789_012_345_678_901n;
/** Written into the exported file (> 2^64). */
const DAO_BALANCE = 29_876_543_210_987_654_321n;
/** Written into the exported file as the validator's tokens and the staked pool (> 2^63, < 2^64). */
const STAKE = 12_345_678_901_234_567_891n;
/** The Send at H + 1 (> 2^63). */
const SEND = 9_300_000_000_000_000_007n;
/** The Send's declared fee: all of it to fee_collector at H + 1 (PROTOCOL.md §5.3, ante.go:196-227). */
const FEE = 10_000n;
/**
 * The DAO's cut of that fee at H + 2's BeginBlock (PROTOCOL.md §5.3, with DAO 10 / proposer 1 set
 * in the file): daoShare = 10 / 11 = 0.909090909090909091 (18 decimals), trunc(10000 × it) = 9090.
 */
const DAO_FEE_CUT = 9_090n;
/** A fee above 2^63 declared (and charged) at H + 3 by a Send of 1 uPOKT; its split would come at H + 4, not produced. */
const BIG_FEE = 9_300_000_000_000_000_011n;
const quiet = { onWarning: () => undefined };

let work: ReturnType<typeof scratch>;
let dir: string;
/** Σ of every account's coins in the edited file: the declared supply (nothing mints or burns after: no relays, FeeBurnPercentage 0). */
let supply: bigint;
let sendHash: string;
let bigFeeHash: string;

/** A chain of H blocks exported at H, edited to the big amounts, imported with --exported-height H. */
async function importedBigState(root: string): Promise<{ dir: string; supply: bigint }> {
  const genesis = join(root, 'genesis.json');
  writeFileSync(genesis, testGenesisJson({ accounts: [{ key: HOLDER, balanceUpokt: 1_000_000_000n }], validators: [{ key: VALIDATOR, tokensUpokt: 100_000_000_000n }] }));
  const source = join(root, 'source');
  initDataDir(source, genesis);
  const writer = await ChainWriter.open(source, { fsync: 'never', ...quiet });
  for (let i = 0; i < H; i++) writer.produce({ timeNs: writer.lastBlockTimeNs + 900_000_000_000n, txs: [] });
  writer.close();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the exported JSON is edited by path
  const doc = (await exportDataDir(source, H)) as any;
  delete doc.pokt_ledger;
  delete doc.initial_height;
  doc.app_state.pos.params.dao_allocation = '10';
  doc.app_state.pos.params.proposer_allocation = '1';
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const accounts = doc.app_state.auth.accounts as any[];
  // A module account's address and coins sit in its embedded BaseAccount (x/auth/types/account.go:313-317).
  const baseOf = (a: any): any => a.value.BaseAccount ?? a.value;
  const coinsOf = (address: string, amount: bigint): void => {
    baseOf(accounts.find((a) => baseOf(a).address === address)).coins = [{ denom: 'upokt', amount: amount.toString() }];
  };
  coinsOf(HOLDER.address, HOLDER_BALANCE);
  coinsOf(MODULE_ADDRESSES.dao, DAO_BALANCE);
  doc.app_state.gov.DAO_Tokens = DAO_BALANCE.toString(); // the importer checks it against the dao account
  coinsOf(MODULE_ADDRESSES.staked_tokens_pool, STAKE);
  doc.app_state.pos.validators[0].tokens = STAKE.toString();
  const total = accounts.reduce((sum, a) => sum + baseOf(a).coins.reduce((s: bigint, c: { amount: string }) => s + BigInt(c.amount), 0n), 0n);
  doc.app_state.auth.supply = [{ denom: 'upokt', amount: total.toString() }];
  const file = join(root, 'exported.json');
  writeFileSync(file, JSON.stringify(doc));
  const imported = join(root, 'imported');
  initDataDir(imported, file, { exportedHeight: H });
  return { dir: imported, supply: total };
}

test.before(async () => {
  // uvu reports a failing hook as failed tests with no message: say why.
  try {
    await buildChain();
  } catch (error) {
    console.error(error);
    throw error;
  }
});

async function buildChain(): Promise<void> {
  work = scratch('big-amounts');
  ({ dir, supply } = await importedBigState(work.dir));
  assert.ok(supply > 1n << 64n, 'the declared supply is TestNet-sized');
  const writer = await ChainWriter.open(dir, { fsync: 'never', ...quiet });
  const send = signTx(HOLDER, sendMsg(HOLDER, RECIPIENT, SEND), { feeUpokt: FEE });
  const produced = writer.produce({ timeNs: writer.lastBlockTimeNs + 900_000_000_000n, txs: [send] });
  const receipt = produced.result.receipts[0]!;
  sendHash = receipt.hash;
  assert.is(receipt.code, 0, `the send is delivered: ${receipt.log}`);
  // Projected once here (H … H + 1), resumed later from rows holding text amounts (H + 2, H + 3).
  await project(dir);
  writer.produce({ timeNs: writer.lastBlockTimeNs + 900_000_000_000n, txs: [] });
  const bigFee = signTx(HOLDER, sendMsg(HOLDER, RECIPIENT, 1n), { feeUpokt: BIG_FEE });
  const last = writer.produce({ timeNs: writer.lastBlockTimeNs + 900_000_000_000n, txs: [bigFee] }).result.receipts[0]!;
  bigFeeHash = last.hash;
  assert.is(last.code, 0, `the big-fee send is delivered: ${last.log}`);
  writer.close();
  await project(dir);
}
test.after(() => work.remove());

/** What every route must answer, as exact decimal text (bare JSON numbers are compared as text: JSON.parse would round them). */
function expectations(): Array<{ path: string; body: unknown; text: RegExp | string }> {
  const afterSend = HOLDER_BALANCE - SEND - FEE;
  const afterBigFee = afterSend - 1n - BIG_FEE;
  const supplyAt = (dao: bigint, fee: bigint) => ({ node_staked: STAKE, app_staked: 0n, dao, total: supply, fee });
  const supplyText = (s: ReturnType<typeof supplyAt>) =>
    JSON.stringify({ node_staked: `${s.node_staked}`, app_staked: '0', dao: `${s.dao}`, total_staked: `${s.node_staked + s.dao}`, total_unstaked: `${s.total - s.node_staked - s.dao}`, total: `${s.total}` });
  const history = (height: number, s: ReturnType<typeof supplyAt>) =>
    JSON.stringify({ height, total: `${s.total}`, node_staked: `${s.node_staked}`, app_staked: '0', dao: `${s.dao}`, fee_collector: `${s.fee}`, minted: '0', burned: '0' });
  const atH = supplyAt(DAO_BALANCE, 0n);
  const atH1 = supplyAt(DAO_BALANCE, FEE);
  const atH2 = supplyAt(DAO_BALANCE + DAO_FEE_CUT, 0n);
  const atH3 = supplyAt(DAO_BALANCE + DAO_FEE_CUT, BIG_FEE);
  return [
    { path: '/v1/query/balance', body: { address: HOLDER.address, height: H }, text: `{"balance":${HOLDER_BALANCE}}` },
    { path: '/v1/query/balance', body: { address: HOLDER.address, height: H + 2 }, text: `{"balance":${afterSend}}` },
    { path: '/v1/query/balance', body: { address: HOLDER.address }, text: `{"balance":${afterBigFee}}` },
    { path: '/v1/query/balance', body: { address: RECIPIENT, height: H + 1 }, text: `{"balance":${SEND}}` },
    { path: '/v1/query/balance', body: { address: MODULE_ADDRESSES.dao, height: H }, text: `{"balance":${DAO_BALANCE}}` },
    { path: '/v1/query/account', body: { address: HOLDER.address, height: H }, text: new RegExp(`"coins":\\[\\{"denom":"upokt","amount":"${HOLDER_BALANCE}"\\}\\]`) },
    { path: '/v1/query/account', body: { address: RECIPIENT }, text: new RegExp(`"coins":\\[\\{"denom":"upokt","amount":"${SEND + 1n}"\\}\\]`) },
    { path: '/v1/query/supply', body: { height: H }, text: supplyText(atH) },
    { path: '/v1/query/supply', body: { height: H + 1 }, text: supplyText(atH1) },
    { path: '/v1/query/supply', body: {}, text: supplyText(atH3) },
    { path: '/v1/query/supplyhistory', body: { from_height: H, to_height: H + 3 }, text: `"result":[${[history(H, atH), history(H + 1, atH1), history(H + 2, atH2), history(H + 3, atH3)].join(',')}]` },
    { path: '/v1/query/node', body: { address: VALIDATOR.address, height: H }, text: `"tokens":"${STAKE}"` },
    { path: '/v1/query/node', body: { address: VALIDATOR.address }, text: `"tokens":"${STAKE}"` },
    { path: '/v1/query/accounttxs', body: { address: HOLDER.address }, text: new RegExp(`"hash":"${sendHash}".*"amount":"${SEND}".*"fee":\\[\\{"denom":"upokt","amount":"${FEE}"\\}\\]`) },
    { path: '/v1/query/accounttxs', body: { address: RECIPIENT, received: true }, text: `"total_txs":2` },
    { path: '/v1/query/tx', body: { hash: sendHash }, text: new RegExp(`"amount":"${SEND}"`) },
    { path: '/v1/query/tx', body: { hash: bigFeeHash }, text: `"fee":[{"denom":"upokt","amount":"${BIG_FEE}"}]` },
  ];
}

async function checkRoutes(store: ReadStore, backend: string): Promise<string[]> {
  const app = await createQueryServer(store, { dispatchState: replayedStateSource(dir) });
  const answers: string[] = [];
  try {
    for (const { path, body, text } of expectations()) {
      const reply = await postTo(app, path, body);
      const what = `${backend} ${path} ${JSON.stringify(body)}`;
      assert.is(reply.status, 200, `${what}: ${reply.text}`);
      if (typeof text === 'string') assert.ok(reply.text.includes(text), `${what}\n  expected to contain ${text}\n  got ${reply.text}`);
      else assert.match(reply.text, text, `${what}: ${reply.text}`);
      answers.push(reply.text);
    }
  } finally {
    await app.close();
  }
  return answers;
}

test('SQLite: the query routes answer the exact amounts at the import height, after the send and at the latest height', async () => {
  const store = openSqliteReadStore(dir);
  try {
    await checkRoutes(store, 'SQLite');
  } finally {
    await store.close();
  }
});

test('the audit reads the recorded big amounts back: every block, 0 mismatches, supply ok', async () => {
  const audit = await runAudit({ dataDir: dir });
  assert.equal([audit.from, audit.to, audit.blocks, audit.mismatches, audit.supply_ok], [H + 1, H + 3, 3, 0, true], JSON.stringify(audit.mismatch_list.slice(0, 3)));
});

test('a rebuild from genesis equals the projection built in two runs (the second resumed from rows holding text amounts)', async () => {
  const copy = copyDataDir(dir, 'big-amounts-rebuild');
  try {
    await project(copy.dir);
    const incremental = dumpTables(dir);
    const rebuilt = dumpTables(copy.dir);
    for (const [table, rows] of incremental) assert.equal(rebuilt.get(table), rows, table);
    // The stored forms: text beyond int64, INTEGER below (mainnet-sized amounts pay nothing).
    const balances = incremental.get('balances')!.filter((row) => row.includes(HOLDER.address));
    assert.equal(balances, [
      JSON.stringify({ address: HOLDER.address, height: `${H}n`, balance_upokt: `${HOLDER_BALANCE}` }),
      JSON.stringify({ address: HOLDER.address, height: `${H + 1}n`, balance_upokt: `${HOLDER_BALANCE - SEND - FEE}` }),
      JSON.stringify({ address: HOLDER.address, height: `${H + 3}n`, balance_upokt: `${HOLDER_BALANCE - SEND - FEE - 1n - BIG_FEE}` }),
    ]);
    const txs = incremental.get('txs')!;
    assert.ok(txs.some((row) => row.includes(`"fee_declared_upokt":"${FEE}n","fee_charged_upokt":"${FEE}n"`)), 'a fee that fits int64 stays an INTEGER');
    assert.ok(txs.some((row) => row.includes(`"fee_declared_upokt":"${BIG_FEE}","fee_charged_upokt":"${BIG_FEE}"`)), 'a fee above 2^63, declared and charged, as text');
  } finally {
    copy.remove();
  }
});

test('the catch-up writer thread and the live node\'s synchronous store write the same tables (the rows cross a thread with their bigints)', async () => {
  const blocks: CommittedBlock[] = [];
  const stream = new CommittedBlockStream();
  stream.subscribe((block) => void blocks.push(block));
  await replay(dir, { trustSignatures: true, stream });
  // The imported state at H (replay's own state object moves on with the blocks).
  const genesis: LedgerState = loadGenesisOfDataDir(dir).state;
  const config = readDataDirConfig(dir);
  const expected = dumpTables(dir);
  const threaded = copyDataDir(dir, 'big-amounts-thread');
  const live = copyDataDir(dir, 'big-amounts-live');
  try {
    const store = SqliteCatchUpStore.open(threaded.dir, { writer: 'thread', chunkRows: 3 });
    try {
      store.seedGenesis(genesis, config.genesis_state_root, config.previous_block_hash);
      store.apply(blocks);
      await store.throttle(0);
    } finally {
      await store.close();
    }
    const node = ProjectionStore.open(live.dir);
    try {
      node.seedGenesis(genesis, config.genesis_state_root, config.previous_block_hash);
      for (const block of blocks) node.apply([block]);
    } finally {
      node.close();
    }
    for (const copy of [threaded, live]) {
      const dump = dumpTables(copy.dir);
      for (const [table, rows] of expected) assert.equal(dump.get(table), rows, table);
    }
  } finally {
    threaded.remove();
    live.remove();
  }
});

test('Parquet: uPOKT columns beyond int64 are exact DECIMAL(38,0), the rest of the export as before', async () => {
  const out = join(work.dir, 'parquet');
  await exportAnalytics(dir, out);
  const duck = await DuckDBInstance.create(':memory:');
  const connection = await duck.connect();
  try {
    const read = async (sql: string): Promise<Array<Record<string, unknown>>> => (await connection.runAndReadAll(sql.replaceAll('FILE(', `'${out}/`).replaceAll('.parquet)', ".parquet'"))).getRowObjectsJS() as Array<Record<string, unknown>>;
    const supplyRows = await read('SELECT height, total_upokt::VARCHAR AS total, dao_upokt::VARCHAR AS dao, typeof(total_upokt) AS type FROM FILE(supply.parquet) ORDER BY height');
    assert.equal(supplyRows.map((r) => [Number(r.height), r.total, r.dao, r.type]), [
      [H, `${supply}`, `${DAO_BALANCE}`, 'DECIMAL(38,0)'],
      [H + 1, `${supply}`, `${DAO_BALANCE}`, 'DECIMAL(38,0)'],
      [H + 2, `${supply}`, `${DAO_BALANCE + DAO_FEE_CUT}`, 'DECIMAL(38,0)'],
      [H + 3, `${supply}`, `${DAO_BALANCE + DAO_FEE_CUT}`, 'DECIMAL(38,0)'],
    ]);
    const fees = await read('SELECT fee_charged_upokt::VARCHAR AS fee FROM FILE(txs.parquet) ORDER BY height');
    assert.equal(fees.map((r) => r.fee), [`${FEE}`, `${BIG_FEE}`]);
    // blocks.parquet has no amount: its integers stay BIGINT.
    assert.is((await read('SELECT typeof(tx_count) AS type FROM FILE(blocks.parquet) LIMIT 1'))[0]!.type, 'BIGINT');
  } finally {
    connection.closeSync();
    duck.closeSync();
  }
});

test('PostgreSQL: projected in two runs (COPY and INSERT), it answers every route as SQLite does', async () => {
  const db = await freshDatabase('big_amounts');
  await project(dir, { postgres: db.primary, to: H + 1, pgBulkMode: 'copy' });
  await project(dir, { postgres: db.primary, pgBulkMode: 'insert' });
  const pg = await PgReadStore.open(db.primary, 2);
  const sqlite = openSqliteReadStore(dir);
  try {
    const fromPg = await checkRoutes(pg, 'PostgreSQL');
    assert.equal(fromPg, await checkRoutes(sqlite, 'SQLite'));
  } finally {
    await pg.close();
    await sqlite.close();
  }
});

test.run();
