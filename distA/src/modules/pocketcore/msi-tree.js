/**
 * The Merkle sum-index (MSI) tree servicers commit their relays to (PROTOCOL §4.2;
 * x/pocketcore/types/merkle.go). Hash = BLAKE2b-256 throughout.
 *
 * Leaves: hash_i = blake2b(leafBytes_i), upper_i = uint64 little-endian of hash_i[0:8]. Leaves are
 * sorted by upper ascending, then lower_0 = 0 and lower_i = upper_{i−1}: the ranges tile
 * [0, upper_max) without gaps (each leaf owns [previous upper, own upper) — not a cumulative sum).
 * Padding to the next power of two P: leaf i (n ≤ i < P) has hash blake2b(ASCII decimal of i) and
 * range [lower, lower + 1), lower advancing by one each time.
 *
 * Parent of the siblings at positions (i, i+1) of a level (i even):
 *   range = [left.lower, right.upper]
 *   hash  = blake2b(left.hash ‖ right.hash ‖ LE64(i) ‖ LE64(i+1) ‖ LE64(lower) ‖ LE64(upper))
 * (the index words only after the codec upgrade — `indexedParents`, always on in the ledger, which
 * runs every feature from genesis; PROTOCOL §12.1; merkle.go:166-171).
 *
 * Worked example (TV-19): five relay proofs → sorted uppers 6545391238059275583, …,
 * 14757274644365627408; padding leaves 5, 6, 7 get [14757274644365627408, …409), […409, …410),
 * […410, …411); the root covers [0, 14757274644365627411]; every proof has log2(8) = 3 levels.
 *
 * Verification (MerkleProof.Validate, merkle.go:56-112) returns (valid, replayAttack): a bad
 * leaf hash or a broken adjacency is plain invalid; an invalid range at any level, or a final node
 * that differs from the claimed root, counts as a replay attack (PROTOCOL §4.8, §12.2 item 6).
 *
 * DEV_NOTE: determinism — Go sorts leaves with the unstable sort.Sort; ours is stable. They can
 * differ only when two leaves share the first 8 hash bytes (probability ~n²/2^65).
 * DEV_NOTE: uint64 arithmetic wraps as in Go (padding ranges near 2^64), and parent hashes are
 * built like Go's MultiAppend into a fixed buffer, so odd-length sibling hashes from a hostile
 * proof hash exactly as pocket-core hashes them.
 */
import { invariant } from '../../core/assert.js';
import { bytesEqual, bytesToHex, hexToBytes } from '../../core/hex.js';
import { blake2b256 } from '../../crypto/hash.js';
const MASK64 = (1n << 64n) - 1n;
const HASH_BYTES = 32;
/** Scratch input of the honest-shape parent hash: two hashes + 4 (indexed) or 2 uint64 words. */
function parentScratch(words) {
    const bytes = new Uint8Array(HASH_BYTES * 2 + 8 * words);
    return { bytes, view: new DataView(bytes.buffer) };
}
const PARENT_INDEXED = parentScratch(4);
const PARENT_PLAIN = parentScratch(2);
function le64Into(out, offset, value) {
    new DataView(out.buffer, out.byteOffset + offset, 8).setBigUint64(0, value & MASK64, true);
}
/** uint64 little-endian of hash[0:8] (sumFromHash, merkle.go:115-117). */
export function sumFromHash(hash) {
    return new DataView(hash.buffer, hash.byteOffset, 8).getBigUint64(0, true);
}
/** Leaf node of the given bytes (range lower still 0; sortAndStructure sets it). */
export function msiLeafHash(leafBytes) {
    return blake2b256(leafBytes);
}
/**
 * parentHash (merkle.go:166-171): blake2b over MultiAppend(fixed buffer, h1, h2, [LE64 i1, LE64 i2],
 * LE64 lower, LE64 upper). The buffer has room for two 32-byte hashes; longer inputs are cut at
 * its end and shorter ones shift what follows, exactly like Go's copy into the buffer.
 */
