/**
 * Goal: signing and verification agree with the published ed25519 vectors and with pocket's
 * real keys and signatures; the KeyObject cache is bounded and least-recently-used.
 * Method: RFC 8032 §7.1 TEST 1–3 and the pocket-js key vector written as their sources state
 * them; a real mainnet tx signature (test/fixtures/tx-h41144.json); node:crypto signing
 * compared with @noble/ed25519 on fast-check seeds; the cache driven through a fixed sequence.
 */
import fc from 'fast-check';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { bytesToHex, mustHexToBytes } from '../../../src/core/hex.js';
import { addressFromPublicKey } from '../../../src/crypto/address.js';
import { createSigner, GROUP_ORDER, isCanonicalScalar, PublicKeyCache, publicKeyFromSeed, sign, verify, verifyUncached, } from '../../../src/crypto/ed25519.js';
import { bigintToBytesLe, noble, verifyReference } from '../../helpers/ed25519-reference.js';
import { readFixture } from '../../helpers/paths.js';
import { fastCheckSeed } from './fc-seed.js';
const hex = mustHexToBytes;
// RFC 8032 §7.1 "Test Vectors for Ed25519", TEST 1, TEST 2, TEST 3 (SECRET KEY is the 32-byte seed).
const RFC8032 = [
    {
        name: 'TEST 1',
        secretKey: '9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60',
        publicKey: 'd75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a',
        message: '',
        signature: 'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
    },
    {
        name: 'TEST 2',
        secretKey: '4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb',
        publicKey: '3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c',
        message: '72',
        signature: '92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00',
    },
    {
        name: 'TEST 3',
        secretKey: 'c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7',
        publicKey: 'fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025',
        message: 'af82',
        signature: '6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a',
    },
];
const vectors = suite('crypto/ed25519 published vectors');
for (const v of RFC8032) {
    vectors(`RFC 8032 ${v.name}: public key, signature, verification`, () => {
        const seed = hex(v.secretKey);
        const message = hex(v.message);
        assert.is(bytesToHex(publicKeyFromSeed(seed)), v.publicKey);
        assert.is(bytesToHex(sign(seed, message)), v.signature);
        assert.is(bytesToHex(createSigner(seed)(message)), v.signature);
        assert.ok(verify(hex(v.publicKey), message, hex(v.signature)));
        assert.ok(verifyUncached(hex(v.publicKey), message, hex(v.signature)));
        assert.ok(verifyReference(hex(v.publicKey), message, hex(v.signature)));
    });
}
vectors('pocket-js key vector (shared/data/README.md): seed‖pubkey → pubkey → address, signature of 0xdeadbeef', () => {
    const privateKey = hex('1f8cbde30ef5a9db0a5a9d5eb40536fc9defc318b8581d543808b7504e0902bcb243b27bc9fbe5580457a46370ae5f03a6f6753633e51efdaf2cf534fdc26cc3');
    const seed = privateKey.subarray(0, 32);
    const publicKey = publicKeyFromSeed(seed);
    assert.is(bytesToHex(publicKey), 'b243b27bc9fbe5580457a46370ae5f03a6f6753633e51efdaf2cf534fdc26cc3');
    assert.is(bytesToHex(privateKey.subarray(32)), bytesToHex(publicKey));
    assert.is(addressFromPublicKey(publicKey), 'b50a6e20d3733fb89631ae32385b3c85c533c560');
    const message = hex('deadbeef');
    const expected = '5d04dfc0d0e579d815f761b452c7d01e5f20a71b9fb66dbbeb1959cffed9da0a621ee06dfd11171757f9c9541768eaf59cce75ac4acc1ad122556ec26e166108';
    assert.is(bytesToHex(sign(seed, message)), expected);
    assert.ok(verify(publicKey, message, hex(expected)));
    assert.ok(verifyReference(publicKey, message, hex(expected)));
});
vectors('real mainnet tx (height 41144): the signature verifies over the sorted JSON sign document', () => {
    const tx = JSON.parse(readFixture('tx-h41144.json'));
    // Sign document as shared/data/README.md states it, with this tx's values filled in. The
    // entropy (an int64) appears as a JSON string: amino's JSON encoding of 64-bit integers.
    const signDoc = '{"chain_id":"mainnet","entropy":"3908904207717607","fee":[{"amount":"10000","denom":"upokt"}],"memo":"",' +
        '"msg":{"type":"pos/Send","value":{"amount":"8000010000","from_address":"ce16bb2714f93cfb3c00b5bd4b16dc5d8ca1687a",' +
        '"to_address":"fb61cfd078fdf52f3a2052c431264ff1e4ecaa45"}}}';
    const message = new TextEncoder().encode(signDoc);
    const publicKey = hex(tx.stdTx.signature.pub_key);
    const signature = hex(tx.stdTx.signature.signature);
    assert.ok(verify(publicKey, message, signature));
    assert.ok(verifyReference(publicKey, message, signature));
    assert.not.ok(verify(publicKey, new TextEncoder().encode(signDoc.replace('"memo":""', '"memo":" "')), signature));
    assert.is(addressFromPublicKey(publicKey), tx.stdTx.msg.value.from_address);
});
const agreement = suite('crypto/ed25519 node:crypto vs @noble/ed25519');
agreement('sign, createSigner and publicKeyFromSeed equal noble on random seeds and messages', () => {
    const seed = fastCheckSeed('ed25519 sign agreement');
    fc.assert(fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.uint8Array({ maxLength: 600 }), (keySeed, message) => {
        const signature = sign(keySeed, message);
        assert.is(bytesToHex(signature), bytesToHex(noble.sign(message, keySeed)));
        assert.is(bytesToHex(createSigner(keySeed)(message)), bytesToHex(signature));
        assert.is(bytesToHex(publicKeyFromSeed(keySeed)), bytesToHex(noble.getPublicKey(keySeed)));
    }), { seed, numRuns: 150 });
});
agreement('a 1 MiB message signs and verifies; changing its last byte breaks the signature under both verifiers', () => {
    const keySeed = new Uint8Array(32).fill(77);
    const publicKey = publicKeyFromSeed(keySeed);
    const message = new Uint8Array(1 << 20).map((_, i) => (i * 31 + 1) & 0xff);
    const signature = sign(keySeed, message);
    assert.ok(verify(publicKey, message, signature));
    assert.ok(verifyReference(publicKey, message, signature));
    message[message.length - 1] = message[message.length - 1] ^ 1;
    assert.not.ok(verify(publicKey, message, signature));
    assert.not.ok(verifyReference(publicKey, message, signature));
});
agreement('verify never throws: any lengths, empty everything', () => {
    for (const [pk, sig] of [[0, 0], [32, 0], [0, 64], [31, 64], [33, 64], [32, 63], [32, 65], [64, 64]]) {
        assert.not.ok(verify(new Uint8Array(pk), new Uint8Array(0), new Uint8Array(sig)));
        assert.not.ok(verifyUncached(new Uint8Array(pk), new Uint8Array(0), new Uint8Array(sig)));
        assert.not.ok(verifyReference(new Uint8Array(pk), new Uint8Array(0), new Uint8Array(sig)));
    }
});
agreement('sign rejects a seed that is not 32 bytes (a bug in the caller, so it throws)', () => {
    assert.throws(() => sign(new Uint8Array(31), new Uint8Array(0)), /32 bytes/);
    assert.throws(() => publicKeyFromSeed(new Uint8Array(64)), /32 bytes/);
});
const scalar = suite('crypto/ed25519 isCanonicalScalar');
scalar('S < L exactly (rule step 2)', () => {
    const L = GROUP_ORDER;
    assert.ok(isCanonicalScalar(bigintToBytesLe(0n)));
    assert.ok(isCanonicalScalar(bigintToBytesLe(L - 1n)));
    assert.not.ok(isCanonicalScalar(bigintToBytesLe(L)));
    assert.not.ok(isCanonicalScalar(bigintToBytesLe(L + 1n)));
    assert.ok(isCanonicalScalar(bigintToBytesLe(2n ** 252n)));
    assert.not.ok(isCanonicalScalar(bigintToBytesLe(2n ** 253n)));
    assert.not.ok(isCanonicalScalar(bigintToBytesLe(2n ** 256n - 1n)));
});
const cache = suite('crypto/ed25519 PublicKeyCache');
const keyOf = (byte) => publicKeyFromSeed(new Uint8Array(32).fill(byte));
cache('keeps at most `capacity` keys and evicts the least recently used', () => {
    const c = new PublicKeyCache(2);
    const [a, b, d] = [keyOf(1), keyOf(2), keyOf(3)];
    c.get(a);
    c.get(b);
    c.get(a); // a is now the most recent
    c.get(d); // evicts b
    assert.is(c.size, 2);
    assert.ok(c.has(a));
    assert.not.ok(c.has(b));
    assert.ok(c.has(d));
    assert.is(c.hits, 1);
    assert.is(c.misses, 3);
});
cache('a cached key verifies exactly like a fresh import', () => {
    const c = new PublicKeyCache(4);
    const seed = new Uint8Array(32).fill(9);
    const message = new TextEncoder().encode('cached');
    const signature = sign(seed, message);
    const keyObject = c.get(publicKeyFromSeed(seed));
    assert.ok(keyObject !== undefined);
    assert.is(c.get(publicKeyFromSeed(seed)), keyObject);
    assert.ok(verify(publicKeyFromSeed(seed), message, signature));
});
cache('rejects a capacity below 1', () => {
    assert.throws(() => new PublicKeyCache(0), /capacity/);
});
vectors.run();
agreement.run();
scalar.run();
cache.run();
//# sourceMappingURL=ed25519.test.js.map