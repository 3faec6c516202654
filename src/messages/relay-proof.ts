/**
 * Relay-proof leaves and application authentication tokens (AATs): their hashes and the
 * stateless checks of RelayProof.ValidateBasic (x/pocketcore/types/proof.go:105-143).
 *
 * Hashes are SHA3-256 over Go encoding/json of a struct (declared field order, int64 as bare
 * numbers, HTML-escaped strings — written with goObject/goString):
 * - AAT hash (aat.go:50-71): {"version","app_pub_key","client_pub_key","signature":""}.
 *   Worked example (PROTOCOL TV-19, derived): version "0.0.1", app key "a"×64, client key
 *   "b"×64 → 45fded723291efdb76a84c161a2cab51a19afc3741b4ebab205a568629ff2d1f.
 * - Leaf hash (proof.go:158-212, Bytes/Hash): {"entropy","session_block_height",
 *   "servicer_pub_key","blockchain","signature":"","token":<AAT hash hex>,"request_hash"}.
 * The AAT is signed by the app over the 32 hash bytes; the leaf by the client (the AAT's
 * client key) over the 32 leaf-hash bytes (SignatureVerification, crypto.go:46-71: the message
 * travels as the hash's hex and is decoded back to bytes).
 */
import { bytesToHex, hexToBytes } from '../core/hex.js';
import { goObject, goString } from '../core/json.js';
import { rejection, type Rejection } from '../core/rejection.js';
import { addressFromPublicKey } from '../crypto/address.js';
import { verify } from '../crypto/ed25519.js';
import type { Verifier } from '../crypto/shared-verdicts.js';
import type { VerifyItem } from '../crypto/verify-batch.js';
import { sha3_256 } from '../crypto/hash.js';
import type { Address, PublicKeyHex } from '../core/types.js';
import type { WireAat, WireRelayProof } from '../wire/types.js';
import { canonicalChain, isSafeHeight } from './checks.js';
import { LEDGER, POCKETCORE } from '../core/codes.js';
import type { RelayProofLeaf } from './types.js';

/** AAT versions the network accepts (aat.go:10-14). */
export const SUPPORTED_AAT_VERSIONS: readonly string[] = ['0.0.1'];

/** pocketcore's NetworkIdentifierLength (crypto.go:19): relay chains are 1..4 bytes here. */
export const RELAY_CHAIN_MAX_BYTES = 4;

/**
 * Memo of recent AAT hashes by content. PERF: one proof hashes its AAT three times (the app's
 * signature, the leaf bytes for the client's signature, the leaf bytes for the Merkle walk), and
 * one app–client pair signs every relay of a session. DEV_NOTE: the key is every field the hash
 * reads, length-prefixed (the signature is not hashed), so a hit returns exactly what hashing would; the memo is
 * bounded (cleared when full) and cannot change an outcome. Callers get a copy.
 */
const AAT_MEMO_CAPACITY = 4_096;
const aatMemo = new Map<string, AatDigest>();

/** An AAT's hash and its hex (the relay proof's `token` field). */
interface AatDigest {
  readonly hash: Uint8Array;
  readonly hex: string;
}

function aatDigest(aat: WireAat): AatDigest {
  // Length-prefixed, so no two different field triples share a key ("a","bc" vs "ab","c").
  const key = `${aat.version.length}:${aat.version}${aat.appPublicKey.length}:${aat.appPublicKey}${aat.clientPublicKey}`;
  let digest = aatMemo.get(key);
  if (digest === undefined) {
    if (aatMemo.size >= AAT_MEMO_CAPACITY) aatMemo.clear();
    const hash = aatHashUncached(aat);
    digest = { hash, hex: bytesToHex(hash) };
    aatMemo.set(key, digest);
  }
  return digest;
}

/** SHA3-256 of the AAT's JSON with an empty signature. */
export function aatHash(aat: WireAat): Uint8Array {
  return aatDigest(aat).hash.slice();
}

