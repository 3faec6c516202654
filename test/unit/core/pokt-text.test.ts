/**
 * POKT text for people (src/core/pokt-text.ts): 1 POKT = 10^6 uPOKT (pocket-core's denomination,
 * PROTOCOL.md), exact for amounts beyond 2^64, signs kept, no trailing zeros.
 * Expected values are worked by hand from that definition.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { poktText, upoktAndPoktText } from '../../../src/core/pokt-text.js';

const test = suite('core: POKT text');

test('whole, fractional, tiny and zero amounts', () => {
  assert.is(poktText(270_785_055n), '270.785055 POKT');
  assert.is(poktText(4_081_000n), '4.081 POKT');
  assert.is(poktText(1_000_000n), '1 POKT');
  assert.is(poktText(1n), '0.000001 POKT');
  assert.is(poktText(0n), '0 POKT');
});

test('thousands grouped, exact beyond 2^64, negatives', () => {
  assert.is(poktText(668_901_528_829_048n), '668,901,528.829048 POKT');
  // Morse TestNet's declared supply (poktroll's example_state_export.json): above 2^64.
  assert.is(poktText(147_576_951_550_267_926_499n), '147,576,951,550,267.926499 POKT');
  assert.is(poktText(-1_500_000n), '-1.5 POKT');
});

test('uPOKT with POKT beside it', () => {
  assert.is(upoktAndPoktText(4_081_000n), '4,081,000 uPOKT (4.081 POKT)');
  assert.is(upoktAndPoktText(0n), '0 uPOKT (0 POKT)');
});

test.run();
