/**
 * Sign-document parts written directly as sorted JSON: each function returns exactly
 * `sortedJson(<the amino JSON value of amino-json.ts>)` for its message, with the keys already
 * in sorted order (UTF-8 byte order; every key here is ASCII), so no JSON tree is built and no key
 * list sorted per tx.
 *
 * PERF: the replay key hashes every tx's sign document (chain/replay-key.ts), and a verified
 * block writes it for every tx it sends to the pool (chain/prepare.ts). Mainnet blocks are mostly
 * claims and proofs; a proof's document (a Merkle path of ~11 hash ranges plus the relay proof)
 * through the generic writer was ~12% of applying a mainnet-shaped block with trusted signatures
 * (its --cpu-prof, 2026-12-03). Tests hold every writer equal to the generic form, including
 * hostile strings (test/unit/wire/sign-text.test.ts).
 *
 * Sorted key orders used below (byte order), e.g. for a relay proof:
 *   aat < blockchain < entropy < request_hash < servicer_pub_key < session_block_height < signature
 * ("servicer…" < "session…" at their fourth byte: 'r' 0x72 < 's' 0x73).
 */
import { goString } from '../core/json.js';
import { base64OrNull, bigIntText, hexText } from './amino-json.js';
import type { WireAat, WireClaim, WireCoin, WireHashRange, WireProof, WireRelayProof, WireSend } from './types.js';
import { EMPTY_RELAY_PROOF } from './types.js';

/** A BigInt field, by amino-json.ts's own rule, as a JSON string. */
const bigIntString = (text: string): string => goString(bigIntText(text));

/** An Address / hex field (a MarshalJSON), by amino-json.ts's own rule, as a JSON string. */
const hexString = (hex: string): string => goString(hexText(hex));

/** A Send's value: amount < from_address < to_address. */
export function sendValueText(msg: WireSend): string {
  return `{"amount":${bigIntString(msg.amount)},"from_address":${hexString(msg.fromAddress)},"to_address":${hexString(msg.toAddress)}}`;
}

/** The fee coins: each coin amount < denom, denom left out when empty (omitempty). */
export function feeText(fee: readonly WireCoin[]): string {
  let out = '[';
  for (let i = 0; i < fee.length; i++) {
    const coin = fee[i]!;
    out += `${i === 0 ? '' : ','}{"amount":${bigIntString(coin.amount)}${coin.denom === '' ? '' : `,"denom":${goString(coin.denom)}`}}`;
  }
  return out + ']';
}

/** A HashRange: merkleHash (base64, null when absent) < range {lower < upper} (int64 strings). */
function hashRangeText(range: WireHashRange): string {
  const hash = base64OrNull(range.hash);
  return `{"merkleHash":${hash === null ? 'null' : `"${hash}"`},"range":{"lower":"${range.lower}","upper":"${range.upper}"}}`;
}

/** A Claim's value: evidence_type < expiration_height < from_address < header < merkle_root < total_proofs. */
export function claimValueText(msg: WireClaim): string {
  const header = `{"app_public_key":${goString(msg.header.appPublicKey)},"chain":${goString(msg.header.chain)},"session_height":"${msg.header.sessionHeight}"}`;
  return `{"evidence_type":"${msg.evidenceType}","expiration_height":"${msg.expirationHeight}","from_address":${hexString(msg.fromAddress)},"header":${header},"merkle_root":${hashRangeText(msg.merkleRoot)},"total_proofs":"${msg.totalProofs}"}`;
}

/** An AAT: app_pub_key < client_pub_key < signature < version. */
function aatText(aat: WireAat): string {
  return `{"app_pub_key":${goString(aat.appPublicKey)},"client_pub_key":${goString(aat.clientPublicKey)},"signature":${goString(aat.signature)},"version":${goString(aat.version)}}`;
}

function relayProofText(proof: WireRelayProof): string {
  return (
    `{"aat":${aatText(proof.aat)},"blockchain":${goString(proof.blockchain)},"entropy":"${proof.entropy}","request_hash":${goString(proof.requestHash)},` +
    `"servicer_pub_key":${goString(proof.servicerPublicKey)},"session_block_height":"${proof.sessionBlockHeight}","signature":${goString(proof.signature)}}`
  );
}

/**
 * A Proof's value — evidence_type < leaf < merkle_proofs {hash_ranges < index < target_range} —
 * for a relay-proof leaf (or none, which amino writes as an empty relay proof); undefined for a
 * challenge leaf, which the caller writes through the generic form (rare, and many shapes).
 */
export function proofValueText(msg: WireProof): string | undefined {
  if (msg.leaf.kind === 'challenge') return undefined;
  const leaf = `{"type":"pocketcore/relay_proof","value":${relayProofText(msg.leaf.kind === 'relay' ? msg.leaf.proof : EMPTY_RELAY_PROOF)}}`;
  const ranges = msg.merkleProof.hashRanges;
  let path = 'null';
  if (ranges.length > 0) {
    path = '[';
    for (let i = 0; i < ranges.length; i++) path += (i === 0 ? '' : ',') + hashRangeText(ranges[i]!);
    path += ']';
  }
  const merkle = `{"hash_ranges":${path},"index":"${msg.merkleProof.index}","target_range":${hashRangeText(msg.merkleProof.target)}}`;
  return `{"evidence_type":"${msg.evidenceType}","leaf":${leaf},"merkle_proofs":${merkle}}`;
}
