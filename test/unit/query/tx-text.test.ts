/**
 * Goal: the tx and tx-search answers written directly (pocket-json.ts txJsonAnswer,
 * txSearchAnswer: text, or UTF-8 bytes for a big tx; no bigint replacer, the message from
 * txs.message_json) are exactly what the generic serializer writes for the object answers
 * (txJson, txSearchJson through stringifyAnswer), whose shapes contract.test.ts holds to
 * pocket-core's.
 * Method: every tx of the query tests' simulated chain (helpers/query.ts, every message kind),
 * block by block through the SQLite ReadStore; plus txs the chain lacks: an entropy beyond 2^53
 * (written as the float64 pocket-core's WriteJSONResponse makes of it, server.go:169-183:
 * go-float-numbers.test.ts), a negative one, and bytes that do not decode.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { openSqliteReadStore } from '../../../src/projection/sqlite-read-store.js';
import type { TxRecord } from '../../../src/projection/read-store.js';
import { stringifyAnswer } from '../../../src/query/http-app.js';
import { txJson, txJsonAnswer, txSearchJson, txSearchAnswer } from '../../../src/query/pocket-json.js';
import { decodeTx, encodeTx } from '../../../src/wire/index.js';
import { projectedSimChain } from '../../helpers/query.js';

const test = suite('query: tx answers written directly = the serialized object answers');

/** An answer as text: a string as is, bytes (a big tx's, json-out.ts) decoded as UTF-8. */
const text = (answer: string | Buffer): string => (typeof answer === 'string' ? answer : answer.toString('utf8'));
const sameTx = (tx: TxRecord): void => assert.is(text(txJsonAnswer(tx)), stringifyAnswer(txJson(tx)), `tx ${tx.hash} at ${tx.height}`);

test('every tx of the simulated chain, one by one and as block pages', async () => {
  const chain = await projectedSimChain();
  const store = openSqliteReadStore(chain.dir);
  try {
    const latest = (await store.latestHeight())!;
    let txs = 0;
    for (let height = 1; height <= latest; height++) {
      const found = await store.blockTxs(height, 'asc', { page: 1, perPage: 1000 });
      for (const tx of found.items) sameTx(tx);
      assert.is(text(txSearchAnswer(found.items, found.total)), stringifyAnswer(txSearchJson(found.items, found.total)), `block ${height} txs`);
      txs += found.items.length;
    }
    assert.ok(txs >= 500, `only ${txs} txs`);
    assert.is(text(txSearchAnswer([], 0)), stringifyAnswer(txSearchJson([], 0)));
  } finally {
    await store.close();
  }
});

test('entropies beyond 2^53 and below 0, and undecodable bytes', async () => {
  const chain = await projectedSimChain();
  const store = openSqliteReadStore(chain.dir);
  try {
    const decodable = (await store.blockTxs(2, 'asc', { page: 1, perPage: 1000 })).items.map((tx) => ({ tx, decoded: decodeTx(tx.raw) })).find((t) => t.decoded.ok);
    assert.ok(decodable !== undefined && decodable.decoded.ok, 'a decodable tx in block 2');
    const { tx: sample, decoded } = decodable;
    const float64Texts = new Map([[2n ** 63n - 1n, '9223372036854776000'], [2n ** 53n + 1n, '9007199254740992'], [-(2n ** 63n), '-9223372036854776000'], [-1n, '-1']]);
    for (const [entropy, written] of float64Texts) {
      const raw = encodeTx({ ...decoded.value, entropy });
      const tx: TxRecord = { ...sample, raw };
      sameTx(tx);
      assert.ok(text(txJsonAnswer(tx)).endsWith(`"entropy":${written}}}`), `entropy ${entropy} as the bare float64 ${written}`);
    }
    sameTx({ ...sample, raw: new Uint8Array([1, 2, 3]), messageJson: null, messageType: null });
  } finally {
    await store.close();
  }
});

test('big txs are answered as UTF-8 bytes, small ones as text, with the same JSON either way', async () => {
  const chain = await projectedSimChain();
  const store = openSqliteReadStore(chain.dir);
  try {
    const sample = (await store.blockTxs(2, 'asc', { page: 1, perPage: 1000 })).items.find((tx) => decodeTx(tx.raw).ok)!;
    const decoded = decodeTx(sample.raw);
    assert.ok(decoded.ok);
    // A memo of multi-byte characters beside the big base64: the text around it must still be UTF-8.
    // The message is unchanged, so the sample's stored message JSON (kept by the spread) still applies.
    const bigMemo: TxRecord = { ...sample, raw: encodeTx({ ...decoded.value, memo: 'é€😀'.repeat(2_000) }) };
    const bigGarbage: TxRecord = { ...sample, raw: new Uint8Array(40_000).fill(0xff), messageJson: null, messageType: null };
    for (const tx of [bigMemo, bigGarbage]) {
      assert.ok(Buffer.isBuffer(txJsonAnswer(tx)), 'a big tx is answered as bytes');
      sameTx(tx);
    }
    assert.is(typeof txJsonAnswer(sample), 'string', 'a small tx is answered as text');
    // A page mixing small and big txs, in either order.
    const page = [sample, bigMemo, sample, bigGarbage];
    assert.is(text(txSearchAnswer(page, 9)), stringifyAnswer(txSearchJson(page, 9)));
    assert.is(text(txSearchAnswer(page.slice().reverse(), 9)), stringifyAnswer(txSearchJson(page.slice().reverse(), 9)));
  } finally {
    await store.close();
  }
});

test.after(async () => (await projectedSimChain()).remove());

test.run();
