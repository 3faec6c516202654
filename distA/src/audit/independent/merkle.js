/**
 * The Merkle sum-index proof walk, written from PROTOCOL §4.2 (pocket-core
 * x/pocketcore/types/merkle.go:56-112 `MerkleProof.Validate`, checked against RC-0.12.0).
 * A node is {hash (32 bytes), lower, upper}; hashes are BLAKE2b-256.
 *
 *   1. root.lower ≠ 0, target.hash ≠ blake2b(leaf bytes), or target.upper ≠ LE64(target.hash[0:8])
 *      → invalid (not a replay attack);
 *   2. per level k < levels: an invalid range (upper = 0 or lower ≥ upper) on the target or the
 *      sibling → invalid AND replay attack; an odd index needs target.lower = sibling.upper
 *      (parent = [sibling.lower, target.upper], hash of sibling‖target), an even one
 *      target.upper = sibling.lower (parent = [target.lower, sibling.upper], hash of
 *      target‖sibling), else invalid; index halves;
 *   3. the result equal to the root → valid; otherwise invalid AND replay attack.
 * Parent hash = blake2b(left ‖ right ‖ LE64(i) ‖ LE64(i + 1) ‖ LE64(lower) ‖ LE64(upper)), i the
 * left child's position within its level (the ledger treats [CODEC] as active from genesis).
 *
 * Worked example (2 levels, index 2): target [a, b) at 2 is even → sibling 3 must start at b;
 * parent at level 1 index 1 is odd → its sibling (level 1, index 0) must end at a.
 */
import { blake2b256 } from '../../crypto/hash.js';
const INVALID = { valid: false, replayAttack: false };
const REPLAY = { valid: false, replayAttack: true };
/** ceil(log2(n)) for n ≥ 1: the levels of a tree of n leaves (pocket-core: math.Ceil(math.Log2(float64(n)))). */
export function levelsFor(leaves) {
    let levels = 0;
    while (1n << BigInt(levels) < leaves)
        levels++;
    return levels;
}
export function verifyMsiProof(root, leafBytes, index, target, siblings, levels) {
    if (root.lower !== 0n)
        return INVALID;
    if (!sameBytes(target.hash, blake2b256(leafBytes)) || target.upper !== le64At(target.hash))
        return INVALID;
    let node = target;
    let position = index;
    for (let level = 0; level < levels; level++) {
        const sibling = siblings[level];
        if (!validRange(node) || sibling === undefined || !validRange(sibling))
            return REPLAY;
        const odd = position % 2n === 1n;
        if (odd ? node.lower !== sibling.upper : node.upper !== sibling.lower)
            return INVALID;
        const [left, right] = odd ? [sibling, node] : [node, sibling];
        const lower = odd ? sibling.lower : node.lower;
        const upper = odd ? node.upper : sibling.upper;
        const leftIndex = odd ? position - 1n : position;
        node = { hash: parentHash(left.hash, right.hash, leftIndex, lower, upper), lower, upper };
        position /= 2n;
    }
    return node.lower === root.lower && node.upper === root.upper && sameBytes(node.hash, root.hash) ? { valid: true, replayAttack: false } : REPLAY;
}
/** uint64 little-endian of the first 8 bytes (sumFromHash). */
function le64At(hash) {
    return new DataView(hash.buffer, hash.byteOffset, 8).getBigUint64(0, true);
}
function validRange(node) {
    return node.upper !== 0n && node.lower < node.upper;
}
/** Hashes are concatenated as they are (a sibling's hash of another length included, as Go's append does). */
function parentHash(left, right, leftIndex, lower, upper) {
    const numbers = new DataView(new ArrayBuffer(32));
    numbers.setBigUint64(0, BigInt.asUintN(64, leftIndex), true);
    numbers.setBigUint64(8, BigInt.asUintN(64, leftIndex + 1n), true);
    numbers.setBigUint64(16, lower, true);
    numbers.setBigUint64(24, upper, true);
    return blake2b256(Buffer.concat([left, right, new Uint8Array(numbers.buffer)]));
}
function sameBytes(a, b) {
    return a.length === b.length && a.every((byte, i) => byte === b[i]);
}
//# sourceMappingURL=merkle.js.map