function aatHashUncached(aat: WireAat): Uint8Array {
  const json = goObject([
    ['version', goString(aat.version)],
    ['app_pub_key', goString(aat.appPublicKey)],
    ['client_pub_key', goString(aat.clientPublicKey)],
    ['signature', goString('')],
  ]);
  return sha3_256(json);
}

/**
 * The leaf's JSON bytes without the client signature (RelayProof.Bytes). PERF: memoised per proof
 * object — ValidateBasic hashes them for the client signature and the Merkle walk hashes them
 * again. DEV_NOTE: wire objects are never mutated after decoding (readonly), and the value is a
 * pure function of the object's fields, so a hit is what building them would give.
 */
export function relayProofBytes(proof: WireRelayProof): string {
  let bytes = relayProofBytesMemo.get(proof);
  if (bytes === undefined) relayProofBytesMemo.set(proof, (bytes = relayProofBytesUncached(proof)));
  return bytes;
}

const relayProofBytesMemo = new WeakMap<WireRelayProof, string>();

/**
 * The wire proof a validated leaf was made from (validateRelayProof), so the Merkle walk finds
 * its memoised bytes; undefined for a leaf built another way.
 */
export function wireProofOfLeaf(leaf: RelayProofLeaf): WireRelayProof | undefined {
  return wireProofs.get(leaf);
}

const wireProofs = new WeakMap<RelayProofLeaf, WireRelayProof>();

function relayProofBytesUncached(proof: WireRelayProof): string {
  // RelayProof.Bytes' field order (not sorted); entropy and session height are bare numbers.
  // PERF: written directly, not through goObject's list of pairs (~1,400 proofs a mainnet block).
  return (
    `{"entropy":${proof.entropy},"session_block_height":${proof.sessionBlockHeight},"servicer_pub_key":${goString(proof.servicerPublicKey)},` +
    `"blockchain":${goString(proof.blockchain)},"signature":"","token":"${aatDigest(proof.aat).hex}","request_hash":${goString(proof.requestHash)}}`
  );
}

/**
 * SHA3-256 of relayProofBytes: what the client signs and what the Merkle tree commits to. PERF:
 * memoised per proof object like the bytes (the pool's item is made when the block is posted,
 * and ValidateBasic's client check reads it again). Callers get a copy.
 */
export function relayProofHash(proof: WireRelayProof): Uint8Array {
  let hash = relayProofHashMemo.get(proof);
  if (hash === undefined) relayProofHashMemo.set(proof, (hash = sha3_256(relayProofBytes(proof))));
  return hash.slice();
}

const relayProofHashMemo = new WeakMap<WireRelayProof, Uint8Array>();

/** HashVerification (crypto.go:88-104) on a hex string: 52 not hex, 23 empty, 62 not 32 bytes. */
function hashProblem(hex: string, field: string): Rejection | undefined {
  const bytes = hexToBytes(hex);
  if (bytes === undefined) return rejection(POCKETCORE.hex_decode_failed, `${field} is not hex`);
  if (bytes.byteLength === 0) return rejection(POCKETCORE.hash_missing, `${field} is empty`);
  if (bytes.byteLength !== 32) return rejection(POCKETCORE.invalid_hash_length, `${field} must be 32 bytes`);
  return undefined;
}

/** NetworkIdentifierVerification (crypto.go:25-41): 52 not hex, 23 empty, 62 over 4 bytes. */
export function relayChainProblem(chain: string, field: string): Rejection | undefined {
  const bytes = hexToBytes(chain);
  if (bytes === undefined) return rejection(POCKETCORE.hex_decode_failed, `${field} is not hex`);
  if (bytes.byteLength === 0) return rejection(POCKETCORE.hash_missing, `${field} is empty`);
  if (bytes.byteLength > RELAY_CHAIN_MAX_BYTES) return rejection(POCKETCORE.invalid_hash_length, `${field} is longer than ${RELAY_CHAIN_MAX_BYTES} bytes`);
  return undefined;
}

