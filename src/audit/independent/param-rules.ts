/**
 * Which decoded ParamChange values the ledger refuses although pocket-core would store them
 * (docs/protocol-choices.md, Governance; pocket-core validates nothing on change, §12.2 #10):
 * values no rule could run with → ledger:15 —
 *   a divisor or modulus below 1: pos/BlocksPerSession (h mod BPS), pos/SignedBlocksWindow
 *   (h mod window), pocketcore/SessionNodeCount, pos/ServicerStakeFloorMultiplier (stake / F),
 *   and pos/MaxValidators below 1 (no validator set, no block);
 *   pos/ServicerStakeWeightMultiplier not positive (weight = bin^E / W);
 *   application/ApplicationBurnRate negative (a burn that mints);
 *   pos/FeeBurnPercentage outside 0..100;
 *   pos/DAOAllocation or pos/ProposerPercentage negative, or their sum (with the other one as in
 *   force) above 100 (the node's share of a relay reward, 100 − DAO − proposer %, negative), or
 *   both 0 (the block reward's DAO share DAO / (DAO + proposer) divides by zero);
 *   pos/MinSignedPerWindow × pos/SignedBlocksWindow (the other one as in force), rounded half-even,
 *   outside int64 (pocket-core's RoundInt64 at every BeginBlock panics, x/nodes/keeper/params.go:70-78)
 *   or above the window (window − it < 0 in Go int64: every validator jailed at the next BeginBlock,
 *   slash.go:273-275, an empty Tendermint set, types/validator_set.go:629-632 at 59310158d3e9);
 *   pos/SlashFractionDowntime or pos/SlashFractionDoubleSign that, times the largest stake a slash
 *   can be of ((2^63 − 1) × 10^6 uPOKT), leaves the 315-bit Dec (slash.go:117-118 panics);
 *   pos/StakeDenom other than "upokt": a denom sdk.NewCoin refuses (types/coin.go:593, 602-613)
 *   panics at the next slash burn or stake release (x/nodes/keeper/pool.go:27-56), another valid
 *   one is a second currency the ledger does not keep;
 *   pocketcore/BlockByteSize above 104,857,600, Tendermint's MaxBlockSizeBytes: pocket-core's
 *   EndBlock passes it on as Block.MaxBytes (x/pocketcore/keeper/keeper.go:67-104) and Tendermint's
 *   ConsensusParams.Validate fails ApplyBlock (types/params.go:106-109) — the node kills itself;
 * and, as values that do not decode into something usable → ledger:14 —
 *   a gov/acl naming a key that is no parameter, a gov/upgrade whose version cannot be compared.
 * Worked example: DAOAllocation 10 in force, ProposerPercentage "91" → 10 + 91 = 101 > 100 → ledger:15.
 */
import type { AclEntry, ParamValue, Upgrade } from '../../params/kinds.js';
import { PARAM_SPECS_BY_KEY } from '../../params/registry.js';
import { divHalfEven, parseDecimal } from './dec.js';
import type { ParamTracker } from './params.js';

const OUT_OF_RANGE = 'ledger:15';
const INVALID_VALUE = 'ledger:14';

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;
/** pocket-core's BigDec holds at most 315 bits of its 10^-18 units (types/decimal.go's maxDecBitLen). */
const DEC_UNITS_LIMIT = 1n << 315n;

/**
 * Whether RoundInt64(MulInt64(MinSignedPerWindow, SignedBlocksWindow)) returns — the product in
 * 10^-18 units within the Dec's 315 bits, its half-even integer within int64 — and is at most the
 * window. Worked example: 1.005 × 100 = 100.5 → 100 (fits, no miss tolerated); 1.006 × 100 → 101
 * (does not); 92233720368547758.075 × 100 = …807.5 → 2^63 (leaves int64).
 */
function minSignedBlocksFit(minSignedUnits: bigint, window: bigint): boolean {
  const product = minSignedUnits * window;
  if (product >= DEC_UNITS_LIMIT || product <= -DEC_UNITS_LIMIT) return false;
  const rounded = divHalfEven(product, 10n ** 18n);
  if (rounded < INT64_MIN || rounded > INT64_MAX) return false;
  // The misses tolerated, window − rounded in Go int64 (slash.go:273), must not be negative: else
  // every validator is jailed at once (slash.go:275) and Tendermint's set is empty — a halt.
  return BigInt.asIntN(64, window - rounded) >= 0n;
}

/** Tendermint's int64 voting power × 10^6 uPOKT: the largest stake a slash multiplies (TokensFromConsensusPower). */
const LARGEST_SLASHED_UPOKT = ((1n << 63n) - 1n) * 1_000_000n;

