/**
 * Goal: Utf8Arena.encode (src/core/utf8-arena.ts) gives TextEncoder's bytes for every string,
 * and a view stays what it was while later strings fill its chunk and new chunks start.
 * Method: the oracle is TextEncoder (WHATWG UTF-8, lone surrogates as U+FFFD); fast-check draws
 * sequences of strings from full UTF-16 code units (lone surrogates included), some past the
 * quarter-chunk size that gets an array of its own; every earlier view is compared again after
 * the whole sequence is encoded.
 */
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { Utf8Arena } from '../../../src/core/utf8-arena.js';
import { fastCheckSeed } from '../crypto/fc-seed.js';

const oracle = new TextEncoder();
const hex = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');

test('hand-picked: ASCII, 2/3/4-byte characters, lone surrogates, empty', () => {
  const arena = new Utf8Arena();
  for (const text of ['', 'a', '{"memo":"é"}', '€', '\u{1F600}', '\ud800', 'x\udc00y', '\ud83d']) {
    assert.is(hex(arena.encode(text)), hex(oracle.encode(text)), JSON.stringify(text));
  }
});

test('sequences of strings across chunks: every view equals TextEncoder, and stays so (fast-check)', () => {
  const unit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));
  const text = fc.oneof(
    fc.array(unit, { maxLength: 400 }).map((units) => units.join('')),
    fc.array(unit, { minLength: 5_000, maxLength: 7_000 }).map((units) => units.join('')),
  );
  fc.assert(
    fc.property(fc.array(text, { minLength: 1, maxLength: 120 }), (texts) => {
      const arena = new Utf8Arena();
      const views = texts.map((t) => arena.encode(t));
      texts.forEach((t, i) => assert.is(hex(views[i]!), hex(oracle.encode(t)), `string ${i} of ${texts.length}`));
    }),
    // endOnFailure: shrinking thousands of 7,000-unit strings takes minutes; the seed replays a failure.
    { seed: fastCheckSeed('utf8 arena'), numRuns: 60, endOnFailure: true },
  );
});

test.run();
