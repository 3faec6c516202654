/**
 * Protobuf decoders for every message a ProtoStdTx carries, one per proto message, each
 * mirroring its gogoproto `Unmarshal` (x/<module>/types/*.pb.go) field by field:
 *
 * - a repeated scalar field seen twice: the last one wins;
 * - a non-nullable embedded message seen twice: the two are MERGED (Go unmarshals into the same
 *   struct again) — hence the `…Into(reader, draft)` shape below;
 * - a oneof member (ProofI) seen twice: the last one REPLACES the first;
 * - repeated fields append; map entries are kept in order (see WireStakeNode);
 * - BigInt text: an empty occurrence leaves the previous value (types/int.go:380-384);
 * - public keys in MsgStake (nodes and apps) must be 32 (ed25519) or 33 (secp256k1) bytes or
 *   pocket-core fails to decode the tx (crypto/keys.go:88-99; amino multisig keys are refused
 *   here too — a deliberate difference).
 */
import { bytesToHex } from '../core/hex.js';
import { decodeError, ProtoReader, pushBounded, WIRE_BYTES, WIRE_VARINT } from './proto-reader.js';
import { goParseBigInt } from './go-bigint.js';
import { EMPTY_RELAY_PROOF } from './types.js';
const EMPTY = new Uint8Array(0);
// ---------------------------------------------------------------------------------------------
// field helpers
function bytesField(r, tag, field) {
    r.expectWireType(tag, WIRE_BYTES, field);
    return r.bytes(field);
}
function stringField(r, tag, field) {
    r.expectWireType(tag, WIRE_BYTES, field);
    return r.string(field);
}
function int64Field(r, tag, field) {
    r.expectWireType(tag, WIRE_VARINT, field);
    return r.int64();
}
function uint64Field(r, tag, field) {
    r.expectWireType(tag, WIRE_VARINT, field);
    return r.uint64();
}
/** A BigInt customtype field: text pocket-core can parse, or a decode error. Empty keeps `previous`. */
function bigIntField(r, tag, field, previous) {
    r.expectWireType(tag, WIRE_BYTES, field);
    const raw = r.bytes(field);
    if (raw.byteLength === 0)
        return previous;
    // Go's parser only accepts ASCII; anything else fails like any other bad text.
    const text = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('latin1');
    if (goParseBigInt(text) === undefined) {
        throw decodeError(`math/big: cannot unmarshal ${JSON.stringify(text.slice(0, 80))} into a *big.Int (or more than 255 bits)`);
    }
    return text;
}
function embedded(r, tag, field, messageName) {
    r.expectWireType(tag, WIRE_BYTES, field);
    return r.embedded(field, messageName);
}
/** NewPublicKeyBz (crypto/keys.go:88-99): 32 → ed25519, 33 → secp256k1, anything else fails. */
function checkMsgPublicKey(publicKey) {
    const length = publicKey.byteLength;
    if (length !== 32 && length !== 33)
        throw decodeError(`unsupported public key type, length of: ${length}`);
}
// ---------------------------------------------------------------------------------------------
// nodes (x.nodes)
function decodeSend(r) {
    let from = EMPTY;
    let to = EMPTY;
    let amount = '';
    while (!r.done()) {
        const tag = r.tag();
        if (tag.fieldNumber === 1)
            from = bytesField(r, tag, 'FromAddress');
        else if (tag.fieldNumber === 2)
            to = bytesField(r, tag, 'ToAddress');
        else if (tag.fieldNumber === 3)
            amount = bigIntField(r, tag, 'Amount', amount);
        else
            r.skip(tag);
    }
    return { kind: 'Send', fromAddress: bytesToHex(from), toAddress: bytesToHex(to), amount };
}
function decodeRewardDelegatorEntry(r) {
    // Go reads entries against the whole message and without wire-type checks
    // (msg.pb.go:1306-1382); here an entry must stay inside its own bytes and use the declared
    // wire types (stricter; such encodings never come from a proto library).
    let key = '';
    let value = 0;
    while (!r.done()) {
        const tag = r.tag();
        if (tag.fieldNumber === 1)
            key = stringField(r, tag, 'RewardDelegators.key');
        else if (tag.fieldNumber === 2) {
            r.expectWireType(tag, WIRE_VARINT, 'RewardDelegators.value');
            value = (value | r.uint32()) >>> 0; // Go ORs into the same variable (no reset per occurrence)
        }
        else
            r.skip(tag);
    }
    return [key, value];
}
function decodeStakeNode(r) {
    let publicKey = EMPTY;
    const chains = [];
    let value = '';
    let serviceUrl = '';
    let output = EMPTY;
    let delegators = null;
    while (!r.done()) {
        const tag = r.tag();
        switch (tag.fieldNumber) {
            case 1:
                publicKey = bytesField(r, tag, 'Publickey');
                break;
            case 2:
                pushBounded(chains, stringField(r, tag, 'Chains'), 'MsgProtoStake.Chains');
                break;
            case 3:
                value = bigIntField(r, tag, 'Value', value);
                break;
            case 4:
                serviceUrl = stringField(r, tag, 'ServiceUrl');
                break;
            case 5:
                output = bytesField(r, tag, 'OutputAddress');
                break;
            case 6:
                delegators ??= [];
                pushBounded(delegators, decodeRewardDelegatorEntry(embedded(r, tag, 'RewardDelegators', 'MsgProtoStake_RewardDelegatorsEntry')), 'MsgProtoStake.RewardDelegators');
                break;
            default:
                r.skip(tag);
        }
    }
    checkMsgPublicKey(publicKey);
    return {
        kind: 'StakeNode',
        publicKey: bytesToHex(publicKey),
        chains,
        value,
        serviceUrl,
        outputAddress: bytesToHex(output),
        rewardDelegators: delegators,
    };
}
function decodeTwoAddresses(r, firstName, secondName) {
    let first = EMPTY;
    let second = EMPTY;
    while (!r.done()) {
        const tag = r.tag();
        if (tag.fieldNumber === 1)
            first = bytesField(r, tag, firstName);
        else if (tag.fieldNumber === 2)
            second = bytesField(r, tag, secondName);
        else
            r.skip(tag);
    }
    return [bytesToHex(first), bytesToHex(second)];
}
function decodeBeginUnstakeNode(r) {
    const [validatorAddress, signerAddress] = decodeTwoAddresses(r, 'Address', 'Signer');
    return { kind: 'BeginUnstakeNode', validatorAddress, signerAddress };
}
function decodeUnjailNode(r) {
    const [validatorAddress, signerAddress] = decodeTwoAddresses(r, 'ValidatorAddr', 'Signer');
    return { kind: 'UnjailNode', validatorAddress, signerAddress };
}
// ---------------------------------------------------------------------------------------------
// apps (x.apps)
function decodeStakeApp(r) {
    let publicKey = EMPTY;
    const chains = [];
    let value = '';
    while (!r.done()) {
        const tag = r.tag();
        if (tag.fieldNumber === 1)
            publicKey = bytesField(r, tag, 'PubKey');
        else if (tag.fieldNumber === 2)
            pushBounded(chains, stringField(r, tag, 'Chains'), 'MsgProtoStake.Chains');
        else if (tag.fieldNumber === 3)
            value = bigIntField(r, tag, 'Value', value);
        else
            r.skip(tag);
    }
    checkMsgPublicKey(publicKey);
    return { kind: 'StakeApp', publicKey: bytesToHex(publicKey), chains, value };
}
function decodeOneAddress(r, name) {
    let address = EMPTY;
    while (!r.done()) {
        const tag = r.tag();
        if (tag.fieldNumber === 1)
            address = bytesField(r, tag, name);
        else
            r.skip(tag);
    }
    return bytesToHex(address);
}
function decodeBeginUnstakeApp(r) {
    return { kind: 'BeginUnstakeApp', applicationAddress: decodeOneAddress(r, 'Address') };
}
function decodeUnjailApp(r) {
    return { kind: 'UnjailApp', applicationAddress: decodeOneAddress(r, 'AppAddr') };
}
const newHashRange = () => ({ hash: null, lower: 0n, upper: 0n });
function decodeRangeInto(r, draft) {
    while (!r.done()) {
        const tag = r.tag();
        if (tag.fieldNumber === 1)
            draft.lower = uint64Field(r, tag, 'Lower');
        else if (tag.fieldNumber === 2)
            draft.upper = uint64Field(r, tag, 'Upper');
        else
            r.skip(tag);
    }
}
function decodeHashRangeInto(r, draft) {
    while (!r.done()) {
        const tag = r.tag();
        if (tag.fieldNumber === 1)
            draft.hash = bytesField(r, tag, 'Hash');
        else if (tag.fieldNumber === 2)
            decodeRangeInto(embedded(r, tag, 'Range', 'Range'), draft);
        else
            r.skip(tag);
    }
}
function freezeHashRange(draft) {
    return { hash: draft.hash === null ? null : bytesToHex(draft.hash), lower: draft.lower, upper: draft.upper };
}
function decodeClaim(r) {
    let appPublicKey = '';
    let chain = '';
    let sessionHeight = 0n;
    const root = newHashRange();
    let totalProofs = 0n;
    let from = EMPTY;
    let evidenceType = 0n;
    let expirationHeight = 0n;
    while (!r.done()) {
        const tag = r.tag();
        switch (tag.fieldNumber) {
            case 1: {
                const header = embedded(r, tag, 'SessionHeader', 'SessionHeader');
                while (!header.done()) {
                    const inner = header.tag();
                    if (inner.fieldNumber === 1)
                        appPublicKey = stringField(header, inner, 'ApplicationPubKey');
                    else if (inner.fieldNumber === 2)
                        chain = stringField(header, inner, 'Chain');
                    else if (inner.fieldNumber === 3)
                        sessionHeight = int64Field(header, inner, 'SessionBlockHeight');
                    else
                        header.skip(inner);
                }
                break;
            }
            case 2:
                decodeHashRangeInto(embedded(r, tag, 'MerkleRoot', 'HashRange'), root);
                break;
            case 3:
                totalProofs = int64Field(r, tag, 'TotalProofs');
                break;
            case 4:
                from = bytesField(r, tag, 'FromAddress');
                break;
            case 5:
                evidenceType = int64Field(r, tag, 'EvidenceType');
                break;
            case 6:
                expirationHeight = int64Field(r, tag, 'ExpirationHeight');
                break;
            default:
                r.skip(tag);
        }
    }
    return {
        kind: 'Claim',
        header: { appPublicKey, chain, sessionHeight },
        merkleRoot: freezeHashRange(root),
        totalProofs,
        fromAddress: bytesToHex(from),
        evidenceType,
        expirationHeight,
    };
}
const newRelayProof = () => ({ ...EMPTY_RELAY_PROOF, aat: { ...EMPTY_RELAY_PROOF.aat } });
function decodeAatInto(r, aat) {
    while (!r.done()) {
        const tag = r.tag();
        if (tag.fieldNumber === 1)
            aat.version = stringField(r, tag, 'Version');
        else if (tag.fieldNumber === 2)
            aat.appPublicKey = stringField(r, tag, 'ApplicationPublicKey');
        else if (tag.fieldNumber === 3)
            aat.clientPublicKey = stringField(r, tag, 'ClientPublicKey');
        else if (tag.fieldNumber === 4)
            aat.signature = stringField(r, tag, 'ApplicationSignature');
        else
            r.skip(tag);
    }
}
function decodeRelayProofInto(r, proof) {
    while (!r.done()) {
        const tag = r.tag();
        switch (tag.fieldNumber) {
            case 1:
                proof.requestHash = stringField(r, tag, 'RequestHash');
                break;
            case 2:
                proof.entropy = int64Field(r, tag, 'Entropy');
                break;
            case 3:
                proof.sessionBlockHeight = int64Field(r, tag, 'SessionBlockHeight');
                break;
            case 4:
                proof.servicerPublicKey = stringField(r, tag, 'ServicerPubKey');
                break;
            case 5:
                proof.blockchain = stringField(r, tag, 'Blockchain');
                break;
            case 6:
                decodeAatInto(embedded(r, tag, 'Token', 'AAT'), proof.aat);
                break;
            case 7:
                proof.signature = stringField(r, tag, 'Signature');
                break;
            default:
                r.skip(tag);
        }
    }
}
function freezeRelayProof(draft) {
    const aat = { ...draft.aat };
    return { ...draft, aat };
}
const newRelayResponse = () => ({ signature: '', payload: '', proof: newRelayProof() });
function decodeRelayResponseInto(r, response) {
    while (!r.done()) {
        const tag = r.tag();
        if (tag.fieldNumber === 1)
            response.signature = stringField(r, tag, 'Signature');
        else if (tag.fieldNumber === 2)
            response.payload = stringField(r, tag, 'Response');
        else if (tag.fieldNumber === 3)
            decodeRelayProofInto(embedded(r, tag, 'Proof', 'RelayProof'), response.proof);
        else
            r.skip(tag);
    }
}
const freezeRelayResponse = (draft) => ({
    signature: draft.signature,
    payload: draft.payload,
    proof: freezeRelayProof(draft.proof),
});
function decodeChallenge(r) {
    const majority = [];
    const minority = newRelayResponse();
    let reporter = EMPTY;
    while (!r.done()) {
        const tag = r.tag();
        if (tag.fieldNumber === 1) {
            const response = newRelayResponse();
            decodeRelayResponseInto(embedded(r, tag, 'MajorityResponses', 'RelayResponse'), response);
            pushBounded(majority, response, 'ChallengeProofInvalidData.MajorityResponses');
        }
        else if (tag.fieldNumber === 2)
            decodeRelayResponseInto(embedded(r, tag, 'MinorityResponse', 'RelayResponse'), minority);
        else if (tag.fieldNumber === 3)
            reporter = bytesField(r, tag, 'ReporterAddress');
        else
            r.skip(tag);
    }
    return {
        majorityResponses: majority.map(freezeRelayResponse),
        minorityResponse: freezeRelayResponse(minority),
        reporterAddress: bytesToHex(reporter),
    };
}
/** ProofI's oneof: each occurrence builds a fresh member that replaces the previous one (pocket.pb.go:2387-2455). */
function decodeLeafInto(r, previous) {
    let leaf = previous;
    while (!r.done()) {
        const tag = r.tag();
        if (tag.fieldNumber === 1) {
            const proof = newRelayProof();
            decodeRelayProofInto(embedded(r, tag, 'RelayProof', 'RelayProof'), proof);
            leaf = { kind: 'relay', proof: freezeRelayProof(proof) };
        }
        else if (tag.fieldNumber === 2) {
            leaf = { kind: 'challenge', proof: decodeChallenge(embedded(r, tag, 'ChallengeProof', 'ChallengeProofInvalidData')) };
        }
        else
            r.skip(tag);
    }
    return leaf;
}
function decodeProof(r) {
    let index = 0n;
    const hashRanges = [];
    const target = newHashRange();
    let leaf = { kind: 'none' };
    let evidenceType = 0n;
    while (!r.done()) {
        const tag = r.tag();
        if (tag.fieldNumber === 1) {
            const proof = embedded(r, tag, 'MerkleProof', 'MerkleProof');
            while (!proof.done()) {
                const inner = proof.tag();
                if (inner.fieldNumber === 1)
                    index = int64Field(proof, inner, 'TargetIndex');
                else if (inner.fieldNumber === 2) {
                    const range = newHashRange();
                    decodeHashRangeInto(embedded(proof, inner, 'HashRanges', 'HashRange'), range);
                    pushBounded(hashRanges, range, 'MerkleProof.HashRanges');
                }
                else if (inner.fieldNumber === 3)
                    decodeHashRangeInto(embedded(proof, inner, 'Target', 'HashRange'), target);
                else
                    proof.skip(inner);
            }
        }
        else if (tag.fieldNumber === 2)
            leaf = decodeLeafInto(embedded(r, tag, 'Leaf', 'ProofI'), leaf);
        else if (tag.fieldNumber === 3)
            evidenceType = int64Field(r, tag, 'EvidenceType');
        else
            r.skip(tag);
    }
    return {
        kind: 'Proof',
        merkleProof: { index, hashRanges: hashRanges.map(freezeHashRange), target: freezeHashRange(target) },
        leaf,
        evidenceType,
    };
}
// ---------------------------------------------------------------------------------------------
// gov (x.gov)
function decodeParamChange(r) {
    let from = EMPTY;
    let key = '';
    let value = null;
    while (!r.done()) {
        const tag = r.tag();
        if (tag.fieldNumber === 1)
            from = bytesField(r, tag, 'FromAddress');
        else if (tag.fieldNumber === 2)
            key = stringField(r, tag, 'ParamKey');
        else if (tag.fieldNumber === 3)
            value = bytesField(r, tag, 'ParamVal');
        else
            r.skip(tag);
    }
    return { kind: 'ParamChange', fromAddress: bytesToHex(from), paramKey: key, paramValue: value === null ? null : bytesToHex(value) };
}
function decodeDAOTransfer(r) {
    let from = EMPTY;
    let to = EMPTY;
    let amount = '';
    let action = '';
    while (!r.done()) {
        const tag = r.tag();
        if (tag.fieldNumber === 1)
            from = bytesField(r, tag, 'FromAddress');
        else if (tag.fieldNumber === 2)
            to = bytesField(r, tag, 'ToAddress');
        else if (tag.fieldNumber === 3)
            amount = bigIntField(r, tag, 'Amount', amount);
        else if (tag.fieldNumber === 4)
            action = stringField(r, tag, 'Action');
        else
            r.skip(tag);
    }
    return { kind: 'DAOTransfer', fromAddress: bytesToHex(from), toAddress: bytesToHex(to), amount, action };
}
function decodeUpgrade(r) {
    let address = EMPTY;
    let height = 0n;
    let version = '';
    let oldUpgradeHeight = 0n;
    const features = [];
    while (!r.done()) {
        const tag = r.tag();
        if (tag.fieldNumber === 1)
            address = bytesField(r, tag, 'Address');
        else if (tag.fieldNumber === 2) {
            const upgrade = embedded(r, tag, 'Upgrade', 'Upgrade');
            while (!upgrade.done()) {
                const inner = upgrade.tag();
                if (inner.fieldNumber === 1)
                    height = int64Field(upgrade, inner, 'Height');
                else if (inner.fieldNumber === 2)
                    version = stringField(upgrade, inner, 'Version');
                else if (inner.fieldNumber === 3)
                    oldUpgradeHeight = int64Field(upgrade, inner, 'OldUpgradeHeight');
                else if (inner.fieldNumber === 4)
                    pushBounded(features, stringField(upgrade, inner, 'Features'), 'Upgrade.Features');
                else
                    upgrade.skip(inner);
            }
        }
        else
            r.skip(tag);
    }
    return { kind: 'Upgrade', address: bytesToHex(address), upgrade: { height, version, oldUpgradeHeight, features } };
}
// ---------------------------------------------------------------------------------------------
const DECODERS = {
    Send: { name: 'MsgSend', decode: decodeSend },
    StakeNode: { name: 'MsgProtoStake', decode: decodeStakeNode },
    BeginUnstakeNode: { name: 'MsgBeginUnstake', decode: decodeBeginUnstakeNode },
    UnjailNode: { name: 'MsgUnjail', decode: decodeUnjailNode },
    StakeApp: { name: 'MsgProtoStake', decode: decodeStakeApp },
    BeginUnstakeApp: { name: 'MsgBeginUnstake', decode: decodeBeginUnstakeApp },
    UnjailApp: { name: 'MsgUnjail', decode: decodeUnjailApp },
    Claim: { name: 'MsgClaim', decode: decodeClaim },
    Proof: { name: 'MsgProtoProof', decode: decodeProof },
    ParamChange: { name: 'MsgChangeParam', decode: decodeParamChange },
    DAOTransfer: { name: 'MsgDAOTransfer', decode: decodeDAOTransfer },
    Upgrade: { name: 'MsgUpgrade', decode: decodeUpgrade },
};
/** Decode an Any's value bytes as the message `kind` (throws WireError on malformed bytes). */
export function decodeMessageValue(kind, value) {
    const decoder = DECODERS[kind];
    return decoder.decode(ProtoReader.of(value, decoder.name));
}
//# sourceMappingURL=decode-msgs.js.map