/**
 * The canonical (lowercase) form of a key whose hex has already decoded to 32 bytes. PERF: that
 * decode checked every digit, so publicKeyFromHex's pattern test (three per proof) is not needed.
 */
function canonicalDecodedKey(hex: string): PublicKeyHex {
  return hex.toLowerCase() as PublicKeyHex;
}

/** PubKeyVerification (crypto.go:74-85) → the canonical key, or which of 6/42 applies. */
function publicKeyCheck(hex: string, field: string): PublicKeyHex | Rejection {
  const bytes = hexToBytes(hex);
  if (bytes === undefined) return rejection(POCKETCORE.public_key_decode_failed, `${field} is not hex`);
  if (bytes.byteLength !== 32) return rejection(POCKETCORE.invalid_public_key_size, `${field} must be 32 bytes`);
  return canonicalDecodedKey(hex);
}

/**
 * SignatureVerification (crypto.go:46-71) of `signatureHex` by `publicKey` over `message`:
 * 39 not hex, 38 not 64 bytes, 41 does not verify. Its code 6 (key undecodable) cannot arise
 * here: every caller passes a key it has already decoded to 32 bytes (crypto.NewPublicKey also
 * takes 33-byte secp256k1 keys; the AAT checks have required 32 bytes first).
 */
function signatureProblem(publicKey: Uint8Array, message: Uint8Array, signatureHex: string, verifier: Verifier): Rejection | undefined {
  const signature = hexToBytes(signatureHex);
  if (signature === undefined) return rejection(POCKETCORE.signature_decode_failed, 'signature is not hex');
  if (signature.byteLength !== 64) return rejection(POCKETCORE.invalid_signature_size, 'signature must be 64 bytes');
  if (!verifier(publicKey, message, signature)) return rejection(POCKETCORE.invalid_signature, 'signature does not verify');
  return undefined;
}

/** What AAT.Validate found: the first problem, or the decoded client key (it signs the leaf). */
type AatCheck = { readonly problem: string } | { readonly problem: undefined; readonly clientKey: Uint8Array };

/** AAT.Validate (aat.go:33-48, 74-118); every failure is pocketcore:4 (NewInvalidTokenError). */
function checkAat(aat: WireAat, verifier: Verifier): AatCheck {
  if (aat.version === '') return { problem: 'the application authentication token version is missing' };
  if (!SUPPORTED_AAT_VERSIONS.includes(aat.version)) return { problem: 'the application authentication token version is not supported' };
  if (aat.appPublicKey.length === 0) return { problem: 'the application public key included in the AAT is not valid' };
  const appKey = hexToBytes(aat.appPublicKey);
  if (appKey === undefined || appKey.byteLength !== 32) return { problem: 'the application public key included in the AAT is not a 32-byte hex key' };
  if (aat.clientPublicKey.length === 0) return { problem: 'the client public key included in the AAT is not valid' };
  const clientKey = hexToBytes(aat.clientPublicKey);
  if (clientKey === undefined || clientKey.byteLength !== 32) return { problem: 'the client public key included in the AAT is not a 32-byte hex key' };
  if (signatureProblem(appKey, aatHash(aat), aat.signature, verifier) !== undefined) return { problem: 'the application signature on the AAT is not valid' };
  return { problem: undefined, clientKey };
}

/**
 * RelayProof.ValidateBasic in pocket-core's order, then our extra range check on the height.
 * Returns the validated leaf or the first rejection. `verifier` answers the two signature checks:
 * `verify` itself, or one reading the verdicts the worker pool computed (the same answers:
 * crypto/shared-verdicts.ts).
 */
