/**
 * The message layer: wire messages (src/wire, what the bytes say) → `validateBasic` → the
 * validated `Message` union; who signs (`signersOf`), pocket's type string (`messageType`),
 * what DeliverTx says of a message that may have failed ValidateBasic (`describeWireMessage`),
 * base fees, the tx-level basic checks, and every rejection code (re-exported from
 * ../core/codes.ts, which sits below wire/ so the decoders can use it).
 *
 * ## Deliberate differences from pocket-core (the one list)
 *
 * Pocket-core's own checks run first, in its order and with its codes (validate-basic.ts);
 * ours run after, so they can only turn an input pocket-core ACCEPTS into a rejection — except
 * where noted (bounds at decode time, and inputs on which pocket-core panics).
 *
 * Decoding (src/wire):
 *  1. Size bounds (src/wire/limits.ts): a tx over 128 KiB → ledger:1 (pocket's mempool admits
 *     2 MiB); a string/bytes field over 64 KiB or a repeated/map field over 256 entries →
 *     ledger:2. No valid transaction comes near them.
 *  2. Invalid UTF-8 in any string field → ledger:3. Go accepts any bytes and signs them through
 *     JSON with per-byte U+FFFD replacement, which we do not reproduce.
 *  3. Legacy pre-NCUST node messages (/x.nodes.MsgProtoStake, .MsgBeginUnstake, .MsgUnjail) →
 *     ledger:4: the ledger runs with every feature active (PROTOCOL §12.1).
 *  4. Amino-encoded multisig public keys (in the signature or a MsgStake) → sdk:2; pocket
 *     decodes them. 33-byte secp256k1 keys decode (as in pocket) — see 8; in the tx signature
 *     such a key never verifies (ed25519 only): no signer matches, sdk:4, where pocket-core
 *     checks the fee (auth:4) and verifies it when its RIPEMD-160 address is the signer's.
 *  5. Reward-delegator map entries must use their declared wire types and stay inside their own
 *     length (Go reads them unchecked against the whole message) → sdk:2.
 *  6. A tx whose Any has an empty type URL → sdk:6 at decode (pocket decodes a nil message,
 *     runTx answers sdk:6, and DeliverTx then dereferences the nil message).
 *
 * validateBasic (this folder):
 *  7. Every address given must be exactly 20 bytes → sdk:7 (pocket only checks non-empty: a
 *     19-byte Send recipient passes its ValidateBasic). Send from/to, StakeNode output,
 *     BeginUnstake/Unjail address and signer, app unstake/unjail, ParamChange/DAOTransfer/
 *     Upgrade addresses. A present-but-empty address field counts as absent: the gov
 *     messages' `== nil` checks (sdk:7) then fire first, where Go would let it pass to the
 *     next check (only an encoder writing empty bytes explicitly can produce this).
 *  8. Message public keys (StakeNode, StakeApp) must be 32-byte ed25519 → ledger:6 (pocket
 *     accepts 33-byte secp256k1 here and refuses new ones in the handler, pos:101/application:101).
 *  9. Amounts must be canonical decimal text → ledger:5: Send amount, stake values, DAO amount,
 *     and (validateTxBasic) fee amounts. Pocket parses BigInt text with Go's base 0: "0x2710",
 *     "1_0000", "+10000" and "023420" (octal!) all decode. An absent field counts as 0 in both.
 * 10. Reward delegators: an empty key (Go's AddressFromHex("") succeeds) or the same address
 *     twice (any case) → pos:128. Keys are canonicalised to lowercase, sorted.
 * 11. Service URLs (service-url.ts): ASCII only, host from the RFC 3986 reg-name alphabet (no
 *     userinfo, %-escapes, <>"[]) → pos:118; URLs shorter than 8 characters on which pocket
 *     panics (sdk:1) → pos:118. The handler's 255-byte limit stays a handler check
 *     (MAX_SERVICE_URL_BYTES).
 * 12. Claim: the session-header chain must be 1–4 bytes of hex → pocketcore:52/62 (pocket: only
 *     non-empty; a bad chain then fails in the handler).
 * 13. Heights beyond 2^53 (claim and relay-proof session heights, upgrade heights) →
 *     ledger:8: the ledger keeps heights as JS numbers.
 * 14. Challenge-proof leaves → ledger:7 (pocket validates them; it panics, sdk:1, when fewer
 *     than two majority responses are sent). Never used on mainnet.
 * 15. ParamChange with a present-but-empty value → gov:3 (pocket: passes, then the handler
 *     silently ignores it).
 * 16. DAOTransfer: an amount above int64 → ledger:8 (pocket: amount.Int64() panics, sdk:1);
 *     a negative amount → gov:8 (pocket: passes ValidateBasic, panics later).
 * 17. Upgrade: a negative height → gov:9; each feature must read "KEY:height" with KEY in
 *     [A-Za-z0-9_]+ and a canonical height → ledger:9 (pocket does not check; a feature
 *     without ':' panics in the handler).
 * 18. Where pocket panics on an unset BigInt (an absent amount/value field: nil big.Int →
 *     sdk:1) — Send, StakeNode, StakeApp with chains, DAOTransfer (msg.Amount.Int64() on a nil
 *     big.Int, x/gov/types/msg.go:111), and a fee coin in StdTx.ValidateBasic — we read it as 0
 *     and answer with the failing check's code (pos:109, pos:102, application:115, gov:8,
 *     sdk:14). (StakeApp without chains reads it as 0 in pocket too: a transfer.)
 *
 * Ante handler (src/chain/ante.ts) and the node's mempool (src/node/mempool.ts):
 * 19. A tx whose sign document its signer already had delivered → ledger:20, however it is
 *     encoded (chain/replay-key.ts). pocket-core only refuses the same bytes (auth:6), so it
 *     delivers a re-encoding of a signed tx again.
 * 20. Mempool admission only (node policy, not a consensus rule): bytes that neither known
 *     encoder writes for their content → ledger:21. Blocks still accept every encoding
 *     pocket-core decodes; rule 19 makes them harmless.
 *
 * Canonical values in `Message`: addresses lowercase; relay chains upper-case hex with the
 * as-signed text kept (sessions and relay-proof leaves hash the string as given); public keys
 * lowercase with the as-signed text kept where hashed; amounts bigint.
 */
