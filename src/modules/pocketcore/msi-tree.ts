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
import { blake2b256Block } from '../../crypto/blake2b.js';
import { blake2b256 } from '../../crypto/hash.js';

const MASK64 = (1n << 64n) - 1n;
const HASH_BYTES = 32;

/** One tree node: a hash with its [lower, upper) range (Go HashRange; uint64 bounds). */
export interface MsiNode {
  readonly hash: Uint8Array;
  readonly lower: bigint;
  readonly upper: bigint;
}

export interface MsiTree {
  /** levels[0] = sorted and padded leaves; the last level holds only the root. */
  readonly levels: ReadonlyArray<readonly MsiNode[]>;
  /** order[i] = position in the input of the leaf at sorted position i (i < leafCount). */
  readonly order: readonly number[];
  readonly leafCount: number;
  readonly root: MsiNode;
}

/** A proof of one leaf: its sorted position, its node, and the sibling at each level (bottom-up). */
export interface MsiProof {
  readonly index: number;
  readonly target: MsiNode;
  readonly siblings: readonly MsiNode[];
}

export interface MsiOptions {
  /** Include the children's positions in parent hashes (after the codec upgrade). Default true. */
  readonly indexedParents?: boolean;
}

function le64Into(out: Uint8Array, offset: number, value: bigint): void {
  new DataView(out.buffer, out.byteOffset + offset, 8).setBigUint64(0, value & MASK64, true);
}

/** uint64 little-endian of hash[0:8] (sumFromHash, merkle.go:115-117). */
export function sumFromHash(hash: Uint8Array): bigint {
  return new DataView(hash.buffer, hash.byteOffset, 8).getBigUint64(0, true);
}

/** Leaf node of the given bytes (range lower still 0; sortAndStructure sets it). */
export function msiLeafHash(leafBytes: Uint8Array | string): Uint8Array {
  return blake2b256(leafBytes);
}

/**
 * parentHash (merkle.go:166-171): blake2b over MultiAppend(fixed buffer, h1, h2, [LE64 i1, LE64 i2],
 * LE64 lower, LE64 upper). The buffer has room for two 32-byte hashes; longer inputs are cut at
 * its end and shorter ones shift what follows, exactly like Go's copy into the buffer.
 */
export function msiParentHash(left: Uint8Array, right: Uint8Array, lower: bigint, upper: bigint, leftIndex: bigint, indexedParents: boolean): Uint8Array {
  const wordCount = indexedParents ? 4 : 2;
  // The only shape an honest proof has: hashed in BLAKE2b's scratch, then copied out.
  if (left.byteLength === HASH_BYTES && right.byteLength === HASH_BYTES) return honestParentInScratch(left, right, lower, upper, leftIndex, indexedParents).slice();
  const buffer = new Uint8Array(HASH_BYTES * 2 + 8 * wordCount);
  const words: bigint[] = indexedParents ? [leftIndex, leftIndex + 1n, lower, upper] : [lower, upper];
  let at = 0;
  for (const part of [left, right]) {
    const take = Math.min(part.byteLength, buffer.byteLength - at);
    buffer.set(part.subarray(0, take), at);
    at += take;
  }
  for (const word of words) {
    if (at >= buffer.byteLength) break;
    const bytes = new Uint8Array(8);
    le64Into(bytes, 0, word);
    const take = Math.min(8, buffer.byteLength - at);
    buffer.set(bytes.subarray(0, take), at);
    at += take;
  }
  return blake2b256(buffer);
}

function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

