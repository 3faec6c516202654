/**
 * Goal: the paths of number literals written with a fraction or an exponent are found exactly —
 * inside objects and arrays at any depth, never inside strings (escapes included) — so that
 * request-body.ts can refuse them by field as Go's decoder refuses `5.0` for an int64.
 * Method: hand-written texts with their expected paths (written here, not produced by the code),
 * and a fast-check property: for any JSON value, the paths found are those of the non-integer
 * numbers (as JSON.stringify writes them: a fraction or an exponent exactly when not an integer
 * below 1e21) — the independent side walks the parsed value.
 */
import fc from 'fast-check';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { nonIntegerNumberPaths, type JsonPath } from '../../../src/query/json-number-literals.js';
import { fastCheckSeed } from '../crypto/fc-seed.js';

const SEED = fastCheckSeed('query/json-number-literals');
const test = suite('query: number literals with a fraction or an exponent');

test('hand-written texts', () => {
  const cases: Array<[string, JsonPath[]]> = [
    ['{"height":5}', []],
    ['{"height":5.0}', [['height']]],
    ['{"height":1e1,"page":-2E-3,"per_page":7}', [['height'], ['page']]],
    ['{"opts":{"page":2.5,"per_page":10},"height":3}', [['opts', 'page']]],
    ['[1,2.0,[3,4e0]]', [[1], [2, 1]]],
    ['{"a":"5.0","b":"x\\"1.5\\"","c\\"d":1.5}', [['c"d']]],
    ['{"k":[{"x":1},{"y":0.1}],"z":true,"n":null}', [['k', 1, 'y']]],
    ['  {  "a" : 1.25 ,  "b" : [ ] , "c" : { } }  ', [['a']]],
    ['3.5', [[]]],
    ['"1.5"', []],
  ];
  for (const [text, expected] of cases) assert.equal(nonIntegerNumberPaths(text), expected, text);
});

/** The independent side: paths of numbers JSON.stringify writes with a '.' or an 'e'. */
function expectedPaths(value: unknown, path: Array<string | number> = [], out: JsonPath[] = []): JsonPath[] {
  if (typeof value === 'number') {
    if (/[.eE]/.test(JSON.stringify(value))) out.push([...path]);
  } else if (Array.isArray(value)) value.forEach((item, i) => expectedPaths(item, [...path, i], out));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) expectedPaths(item, [...path, key], out);
  return out;
}

test('any JSON value: the paths of its non-integer literals', () => {
  const json = fc.jsonValue({ maxDepth: 4 }).filter((value) => JSON.stringify(value) !== undefined);
  fc.assert(
    fc.property(json, (value) => {
      const text = JSON.stringify(value);
      assert.equal(nonIntegerNumberPaths(text), expectedPaths(JSON.parse(text)), text);
    }),
    { seed: SEED, numRuns: 2000 },
  );
});

test.run();
