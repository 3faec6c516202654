/**
 * What pocket-core RC-0.12.0 refuses when a node starts from a genesis file — a second
 * implementation written from the Go sources (never from the ledger's parser), each rule named by
 * the file:line that refuses. A refusal is a panic, an `os.Exit(1)` or a `log.Fatal`: the module
 * manager runs each module's ValidateGenesis before its InitGenesis and panics on an error
 * (types/module/module.go:234-250), in the order auth, pos, application, pocketcore, gov
 * (app/app.go:104-110); Tendermint first reads the file into its GenesisDoc
 * (types/genesis.go:68-99 of the pokt-network fork at 59310158d3e9, pocket-core go.mod:5).
 *
 * Not refusals, so not checked, but what such a load would do: gov mints DAO_Tokens onto the DAO
 * account the file already funds (x/gov/keeper/genesis.go:25), and nodes and apps inflate the
 * file's supply by their staked pools again (x/nodes/genesis.go:76, x/apps/genesis.go:50).
 *
 * Not modelled (the checker under-reports there, never over-reports): ValidateServiceURL
 * (x/nodes/genesis.go:213), the public keys' own encoding (amino decodes them before any rule
 * runs), duplicate validators or applications by public key.
 */

export interface LoadProblem {
  /** A short rule id, e.g. `gov-acl-key`. */
  readonly rule: string;
  readonly path: string;
  readonly detail: string;
}

type Json = any;

/**
 * The parameter keys stored in each subspace when InitChain runs: every ParamSetPairs key
 * (x/auth/types/params.go:44-48, x/nodes/types/params.go:95-118, x/apps/types/params.go:50-58,
 * x/pocketcore/types/params.go:51-59, x/gov/types/params.go:49-55) except the six that
 * SetParamSet skips before their feature's activation height (types/param.go:23-30, :306-313).
 * At InitChain the height is 0 (baseapp/baseapp.go:437, `abci.Header` without a height; nodes
 * and apps set 1 − ValidatorUpdateDelay = 0, x/nodes/genesis.go:22) and codec.UpgradeFeatureMap
 * is still empty — only a restart reads the stored upgrade into it (app/app.go:132-136), gov's
 * InitGenesis does not (x/gov/keeper/genesis.go:13-30) — so IsAfterNamedFeatureActivationHeight
 * (codec/codec.go:317-319) is false for every feature and those six are never stored then.
 */
export const POCKET_CORE_PARAMS_STORED_AT_INIT_CHAIN: ReadonlySet<string> = new Set([
  'auth/MaxMemoCharacters',
  'auth/TxSigLimit',
  'auth/FeeMultipliers',
  'pos/UnstakingTime',
  'pos/MaxValidators',
  'pos/StakeDenom',
  'pos/StakeMinimum',
  'pos/MaxEvidenceAge',
  'pos/SignedBlocksWindow',
  'pos/MinSignedPerWindow',
  'pos/DowntimeJailDuration',
  'pos/SlashFractionDoubleSign',
  'pos/SlashFractionDowntime',
  'pos/BlocksPerSession',
  'pos/DAOAllocation',
  'pos/ProposerPercentage',
  'pos/RelaysToTokensMultiplier',
  'pos/MaximumChains',
  'pos/MaxJailedBlocks',
  'application/AppUnstakingTime',
  'application/MaxApplications',
  'application/ApplicationStakeMinimum',
  'application/BaseRelaysPerPOKT',
  'application/StabilityAdjustment',
  'application/ParticipationRateOn',
  'application/MaximumChains',
  'pocketcore/SessionNodeCount',
  'pocketcore/ClaimSubmissionWindow',
  'pocketcore/SupportedBlockchains',
  'pocketcore/ClaimExpiration',
  'pocketcore/ReplayAttackBurnMultiplier',
  'pocketcore/MinimumNumberOfProofs',
  'gov/acl',
  'gov/daoOwner',
  'gov/upgrade',
]);

const MIN_STAKE = 1_000_000n; // DefaultMinStake, x/nodes/types/params.go and x/apps/types/params.go
const ONE_MINUTE_NS = 60_000_000_000n;
const MAX_BLOCK_SIZE_BYTES = 104_857_600n; // tendermint types/params.go:13 MaxBlockSizeBytes
const STAKED = 2; // types/staking.go:42-44: Unstaked 0, Unstaking 1, Staked 2
const UNSTAKED = 0;

/** amino JSON int64/uint64/sdk.Int: a decimal string (or a bare number); undefined decodes to 0. */
const int = (node: unknown): bigint => (node === undefined || node === null || node === '' ? 0n : BigInt(node as string));

