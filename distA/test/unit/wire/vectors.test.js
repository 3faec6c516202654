/**
 * Goal: the codec reproduces the committed golden vectors byte for byte, and decodes them back.
 * Method: test/vectors/wire-txs.json (written by test/gen/vectors/wire-txs.ts from fixed keys):
 * rebuild each case from its inputs and compare tx bytes, hash and sign bytes; decode each
 * txHex and check message, signature and re-encoding.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { bytesToHex, mustHexToBytes } from '../../../src/core/hex.js';
import { validateBasic } from '../../../src/messages/index.js';
import { buildAndSignTx, decodeTx, encodeTx, verifyTxSignature } from '../../../src/wire/index.js';
import { readFileSync } from 'node:fs';
import { buildWireTxVectors, wireMessageFromJson, WIRE_TX_VECTORS_FILE } from '../../gen/vectors/wire-txs.js';
import { readVectors, vectorPath } from '../../helpers/paths.js';
import { assertOk } from '../../helpers/assert.js';
const vectors = readVectors('wire-txs.json');
const golden = suite('wire/golden vectors (test/vectors/wire-txs.json)');
golden('the committed file is exactly what the generator writes (never edited by hand)', () => {
    assert.is(readFileSync(vectorPath(WIRE_TX_VECTORS_FILE), 'utf8'), JSON.stringify(buildWireTxVectors(), null, 2) + '\n');
});
golden('the file has a case for every message kind', () => {
    const kinds = new Set(vectors.cases.map((entry) => entry.input.msg.kind));
    assert.is(kinds.size, 12);
});
for (const entry of vectors.cases) {
    golden(entry.description, () => {
        const msg = wireMessageFromJson(entry.input.msg);
        const built = buildAndSignTx({
            chainId: entry.input.chainId,
            msg,
            feeUpokt: BigInt(entry.input.feeUpokt),
            memo: entry.input.memo,
            entropy: BigInt(entry.input.entropy),
            seed: mustHexToBytes(entry.input.signerSeedHex),
        });
        assert.is(bytesToHex(built.bytes), entry.output.txHex);
        assert.is(built.hash, entry.output.hash);
        assert.is(Buffer.from(built.signBytes).toString('utf8'), entry.output.signBytes);
        const decoded = assertOk(decodeTx(mustHexToBytes(entry.output.txHex)));
        assert.equal(decoded.msg, msg);
        assert.is(decoded.hash, entry.output.hash);
        assert.ok(verifyTxSignature(entry.input.chainId, decoded));
        assert.is(bytesToHex(encodeTx(decoded)), entry.output.txHex);
        assert.ok(validateBasic(decoded.msg).ok);
    });
}
golden.run();
//# sourceMappingURL=vectors.test.js.map