/**
 * Goal: parseLosslessJson reads every text exactly as lossless-json's `parse` does — the same
 * tree (numbers as LosslessNumber with the same text) or the same error message — while taking
 * JSON.parse's fast path for plain texts such as a genesis file.
 * Method: the library itself is the oracle. fast-check generates JSON values (with big, signed,
 * fractional and exponent numbers, `__proto__`, escaped and repeated keys), writes them with and
 * without indentation, splices in a key given twice, and damages texts at a random character;
 * both parsers must agree on every one. The bundled mainnet genesis and hand-written cases show
 * which texts take the fast path (scanForFastParse answers a count) and which do not, and that a
 * declined text past maxSlowLength is refused, not parsed.
 * Seed printed (FC_SEED replays).
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse as parseWithLibrary } from 'lossless-json';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { parseLosslessJson, scanForFastParse, SlowParseRefused, topLevelStringField } from '../../../src/core/lossless-json.js';
import { bundledMainnetGenesisPath } from '../../../src/core/paths.js';
import { fastCheckSeed } from '../crypto/fc-seed.js';
import { indentedJsonText, jsonKey, jsonText, treePicture } from '../../helpers/json-texts.js';

const same = suite('core: parseLosslessJson reads as lossless-json does');
const seed = fastCheckSeed('lossless-json');

type Outcome = { readonly tree: string } | { readonly error: string };

/** A comparable picture of a parse: the tree with numbers marked by their text, or the error. */
function outcomeOf(parse: (text: string) => unknown, text: string): Outcome {
  try {
    return { tree: treePicture(parse(text)) };
  } catch (error) {
    return { error: `${(error as Error).name}: ${(error as Error).message}` };
  }
}

/** The count of numbers the fast path wraps, or undefined when it leaves the text to the library. */
function numbersOf(text: string): number | undefined {
  const scan = scanForFastParse(text);
  return 'numbers' in scan ? scan.numbers : undefined;
}

function assertSame(text: string): void {
  assert.equal(outcomeOf(parseLosslessJson, text), outcomeOf(parseWithLibrary, text), text.slice(0, 300));
}

same('generated texts, compact and indented: same tree or same error', () => {
  fc.assert(fc.property(fc.oneof(jsonText, indentedJsonText), assertSame), { seed, numRuns: 3_000 });
});

same('a key given twice, with the same or another value: same tree or same error', () => {
  const twice = fc.tuple(jsonKey, jsonText, jsonText, fc.boolean()).map(([k, a, b, sameValue]) => `{"x":1,${JSON.stringify(k)}:${a},"y":[],${JSON.stringify(k)}:${sameValue ? a : b}}`);
  fc.assert(fc.property(twice, assertSame), { seed, numRuns: 1_000 });
});

same('damaged texts (a character dropped, replaced or inserted): same error or same tree', () => {
  const damage = fc.tuple(indentedJsonText, fc.nat(), fc.constantFrom('drop', 'replace', 'insert'), fc.constantFrom('"', '\\', '{', '}', '[', ']', ',', ':', '-', '0', '9', 'e', '.', ' ', '\u0001', 'x'));
  fc.assert(
    fc.property(damage, ([text, at, how, char]) => {
      const i = text.length === 0 ? 0 : at % text.length;
      const damaged = how === 'drop' ? text.slice(0, i) + text.slice(i + 1) : how === 'replace' ? text.slice(0, i) + char + text.slice(i + 1) : text.slice(0, i) + char + text.slice(i);
      assertSame(damaged);
    }),
    { seed, numRuns: 3_000 },
  );
});

same('hostile nesting keeps the library error (the fast path stops at 64 levels)', () => {
  for (const depth of [63, 64, 65, 200_000]) assertSame(`${'['.repeat(depth)}1${']'.repeat(depth)}`);
  assert.equal(numbersOf(`${'['.repeat(64)}${']'.repeat(64)}`), 0);
  assert.is(numbersOf(`${'['.repeat(65)}${']'.repeat(65)}`), undefined);
});

const fastPath = suite('core: which texts take the fast path');

fastPath('the bundled mainnet genesis: fast, with the numbers it holds, and the same tree', () => {
  const text = readFileSync(bundledMainnetGenesisPath(), 'utf8');
  const numbers = numbersOf(text);
  assert.ok(numbers !== undefined && numbers > 0, `numbers ${numbers}`);
  assertSame(text);
});