export function msiParentHash(left, right, lower, upper, leftIndex, indexedParents) {
    const wordCount = indexedParents ? 4 : 2;
    if (left.byteLength === HASH_BYTES && right.byteLength === HASH_BYTES) {
        // PERF: the only shape an honest proof has — one reused buffer (blake2b256 copies it before
        // returning). setBigUint64 stores its argument modulo 2^64 (ToBigUint64), which is Go's
        // uint64 wrap, so no masking is needed here.
        const buffer = wordCount === 4 ? PARENT_INDEXED : PARENT_PLAIN;
        buffer.bytes.set(left, 0);
        buffer.bytes.set(right, HASH_BYTES);
        const view = buffer.view;
        let at = HASH_BYTES * 2;
        if (indexedParents) {
            view.setBigUint64(at, leftIndex, true);
            view.setBigUint64(at + 8, leftIndex + 1n, true);
            at += 16;
        }
        view.setBigUint64(at, lower, true);
        view.setBigUint64(at + 8, upper, true);
        return blake2b256(buffer.bytes);
    }
    const buffer = new Uint8Array(HASH_BYTES * 2 + 8 * wordCount);
    const words = indexedParents ? [leftIndex, leftIndex + 1n, lower, upper] : [lower, upper];
    let at = 0;
    for (const part of [left, right]) {
        const take = Math.min(part.byteLength, buffer.byteLength - at);
        buffer.set(part.subarray(0, take), at);
        at += take;
    }
    for (const word of words) {
        if (at >= buffer.byteLength)
            break;
        const bytes = new Uint8Array(8);
        le64Into(bytes, 0, word);
        const take = Math.min(8, buffer.byteLength - at);
        buffer.set(bytes.subarray(0, take), at);
        at += take;
    }
    return blake2b256(buffer);
}
function nextPowerOfTwo(n) {
    let p = 1;
    while (p < n)
        p *= 2;
    return p;
}
/** Sorted, range-tiled and padded leaves (sortAndStructure, merkle.go:221-263). */
function structureLeaves(leaves) {
    const hashed = leaves.map((bytes, position) => {
        const hash = msiLeafHash(bytes);
        return { hash, upper: sumFromHash(hash), position };
    });
    hashed.sort((a, b) => (a.upper < b.upper ? -1 : a.upper > b.upper ? 1 : 0));
    const nodes = [];
    let lower = 0n;
    for (const leaf of hashed) {
        nodes.push({ hash: leaf.hash, lower, upper: leaf.upper });
        lower = leaf.upper;
    }
    const padded = nextPowerOfTwo(leaves.length);
    for (let i = leaves.length; i < padded; i++) {
        const upper = (lower + 1n) & MASK64;
        nodes.push({ hash: blake2b256(String(i)), lower, upper });
        lower = upper;
    }
    return { nodes, order: hashed.map((leaf) => leaf.position) };
}
function levelUp(level, indexedParents) {
    const next = [];
    for (let i = 0; i < level.length; i += 2) {
        const left = level[i];
        const right = level[i + 1];
        const lower = left.lower;
        const upper = right.upper;
        next.push({ hash: msiParentHash(left.hash, right.hash, lower, upper, BigInt(i), indexedParents), lower, upper });
    }
    return next;
}
/**
 * Build the tree over the leaves' bytes (for relay proofs: RelayProof.Bytes, the Go-JSON without
 * the client signature). Needs at least two leaves (Go's root() panics on one; claims need ≥ 5).
 */
