/**
 * The calculators' numbers for people (src/cli/decimal-text.ts): exact decimal strings rounded
 * to 6 decimals (6 significant digits below 1), grouped, "≈ " when rounding changed them; the
 * POKT/uPOKT shift exact; amount options with their unit. Expected values worked by hand.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { decimalForPeople, shifted, upoktAmountOption } from '../../../src/cli/decimal-text.js';

const test = suite('cli: decimal text');

test('rounded for people, "≈" only when rounding changed the value', () => {
  assert.is(decimalForPeople('205.479452054794520548'), '≈ 205.479452');
  assert.is(decimalForPeople('146.666666666666666667'), '≈ 146.666667');
  assert.is(decimalForPeople('0.000012345678'), '≈ 0.0000123457');
  assert.is(decimalForPeople('4.000000000000000149'), '≈ 4');
  assert.is(decimalForPeople('1500000000'), '1,500,000,000');
  assert.is(decimalForPeople('0.05'), '0.05');
  assert.is(decimalForPeople('-2.5', 0), '≈ -3');
  assert.is(decimalForPeople('16666666666.666666666667', 0), '≈ 16,666,666,667');
  assert.is(decimalForPeople('not a number'), 'not a number');
});

test('shifted by powers of ten, exactly', () => {
  assert.is(shifted('205.5', -6), '0.0002055');
  assert.is(shifted('16666.666666666666666667', 6), '16666666666.666666666667');
  assert.is(shifted('3', 2), '300');
});

test('amount options: the unit written out, or the bare unit', () => {
  const stake = upoktAmountOption('--stake', 'uPOKT');
  assert.is(stake('15000POKT'), 15_000_000_000n);
  assert.is(stake('15000 pokt'), 15_000_000_000n);
  assert.is(stake('0.000001POKT'), 1n);
  assert.is(stake('15000000000uPOKT'), 15_000_000_000n);
  assert.is(stake('15000000000'), 15_000_000_000n);
  for (const bad of ['1.5uPOKT', '0.0000001POKT', '-5', '1e9', 'POKT', '']) assert.throws(() => stake(bad), /--stake is an amount/, bad);
});

test.run();
