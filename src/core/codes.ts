/**
 * Every rejection code a transaction can end with, grouped by codespace: pocket-core's own
 * (`sdk`, `auth`, `pos`, `application`, `pocketcore`, `gov`) with pocket-core's numbers, and
 * `ledger` for rules this ledger adds (numbers are ours, stable, never reused).
 *
 * One constant per `codespace:code`. Where pocket-core uses one number for several situations
 * (e.g. `pos:101` for "validator not found", "empty send address" and "bad pubkey type") the
 * constant is named for the situation pocket-core's error text names, and the rejection's `log`
 * says which situation it was. Modules import these for their handler rejections too.
 *
 * Sources: types/errors.go:28-51 (sdk), x/auth/types/error.go:9-18, x/nodes/types/errors.go:12-42,
 * x/apps/types/errors.go:13-29, x/pocketcore/types/errors.go:11-102, x/gov/types/errors.go:9-21.
 */
import { defineCode, type CodeString } from './rejection.js';

/** Root codespace `sdk` (types/errors.go:28-51). */
export const SDK = Object.freeze({
  internal_error: defineCode('sdk', 1, 'internal_error'),
  tx_decode_error: defineCode('sdk', 2, 'tx_decode_error'),
  invalid_sequence: defineCode('sdk', 3, 'invalid_sequence'),
  unauthorized: defineCode('sdk', 4, 'unauthorized'),
  insufficient_funds: defineCode('sdk', 5, 'insufficient_funds'),
  unknown_request: defineCode('sdk', 6, 'unknown_request'),
  invalid_address: defineCode('sdk', 7, 'invalid_address'),
  invalid_public_key: defineCode('sdk', 8, 'invalid_public_key'),
  unknown_address: defineCode('sdk', 9, 'unknown_address'),
  insufficient_coins: defineCode('sdk', 10, 'insufficient_coins'),
  invalid_coins: defineCode('sdk', 11, 'invalid_coins'),
  out_of_gas: defineCode('sdk', 12, 'out_of_gas'),
  memo_too_large: defineCode('sdk', 13, 'memo_too_large'),
  insufficient_fee: defineCode('sdk', 14, 'insufficient_fee'),
  too_many_signatures: defineCode('sdk', 15, 'too_many_signatures'),
  gas_overflow: defineCode('sdk', 16, 'gas_overflow'),
  no_signatures: defineCode('sdk', 17, 'no_signatures'),
  negative_amount: defineCode('sdk', 18, 'negative_amount'),
  burn_staked_tokens: defineCode('sdk', 19, 'burn_staked_tokens'),
  force_validator_unstake: defineCode('sdk', 20, 'force_validator_unstake'),
  invalid_slash: defineCode('sdk', 21, 'invalid_slash'),
  module_account_create: defineCode('sdk', 22, 'module_account_create'),
  forbidden: defineCode('sdk', 23, 'forbidden'),
});

/** `auth` (x/auth/types/error.go:9-18). Code 7 exists but pocket-core reports insufficient fee balance as 6. */
export const AUTH = Object.freeze({
  invalid_memo: defineCode('auth', 1, 'invalid_memo'),
  public_key_not_found: defineCode('auth', 2, 'public_key_not_found'),
  account_not_found: defineCode('auth', 3, 'account_not_found'),
  fee_below_minimum: defineCode('auth', 4, 'fee_below_minimum'),
  too_many_signatures: defineCode('auth', 5, 'too_many_signatures'),
  /** Also what pocket-core returns when the signer cannot pay the fee (ErrInsufficientBalance uses CodeDupTx, error.go:47-49). */
  duplicate_tx: defineCode('auth', 6, 'duplicate_tx'),
  insufficient_balance: defineCode('auth', 7, 'insufficient_balance'),
  tx_indexer_missing: defineCode('auth', 8, 'tx_indexer_missing'),
});