export function buildMsiTree(leaves, options = {}) {
    invariant(leaves.length >= 2, 'an MSI tree needs at least two leaves');
    const indexedParents = options.indexedParents ?? true;
    const { nodes, order } = structureLeaves(leaves);
    const levels = [nodes];
    while (levels[levels.length - 1].length > 1)
        levels.push(levelUp(levels[levels.length - 1], indexedParents));
    return { levels, order, leafCount: leaves.length, root: levels[levels.length - 1][0] };
}
/** The proof of the leaf at sorted position `index` (GenerateProofs, merkle.go:132-163). */
export function msiProof(tree, index) {
    invariant(Number.isInteger(index) && index >= 0 && index < tree.levels[0].length, () => `leaf index ${index} out of range`);
    const siblings = [];
    let position = index;
    for (let level = 0; level < tree.levels.length - 1; level++) {
        const nodes = tree.levels[level];
        siblings.push(position % 2 === 1 ? nodes[position - 1] : nodes[position + 1]);
        position = Math.floor(position / 2);
    }
    return { index, target: tree.levels[0][index], siblings };
}
/**
 * Number of levels a claim of `totalProofs` leaves has: ceil(log2(n)) (proof.go:121-124).
 * Examples: 5 → 3, 8 → 3, 9 → 4, 1,000 → 10.
 * DEV_NOTE: pocket-core computes math.Ceil(math.Log2(float64(n))); the float form equals this
 * exact integer form for every n below ~2^49 (a claim of 5.6·10^14 relays); above that the float
 * log can round down onto an integer. No MaxRelays reaches that far.
 */
export function msiLevelCount(totalProofs) {
    if (totalProofs <= 1n)
        return 0;
    return (totalProofs - 1n).toString(2).length;
}
const isValidRange = (node) => node.upper !== 0n && node.lower < node.upper;
const INVALID = { valid: false, replayAttack: false };
const REPLAY = { valid: false, replayAttack: true };
/**
 * MerkleProof.Validate(height, root, leaf, levels): walks `levels` siblings up from the target.
 * `index` is the proof's claimed leaf index (int64 on the wire; the caller has already required
 * it to equal the pseudorandom index, so it is non-negative here).
 */
export function verifyMsiProof(root, leafBytes, proof, levels, options = {}) {
    const indexedParents = options.indexedParents ?? true;
    if (root.lower !== 0n)
        return INVALID;
    if (!bytesEqual(proof.target.hash, msiLeafHash(leafBytes)))
        return INVALID;
    if (proof.target.upper !== sumFromHash(proof.target.hash))
        return INVALID;
    let target = proof.target;
    let index = proof.index;
    for (let level = 0; level < levels; level++) {
        if (!isValidRange(target))
            return REPLAY;
        const sibling = proof.siblings[level];
        invariant(sibling !== undefined, 'the caller checked the proof has `levels` siblings');
        if (!isValidRange(sibling))
            return REPLAY;
        if (index % 2n === 1n) {
            if (target.lower !== sibling.upper)
                return INVALID;
            const lower = sibling.lower;
            target = { hash: msiParentHash(sibling.hash, target.hash, lower, target.upper, index - 1n, indexedParents), lower, upper: target.upper };
        }
        else {
            if (target.upper !== sibling.lower)
                return INVALID;
            const upper = sibling.upper;
            target = { hash: msiParentHash(target.hash, sibling.hash, target.lower, upper, index, indexedParents), lower: target.lower, upper };
        }
        index /= 2n;
    }
    const matches = bytesEqual(root.hash, target.hash) && root.lower === target.lower && root.upper === target.upper;
    return matches ? { valid: true, replayAttack: false } : REPLAY;
}
/** A message HashRange (hex hash) as a tree node. Hex from the wire is always well-formed. */
export function nodeFromHex(range) {
    return { hash: hexToBytes(range.hashHex) ?? new Uint8Array(0), lower: range.lower, upper: range.upper };
}
/** A tree node as JSON-friendly hex + decimal strings. */
export function nodeToJson(node) {
    return { hash: bytesToHex(node.hash), lower: node.lower.toString(), upper: node.upper.toString() };
}
//# sourceMappingURL=msi-tree.js.map