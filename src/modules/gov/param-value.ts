/**
 * Decoding and checking a ParamChange value (PROTOCOL §8.1 step 3).
 *
 * The value bytes are the amino JSON of the typed value: 64-bit integers, decimals and durations
 * as JSON strings ("100", "0.600000000000000000", "3600000000000"), booleans bare, lists and
 * structs as JSON, the ACL and the upgrade in their {"type","value"} wrapping. pocket-core
 * decodes them into the existing type and SILENTLY IGNORES a value that does not decode (result
 * code 0, value unchanged; x/gov/keeper/subspace_test.go:57-120). The ledger REJECTS it instead
 * — `ledger:14 invalid_param_value` — a deliberate, documented difference: a governance
 * transaction that changes nothing should say so.
 *
 * Beyond the type, the ledger refuses values its rules cannot run with (pocket-core validates
 * nothing on change, and such a value would halt or crash it) — `ledger:15
 * param_value_out_of_range`: divisors and moduli that must be positive (BlocksPerSession,
 * SignedBlocksWindow, SessionNodeCount, ServicerStakeFloorMultiplier, ServicerStakeWeightMultiplier),
 * MaxValidators ≥ 1 (else no validator set: no block can be produced), DAOAllocation and
 * ProposerPercentage ≥ 0 with a sum ≤ 100 (else a relay reward mints a negative node share) and
 * not both 0 (the block reward divides by the sum),
 * FeeBurnPercentage within 0..100, ApplicationBurnRate ≥ 0, and MinSignedPerWindow ×
 * SignedBlocksWindow within int64 and within the window (minSignedBlocksFit), slash fractions whose product with a stake
 * fits pocket-core's decimal (slashOfAnyPowerFits), StakeDenom "upokt" only (onlyUpokt),
 * BlockByteSize within Tendermint's largest block (blockBytesFit). ACL keys that name no parameter
 * and upgrade versions CompareVersionStrings cannot compare with this ledger's (pocket-core
 * exits on those) are `invalid_param_value`.
 * Everything else — including values pocket's own genesis Validate() would refuse but that do
 * not break a rule — is accepted, as pocket-core accepts it.
 */
import { parse as parseLossless } from 'lossless-json';
import { Dec } from '../../core/bigdec.js';
import { InvariantError } from '../../core/assert.js';
import { err, ok, type Result } from '../../core/result.js';
import { paramValueToJson, parseParamValue, type AclEntry, type ParamKind, type ParamValue, type Upgrade } from '../../params/kinds.js';
import type { Params } from '../../params/params.js';
import { PARAM_SPECS_BY_KEY, type ParamSpec } from '../../params/registry.js';
import { isComparableVersion } from './features.js';

export interface ParamValueProblem {
  readonly kind: 'invalid' | 'out_of_range';
  readonly message: string;
}

const invalid = (message: string): Result<never, ParamValueProblem> => err({ kind: 'invalid', message });
const outOfRange = (message: string): Result<never, ParamValueProblem> => err({ kind: 'out_of_range', message });

/**
 * The registered concrete types among the params (x/gov/types/codec.go:24-25). go-amino v0.15.1
 * decodes a registered type only from its {"type": name, "value": …} wrapper (go-amino v0.15.1 amino.go:426-438),
 * so pocket-core's Update fails on a bare ACL list or upgrade object (types/param.go:236-239)
 * and keeps the old value: `[{"acl_key":…}]` → ledger:14; `{"type":"gov/non_map_acl","value":[…]}`
 * decodes. (Genesis files write them bare: inside the genesis struct no wrapper is used.)
 */
const AMINO_CONCRETE_NAME: Partial<Record<ParamKind, string>> = { acl: 'gov/non_map_acl', upgrade: 'gov/upgrade' };

