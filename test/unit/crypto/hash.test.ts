/**
 * Goal: the protocol's three hashes (src/crypto/hash.ts) are the standard functions.
 * Method: published digests written as their sources state them; node:crypto-backed
 * sha256/sha3_256 and the WebAssembly blake2b256 (src/crypto/blake2b.ts) compared with @noble/hashes on seeded
 * random inputs of many lengths, as bytes and as UTF-8 strings (either side of the 16 KiB UTF-8
 * scratch), and the one-block in-place BLAKE2b (blake2b256Block) against the same.
 */
import { blake2b } from '@noble/hashes/blake2b';
import { sha256 as nobleSha256 } from '@noble/hashes/sha256';
import { sha3_256 as nobleSha3 } from '@noble/hashes/sha3';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { bytesToHex } from '../../../src/core/hex.js';
import { Prng } from '../../../src/core/prng.js';
import { blake2b256Block } from '../../../src/crypto/blake2b.js';
import { blake2b256, sha256, sha3_256 } from '../../../src/crypto/hash.js';

const vectors = suite('crypto/hash published vectors');

vectors('SHA-256("abc") — FIPS 180-2 Appendix B.1', () => {
  assert.is(bytesToHex(sha256('abc')), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
});

vectors('SHA3-256("") and SHA3-256("abc") — NIST FIPS 202 example values (SHA3-256_Msg0, SHA3-256 "abc")', () => {
  assert.is(bytesToHex(sha3_256('')), 'a7ffc6f8bf1ed76651c14756a061d662f580ff4de43b49fa82d80a4b80f8434a');
  assert.is(bytesToHex(sha3_256('abc')), '3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532');
});

vectors('BLAKE2b-256("") and BLAKE2b-256("abc") — BLAKE2 reference implementation (RFC 7693, outlen 32; b2sum -l 256)', () => {
  assert.is(bytesToHex(blake2b256('')), '0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8');
  assert.is(bytesToHex(blake2b256('abc')), 'bddd813c634239723171ef3fee98579b94964e3bb1cb3e427262c8c068d52319');
});

const random = suite('crypto/hash vs @noble/hashes on seeded inputs');

function inputs(): Uint8Array[] {
  const prng = new Prng(2024);
  const out: Uint8Array[] = [];
  for (let length = 0; length <= 300; length++) out.push(prng.bytes(length));
  for (const length of [1023, 1024, 1025, 65_536, 1 << 20]) out.push(prng.bytes(length));
  return out;
}

random('sha256, sha3_256 and blake2b256 equal noble on 306 inputs of 0..300 bytes, 1 KiB ± 1, 64 KiB and 1 MiB', () => {
  for (const data of inputs()) {
    assert.is(bytesToHex(sha256(data)), bytesToHex(nobleSha256(data)), `sha256 length ${data.byteLength}`);
    assert.is(bytesToHex(sha3_256(data)), bytesToHex(nobleSha3(data)), `sha3_256 length ${data.byteLength}`);
    assert.is(bytesToHex(blake2b256(data)), bytesToHex(blake2b(data, { dkLen: 32 })), `blake2b256 length ${data.byteLength}`);
  }
});

random('strings are hashed as their UTF-8 bytes', () => {
  for (const text of ['', 'abc', 'héllo €', '🚀 pocket', '\u0000\uffff']) {
    const bytes = new TextEncoder().encode(text);
    assert.is(bytesToHex(sha256(text)), bytesToHex(nobleSha256(bytes)));
    assert.is(bytesToHex(sha3_256(text)), bytesToHex(nobleSha3(bytes)));
    assert.is(bytesToHex(blake2b256(text)), bytesToHex(blake2b(bytes, { dkLen: 32 })));
  }
});

random('subarray views hash only their own bytes', () => {
  const whole = new Prng(3).bytes(100);
  const view = whole.subarray(10, 42);
  const copy = view.slice();
  assert.is(bytesToHex(sha256(view)), bytesToHex(sha256(copy)));
  assert.is(bytesToHex(sha3_256(view)), bytesToHex(sha3_256(copy)));
  assert.is(bytesToHex(blake2b256(view)), bytesToHex(blake2b256(copy)));
});

random('blake2b256 of a view at every byte alignment, across block boundaries, equals noble (the WebAssembly F reads its own copy)', () => {
  const whole = new Prng(5).bytes(600);
  for (const length of [0, 1, 63, 64, 127, 128, 129, 255, 256, 257, 384, 512]) {
    for (let offset = 0; offset < 8; offset++) {
      const view = whole.subarray(offset, offset + length);
      assert.is(bytesToHex(blake2b256(view)), bytesToHex(blake2b(view.slice(), { dkLen: 32 })), `length ${length} offset ${offset}`);
    }
  }
});

random('blake2b256 keeps no state between calls: interleaved inputs hash as when alone', () => {
  const prng = new Prng(6);
  const a = prng.bytes(300);
  const b = prng.bytes(40);
  const alone = [bytesToHex(blake2b256(a)), bytesToHex(blake2b256(b))];
  for (let i = 0; i < 3; i++) assert.equal([bytesToHex(blake2b256(a)), bytesToHex(blake2b256(b))], alone);
  const digest = blake2b256(a);
  blake2b256(b);
  assert.is(bytesToHex(digest), alone[0], 'a returned digest is not overwritten by the next call');
});

random('strings either side of the UTF-8 scratch bound (16 KiB, 3 bytes per unit), lone surrogates included, hash as TextEncoder encodes them', () => {
  const prng = new Prng(7);
  const units = ['a', 'é', '€', '🚀', '\ud800', '\udfff', '\u0000'];
  for (const length of [5_460, 5_461, 5_462, 5_463, 20_000]) {
    let text = '';
    while (text.length < length) text += units[prng.int(units.length)]!;
    const bytes = new TextEncoder().encode(text);
    assert.is(bytesToHex(blake2b256(text)), bytesToHex(blake2b(bytes, { dkLen: 32 })), `length ${text.length}`);
    assert.is(bytesToHex(sha256(text)), bytesToHex(nobleSha256(bytes)), `sha256 length ${text.length}`);
  }
  for (const length of [5_461, 5_462]) {
    const euros = '€'.repeat(length); // 3 UTF-8 bytes each: 16,383 and 16,386 bytes, either side of the scratch
    assert.is(bytesToHex(blake2b256(euros)), bytesToHex(blake2b(new TextEncoder().encode(euros), { dkLen: 32 })), `${length} × €`);
  }
  const first = blake2b256('x'.repeat(400));
  blake2b256('y'.repeat(400));
  assert.is(bytesToHex(first), bytesToHex(blake2b(new TextEncoder().encode('x'.repeat(400)), { dkLen: 32 })), 'a digest does not share the scratch');
});

random('sha256 and sha3_256 return plain 32-byte Uint8Arrays of their own (not Buffers, not views of a shared store)', () => {
  const a = sha256('a');
  const b = sha3_256('a');
  for (const digest of [a, b]) {
    assert.is(digest.constructor, Uint8Array);
    assert.is(digest.byteLength, 32);
    assert.is(digest.buffer.byteLength, 32);
  }
  assert.is.not(a.buffer, b.buffer);
});

const block = suite('crypto/blake2b256Block (one block, in place) vs @noble/hashes');

block('every input length 0..128, over a block holding the previous input, digests as noble', () => {
  const prng = new Prng(8);
  for (let length = 0; length <= 128; length++) {
    blake2b256Block.input.set(prng.bytes(128)); // stale bytes beyond `length` must not count
    const data = prng.bytes(length);
    blake2b256Block.input.set(data);
    blake2b256Block.digest(length);
    assert.is(bytesToHex(blake2b256Block.output), bytesToHex(blake2b(data, { dkLen: 32 })), `length ${length}`);
  }
});

block("a digest fed back as the next input (the walk's use) chains like separate hashes", () => {
  let expected = blake2b(new Uint8Array(0), { dkLen: 32 });
  blake2b256Block.digest(0);
  for (let i = 0; i < 5; i++) {
    blake2b256Block.input.set(blake2b256Block.output, 0);
    blake2b256Block.input.set(blake2b256Block.output, 32);
    blake2b256Block.digest(64);
    const doubled = new Uint8Array(64);
    doubled.set(expected, 0);
    doubled.set(expected, 32);
    expected = blake2b(doubled, { dkLen: 32 });
    assert.is(bytesToHex(blake2b256Block.output), bytesToHex(expected), `round ${i}`);
  }
});

block('a length that is not one block is refused', () => {
  assert.throws(() => blake2b256Block.digest(129), /not one block/);
  assert.throws(() => blake2b256Block.digest(-1), /not one block/);
});

vectors.run();
random.run();
block.run();
