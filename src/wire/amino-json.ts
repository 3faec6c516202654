/**
 * The amino JSON of each message: `{"type": <registered name>, "value": {...}}`, which is what
 * pocket-core's `msg.GetSignBytes()` key-sorts and signs (e.g. x/nodes/types/msg.go:116-119:
 * `MustSortJSON(ModuleCdc.MustMarshalJSON(msg))`), and what `tx decode` shows.
 *
 * go-amino v0.15.1 JSON rules (json-encode.go), as they apply to pocket's message structs:
 * - a registered concrete type at the top, or behind an interface field, is wrapped as
 *   {"type": name, "value": ...}: the message itself, public keys ("crypto/ed25519_public_key")
 *   and the proof leaf ("pocketcore/relay_proof", "pocketcore/challenge_proof_invalid_data");
 * - int64/uint64 and Go `int` are written as decimal STRINGS ("entropy", heights, ranges,
 *   total_proofs, evidence_type); int32/uint32 as bare numbers (reward delegator shares);
 * - []byte as standard base64 (gov param_value, Merkle hashes), nil []byte as null;
 * - types with a MarshalJSON use it: Address → lowercase hex ("" when empty), BigInt → decimal
 *   string of the VALUE (types/int.go:404-410), public keys → hex string;
 * - nil slices → null (app-transfer "chains": null), omitempty drops empty values
 *   (output_address, reward_delegators, signer_address of BeginUnstake, Upgrade's
 *   OldUpgradeHeight and Features).
 * Field names come from the gogoproto jsontags (proto/x/*).
 *
 * The result is a JsonValue tree; `sortedJson` (src/core/json.ts) gives the signed bytes.
 * Example (mainnet tx at height 41144, test/fixtures/tx-h41144.json):
 *   {"type":"pos/Send","value":{"amount":"8000010000","from_address":"ce16…687a","to_address":"fb61…aa45"}}
 */
import { unreachable } from '../core/assert.js';
import { mustHexToBytes } from '../core/hex.js';
import type { JsonValue } from '../core/json.js';
import { goBigIntText } from './go-bigint.js';
import { MESSAGE_TYPES } from './type-urls.js';
import type { WireAat, WireHashRange, WireLeaf, WireMessage, WireRelayProof, WireRelayResponse } from './types.js';
import { EMPTY_RELAY_PROOF } from './types.js';

export interface AminoJson {
  readonly type: string;
  readonly value: JsonValue;
}

type JsonObject = { [key: string]: JsonValue };

/** Address / hex bytes with a MarshalJSON: lowercase hex. */
export const hexText = (hex: string): string => hex.toLowerCase();

/** A Go int64/uint64/int: amino writes the decimal in a string. */
const int64Text = (value: bigint): string => value.toString();

/** BigInt: the decimal of the value pocket-core parsed (raw text only if it cannot parse, which decoding excludes). */
export const bigIntText = (text: string): string => goBigIntText(text) ?? text;

/** []byte: base64, or null for a nil (absent) field. */
export function base64OrNull(hex: string | null): string | null {
  return hex === null ? null : Buffer.from(mustHexToBytes(hex)).toString('base64');
}

/** A crypto.PublicKey interface field: registered concrete type by key length (crypto/amino.go:17-27). */
function publicKeyJson(hex: string): JsonValue {
  if (hex === '') return null; // nil interface
  const type = hex.length === 66 ? 'crypto/secp256k1_public_key' : 'crypto/ed25519_public_key';
  return { type, value: hexText(hex) };
}

/** A []string field: nil (no elements decoded) is null. */
const stringList = (items: readonly string[]): JsonValue => (items.length === 0 ? null : [...items]);

function hashRangeJson(range: WireHashRange): JsonValue {
  return { merkleHash: base64OrNull(range.hash), range: { lower: int64Text(range.lower), upper: int64Text(range.upper) } };
}

function aatJson(aat: WireAat): JsonValue {
  return { version: aat.version, app_pub_key: aat.appPublicKey, client_pub_key: aat.clientPublicKey, signature: aat.signature };
}

function relayProofJson(proof: WireRelayProof): JsonValue {
  return {
    request_hash: proof.requestHash,
    entropy: int64Text(proof.entropy),
    session_block_height: int64Text(proof.sessionBlockHeight),
    servicer_pub_key: proof.servicerPublicKey,
    blockchain: proof.blockchain,
    aat: aatJson(proof.aat),
    signature: proof.signature,
  };
}

function relayResponseJson(response: WireRelayResponse): JsonValue {
  return { signature: response.signature, payload: response.payload, proof: relayProofJson(response.proof) };
}