/** The ParamChange value bytes' text for `value`, as `pocket gov change_param` sends it (the inverse of decodeParamValue). */
export function paramChangeValueText(spec: ParamSpec, value: ParamValue): string {
  const json = paramValueToJson(spec.kind, value);
  const name = AMINO_CONCRETE_NAME[spec.kind];
  return JSON.stringify(name === undefined ? json : { type: name, value: json });
}

function isObject(node: unknown): node is Record<string, unknown> {
  return typeof node === 'object' && node !== null && !Array.isArray(node);
}

function unwrapConcrete(spec: ParamSpec, node: unknown): Result<unknown, ParamValueProblem> {
  const name = AMINO_CONCRETE_NAME[spec.kind];
  if (name === undefined) return ok(node);
  if (!isObject(node) || node['type'] !== name || node['value'] === undefined || node['value'] === null) {
    return invalid(`the value of ${spec.key} must be amino's {"type":"${name}","value":…} wrapping`);
  }
  return ok(node['value']);
}

/**
 * An upgrade value decodes INTO the stored one (types/param.go:235-236): a field it leaves out
 * is zeroed unless the field is `omitempty` (go-amino v0.15.1 json-decode.go:399-405), and
 * OldUpgradeHeight and Features are (x/gov/types/gov.pb.go:213-216). So {"Height":"900",
 * "Version":"0.12.0"} over {500, "0.11.0", old 300, ["RSCAL:450"]} → {900, "0.12.0", old 300,
 * ["RSCAL:450"]}; a missing Height or Version is "0" or "".
 */
function overStoredUpgrade(node: unknown, stored: Upgrade): unknown {
  if (!isObject(node)) return node;
  const kept = paramValueToJson('upgrade', stored) as Record<string, unknown>;
  const omitted = Object.fromEntries(['OldUpgradeHeight', 'Features'].filter((field) => kept[field] !== undefined).map((field) => [field, kept[field]]));
  return { Height: '0', Version: '', ...omitted, ...node };
}

/**
 * Bytes → typed value of `spec`'s kind (strict UTF-8, strict JSON without duplicate keys), read
 * as pocket-core's Update reads them over `stored`, the parameter's current value.
 */
