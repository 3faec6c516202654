/**
 * Goal: sortedJson orders object keys by their UTF-8 bytes (Go's json.Marshal of a map), also
 * with the allocation-free comparison used below the surrogate range — including keys that
 * differ at a surrogate pair or at U+E000–U+FFFF, where UTF-16 order and UTF-8 order disagree.
 * Method: seeded random keys over ASCII, Latin, BMP-high and astral characters (and prefixes of
 * each other); the key order in sortedJson's output must equal the order given by
 * Buffer.compare of the UTF-8 bytes. Seed printed.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { JsonSequence, materialized, sortedJson, sortedJsonChunks, sortedJsonText } from '../../../src/core/json.js';
import { Prng } from '../../../src/core/prng.js';

const SEED = Number(process.env['POKT_JSON_ORDER_SEED'] ?? 2718);
console.log(`json-key-order.test seed=${SEED}`);

const ALPHABET = ['a', 'b', 'z', '_', 'é', 'ÿ', '\u07ff', '\u0800', '\ud7ff', '\ue000', '\uffef', '\ufffd', '\u{10000}', '\u{1f600}', '\u{10ffff}'];

const order = suite('core: sortedJson key order');

order('key order equals UTF-8 byte order for random keys (surrogates and BMP-high included)', () => {
  const prng = new Prng(SEED);
  for (let round = 0; round < 300; round++) {
    const keys = new Set<string>();
    const count = 2 + prng.int(8);
    while (keys.size < count) {
      let key = '';
      const length = 1 + prng.int(4);
      for (let i = 0; i < length; i++) key += prng.pick(ALPHABET);
      keys.add(key);
      if (prng.chance(0.2)) keys.add(key + prng.pick(ALPHABET)); // a key and its extension
    }
    const document = Object.fromEntries([...keys].map((key, i) => [key, i]));
    const written = Object.keys(JSON.parse(sortedJson(document)) as Record<string, number>);
    const expected = [...keys].sort((a, b) => Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8')));
    assert.equal(written, expected, `round ${round} (seed ${SEED})`);
  }
});

order('the case where UTF-16 and UTF-8 disagree: U+FFFD sorts before U+10000 in UTF-8 bytes', () => {
  const written = sortedJson({ '\u{10000}': 1, '\ufffd': 2 });
  assert.is(written, '{"\ufffd":2,"\u{10000}":1}');
});

order('sortedJsonText: integer-like keys in byte order too ("0021" < "1234" < "a"; JS objects list "1234" first)', () => {
  const document = { a: 1, '1234': 2, '0021': 3 };
  assert.equal(Object.keys(document), ['1234', 'a', '0021'], 'the JavaScript order the writer must not follow');
  assert.is(sortedJsonText(document), '{"0021":3,"1234":2,"a":1}');
  // Go's MarshalIndent layout matches JSON.stringify's where the orders agree; undefined members are left out.
  const nested = { b: [{ y: '<&>', x: null }, []], a: {}, c: undefined };
  assert.is(sortedJsonText(nested, 1), '{\n "a": {},\n "b": [\n  {\n   "x": null,\n   "y": "\\u003c\\u0026\\u003e"\n  },\n  []\n ]\n}');
});

order('sortedJsonChunks encoded one by one (as export writes them: an export may pass V8\'s longest string) = the UTF-8 of sortedJsonText, at any chunk bound', () => {
  const prng = new Prng(SEED);
  const doc: Record<string, unknown> = {};
  for (let i = 0; i < 200; i++) doc[`k${i}${prng.pick(ALPHABET)}`] = { v: [prng.pick(ALPHABET).repeat(1 + prng.int(5)), i, null, true], w: `${prng.pick(ALPHABET)}"\\` };
  for (const indent of [0, 4]) {
    // The oracle: Node's own UTF-8 encoder over the whole text.
    const expected = Buffer.from(sortedJsonText(doc, indent) + '\n', 'utf8');
    for (const chunkChars of [1, 7, 1000, undefined]) assert.equal(utf8OfChunks(doc, indent, chunkChars), expected, `indent ${indent}, chunk ${chunkChars}`);
  }
});

/** The chunks encoded separately and joined: genesis/export.ts exportedStateChunks' bytes. */
function utf8OfChunks(doc: unknown, indent: number, chunkChars: number | undefined): Buffer {
  return Buffer.concat(Array.from(sortedJsonChunks(doc, indent, '\n', chunkChars), (chunk) => Buffer.from(chunk, 'utf8')));
}

/** A random tree of ASCII keys and values; some of its lists (also empty ones) as JsonSequence when `lazy`. */
function randomTree(prng: Prng, depth: number, lazy: boolean): unknown {
  const kind = depth === 0 ? 3 + prng.int(3) : prng.int(6);
  if (kind === 0 || kind === 1) {
    const items = Array.from({ length: prng.int(4) }, () => randomTree(prng, depth - 1, lazy));
    return lazy && kind === 1 ? new JsonSequence(() => items) : items;
  }
  if (kind === 2) return Object.fromEntries(Array.from({ length: prng.int(4) }, (_, i) => [`${prng.pick(['b', 'a', 'k10', 'k2', 'a_b'])}${i}`, randomTree(prng, depth - 1, lazy)]));
  return kind === 3 ? `s${prng.int(100)}` : kind === 4 ? prng.int(1000) : prng.chance(0.5) ? null : true;
}

/** The oracle: JSON.stringify of a copy whose objects list their keys sorted (ASCII: UTF-16 order is byte order). */
function stringifiedSorted(value: unknown, indent: number): string {
  const sortedCopy = (v: unknown): unknown =>
    Array.isArray(v) ? v.map(sortedCopy) : v !== null && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortedCopy((v as Record<string, unknown>)[k])])) : v;
  // JSON.stringify lists integer-like keys first whatever the copy's order: randomTree makes none.
  return JSON.stringify(sortedCopy(value), null, indent);
}

order('sortedJsonChunks: a JsonSequence is written as the array of its items, in chunks of any size, as JSON.stringify lays the tree out', () => {
  const prng = new Prng(SEED);
  for (let round = 0; round < 200; round++) {
    const tree = randomTree(prng, 4, true);
    const plain = materialized(tree);
    assert.not.ok(JSON.stringify(plain).includes('JsonSequence'));
    for (const indent of [0, 4]) {
      const expected = stringifiedSorted(plain, indent);
      assert.is(sortedJsonText(tree, indent), expected, `round ${round}, indent ${indent} (seed ${SEED})`);
      for (const chunkChars of [1, 7, 1000]) assert.is([...sortedJsonChunks(tree, indent, '\n', chunkChars)].join(''), expected + '\n', `round ${round}, chunks of ${chunkChars}`);
    }
  }
});

order('sortedJsonChunks: a JsonSequence is produced only as far as the chunks taken need it (an export is never whole in memory)', () => {
  let produced = 0;
  const doc = {
    list: new JsonSequence(function* () {
      for (let i = 0; i < 10_000; i++) {
        produced++;
        yield { i, text: 'x'.repeat(20) };
      }
    }),
  };
  const chunks = sortedJsonChunks(doc, 4, '', 1000);
  const first = chunks.next();
  assert.ok(first.done !== true && first.value.length >= 1000);
  assert.ok(produced > 0 && produced < 100, `${produced} items made for the first chunk of 1,000 characters`);
  let rest = 0;
  for (const chunk of chunks) rest += chunk.length;
  assert.is(produced, 10_000);
  assert.is(first.value.length + rest, sortedJsonText(doc, 4).length);
});

order.run();
