/**
 * Protobuf encoders for every message, the inverse of decode-msgs.ts, writing what gogoproto's
 * generated Marshal writes (rules in proto-writer.ts). For a canonically encoded message,
 * encode(decode(bytes)) === bytes; BigInt text is written as given (pocket-core would write
 * the decimal value: identical for canonical text, which validateBasic insists on), and an
 * absent BigInt is written as "0" as Go does.
 */
import { unreachable } from '../core/assert.js';
import { ProtoWriter } from './proto-writer.js';
/** customtype BigInt: always present; Go writes "0" for an unset value (types/int.go:364-372), ts-proto the text as is. */
function bigInt(w, fieldNumber, text) {
    w.stringAlways(fieldNumber, text === '' && w.style === 'gogoproto' ? '0' : text);
}
function hashRange(w, range) {
    w.hex(1, range.hash);
    w.message(2, (inner) => inner.varint(1, range.lower).varint(2, range.upper));
}
function aat(w, token) {
    w.string(1, token.version).string(2, token.appPublicKey).string(3, token.clientPublicKey).string(4, token.signature);
}
function relayProof(w, proof) {
    w.string(1, proof.requestHash)
        .varint(2, proof.entropy)
        .varint(3, proof.sessionBlockHeight)
        .string(4, proof.servicerPublicKey)
        .string(5, proof.blockchain)
        .message(6, (inner) => aat(inner, proof.aat))
        .string(7, proof.signature);
}
function relayResponse(w, response) {
    w.string(1, response.signature).string(2, response.payload);
    w.message(3, (inner) => relayProof(inner, response.proof));
}
function leaf(w, value) {
    switch (value.kind) {
        case 'none':
            return;
        case 'relay':
            w.message(1, (inner) => relayProof(inner, value.proof));
            return;
        case 'challenge':
            w.message(2, (inner) => {
                for (const response of value.proof.majorityResponses)
                    inner.message(1, (item) => relayResponse(item, response));
                inner.message(2, (item) => relayResponse(item, value.proof.minorityResponse));
                inner.hex(3, value.proof.reporterAddress);
            });
            return;
        default:
            unreachable(value, 'leaf');
    }
}
/** The proto bytes of a message (the value of its Any). */
export function encodeMessageValue(msg, style = 'gogoproto') {
    const w = new ProtoWriter(style);
    switch (msg.kind) {
        case 'Send':
            w.hex(1, msg.fromAddress).hex(2, msg.toAddress);
            bigInt(w, 3, msg.amount);
            break;
        case 'StakeNode':
            w.hex(1, msg.publicKey);
            for (const chain of msg.chains)
                w.stringAlways(2, chain);
            bigInt(w, 3, msg.value);
            w.string(4, msg.serviceUrl).hex(5, msg.outputAddress);
            for (const [key, share] of msg.rewardDelegators ?? [])
                w.message(6, (entry) => entry.stringAlways(1, key).uint32Always(2, share));
            break;
        case 'BeginUnstakeNode':
        case 'UnjailNode':
            w.hex(1, msg.validatorAddress).hex(2, msg.signerAddress);
            break;
        case 'StakeApp':
            w.hex(1, msg.publicKey);
            for (const chain of msg.chains)
                w.stringAlways(2, chain);
            bigInt(w, 3, msg.value);
            break;
        case 'BeginUnstakeApp':
        case 'UnjailApp':
            w.hex(1, msg.applicationAddress);
            break;
        case 'Claim':
            w.message(1, (header) => header.string(1, msg.header.appPublicKey).string(2, msg.header.chain).varint(3, msg.header.sessionHeight));
            w.message(2, (root) => hashRange(root, msg.merkleRoot));
            w.varint(3, msg.totalProofs).hex(4, msg.fromAddress).varint(5, msg.evidenceType).varint(6, msg.expirationHeight);
            break;
        case 'Proof':
            w.message(1, (proof) => {
                proof.varint(1, msg.merkleProof.index);
                for (const range of msg.merkleProof.hashRanges)
                    proof.message(2, (inner) => hashRange(inner, range));
                proof.message(3, (inner) => hashRange(inner, msg.merkleProof.target));
            });
            w.message(2, (inner) => leaf(inner, msg.leaf));
            w.varint(3, msg.evidenceType);
            break;
        case 'ParamChange':
            w.hex(1, msg.fromAddress).string(2, msg.paramKey).hex(3, msg.paramValue);
            break;
        case 'DAOTransfer':
            w.hex(1, msg.fromAddress).hex(2, msg.toAddress);
            bigInt(w, 3, msg.amount);
            w.string(4, msg.action);
            break;
        case 'Upgrade':
            w.hex(1, msg.address);
            w.message(2, (upgrade) => {
                upgrade.varint(1, msg.upgrade.height).string(2, msg.upgrade.version).varint(3, msg.upgrade.oldUpgradeHeight);
                for (const feature of msg.upgrade.features)
                    upgrade.stringAlways(4, feature);
            });
            break;
        default:
            unreachable(msg, 'message');
    }
    return w.finish();
}
//# sourceMappingURL=encode-msgs.js.map