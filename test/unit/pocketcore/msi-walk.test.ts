/**
 * Goal: the fast MSI proof walk (verifyMsiProof: index as a number while safe, parents hashed in
 * BLAKE2b's one-block scratch) gives exactly MerkleProof.Validate's verdicts (merkle.go:56-112).
 * Method: fast-check over random trees and proofs, honest or broken in one way — a flipped hash
 * bit, a sibling hash of another length (Go's MultiAppend packing), a moved range bound, an index
 * past 2^53 or 2^64 (the bigint path), a wrong root, a target range that is empty — compared with two other walks:
 *   - `referenceWalk` below, written here from PROTOCOL §4.2 in the shape the walk had before
 *     (a node object and bigint index per level, msiParentHash for every parent);
 *   - the audit's independent walk (src/audit/independent/merkle.ts, written from PROTOCOL
 *     without the ledger's modules), for proofs whose hashes all have 32 bytes (it concatenates
 *     other lengths as they are, which an honest proof never has).
 * The fast walk reads nodes as messages carry them, with hex hashes; the other two read bytes.
 * So the hex is varied too (upper case, not hex, odd length), and the other walks get its bytes:
 * hexToBytes of it, or no bytes when that fails.
 */
import fc from 'fast-check';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { verifyMsiProof as independentWalk } from '../../../src/audit/independent/merkle.js';
import { bytesEqual, bytesToHex, hexToBytes } from '../../../src/core/hex.js';
import { buildMsiTree, hexNodeOf, hexProofOf, msiLeafHash, msiParentHash, msiProof, sumFromHash, verifyMsiProof, type MsiHexNode, type MsiNode, type MsiVerdict } from '../../../src/modules/pocketcore/msi-tree.js';
import { fastCheckSeed } from '../crypto/fc-seed.js';

const INVALID: MsiVerdict = { valid: false, replayAttack: false };
const REPLAY: MsiVerdict = { valid: false, replayAttack: true };
const validRange = (node: MsiNode): boolean => node.upper !== 0n && node.lower < node.upper;

function referenceWalk(root: MsiNode, leafBytes: string, index: bigint, target: MsiNode, siblings: readonly MsiNode[], levels: number, indexedParents: boolean): MsiVerdict {
  if (root.lower !== 0n) return INVALID;
  if (!bytesEqual(target.hash, msiLeafHash(leafBytes)) || target.upper !== sumFromHash(target.hash)) return INVALID;
  let node = target;
  let position = index;
  for (let level = 0; level < levels; level++) {
    const sibling = siblings[level]!;
    if (!validRange(node) || !validRange(sibling)) return REPLAY;
    if (position % 2n === 1n) {
      if (node.lower !== sibling.upper) return INVALID;
      node = { hash: msiParentHash(sibling.hash, node.hash, sibling.lower, node.upper, position - 1n, indexedParents), lower: sibling.lower, upper: node.upper };
    } else {
      if (node.upper !== sibling.lower) return INVALID;
      node = { hash: msiParentHash(node.hash, sibling.hash, node.lower, sibling.upper, position, indexedParents), lower: node.lower, upper: sibling.upper };
    }
    position /= 2n;
  }
  return bytesEqual(root.hash, node.hash) && root.lower === node.lower && root.upper === node.upper ? { valid: true, replayAttack: false } : REPLAY;
}

type Breakage =
  | { kind: 'none' }
  | { kind: 'flip'; level: number; byte: number }
  | { kind: 'length'; level: number; length: number }
  | { kind: 'bound'; level: number; which: 'lower' | 'upper'; delta: bigint }
  | { kind: 'index'; add: bigint }
  | { kind: 'root' }
  | { kind: 'target-lower'; delta: bigint };

const breakage: fc.Arbitrary<Breakage> = fc.oneof(
  fc.constant<Breakage>({ kind: 'none' }),
  fc.record({ kind: fc.constant('flip' as const), level: fc.nat(7), byte: fc.nat(31) }),
  fc.record({ kind: fc.constant('length' as const), level: fc.nat(7), length: fc.constantFrom(0, 1, 31, 33, 64, 70) }),
  fc.record({ kind: fc.constant('bound' as const), level: fc.nat(7), which: fc.constantFrom('lower' as const, 'upper' as const), delta: fc.constantFrom(-1n, 1n, -(1n << 70n)) }),
  // Even additions keep the path's parity at level 0: the walk runs on, on the bigint path.
  fc.record({ kind: fc.constant('index' as const), add: fc.constantFrom(1n << 53n, (1n << 53n) - 2n, 1n << 63n, 1n << 64n, 2n) }),
  fc.constant<Breakage>({ kind: 'root' }),
  // The target's own range: lower at or past its upper (a replay attack at level 0), or just below.
  fc.record({ kind: fc.constant('target-lower' as const), delta: fc.constantFrom(0n, 1n, -1n) }),
);

function resized(hash: Uint8Array, length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = hash[i % hash.length]! ^ (i >= hash.length ? 0x5a : 0);
  return out;
}

function broken(siblings: readonly MsiNode[], b: Breakage): MsiNode[] {
  if (b.kind !== 'flip' && b.kind !== 'length' && b.kind !== 'bound') return [...siblings];
  const level = b.level % siblings.length;
  return siblings.map((s, i) => {
    if (i !== level) return s;
    if (b.kind === 'flip') {
      const hash = Uint8Array.from(s.hash);
      hash[b.byte] = hash[b.byte]! ^ 1;
      return { ...s, hash };
    }
    if (b.kind === 'length') return { ...s, hash: resized(s.hash, b.length) };
    const moved = (b.which === 'lower' ? s.lower : s.upper) + b.delta;
    const bound = moved < 0n ? 0n : moved;
    return b.which === 'lower' ? { ...s, lower: bound } : { ...s, upper: bound };
  });
}