export * from '../core/codes.js';
export type {
  Aat,
  BeginUnstakeAppMessage,
  BeginUnstakeNodeMessage,
  ClaimMessage,
  DAOTransferMessage,
  EvidenceType,
  HashRange,
  Message,
  MessageType,
  ParamChangeMessage,
  ProofMessage,
  RelayProofLeaf,
  SendMessage,
  SessionHeader,
  StakeAppMessage,
  StakeNodeMessage,
  UnjailAppMessage,
  UnjailNodeMessage,
  UpgradeFeature,
  UpgradeMessage,
} from './types.js';
export { validateBasic, STAKING_CHAIN_MAX_BYTES, MIN_MERKLE_PROOF_LEVELS } from './validate-basic.js';
export { signersOf, messageType, baseFeeUpokt, BASE_FEE_UPOKT } from './signers.js';
export { describeWireMessage, type MessageDescription } from './wire-description.js';
export { validateTxBasic, declaredFeeUpokt } from './tx-basic.js';
export { isValidServiceUrl, serviceUrlProblem, MAX_SERVICE_URL_BYTES } from './service-url.js';
export { aatHash, relayProofBytes, relayProofHash, relayProofSignatureItems, validateRelayProof, wireProofOfLeaf, relayChainProblem, SUPPORTED_AAT_VERSIONS, RELAY_CHAIN_MAX_BYTES } from './relay-proof.js';
export { canonicalChain, isCanonicalAmountText } from './checks.js';
