/**
 * Goal: BigInt text is read exactly as Go's big.Int.UnmarshalText (base 0) reads it, and our
 * canonical-decimal rule is exactly "what pocket-core writes back".
 * Method: cases from the Go language spec for integer literals with base prefixes and
 * underscores (math/big SetString, base 0 — "0x", "0b", "0o", a bare leading "0" for octal,
 * "_" only between digits or after a prefix), plus pocket's 255-bit limit (types/int.go:11).
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Prng } from '../../../src/core/prng.js';
import { goParseBigInt, isCanonicalDecimal, MAX_BIGINT_MAGNITUDE } from '../../../src/wire/index.js';
import { goBigIntText } from '../../../src/wire/go-bigint.js';

const parse = suite('wire/go-bigint: base-0 parsing');

parse('decimal, signs and the empty field', () => {
  assert.is(goParseBigInt(''), 0n);
  assert.is(goParseBigInt('0'), 0n);
  assert.is(goParseBigInt('-0'), 0n);
  assert.is(goParseBigInt('10000'), 10_000n);
  assert.is(goParseBigInt('+10000'), 10_000n);
  assert.is(goParseBigInt('-10000'), -10_000n);
  assert.is(goParseBigInt('+'), undefined);
  assert.is(goParseBigInt('-'), undefined);
});

parse('base prefixes: 0x/0X, 0b/0B, 0o/0O, and a bare leading 0 is octal', () => {
  assert.is(goParseBigInt('0x2710'), 10_000n);
  assert.is(goParseBigInt('0X2710'), 10_000n);
  assert.is(goParseBigInt('-0xff'), -255n);
  assert.is(goParseBigInt('0b101'), 5n);
  assert.is(goParseBigInt('0o17'), 15n);
  assert.is(goParseBigInt('017'), 15n);
  assert.is(goParseBigInt('010'), 8n);
  assert.is(goParseBigInt('00'), 0n);
  assert.is(goParseBigInt('08'), undefined);
  assert.is(goParseBigInt('0x'), undefined);
  assert.is(goParseBigInt('0b2'), undefined);
  assert.is(goParseBigInt('0xg'), undefined);
});

parse('underscores only between digits or right after a prefix', () => {
  assert.is(goParseBigInt('1_000'), 1000n);
  assert.is(goParseBigInt('0x_ff'), 255n);
  assert.is(goParseBigInt('0_7'), 7n);
  assert.is(goParseBigInt('_1'), undefined);
  assert.is(goParseBigInt('1_'), undefined);
  assert.is(goParseBigInt('1__0'), undefined);
  assert.is(goParseBigInt('0_'), undefined);
});

parse('anything else fails: spaces, decimals, exponents, non-ASCII digits', () => {
  for (const text of [' 1', '1 ', '1.0', '1e3', '١', 'Infinity', 'NaN', '0x1p3', '--1', '+-1']) assert.is(goParseBigInt(text), undefined, text);
});

parse('at most 255 bits of magnitude, either sign; long inputs are refused before conversion', () => {
  assert.is(goParseBigInt(MAX_BIGINT_MAGNITUDE.toString()), MAX_BIGINT_MAGNITUDE);
  assert.is(goParseBigInt('-' + MAX_BIGINT_MAGNITUDE.toString()), -MAX_BIGINT_MAGNITUDE);
  assert.is(goParseBigInt((MAX_BIGINT_MAGNITUDE + 1n).toString()), undefined);
  assert.is(goParseBigInt('0x' + 'f'.repeat(64)), undefined);
  assert.is(goParseBigInt('0x' + '0'.repeat(1000) + '7'), 7n);
  assert.is(goParseBigInt('9'.repeat(5000)), undefined);
});

parse.run();

const canonical = suite('wire/go-bigint: canonical decimal');

canonical('exactly the text big.Int.String() writes', () => {
  for (const text of ['0', '1', '-1', '10000', '340282366920938463463374607431768211456']) assert.ok(isCanonicalDecimal(text), text);
  for (const text of ['', '-0', '00', '01', '+1', '1_000', '0x10', ' 1', '1 ', '1.0']) assert.not.ok(isCanonicalDecimal(text), text);
});

canonical('goBigIntText = the decimal of goParseBigInt, on canonical texts (its shortcut) and every other form', () => {
  const max = MAX_BIGINT_MAGNITUDE.toString(); // 77 digits: past the shortcut's 76, parsed and range-checked
  const texts = ['', '0', '-0', '7', '-7', '10000', '010', '0x2710', '1_000', '+5', '9'.repeat(76), `-${'9'.repeat(76)}`, max, `-${max}`, (MAX_BIGINT_MAGNITUDE + 1n).toString(), 'x', '1.5'];
  for (const text of texts) assert.is(goBigIntText(text), goParseBigInt(text)?.toString(), JSON.stringify(text.slice(0, 20)));
  const prng = new Prng(77n);
  for (let i = 0; i < 500; i++) {
    const digits = Array.from({ length: 1 + prng.int(90) }, () => '0123456789_'[prng.int(11)]).join('');
    const text = (prng.int(3) === 0 ? '-' : '') + digits;
    assert.is(goBigIntText(text), goParseBigInt(text)?.toString(), text);
  }
});

canonical.run();