/** `pos` — the nodes module (x/nodes/types/errors.go:12-42). */
export const POS = Object.freeze({
  validator_not_found: defineCode('pos', 101, 'validator_not_found'),
  stake_amount_must_be_positive: defineCode('pos', 102, 'stake_amount_must_be_positive'),
  validator_address_missing: defineCode('pos', 103, 'validator_address_missing'),
  validator_jailed: defineCode('pos', 104, 'validator_jailed'),
  validator_not_jailed: defineCode('pos', 105, 'validator_not_jailed'),
  missing_self_delegation: defineCode('pos', 106, 'missing_self_delegation'),
  signing_info_not_found: defineCode('pos', 108, 'signing_info_not_found'),
  send_amount_must_be_positive: defineCode('pos', 109, 'send_amount_must_be_positive'),
  invalid_validator_status: defineCode('pos', 110, 'invalid_validator_status'),
  stake_below_minimum: defineCode('pos', 111, 'stake_below_minimum'),
  not_enough_coins: defineCode('pos', 112, 'not_enough_coins'),
  validator_tombstoned: defineCode('pos', 113, 'validator_tombstoned'),
  cannot_handle_evidence: defineCode('pos', 114, 'cannot_handle_evidence'),
  chains_missing: defineCode('pos', 115, 'chains_missing'),
  service_url_missing: defineCode('pos', 116, 'service_url_missing'),
  validator_waiting_to_unstake: defineCode('pos', 117, 'validator_waiting_to_unstake'),
  invalid_service_url: defineCode('pos', 118, 'invalid_service_url'),
  invalid_chain_id: defineCode('pos', 119, 'invalid_chain_id'),
  too_many_chains: defineCode('pos', 120, 'too_many_chains'),
  state_conversion_failed: defineCode('pos', 121, 'state_conversion_failed'),
  edit_stake_must_not_decrease: defineCode('pos', 122, 'edit_stake_must_not_decrease'),
  output_address_missing: defineCode('pos', 123, 'output_address_missing'),
  output_address_already_set: defineCode('pos', 124, 'output_address_already_set'),
  signer_not_operator_or_output: defineCode('pos', 125, 'signer_not_operator_or_output'),
  signer_address_missing: defineCode('pos', 126, 'signer_address_missing'),
  only_current_output_may_change_output: defineCode('pos', 127, 'only_current_output_may_change_output'),
  invalid_reward_delegators: defineCode('pos', 128, 'invalid_reward_delegators'),
  only_operator_may_edit_reward_delegators: defineCode('pos', 129, 'only_operator_may_edit_reward_delegators'),
});

/** `application` — the apps module (x/apps/types/errors.go:13-29). */
export const APPLICATION = Object.freeze({
  application_not_found: defineCode('application', 101, 'application_not_found'),
  application_address_missing: defineCode('application', 103, 'application_address_missing'),
  application_jailed: defineCode('application', 104, 'application_jailed'),
  application_not_jailed: defineCode('application', 105, 'application_not_jailed'),
  missing_self_delegation: defineCode('application', 106, 'missing_self_delegation'),
  invalid_application_status: defineCode('application', 110, 'invalid_application_status'),
  stake_below_minimum: defineCode('application', 111, 'stake_below_minimum'),
  not_enough_coins: defineCode('application', 112, 'not_enough_coins'),
  stake_amount_must_be_positive: defineCode('application', 115, 'stake_amount_must_be_positive'),
  chains_missing: defineCode('application', 116, 'chains_missing'),
  invalid_chain_id: defineCode('application', 117, 'invalid_chain_id'),
  too_many_chains: defineCode('application', 118, 'too_many_chains'),
  max_applications_reached: defineCode('application', 119, 'max_applications_reached'),
  edit_stake_must_not_decrease: defineCode('application', 120, 'edit_stake_must_not_decrease'),
});