/** sdk.Dec's amino JSON ("0.000001000000000000"), compared as a scaled integer (18 decimals). */
function dec18(node: unknown): bigint {
  const text = String(node ?? '0');
  const negative = text.startsWith('-');
  const [whole, fraction = ''] = text.replace(/^-/, '').split('.');
  const value = BigInt(whole || '0') * 10n ** 18n + BigInt((fraction + '0'.repeat(18)).slice(0, 18));
  return negative ? -value : value;
}
const ONE_DEC = 10n ** 18n;

/** hex.DecodeString then 1..maxBytes bytes (x/nodes/types/util.go:53-68, x/pocketcore/types/crypto.go:25-41). */
const validNetworkId = (chain: string, maxBytes: number): boolean => /^([0-9a-fA-F]{2})+$/.test(chain) && chain.length / 2 <= maxBytes;

const upokt = (coins: Json): bigint => (Array.isArray(coins) ? coins.filter((c) => c.denom === 'upokt').reduce((sum: bigint, c: Json) => sum + int(c.amount), 0n) : 0n);

export function pocketCoreLoadProblems(file: Json): LoadProblem[] {
  const problems: LoadProblem[] = [];
  const fail = (rule: string, path: string, detail: string): void => void problems.push({ rule, path, detail });
  checkTendermintDoc(file, fail);
  const app = file.app_state ?? {};
  checkAuth(app.auth, fail);
  checkNodes(app.pos, app.auth, fail);
  checkApps(app.application, app.auth, fail);
  checkPocketcore(app.pocketcore, fail);
  checkGov(app.gov, fail);
  return problems;
}

type Fail = (rule: string, path: string, detail: string) => void;

/** GenesisDoc.ValidateAndComplete (types/genesis.go:68-80) and ConsensusParams.Validate (types/params.go:101-140). */
function checkTendermintDoc(file: Json, fail: Fail): void {
  if (typeof file.chain_id !== 'string' || file.chain_id === '') fail('tm-chain-id', '$.chain_id', 'empty (types/genesis.go:69-71)');
  else if (file.chain_id.length > 50) fail('tm-chain-id', '$.chain_id', 'longer than MaxChainIDLen 50 (types/genesis.go:72-74)');
  const params = file.consensus_params;
  if (params === undefined || params === null) return;
  const maxBytes = int(params.block?.max_bytes);
  if (maxBytes <= 0n || maxBytes > MAX_BLOCK_SIZE_BYTES) fail('tm-consensus-params', '$.consensus_params.block.max_bytes', `${maxBytes} outside 1..${MAX_BLOCK_SIZE_BYTES} (types/params.go:102-109)`);
  if (int(params.block?.time_iota_ms) <= 0n) fail('tm-consensus-params', '$.consensus_params.block.time_iota_ms', 'must be > 0 (types/params.go:116-119)');
  if (int(params.evidence?.max_age) <= 0n) fail('tm-consensus-params', '$.consensus_params.evidence.max_age', 'must be > 0 (types/params.go:121-124)');
  if (!Array.isArray(params.validator?.pub_key_types) || params.validator.pub_key_types.length === 0) fail('tm-consensus-params', '$.consensus_params.validator.pub_key_types', 'empty (types/params.go:126-128)');
}

/** x/auth/types/genesis.go:31-46 (ValidateGenesis) and x/auth/genesis.go:22-30 (InitGenesis). */
function checkAuth(auth: Json, fail: Fail): void {
  if (auth === undefined) return;
  (auth.accounts ?? []).forEach((account: Json, i: number) => {
    const base = account.type === 'posmint/ModuleAccount' ? account.value?.BaseAccount : account.value;
    // GetPubKey() returns the nil interface, and .PubKey() on it is a nil dereference: a panic.
    if (base?.public_key === null || base?.public_key === undefined) fail('auth-account-public-key', `$.app_state.auth.accounts[${i}]`, `${account.type} ${base?.address} has no public key (x/auth/types/genesis.go:32-36)`);
  });
  if (int(auth.params?.max_memo_characters) === 0n) fail('auth-params', '$.app_state.auth.params.max_memo_characters', 'is 0 (x/auth/types/genesis.go:37-39)');
  if (int(auth.params?.tx_sig_limit) === 0n) fail('auth-params', '$.app_state.auth.params.tx_sig_limit', 'is 0 (x/auth/types/genesis.go:40-42)');
  const seen = new Set<string>();
  for (const multiplier of auth.params?.fee_multipliers?.fee_multiplier ?? []) {
    if (seen.has(multiplier.key)) fail('auth-fee-multiplier-duplicate', '$.app_state.auth.params.fee_multipliers', `${multiplier.key} twice (x/auth/genesis.go:24-30)`);
    seen.add(multiplier.key);
  }
}

function moduleBalance(auth: Json, name: string): bigint {
  const account = (auth?.accounts ?? []).find((a: Json) => a.type === 'posmint/ModuleAccount' && a.value?.name === name);
  return account === undefined ? 0n : upokt(account.value.BaseAccount?.coins);
}

