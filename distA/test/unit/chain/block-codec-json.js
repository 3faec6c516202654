import { bytesToHex, mustHexToBytes } from '../../../src/core/hex.js';
const voteToJson = (v) => ({ ...v, timestampNs: String(v.timestampNs), signature: bytesToHex(v.signature) });
const voteFromJson = (v) => ({ ...v, timestampNs: BigInt(v.timestampNs), validatorAddress: v.validatorAddress, signature: mustHexToBytes(v.signature) });
export function blockToJson(block) {
    const h = block.header;
    return {
        header: {
            ...h,
            timeNs: String(h.timeNs),
            lastCommit: h.lastCommit.map((c) => ({ ...c, power: String(c.power) })),
            evidence: h.evidence.map((e) => ({ publicKey: e.publicKey, voteA: voteToJson(e.voteA), voteB: voteToJson(e.voteB) })),
        },
        txs: block.txs.map(bytesToHex),
    };
}
export function blockFromJson(json) {
    const h = json.header;
    return {
        header: {
            ...h,
            timeNs: BigInt(h.timeNs),
            proposer: h.proposer,
            lastCommit: h.lastCommit.map((c) => ({ ...c, address: c.address, power: BigInt(c.power) })),
            evidence: h.evidence.map((e) => ({ publicKey: e.publicKey, voteA: voteFromJson(e.voteA), voteB: voteFromJson(e.voteB) })),
        },
        txs: json.txs.map(mustHexToBytes),
    };
}
export const recordToJson = (r) => ({
    blockBytes: bytesToHex(r.blockBytes),
    stateRootAfter: r.stateRootAfter,
    writeSet: bytesToHex(r.writeSet),
    invalidSignatures: [...(r.invalidSignatures ?? [])],
});
export const recordFromJson = (r) => ({
    blockBytes: mustHexToBytes(r.blockBytes),
    stateRootAfter: r.stateRootAfter,
    writeSet: mustHexToBytes(r.writeSet),
    invalidSignatures: r.invalidSignatures,
});
//# sourceMappingURL=block-codec-json.js.map