/**
 * Goal: the Merkle sum-index tree is pocket-core's (PROTOCOL §4.2, merkle.go): BLAKE2b leaves
 * sorted by their hash-derived upper bound, contiguous ranges, padding leaves blake2b("i"),
 * index-hashed parents, and MerkleProof.Validate's (valid, replayAttack) verdicts.
 * Method: the TV-19 derived values (PROTOCOL §11, five relay proofs) as PROTOCOL states them;
 * structural properties over seeded random leaf sets; every verdict branch of Validate from a
 * deliberately broken proof.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { bytesToHex, concatBytes } from '../../../src/core/hex.js';
import { Prng } from '../../../src/core/prng.js';
import { blake2b256 } from '../../../src/crypto/hash.js';
import { aatHash, relayProofBytes } from '../../../src/messages/index.js';
import { buildMsiTree, hexNodeOf, hexProofOf, msiLevelCount, msiParentHash, msiProof, sumFromHash, verifyMsiProof, type MsiNode } from '../../../src/modules/pocketcore/msi-tree.js';

const TV19_AAT = { version: '0.0.1', appPublicKey: 'a'.repeat(64), clientPublicKey: 'b'.repeat(64), signature: '' };
const TV19_ENTROPIES = [3238283n, 34939492n, 12383n, 96384n, 96384812n];
const tv19Leaves = TV19_ENTROPIES.map((entropy) =>
  relayProofBytes({ requestHash: 'd'.repeat(64), entropy, sessionBlockHeight: 1n, servicerPublicKey: 'c'.repeat(64), blockchain: '0001', aat: TV19_AAT, signature: '' }),
);

const tv19 = suite('TV-19: MSI tree over five relay proofs (PROTOCOL §11, derived)');

tv19('AAT hash and leaf 0 bytes as PROTOCOL states them', () => {
  assert.is(bytesToHex(aatHash(TV19_AAT)), '45fded723291efdb76a84c161a2cab51a19afc3741b4ebab205a568629ff2d1f');
  assert.is(
    tv19Leaves[0],
    `{"entropy":3238283,"session_block_height":1,"servicer_pub_key":"${'c'.repeat(64)}","blockchain":"0001","signature":"","token":"45fded723291efdb76a84c161a2cab51a19afc3741b4ebab205a568629ff2d1f","request_hash":"${'d'.repeat(64)}"}`,
  );
});

tv19('sorted leaf uppers, padding 5/6/7 with +1 ranges, root [0, 14757274644365627411]', () => {
  const tree = buildMsiTree(tv19Leaves);
  const leaves = tree.levels[0]!;
  assert.equal(
    leaves.slice(0, 5).map((n) => n.upper.toString()),
    ['6545391238059275583', '9114203630401574453', '13038566724797691943', '13727533818014672508', '14757274644365627408'],
  );
  assert.equal(leaves.slice(5).map((n) => n.upper.toString()), ['14757274644365627409', '14757274644365627410', '14757274644365627411']);
  assert.equal(leaves.slice(5).map((n) => bytesToHex(n.hash)), ['5', '6', '7'].map((s) => bytesToHex(blake2b256(s))));
  assert.is(tree.root.lower, 0n);
  assert.is(tree.root.upper, 14757274644365627411n);
  assert.is(tree.levels.length - 1, 3);
});

tv19('each of the five leaves has a 3-level proof that validates', () => {
  const tree = buildMsiTree(tv19Leaves);
  for (let i = 0; i < 5; i++) {
    const proof = msiProof(tree, i);
    assert.is(proof.siblings.length, 3);
    const verdict = verifyMsiProof(hexNodeOf(tree.root), tv19Leaves[tree.order[i]!]!, hexProofOf(proof), 3);
    assert.equal(verdict, { valid: true, replayAttack: false }, `leaf ${i}`);
  }
});

const structure = suite('MSI tree structure (merkle.go:166-263)');

function randomLeaves(prng: Prng, n: number): string[] {
  return Array.from({ length: n }, (_, i) => `leaf-${i}-${prng.nextU64()}`);
}

structure('ranges tile [0, max) without gaps; padding continues by +1; parents join children', () => {
  const seed = 20241101;
  const prng = new Prng(seed);
  for (const n of [2, 3, 5, 8, 13, 64, 100]) {
    const leaves = randomLeaves(prng, n);
    const tree = buildMsiTree(leaves);
    const level0 = tree.levels[0]!;
    assert.is(level0.length, 2 ** msiLevelCount(BigInt(n)), `seed ${seed} n ${n}`);
    level0.forEach((node, i) => {
      assert.is(node.lower, i === 0 ? 0n : level0[i - 1]!.upper, `seed ${seed} n ${n} leaf ${i} lower`);
      if (i < n) assert.is(node.upper, sumFromHash(blake2b256(leaves[tree.order[i]!]!)));
      else assert.is(node.upper, node.lower + 1n);
    });
    for (let level = 1; level < tree.levels.length; level++) {
      tree.levels[level]!.forEach((parent, i) => {
        const left = tree.levels[level - 1]![2 * i]!;
        const right = tree.levels[level - 1]![2 * i + 1]!;
        assert.is(parent.lower, left.lower);
        assert.is(parent.upper, right.upper);
        const words = new Uint8Array(32);
        const view = new DataView(words.buffer);
        view.setBigUint64(0, BigInt(2 * i), true);
        view.setBigUint64(8, BigInt(2 * i + 1), true);
        view.setBigUint64(16, parent.lower, true);
        view.setBigUint64(24, parent.upper, true);
        assert.is(bytesToHex(parent.hash), bytesToHex(blake2b256(concatBytes(left.hash, right.hash, words))));
      });
    }
  }
});

structure('every leaf of random trees proves; levels = ceil(log2 n)', () => {
  const seed = 7;
  const prng = new Prng(seed);
  for (const n of [5, 6, 7, 9, 31, 33]) {
    const leaves = randomLeaves(prng, n);
    const tree = buildMsiTree(leaves);
    const levels = msiLevelCount(BigInt(n));
    for (let i = 0; i < n; i++) {
      const proof = msiProof(tree, i);
      assert.ok(verifyMsiProof(hexNodeOf(tree.root), leaves[tree.order[i]!]!, hexProofOf(proof), levels).valid, `seed ${seed} n ${n} leaf ${i}`);
    }
  }
});

structure('msiLevelCount = ceil(log2 n)', () => {
  assert.equal([2n, 3n, 4n, 5n, 8n, 9n, 1000n, 1024n, 1025n].map(msiLevelCount), [1, 2, 2, 3, 3, 4, 10, 10, 11]);
});

structure('pre-codec-upgrade parents (no index words) give another root; both self-verify', () => {
  const legacy = buildMsiTree(tv19Leaves, { indexedParents: false });
  const current = buildMsiTree(tv19Leaves);
  assert.is.not(bytesToHex(legacy.root.hash), bytesToHex(current.root.hash));
  assert.is(legacy.root.upper, current.root.upper);
  const proof = msiProof(legacy, 2);
  assert.ok(verifyMsiProof(hexNodeOf(legacy.root), tv19Leaves[legacy.order[2]!]!, hexProofOf(proof), 3, { indexedParents: false }).valid);
  const left = legacy.levels[0]![0]!;
  const right = legacy.levels[0]![1]!;
  const words = new Uint8Array(16);
  new DataView(words.buffer).setBigUint64(0, left.lower, true);
  new DataView(words.buffer).setBigUint64(8, right.upper, true);
  assert.is(bytesToHex(legacy.levels[1]![0]!.hash), bytesToHex(blake2b256(concatBytes(left.hash, right.hash, words))));
});

const verdicts = suite('MerkleProof.Validate verdicts (merkle.go:56-112)');

const tree = buildMsiTree(tv19Leaves);
const INDEX = 2;
const good = msiProof(tree, INDEX);
const leaf = tv19Leaves[tree.order[INDEX]!]!;
const run = (changes: { root?: MsiNode; leaf?: string; target?: MsiNode; siblings?: MsiNode[]; index?: bigint }) =>
  verifyMsiProof(
    hexNodeOf(changes.root ?? tree.root),
    changes.leaf ?? leaf,
    { index: changes.index ?? BigInt(INDEX), target: hexNodeOf(changes.target ?? good.target), siblings: (changes.siblings ?? good.siblings).map(hexNodeOf) },
    3,
  );
const withSibling = (level: number, node: MsiNode): MsiNode[] => good.siblings.map((s, i) => (i === level ? node : s));

verdicts('root lower ≠ 0 → invalid, not a replay', () => {
  assert.equal(run({ root: { ...tree.root, lower: 1n } }), { valid: false, replayAttack: false });
});

verdicts('a leaf that does not hash to the target → invalid, not a replay (the "wrong leaf")', () => {
  assert.equal(run({ leaf: tv19Leaves[tree.order[3]!]! }), { valid: false, replayAttack: false });
});

verdicts('target upper ≠ LE64(target hash[0:8]) → invalid', () => {
  assert.equal(run({ target: { ...good.target, upper: good.target.upper + 1n } }), { valid: false, replayAttack: false });
});

verdicts('broken adjacency (sibling range does not touch the target) → invalid', () => {
  const sibling = good.siblings[0]!;
  assert.equal(run({ siblings: withSibling(0, { ...sibling, lower: sibling.lower + 1n }) }), { valid: false, replayAttack: false });
});

verdicts('a sibling with an invalid range (upper 0, or lower ≥ upper) → replay attack', () => {
  assert.equal(run({ siblings: withSibling(1, { ...good.siblings[1]!, upper: 0n }) }), { valid: false, replayAttack: true });
  const s = good.siblings[2]!;
  assert.equal(run({ siblings: withSibling(2, { ...s, lower: s.upper }) }), { valid: false, replayAttack: true });
});

verdicts('a tampered sibling hash reaches another root → replay attack', () => {
  const s = good.siblings[1]!;
  const hash = Uint8Array.from(s.hash);
  hash[0] = hash[0]! ^ 1;
  assert.equal(run({ siblings: withSibling(1, { ...s, hash }) }), { valid: false, replayAttack: true });
});

verdicts('a root of another tree → replay attack', () => {
  assert.equal(run({ root: buildMsiTree(tv19Leaves.slice(0, 4)).root }), { valid: false, replayAttack: true });
});

verdicts('parent hash packs like Go MultiAppend: short/long hashes shift or are cut', () => {
  const short = msiParentHash(new Uint8Array(0), new Uint8Array(32).fill(1), 0n, 1n, 0n, true);
  const expected = new Uint8Array(96);
  expected.set(new Uint8Array(32).fill(1), 0);
  const words = new DataView(expected.buffer);
  words.setBigUint64(32, 0n, true);
  words.setBigUint64(40, 1n, true);
  words.setBigUint64(48, 0n, true);
  words.setBigUint64(56, 1n, true);
  assert.is(bytesToHex(short), bytesToHex(blake2b256(expected)));
  const long = msiParentHash(new Uint8Array(70).fill(2), new Uint8Array(32).fill(3), 5n, 6n, 0n, true);
  const cut = new Uint8Array(96);
  cut.set(new Uint8Array(70).fill(2), 0);
  cut.set(new Uint8Array(26).fill(3), 70);
  assert.is(bytesToHex(long), bytesToHex(blake2b256(cut)));
});

tv19.run();
structure.run();
verdicts.run();
