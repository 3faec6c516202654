/**
 * Goal: keys derive as pocket derives them, and key files round-trip and fail with the right
 * code for every kind of malformed file.
 * Method: the pocket-js key vector (shared/data/README.md) as a key file; seeded keys
 * (src/core/prng.ts) written and read back through a temp directory; one malformed variant
 * per check, in the documented check order.
 */
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { assertOk, assertRejected } from '../../helpers/assert.js';
import { bytesToHex } from '../../../src/core/hex.js';
import { Prng } from '../../../src/core/prng.js';
import { codeOf } from '../../../src/core/rejection.js';
import { KeyFileCodes } from '../../../src/crypto/codes.js';
import { verify } from '../../../src/crypto/ed25519.js';
import { formatKeyFile, generateKey, keyFromPrivateKey, keyFromSeed, parseKeyFile, readKeyFile, toKeyFile, writeKeyFile, } from '../../../src/crypto/keys.js';
// pocket-js test suite key (shared/data/README.md).
const POCKET_JS = {
    address: 'b50a6e20d3733fb89631ae32385b3c85c533c560',
    public_key: 'b243b27bc9fbe5580457a46370ae5f03a6f6753633e51efdaf2cf534fdc26cc3',
    private_key: '1f8cbde30ef5a9db0a5a9d5eb40536fc9defc318b8581d543808b7504e0902bcb243b27bc9fbe5580457a46370ae5f03a6f6753633e51efdaf2cf534fdc26cc3',
};
function expectCode(result, code) {
    assertRejected(result, code);
}
const derive = suite('crypto/keys derivation');
derive('the pocket-js key file parses to its address, public key and 64-byte private key', () => {
    const parsed = assertOk(parseKeyFile(JSON.stringify(POCKET_JS)));
    assert.is(parsed.address, POCKET_JS.address);
    assert.is(bytesToHex(parsed.publicKey), POCKET_JS.public_key);
    assert.is(bytesToHex(parsed.privateKey), POCKET_JS.private_key);
    assert.equal(toKeyFile(parsed), POCKET_JS);
    // signature of 0xdeadbeef from the same README
    assert.is(bytesToHex(parsed.sign(Uint8Array.of(0xde, 0xad, 0xbe, 0xef))), '5d04dfc0d0e579d815f761b452c7d01e5f20a71b9fb66dbbeb1959cffed9da0a621ee06dfd11171757f9c9541768eaf59cce75ac4acc1ad122556ec26e166108');
});
derive('keys from seeded bytes are deterministic, and sign what verify accepts', () => {
    const a = keyFromSeed(new Prng(7).bytes(32));
    const b = keyFromSeed(new Prng(7).bytes(32));
    assert.equal(toKeyFile(a), toKeyFile(b));
    const message = new TextEncoder().encode('hello');
    assert.ok(verify(a.publicKey, message, a.sign(message)));
    assert.equal(a.privateKey.subarray(0, 32), a.seed);
    assert.equal(a.privateKey.subarray(32), a.publicKey);
});
derive('generateKey draws 32 bytes from the random source it is given', () => {
    const prng = new Prng(11);
    const lengths = [];
    const key = generateKey((length) => {
        lengths.push(length);
        return prng.bytes(length);
    });
    assert.equal(lengths, [32]);
    assert.equal(toKeyFile(key), toKeyFile(keyFromSeed(new Prng(11).bytes(32))));
    assert.is(generateKey().privateKey.byteLength, 64); // default source: node:crypto randomBytes
});
derive('keyFromPrivateKey checks the length and that the second half is the public key', () => {
    const key = keyFromSeed(new Prng(3).bytes(32));
    assert.ok(keyFromPrivateKey(key.privateKey).ok);
    expectCode(keyFromPrivateKey(key.privateKey.subarray(0, 32)), KeyFileCodes.wrongLength);
    const tampered = key.privateKey.slice();
    tampered[63] = tampered[63] ^ 1;
    expectCode(keyFromPrivateKey(tampered), KeyFileCodes.publicKeyMismatch);
});
const parse = suite('crypto/keys malformed key files');
const other = keyFromSeed(new Prng(99).bytes(32));
const withField = (field, value) => JSON.stringify({ ...POCKET_JS, [field]: value });
const malformed = [
    ['not JSON', '{"address":', KeyFileCodes.notJson],
    ['a JSON array', '[]', KeyFileCodes.badShape],
    ['JSON null', 'null', KeyFileCodes.badShape],
    ['a missing field', JSON.stringify({ address: POCKET_JS.address, public_key: POCKET_JS.public_key }), KeyFileCodes.badShape],
    ['a number field', withField('address', 42), KeyFileCodes.badShape],
    ['an unknown field', withField('privateKey', POCKET_JS.private_key), KeyFileCodes.badShape],
    ['address not hex', withField('address', 'zz' + POCKET_JS.address.slice(2)), KeyFileCodes.badHex],
    ['public_key of odd length', withField('public_key', POCKET_JS.public_key.slice(1)), KeyFileCodes.badHex],
    ['address of 19 bytes', withField('address', POCKET_JS.address.slice(2)), KeyFileCodes.wrongLength],
    ['public_key of 31 bytes', withField('public_key', POCKET_JS.public_key.slice(2)), KeyFileCodes.wrongLength],
    ['private_key of 32 bytes (seed only)', withField('private_key', POCKET_JS.private_key.slice(0, 64)), KeyFileCodes.wrongLength],
    ['private_key whose second half is another key', withField('private_key', POCKET_JS.private_key.slice(0, 64) + bytesToHex(other.publicKey)), KeyFileCodes.publicKeyMismatch],
    ['public_key of another key', withField('public_key', bytesToHex(other.publicKey)), KeyFileCodes.publicKeyMismatch],
    ['address of another key', withField('address', other.address), KeyFileCodes.addressMismatch],
];
for (const [name, text, code] of malformed) {
    parse(`${name} → ${codeOf(code)} ${code.name}`, () => expectCode(parseKeyFile(text), code));
}
parse('hex in upper case is accepted (Go hex decoding) and written back in lower case', () => {
    const upper = { address: POCKET_JS.address.toUpperCase(), public_key: POCKET_JS.public_key.toUpperCase(), private_key: POCKET_JS.private_key.toUpperCase() };
    assert.equal(toKeyFile(assertOk(parseKeyFile(JSON.stringify(upper)))), POCKET_JS);
});
const files = suite('crypto/keys key files on disk');
let dir = '';
files.before(() => {
    dir = mkdtempSync(join(tmpdir(), 'pokt-ledger-keys-'));
});
files.after(() => rmSync(dir, { recursive: true, force: true }));
files('write then read gives the same key; the file is mode 0600 and documented JSON', () => {
    const key = keyFromSeed(new Prng(5).bytes(32));
    const path = join(dir, 'a.json');
    assert.ok(writeKeyFile(path, key).ok);
    assert.is(statSync(path).mode & 0o777, 0o600);
    assert.equal(toKeyFile(assertOk(readKeyFile(path))), toKeyFile(key));
    assert.is(formatKeyFile(key), JSON.stringify(toKeyFile(key), null, 2) + '\n');
});
files('writing over an existing file needs overwrite', () => {
    const path = join(dir, 'b.json');
    assert.ok(writeKeyFile(path, keyFromSeed(new Prng(1).bytes(32))).ok);
    expectCode(writeKeyFile(path, keyFromSeed(new Prng(2).bytes(32))), KeyFileCodes.exists);
    assert.ok(writeKeyFile(path, keyFromSeed(new Prng(2).bytes(32)), { overwrite: true }).ok);
    const read = readKeyFile(path);
    assert.ok(read.ok && read.value.address === keyFromSeed(new Prng(2).bytes(32)).address);
});
files('a missing file or directory gives a coded error', () => {
    expectCode(readKeyFile(join(dir, 'missing.json')), KeyFileCodes.unreadable);
    expectCode(writeKeyFile(join(dir, 'no', 'such', 'dir.json'), other), KeyFileCodes.unwritable);
    const path = join(dir, 'junk.json');
    writeFileSync(path, 'not json');
    expectCode(readKeyFile(path), KeyFileCodes.notJson);
});
derive.run();
parse.run();
files.run();
//# sourceMappingURL=keys.test.js.map