/** x/nodes/genesis.go:157-224 (ValidateGenesis), x/nodes/types/params.go:145-168, and InitGenesis :28-74. */
function checkNodes(pos: Json, auth: Json, fail: Fail): void {
  if (pos === undefined) return;
  const params = pos.params ?? {};
  const minimum = int(params.stake_minimum);
  let staked = 0n;
  (pos.validators ?? []).forEach((v: Json, i: number) => {
    const at = `$.app_state.pos.validators[${i}]`;
    const tokens = int(v.tokens);
    if (v.status === UNSTAKED) fail('pos-validator-unstaked', at, 'an Unstaked validator (x/nodes/genesis.go:30-33)');
    if (tokens === 0n && v.status !== UNSTAKED) fail('pos-validator-stake', at, 'no stake (x/nodes/genesis.go:206-208)');
    else if (v.status !== UNSTAKED && tokens < minimum) fail('pos-validator-stake', at, `${tokens} below stake_minimum ${minimum} (x/nodes/genesis.go:210-212)`);
    for (const chain of v.chains ?? []) if (!validNetworkId(chain, 2)) fail('pos-validator-chain', at, `chain ${chain} (x/nodes/genesis.go:216-220)`);
    if (v.status === STAKED) staked += tokens;
  });
  if (params.stake_denom === '' || params.stake_denom === undefined) fail('pos-params', '$.app_state.pos.params.stake_denom', 'empty (x/nodes/types/params.go:146-148)');
  if (int(params.max_validators) === 0n) fail('pos-params', '$.app_state.pos.params.max_validators', 'is 0 (x/nodes/types/params.go:149-151)');
  if (minimum < MIN_STAKE) fail('pos-params', '$.app_state.pos.params.stake_minimum', `below ${MIN_STAKE} (x/nodes/types/params.go:152-154)`);
  if (int(params.session_block_frequency) < 2n) fail('pos-params', '$.app_state.pos.params.session_block_frequency', 'below 2 (x/nodes/types/params.go:155-157)');
  const dao = int(params.dao_allocation);
  const proposer = int(params.proposer_allocation);
  if (dao < 0n || proposer < 0n || dao + proposer > 100n) fail('pos-params', '$.app_state.pos.params.dao_allocation', 'allocations negative or above 100 together (x/nodes/types/params.go:158-166)');
  for (const name of ['slash_fraction_downtime', 'slash_fraction_double_sign', 'min_signed_per_window']) {
    const value = dec18(params[name]);
    if (value < 0n || value > ONE_DEC) fail('pos-params', `$.app_state.pos.params.${name}`, 'outside [0, 1] (x/nodes/genesis.go:166-179)');
  }
  for (const name of ['max_evidence_age', 'downtime_jail_duration']) if (int(params[name]) < ONE_MINUTE_NS) fail('pos-params', `$.app_state.pos.params.${name}`, 'below a minute (x/nodes/genesis.go:181-189)');
  if (int(params.signed_blocks_window) < 10n) fail('pos-params', '$.app_state.pos.params.signed_blocks_window', 'below 10 (x/nodes/genesis.go:191-194)');
  // The pool written in the file must equal the Staked validators' tokens (Unstaking ones not counted: IsStaked).
  const pool = moduleBalance(auth, 'staked_tokens_pool');
  if (pool !== 0n && pool !== staked) fail('pos-staked-pool', '$.app_state.auth.accounts', `staked_tokens_pool holds ${pool}, the Staked validators ${staked} (x/nodes/genesis.go:47-50, 62-74)`);
}

/** x/apps/genesis.go:68-106 (ValidateGenesis), x/apps/types/params.go:75-87, and InitGenesis :19-48. */
function checkApps(application: Json, auth: Json, fail: Fail): void {
  if (application === undefined) return;
  const params = application.params ?? {};
  const minimum = int(params.app_stake_minimum);
  let staked = 0n;
  (application.applications ?? []).forEach((a: Json, i: number) => {
    const at = `$.app_state.application.applications[${i}]`;
    const tokens = int(a.staked_tokens);
    if (a.jailed === true && a.status === STAKED) fail('app-jailed', at, 'staked and jailed (x/apps/genesis.go:88-90)');
    if (tokens === 0n && a.status !== UNSTAKED) fail('app-stake', at, 'no stake (x/apps/genesis.go:91-93)');
    else if (a.status !== UNSTAKED && tokens <= minimum) fail('app-stake', at, `${tokens} not above app_stake_minimum ${minimum} (x/apps/genesis.go:95-97)`);
    for (const chain of a.chains ?? []) if (!validNetworkId(chain, 2)) fail('app-chain', at, `chain ${chain} (x/apps/genesis.go:98-102)`);
    // Unstaking applications are skipped by InitGenesis (:20-23) — their tokens are not counted.
    if (a.status === STAKED) staked += tokens;
  });
  if (int(params.max_applications) === 0n) fail('app-params', '$.app_state.application.params.max_applications', 'is 0 (x/apps/types/params.go:76-78)');
  if (minimum < MIN_STAKE) fail('app-params', '$.app_state.application.params.app_stake_minimum', `below ${MIN_STAKE} (x/apps/types/params.go:79-81)`);
  if (int(params.base_relays_per_pokt) < 0n) fail('app-params', '$.app_state.application.params.base_relays_per_pokt', 'negative (x/apps/types/params.go:82-84)');
  const pool = moduleBalance(auth, 'application_staked_tokens_pool');
  if (pool !== 0n && pool !== staked) fail('app-staked-pool', '$.app_state.auth.accounts', `application_staked_tokens_pool holds ${pool}, the Staked applications ${staked} (x/apps/genesis.go:28-30, 39-48)`);
}

