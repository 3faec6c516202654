/**
 * Goal: parseJsonBytes reads a UTF-8 file's bytes as lossless-json's `parse(bytes.toString('utf8'))`
 * does — the same tree, or a refusal when the library refuses — without one string of the whole
 * file: a value over the chunk bound is walked member by member, the rest decoded and parsed in
 * chunks. Error words may differ (they name a byte, not a character: docs/threat-model.md).
 * Method: the library itself is the oracle. fast-check generates JSON values (big and odd numbers,
 * `__proto__`, escaped, non-ASCII and repeated keys, multi-byte characters), writes them compact
 * and indentedJsonText, splices in keys given twice (equal and different values), damages texts at a
 * random byte (including bytes that are no UTF-8), and reads each with a chunk bound of 1–48
 * bytes, so that every container is walked and members are batched; both must accept the same
 * texts with equal trees and refuse the same texts. Hand cases pin the byte offsets in errors.
 * Seed printed (FC_SEED replays).
 */
import fc from 'fast-check';
import { parse as parseWithLibrary } from 'lossless-json';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parseJsonBytes } from '../../../src/core/json-bytes.js';
import { SlowParseRefused } from '../../../src/core/lossless-json.js';
import { fastCheckSeed } from '../crypto/fc-seed.js';
import { indentedJsonText, jsonKey, jsonText, treePicture } from '../../helpers/json-texts.js';

const same = suite('core: parseJsonBytes reads as lossless-json reads the decoded text');
const seed = fastCheckSeed('json-bytes');

type Outcome = { readonly tree: string } | { readonly refused: true };

/** The tree with numbers marked by their text and own keys in order (prototype checked), or a refusal. */
function outcomeOf(parse: () => unknown): Outcome {
  try {
    return { tree: treePicture(parse()) };
  } catch (error) {
    if (!(error instanceof SyntaxError) && !(error instanceof RangeError)) throw error;
    return { refused: true };
  }
}

function assertSame(bytes: Buffer, chunkBytes: number): void {
  const expected = outcomeOf(() => parseWithLibrary(bytes.toString('utf8')));
  const actual = outcomeOf(() => parseJsonBytes(bytes, { chunkBytes, wholeTextBytes: chunkBytes }));
  assert.equal(actual, expected, `chunk ${chunkBytes}: ${JSON.stringify(bytes.toString('utf8').slice(0, 300))}`);
}

/** Keys given twice in one object, far apart or side by side, with an equal or another value. */
const twice = fc
  .tuple(jsonKey, jsonText, jsonText, fc.boolean(), fc.boolean())
  .map(([k, a, b, sameValue, far]) => `{"x":1,${JSON.stringify(k)}:${a},${far ? '"y":[1,2,3],"z":{"w":"v"},' : ''}${JSON.stringify(k)}:${sameValue ? a : b}}`);
/** The bound at which containers are walked: tiny, so that even small texts take every path. */
const chunkBytes = fc.integer({ min: 1, max: 48 });

same('generated texts, compact and indented, at tiny chunk bounds: both accept with the same tree, or both refuse', () => {
  fc.assert(fc.property(fc.oneof(jsonText, indentedJsonText), chunkBytes, (text, chunk) => assertSame(Buffer.from(text), chunk)), { seed, numRuns: 3_000 });
});

same('a key given twice (equal or different values, within one chunk or across members walked apart): the library\'s verdict', () => {
  fc.assert(fc.property(twice, chunkBytes, (text, chunk) => assertSame(Buffer.from(text), chunk)), { seed, numRuns: 2_000 });
  // By hand, from lossless-json's parse.js (a repeat with a deep-equal value is kept, another refused):
  assert.equal(treePicture(parseJsonBytes(Buffer.from('{"a":[1,{"b":2}],"c":0,"a":[1,{"b":2}]}'), { chunkBytes: 4, wholeTextBytes: 4 })), '{"a":[#1,{"b":#2}],"c":#0}');
  assert.throws(() => parseJsonBytes(Buffer.from('{"a":[1,{"b":2}],"c":0,"a":[1,{"b":3}]}'), { chunkBytes: 4, wholeTextBytes: 4 }), /Duplicate key 'a'/);
  // `__proto__` is an own jsonKey, not the prototype (lossless-json's setObjectKey), also when walked.
  assert.equal(treePicture(parseJsonBytes(Buffer.from('{"__proto__":{"x":1},"y":[2]}'), { chunkBytes: 2, wholeTextBytes: 2 })), '{"__proto__":{"x":#1},"y":[#2]}');
});

same('damaged texts (a byte dropped, replaced or inserted, also bytes that are no UTF-8): both refuse, or both read the same tree', () => {
  const damageByte = fc.constantFrom(...'"\\{}[],:-09e. x'.split('').map((c) => c.charCodeAt(0)), 0x01, 0x80, 0xc3, 0xe2, 0xf0, 0xff);
  const damage = fc.tuple(indentedJsonText, fc.nat(), fc.constantFrom('drop', 'replace', 'insert'), damageByte, chunkBytes);
  fc.assert(
    fc.property(damage, ([text, at, how, byte, chunk]) => {
      const bytes = Buffer.from(text);
      const i = bytes.length === 0 ? 0 : at % bytes.length;
      const one = Buffer.from([byte]);
      const damaged =
        how === 'drop'
          ? Buffer.concat([bytes.subarray(0, i), bytes.subarray(i + 1)])
          : how === 'replace'
            ? Buffer.concat([bytes.subarray(0, i), one, bytes.subarray(i + 1)])
            : Buffer.concat([bytes.subarray(0, i), one, bytes.subarray(i)]);
      assertSame(damaged, chunk);
    }),
    { seed, numRuns: 4_000 },
  );
});

