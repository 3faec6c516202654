export { canonicalEncodingStyle, decodeTx, decodeTxEnvelope, encodeTx, isCanonicalEncoding, txHash } from './tx.js';
export { msgToAminoJson } from './amino-json.js';
export { wireMessageFromAminoJson } from './amino-json-parse.js';
export { buildAndSignTx, signBytes, signDocument, signDocumentText, verifyTxSignature, UPOKT_DENOM } from './sign.js';
export { encodeMessageValue } from './encode-msgs.js';
export { MESSAGE_TYPES, LEGACY_TYPE_URLS, messageTypeByUrl } from './type-urls.js';
export { goParseBigInt, isCanonicalDecimal, MAX_BIGINT_MAGNITUDE } from './go-bigint.js';
export { MAX_FIELD_BYTES, MAX_REPEATED_ENTRIES, MAX_TX_BYTES } from './limits.js';
export { ProtoWriter } from './proto-writer.js';
export { ProtoReader, WireError } from './proto-reader.js';
//# sourceMappingURL=index.js.map