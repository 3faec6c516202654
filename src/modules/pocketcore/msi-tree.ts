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
import { bytesToHex, hexEqualsBytes, hexInto, hexToBytes } from '../../core/hex.js';
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

const isValidRange = (node: { readonly lower: bigint; readonly upper: bigint }): boolean => node.upper !== 0n && node.lower < node.upper;

export interface MsiVerdict {
  readonly valid: boolean;
  readonly replayAttack: boolean;
}

const INVALID: MsiVerdict = { valid: false, replayAttack: false };
const REPLAY: MsiVerdict = { valid: false, replayAttack: true };

/**
 * A node as a message carries it (HashRange): the hash as hex, which the wire decoder rendered
 * from the node's bytes (so lowercase and well-formed; a hand-built message may hold anything).
 * Its bytes are hexToBytes(hashHex), or none at all when that fails.
 */
export interface MsiHexNode {
  readonly hashHex: string;
  readonly lower: bigint;
  readonly upper: bigint;
}

/** A proof as MsgProof carries it: the claimed leaf index, the target and the siblings (bottom-up). */
export interface MsiHexProof {
  readonly index: bigint;
  readonly target: MsiHexNode;
  readonly siblings: readonly MsiHexNode[];
}

/**
 * MerkleProof.Validate(height, root, leaf, levels): walks `levels` siblings up from the target.
 * `index` is the proof's claimed leaf index (int64 on the wire; the caller has already required
 * it to equal the pseudorandom index, so it is non-negative here). Nodes come as the message
 * holds them (hex hashes); every comparison and hash is over their bytes, as in pocket-core.
 * PERF: no node is turned into bytes first: a 64-digit sibling hash is decoded straight into
 * BLAKE2b's scratch (hexParentHash). Turning each proof's 14 nodes into byte nodes cost more
 * than the whole walk (bench/NOTES.md, proofs).
 */
export function verifyMsiProof(root: MsiHexNode, leafBytes: Uint8Array | string, proof: MsiHexProof, levels: number, options: MsiOptions = {}): MsiVerdict {
  const indexedParents = options.indexedParents ?? true;
  if (root.lower !== 0n) return INVALID;
  const leafHash = msiLeafHash(leafBytes);
  if (!hexEqualsBytes(proof.target.hashHex, leafHash)) return INVALID;
  // The target's bytes are the leaf hash's (just checked), so its sum is the leaf hash's.
  if (proof.target.upper !== sumFromHash(leafHash)) return INVALID;
  // The running node, unpacked: no object per level. `hash` is always 32 bytes (the leaf hash,
  // then parent digests); after the first honest-shape level it is a view of BLAKE2b's scratch
  // output (hexParentHash), only read before the next hash.
  let hash = leafHash;
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
      hash = hexParentHash(sibling.hashHex, hash, true, lower, upper, typeof index === 'number' ? index - 1 : index - 1n, indexedParents);
    } else {
      if (upper !== sibling.lower) return INVALID;
      upper = sibling.upper;
      hash = hexParentHash(sibling.hashHex, hash, false, lower, upper, index, indexedParents);
    }
    index = typeof index === 'number' ? Math.floor(index / 2) : index / 2n;
  }
  const matches = hexEqualsBytes(root.hashHex, hash) && root.lower === lower && root.upper === upper;
  return matches ? { valid: true, replayAttack: false } : REPLAY;
}

const MAX_SAFE_INDEX = BigInt(Number.MAX_SAFE_INTEGER);
const TWO_32 = 0x1_0000_0000;

/**
 * The parent of the running 32-byte `hash` and a sibling given as hex (on the left when
 * `siblingIsLeft`). The honest shape — a 64-digit hex sibling — is decoded straight into
 * BLAKE2b's scratch beside the running hash and hashed there (digestParentInScratch); any other
 * sibling (another length, or not hex: then no bytes, MsiHexNode) goes through msiParentHash,
 * which packs odd lengths as Go does.
 * DEV_NOTE: `hash` may be the scratch output view; it is copied into the input before anything
 * hashes, and the sibling is decoded into the other half of the input, so neither overwrites it.
 */
function hexParentHash(siblingHex: string, hash: Uint8Array, siblingIsLeft: boolean, lower: bigint, upper: bigint, leftIndex: number | bigint, indexedParents: boolean): Uint8Array {
  const { input } = blake2b256Block;
  const siblingAt = siblingIsLeft ? 0 : HASH_BYTES;
  if (siblingHex.length === 2 * HASH_BYTES && hash.byteLength === HASH_BYTES && hexInto(siblingHex, input, siblingAt)) {
    input.set(hash, HASH_BYTES - siblingAt);
    return digestParentInScratch(lower, upper, leftIndex, indexedParents);
  }
  const sibling = hexToBytes(siblingHex) ?? new Uint8Array(0);
  const [left, right] = siblingIsLeft ? [sibling, hash] : [hash, sibling];
  return msiParentHash(left, right, lower, upper, BigInt(leftIndex), indexedParents);
}

/**
 * The parent hash of two 32-byte children: left ‖ right ‖ [LE64 i ‖ LE64 i+1] ‖ LE64 lower ‖
 * LE64 upper, written straight into BLAKE2b's one-block scratch (blake2b256Block) and hashed
 * there. Returns the scratch output view, valid until the next BLAKE2b call on this thread
 * (msiParentHash slices it; the walk's hexParentHash feeds it to the next level as it is).
 * Both children are copied into the input before the digest, which is what makes passing the
 * output view as `left` or `right` safe. setBigUint64 stores modulo 2^64, which is Go's uint64 wrap.
 */
function honestParentInScratch(left: Uint8Array, right: Uint8Array, lower: bigint, upper: bigint, leftIndex: number | bigint, indexedParents: boolean): Uint8Array {
  const { input } = blake2b256Block;
  input.set(left, 0);
  input.set(right, HASH_BYTES);
  return digestParentInScratch(lower, upper, leftIndex, indexedParents);
}

/** The rest of a parent hash, once both children are in the scratch input: the words, then the digest. */
function digestParentInScratch(lower: bigint, upper: bigint, leftIndex: number | bigint, indexedParents: boolean): Uint8Array {
  const { inputView, output } = blake2b256Block;
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

/** A tree node in the form messages carry (what MsgProof and MsgClaim hold). */
export function hexNodeOf(node: MsiNode): MsiHexNode {
  return { hashHex: bytesToHex(node.hash), lower: node.lower, upper: node.upper };
}

/** A proof (msiProof) in the form MsgProof carries it. */
export function hexProofOf(proof: MsiProof): MsiHexProof {
  return { index: BigInt(proof.index), target: hexNodeOf(proof.target), siblings: proof.siblings.map(hexNodeOf) };
}

/** A tree node as JSON-friendly hex + decimal strings. */
export function nodeToJson(node: MsiNode): { hash: string; lower: string; upper: string } {
  return { hash: bytesToHex(node.hash), lower: node.lower.toString(), upper: node.upper.toString() };
}