/** `pocketcore` (x/pocketcore/types/errors.go:11-102) — the codes claims and proofs can end with. */
export const POCKETCORE = Object.freeze({
  invalid_token: defineCode('pocketcore', 4, 'invalid_token'),
  invalid_evidence_type: defineCode('pocketcore', 5, 'invalid_evidence_type'),
  public_key_decode_failed: defineCode('pocketcore', 6, 'public_key_decode_failed'),
  chain_missing: defineCode('pocketcore', 8, 'chain_missing'),
  session_height_missing: defineCode('pocketcore', 9, 'session_height_missing'),
  too_few_proofs: defineCode('pocketcore', 11, 'too_few_proofs'),
  chain_not_staked_by_app: defineCode('pocketcore', 13, 'chain_not_staked_by_app'),
  node_not_in_session: defineCode('pocketcore', 14, 'node_not_in_session'),
  insufficient_nodes: defineCode('pocketcore', 17, 'insufficient_nodes'),
  invalid_hash: defineCode('pocketcore', 22, 'invalid_hash'),
  hash_missing: defineCode('pocketcore', 23, 'hash_missing'),
  invalid_entropy: defineCode('pocketcore', 29, 'invalid_entropy'),
  invalid_signature_size: defineCode('pocketcore', 38, 'invalid_signature_size'),
  signature_decode_failed: defineCode('pocketcore', 39, 'signature_decode_failed'),
  message_decode_failed: defineCode('pocketcore', 40, 'message_decode_failed'),
  invalid_signature: defineCode('pocketcore', 41, 'invalid_signature'),
  invalid_public_key_size: defineCode('pocketcore', 42, 'invalid_public_key_size'),
  application_not_found: defineCode('pocketcore', 45, 'application_not_found'),
  node_not_found: defineCode('pocketcore', 48, 'node_not_found'),
  invalid_proofs: defineCode('pocketcore', 49, 'invalid_proofs'),
  hex_decode_failed: defineCode('pocketcore', 52, 'hex_decode_failed'),
  chain_not_supported: defineCode('pocketcore', 53, 'chain_not_supported'),
  invalid_public_key: defineCode('pocketcore', 54, 'invalid_public_key'),
  invalid_block_height: defineCode('pocketcore', 60, 'invalid_block_height'),
  application_public_key_mismatch: defineCode('pocketcore', 61, 'application_public_key_mismatch'),
  invalid_hash_length: defineCode('pocketcore', 62, 'invalid_hash_length'),
  too_few_merkle_levels: defineCode('pocketcore', 63, 'too_few_merkle_levels'),
  claim_not_found: defineCode('pocketcore', 65, 'claim_not_found'),
  merkle_verification_failed: defineCode('pocketcore', 66, 'merkle_verification_failed'),
  claim_window_closed: defineCode('pocketcore', 69, 'claim_window_closed'),
  over_service: defineCode('pocketcore', 71, 'over_service'),
  root_lower_must_be_zero: defineCode('pocketcore', 73, 'root_lower_must_be_zero'),
  mismatched_request_hash: defineCode('pocketcore', 78, 'mismatched_request_hash'),
  evidence_type_missing: defineCode('pocketcore', 84, 'evidence_type_missing'),
  replay_attack: defineCode('pocketcore', 86, 'replay_attack'),
  expiration_height_must_be_zero: defineCode('pocketcore', 88, 'expiration_height_must_be_zero'),
  invalid_merkle_range: defineCode('pocketcore', 89, 'invalid_merkle_range'),
  app_chains_over_limit: defineCode('pocketcore', 91, 'app_chains_over_limit'),
});

/** `gov` (x/gov/types/errors.go:9-21). */
export const GOV = Object.freeze({
  unknown_subspace: defineCode('gov', 1, 'unknown_subspace'),
  parameter_not_set: defineCode('gov', 2, 'parameter_not_set'),
  parameter_key_or_value_empty: defineCode('gov', 3, 'parameter_key_or_value_empty'),
  invalid_acl: defineCode('gov', 4, 'invalid_acl'),
  param_change_unauthorized: defineCode('gov', 5, 'param_change_unauthorized'),
  subspace_not_found: defineCode('gov', 6, 'subspace_not_found'),
  unknown_dao_action: defineCode('gov', 7, 'unknown_dao_action'),
  dao_amount_must_not_be_zero: defineCode('gov', 8, 'dao_amount_must_not_be_zero'),
  upgrade_height_or_version_missing: defineCode('gov', 9, 'upgrade_height_or_version_missing'),
  upgrade_version_missing: defineCode('gov', 10, 'upgrade_version_missing'),
  param_change_before_allowed_height: defineCode('gov', 11, 'param_change_before_allowed_height'),
});

/**
 * `ledger` — rules of this ledger that pocket-core does not have (each listed with its reason in
 * src/messages/index.ts). Numbers are ours; never reuse one.
 */
