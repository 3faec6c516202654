/**
 * Wire messages: what a pocket-core transaction's bytes say, before any validation.
 *
 * Everything a sender can get wrong is representable: addresses and keys are lowercase hex of
 * whatever bytes were sent (any length, empty included), amounts are the raw text of pocket's
 * BigInt field (`""` when absent, possibly Go base-0 syntax like "0x10" — see go-bigint.ts),
 * int64/uint64 fields are bigint. `src/messages` turns these into validated `Message`s.
 *
 * Presence matters in three places because pocket-core's amino JSON (the signed bytes) or its
 * decoder tells "absent" from "present but empty": plain `bytes` fields (gov param_value, Merkle
 * hashes → JSON `null` vs `""`) and the signature's public key (absent = look it up in state,
 * present-but-empty = decode error). Those are `string | null`.
 *
 * Field order in each interface is the proto field order (x/<module>/types/*.pb.go).
 */

/** Proto `types.Coin` (types/coin.pb.go:30-33); `amount` is BigInt text. */
export interface WireCoin {
  readonly denom: string;
  readonly amount: string;
}

/** x.nodes.MsgSend (x/nodes/types/msg.pb.go: MsgSend). */
export interface WireSend {
  readonly kind: 'Send';
  readonly fromAddress: string;
  readonly toAddress: string;
  readonly amount: string;
}

/** x.nodes.MsgProtoStake "8" (the post-NCUST MsgStake; x/nodes/types/msg.go:150-157). */
export interface WireStakeNode {
  readonly kind: 'StakeNode';
  readonly publicKey: string;
  readonly chains: readonly string[];
  readonly value: string;
  readonly serviceUrl: string;
  readonly outputAddress: string;
  /**
   * Map entries in wire order (Go writes a map in random order, so this order is what makes
   * re-encoding byte-identical). Duplicates are kept here; Go keeps the last one.
   * `null` when the field never appeared (Go: nil map).
   */
  readonly rewardDelegators: ReadonlyArray<readonly [key: string, share: number]> | null;
}

export interface WireBeginUnstakeNode {
  readonly kind: 'BeginUnstakeNode';
  readonly validatorAddress: string;
  readonly signerAddress: string;
}

export interface WireUnjailNode {
  readonly kind: 'UnjailNode';
  readonly validatorAddress: string;
  readonly signerAddress: string;
}

/** x.apps.MsgProtoStake (x/apps/types/msg.go:25-29); value 0 and no chains = app transfer. */
export interface WireStakeApp {
  readonly kind: 'StakeApp';
  readonly publicKey: string;
  readonly chains: readonly string[];
  readonly value: string;
}

export interface WireBeginUnstakeApp {
  readonly kind: 'BeginUnstakeApp';
  readonly applicationAddress: string;
}

export interface WireUnjailApp {
  readonly kind: 'UnjailApp';
  readonly applicationAddress: string;
}

/** x.pocketcore.HashRange: a Merkle sum-index node hash with its [lower, upper) range. */
export interface WireHashRange {
  readonly hash: string | null;
  readonly lower: bigint;
  readonly upper: bigint;
}

export interface WireSessionHeader {
  readonly appPublicKey: string;
  readonly chain: string;
  readonly sessionHeight: bigint;
}

export interface WireClaim {
  readonly kind: 'Claim';
  readonly header: WireSessionHeader;
  readonly merkleRoot: WireHashRange;
  readonly totalProofs: bigint;
  readonly fromAddress: string;
  /** Go `EvidenceType` is a Go `int` (64-bit) read from an int32 proto field. */
  readonly evidenceType: bigint;
  readonly expirationHeight: bigint;
}

/** x.pocketcore.AAT — the application authentication token inside a relay proof. */
export interface WireAat {
  readonly version: string;
  readonly appPublicKey: string;
  readonly clientPublicKey: string;
  readonly signature: string;
}

/** x.pocketcore.RelayProof: every string exactly as sent (the leaf hash covers them as given). */
export interface WireRelayProof {
  readonly requestHash: string;
  readonly entropy: bigint;
  readonly sessionBlockHeight: bigint;
  readonly servicerPublicKey: string;
  readonly blockchain: string;
  readonly aat: WireAat;
  readonly signature: string;
}

export interface WireRelayResponse {
  readonly signature: string;
  readonly payload: string;
  readonly proof: WireRelayProof;
}

