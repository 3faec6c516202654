/**
 * Goal: a snapshot loads as exactly the state it was written from, and anything else is refused
 * with a coded SnapshotError — never a raw exception (the replay's fallback to an older snapshot
 * catches only SnapshotError), never a state other than the one the file holds.
 * - Round trip: the loaded state re-encodes byte for byte, has the writer's root, and — because
 *   the loader fills tables without the journal or dirty sets (Table.load, commitLoaded) — goes
 *   on exactly as the original: the next blocks give both the same roots and receipts.
 * - Edited files whose checksum is made to match again (so only the loader's own checks stand
 *   between the edit and a loaded state): lines out of order or repeated, an entry after the
 *   history lines, a value its table cannot decode, malformed history versions, an unknown table;
 *   and plain damage: a changed gzip size field, a cut file, a changed byte; and, as a fast-check
 *   property, one bit flipped anywhere in the file: a coded refusal, or exactly the same state.
 * Method: a small chain (real genesis import, signed sends between test keys, blocks through the
 * real producer and reducer), its snapshot edited as text, trailer recomputed, gzipped again.
 */
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { bytesToHex } from '../../../src/core/hex.js';
import type { LedgerState } from '../../../src/chain/ledger-state.js';
import { decodeSnapshot, encodeSnapshot, SnapshotError } from '../../../src/snapshot/snapshot.js';
import { produce, sendMsg, signTx, startChain, testKey } from '../../helpers/chain.js';
import { fastCheckSeed } from '../crypto/fc-seed.js';

const alice = testKey('alice');
const bob = testKey('bob');
const carol = testKey('carol');
const validator = testKey('validator-1');

/** Five blocks of sends: accounts, tx and replay indexes, block hashes, and validator history. */
function smallChain(): LedgerState {
  const state = startChain({ accounts: [{ key: alice, balanceUpokt: 1_000_000_000n }, { key: bob, balanceUpokt: 5_000_000n }], validators: [{ key: validator, tokensUpokt: 100_000_000_000n }] });
  for (let block = 0; block < 5; block++) {
    produce(state, [signTx(alice, sendMsg(alice, bob, 1_000n + BigInt(block))), signTx(alice, sendMsg(alice, carol, 7n))]);
  }
  return state;
}

const textOf = (snapshot: Uint8Array): string => gunzipSync(snapshot).toString('utf8');

/** Body lines (header first, trailer dropped) → a snapshot whose trailer matches them again. */
function resealed(lines: readonly string[]): Uint8Array {
  const body = lines.join('\n') + '\n';
  const sha256 = createHash('sha256').update(body).digest('hex');
  return gzipSync(Buffer.from(body + JSON.stringify({ end: true, entries: 0, versions: 0, sha256 }) + '\n'));
}

function bodyLines(snapshot: Uint8Array): string[] {
  const lines = textOf(snapshot).split('\n');
  lines.pop(); // the empty string after the final newline
  lines.pop(); // the trailer
  return lines;
}

function refusal(bytes: Uint8Array): SnapshotError {
  try {
    decodeSnapshot(bytes);
  } catch (error) {
    if (error instanceof SnapshotError) return error;
    throw new Error(`not a SnapshotError: ${String(error)}`);
  }
  throw new Error('the snapshot was loaded');
}

const entryIndexes = (lines: readonly string[], table: string): number[] => lines.flatMap((line, i) => (line.startsWith(`["e","${table}",`) ? [i] : []));

const decode = suite('snapshot: decoding');
const state = smallChain();
const original = encodeSnapshot(state);

decode('the loaded state re-encodes byte for byte, has the same root, and goes on exactly as the original', () => {
  const lines = bodyLines(original);
  assert.ok(lines.some((line) => line.startsWith('["h",')), 'precondition: the chain has history lines');
  assert.ok(entryIndexes(lines, 'auth/tx_index').length >= 10, 'precondition: the tx index holds every delivered tx');
  const loaded = decodeSnapshot(original);
  assert.is(bytesToHex(loaded.store.root), bytesToHex(state.store.root));
  assert.is(loaded.store.committedHeight, state.store.committedHeight);
  assert.equal(textOf(encodeSnapshot(loaded)), textOf(original));
  // The original and the loaded state take the same next blocks: one replays a delivered tx (the
  // replay index was loaded), one sends to a new account.
  const replayed = signTx(alice, sendMsg(alice, bob, 1_000n), { entropy: 424242n });
  const fresh = signTx(bob, sendMsg(bob, testKey('dave'), 55n));
  for (const txs of [[replayed, fresh], [replayed]]) {
    const a = produce(state, txs);
    const b = produce(loaded, txs);
    assert.is(b.stateRoot, a.stateRoot);
    assert.equal(b.receipts.map((r) => [r.code, r.codespace]), a.receipts.map((r) => [r.code, r.codespace]));
  }
  assert.equal(textOf(encodeSnapshot(loaded)), textOf(encodeSnapshot(state)));
});