fastPath('plain texts are fast; what JSON.parse would read differently is not', () => {
  assert.is(numbersOf('{"a":"1","b":[1,-2,0,{"c":null}],"d":true}'), 3);
  assert.is(numbersOf('{"a":"with \\"escape\\" and \\\\"}'), 0);
  for (const slow of ['{"a":1,"a":1}', '{"__proto__":{}}', '{"\\u0061":1}', '[1.5]', '[-0]', '[1e3]', '[1234567890123456]', '{"a":1}}']) {
    assert.is(numbersOf(slow), undefined, slow);
  }
  // Keys past the list's length are compared in a Set: a repeat there is still found.
  const many = Array.from({ length: 40 }, (_, i) => `"k${i}":${i}`).join(',');
  assert.is(numbersOf(`{${many}}`), 40);
  assert.is(numbersOf(`{${many},"k33":0}`), undefined);
  assert.is(numbersOf('[{"a":1},{"a":2}]'), 2, 'the same key in two objects is no repeat');
  // Escaped quotes inside values must not end them: what lies between two of them is still read.
  assert.is(numbersOf('{"v":"\\"","w":[1.50],"z":"\\""}'), undefined);
  assert.is(numbersOf('{"v":"\\"","a":1,"a":2,"z":"\\""}'), undefined);
  assert.is(numbersOf('{"v":"\\\\","a":1,"z":"\\\\"}'), 1, 'an escaped backslash ends no string early either');
});

fastPath('a declined text past maxSlowLength is refused with the reason and position; within it, parsed by the library', () => {
  const cases: Array<[string, string, number]> = [
    ['{"a":1,"a":1}', 'key "a" given twice in one object', 7],
    ['{"x":[1.50]}', 'the number "1.50" (not an integer of at most 15 digits)', 6],
    ['{"\\u0061":1}', 'a key written with escapes', 1],
    ['{"__proto__":{}}', 'a key "__proto__"', 1],
  ];
  for (const [text, reason, at] of cases) {
    let thrown: unknown;
    try {
      parseLosslessJson(text, { maxSlowLength: text.length - 1 });
    } catch (error) {
      thrown = error;
    }
    assert.instance(thrown, SlowParseRefused, text);
    assert.is((thrown as SlowParseRefused).reason, reason, text);
    assert.is((thrown as SlowParseRefused).position, at, text);
    assert.equal(outcomeOf((t) => parseLosslessJson(t, { maxSlowLength: t.length }), text), outcomeOf(parseWithLibrary, text), text);
  }
  // A plain text is parsed at any length.
  assert.equal(treePicture(parseLosslessJson('{"a":[1,2]}', { maxSlowLength: 0 })), '{"a":[#1,#2]}');
});

fastPath('invalid JSON past maxSlowLength is refused with JSON.parse\'s words, not handed to the library (which builds all it read before the error: ~16× the text in heap)', () => {
  // A truncated download is the likely case: every character the scan sees is plain, and
  // JSON.parse stops at the end. Within maxSlowLength the library's words stay. Cut inside a
  // string, after a stray closing bracket, or after a repeated key, the scan declines the text
  // (a string without its closing quote, …): still not JSON, so still JSON.parse's words — these
  // were refused as too long for the library (SlowParseRefused: genesis_too_large).
  for (const text of ['{"a":[1,2],"b":"x"', '{"a":1} x', '[1,2,]', '', '{"a":[1,2],"b":"xy', '{"a":1}]', '{"a":1,"a":1,"b":']) {
    let jsonParseWords = '';
    try {
      JSON.parse(text);
    } catch (error) {
      jsonParseWords = (error as Error).message;
    }
    assert.equal(outcomeOf((t) => parseLosslessJson(t, { maxSlowLength: t.length - 1 }), text), { error: `SyntaxError: ${jsonParseWords}` }, text);
    assert.equal(outcomeOf((t) => parseLosslessJson(t, { maxSlowLength: t.length }), text), outcomeOf(parseWithLibrary, text), text);
  }
});

const field = suite('core: topLevelStringField reads one top-level string as JSON.parse does');

