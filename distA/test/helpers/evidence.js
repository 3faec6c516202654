/**
 * Double-sign evidence for test chains: two votes by one key for the same height and round but
 * different blocks, each signed over voteSignBytes (chain/block.ts) — what Tendermint puts in a
 * header as DuplicateVoteEvidence. Options make the invalid kinds (forged, same block, a round).
 */
import { voteSignBytes } from '../../src/chain/block.js';
import { bytesToHex } from '../../src/core/hex.js';
import { sign } from '../../src/crypto/ed25519.js';
import { sha256 } from '../../src/crypto/hash.js';
import { TEST_CHAIN_ID } from './chain.js';
export function vote(key, height, blockLabel, signer = key, round = 0) {
    const unsigned = { height, round, blockHash: bytesToHex(sha256(blockLabel)), timestampNs: 1000n, validatorAddress: key.address, signature: new Uint8Array(0) };
    return { ...unsigned, signature: sign(signer.seed, voteSignBytes(TEST_CHAIN_ID, unsigned)) };
}
export function evidence(key, height, options = {}) {
    return {
        publicKey: key.publicKey,
        voteA: vote(key, height, 'block-x', key, options.round),
        voteB: vote(key, height, options.sameBlock === true ? 'block-x' : 'block-y', options.forgedBy ?? key, options.round),
    };
}
//# sourceMappingURL=evidence.js.map