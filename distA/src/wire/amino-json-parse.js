/**
 * The inverse of amino-json.ts: a message given as pocket amino JSON ({"type","value"}, the
 * `msg` of a sign document or of pocket's /v1/query/tx) back to a WireMessage, for tools that
 * build transactions from JSON (`pokt-ledger tx sign --msg`). Shape is checked strictly
 * (unknown keys, wrong types, bad hex/base64, out-of-range integers → ledger:10); content is
 * not validated here — that is validateBasic's job.
 *
 * Accepted forms follow what amino writes: int64/uint64 as decimal strings (bare safe
 * integers are accepted too), []byte as base64 or null, nil lists as null, addresses and keys
 * as hex (either case; stored lowercase).
 */
import { unreachable } from '../core/assert.js';
import { bytesToHex, hexToBytes } from '../core/hex.js';
import { rejection } from '../core/rejection.js';
import { err, ok } from '../core/result.js';
import { LEDGER } from '../core/codes.js';
import { MESSAGE_TYPES } from './type-urls.js';
class ShapeError extends Error {
}
const MIN_INT64 = -(1n << 63n);
const MAX_INT64 = (1n << 63n) - 1n;
const MAX_UINT64 = (1n << 64n) - 1n;
function object(value, path, allowed) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        throw new ShapeError(`${path} must be an object`);
    for (const key of Object.keys(value))
        if (!allowed.includes(key))
            throw new ShapeError(`${path}.${key} is not a field of this message`);
    return value;
}
function text(source, key, path) {
    const value = source[key];
    if (value === undefined)
        return '';
    if (typeof value !== 'string')
        throw new ShapeError(`${path}.${key} must be a string`);
    return value;
}
function hexText(source, key, path) {
    const value = text(source, key, path);
    if (hexToBytes(value) === undefined)
        throw new ShapeError(`${path}.${key} must be hex`);
    return value.toLowerCase();
}
function integer(source, key, path, min, max) {
    const value = source[key];
    if (value === undefined)
        return 0n;
    let parsed;
    if (typeof value === 'string' && /^-?(0|[1-9][0-9]*)$/.test(value))
        parsed = BigInt(value);
    else if (typeof value === 'number' && Number.isSafeInteger(value))
        parsed = BigInt(value);
    if (parsed === undefined || parsed < min || parsed > max)
        throw new ShapeError(`${path}.${key} must be an integer in [${min}, ${max}]`);
    return parsed;
}
const int64 = (source, key, path) => integer(source, key, path, MIN_INT64, MAX_INT64);
const uint64 = (source, key, path) => integer(source, key, path, 0n, MAX_UINT64);
/** A BigInt field: any string (validateBasic judges it), absent = "". */
const amount = (source, key, path) => text(source, key, path);
function stringList(source, key, path) {
    const value = source[key];
    if (value === undefined || value === null)
        return [];
    if (!Array.isArray(value) || !value.every((item) => typeof item === 'string'))
        throw new ShapeError(`${path}.${key} must be a list of strings`);
    return [...value];
}
function base64OrNull(source, key, path) {
    const value = source[key];
    if (value === undefined || value === null)
        return null;
    if (typeof value !== 'string' || !/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(value))
        throw new ShapeError(`${path}.${key} must be standard base64`);
    return bytesToHex(Buffer.from(value, 'base64'));
}
/** A crypto.PublicKey interface value: {"type":"crypto/ed25519_public_key"|"crypto/secp256k1_public_key","value":hex} or null. */
function publicKey(source, key, path) {
    const value = source[key];
    if (value === undefined || value === null)
        return '';
    const wrapped = object(value, `${path}.${key}`, ['type', 'value']);
    const type = text(wrapped, 'type', `${path}.${key}`);
    if (type !== 'crypto/ed25519_public_key' && type !== 'crypto/secp256k1_public_key')
        throw new ShapeError(`${path}.${key}.type ${JSON.stringify(type)} is not a public key type`);
    return hexText(wrapped, 'value', `${path}.${key}`);
}
function hashRange(value, path) {
    const source = object(value, path, ['merkleHash', 'range']);
    const range = object(source['range'] ?? {}, `${path}.range`, ['lower', 'upper']);
    return { hash: base64OrNull(source, 'merkleHash', path), lower: uint64(range, 'lower', `${path}.range`), upper: uint64(range, 'upper', `${path}.range`) };
}
function aat(value, path) {
    const source = object(value ?? {}, path, ['version', 'app_pub_key', 'client_pub_key', 'signature']);
    return { version: text(source, 'version', path), appPublicKey: text(source, 'app_pub_key', path), clientPublicKey: text(source, 'client_pub_key', path), signature: text(source, 'signature', path) };
}
function relayProof(value, path) {
    const source = object(value ?? {}, path, ['request_hash', 'entropy', 'session_block_height', 'servicer_pub_key', 'blockchain', 'aat', 'signature']);
    return {
        requestHash: text(source, 'request_hash', path),
        entropy: int64(source, 'entropy', path),
        sessionBlockHeight: int64(source, 'session_block_height', path),
        servicerPublicKey: text(source, 'servicer_pub_key', path),
        blockchain: text(source, 'blockchain', path),
        aat: aat(source['aat'], `${path}.aat`),
        signature: text(source, 'signature', path),
    };
}
function relayResponse(value, path) {
    const source = object(value ?? {}, path, ['signature', 'payload', 'proof']);
    return { signature: text(source, 'signature', path), payload: text(source, 'payload', path), proof: relayProof(source['proof'], `${path}.proof`) };
}
function leaf(value, path) {
    const wrapped = object(value, path, ['type', 'value']);
    const type = text(wrapped, 'type', path);
    if (type === 'pocketcore/relay_proof')
        return { kind: 'relay', proof: relayProof(wrapped['value'], `${path}.value`) };
    if (type === 'pocketcore/challenge_proof_invalid_data') {
        const source = object(wrapped['value'] ?? {}, `${path}.value`, ['majority_responses', 'minority_response', 'reporters_address']);
        const majority = source['majority_responses'];
        if (majority !== undefined && majority !== null && !Array.isArray(majority))
            throw new ShapeError(`${path}.value.majority_responses must be a list`);
        return {
            kind: 'challenge',
            proof: {
                majorityResponses: (majority ?? []).map((item, index) => relayResponse(item, `${path}.value.majority_responses[${index}]`)),
                minorityResponse: relayResponse(source['minority_response'], `${path}.value.minority_response`),
                reporterAddress: hexText(source, 'reporters_address', `${path}.value`),
            },
        };
    }
    throw new ShapeError(`${path}.type ${JSON.stringify(type)} is not a proof leaf type`);
}
function delegators(source, path) {
    const value = source['reward_delegators'];
    if (value === undefined || value === null)
        return null;
    const map = object(value, `${path}.reward_delegators`, Object.keys(value));
    return Object.entries(map).map(([key, share]) => {
        if (typeof share !== 'number' || !Number.isInteger(share) || share < 0 || share > 0xffff_ffff)
            throw new ShapeError(`${path}.reward_delegators.${key} must be a uint32`);
        return [key, share];
    });
}
function parseValue(kind, value) {
    const path = 'value';
    switch (kind) {
        case 'Send': {
            const v = object(value, path, ['from_address', 'to_address', 'amount']);
            return { kind, fromAddress: hexText(v, 'from_address', path), toAddress: hexText(v, 'to_address', path), amount: amount(v, 'amount', path) };
        }
        case 'StakeNode': {
            const v = object(value, path, ['public_key', 'chains', 'value', 'service_url', 'output_address', 'reward_delegators']);
            return {
                kind,
                publicKey: publicKey(v, 'public_key', path),
                chains: stringList(v, 'chains', path),
                value: amount(v, 'value', path),
                serviceUrl: text(v, 'service_url', path),
                outputAddress: hexText(v, 'output_address', path),
                rewardDelegators: delegators(v, path),
            };
        }
        case 'BeginUnstakeNode': {
            const v = object(value, path, ['validator_address', 'signer_address']);
            return { kind, validatorAddress: hexText(v, 'validator_address', path), signerAddress: hexText(v, 'signer_address', path) };
        }
        case 'UnjailNode': {
            const v = object(value, path, ['address', 'signer_address']);
            return { kind, validatorAddress: hexText(v, 'address', path), signerAddress: hexText(v, 'signer_address', path) };
        }
        case 'StakeApp': {
            const v = object(value, path, ['pubkey', 'chains', 'value']);
            return { kind, publicKey: publicKey(v, 'pubkey', path), chains: stringList(v, 'chains', path), value: amount(v, 'value', path) };
        }
        case 'BeginUnstakeApp':
            return { kind, applicationAddress: hexText(object(value, path, ['application_address']), 'application_address', path) };
        case 'UnjailApp':
            return { kind, applicationAddress: hexText(object(value, path, ['address']), 'address', path) };
        case 'Claim': {
            const v = object(value, path, ['header', 'merkle_root', 'total_proofs', 'from_address', 'evidence_type', 'expiration_height']);
            const header = object(v['header'] ?? {}, `${path}.header`, ['app_public_key', 'chain', 'session_height']);
            return {
                kind,
                header: { appPublicKey: text(header, 'app_public_key', `${path}.header`), chain: text(header, 'chain', `${path}.header`), sessionHeight: int64(header, 'session_height', `${path}.header`) },
                merkleRoot: hashRange(v['merkle_root'] ?? {}, `${path}.merkle_root`),
                totalProofs: int64(v, 'total_proofs', path),
                fromAddress: hexText(v, 'from_address', path),
                evidenceType: int64(v, 'evidence_type', path),
                expirationHeight: int64(v, 'expiration_height', path),
            };
        }
        case 'Proof': {
            const v = object(value, path, ['merkle_proofs', 'leaf', 'evidence_type']);
            const proof = object(v['merkle_proofs'] ?? {}, `${path}.merkle_proofs`, ['index', 'hash_ranges', 'target_range']);
            const ranges = proof['hash_ranges'];
            if (ranges !== undefined && ranges !== null && !Array.isArray(ranges))
                throw new ShapeError(`${path}.merkle_proofs.hash_ranges must be a list`);
            return {
                kind,
                merkleProof: {
                    index: int64(proof, 'index', `${path}.merkle_proofs`),
                    hashRanges: (ranges ?? []).map((item, index) => hashRange(item, `${path}.merkle_proofs.hash_ranges[${index}]`)),
                    target: hashRange(proof['target_range'] ?? {}, `${path}.merkle_proofs.target_range`),
                },
                leaf: v['leaf'] === undefined ? { kind: 'none' } : leaf(v['leaf'], `${path}.leaf`),
                evidenceType: int64(v, 'evidence_type', path),
            };
        }
        case 'ParamChange': {
            const v = object(value, path, ['address', 'param_key', 'param_value']);
            return { kind, fromAddress: hexText(v, 'address', path), paramKey: text(v, 'param_key', path), paramValue: base64OrNull(v, 'param_value', path) };
        }
        case 'DAOTransfer': {
            const v = object(value, path, ['from_address', 'to_address', 'amount', 'action']);
            return { kind, fromAddress: hexText(v, 'from_address', path), toAddress: hexText(v, 'to_address', path), amount: amount(v, 'amount', path), action: text(v, 'action', path) };
        }
        case 'Upgrade': {
            const v = object(value, path, ['address', 'upgrade']);
            const upgrade = object(v['upgrade'] ?? {}, `${path}.upgrade`, ['Height', 'Version', 'OldUpgradeHeight', 'Features']);
            return {
                kind,
                address: hexText(v, 'address', path),
                upgrade: {
                    height: int64(upgrade, 'Height', `${path}.upgrade`),
                    version: text(upgrade, 'Version', `${path}.upgrade`),
                    oldUpgradeHeight: int64(upgrade, 'OldUpgradeHeight', `${path}.upgrade`),
                    features: stringList(upgrade, 'Features', `${path}.upgrade`),
                },
            };
        }
        default:
            return unreachable(kind, 'message kind');
    }
}
const KIND_BY_AMINO_TYPE = new Map(Object.values(MESSAGE_TYPES).map((info) => [info.aminoType, info.kind]));
/** Parse `{"type": <amino type>, "value": {...}}` into a wire message. */
export function wireMessageFromAminoJson(json) {
    try {
        const top = object(json, 'msg', ['type', 'value']);
        const type = text(top, 'type', 'msg');
        const kind = KIND_BY_AMINO_TYPE.get(type);
        if (kind === undefined)
            return err(rejection(LEDGER.invalid_message_json, `unknown message type ${JSON.stringify(type.slice(0, 80))}`));
        return ok(parseValue(kind, top['value']));
    }
    catch (error) {
        if (error instanceof ShapeError)
            return err(rejection(LEDGER.invalid_message_json, error.message));
        throw error;
    }
}
//# sourceMappingURL=amino-json-parse.js.map