/** The `leaf` interface field (MsgProof.Leaf, x/pocketcore/types/msgs.go:98-102). */
function leafJson(leaf: WireLeaf): JsonValue {
  switch (leaf.kind) {
    case 'none': // ProofI.FromProto falls back to an empty RelayProof (proof.go:37-47)
      return { type: 'pocketcore/relay_proof', value: relayProofJson(EMPTY_RELAY_PROOF) };
    case 'relay':
      return { type: 'pocketcore/relay_proof', value: relayProofJson(leaf.proof) };
    case 'challenge':
      return {
        type: 'pocketcore/challenge_proof_invalid_data',
        value: {
          majority_responses: leaf.proof.majorityResponses.length === 0 ? null : leaf.proof.majorityResponses.map(relayResponseJson),
          minority_response: relayResponseJson(leaf.proof.minorityResponse),
          reporters_address: hexText(leaf.proof.reporterAddress),
        },
      };
    default:
      return unreachable(leaf, 'leaf');
  }
}

function valueJson(msg: WireMessage): JsonObject {
  switch (msg.kind) {
    case 'Send':
      return { from_address: hexText(msg.fromAddress), to_address: hexText(msg.toAddress), amount: bigIntText(msg.amount) };
    case 'StakeNode': {
      const value: JsonObject = {
        public_key: publicKeyJson(msg.publicKey),
        chains: stringList(msg.chains),
        value: bigIntText(msg.value),
        service_url: msg.serviceUrl,
      };
      if (msg.outputAddress !== '') value['output_address'] = hexText(msg.outputAddress);
      if (msg.rewardDelegators !== null && msg.rewardDelegators.length > 0) {
        // DEV_NOTE: a prototype-less object, so a hostile key like "__proto__" stays a plain key.
        const shares = Object.create(null) as JsonObject;
        for (const [key, share] of msg.rewardDelegators) shares[key] = share; // a Go map: the last duplicate wins
        value['reward_delegators'] = shares;
      }
      return value;
    }
    case 'BeginUnstakeNode': {
      const value: JsonObject = { validator_address: hexText(msg.validatorAddress) };
      if (msg.signerAddress !== '') value['signer_address'] = hexText(msg.signerAddress);
      return value;
    }
    case 'UnjailNode':
      return { address: hexText(msg.validatorAddress), signer_address: hexText(msg.signerAddress) };
    case 'StakeApp':
      return { pubkey: publicKeyJson(msg.publicKey), chains: stringList(msg.chains), value: bigIntText(msg.value) };
    case 'BeginUnstakeApp':
      return { application_address: hexText(msg.applicationAddress) };
    case 'UnjailApp':
      return { address: hexText(msg.applicationAddress) };
    case 'Claim':
      return {
        header: { app_public_key: msg.header.appPublicKey, chain: msg.header.chain, session_height: int64Text(msg.header.sessionHeight) },
        merkle_root: hashRangeJson(msg.merkleRoot),
        total_proofs: int64Text(msg.totalProofs),
        from_address: hexText(msg.fromAddress),
        evidence_type: int64Text(msg.evidenceType),
        expiration_height: int64Text(msg.expirationHeight),
      };
    case 'Proof':
      return {
        merkle_proofs: {
          index: int64Text(msg.merkleProof.index),
          hash_ranges: msg.merkleProof.hashRanges.length === 0 ? null : msg.merkleProof.hashRanges.map(hashRangeJson),
          target_range: hashRangeJson(msg.merkleProof.target),
        },
        leaf: leafJson(msg.leaf),
        evidence_type: int64Text(msg.evidenceType),
      };
    case 'ParamChange':
      return { address: hexText(msg.fromAddress), param_key: msg.paramKey, param_value: base64OrNull(msg.paramValue) };
    case 'DAOTransfer':
      return { from_address: hexText(msg.fromAddress), to_address: hexText(msg.toAddress), amount: bigIntText(msg.amount), action: msg.action };
    case 'Upgrade': {
      const upgrade: JsonObject = { Height: int64Text(msg.upgrade.height), Version: msg.upgrade.version };
      if (msg.upgrade.oldUpgradeHeight !== 0n) upgrade['OldUpgradeHeight'] = int64Text(msg.upgrade.oldUpgradeHeight);
      if (msg.upgrade.features.length > 0) upgrade['Features'] = [...msg.upgrade.features];
      return { address: hexText(msg.address), upgrade };
    }
    default:
      return unreachable(msg, 'message');
  }
}

/** `{type, value}` exactly as pocket-core's amino codec writes the message (before key sorting). */
export function msgToAminoJson(msg: WireMessage): AminoJson {
  return { type: MESSAGE_TYPES[msg.kind].aminoType, value: valueJson(msg) };
}
