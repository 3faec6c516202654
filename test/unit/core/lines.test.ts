/**
 * Goal: forEachLine (src/core/lines.ts) visits exactly the lines `String.split('\n')` finds in the
 * same range — the snapshot loader and the audit read snapshots through it.
 * Method: the oracle is the plain text split (dropping the empty string after a final newline),
 * over hand-picked edge cases and seeded random texts with multi-byte characters and empty lines.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { forEachLine } from '../../../src/core/lines.js';
import { Prng } from '../../../src/core/prng.js';

function visited(text: string, from = 0, to?: number): string[] {
  const bytes = Buffer.from(text);
  const out: string[] = [];
  forEachLine(bytes, from, to ?? bytes.length, (line, index) => {
    assert.is(index, out.length, 'indexes count from 0');
    out.push(line);
  });
  return out;
}

function split(text: string): string[] {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

const lines = suite('core: forEachLine');

lines('edge cases match a split of the same text', () => {
  for (const text of ['', '\n', 'a', 'a\n', 'a\nb', 'a\nb\n', '\n\na\n\n', 'ä€😀\nx']) assert.equal(visited(text), split(text), JSON.stringify(text));
});

lines('a range: from a line start to the end of a line', () => {
  const text = 'header\nline 1\nline 2\ntrailer\n';
  const from = text.indexOf('line 1');
  const to = text.indexOf('trailer');
  assert.equal(visited(text, from, to), ['line 1', 'line 2']);
  assert.equal(visited(text, from, to - 1), ['line 1', 'line 2'], 'a range ending at a newline');
});

lines('seeded random texts with multi-byte characters and empty lines', () => {
  const prng = new Prng(7n);
  const alphabet = ['a', 'Z', '0', '"', ',', 'é', '€', '😀', '\n', '\n'];
  for (let round = 0; round < 200; round++) {
    let text = '';
    const length = prng.int(60);
    for (let i = 0; i < length; i++) text += alphabet[prng.int(alphabet.length)];
    assert.equal(visited(text), split(text), JSON.stringify(text));
  }
});

lines.run();
