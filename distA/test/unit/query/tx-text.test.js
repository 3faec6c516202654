/**
 * Goal: the tx and tx-search answers written directly as text (pocket-json.ts txJsonText,
 * txSearchText — no bigint replacer, the message from txs.message_json) are exactly what the
 * generic serializer writes for the object answers (txJson, txSearchJson through
 * stringifyAnswer), whose shapes contract.test.ts holds to pocket-core's.
 * Method: every tx of the query tests' simulated chain (helpers/query.ts, every message kind),
 * block by block through the SQLite ReadStore; plus txs the chain lacks: an entropy beyond 2^53
 * (Go writes the bare int64; JSON numbers lose it), a negative one, and bytes that do not decode.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { openSqliteReadStore } from '../../../src/projection/sqlite-read-store.js';
import { stringifyAnswer } from '../../../src/query/http-app.js';
import { txJson, txJsonText, txSearchJson, txSearchText } from '../../../src/query/pocket-json.js';
import { decodeTx, encodeTx } from '../../../src/wire/index.js';
import { projectedSimChain } from '../../helpers/query.js';
const test = suite('query: tx answers written as text = the serialized object answers');
const sameTx = (tx) => assert.is(txJsonText(tx), stringifyAnswer(txJson(tx)), `tx ${tx.hash} at ${tx.height}`);
test('every tx of the simulated chain, one by one and as block pages', async () => {
    const chain = await projectedSimChain();
    const store = openSqliteReadStore(chain.dir);
    try {
        const latest = (await store.latestHeight());
        let txs = 0;
        for (let height = 1; height <= latest; height++) {
            const found = await store.blockTxs(height, 'asc', { page: 1, perPage: 1000 });
            for (const tx of found.items)
                sameTx(tx);
            assert.is(txSearchText(found.items, found.total), stringifyAnswer(txSearchJson(found.items, found.total)), `block ${height} txs`);
            txs += found.items.length;
        }
        assert.ok(txs >= 500, `only ${txs} txs`);
        assert.is(txSearchText([], 0), stringifyAnswer(txSearchJson([], 0)));
    }
    finally {
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
        for (const entropy of [2n ** 63n - 1n, 2n ** 53n + 1n, -(2n ** 63n), -1n]) {
            const raw = encodeTx({ ...decoded.value, entropy });
            const tx = { ...sample, raw };
            sameTx(tx);
            assert.ok(txJsonText(tx).endsWith(`"entropy":${entropy}}}`), `entropy ${entropy} as a bare number`);
        }
        sameTx({ ...sample, raw: new Uint8Array([1, 2, 3]), messageJson: null, messageType: null });
    }
    finally {
        await store.close();
    }
});
test.after(async () => (await projectedSimChain()).remove());
test.run();
//# sourceMappingURL=tx-text.test.js.map