/**
 * Goal: blocks encode, decode and hash deterministically; the tx root is RFC 6962 over tx hashes
 * (Tendermint's Txs.Hash); malformed block bytes are a coded error, not a crash.
 * Method: round trips of headers with every field set; the iterative tx root against a direct
 * recursive statement of RFC 6962 §2.1 for 1..80 leaves; truncations of an encoded block.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { blockHash, BlockDecodeError, decodeBlock, encodeBlock, encodeHeader, txRoot, txRootFromHashes, voteSignBytes } from '../../../src/chain/block.js';
import { bytesToHex, concatBytes } from '../../../src/core/hex.js';
import { sha256 } from '../../../src/crypto/hash.js';
const addr = (n) => n.toString(16).padStart(40, '0');
const sample = {
    header: {
        chainId: 'mainnet',
        height: 41144,
        timeNs: 1600000000123456789n,
        prevBlockHash: 'ab'.repeat(32),
        proposer: addr(7),
        lastCommit: [
            { address: addr(1), power: 15000n, signed: true },
            { address: addr(2), power: 20000n, signed: false },
        ],
        evidence: [
            {
                publicKey: 'cd'.repeat(32),
                voteA: { height: 41142, round: 0, blockHash: '01'.repeat(32), timestampNs: 5n, validatorAddress: addr(2), signature: new Uint8Array(64).fill(1) },
                voteB: { height: 41142, round: 0, blockHash: '02'.repeat(32), timestampNs: 6n, validatorAddress: addr(2), signature: new Uint8Array(64).fill(2) },
            },
        ],
        txRoot: txRoot([Uint8Array.of(1, 2, 3)]),
        appHash: 'ef'.repeat(32),
    },
    txs: [Uint8Array.of(1, 2, 3)],
};
/** RFC 6962 §2.1, stated recursively: MTH(D[n]) = SHA-256(0x01 ‖ MTH(D[0:k]) ‖ MTH(D[k:n])). */
function rfc6962(leaves) {
    if (leaves.length === 0)
        return sha256(new Uint8Array(0));
    if (leaves.length === 1)
        return sha256(concatBytes(Uint8Array.of(0), leaves[0]));
    let k = 1;
    while (k * 2 < leaves.length)
        k *= 2;
    return sha256(concatBytes(Uint8Array.of(1), rfc6962(leaves.slice(0, k)), rfc6962(leaves.slice(k))));
}
/** Comparable form: bytes as hex (decoding yields Buffer views, the sample holds Uint8Arrays). */
function plain(value) {
    // `this[key]` is the value before Buffer#toJSON runs (the replacer only sees its output).
    return JSON.parse(JSON.stringify(value, function (key, item) {
        const original = this[key];
        if (original instanceof Uint8Array)
            return bytesToHex(original);
        return typeof item === 'bigint' ? `${item}n` : item;
    }));
}
const blocks = suite('chain: block codec and hashes');
blocks('encode → decode → encode is the identity, and the hash is SHA-256 of the header bytes', () => {
    const bytes = encodeBlock(sample);
    const decoded = decodeBlock(bytes);
    assert.equal(plain(decoded.block), plain(sample));
    assert.is(bytesToHex(encodeBlock(decoded.block)), bytesToHex(bytes));
    assert.is(blockHash(sample.header), bytesToHex(sha256(decoded.headerBytes)));
    assert.is(bytesToHex(decoded.headerBytes), bytesToHex(encodeHeader(sample.header)));
});
blocks('any header change changes the block hash', () => {
    const base = blockHash(sample.header);
    assert.is.not(blockHash({ ...sample.header, height: 41145 }), base);
    assert.is.not(blockHash({ ...sample.header, timeNs: sample.header.timeNs + 1n }), base);
    assert.is.not(blockHash({ ...sample.header, lastCommit: [{ ...sample.header.lastCommit[0], signed: false }, sample.header.lastCommit[1]] }), base);
});
blocks('tx root equals RFC 6962 over the tx hashes for 0..80 txs', () => {
    for (let n = 0; n <= 80; n++) {
        const hashes = Array.from({ length: n }, (_, i) => sha256(`tx-${i}`));
        assert.is(txRootFromHashes(hashes), bytesToHex(rfc6962(hashes)), `n = ${n}`);
    }
    assert.is(txRoot([]), bytesToHex(sha256(new Uint8Array(0))));
});
blocks('vote sign bytes bind the chain id', () => {
    const vote = sample.header.evidence[0].voteA;
    assert.is.not(bytesToHex(voteSignBytes('mainnet', vote)), bytesToHex(voteSignBytes('testnet', vote)));
});
blocks('truncated or foreign bytes throw BlockDecodeError, never anything else', () => {
    const bytes = encodeBlock(sample);
    for (let cut = 0; cut < bytes.length; cut++) {
        try {
            decodeBlock(bytes.subarray(0, cut));
        }
        catch (error) {
            assert.instance(error, BlockDecodeError, `cut at ${cut}`);
        }
    }
    assert.throws(() => decodeBlock(Uint8Array.of(0xff, 0xff, 0xff)), (e) => e instanceof BlockDecodeError);
});
blocks.run();
//# sourceMappingURL=block.test.js.map