export function decodeParamValue(spec: ParamSpec, bytes: Uint8Array, stored?: ParamValue): Result<ParamValue, ParamValueProblem> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return invalid(`the value of ${spec.key} is not UTF-8`);
  }
  let node: unknown;
  try {
    node = parseLossless(text);
  } catch (error) {
    return invalid(`the value of ${spec.key} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const unwrapped = unwrapConcrete(spec, node);
  if (!unwrapped.ok) return unwrapped;
  const value = spec.kind === 'upgrade' && stored !== undefined ? overStoredUpgrade(unwrapped.value, stored as Upgrade) : unwrapped.value;
  const parsed = parseParamValue(spec.kind, value);
  if (!parsed.ok) return invalid(`the value of ${spec.key} does not decode as ${spec.kind}: ${parsed.error}`);
  return ok(parsed.value);
}

function atLeast(key: string, value: bigint, minimum: bigint): Result<void, ParamValueProblem> {
  return value >= minimum ? ok(undefined) : outOfRange(`${key} must be at least ${minimum}, got ${value}`);
}

/**
 * pocket-core reads MinSignedPerWindow(ctx) = RoundInt64(MinSignedPerWindow × SignedBlocksWindow)
 * (x/nodes/keeper/params.go:70-78) at every BeginBlock's signature check; a product outside int64
 * (or the 315-bit Dec) panics there — every block, a halted chain. And the misses a window
 * tolerates, SignedBlocksWindow − that (Go int64, wrapping: slash.go:273), must not be negative:
 * else every validator, even one that missed nothing, is jailed at the next BeginBlock (0 > −1,
 * slash.go:275), Tendermint is handed an empty validator set (types/validator_set.go:629-632 at 59310158d3e9) and
 * ApplyBlock fails — a halted chain too. So the pair is held to both whichever of the two changes.
 * Example: a window of 100 takes MinSignedPerWindow up to 1.005 (100.5 → 100 half-even: no miss
 * tolerated); 1.006 → 101 is refused, and so is 10^18 (× 100 leaves int64).
 */
function minSignedBlocksFit(minSignedPerWindow: Dec, signedBlocksWindow: bigint): Result<void, ParamValueProblem> {
  let minSigned: bigint;
  try {
    minSigned = minSignedPerWindow.mulInt64(signedBlocksWindow).roundInt64();
  } catch (error) {
    if (!(error instanceof InvariantError)) throw error;
    return outOfRange(`MinSignedPerWindow (${minSignedPerWindow.toString()}) × SignedBlocksWindow (${signedBlocksWindow}) must round to a 64-bit integer (pocket-core's BeginBlock panics otherwise)`);
  }
  const tolerated = BigInt.asIntN(64, signedBlocksWindow - minSigned);
  if (tolerated >= 0n) return ok(undefined);
  return outOfRange(`MinSignedPerWindow (${minSignedPerWindow.toString()}) × SignedBlocksWindow (${signedBlocksWindow}) asks for ${minSigned} signed blocks of ${signedBlocksWindow}: every validator would be jailed at the next BeginBlock, leaving no validator set (pocket-core halts)`);
}

/** The largest stake a slash can be of, in uPOKT: Tendermint's voting power is an int64, × 10^6 (TokensFromConsensusPower). */
const LARGEST_POWER_UPOKT = ((1n << 63n) - 1n) * 1_000_000n;

/**
 * A slash computes Dec(power × 10^6) × fraction (x/nodes/keeper/slash.go:117-118), which panics in
 * pocket-core — and threw out of the ledger's block — past the Dec's 315 bits. A fraction is
 * refused when the largest possible power would overflow: ~7.3 × 10^51 and above, so 10^51 is
 * accepted (it burns the whole stake, like any fraction ≥ 1) and 10^52 is not.
 */
function slashOfAnyPowerFits(key: string, fraction: Dec): Result<void, ParamValueProblem> {
  try {
    Dec.fromInt(LARGEST_POWER_UPOKT).mul(fraction);
    return ok(undefined);
  } catch (error) {
    if (!(error instanceof InvariantError)) throw error;
    return outOfRange(`${key} ${fraction.toString()} overflows pocket-core's decimal when a slash multiplies it by a stake (at most 7.3e51)`);
  }
}

/**
 * pos/StakeDenom must stay "upokt", the one denomination the ledger keeps amounts in (PROTOCOL.md, conventions;
 * genesis refuses any other, genesis/parse.ts). pocket-core builds every staked-pool coin with it:
 * a denom sdk.NewCoin refuses ([a-z][a-z0-9]{2,15}, types/coin.go:593, 602-613) — "" or "x" —
 * panics at the next slash burn (BeginBlock, x/nodes/keeper/pool.go:48-56, slash.go:125) or stake
 * release (EndBlock, pool.go:27-36 via valStateChanges.go:467): a halted chain. A valid other one
 * ("pokt") runs there as a second currency — stakes then need "pokt" coins, releases send none
 * (the error is only logged, valStateChanges.go:467-470) — which the ledger does not model.
 */
function onlyUpokt(key: string, denom: string): Result<void, ParamValueProblem> {
  return denom === 'upokt' ? ok(undefined) : outOfRange(`${key} must be "upokt" (the ledger keeps every amount in uPOKT), got ${JSON.stringify(denom)}`);
}

/** Tendermint v0.32's MaxBlockSizeBytes (types/params.go:13): the largest Block.MaxBytes ConsensusParams.Validate accepts. */
const TENDERMINT_MAX_BLOCK_BYTES = 104_857_600n;

/**
 * pocket-core's EndBlock hands a changed BlockByteSize of at least 4,000,000 to Tendermint as
 * Block.MaxBytes (x/pocketcore/keeper/keeper.go:67-104); above 104,857,600 Tendermint's
 * ConsensusParams.Validate refuses it (types/params.go:106-109), ApplyBlock fails and every node
 * kills itself (consensus/state.go:1496-1507 at 59310158d3e9): 104,857,600 is accepted, 104,857,601 refused.
 */
function blockBytesFit(key: string, bytes: bigint): Result<void, ParamValueProblem> {
  return bytes <= TENDERMINT_MAX_BLOCK_BYTES ? ok(undefined) : outOfRange(`${key} must be at most ${TENDERMINT_MAX_BLOCK_BYTES} (Tendermint's largest block), got ${bytes}`);
}

/** The range rules above, with the other params as they are now (for the DAO + proposer sum). */
export function checkParamRange(key: string, value: ParamValue, current: Params): Result<void, ParamValueProblem> {
  switch (key) {
    case 'pos/SignedBlocksWindow': {
      const positive = atLeast(key, value as bigint, 1n);
      return positive.ok ? minSignedBlocksFit(current.pos.minSignedPerWindow, value as bigint) : positive;
    }
    case 'pos/MinSignedPerWindow':
      return minSignedBlocksFit(value as Dec, current.pos.signedBlocksWindow);
    case 'pos/SlashFractionDowntime':
    case 'pos/SlashFractionDoubleSign':
      return slashOfAnyPowerFits(key, value as Dec);
    case 'pos/BlocksPerSession':
    case 'pos/MaxValidators':
    case 'pos/ServicerStakeFloorMultiplier':
    case 'pocketcore/SessionNodeCount':
      return atLeast(key, value as bigint, 1n);
    case 'pos/StakeDenom':
      return onlyUpokt(key, value as string);
    case 'pocketcore/BlockByteSize':
      return blockBytesFit(key, value as bigint);
    case 'pos/ServicerStakeWeightMultiplier':
      return (value as Dec).isPositive() ? ok(undefined) : outOfRange(`${key} must be positive`);
    case 'application/ApplicationBurnRate':
      return (value as Dec).isNegative() ? outOfRange(`${key} must not be negative`) : ok(undefined);
    case 'pos/FeeBurnPercentage': {
      const percent = value as bigint;
      return percent >= 0n && percent <= 100n ? ok(undefined) : outOfRange(`${key} must be within 0..100, got ${percent}`);
    }
    case 'pos/DAOAllocation':
    case 'pos/ProposerPercentage': {
      const dao = key === 'pos/DAOAllocation' ? (value as bigint) : current.pos.daoAllocation;
      const proposer = key === 'pos/ProposerPercentage' ? (value as bigint) : current.pos.proposerAllocation;
      if (dao < 0n || proposer < 0n || dao + proposer > 100n) return outOfRange(`DAOAllocation (${dao}) and ProposerPercentage (${proposer}) must be ≥ 0 and sum to at most 100`);
      // pocket-core's block reward divides by their sum (Dec(DAO).Quo(Dec(DAO + Proposer)),
      // x/nodes/keeper/params.go:168-184) in the BeginBlock after any fee (reward.go:227-236):
      // both 0 panics there — a halted chain from the block after this change, which paid one.
      if (dao + proposer === 0n) return outOfRange('DAOAllocation and ProposerPercentage must not both be 0 (pocket-core\'s block reward divides by their sum)');
      return ok(undefined);
    }
    case 'gov/acl': {
      const unknown = (value as readonly AclEntry[]).find((entry) => !PARAM_SPECS_BY_KEY.has(entry.key));
      return unknown === undefined ? ok(undefined) : invalid(`acl key ${unknown.key} is not a parameter`);
    }
    case 'gov/upgrade': {
      const { version } = value as Upgrade;
      return isComparableVersion(version) ? ok(undefined) : invalid(`upgrade version ${JSON.stringify(version)} cannot be compared with this ledger's version`);
    }
    default:
      return ok(undefined);
  }
}
