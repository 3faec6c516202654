/**
 * Goal: a real mainnet transaction decodes, hashes, verifies and re-encodes exactly as on chain.
 * Method: test/fixtures/tx-h41144.json (a pos/Send at height 41144, pocket-js response sample,
 * see SOURCES.md): every assertion compares our codec against a value the fixture states
 * (hash, stdTx fields) or that pocket-core defines (address = sha256(pubkey)[0:20]).
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { bytesToHex } from '../../../src/core/hex.js';
import { verify } from '../../../src/crypto/ed25519.js';
import { sha256 } from '../../../src/crypto/hash.js';
import { validateBasic, validateTxBasic, signersOf } from '../../../src/messages/index.js';
import { canonicalEncodingStyle, decodeTx, encodeTx, msgToAminoJson, signBytes, txHash, verifyTxSignature } from '../../../src/wire/index.js';
import { readFixture } from '../../helpers/paths.js';
import { assertOk } from '../../helpers/assert.js';
// The fixture's stdTx.entropy is a JSON number; 3908904207717607 < 2^53 so JSON.parse keeps it exact.
const fixture = JSON.parse(readFixture('tx-h41144.json'));
const bytes = new Uint8Array(Buffer.from(fixture.tx, 'base64'));
function decoded() {
    const result = decodeTx(bytes);
    if (!result.ok)
        throw new Error(`fixture did not decode: ${result.error.log}`);
    return result.value;
}
const realTx = suite('wire/real mainnet tx (height 41144)');
realTx('given the raw bytes, when decoded, then it is a pos/Send with the fixture fields', () => {
    const tx = decoded();
    assert.is(tx.typeUrl, '/x.nodes.MsgSend');
    assert.is(msgToAminoJson(tx.msg).type, 'pos/Send');
    assert.equal(tx.msg, {
        kind: 'Send',
        fromAddress: fixture.stdTx.msg.value['from_address'],
        toAddress: fixture.stdTx.msg.value['to_address'],
        amount: fixture.stdTx.msg.value['amount'],
    });
    assert.equal(tx.fee, fixture.stdTx.fee.map((coin) => ({ denom: coin.denom, amount: coin.amount })));
    assert.is(tx.memo, fixture.stdTx.memo);
    assert.is(tx.entropy, BigInt(fixture.stdTx.entropy));
    assert.is(tx.signature.publicKey, fixture.stdTx.signature.pub_key);
    assert.is(tx.signature.signature, fixture.stdTx.signature.signature);
});
realTx('its hash is the fixture hash: uppercase SHA-256 of the received bytes, length prefix included', () => {
    assert.is(decoded().hash, fixture.hash);
    assert.is(txHash(bytes), fixture.hash);
    assert.is(bytesToHex(sha256(bytes)).toUpperCase(), fixture.hash);
});
realTx('the signer from_address is hex(sha256(pub_key))[0:40]', () => {
    const tx = decoded();
    const expected = bytesToHex(sha256(Buffer.from(fixture.stdTx.signature.pub_key, 'hex'))).slice(0, 40);
    assert.is(fixture.stdTx.msg.value['from_address'], expected);
    assert.equal(signersOf(assertOk(validateBasic(tx.msg))), [expected]);
});
realTx('the signature verifies over the sorted amino-JSON sign document with a quoted entropy', () => {
    const tx = decoded();
    const v = fixture.stdTx.msg.value;
    const expectedDoc = `{"chain_id":"mainnet","entropy":"${fixture.stdTx.entropy}","fee":[{"amount":"10000","denom":"upokt"}],"memo":"",` +
        `"msg":{"type":"pos/Send","value":{"amount":"${v['amount']}","from_address":"${v['from_address']}","to_address":"${v['to_address']}"}}}`;
    assert.is(Buffer.from(signBytes('mainnet', tx)).toString('utf8'), expectedDoc);
    assert.ok(verifyTxSignature('mainnet', tx));
    // The same document with entropy as a bare JSON number does NOT verify: amino writes int64
    // as a string, so the signed entropy is exact (never rounded through float64).
    const bareEntropy = expectedDoc.replace(`"entropy":"${fixture.stdTx.entropy}"`, `"entropy":${fixture.stdTx.entropy}`);
    const publicKey = Buffer.from(fixture.stdTx.signature.pub_key, 'hex');
    const signature = Buffer.from(fixture.stdTx.signature.signature, 'hex');
    assert.ok(verify(publicKey, Buffer.from(expectedDoc), signature));
    assert.not.ok(verify(publicKey, Buffer.from(bareEntropy), signature));
    // Another chain id does not verify either.
    assert.not.ok(verifyTxSignature('testnet', tx));
});
realTx('re-encoding gives the identical bytes (pocket-js 2020 encoder: empty memo written)', () => {
    const tx = decoded();
    assert.is(canonicalEncodingStyle(tx), 'explicit-defaults');
    assert.equal(encodeTx(tx, 'explicit-defaults'), bytes);
    // pocket-core's own encoder omits the empty memo (22 00): 2 bytes shorter, prefix 0xcd 0x01.
    const gogo = encodeTx(tx);
    assert.is(gogo.byteLength, bytes.byteLength - 2);
    assert.is(bytesToHex(gogo.subarray(0, 2)), 'cd01');
});
realTx('its amino JSON equals the fixture stdTx.msg', () => {
    assert.equal(msgToAminoJson(decoded().msg), fixture.stdTx.msg);
});
realTx('it passes validateBasic and the StdTx basic checks', () => {
    const tx = decoded();
    assert.equal(validateBasic(tx.msg), {
        ok: true,
        value: { type: 'Send', fromAddress: v('from_address'), toAddress: v('to_address'), amountUpokt: 8000010000n },
    });
    assert.equal(validateTxBasic(tx), { ok: true, value: undefined });
});
function v(field) {
    return fixture.stdTx.msg.value[field];
}
realTx.run();
//# sourceMappingURL=real-tx.test.js.map