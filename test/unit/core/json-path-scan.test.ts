/**
 * Goal: firstScalarAtPath answers only what the genesis reader (lossless-json) reads at a path:
 * when it gives a scalar's text, that is the value the library reads there; when it gives
 * nothing, the library reads no scalar there. Texts the library refuses may be answered anything
 * (the caller parses them and refuses them).
 * Method: the library is the oracle. fast-check generates object-heavy JSON over a few keys (the
 * path's own among them, repeated keys with equal and different values, escaped spellings of the
 * path's keys, strings full of quotes and brackets), compact and four-space indented; hand cases
 * pin the decoys a genesis has (`exported` in another module, in a string, in a list).
 * Seed printed (FC_SEED replays).
 */
import fc from 'fast-check';
import { parse as parseWithLibrary } from 'lossless-json';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { firstScalarAtPath } from '../../../src/core/json-path-scan.js';
import { fastCheckSeed } from '../crypto/fc-seed.js';
import { treePicture } from '../../helpers/json-texts.js';

const scan = suite('core: firstScalarAtPath reads the scalar lossless-json reads at a path');
const seed = fastCheckSeed('json-path-scan');
const PATH = ['a', 'b'] as const;

/** Keys that hit the path, miss it, or spell it with escapes (\u0061 is "a"). */
const key = fc.constantFrom('"a"', '"b"', '"c"', '"\\u0061"', '"a\\"b"', '"é"');
const text = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom('true', 'false', 'null', '0', '-12', '1.50', '"x"', '"\\"a\\":true"', '"{]"'),
    fc.array(tie('value'), { maxLength: 3 }).map((items) => `[${items.join(',')}]`),
    fc.array(fc.tuple(key, tie('value')), { maxLength: 4 }).map((entries) => `{${entries.map(([k, v]) => `${k}:${v}`).join(',')}}`),
  ),
})).value;
const members = fc.array(fc.tuple(key, text), { maxLength: 3 }).map((entries) => entries.map(([k, v]) => `${k}:${v}`));
const object = (items: string[]): string => `{${items.join(',')}}`;
/** Texts built around the path (a.b's value among other members, repeated or not), most of them answered. */
const aroundPath = fc
  .tuple(members, members, text, members, members)
  .map(([before, beforeB, value, afterB, after]) => object([...before, `"a":${object([...beforeB, `"b":${value}`, ...afterB])}`, ...after]));
const generated = fc.oneof(text, aroundPath);
const indented = generated.map((t) => {
  try {
    return JSON.stringify(JSON.parse(t), null, 4) ?? t;
  } catch {
    return t;
  }
});

/** What the library reads at PATH: a scalar's picture, 'container', 'absent', or 'refused'. */
function libraryAt(json: string): string {
  let node: unknown;
  try {
    node = parseWithLibrary(json);
  } catch {
    return 'refused';
  }
  for (const name of PATH) {
    if (typeof node !== 'object' || node === null || Array.isArray(node) || !Object.hasOwn(node, name)) return 'absent';
    node = (node as Record<string, unknown>)[name];
  }
  return typeof node === 'object' && node !== null && !Array.isArray(node) && treePicture(node).startsWith('{') ? 'container' : Array.isArray(node) ? 'container' : treePicture(node);
}

scan('generated texts: a scalar given is the library\'s; none given, the library reads none', () => {
  let answered = 0;
  fc.assert(
    fc.property(fc.oneof(generated, indented), (json) => {
      const expected = libraryAt(json);
      if (expected === 'refused') return;
      const found = firstScalarAtPath(Buffer.from(json), PATH);
      if (found === undefined) {
        // Only an escaped spelling of a path key (left to the parse) may hide a scalar from the scan.
        if (!json.includes('\\u0061')) assert.ok(expected === 'absent' || expected === 'container', `${json}: ${expected}`);
        return;
      }
      answered++;
      assert.is(treePicture(parseWithLibrary(found)), expected, json);
    }),
    { seed, numRuns: 3000 },
  );
  assert.ok(answered > 100, `the scan answered ${answered} times`);
});

scan('decoys a genesis may hold are not pos.exported', () => {
  const at = (json: string): string | undefined => firstScalarAtPath(Buffer.from(json), ['app_state', 'pos', 'exported']);
  assert.is(at('{"app_state":{"pos":{"exported":true}}}'), 'true');
  assert.is(at('{"app_state": {\n    "pos": {\n        "exported" : false}}}'), 'false');
  assert.is(at('{"exported":true,"app_state":{"application":{"exported":true},"pos":{}}}'), undefined);
  assert.is(at('{"app_state":{"pos":{"params":{"exported":true},"v":"\\"exported\\":true"}}}'), undefined);
  assert.is(at('{"app_state":{"pos":[{"exported":true}]}}'), undefined);
  assert.is(at('{"app_state":{"pos":{"validators":[{"exported":true}],"exported":false}}}'), 'false');
  assert.is(at('{"app_state":"{\\"pos\\":{\\"exported\\":true}}"}'), undefined);
  assert.is(at('[{"app_state":{"pos":{"exported":true}}}]'), undefined);
  // Once app_state has closed, a later object's members are no path's (the scan stops there).
  assert.is(at('{"app_state":{"auth":{}},"x":{"y":0,"pos":{"z":0,"exported":true}}}'), undefined);
  // The first member wins (a different repeat makes the file invalid to lossless-json).
  assert.is(at('{"app_state":{"pos":{"exported":false,"exported":true}}}'), 'false');
  assert.is(at('{"app_state":{"pos":{}},"app_state":{"pos":{"exported":true}}}'), undefined);
});

scan.run();
