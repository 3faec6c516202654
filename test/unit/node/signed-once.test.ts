/**
 * Goal (issue 10 item 1, end to end): against a running node, a Send of 1,000,000 uPOKT signed
 * once and delivered is never delivered again — not from any re-encoding (non-minimal length
 * prefix, unknown field, reordered fields, public key omitted, explicit defaults, padded
 * varint), not from any of its single-bit flips, not from seeded field mutations: 0 admitted,
 * the next block empty, the recipient credited once.
 * Method: startNode on a free port; every variant through POST /v1/client/rawtx; a block
 * produced through POST /v1/ledger/produce; balances through POST /v1/query/balance. The same
 * variants reaching the reducer directly are test/unit/chain/replay-protection.test.ts.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Prng } from '../../../src/core/prng.js';
import { sendMsg, signTx, testKey } from '../../helpers/chain.js';
import { balanceOverHttp, produceBlock, startTestNode, submitAll, submitTx, tallyCodes, type TestNode } from '../../helpers/node-http.js';
import { mutateFields, RE_ENCODINGS, singleBitFlips } from '../../helpers/re-encode.js';

const alice = testKey('alice');
const bob = testKey('bob');
const validator = testKey('validator-1');
const SEND_UPOKT = 1_000_000n;
const FEE_UPOKT = 10_000n;
const START_UPOKT = 1_000_000_000n;
const SEED = BigInt(process.env['FUZZ_SEED'] ?? '0x51e2ed');
const MUTANTS = 500;

let test: TestNode;
const original = signTx(alice, sendMsg(alice, bob, SEND_UPOKT));

const e2e = suite('node: a signed tx moves funds once, however it is encoded (end to end)');

e2e.before(async () => {
  test = await startTestNode({ accounts: [{ key: alice, balanceUpokt: START_UPOKT }], validators: [{ key: validator, tokensUpokt: 100_000_000_000n }] });
  const admitted = await submitTx(test.node, original, alice.address);
  assert.is(admitted.code, 'ok');
  assert.equal((await produceBlock(test.node)).map((r) => r.code), [0]);
});

e2e.after(async () => {
  await test.close();
});

async function assertDeliveredOnce(): Promise<void> {
  assert.equal(await produceBlock(test.node), [], 'the next block carries none of them');
  assert.is(await balanceOverHttp(test.node, bob.address), SEND_UPOKT, 'bob credited once');
  assert.is(await balanceOverHttp(test.node, alice.address), START_UPOKT - SEND_UPOKT - FEE_UPOKT, 'alice debited once');
}

e2e('every re-encoding is refused: ledger:21 (non-canonical), ledger:20 (the same signature, delivered) or sdk:1 (no public key)', async () => {
  const answers = await Promise.all(RE_ENCODINGS.map(([, reEncode]) => submitTx(test.node, reEncode(original), alice.address)));
  const codes = Object.fromEntries(RE_ENCODINGS.map(([name], i) => [name, answers[i]!.code]));
  assert.equal(codes, {
    'non-minimal length prefix': 'ledger:21',
    'an unknown field appended': 'ledger:21',
    'fields reordered': 'ledger:21',
    'public key omitted': 'sdk:1', // with [AppTransfer] active pocket-core refuses every key-less tx (chain/ante.ts step 3a)
    'explicit defaults (pocket-js 2020 style)': 'ledger:20',
    'entropy as a non-minimal varint': 'ledger:21',
  });
  await assertDeliveredOnce();
});

e2e('no single-bit flip is admitted', async () => {
  const answers = await submitAll(test.node, singleBitFlips(original), alice.address);
  console.log(`  ${answers.length} single-bit flips over HTTP: ${JSON.stringify(tallyCodes(answers))}`);
  assert.is(answers.filter((answer) => answer.code === 'ok').length, 0);
  await assertDeliveredOnce();
});

e2e('no seeded field mutation is admitted', async () => {
  console.log(`  node replay fuzz seed: ${SEED} (re-run with FUZZ_SEED=${SEED})`);
  const prng = new Prng(SEED);
  const answers = await submitAll(
    test.node,
    Array.from({ length: MUTANTS }, () => mutateFields(original, prng)),
    alice.address,
  );
  console.log(`  ${answers.length} mutants over HTTP: ${JSON.stringify(tallyCodes(answers))}`);
  assert.is(answers.filter((answer) => answer.code === 'ok').length, 0);
  await assertDeliveredOnce();
});

e2e.run();
