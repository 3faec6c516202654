/**
 * Goal: attacker-chosen text with a NUL character (a memo, a log) — which PostgreSQL TEXT cannot
 * hold — is projected into PostgreSQL by both write paths (COPY and multi-row INSERT) and read
 * back exactly, by the ReadStore and by the query service's tx route; ordinary text is stored
 * unchanged (so SQL over the tables sees it as is). Method: a fresh database migrated by the
 * projection store; tx rows written through writeBatch; read through PgReadStore, the HTTP
 * route, and a plain pg client without the ledger's type parsers (what is really stored).
 * The escaping (src/projection/pg/connect.ts) is also checked on random strings (fast-check).
 */
import fc from 'fast-check';
import pg from 'pg';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { RowBatch } from '../../../src/projection/engine.js';
import { connect, decodeText, encodeText, endClient } from '../../../src/projection/pg/connect.js';
import { PgReadStore } from '../../../src/projection/pg/read-store.js';
import { PgProjectionStore } from '../../../src/projection/pg/store.js';
import { writeBatch } from '../../../src/projection/pg/write.js';
import { TABLES } from '../../../src/projection/tables.js';
import { createQueryServer } from '../../../src/query/service.js';
import { freshDatabase } from '../../helpers/postgres.js';
import { postTo } from '../../helpers/query.js';
const test = suite('PostgreSQL: text with NUL characters is stored and served back exactly');
const TXS = TABLES.find((table) => table.name === 'txs');
const TEXTS = ['memo with a NUL \u0000 inside', '\u0000', '\u0001starts with the escape mark', 'ends with NUL\u0000\u0000', 'plain text \\ with a backslash\tand a tab', 'plain'];
function txRow(height, index, memo, log) {
    const cells = {
        height, tx_index: index, hash: `${height.toString(16).padStart(4, '0')}${index.toString(16).padStart(60, '0')}`.toUpperCase(), signer: null, recipient: null, message_type: null, message_json: null,
        fee_declared_upokt: null, fee_charged_upokt: 0n, memo, entropy: null, code: 2n, codespace: 'sdk', result_name: 'tx_decode', log, raw: new Uint8Array([1, 2, 3]),
    };
    return TXS.columns.map((column) => cells[column]);
}
test('encodeText/decodeText: every string round-trips, no stored text holds a NUL, text without NUL or leading mark is unchanged', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => {
        const stored = encodeText(text);
        assert.is(decodeText(stored), text);
        assert.not.ok(stored.includes('\u0000'));
        if (!text.includes('\u0000') && !text.startsWith('\u0001'))
            assert.is(stored, text);
    }), { numRuns: 2_000, seed: 15 });
});
test('COPY and INSERT store NUL text; the ReadStore and /v1/query/tx give it back exactly; plain text is stored as is', async () => {
    const db = await freshDatabase('nul_text');
    await (await PgProjectionStore.open(db.primary)).close();
    const client = await connect(db.primary);
    const modes = ['copy', 'insert'];
    try {
        await client.query('INSERT INTO projection_checkpoint (id, height, block_hash, state_root) VALUES (1, 2, $1, $1)', ['00']);
        for (const [m, mode] of modes.entries()) {
            const batch = new RowBatch();
            TEXTS.forEach((text, i) => batch.add(TXS, txRow(m + 1, i, text, `log: ${text}`)));
            await client.query('BEGIN');
            await writeBatch(client, batch, mode);
            await client.query('COMMIT');
        }
    }
    finally {
        await endClient(client);
    }
    const store = await PgReadStore.open(db.primary);
    const app = await createQueryServer(store);
    const raw = new pg.Client({ connectionString: db.primary });
    await raw.connect();
    try {
        for (const [m, mode] of modes.entries()) {
            for (const [i, text] of TEXTS.entries()) {
                const row = txRow(m + 1, i, text, `log: ${text}`);
                const hash = row[TXS.columns.indexOf('hash')];
                const tx = await store.tx(hash, 2);
                assert.is(tx?.memo, text, `${mode}: memo ${JSON.stringify(text)}`);
                assert.is(tx?.log, `log: ${text}`, `${mode}: log`);
                const served = await postTo(app, '/v1/query/tx', { hash });
                assert.is(served.status, 200);
                assert.is(served.json.tx_result.log, `log: ${text}`, `${mode}: the route's log`);
                const stored = (await raw.query('SELECT memo FROM txs WHERE hash = $1', [hash])).rows[0].memo;
                assert.is(stored, encodeText(text), `${mode}: stored form`);
                if (!text.includes('\u0000') && !text.startsWith('\u0001'))
                    assert.is(stored, text, `${mode}: plain text stored as is`);
            }
        }
    }
    finally {
        await raw.end();
        await app.close();
        await store.close();
    }
});
test.run();
//# sourceMappingURL=postgres-text.test.js.map