/**
 * Claim evidence at mainnet volume: the Merkle sum tree over a claim's relays, built from a
 * compact job description, in worker threads when a pool is given.
 *
 * A relay proof's leaf is its Go-JSON WITHOUT the client signature (relayProofBytes), so the tree
 * needs no signature at all: only the one leaf a proof opens is signed, by the app's client, when
 * the proof is made (as a real servicer's stored relays are signed by the client but only one is
 * ever sent). The leaves of one claim differ only in entropy (i + 1) and request hash
 * (REQUEST_PREFIX(job) ‖ 16 hex digits of i), so they are written from a template; the first
 * leaf of every job is checked against relayProofBytes, so the template cannot drift from it.
 *
 * A tree is kept packed (PackedTree): per level, 48 bytes a node (32 hash, LE64 lower, LE64
 * upper), plus the sorted order of the leaves — ~100 bytes a relay, transferable between threads.
 */
import { bytesToHex } from '../../core/hex.js';
import { sha256 } from '../../crypto/hash.js';
import { relayProofBytes } from '../../messages/index.js';
import { buildMsiTree } from '../../modules/pocketcore/index.js';
const NODE_BYTES = 48;
/** 48 hex digits of SHA-256(session, servicer, chain, token): the claim's own request-hash prefix. */
function requestPrefix(job) {
    return bytesToHex(sha256(`mainnet-shaped relays|${job.sessionHeight}|${job.servicerPublicKey}|${job.chain}|${job.token}`)).slice(0, 48);
}
/** The relay proof (unsigned) of relay `i` of the job. */
export function relayOf(job, i) {
    return {
        requestHash: requestPrefix(job) + i.toString(16).padStart(16, '0'),
        entropy: BigInt(i + 1),
        sessionBlockHeight: BigInt(job.sessionHeight),
        servicerPublicKey: job.servicerPublicKey,
        blockchain: job.chain,
        aat: job.aat,
        signature: '',
    };
}
function leafTexts(job) {
    const prefix = requestPrefix(job);
    const head = `,"session_block_height":${job.sessionHeight},"servicer_pub_key":"${job.servicerPublicKey}","blockchain":"${job.chain}","signature":"","token":"${job.token}","request_hash":"${prefix}`;
    const leaves = new Array(job.relays);
    for (let i = 0; i < job.relays; i++)
        leaves[i] = `{"entropy":${i + 1}${head}${i.toString(16).padStart(16, '0')}"}`;
    if (leaves[0] !== relayProofBytes(relayOf(job, 0)))
        throw new Error('mainnet-shaped evidence: the leaf template no longer matches relayProofBytes');
    return leaves;
}
function pack(tree) {
    const levels = tree.levels.map((level) => {
        const out = new Uint8Array(level.length * NODE_BYTES);
        const view = new DataView(out.buffer);
        level.forEach((node, i) => {
            out.set(node.hash, i * NODE_BYTES);
            view.setBigUint64(i * NODE_BYTES + 32, node.lower, true);
            view.setBigUint64(i * NODE_BYTES + 40, node.upper, true);
        });
        return out;
    });
    return { levels, order: Uint32Array.from(tree.order), leafCount: tree.leafCount };
}
export function buildTree(job) {
    return pack(buildMsiTree(leafTexts(job)));
}
/** The node at `position` of `level` as a message hash range. */
export function rangeAt(tree, level, position) {
    const bytes = tree.levels[level];
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const at = position * NODE_BYTES;
    return { hash: bytesToHex(bytes.subarray(at, at + 32)), lower: view.getBigUint64(at + 32, true), upper: view.getBigUint64(at + 40, true) };
}
export function rootOf(tree) {
    return rangeAt(tree, tree.levels.length - 1, 0);
}
/** Siblings bottom-up of the leaf at sorted position `index` (GenerateProofs). */
export function siblingsOf(tree, index) {
    const siblings = [];
    let position = index;
    for (let level = 0; level < tree.levels.length - 1; level++) {
        siblings.push(rangeAt(tree, level, position % 2 === 1 ? position - 1 : position + 1));
        position = Math.floor(position / 2);
    }
    return siblings;
}
//# sourceMappingURL=evidence.js.map