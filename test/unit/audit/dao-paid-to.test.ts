/**
 * Goal: a block reward's DAO cut names the account it is paid to — the dao module account — in
 * `audit --lines-csv` and in the node-scoped HTML report's lines, where the paid-to address was
 * empty. pocket-core's blockReward sends the cut to the module account named
 * govTypes.DAOAccountName = "dao" (x/nodes/keeper/reward.go:227-245, x/gov/types/dao.go:8), whose
 * address is NewModuleAddress("dao") = tmCrypto.AddressHash("dao") (x/auth/types/account.go:320-322;
 * x/auth/keeper/bank.go:40-52 resolves it through the module's permissions entry,
 * x/auth/types/permissions.go:24-29) — SHA-256 truncated to its first 20 bytes (tendermint
 * fork at 59310158d3e9, crypto/crypto.go:18-20, crypto/tmhash/hash.go:27, 62-65). The expected address is
 * computed here from that rule, not read from the ledger. (The bundled mainnet genesis lists no
 * module account to compare with: pocket-core creates them on first use, bank.go:43-47.)
 * Method: the compiled CLI on a 6-block simulated chain with txs (their fees make each next
 * block's reward); the CSV's `block,dao` rows and the report's scope lines for the proposer.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli, scratch, simulateSmallChain } from '../../helpers/sim.js';

const DAO_ADDRESS = createHash('sha256').update('dao').digest('hex').slice(0, 40);

const test = suite('audit: the DAO cut is paid to the dao module account');
const tmp = scratch('audit-dao-paid-to');
const chain = join(tmp.dir, 'chain');

test.before(async () => {
  const made = await simulateSmallChain(chain, tmp.dir, { blocks: 6, seed: 9, txsPerBlock: 3 });
  assert.is(made.code, 0, made.stderr + made.stdout);
});
test.after(() => tmp.remove());

/** The CSV as records by column name (no field of these rows is quoted: addresses, numbers, words). */
function csvRecords(text: string): Array<Record<string, string>> {
  const [head, ...rows] = text.trimEnd().split('\n');
  const columns = head!.split(',');
  return rows.map((row) => Object.fromEntries(row.split(',').map((value, i) => [columns[i], value])));
}

let daoRows: Array<Record<string, string>> = [];

test('--lines-csv: every block,dao row is paid to SHA-256("dao")[:20]', async () => {
  const file = join(tmp.dir, 'lines.csv');
  const run = await runCli(['audit', '--data', chain, '--lines-csv', file, '--no-progress', '--json']);
  assert.is(run.code, 0, run.stderr + run.stdout);
  daoRows = csvRecords(readFileSync(file, 'utf8')).filter((r) => r['kind'] === 'block' && r['role'] === 'dao');
  assert.ok(daoRows.some((r) => r['amount_upokt'] !== '0'), 'a block whose reward has a DAO cut');
  assert.equal([...new Set(daoRows.map((r) => r['address']))], [DAO_ADDRESS]);
});

test('--html --node <the proposer>: the report\'s block/dao lines name the dao account as paid to', async () => {
  const proposer = daoRows.find((r) => r['node'] !== '')?.['node'];
  assert.ok(proposer !== undefined, 'a block reward with its proposer');
  const file = join(tmp.dir, 'report.html');
  const run = await runCli(['audit', '--data', chain, '--node', proposer!, '--html', file, '--no-progress']);
  assert.is(run.code, 0, run.stderr + run.stdout);
  const lines = /<table[^>]*id="scope-lines"[\s\S]*?<\/table>/.exec(readFileSync(file, 'utf8'))?.[0] ?? '';
  const daoLines = lines.split('<tr>').filter((row) => /title="dao"/.test(row));
  assert.ok(daoLines.length > 0, 'the scope lines list the block reward\'s DAO cut');
  for (const row of daoLines) assert.ok(row.includes(`title="${DAO_ADDRESS}"`), row);
});

test.run();