field('generated objects, compact and indented, the key also nested and escaped: the value JSON.parse gives, or undefined for a non-string', () => {
  const value = fc.oneof(jsonText, fc.string({ unit: fc.constantFrom('"', '\\', 'a', '{', '}', '[', ',', ':', 'é', '\u{1f600}'), maxLength: 8 }).map((s) => JSON.stringify(s)));
  const nested = fc.tuple(jsonKey, value).map(([k, v]) => `{${JSON.stringify(k)}:${v},"chain_id":"inner"}`);
  // Keys as written in the text: `"chain\u005fid"` spells chain_id with an escape.
  const writtenKey = fc.oneof(jsonKey.map((k) => JSON.stringify(k)), fc.constantFrom('"chain_id"', '"chain_ids"', '"chain\\u005fid"'));
  const entries = fc.uniqueArray(fc.tuple(writtenKey, fc.oneof(value, nested)), { selector: ([k]) => JSON.parse(k) as string, maxLength: 6 });
  const object = fc.tuple(entries, fc.constantFrom(0, 2, 4)).map(([pairs, indent]) => {
    const compact = `{${pairs.map(([k, v]) => `${k}:${v}`).join(',')}}`;
    const escapedKey = pairs.some(([k]) => k.includes('\\'));
    return { text: indent === 0 || escapedKey ? compact : JSON.stringify(JSON.parse(compact), null, indent), escapedKey };
  });
  let found = 0;
  let escaped = 0;
  fc.assert(
    fc.property(object, ({ text, escapedKey }) => {
      const root = JSON.parse(text) as Record<string, unknown>;
      const expected = Object.hasOwn(root, 'chain_id') && typeof root['chain_id'] === 'string' ? root['chain_id'] : undefined;
      const answer = topLevelStringField(Buffer.from(text), 'chain_id');
      if (escapedKey) {
        // A key spelled with escapes is not matched: the caller's parse reads it (the keys
        // here are unique once decoded, so a plain chain_id, if any, is the answer).
        assert.ok(answer === undefined || answer === expected, text);
        if (answer === undefined && expected !== undefined) escaped++;
        return;
      }
      if (expected !== undefined) found++;
      assert.is(answer, expected, text);
    }),
    { seed, numRuns: 3_000 },
  );
  assert.ok(found > 150 && escaped > 30, `texts with a string chain_id: ${found} read, ${escaped} left to the parse`);
});

field('the bundled mainnet genesis: its chain_id; roots that are no object, and absent keys: undefined', () => {
  const bytes = readFileSync(bundledMainnetGenesisPath());
  assert.is(topLevelStringField(bytes, 'chain_id'), (JSON.parse(bytes.toString('utf8')) as { chain_id: string }).chain_id);
  assert.is(topLevelStringField(bytes, 'no_such_key'), undefined);
  for (const text of ['["chain_id","x"]', '"chain_id"', '{"a":{"chain_id":"inner"}}', '{"chain_id":5}', '{"chain_id":"\\x"}', '{"chain_id":"unterminated', '{"a":1}{"chain_id":"after the root"}']) {
    assert.is(topLevelStringField(Buffer.from(text), 'chain_id'), undefined, text);
  }
  assert.is(topLevelStringField(Buffer.from('{"a":"\\\\","chain_id":"after an escaped backslash"}'), 'chain_id'), 'after an escaped backslash');
});

field('a key given twice, or perhaps twice (a top-level key with escapes, a \\u escape after the value): undefined, for JSON.parse (the last one wins) to answer', () => {
  for (const text of [
    '{"chain_id":"a","x":1,"chain_id":"b"}',
    '{"chain_id":"a","chain\\u005fid":"b"}',
    '{"chain\\u005fid":"b","chain_id":"a"}',
    '{"chain_id":"a","x":{"y":"\\u0041"},"chain_id":"b"}',
    '{"chain_id":"a","x":"\\u0041"} trailing',
  ]) {
    assert.is(topLevelStringField(Buffer.from(text), 'chain_id'), undefined, text);
  }
  // The key's text or a \u escape elsewhere is no repeat: the whole root is read, and the value stands.
  for (const text of ['{"chain_id":"a","x":{"chain_id":"inner"},"y":"\\u0041"}\n', '{"chain_id":"a","x":"chain_id"}']) {
    assert.is(topLevelStringField(Buffer.from(text), 'chain_id'), 'a', text);
  }
});

same.run();
fastPath.run();
field.run();