/** How a node's hex in the message differs from the lowercase hex of its bytes. */
type HexForm = 'lower' | 'upper' | 'not-hex' | 'odd';

interface HexForms {
  readonly sibling: HexForm;
  readonly level: number;
  readonly target: HexForm;
  readonly root: 'lower' | 'upper';
}

const hexForms: fc.Arbitrary<HexForms> = fc.record({
  sibling: fc.constantFrom<HexForm>('lower', 'lower', 'lower', 'upper', 'not-hex', 'odd'),
  level: fc.nat(7),
  target: fc.constantFrom<HexForm>('lower', 'lower', 'lower', 'upper', 'not-hex'),
  root: fc.constantFrom('lower' as const, 'upper' as const),
});

function hexIn(node: MsiNode, form: HexForm): MsiHexNode {
  const hex = bytesToHex(node.hash);
  const hashHex = form === 'upper' ? hex.toUpperCase() : form === 'not-hex' ? `g${hex.slice(1)}` : form === 'odd' ? `${hex}0` : hex;
  return { hashHex, lower: node.lower, upper: node.upper };
}

/** The bytes a hex node stands for: hexToBytes of its hash, or none (what the fast walk hashes). */
const bytesIn = (node: MsiHexNode): MsiNode => ({ hash: hexToBytes(node.hashHex) ?? new Uint8Array(0), lower: node.lower, upper: node.upper });

const walk = suite('pocketcore/msi-tree: the fast walk against a reference walk and the audit’s independent one');

walk('every verdict equals the reference walk’s (both parent packings) and, for 32-byte hashes, the independent walk’s', () => {
  const seed = fastCheckSeed('msi-walk');
  let broke = 0;
  fc.assert(
    fc.property(fc.integer({ min: 2, max: 40 }), fc.nat(1_000), fc.boolean(), breakage, hexForms, fc.nat(), (leafCount, pick, indexedParents, b, forms, salt) => {
      const leaves = Array.from({ length: leafCount }, (_, i) => `leaf-${salt}-${i}`);
      const tree = buildMsiTree(leaves, { indexedParents });
      const levels = tree.levels.length - 1;
      const position = pick % leafCount;
      const proof = msiProof(tree, position);
      const siblings = broken(proof.siblings, b);
      const index = BigInt(position) + (b.kind === 'index' ? b.add : 0n);
      const root = b.kind === 'root' ? buildMsiTree([...leaves, 'one more'], { indexedParents }).root : tree.root;
      const leaf = leaves[tree.order[position]!]!;
      const target = b.kind === 'target-lower' ? { ...proof.target, lower: proof.target.upper + b.delta } : proof.target;
      const hexRoot = hexIn(root, forms.root);
      const hexTarget = hexIn(target, forms.target);
      const hexSiblings = siblings.map((s, i) => (i === forms.level % siblings.length ? hexIn(s, forms.sibling) : hexIn(s, 'lower')));
      const fast = verifyMsiProof(hexRoot, leaf, { index, target: hexTarget, siblings: hexSiblings }, levels, { indexedParents });
      const [rootBytes, targetBytes, siblingBytes] = [bytesIn(hexRoot), bytesIn(hexTarget), hexSiblings.map(bytesIn)];
      const expected = referenceWalk(rootBytes, leaf, index, targetBytes, siblingBytes, levels, indexedParents);
      const described = JSON.stringify({ b, forms }, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
      assert.equal(fast, expected, `${leafCount} leaves, position ${position}, ${described}`);
      if (indexedParents && siblingBytes.every((s) => s.hash.byteLength === 32) && targetBytes.hash.byteLength === 32) {
        assert.equal(fast, independentWalk(rootBytes, new TextEncoder().encode(leaf), index, targetBytes, siblingBytes, levels));
      }
      const honestHex = forms.target !== 'not-hex' && (forms.sibling === 'lower' || forms.sibling === 'upper');
      if (b.kind === 'none' && honestHex) assert.equal(fast, { valid: true, replayAttack: false }, 'an honest proof validates, in either case of hex');
      if (!fast.valid) broke++;
    }),
    { seed, numRuns: 1_500 },
  );
  // The generator reaches the failing branches, not only honest proofs.
  assert.ok(broke > 500, `${broke} of 1,500 proofs failed validation`);
});

walk('an index past 2^53 whose walk would be valid modulo 2^64 hashes like Go (uint64 words, bigint path)', () => {
  const leaves = Array.from({ length: 8 }, (_, i) => `wrap-${i}`);
  const tree = buildMsiTree(leaves);
  const proof = msiProof(tree, 3);
  const leaf = leaves[tree.order[3]!]!;
  // 2^64 + 3 packs as LE64(3 mod 2^64) at level 0, but halves to 2^63 + 1 at level 1: the paths part.
  const index = (1n << 64n) + 3n;
  const fast = verifyMsiProof(hexNodeOf(tree.root), leaf, { ...hexProofOf(proof), index }, 3);
  assert.equal(fast, referenceWalk(tree.root, leaf, index, proof.target, proof.siblings, 3, true));
  assert.equal(fast, independentWalk(tree.root, new TextEncoder().encode(leaf), index, proof.target, proof.siblings, 3));
});

walk.run();