export function validateRelayProof(proof: WireRelayProof, verifier: Verifier = verify): RelayProofLeaf | Rejection {
  if (proof.sessionBlockHeight < 1n) return rejection(POCKETCORE.invalid_block_height, 'relay proof session block height must be positive');
  const servicer = publicKeyCheck(proof.servicerPublicKey, 'servicer public key');
  if (typeof servicer !== 'string') return servicer;
  const chainProblem = relayChainProblem(proof.blockchain, 'relay proof blockchain');
  if (chainProblem !== undefined) return chainProblem;
  const requestHashProblem = hashProblem(proof.requestHash, 'request hash');
  if (requestHashProblem !== undefined) return requestHashProblem;
  if (proof.entropy < 0n) return rejection(POCKETCORE.invalid_entropy, 'relay proof entropy must not be negative');
  const token = checkAat(proof.aat, verifier);
  if (token.problem !== undefined) return rejection(POCKETCORE.invalid_token, `the application authentication token is invalid : ${token.problem}`);
  const clientSignatureProblem = signatureProblem(token.clientKey, relayProofHash(proof), proof.signature, verifier);
  if (clientSignatureProblem !== undefined) return clientSignatureProblem;
  // ours: heights are JS numbers in the ledger
  if (!isSafeHeight(proof.sessionBlockHeight)) return rejection(LEDGER.value_out_of_range, 'relay proof session block height is beyond 2^53');
  const leaf: RelayProofLeaf = {
    kind: 'relay',
    requestHash: proof.requestHash,
    entropy: proof.entropy,
    sessionBlockHeight: Number(proof.sessionBlockHeight),
    servicerPublicKey: servicer,
    servicerPublicKeyAsSigned: proof.servicerPublicKey,
    servicerAddress: servicerAddressOf(servicer),
    blockchain: canonicalChain(proof.blockchain, RELAY_CHAIN_MAX_BYTES) as string,
    blockchainAsSigned: proof.blockchain,
    aat: {
      version: proof.aat.version,
      appPublicKey: canonicalDecodedKey(proof.aat.appPublicKey),
      clientPublicKey: canonicalDecodedKey(proof.aat.clientPublicKey),
      signature: proof.aat.signature,
    },
    aatAsSigned: { ...proof.aat },
    signature: proof.signature,
  };
  wireProofs.set(leaf, proof);
  return leaf;
}

function servicerAddressOf(publicKey: PublicKeyHex): Address {
  let address = servicerAddresses.get(publicKey);
  if (address === undefined) {
    if (servicerAddresses.size >= SERVICER_ADDRESS_MEMO_CAPACITY) servicerAddresses.clear();
    servicerAddresses.set(publicKey, (address = addressFromPublicKey(hexToBytes(publicKey) as Uint8Array)));
  }
  return address;
}

/** PERF: a servicer proves many claims; the address is a pure function of the key (bounded memo). */
const SERVICER_ADDRESS_MEMO_CAPACITY = 16_384;
const servicerAddresses = new Map<string, Address>();

/**
 * The two signature checks validateRelayProof may reach, as pool items — the AAT's app signature
 * over the AAT hash and the client's over the leaf hash — for the fields that decode to a 32-byte
 * key and a 64-byte signature (any other shape is rejected before or without a verification).
 * Verifying these ahead never decides anything: validateRelayProof still runs every check in
 * pocket-core's order and only looks the verdicts up.
 */
export function relayProofSignatureItems(proof: WireRelayProof): VerifyItem[] {
  const items: VerifyItem[] = [];
  const { aat } = proof;
  const appKey = hexToBytes(aat.appPublicKey);
  const clientKey = hexToBytes(aat.clientPublicKey);
  if (clientKey === undefined || clientKey.byteLength !== 32) return items;
  const appSignature = hexToBytes(aat.signature);
  if (appKey !== undefined && appKey.byteLength === 32 && appSignature !== undefined && appSignature.byteLength === 64) {
    items.push({ publicKey: appKey, message: aatHash(aat), signature: appSignature, recurring: true });
  }
  const clientSignature = hexToBytes(proof.signature);
  if (clientSignature !== undefined && clientSignature.byteLength === 64) items.push({ publicKey: clientKey, message: relayProofHash(proof), signature: clientSignature });
  return items;
}