decode('a body of several write chunks (over 8 MB of text) round-trips, and its checksum is of its exact bytes', () => {
  const big = smallChain();
  for (let i = 0; i < 120_000; i++) big.auth.txIndex.set(createHash('sha256').update(String(i)).digest('hex').toUpperCase(), 1 + (i % 5));
  const snapshot = encodeSnapshot(big);
  const text = textOf(snapshot);
  assert.ok(text.length > 9_000_000, `precondition: ${text.length} characters, more than one 8 MB chunk`);
  const trailerStart = text.lastIndexOf('\n', text.length - 2) + 1;
  const trailer = JSON.parse(text.slice(trailerStart)) as { sha256: string; entries: number };
  assert.is(trailer.sha256, createHash('sha256').update(text.slice(0, trailerStart)).digest('hex'));
  assert.is(text.slice(0, trailerStart).split('\n').filter((line) => line.startsWith('["e",')).length, trailer.entries);
  assert.equal(textOf(encodeSnapshot(decodeSnapshot(snapshot))), text);
});

decode('resealing the unedited lines loads (the edits below are refused for their content, not their checksum)', () => {
  const loaded = decodeSnapshot(resealed(bodyLines(original)));
  assert.equal(textOf(encodeSnapshot(loaded)), textOf(original));
});

decode('entry lines out of order, or one repeated, are refused', () => {
  const lines = bodyLines(original);
  const [first, second] = entryIndexes(lines, 'auth/tx_index');
  const swapped = [...lines];
  [swapped[first!], swapped[second!]] = [lines[second!]!, lines[first!]!];
  const error = refusal(resealed(swapped));
  assert.is(error.code, 'snapshot_corrupt');
  assert.match(error.message, `line ${first! + 2} is out of order`);
  const repeated = [...lines.slice(0, second! + 1), lines[second!]!, ...lines.slice(second! + 1)];
  assert.match(refusal(resealed(repeated)).message, 'out of order');
  // Tables out of order: the last entry line moved to the front.
  const lastEntry = lines.map((line) => line.startsWith('["e",')).lastIndexOf(true);
  const tablesSwapped = [lines[0]!, lines[lastEntry]!, ...lines.slice(1, lastEntry), ...lines.slice(lastEntry + 1)];
  assert.match(refusal(resealed(tablesSwapped)).message, 'out of order');
});

decode('an entry after the history lines is refused', () => {
  const lines = bodyLines(original);
  const entry = entryIndexes(lines, 'auth/tx_index')[0]!;
  const moved = [...lines.slice(0, entry), ...lines.slice(entry + 1), lines[entry]!];
  assert.match(refusal(resealed(moved)).message, 'is an entry after the history lines');
});

decode('a value its table cannot decode is a coded refusal naming the line, not a raw exception', () => {
  const lines = bodyLines(original);
  const account = entryIndexes(lines, 'auth/accounts')[0]!;
  const [, table, key] = JSON.parse(lines[account]!) as [string, string, string];
  const withValue = (value: string): string[] => lines.map((line, i) => (i === account ? JSON.stringify(['e', table, key, value]) : line));
  for (const bad of ['not an account', '{"x":1}', '1.5:']) {
    const error = refusal(resealed(withValue(bad)));
    assert.is(error.code, 'snapshot_corrupt', bad);
    assert.match(error.message, `line ${account + 1} holds a value auth/accounts cannot decode`);
  }
  // A decoder may accept text its encoder never writes ('' reads as a zero balance): the value
  // then re-encodes differently, and the root check refuses it.
  assert.is(refusal(resealed(withValue(''))).code, 'snapshot_root_mismatch');
  const valueless = [...lines];
  valueless[account] = JSON.stringify(['e', table, key]);
  assert.match(refusal(resealed(valueless)).message, 'has no encoded value');
});

decode('malformed history versions are refused', () => {
  const lines = bodyLines(original);
  const history = lines.findIndex((line) => line.startsWith('["h",'));
  const [, table, key, versions] = JSON.parse(lines[history]!) as [string, string, string, Array<[number, string | null]>];
  const [height, value] = versions[0]!;
  const cases: Array<[string, unknown]> = [
    ['descending heights', [[height + 1, value], [height, value]]],
    ['a repeated height', [[height, value], [height, value]]],
    ['a fractional height', [[height + 0.5, value]]],
    ['a numeric value', [[height, 7]]],
    ['no list', 'versions'],
  ];
  for (const [name, bad] of cases) {
    const edited = [...lines];
    edited[history] = JSON.stringify(['h', table, key, bad]);
    assert.is(refusal(resealed(edited)).code, 'snapshot_corrupt', name);
  }
  const noHistoryTable = [...lines];
  noHistoryTable[history] = JSON.stringify(['h', 'auth/accounts', key, versions]);
  // auth/accounts sorts before the history line's own table: refused for its order or its table.
  assert.is(refusal(resealed(noHistoryTable)).code, 'snapshot_corrupt');
});

