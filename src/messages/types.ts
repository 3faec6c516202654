/**
 * The validated message union: what `validateBasic` returns when a wire message passes every
 * stateless check. Addresses are lowercase `Address`, keys lowercase `PublicKeyHex`, amounts
 * bigint uPOKT (≤ 255 bits, canonical decimal on the wire), relay chains upper-case hex.
 *
 * Where pocket-core hashes a string exactly as the sender wrote it (session headers hash the
 * chain and the app public key as given; relay-proof leaves hash every string as given), the
 * as-signed text is kept next to the canonical value (`…AsSigned`).
 */
import type { Address, Height, PublicKeyHex } from '../core/types.js';

export interface SendMessage {
  readonly type: 'Send';
  readonly fromAddress: Address;
  readonly toAddress: Address;
  readonly amountUpokt: bigint;
}

export interface StakeNodeMessage {
  readonly type: 'StakeNode';
  readonly publicKey: PublicKeyHex;
  /** The operator: address of `publicKey`. */
  readonly operatorAddress: Address;
  /** Upper-case hex, 1–2 bytes each, in the order sent. */
  readonly chains: readonly string[];
  readonly chainsAsSigned: readonly string[];
  readonly valueUpokt: bigint;
  /** As sent; pocket-core stores it as given (validation lower-cases a copy). */
  readonly serviceUrl: string;
  readonly outputAddress: Address | null;
  /** PIP-32 reward shares (percent) by delegate address, sorted by address; null when absent. */
  readonly rewardDelegators: ReadonlyArray<readonly [Address, number]> | null;
}

export interface BeginUnstakeNodeMessage {
  readonly type: 'BeginUnstakeNode';
  readonly validatorAddress: Address;
  readonly signerAddress: Address;
}

export interface UnjailNodeMessage {
  readonly type: 'UnjailNode';
  readonly validatorAddress: Address;
  readonly signerAddress: Address;
}

export interface StakeAppMessage {
  readonly type: 'StakeApp';
  readonly publicKey: PublicKeyHex;
  readonly applicationAddress: Address;
  /**
   * The app-transfer form (value 0 and no chains, x/apps/types/msg.go:71-87): hand the signer's
   * staked app over to `publicKey`. Chains are then empty and the value 0.
   */
  readonly transfer: boolean;
  readonly chains: readonly string[];
  readonly chainsAsSigned: readonly string[];
  readonly valueUpokt: bigint;
}

export interface BeginUnstakeAppMessage {
  readonly type: 'BeginUnstakeApp';
  readonly applicationAddress: Address;
}

export interface UnjailAppMessage {
  readonly type: 'UnjailApp';
  readonly applicationAddress: Address;
}

export interface SessionHeader {
  readonly appPublicKey: PublicKeyHex;
  readonly appPublicKeyAsSigned: string;
  /** Upper-case hex, 1–4 bytes. */
  readonly chain: string;
  readonly chainAsSigned: string;
  readonly sessionHeight: Height;
}

export interface HashRange {
  /** Lowercase hex; empty string for an absent hash (Merkle siblings are not checked statelessly). */
  readonly hashHex: string;
  /** Whether the hash field was present on the wire (amino JSON null vs ""). */
  readonly hashPresent: boolean;
  readonly lower: bigint;
  readonly upper: bigint;
}

export type EvidenceType = 1 | 2;

export interface ClaimMessage {
  readonly type: 'Claim';
  readonly header: SessionHeader;
  readonly merkleRoot: HashRange;
  readonly totalProofs: bigint;
  readonly fromAddress: Address;
  /** 1 = relay, 2 = challenge (x/pocketcore/types/evidence.go:215-220). */
  readonly evidenceType: EvidenceType;
}

export interface Aat {
  readonly version: string;
  readonly appPublicKey: PublicKeyHex;
  readonly clientPublicKey: PublicKeyHex;
  readonly signature: string;
}

/**
 * A relay proof leaf. Every `…AsSigned` string and `requestHash`/`signature` are exactly as
 * sent: the leaf hash and the client's signature cover them as given.
 */
export interface RelayProofLeaf {
  readonly kind: 'relay';
  readonly requestHash: string;
  readonly entropy: bigint;
  readonly sessionBlockHeight: Height;
  readonly servicerPublicKey: PublicKeyHex;
  readonly servicerPublicKeyAsSigned: string;
  readonly servicerAddress: Address;
  /** Upper-case hex, 1–4 bytes. */
  readonly blockchain: string;
  readonly blockchainAsSigned: string;
  readonly aat: Aat;
  /** The AAT exactly as sent (its hash is part of the leaf bytes). */
  readonly aatAsSigned: { readonly version: string; readonly appPublicKey: string; readonly clientPublicKey: string; readonly signature: string };
  readonly signature: string;
}

export interface ProofMessage {
  readonly type: 'Proof';
  readonly merkleProof: {
    readonly index: bigint;
    /** Sibling hash ranges, leaf level first. */
    readonly hashRanges: readonly HashRange[];
    readonly target: HashRange;
  };
  readonly leaf: RelayProofLeaf;
  readonly evidenceType: EvidenceType;
}

export interface ParamChangeMessage {
  readonly type: 'ParamChange';
  readonly fromAddress: Address;
  /** "subspace/Key", e.g. "pos/StakeMinimum" (ACL keys, PROTOCOL §2). */
  readonly paramKey: string;
  /** The amino-JSON bytes of the new value, as sent. */
  readonly paramValue: Uint8Array;
}

export interface DAOTransferMessage {
  readonly type: 'DAOTransfer';
  readonly fromAddress: Address;
  /** null for a burn without a recipient. */
  readonly toAddress: Address | null;
  readonly amountUpokt: bigint;
  readonly action: 'dao_transfer' | 'dao_burn';
}

export interface UpgradeFeature {
  /** Feature key, e.g. "RSCAL". */
  readonly key: string;
  readonly height: Height;
  /** The "KEY:height" entry as sent. */
  readonly asSigned: string;
}

export interface UpgradeMessage {
  readonly type: 'Upgrade';
  readonly address: Address;
  readonly height: Height;
  readonly version: string;
  readonly oldUpgradeHeight: Height;
  readonly features: readonly UpgradeFeature[];
}

export type Message =
  | SendMessage
  | StakeNodeMessage
  | BeginUnstakeNodeMessage
  | UnjailNodeMessage
  | StakeAppMessage
  | BeginUnstakeAppMessage
  | UnjailAppMessage
  | ClaimMessage
  | ProofMessage
  | ParamChangeMessage
  | DAOTransferMessage
  | UpgradeMessage;

export type MessageType = Message['type'];
