/**
 * pocket-core's transaction wire format: decode/encode ProtoStdTx bytes, tx hashes, the
 * amino-JSON sign document, signing. Validation of message contents lives in src/messages.
 */
export type {
  DecodedTx,
  UnsignedTx,
  WireAat,
  WireBeginUnstakeApp,
  WireBeginUnstakeNode,
  WireChallengeProof,
  WireClaim,
  WireCoin,
  WireDAOTransfer,
  WireHashRange,
  WireLeaf,
  WireMerkleProof,
  WireMessage,
  WireMessageKind,
  WireParamChange,
  WireProof,
  WireRelayProof,
  WireRelayResponse,
  WireSend,
  WireSessionHeader,
  WireSignature,
  SignatureBytes,
  WireStakeApp,
  WireStakeNode,
  WireTx,
  WireUnjailApp,
  WireUnjailNode,
  WireUpgrade,
  WireUpgradeInfo,
} from './types.js';
export { canonicalEncodingStyle, decodeTx, decodeTxEnvelope, encodeTx, isCanonicalEncoding, txHash, type TxEnvelope } from './tx.js';
export type { EncodingStyle } from './proto-writer.js';
export { msgToAminoJson, type AminoJson } from './amino-json.js';
export { wireMessageFromAminoJson } from './amino-json-parse.js';
export { buildAndSignTx, signBytes, signDocument, signDocumentText, verifyTxSignature, UPOKT_DENOM, type BuildTxInput, type BuiltTx } from './sign.js';
export { encodeMessageValue } from './encode-msgs.js';
export { MESSAGE_TYPES, LEGACY_TYPE_URLS, messageTypeByUrl, type MessageTypeInfo } from './type-urls.js';
export { goParseBigInt, isCanonicalDecimal, MAX_BIGINT_MAGNITUDE } from './go-bigint.js';
export { MAX_FIELD_BYTES, MAX_REPEATED_ENTRIES, MAX_TX_BYTES } from './limits.js';
export { ProtoWriter } from './proto-writer.js';
export { ProtoReader, WireError } from './proto-reader.js';