decode('a header height that is no block height is refused', () => {
  const lines = bodyLines(original);
  const header = JSON.parse(lines[0]!) as Record<string, unknown>;
  for (const height of [-1, 1.5, 2 ** 53]) {
    const error = refusal(resealed([JSON.stringify({ ...header, height }), ...lines.slice(1)]));
    assert.is(error.code, 'snapshot_corrupt', String(height));
    assert.match(error.message, 'is not a block height');
  }
});

decode('an unknown table is unsupported (a snapshot of another version)', () => {
  const lines = bodyLines(original);
  const edited = [lines[0]!, JSON.stringify(['e', 'aaa/unknown', 'k', 'v']), ...lines.slice(1)];
  assert.is(refusal(resealed(edited)).code, 'snapshot_unsupported');
});

decode('a version-5 snapshot (made before gov/unstored_params existed) is unsupported, not loaded with the table empty', () => {
  // Such a file's root, written before the table existed, matches its entries with the table
  // empty; loaded, it would decide later upgrades otherwise than a replay (snapshot/codec.ts, 6).
  const lines = bodyLines(original).filter((line) => !line.includes('"gov/unstored_params"'));
  const header = JSON.parse(lines[0]!) as Record<string, unknown>;
  const error = refusal(resealed([JSON.stringify({ ...header, version: 5 }), ...lines.slice(1)]));
  assert.is(error.code, 'snapshot_unsupported');
  assert.match(error.message, '"version":5');
});

decode('a version-6 snapshot (made while a later-scheduled gated key still got an ACL owner at genesis) is unsupported', () => {
  // Its values and root agree with each other but not with a replay from genesis (snapshot/codec.ts, 7).
  const lines = bodyLines(original);
  const header = JSON.parse(lines[0]!) as Record<string, unknown>;
  const error = refusal(resealed([JSON.stringify({ ...header, version: 6 }), ...lines.slice(1)]));
  assert.is(error.code, 'snapshot_unsupported');
  assert.match(error.message, '"version":6');
});

decode('damage: a changed gzip size field, a cut file, a changed byte of the body', () => {
  const sizeChanged = Uint8Array.from(original);
  sizeChanged[sizeChanged.length - 1] = sizeChanged.at(-1)! ^ 0x40;
  assert.is(refusal(sizeChanged).code, 'snapshot_corrupt');
  assert.is(refusal(original.subarray(0, original.length - 30)).code, 'snapshot_corrupt');
  const text = textOf(original);
  const at = text.indexOf('auth/accounts');
  const flipped = gzipSync(Buffer.from(text.slice(0, at) + 'auth/accounTs' + text.slice(at + 'auth/accounts'.length)));
  assert.match(refusal(flipped).message, 'checksum does not match');
  assert.is(refusal(gzipSync(Buffer.alloc(0))).code, 'snapshot_corrupt');
  assert.is(refusal(new Uint8Array([1, 2, 3])).code, 'snapshot_corrupt');
});

decode('one bit flipped anywhere in the file: a coded refusal, or exactly the state written', () => {
  const expected = textOf(original);
  let loaded = 0;
  let refused = 0;
  fc.assert(
    fc.property(fc.nat(original.length - 1), fc.nat(7), (offset, bit) => {
      const damaged = Uint8Array.from(original);
      damaged[offset] = damaged[offset]! ^ (1 << bit);
      let state: LedgerState;
      try {
        state = decodeSnapshot(damaged);
      } catch (error) {
        assert.ok(error instanceof SnapshotError, `byte ${offset} bit ${bit}: ${String(error)}`);
        refused++;
        return;
      }
      // gzip's header has bytes no reader checks (its mtime, OS, flags' unused bits): loading is
      // then right only if the state is exactly the one written.
      assert.is(textOf(encodeSnapshot(state)), expected, `byte ${offset} bit ${bit} loaded another state`);
      loaded++;
    }),
    { seed: fastCheckSeed('snapshot/one-bit'), numRuns: 400 },
  );
  assert.ok(refused > loaded, `most flips are refused (${refused} refused, ${loaded} loaded)`);
});

decode.run();