/**
 * What pocket-core makes of a ProofI without a member: an empty RelayProof
 * (x/pocketcore/types/proof.go:37-47). Shared by the decoder, amino JSON and ValidateBasic.
 */
export const EMPTY_RELAY_PROOF: WireRelayProof = Object.freeze({
  requestHash: '',
  entropy: 0n,
  sessionBlockHeight: 0n,
  servicerPublicKey: '',
  blockchain: '',
  aat: Object.freeze({ version: '', appPublicKey: '', clientPublicKey: '', signature: '' }),
  signature: '',
});

export interface WireChallengeProof {
  readonly majorityResponses: readonly WireRelayResponse[];
  readonly minorityResponse: WireRelayResponse;
  readonly reporterAddress: string;
}

/**
 * x.pocketcore.ProofI (a oneof). `none` = no oneof member was sent; pocket-core then treats the
 * leaf as an empty RelayProof (x/pocketcore/types/proof.go:37-47).
 */
export type WireLeaf =
  | { readonly kind: 'none' }
  | { readonly kind: 'relay'; readonly proof: WireRelayProof }
  | { readonly kind: 'challenge'; readonly proof: WireChallengeProof };

export interface WireMerkleProof {
  readonly index: bigint;
  readonly hashRanges: readonly WireHashRange[];
  readonly target: WireHashRange;
}

export interface WireProof {
  readonly kind: 'Proof';
  readonly merkleProof: WireMerkleProof;
  readonly leaf: WireLeaf;
  readonly evidenceType: bigint;
}

export interface WireParamChange {
  readonly kind: 'ParamChange';
  readonly fromAddress: string;
  readonly paramKey: string;
  /** Hex of the value bytes (amino JSON of the typed value); `null` when absent. */
  readonly paramValue: string | null;
}

export interface WireDAOTransfer {
  readonly kind: 'DAOTransfer';
  readonly fromAddress: string;
  readonly toAddress: string;
  readonly amount: string;
  readonly action: string;
}

export interface WireUpgradeInfo {
  readonly height: bigint;
  readonly version: string;
  readonly oldUpgradeHeight: bigint;
  readonly features: readonly string[];
}

export interface WireUpgrade {
  readonly kind: 'Upgrade';
  readonly address: string;
  readonly upgrade: WireUpgradeInfo;
}

export type WireMessage =
  | WireSend
  | WireStakeNode
  | WireBeginUnstakeNode
  | WireUnjailNode
  | WireStakeApp
  | WireBeginUnstakeApp
  | WireUnjailApp
  | WireClaim
  | WireProof
  | WireParamChange
  | WireDAOTransfer
  | WireUpgrade;

export type WireMessageKind = WireMessage['kind'];

/**
 * Proto x.auth.ProtoStdSignature. `publicKey` null = field absent: pocket then panics (sdk:1) with
 * [AppTransfer] active, else reads the account's key (chain/ante.ts step 3a).
 */
export interface WireSignature {
  readonly publicKey: string | null;
  readonly signature: string;
}

/** The parts of a ProtoStdTx that are signed (everything but the signature). */
export interface UnsignedTx {
  readonly msg: WireMessage;
  readonly fee: readonly WireCoin[];
  readonly memo: string;
  /** int64; pocket clients pick it at random — it is the only replay protection besides the tx hash. */
  readonly entropy: bigint;
}

export interface WireTx extends UnsignedTx {
  readonly signature: WireSignature;
}

/** A decoded transaction: the wire content plus the received bytes and their hash. */
export interface DecodedTx extends WireTx {
  /** The bytes as received (length prefix included): what the hash and the block log hold. */
  readonly bytes: Uint8Array;
  /** Uppercase hex SHA-256 of `bytes` (Tendermint tx hash). */
  readonly hash: string;
  /** The Any type URL the message came with, e.g. "/x.nodes.MsgSend". */
  readonly typeUrl: string;
  /**
   * The signature's fields as received (views into `bytes`, the same bytes `signature` spells in
   * hex). PERF: what a verifier needs — a verified tx used to decode its own hex back to bytes.
   */
  readonly signatureBytes: SignatureBytes;
}

/** A tx signature's public key (null when absent) and signature, as raw bytes. */
export interface SignatureBytes {
  readonly publicKey: Uint8Array | null;
  readonly signature: Uint8Array;
}