const AT_LEAST_ONE = new Set(['pos/BlocksPerSession', 'pos/SignedBlocksWindow', 'pocketcore/SessionNodeCount', 'pos/ServicerStakeFloorMultiplier', 'pos/MaxValidators']);

/** The refusal code for `value` of `key` with the other params as `params` holds them, or undefined when accepted. */
export function paramValueProblem(key: string, value: ParamValue, params: ParamTracker): string | undefined {
  if (AT_LEAST_ONE.has(key) && (value as bigint) < 1n) return OUT_OF_RANGE;
  switch (key) {
    case 'pos/SignedBlocksWindow':
      return minSignedBlocksFit(params.dec('pos/MinSignedPerWindow'), value as bigint) ? undefined : OUT_OF_RANGE;
    case 'pos/MinSignedPerWindow':
      return minSignedBlocksFit(parseDecimal(String(value)), params.int('pos/SignedBlocksWindow')) ? undefined : OUT_OF_RANGE;
    case 'pos/SlashFractionDowntime':
    case 'pos/SlashFractionDoubleSign': {
      // Dec(stake) × fraction in 10^-18 units: stake (an integer) × the fraction's units, exactly.
      const product = LARGEST_SLASHED_UPOKT * parseDecimal(String(value));
      return product < DEC_UNITS_LIMIT && product > -DEC_UNITS_LIMIT ? undefined : OUT_OF_RANGE;
    }
    case 'pos/StakeDenom':
      return value === 'upokt' ? undefined : OUT_OF_RANGE;
    case 'pocketcore/BlockByteSize':
      return (value as bigint) <= 104_857_600n ? undefined : OUT_OF_RANGE;
    case 'pos/ServicerStakeWeightMultiplier':
      return parseDecimal(String(value)) > 0n ? undefined : OUT_OF_RANGE;
    case 'application/ApplicationBurnRate':
      return parseDecimal(String(value)) >= 0n ? undefined : OUT_OF_RANGE;
    case 'pos/FeeBurnPercentage':
      return (value as bigint) >= 0n && (value as bigint) <= 100n ? undefined : OUT_OF_RANGE;
    case 'pos/DAOAllocation':
    case 'pos/ProposerPercentage': {
      const dao = key === 'pos/DAOAllocation' ? (value as bigint) : params.int('pos/DAOAllocation');
      const proposer = key === 'pos/ProposerPercentage' ? (value as bigint) : params.int('pos/ProposerPercentage');
      // … and not both 0: splitFeesCollected's Dec(DAO).Quo(Dec(DAO + Proposer)) (x/nodes/keeper/params.go:176) panics on 0.
      return dao >= 0n && proposer >= 0n && dao + proposer <= 100n && dao + proposer > 0n ? undefined : OUT_OF_RANGE;
    }
    case 'gov/acl':
      return (value as readonly AclEntry[]).every((entry) => PARAM_SPECS_BY_KEY.has(entry.key)) ? undefined : INVALID_VALUE;
    case 'gov/upgrade':
      return readableVersion((value as Upgrade).version) ? undefined : INVALID_VALUE;
    default:
      return undefined;
  }
}

/** The pocket-core release whose rules the ledger implements (app/app.go:30, "RC-" dropped). */
const RULES_VERSION = '0.12.0';

/**
 * Whether CompareVersionStrings(RULES_VERSION, version) returns without error
 * (types/utils.go:157-197) — pocket-core's gov BeginBlock exits on an error (x/gov/module.go:
 * 138-146). It walks the common chunks in order, each side through strconv.Atoi (optional sign,
 * decimal digits, int64), and returns at the first unequal pair, so later chunks are never read:
 * "0.13.x" and "1.0-beta" are readable (they differ at chunk 1 / 0), "0.12.x", "v-next", "0..1"
 * and "RC-0.12.0" are not.
 */
export function readableVersion(version: string): boolean {
  const ours = RULES_VERSION.split('.');
  const theirs = version.split('.');
  for (let i = 0; i < Math.min(ours.length, theirs.length); i++) {
    const a = goAtoi(ours[i]!);
    const b = goAtoi(theirs[i]!);
    if (a === undefined || b === undefined) return false;
    if (a !== b) return true;
  }
  return true;
}

function goAtoi(text: string): bigint | undefined {
  if (!/^[+-]?\d+$/.test(text)) return undefined;
  const value = BigInt(text);
  return value >= -(2n ** 63n) && value < 2n ** 63n ? value : undefined;
}
