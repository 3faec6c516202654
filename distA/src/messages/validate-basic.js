/**
 * validateBasic: pocket-core's stateless `msg.ValidateBasic()` for every message, in pocket's
 * check order and with pocket's codes, followed by this ledger's extra checks (listed with
 * reasons in ./index.ts). Extra checks always run AFTER all of pocket-core's, so any message
 * pocket-core rejects gets pocket-core's code here too; the extra checks only turn some
 * messages pocket-core accepts into rejections.
 *
 * A pass yields the typed, canonical `Message` (./types.ts).
 */
import { unreachable } from '../core/assert.js';
import { hexToBytes } from '../core/hex.js';
import { rejection } from '../core/rejection.js';
import { err, ok } from '../core/result.js';
import { MAX_INT64 } from '../core/types.js';
import { addressFromPublicKey } from '../crypto/address.js';
import { EMPTY_RELAY_PROOF } from '../wire/types.js';
import { addressFromHex, bigIntValue, canonicalChain, hexByteLength, isCanonicalAmountText, isSafeHeight, publicKeyFromHex } from './checks.js';
import { APPLICATION, GOV, LEDGER, POCKETCORE, POS, SDK } from '../core/codes.js';
import { relayChainProblem, RELAY_CHAIN_MAX_BYTES, validateRelayProof } from './relay-proof.js';
import { serviceUrlProblem } from './service-url.js';
/** Staking chain IDs are 1..2 bytes (NetworkIdentifierLength, x/nodes/types/util.go:50-52; x/apps/types/util.go:12). */
export const STAKING_CHAIN_MAX_BYTES = 2;
const isRejection = (value) => typeof value === 'object' && value !== null && 'codespace' in value && 'log' in value;
/** A 20-byte address, or sdk:7 (our rule: pocket-core only checks for emptiness). */
function requireAddress(hex, field) {
    return addressFromHex(hex) ?? rejection(SDK.invalid_address, `${field} must be a 20-byte hex address (got ${hexByteLength(hex) ?? 'non-hex'} bytes)`);
}
/** The value of a BigInt field; a decode error if pocket-core could not have read it. */
function amountValue(text, field) {
    return bigIntValue(text) ?? rejection(SDK.tx_decode_error, `${field} is not an integer pocket-core can decode`);
}
function requireCanonicalAmount(text, field) {
    if (isCanonicalAmountText(text))
        return undefined;
    return rejection(LEDGER.non_canonical_integer, `${field} ${JSON.stringify(text.slice(0, 80))} is not a canonical decimal (no sign, leading zeros, separators, spaces or base prefixes)`);
}
/** Our rule: message public keys must be ed25519 (pocket-core also decodes 33-byte secp256k1 keys). */
function requireEd25519(hex, field) {
    return publicKeyFromHex(hex) ?? rejection(LEDGER.unsupported_public_key_type, `${field} must be a 32-byte ed25519 key (got ${hexByteLength(hex) ?? 'non-hex'} bytes)`);
}
const addressOfKey = (publicKey) => addressFromPublicKey(hexToBytes(publicKey));
// ---------------------------------------------------------------------------------------------
// nodes — x/nodes/types/msg.go
/** MsgSend.ValidateBasic (msg.go:122-133). Pocket answers pos:101 for empty addresses (sic). */
function validateSend(msg) {
    if (msg.fromAddress === '')
        return err(rejection(POS.validator_not_found, 'from address is empty'));
    if (msg.toAddress === '')
        return err(rejection(POS.validator_not_found, 'to address is empty'));
    const amount = amountValue(msg.amount, 'amount');
    if (isRejection(amount))
        return err(amount);
    if (amount <= 0n)
        return err(rejection(POS.send_amount_must_be_positive, 'the amount to send must be positive'));
    const from = requireAddress(msg.fromAddress, 'from address');
    if (isRejection(from))
        return err(from);
    const to = requireAddress(msg.toAddress, 'to address');
    if (isRejection(to))
        return err(to);
    const canonical = requireCanonicalAmount(msg.amount, 'amount');
    if (canonical)
        return err(canonical);
    return ok({ type: 'Send', fromAddress: from, toAddress: to, amountUpokt: amount });
}
/**
 * NormalizeRewardDelegators (msg.go:327-359): every share > 0, every key a hex address (Go
 * also lets "" through: AddressFromHex("") is the empty address), running total ≤ 100.
 */
