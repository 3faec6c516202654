/**
 * Tendermint's TxProof, what `prove: true` adds to tx, blocktxs and accounttxs answers
 * (pokt-network/tendermint 59310158, pocket-core's go.mod:5: rpc/core/tx.go Tx and TxSearch call
 * `block.Data.Txs.Proof(index)`, types/tx.go:68-88), as encoding/json writes it:
 *
 *   {root_hash: HexBytes (upper hex), data: the tx (base64),
 *    proof: {total, index, leaf_hash (base64), aunts: [base64…] ([] for a block of one tx)}}
 *
 * The tree is the block's tx root (chain/block.ts txRoot): leaves SHA-256(0x00 ‖ SHA-256(tx)),
 * nodes SHA-256(0x01 ‖ left ‖ right); the aunts run from the leaf's sibling up to a child of the
 * root (crypto/merkle/simple_proof.go:26-31, FlattenAunts :193-208). Built level by level, pairing
 * left to right and carrying an odd last node up without an aunt — the same tree as Tendermint's
 * split at the largest power of two below n. Example: 3 txs → tx 2's aunts are [node(leaf0, leaf1)].
 */
import { createHash } from 'node:crypto';

export interface TxProofJson {
  readonly root_hash: string;
  readonly data: string | null;
  readonly proof: { readonly total: number; readonly index: number; readonly leaf_hash: string | null; readonly aunts: readonly string[] | null };
}

/** The zero TxProof pocket-core writes when `prove` is false (Go's nil slices are null). */
export const EMPTY_TX_PROOF: TxProofJson = { root_hash: '', data: null, proof: { total: 0, index: 0, leaf_hash: null, aunts: null } };

const sha256 = (...parts: Uint8Array[]): Buffer => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
};
const LEAF = Uint8Array.of(0);
const INNER = Uint8Array.of(1);

/**
 * The proofs of a block's txs, from their hashes in index order (hex, either case: the projection
 * keeps them, so no tx body is read): the tree is built once, then each tx's proof reads its path
 * (a page proves up to 1,000 txs). `raw` is the proven tx's bytes (TxProof.data).
 */
export function blockTxProofs(txHashes: readonly string[]): (index: number, raw: Uint8Array) => TxProofJson {
  const levels: Buffer[][] = [txHashes.map((hash) => sha256(LEAF, Buffer.from(hash, 'hex')))];
  while (levels[levels.length - 1]!.length > 1) levels.push(parentLevel(levels[levels.length - 1]!));
  const root = levels[levels.length - 1]![0]!.toString('hex').toUpperCase();
  return (index, raw) => {
    const aunts: string[] = [];
    let position = index;
    for (const level of levels.slice(0, -1)) {
      const sibling = position ^ 1;
      if (sibling < level.length) aunts.push(level[sibling]!.toString('base64'));
      position >>= 1;
    }
    return {
      root_hash: root,
      data: Buffer.from(raw).toString('base64'),
      proof: { total: txHashes.length, index, leaf_hash: levels[0]![index]!.toString('base64'), aunts },
    };
  };
}

/** Pairs left to right; an odd last node is carried up unchanged. */
function parentLevel(level: readonly Buffer[]): Buffer[] {
  const parents: Buffer[] = [];
  for (let i = 0; i + 1 < level.length; i += 2) parents.push(sha256(INNER, level[i]!, level[i + 1]!));
  if (level.length % 2 === 1) parents.push(level[level.length - 1]!);
  return parents;
}