same('texts within the whole-text bound are the existing parse, untouched; empty and whitespace-only texts are refused', () => {
  for (const text of ['{"a":[1,2.5,"é"]}', '  [ 1 , 2 ]  ', '"x"', '12']) assertSame(Buffer.from(text), 1 << 20);
  for (const text of ['', '   ', '\n']) for (const chunk of [0, 1, 1 << 20]) assertSame(Buffer.from(text), chunk);
});

const where = suite('core: parseJsonBytes names byte offsets in its errors');

where('errors in walked members and in decoded chunks name the byte, counted in UTF-8 bytes (é is 2 bytes, 😀 4)', () => {
  // Offsets counted by hand: [ 0, " 1, é é 2–5, " 6, , 7, space 8, 1 9, , 10, space 11, x 12.
  assert.throws(() => parseJsonBytes(Buffer.from('["éé", 1, x]'), { chunkBytes: 2, wholeTextBytes: 2 }), /at byte 12\b/);
  // The same text read whole (within the bound): the library's character 9 is byte 12.
  assert.throws(() => parseJsonBytes(Buffer.from('["éé", 1, x]')), /at byte 12\b/);
  // { 0, " 1, 😀 2–5, " 6, : 7, [ 8, 1 9, ] 10, space 11, " 12 — a missing comma before the second key.
  assert.throws(() => parseJsonBytes(Buffer.from('{"😀":[1] "b":2}'), { chunkBytes: 3, wholeTextBytes: 3 }), /at byte 12\b/);
  // A batch of members: [ 0, 1 1, , 2, é-string 3–6 ("é" is 4 bytes: 3, 4–5, 6), , 7, 2 8, , 9, ] 10 — a trailing comma.
  assert.throws(() => parseJsonBytes(Buffer.from('[1,"é",2,]'), { chunkBytes: 8, wholeTextBytes: 8 }), /at byte 10\b/);
  // A key given twice across two batches (members of at most 8 bytes each): the second "a" is where indexOf finds it.
  const text = '{"a":[1,2], "b":0, "a":[3]}';
  assert.is(text.indexOf('"a"', 2), 19); // the independent count: JavaScript's own indexOf on an ASCII text
  assert.throws(() => parseJsonBytes(Buffer.from(text), { chunkBytes: 8, wholeTextBytes: 8 }), /Duplicate key 'a'.*at byte 19\b/);
});

where('a text the fast path declines, past maxSlowLength, is refused with the byte of the reason', () => {
  let thrown: unknown;
  try {
    parseJsonBytes(Buffer.from('{"é":1,"é":1}'), { maxSlowLength: 1 });
  } catch (error) {
    thrown = error;
  }
  assert.instance(thrown, SlowParseRefused);
  // { 0, "é" 1–4, : 5, 1 6, , 7, "é" 8: the library's character 7 is byte 8.
  assert.is((thrown as SlowParseRefused).position, 8);
});

where('a text cut short past maxSlowLength is refused as not JSON, at the byte where it ends (JSON.parse names no position)', () => {
  // { 0, " 1, é 2–3, " 4, : 5, [ 6, 1 7, , 8: nine bytes, cut after the comma.
  const cut = Buffer.from('{"é":[1,');
  assert.is(cut.length, 9);
  assert.throws(() => parseJsonBytes(cut, { maxSlowLength: 1 }), (error: Error) => error instanceof SyntaxError && /end of JSON input at byte 9$/.test(error.message));
  // Cut inside a string (the fast scan declines it): not JSON either, not SlowParseRefused.
  assert.throws(() => parseJsonBytes(Buffer.from('{"é":"ab'), { maxSlowLength: 1 }), (error: Error) => error instanceof SyntaxError && /at byte \d+$/.test(error.message));
  // Walked (the root, 24 bytes, over a bound of 22), a chunk the scan declines (a repeated key)
  // that is damaged too (no comma before "b"): [ 0, { 1, "a" 2–4, : 5, 1 6, , 7, "a" 8–10, : 11,
  // 1 12, space 13, " 14 — where JSON.parse stops.
  assert.throws(
    () => parseJsonBytes(Buffer.from('[{"a":1,"a":1 "b":2}, 0]'), { chunkBytes: 22, wholeTextBytes: 22, maxSlowLength: 1 }),
    (error: Error) => error instanceof SyntaxError && /at byte 14$/.test(error.message),
  );
});

where('containers over the bound nested deeper than 64 are refused (each level rescans up to the bound: no quadratic hostile file)', () => {
  const deep = (levels: number): Buffer => Buffer.from(`${'['.repeat(levels)}1${']'.repeat(levels)}`);
  assert.not.throws(() => parseJsonBytes(deep(40), { chunkBytes: 1, wholeTextBytes: 1 }));
  assert.throws(() => parseJsonBytes(deep(70), { chunkBytes: 1, wholeTextBytes: 1 }), /nested deeper than 64.*at byte 64\b/);
  // Read whole (the default for any text that fits in a string), the library reads any depth it can (its own limit is the stack).
  assert.not.throws(() => parseJsonBytes(deep(70), { chunkBytes: 1 }));
});

same.run();
where.run();
