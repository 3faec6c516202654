/**
 * Goal: hexToBytes (src/core/hex.ts) is Go's hex.DecodeString on every input: either case,
 * undefined on odd length or any non-hex code unit, on both of its paths (the loop up to 256
 * digits, Buffer above).
 * Method: an independent oracle — the strict regex /^(?:[0-9a-fA-F]{2})*$/ then Node's
 * Buffer.from(text, 'hex') (the previous implementation) — on hand-picked edge cases and on
 * seeded random strings drawn from hex digits, near-miss ASCII ('g', 'G', '/', ':', '@', '`')
 * and non-ASCII code units whose low byte is a hex digit ('\u0130', '\u0161').
 * hexInto and hexEqualsBytes (the MSI walk's allocation-free forms) are held to the same oracle:
 * hexInto writes the oracle's bytes at its offset and nothing else, or returns false;
 * hexEqualsBytes is "the oracle decodes the text to exactly these bytes". bytesToHex is held to
 * a per-byte toString(16) on Buffer views (its fast path), Uint8Array views and copies.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { bytesToHex, hexEqualsBytes, hexInto, hexToBytes } from '../../../src/core/hex.js';
import { Prng } from '../../../src/core/prng.js';

function oracle(text: string): string | undefined {
  return /^(?:[0-9a-fA-F]{2})*$/.test(text) ? Buffer.from(text, 'hex').toString('hex') : undefined;
}

function decoded(text: string): string | undefined {
  const bytes = hexToBytes(text);
  return bytes === undefined ? undefined : Buffer.from(bytes).toString('hex');
}

const hex = suite('core/hex hexToBytes');

hex('edge cases on both paths', () => {
  const cases = ['', '0', '00', 'ff', 'FF', 'aB', 'fg', 'g0', '0x', 'ab cd', ' ab', 'ab\n', '\u0130\u0130', '0\u0161', 'a'.repeat(256), 'a'.repeat(255), 'a'.repeat(258), `${'a'.repeat(257)}g`, `${'A'.repeat(300)}0`];
  for (const text of cases) assert.is(decoded(text), oracle(text), JSON.stringify(text.slice(0, 20)));
});

hex('seeded random strings agree with the oracle', () => {
  const prng = new Prng(77);
  const alphabet = '0123456789abcdefABCDEFgG/:@`\u0130\u0161';
  for (let i = 0; i < 20_000; i++) {
    const length = prng.int(i % 100 === 0 ? 400 : 9);
    let text = '';
    // Mostly hex digits, so that valid strings are common.
    for (let j = 0; j < length; j++) text += prng.chance(0.9) ? alphabet[prng.int(22)] : alphabet[22 + prng.int(alphabet.length - 22)];
    assert.is(decoded(text), oracle(text), JSON.stringify(text.slice(0, 40)));
  }
});

hex('the result is a fresh, exactly sized buffer', () => {
  const bytes = hexToBytes('00112233')!;
  assert.is(bytes.byteOffset, 0);
  assert.is(bytes.buffer.byteLength, 4);
});

function randomText(prng: Prng, maxLength: number): string {
  const alphabet = '0123456789abcdefABCDEFgG/:@`\u0130\u0161';
  const length = prng.int(maxLength);
  let text = '';
  for (let j = 0; j < length; j++) text += prng.chance(0.95) ? alphabet[prng.int(22)] : alphabet[22 + prng.int(alphabet.length - 22)];
  return text;
}

hex('hexInto writes the oracle\'s bytes at the offset, and only there', () => {
  const prng = new Prng(78);
  for (let i = 0; i < 5_000; i++) {
    const text = randomText(prng, 70);
    const even = text.length % 2 === 0 ? text : text.slice(1);
    const offset = prng.int(8);
    const out = new Uint8Array(offset + even.length / 2 + 8).fill(0xee);
    const ok = hexInto(even, out, offset);
    const expected = oracle(even);
    assert.is(ok, expected !== undefined, JSON.stringify(even));
    if (expected !== undefined) {
      assert.is(Buffer.from(out.subarray(offset, offset + even.length / 2)).toString('hex'), expected);
      assert.ok(out.subarray(0, offset).every((b) => b === 0xee) && out.subarray(offset + even.length / 2).every((b) => b === 0xee), 'nothing written outside');
    }
  }
});

hex('hexEqualsBytes is "decodes to exactly these bytes", in either case', () => {
  const prng = new Prng(79);
  for (let i = 0; i < 5_000; i++) {
    const bytes = prng.bytes(prng.int(40));
    const lower = Buffer.from(bytes).toString('hex');
    const variants = [lower, lower.toUpperCase(), `${lower}0`, lower.slice(2), randomText(prng, 70), `g${lower.slice(1)}`];
    for (const text of variants) {
      const decoded = oracle(text);
      assert.is(hexEqualsBytes(text, bytes), decoded === lower, JSON.stringify([text, lower]));
    }
  }
});

hex('bytesToHex gives the same lowercase hex for a Buffer view, a Uint8Array view and a copy', () => {
  const prng = new Prng(80);
  const whole = Buffer.from(prng.bytes(300));
  for (let i = 0; i < 200; i++) {
    const start = prng.int(260);
    const end = start + prng.int(40);
    const expected = Array.from(whole.subarray(start, end), (b) => b.toString(16).padStart(2, '0')).join('');
    assert.is(bytesToHex(whole.subarray(start, end)), expected, 'Buffer view');
    assert.is(bytesToHex(new Uint8Array(whole.buffer, whole.byteOffset + start, end - start)), expected, 'Uint8Array view');
    assert.is(bytesToHex(Uint8Array.from(whole.subarray(start, end))), expected, 'copy');
  }
});

hex.run();