/** x/pocketcore/types/genesis.go:10-23, x/pocketcore/types/params.go:82-109, MsgClaim.ValidateBasic x/pocketcore/types/msgs.go:30-73. */
function checkPocketcore(pocketcore: Json, fail: Fail): void {
  if (pocketcore === undefined) return;
  const params = pocketcore.params ?? {};
  const nodes = int(params.session_node_count);
  if (nodes < 1n || nodes > 25n) fail('pocketcore-params', '$.app_state.pocketcore.params.session_node_count', 'outside 1..25 (params.go:84-86)');
  const window = int(params.proof_waiting_period);
  if (window < 2n) fail('pocketcore-params', '$.app_state.pocketcore.params.proof_waiting_period', 'below 2 (params.go:88-90)');
  for (const chain of params.supported_blockchains ?? []) if (!validNetworkId(chain, 4)) fail('pocketcore-params', '$.app_state.pocketcore.params.supported_blockchains', `chain ${chain} (params.go:92-96)`);
  if (int(params.replay_attack_burn_multiplier) < 0n) fail('pocketcore-params', '$.app_state.pocketcore.params.replay_attack_burn_multiplier', 'negative (params.go:98-100)');
  const expiration = int(params.claim_expiration);
  if (expiration < 0n || expiration < window) fail('pocketcore-params', '$.app_state.pocketcore.params.claim_expiration', 'negative or below the submission window (params.go:102-107)');
  (pocketcore.claims ?? []).forEach((claim: Json, i: number) => {
    const at = `$.app_state.pocketcore.claims[${i}]`;
    if (!claim.header?.chain) fail('pocketcore-claim', at, 'empty chain (msgs.go:32-34)');
    if (int(claim.header?.session_height) < 1n) fail('pocketcore-claim', at, 'session height below 1 (msgs.go:36-38)');
    if (int(claim.total_proofs) < 5n) fail('pocketcore-claim', at, 'fewer than 5 proofs (msgs.go:40-42)');
    if (int(claim.merkle_root?.range?.lower) !== 0n || int(claim.merkle_root?.range?.upper) === 0n) fail('pocketcore-claim', at, 'root range not [0, upper > 0) (msgs.go:56-62)');
    const evidence = int(claim.evidence_type);
    if (evidence !== 1n && evidence !== 2n) fail('pocketcore-claim', at, `evidence type ${evidence} (msgs.go:64-69)`);
    if (int(claim.expiration_height) !== 0n) fail('pocketcore-claim-expiration', at, `expiration_height ${claim.expiration_height}, must be 0 (msgs.go:70-72)`);
  });
}

/**
 * gov's ValidateGenesis checks nothing (x/gov/module.go:43); its InitGenesis stores the params,
 * then ACL.Validate against every key stored in any subspace so far (x/gov/keeper/genesis.go:14-19,
 * x/gov/keeper/subspace.go:60-69, x/gov/types/acl.go:29-45) and exits on an unknown key or a nil
 * address.
 */
function checkGov(gov: Json, fail: Fail): void {
  if (gov === undefined) return;
  const acl = gov.params?.acl;
  const entries: Json[] = Array.isArray(acl) ? acl : Array.isArray(acl?.value) ? acl.value : [];
  entries.forEach((entry, i) => {
    const at = `$.app_state.gov.params.acl[${i}]`;
    if (!POCKET_CORE_PARAMS_STORED_AT_INIT_CHAIN.has(entry.acl_key)) fail('gov-acl-key', at, `${entry.acl_key} is not a parameter stored at InitChain (x/gov/types/acl.go:33-36)`);
    if (entry.address === null || entry.address === undefined) fail('gov-acl-address', at, 'nil address (x/gov/types/acl.go:38-40)');
  });
}