/** Sorted, range-tiled and padded leaves (sortAndStructure, merkle.go:221-263). */
function structureLeaves(leaves: ReadonlyArray<Uint8Array | string>): { nodes: MsiNode[]; order: number[] } {
  const hashed = leaves.map((bytes, position) => {
    const hash = msiLeafHash(bytes);
    return { hash, upper: sumFromHash(hash), position };
  });
  hashed.sort((a, b) => (a.upper < b.upper ? -1 : a.upper > b.upper ? 1 : 0));
  const nodes: MsiNode[] = [];
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

function levelUp(level: readonly MsiNode[], indexedParents: boolean): MsiNode[] {
  const next: MsiNode[] = [];
  for (let i = 0; i < level.length; i += 2) {
    const left = level[i]!;
    const right = level[i + 1]!;
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
export function buildMsiTree(leaves: ReadonlyArray<Uint8Array | string>, options: MsiOptions = {}): MsiTree {
  invariant(leaves.length >= 2, 'an MSI tree needs at least two leaves');
  const indexedParents = options.indexedParents ?? true;
  const { nodes, order } = structureLeaves(leaves);
  const levels: MsiNode[][] = [nodes];
  while (levels[levels.length - 1]!.length > 1) levels.push(levelUp(levels[levels.length - 1]!, indexedParents));
  return { levels, order, leafCount: leaves.length, root: levels[levels.length - 1]![0]! };
}

/** The proof of the leaf at sorted position `index` (GenerateProofs, merkle.go:132-163). */
export function msiProof(tree: MsiTree, index: number): MsiProof {
  invariant(Number.isInteger(index) && index >= 0 && index < tree.levels[0]!.length, () => `leaf index ${index} out of range`);
  const siblings: MsiNode[] = [];
  let position = index;
  for (let level = 0; level < tree.levels.length - 1; level++) {
    const nodes = tree.levels[level]!;
    siblings.push(position % 2 === 1 ? nodes[position - 1]! : nodes[position + 1]!);
    position = Math.floor(position / 2);
  }
  return { index, target: tree.levels[0]![index]!, siblings };
}

/**
 * Number of levels a claim of `totalProofs` leaves has: ceil(log2(n)) (proof.go:121-124).
 * Examples: 5 → 3, 8 → 3, 9 → 4, 1,000 → 10.
 * DEV_NOTE: pocket-core computes math.Ceil(math.Log2(float64(n))); the float form equals this
 * exact integer form for every n below ~2^49 (a claim of 5.6·10^14 relays); above that the float
 * log can round down onto an integer. No MaxRelays reaches that far.
 */
export function msiLevelCount(totalProofs: bigint): number {
  if (totalProofs <= 1n) return 0;
  return (totalProofs - 1n).toString(2).length;
}

const isValidRange = (node: MsiNode): boolean => node.upper !== 0n && node.lower < node.upper;

export interface MsiVerdict {
  readonly valid: boolean;
  readonly replayAttack: boolean;
}

const INVALID: MsiVerdict = { valid: false, replayAttack: false };
const REPLAY: MsiVerdict = { valid: false, replayAttack: true };

/**
 * MerkleProof.Validate(height, root, leaf, levels): walks `levels` siblings up from the target.
 * `index` is the proof's claimed leaf index (int64 on the wire; the caller has already required
 * it to equal the pseudorandom index, so it is non-negative here).
 */
export function verifyMsiProof(
  root: MsiNode,
  leafBytes: Uint8Array | string,
  proof: { readonly index: bigint; readonly target: MsiNode; readonly siblings: readonly MsiNode[] },
  levels: number,
  options: MsiOptions = {},
): MsiVerdict {
  const indexedParents = options.indexedParents ?? true;
  if (root.lower !== 0n) return INVALID;
  if (!bytesEqual(proof.target.hash, msiLeafHash(leafBytes))) return INVALID;
  if (proof.target.upper !== sumFromHash(proof.target.hash)) return INVALID;
  // The running node, unpacked: no object per level. `hash` becomes a view of BLAKE2b's scratch
  // output after the first honest-shape level (walkParentHash); it is only read before the next hash.
  let hash = proof.target.hash;
  let lower = proof.target.lower;
  let upper = proof.target.upper;
  // PERF: the index as a number while it is a safe non-negative integer (any claim of fewer than
  // 2^53 relays): bigint arithmetic allocated four values per level. Beyond, bigint as before.
  let index: number | bigint = proof.index >= 0n && proof.index <= MAX_SAFE_INDEX ? Number(proof.index) : proof.index;
  for (let level = 0; level < levels; level++) {
    if (upper === 0n || lower >= upper) return REPLAY; // isValidRange(target)
    const sibling = proof.siblings[level];
    invariant(sibling !== undefined, 'the caller checked the proof has `levels` siblings');
    if (!isValidRange(sibling)) return REPLAY;
    if (typeof index === 'number' ? index % 2 === 1 : index % 2n === 1n) {
      if (lower !== sibling.upper) return INVALID;
      lower = sibling.lower;
      hash = walkParentHash(sibling.hash, hash, lower, upper, typeof index === 'number' ? index - 1 : index - 1n, indexedParents);
    } else {
      if (upper !== sibling.lower) return INVALID;
      upper = sibling.upper;
      hash = walkParentHash(hash, sibling.hash, lower, upper, index, indexedParents);
    }
    index = typeof index === 'number' ? Math.floor(index / 2) : index / 2n;
  }
  const matches = bytesEqual(root.hash, hash) && root.lower === lower && root.upper === upper;
  return matches ? { valid: true, replayAttack: false } : REPLAY;
}

const MAX_SAFE_INDEX = BigInt(Number.MAX_SAFE_INTEGER);
const TWO_32 = 0x1_0000_0000;

/** msiParentHash for the walk: honest shapes stay in BLAKE2b's scratch (honestParentInScratch). */
function walkParentHash(left: Uint8Array, right: Uint8Array, lower: bigint, upper: bigint, leftIndex: number | bigint, indexedParents: boolean): Uint8Array {
  if (left.byteLength !== HASH_BYTES || right.byteLength !== HASH_BYTES) return msiParentHash(left, right, lower, upper, BigInt(leftIndex), indexedParents);
  return honestParentInScratch(left, right, lower, upper, leftIndex, indexedParents);
}

/**
 * The parent hash of two 32-byte children: left ‖ right ‖ [LE64 i ‖ LE64 i+1] ‖ LE64 lower ‖
 * LE64 upper, written straight into BLAKE2b's one-block scratch (blake2b256Block) and hashed
 * there. Returns the scratch output view, valid until the next BLAKE2b call on this thread.
 * PERF: the walk feeds it to the next level without a copy (the next call copies it into its
 * input first, which is what makes passing the view as `left` or `right` safe); msiParentHash
 * slices it. setBigUint64 stores modulo 2^64, which is Go's uint64 wrap.
 */
function honestParentInScratch(left: Uint8Array, right: Uint8Array, lower: bigint, upper: bigint, leftIndex: number | bigint, indexedParents: boolean): Uint8Array {
  const { input, inputView, output } = blake2b256Block;
  input.set(left, 0);
  input.set(right, HASH_BYTES);
  let at = HASH_BYTES * 2;
  if (indexedParents) {
    if (typeof leftIndex === 'number') {
      // LE64 of a safe non-negative integer as two 32-bit halves (leftIndex + 1 ≤ 2^53 is exact).
      inputView.setUint32(at, leftIndex % TWO_32, true);
      inputView.setUint32(at + 4, Math.floor(leftIndex / TWO_32), true);
      inputView.setUint32(at + 8, (leftIndex + 1) % TWO_32, true);
      inputView.setUint32(at + 12, Math.floor((leftIndex + 1) / TWO_32), true);
    } else {
      inputView.setBigUint64(at, leftIndex, true);
      inputView.setBigUint64(at + 8, leftIndex + 1n, true);
    }
    at += 16;
  }
  inputView.setBigUint64(at, lower, true);
  inputView.setBigUint64(at + 8, upper, true);
  blake2b256Block.digest(at + 16);
  return output;
}

/** A message HashRange (hex hash) as a tree node. Hex from the wire is always well-formed. */
export function nodeFromHex(range: { readonly hashHex: string; readonly lower: bigint; readonly upper: bigint }): MsiNode {
  return { hash: hexToBytes(range.hashHex) ?? new Uint8Array(0), lower: range.lower, upper: range.upper };
}

/** A tree node as JSON-friendly hex + decimal strings. */
export function nodeToJson(node: MsiNode): { hash: string; lower: string; upper: string } {
  return { hash: bytesToHex(node.hash), lower: node.lower.toString(), upper: node.upper.toString() };
}