function rewardDelegatorsProblem(entries) {
    // DEV_NOTE: Go walks its map (last duplicate wins) in random order, so which entry fails first
    // — and the log text — varies between Go runs; the code (pos:128) does not. We walk in wire
    // order, which is deterministic.
    const map = new Map();
    for (const [key, share] of entries)
        map.set(key, share);
    let total = 0;
    for (const [key, share] of map) {
        if (share === 0)
            return 'Reward share must be positive';
        if (key !== '' && addressFromHex(key) === undefined)
            return `invalid delegator address ${JSON.stringify(key.slice(0, 80))}`;
        total += share;
        if (total > 100)
            return `Total share ${total} exceeds 100`;
    }
    return undefined;
}
/** Our extra delegator rules: no empty key, no key twice (after lower-casing). */
function normalizedDelegators(entries) {
    const seen = new Map();
    for (const [key, share] of entries) {
        const address = addressFromHex(key);
        if (address === undefined)
            return rejection(POS.invalid_reward_delegators, 'a reward delegator address is empty');
        if (seen.has(address))
            return rejection(POS.invalid_reward_delegators, `reward delegator ${address} appears twice`);
        seen.set(address, share);
    }
    return [...seen.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
function stakingChains(chains, code) {
    const canonical = [];
    for (const chain of chains) {
        const value = canonicalChain(chain, STAKING_CHAIN_MAX_BYTES);
        if (value === undefined)
            return rejection(code, `the network identifier ${JSON.stringify(chain.slice(0, 80))} is not valid: must be 1 to ${STAKING_CHAIN_MAX_BYTES} bytes of hex`);
        canonical.push(value);
    }
    return canonical;
}
/** MsgStake.ValidateBasic (msg.go:217-242). */
function validateStakeNode(msg) {
    if (msg.publicKey === '')
        return err(rejection(POS.validator_address_missing, 'validator address is nil'));
    const value = amountValue(msg.value, 'value');
    if (isRejection(value))
        return err(value);
    if (value <= 0n)
        return err(rejection(POS.stake_amount_must_be_positive, 'amount must be > 0'));
    if (msg.chains.length === 0)
        return err(rejection(POS.chains_missing, 'validator must stake with hosted blockchains'));
    const chains = stakingChains(msg.chains, POS.invalid_chain_id);
    if (isRejection(chains))
        return err(chains);
    const urlProblem = serviceUrlProblem(msg.serviceUrl);
    if (urlProblem !== undefined)
        return err(rejection(POS.invalid_service_url, `the service url is not valid: ${urlProblem}`));
    if (msg.rewardDelegators !== null) {
        const problem = rewardDelegatorsProblem(msg.rewardDelegators);
        if (problem !== undefined)
            return err(rejection(POS.invalid_reward_delegators, problem));
    }
    // ours
    const publicKey = requireEd25519(msg.publicKey, 'public key');
    if (isRejection(publicKey))
        return err(publicKey);
    let outputAddress = null;
    if (msg.outputAddress !== '') {
        const output = requireAddress(msg.outputAddress, 'output address');
        if (isRejection(output))
            return err(output);
        outputAddress = output;
    }
    let rewardDelegators = null;
    if (msg.rewardDelegators !== null) {
        const delegators = normalizedDelegators(msg.rewardDelegators);
        if (isRejection(delegators))
            return err(delegators);
        rewardDelegators = delegators;
    }
    const canonical = requireCanonicalAmount(msg.value, 'value');
    if (canonical)
        return err(canonical);
    return ok({
        type: 'StakeNode',
        publicKey,
        operatorAddress: addressOfKey(publicKey),
        chains,
        chainsAsSigned: [...msg.chains],
        valueUpokt: value,
        serviceUrl: msg.serviceUrl,
        outputAddress,
        rewardDelegators,
    });
}
/** MsgBeginUnstake.ValidateBasic (msg.go:44-52). */
function validateBeginUnstakeNode(msg) {
    if (msg.validatorAddress === '')
        return err(rejection(POS.validator_address_missing, 'validator address is nil'));
    if (msg.signerAddress === '')
        return err(rejection(POS.signer_address_missing, 'signer address is nil'));
    const validator = requireAddress(msg.validatorAddress, 'validator address');
    if (isRejection(validator))
        return err(validator);
    const signer = requireAddress(msg.signerAddress, 'signer address');
    if (isRejection(signer))
        return err(signer);
    return ok({ type: 'BeginUnstakeNode', validatorAddress: validator, signerAddress: signer });
}
/** MsgUnjail.ValidateBasic (msg.go:83-91): an empty validator address is pos:101. */
function validateUnjailNode(msg) {
    if (msg.validatorAddress === '')
        return err(rejection(POS.validator_not_found, 'validator address is empty'));
    if (msg.signerAddress === '')
        return err(rejection(POS.signer_address_missing, 'signer address is nil'));
    const validator = requireAddress(msg.validatorAddress, 'validator address');
    if (isRejection(validator))
        return err(validator);
    const signer = requireAddress(msg.signerAddress, 'signer address');
    if (isRejection(signer))
        return err(signer);
    return ok({ type: 'UnjailNode', validatorAddress: validator, signerAddress: signer });
}
// ---------------------------------------------------------------------------------------------
// apps — x/apps/types/msg.go
/**
 * MsgStake.ValidateBasic (msg.go:47-69): a valid transfer (key set, value 0, no chains) passes
 * at once; otherwise key, value, chains are checked.
 */
function validateStakeApp(msg) {
    const value = amountValue(msg.value, 'value');
    if (isRejection(value))
        return err(value);
    const transfer = msg.publicKey !== '' && value === 0n && msg.chains.length === 0;
    let chains = [];
    if (!transfer) {
        if (msg.publicKey === '')
            return err(rejection(APPLICATION.application_address_missing, 'application address is nil'));
        if (value <= 0n)
            return err(rejection(APPLICATION.stake_amount_must_be_positive, 'the stake amount is invalid'));
        if (msg.chains.length === 0)
            return err(rejection(APPLICATION.chains_missing, 'validator must stake with hosted blockchains'));
        const checked = stakingChains(msg.chains, APPLICATION.invalid_chain_id);
        if (isRejection(checked))
            return err(checked);
        chains = checked;
    }
    // ours
    const publicKey = requireEd25519(msg.publicKey, 'public key');
    if (isRejection(publicKey))
        return err(publicKey);
    const canonical = requireCanonicalAmount(msg.value, 'value');
    if (canonical)
        return err(canonical);
    return ok({
        type: 'StakeApp',
        publicKey,
        applicationAddress: addressOfKey(publicKey),
        transfer,
        chains,
        chainsAsSigned: [...msg.chains],
        valueUpokt: value,
    });
}
/** MsgBeginUnstake.ValidateBasic (msg.go:186-191). */
function validateBeginUnstakeApp(msg) {
    if (msg.applicationAddress === '')
        return err(rejection(APPLICATION.application_address_missing, 'application address is nil'));
    const address = requireAddress(msg.applicationAddress, 'application address');
    if (isRejection(address))
        return err(address);
    return ok({ type: 'BeginUnstakeApp', applicationAddress: address });
}
/** MsgUnjail.ValidateBasic (msg.go:232-237): an empty address is application:101. */
function validateUnjailApp(msg) {
    if (msg.applicationAddress === '')
        return err(rejection(APPLICATION.application_not_found, 'application does not exist for that address'));
    const address = requireAddress(msg.applicationAddress, 'application address');
    if (isRejection(address))
        return err(address);
    return ok({ type: 'UnjailApp', applicationAddress: address });
}
// ---------------------------------------------------------------------------------------------
// pocketcore — x/pocketcore/types/msgs.go
/** HashRange.isValidRange (merkle.go:41-49): upper > 0 and lower < upper. */
const isValidRange = (range) => range.upper !== 0n && range.lower < range.upper;
function hashRange(range) {
    return { hashHex: range.hash ?? '', hashPresent: range.hash !== null, lower: range.lower, upper: range.upper };
}
/** MsgClaim.ValidateBasic (msgs.go:30-74). */
function validateClaim(msg) {
    const { header } = msg;
    if (header.chain === '')
        return err(rejection(POCKETCORE.chain_missing, 'the chain in the session header is empty'));
    if (header.sessionHeight < 1n)
        return err(rejection(POCKETCORE.session_height_missing, 'the session block height must be positive'));
    if (msg.totalProofs < 5n)
        return err(rejection(POCKETCORE.too_few_proofs, 'a claim needs at least 5 relays (tree shape)'));
    const appKeyBytes = hexToBytes(header.appPublicKey);
    if (appKeyBytes === undefined || appKeyBytes.byteLength !== 32)
        return err(rejection(POCKETCORE.invalid_public_key, 'the app public key must be 32 bytes of hex'));
    const fromLength = hexByteLength(msg.fromAddress);
    if (fromLength !== 20)
        return err(rejection(POCKETCORE.invalid_hash, `from address ${fromLength === 0 ? 'is empty' : 'must be 20 bytes'}`));
    const rootLength = msg.merkleRoot.hash === null ? 0 : hexByteLength(msg.merkleRoot.hash);
    if (rootLength === undefined)
        return err(rejection(POCKETCORE.hex_decode_failed, 'the merkle root hash is not hex'));
    if (rootLength === 0)
        return err(rejection(POCKETCORE.hash_missing, 'the merkle root hash is empty'));
    if (rootLength !== 32)
        return err(rejection(POCKETCORE.invalid_hash_length, 'the merkle root hash must be 32 bytes'));
    if (!isValidRange(msg.merkleRoot))
        return err(rejection(POCKETCORE.invalid_merkle_range, 'the merkle root range is invalid'));
    if (msg.merkleRoot.lower !== 0n)
        return err(rejection(POCKETCORE.root_lower_must_be_zero, 'the merkle root range must start at 0'));
    if (msg.evidenceType === 0n)
        return err(rejection(POCKETCORE.evidence_type_missing, 'the evidence type is missing'));
    if (msg.evidenceType !== 1n && msg.evidenceType !== 2n)
        return err(rejection(POCKETCORE.invalid_evidence_type, 'the evidence type is not relay (1) or challenge (2)'));
    if (msg.expirationHeight !== 0n)
        return err(rejection(POCKETCORE.expiration_height_must_be_zero, 'the expiration height must not be set'));
    // ours: the chain must be a relay chain ID (pocket only checks it is non-empty)
    const chainProblem = relayChainProblem(header.chain, 'session header chain');
    if (chainProblem !== undefined)
        return err(chainProblem);
    if (!isSafeHeight(header.sessionHeight))
        return err(rejection(LEDGER.value_out_of_range, 'the session block height is beyond 2^53'));
    return ok({
        type: 'Claim',
        header: {
            appPublicKey: publicKeyFromHex(header.appPublicKey),
            appPublicKeyAsSigned: header.appPublicKey,
            chain: canonicalChain(header.chain, RELAY_CHAIN_MAX_BYTES),
            chainAsSigned: header.chain,
            sessionHeight: Number(header.sessionHeight),
        },
        merkleRoot: hashRange(msg.merkleRoot),
        totalProofs: msg.totalProofs,
        fromAddress: addressFromHex(msg.fromAddress),
        evidenceType: Number(msg.evidenceType),
    });
}
/** Fewest sibling levels a proof may have (msgs.go:175; a claim needs ≥ 5 leaves → ≥ 3 levels). */
export const MIN_MERKLE_PROOF_LEVELS = 3;
/** MsgProof.ValidateBasic (msgs.go:173-190). */
function validateProof(msg, verifier) {
    const { merkleProof } = msg;
    if (merkleProof.hashRanges.length < MIN_MERKLE_PROOF_LEVELS) {
        return err(rejection(POCKETCORE.too_few_merkle_levels, `a merkle proof needs at least ${MIN_MERKLE_PROOF_LEVELS} levels`));
    }
    if (!isValidRange(merkleProof.target))
        return err(rejection(POCKETCORE.invalid_merkle_range, 'the target range is invalid'));
    const proof = msg.leaf.kind === 'challenge'
        ? rejection(LEDGER.challenge_proof_unsupported, 'challenge proofs (evidence of invalid data) are not supported')
        : validateRelayProof(msg.leaf.kind === 'relay' ? msg.leaf.proof : EMPTY_RELAY_PROOF, verifier);
    if (isRejection(proof))
        return err(proof);
    if (msg.evidenceType !== 1n && msg.evidenceType !== 2n)
        return err(rejection(POCKETCORE.invalid_evidence_type, 'unrecognized evidence type'));
    return ok({
        type: 'Proof',
        merkleProof: { index: merkleProof.index, hashRanges: merkleProof.hashRanges.map(hashRange), target: hashRange(merkleProof.target) },
        leaf: proof,
        evidenceType: Number(msg.evidenceType),
    });
}
// ---------------------------------------------------------------------------------------------
// gov — x/gov/types/msg.go
/** MsgChangeParam.ValidateBasic (msg.go:56-67). */
function validateParamChange(msg) {
    if (msg.fromAddress === '')
        return err(rejection(SDK.invalid_address, 'nil address'));
    if (msg.paramKey === '')
        return err(rejection(GOV.parameter_key_or_value_empty, 'parameter key is empty'));
    if (msg.paramValue === null)
        return err(rejection(GOV.parameter_key_or_value_empty, 'parameter value is empty'));
    const from = requireAddress(msg.fromAddress, 'address');
    if (isRejection(from))
        return err(from);
    // ours: a present-but-empty value passes pocket's nil check and is then silently ignored
    if (msg.paramValue === '')
        return err(rejection(GOV.parameter_key_or_value_empty, 'parameter value is empty'));
    return ok({ type: 'ParamChange', fromAddress: from, paramKey: msg.paramKey, paramValue: hexToBytes(msg.paramValue) });
}
const DAO_ACTIONS = ['dao_transfer', 'dao_burn'];
/** MsgDAOTransfer.ValidateBasic (msg.go:107-122). */
function validateDAOTransfer(msg) {
    if (msg.fromAddress === '')
        return err(rejection(SDK.invalid_address, 'nil from address'));
    const amount = amountValue(msg.amount, 'amount');
    if (isRejection(amount))
        return err(amount);
    // Go's amount.Int64() panics (→ sdk:1) above int64; we refuse such amounts with a code instead.
    if (amount > MAX_INT64 || amount < -MAX_INT64 - 1n)
        return err(rejection(LEDGER.value_out_of_range, 'the DAO amount does not fit an int64'));
    if (amount === 0n)
        return err(rejection(GOV.dao_amount_must_not_be_zero, 'dao action value must not be zero'));
    const action = DAO_ACTIONS.find((name) => name === msg.action);
    if (action === undefined)
        return err(rejection(GOV.unknown_dao_action, `unrecognized dao action: ${msg.action.slice(0, 80)}`));
    if (action === 'dao_transfer' && msg.toAddress === '')
        return err(rejection(SDK.invalid_address, 'nil to address'));
    // ours
    const from = requireAddress(msg.fromAddress, 'from address');
    if (isRejection(from))
        return err(from);
    let to = null;
    if (msg.toAddress !== '') {
        const checked = requireAddress(msg.toAddress, 'to address');
        if (isRejection(checked))
            return err(checked);
        to = checked;
    }
    if (amount < 0n)
        return err(rejection(GOV.dao_amount_must_not_be_zero, 'dao action value must be positive'));
    const canonical = requireCanonicalAmount(msg.amount, 'amount');
    if (canonical)
        return err(canonical);
    return ok({ type: 'DAOTransfer', fromAddress: from, toAddress: to, amountUpokt: amount, action });
}
/** "KEY:height" (codec.SliceToMap, codec/codec.go:349-358): our strict form of a feature entry. */
const FEATURE = /^([A-Za-z0-9_]+):(0|[1-9][0-9]{0,15})$/;
function upgradeFeatures(features) {
    const out = [];
    for (const feature of features) {
        const match = FEATURE.exec(feature);
        const height = match === null ? undefined : BigInt(match[2]);
        if (match === null || height === undefined || !isSafeHeight(height)) {
            return rejection(LEDGER.invalid_upgrade_feature, `upgrade feature ${JSON.stringify(feature.slice(0, 80))} is not KEY:height`);
        }
        out.push({ key: match[1], height: Number(height), asSigned: feature });
    }
    return out;
}
/** MsgUpgrade.ValidateBasic (msg.go:160-171). */
function validateUpgrade(msg) {
    if (msg.address === '')
        return err(rejection(SDK.invalid_address, 'nil from address'));
    if (msg.upgrade.height === 0n)
        return err(rejection(GOV.upgrade_height_or_version_missing, 'the upgrade Height must not be zero'));
    if (msg.upgrade.version === '')
        return err(rejection(GOV.upgrade_height_or_version_missing, 'the upgrade Version must not be empty'));
    // ours
    const address = requireAddress(msg.address, 'address');
    if (isRejection(address))
        return err(address);
    if (msg.upgrade.height < 0n)
        return err(rejection(GOV.upgrade_height_or_version_missing, 'the upgrade Height must be positive'));
    if (!isSafeHeight(msg.upgrade.height) || !isSafeHeight(msg.upgrade.oldUpgradeHeight)) {
        return err(rejection(LEDGER.value_out_of_range, 'upgrade heights must be between 0 and 2^53'));
    }
    const features = upgradeFeatures(msg.upgrade.features);
    if (isRejection(features))
        return err(features);
    return ok({
        type: 'Upgrade',
        address,
        height: Number(msg.upgrade.height),
        version: msg.upgrade.version,
        oldUpgradeHeight: Number(msg.upgrade.oldUpgradeHeight),
        features,
    });
}
// ---------------------------------------------------------------------------------------------
/**
 * pocket-core's ValidateBasic for `msg`, then ours; the validated Message or the first rejection.
 * `verifier` answers a relay proof's signature checks (default `verify`; validateRelayProof).
 */
export function validateBasic(msg, verifier) {
    switch (msg.kind) {
        case 'Send':
            return validateSend(msg);
        case 'StakeNode':
            return validateStakeNode(msg);
        case 'BeginUnstakeNode':
            return validateBeginUnstakeNode(msg);
        case 'UnjailNode':
            return validateUnjailNode(msg);
        case 'StakeApp':
            return validateStakeApp(msg);
        case 'BeginUnstakeApp':
            return validateBeginUnstakeApp(msg);
        case 'UnjailApp':
            return validateUnjailApp(msg);
        case 'Claim':
            return validateClaim(msg);
        case 'Proof':
            return validateProof(msg, verifier);
        case 'ParamChange':
            return validateParamChange(msg);
        case 'DAOTransfer':
            return validateDAOTransfer(msg);
        case 'Upgrade':
            return validateUpgrade(msg);
        default:
            return unreachable(msg, 'message');
    }
}
//# sourceMappingURL=validate-basic.js.map