export const LEDGER = Object.freeze({
  tx_too_large: defineCode('ledger', 1, 'tx_too_large'),
  field_exceeds_limit: defineCode('ledger', 2, 'field_exceeds_limit'),
  string_is_not_utf8: defineCode('ledger', 3, 'string_is_not_utf8'),
  unsupported_legacy_message: defineCode('ledger', 4, 'unsupported_legacy_message'),
  non_canonical_integer: defineCode('ledger', 5, 'non_canonical_integer'),
  unsupported_public_key_type: defineCode('ledger', 6, 'unsupported_public_key_type'),
  challenge_proof_unsupported: defineCode('ledger', 7, 'challenge_proof_unsupported'),
  value_out_of_range: defineCode('ledger', 8, 'value_out_of_range'),
  invalid_upgrade_feature: defineCode('ledger', 9, 'invalid_upgrade_feature'),
  /** A message given as amino JSON (CLI/API input) that does not have the message's shape. */
  invalid_message_json: defineCode('ledger', 10, 'invalid_message_json'),
  /** A claim for the same (servicer, session header, evidence type) is still pending (pocketcore/claim.ts, rule L3). */
  claim_already_exists: defineCode('ledger', 11, 'claim_already_exists'),
  /** The claim's session height does not start a session (pocketcore/claim.ts, rule L2). */
  claim_not_at_session_start: defineCode('ledger', 12, 'claim_not_at_session_start'),
  /** The same claim was already proved or burned in this session's window (pocketcore/claim.ts, rule L3). */
  claim_already_settled: defineCode('ledger', 13, 'claim_already_settled'),
  /** A ParamChange/Upgrade value that does not decode as the parameter's type (pocket-core ignores it with code 0; modules/gov/param-value.ts). */
  invalid_param_value: defineCode('ledger', 14, 'invalid_param_value'),
  /** A ParamChange value the ledger's rules cannot run with (a zero divisor, a negative share; modules/gov/param-value.ts). */
  param_value_out_of_range: defineCode('ledger', 15, 'param_value_out_of_range'),
  // 16–19 left to codes added on parallel branches (ISSUE 11), so that a merge cannot give one number two meanings.
  /**
   * The same signer already had a tx with the same sign document delivered (or admitted to the
   * mempool): a re-encoding of one signed tx (chain/replay-key.ts). pocket-core keys on the raw
   * bytes only, so it would deliver the re-encoding again.
   */
  signed_tx_already_delivered: defineCode('ledger', 20, 'signed_tx_already_delivered'),
  /** Mempool policy, not consensus: tx bytes that neither known encoder writes for their content (node/mempool.ts). */
  non_canonical_encoding: defineCode('ledger', 21, 'non_canonical_encoding'),
});

/** Every code above, for tables and exhaustive tests. */
export const ALL_CODES = Object.freeze([
  ...Object.values(SDK),
  ...Object.values(AUTH),
  ...Object.values(POS),
  ...Object.values(APPLICATION),
  ...Object.values(POCKETCORE),
  ...Object.values(GOV),
  ...Object.values(LEDGER),
]);

/** Every registered tx outcome code as `codespace:code` ("pos:111"): what a receipt can say besides ok. */
export type TxCode = CodeString<(typeof ALL_CODES)[number]>;

/**
 * Why a BLOCK is not a valid next block of this chain (chain/apply-block.ts BlockRejectedError;
 * the header checks listed in chain/hooks.ts). Not tx outcomes — a rejected block changes
 * nothing and is never appended — so they are not in ALL_CODES. Numbers are ours; never reuse one.
 */
export const BLOCK = Object.freeze({
  no_genesis: defineCode('block', 1, 'no_genesis'),
  prepared_mismatch: defineCode('block', 2, 'prepared_mismatch'),
  upgrade_required: defineCode('block', 3, 'upgrade_required'),
  wrong_chain_id: defineCode('block', 4, 'wrong_chain_id'),
  wrong_height: defineCode('block', 5, 'wrong_height'),
  time_not_increasing: defineCode('block', 6, 'time_not_increasing'),
  time_before_genesis: defineCode('block', 7, 'time_before_genesis'),
  wrong_previous_hash: defineCode('block', 8, 'wrong_previous_hash'),
  wrong_app_hash: defineCode('block', 9, 'wrong_app_hash'),
  wrong_tx_root: defineCode('block', 10, 'wrong_tx_root'),
  proposer_not_validator: defineCode('block', 11, 'proposer_not_validator'),
  wrong_last_commit: defineCode('block', 12, 'wrong_last_commit'),
  evidence_malformed: defineCode('block', 13, 'evidence_malformed'),
  evidence_not_conflicting: defineCode('block', 14, 'evidence_not_conflicting'),
  evidence_from_future: defineCode('block', 15, 'evidence_from_future'),
  evidence_signature_invalid: defineCode('block', 16, 'evidence_signature_invalid'),
  evidence_duplicate: defineCode('block', 17, 'evidence_duplicate'),
  evidence_too_old: defineCode('block', 18, 'evidence_too_old'),
  block_too_large: defineCode('block', 19, 'block_too_large'),
  evidence_overflow: defineCode('block', 20, 'evidence_overflow'),
});

export type BlockRejectionName = keyof typeof BLOCK;
