/**
 * `pokt-ledger calc reward --relays N --stake AMOUNT [--chain ID] (--data DIR [--height H] | --params FILE) [--json]`
 * — the relay reward a servicer staked AMOUNT (15000POKT, 15000000000uPOKT; bare: uPOKT) would mint for a claim of N relays under the params
 * in force (PROTOCOL §5.1–5.2; src/modules/pocketcore/rewards.ts): PIP-22 bin and weight, the
 * minted total, the servicer side, the fee-collector share and how the next BeginBlock splits
 * it between the DAO and the proposer, and every recipient line of the plan.
 *
 *   --json → {"bin","weight","minted_upokt","node_upokt","dao_upokt","proposer_upokt","recipients":[…], …}
 *
 * Params: a data directory replayed to H, or --params FILE — a /v1/query/allparams answer
 * ({"app_params":[{"param_key","param_value"}],"node_params":…}) or a flat {"pos/Key": value}
 * object; keys it lacks take the bundled mainnet genesis values (feature params: their
 * activation values). Optional --operator / --output / --delegators name the recipients.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { parseAddress, type Address } from '../../core/types.js';
import { loadGenesisState } from '../../genesis/load.js';
import { canonicalChain } from '../../messages/index.js';
import { inactiveFeatures, decodeParamValue } from '../../modules/gov/index.js';
import { calculateRelayReward, type RewardCalculation } from '../../modules/pocketcore/index.js';
import { upoktAndPoktText } from '../../core/pokt-text.js';
import { parseParamValue, type ParamValue } from '../../params/kinds.js';
import { buildParams, type Params } from '../../params/params.js';
import { PARAM_SPECS_BY_KEY } from '../../params/registry.js';
import { decimalForPeople, upoktAmountOption } from '../decimal-text.js';
import { CliError, printJson, writeStdout } from '../output.js';
import { queryStateOf } from './query.js';

interface RewardOptions {
  readonly relays?: string;
  readonly stake?: bigint;
  readonly chain?: string;
  readonly data?: string;
  readonly height?: string;
  readonly params?: string;
  readonly operator?: string;
  readonly output?: string;
  readonly delegators?: string;
  readonly json?: boolean;
}

function positiveInteger(text: string | undefined, flag: string): bigint {
  if (text === undefined || !/^[0-9]+$/.test(text)) throw new CliError('invalid_option', `${flag} must be a non-negative integer, got ${JSON.stringify(text)}`);
  return BigInt(text);
}

/** One allparams value: a JSON scalar written as a string ("15"), or JSON text ("false", "{…}"). */
function parseFileValue(key: string, value: unknown): ParamValue {
  const spec = PARAM_SPECS_BY_KEY.get(key);
  if (spec === undefined) throw new CliError('invalid_params_file', `unknown parameter ${key}`);
  const direct = parseParamValue(spec.kind, value);
  if (direct.ok) return direct.value;
  if (typeof value === 'string') {
    const decoded = decodeParamValue(spec, new TextEncoder().encode(value));
    if (decoded.ok) return decoded.value;
  }
  const hint = typeof value === 'number' ? ` (numbers are written as strings, as allparams writes them: "${value}")` : '';
  throw new CliError('invalid_params_file', `parameter ${key} has a value that does not read as ${spec.kind}: ${JSON.stringify(value)}${hint}`);
}

/** The sections of a /v1/query/allparams answer (app/query.go AllParamsReturn). */
const ALLPARAMS_SECTIONS: ReadonlySet<string> = new Set(['app_params', 'node_params', 'pocket_params', 'gov_params', 'auth_params']);

/**
 * (key, value) of every parameter a params file sets. Anything it holds that is neither an
 * allparams section of {param_key, param_value} items nor a "subspace/Key" member is refused:
 * ignored, a misspelt key would silently leave the mainnet value in force (QA of 2026-12-06:
 * {"RelaysToTokensMultiplier": "1"} computed with 10,000).
 */
function paramEntries(file: string, raw: Record<string, unknown>): Array<[string, unknown]> {
  const entries: Array<[string, unknown]> = [];
  for (const [name, value] of Object.entries(raw)) {
    if (ALLPARAMS_SECTIONS.has(name)) {
      if (!Array.isArray(value)) throw new CliError('invalid_params_file', `${file}: ${name} must be a list of {param_key, param_value}, as allparams answers`);
      for (const item of value as Array<{ param_key?: unknown; param_value?: unknown }>) {
        if (typeof item?.param_key !== 'string') throw new CliError('invalid_params_file', `${file}: an item of ${name} has no param_key`);
        entries.push([item.param_key, item.param_value]);
      }
    } else if (name.includes('/')) entries.push([name, value]);
    else throw new CliError('invalid_params_file', `${file}: ${JSON.stringify(name)} is neither a parameter (subspace/Key, e.g. "pos/RelaysToTokensMultiplier") nor an allparams section (${[...ALLPARAMS_SECTIONS].join(', ')})`);
  }
  if (entries.length === 0) throw new CliError('invalid_params_file', `${file} sets no parameter (a /v1/query/allparams answer, or {"pos/Key": "value"})`);
  return entries;
}

/** --params FILE → typed params (missing keys from the bundled mainnet genesis). */
export function paramsFromFile(file: string): Params {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CliError('invalid_params_file', `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new CliError('invalid_params_file', `${file} is not a JSON object`);
  const entries = paramEntries(file, raw as Record<string, unknown>);
  const overrides = new Map(entries.map(([key, value]) => [key, parseFileValue(key, value)]));
  const base = loadGenesisState().state;
  return buildParams((key) => overrides.get(key) ?? base.gov.params.get(key)?.value);
}

function recipient(text: string | undefined, flag: string, fallback: string): Address {
  if (text === undefined) return fallback as Address;
  const address = parseAddress(text);
  if (address === undefined) throw new CliError('invalid_option', `${flag} must be a 20-byte hex address`);
  return address;
}

function delegatorsOf(text: string | undefined): Readonly<Record<string, number>> | null {
  if (text === undefined) return null;
  try {
    const parsed = JSON.parse(text) as Record<string, number>;
    return Object.fromEntries(Object.entries(parsed).map(([address, share]) => [recipient(address, '--delegators', ''), Number(share)]));
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError('invalid_option', '--delegators must be a JSON object {"<address>": percent}');
  }
}

/** The reward for people: every amount grouped in uPOKT with POKT beside, the weight rounded (--json: exact). */
function rewardLines(answer: RewardCalculation, relays: bigint, chain: string): string[] {
  const amount = (upokt: string): string => upoktAndPoktText(BigInt(upokt));
  const width = Math.max(...answer.recipients.map((r) => r.role.length));
  return [
    `minted ${amount(answer.minted_upokt)} for ${relays.toLocaleString('en-US')} relays on chain ${chain}`,
    `  stake ${amount(answer.stake_upokt)}: PIP-22 bin ${answer.bin}, weight ${decimalForPeople(answer.weight)}, ${decimalForPeople(answer.multiplier_upokt_per_relay)} uPOKT per relay`,
    `  node ${amount(answer.node_upokt)}; fee collector ${amount(answer.fee_collector_upokt)} → DAO ${amount(answer.dao_upokt)}, proposer ${amount(answer.proposer_upokt)}${answer.burned_upokt === '0' ? '' : `, burned ${amount(answer.burned_upokt)}`}`,
    'recipients',
    ...answer.recipients.map((r) => `  ${r.role.padEnd(width)}  ${r.address.padEnd(40)}  ${amount(r.amount_upokt)}`),
  ];
}

export function registerCalcReward(calc: Command): void {
  calc
    .command('reward')
    .description('relay reward for N relays at a stake under the params in force (PIP-22, DAO/proposer shares, recipients)')
    .option('--relays <N>', 'relays in the claim (a whole number)')
    .option('--stake <amount>', "the servicer's stake, with its unit: 15000POKT or 15000000000uPOKT (a bare number is uPOKT)", upoktAmountOption('--stake', 'uPOKT'))
    .option('--chain <id>', 'relay chain, 4 hex digits; picks the per-chain RelaysToTokensMultiplier when one is set', '0001')
    .option('--data <dir>', 'data directory: the params in force there at --height')
    .option('--height <H>', 'with --data: the height whose params are used (default: the last block)')
    .option('--params <file>', 'instead of --data: a params file (a /v1/query/allparams answer or {"pos/Key": value}; missing keys: the mainnet genesis values)')
    .option('--operator <address>', 'operator address (default "operator")')
    .option('--output <address>', 'output address (default: none — the operator)')
    .option('--delegators <json>', 'reward delegators {"<address>": percent}')
    .option('--json', 'one JSON object on stdout')
    .action(async (options: RewardOptions) => {
      const relays = positiveInteger(options.relays, '--relays');
      if (options.stake === undefined) throw new CliError('missing_option', '--stake is required (e.g. 15000POKT)');
      const stakeUpokt = options.stake;
      const chain = canonicalChain(options.chain ?? '0001', 4);
      if (chain === undefined) throw new CliError('invalid_option', '--chain must be 1–4 bytes of hex');
      if ((options.data === undefined) === (options.params === undefined)) throw new CliError('invalid_option', 'give either --data DIR (with --height) or --params FILE');
      const loaded = options.params !== undefined ? { params: paramsFromFile(options.params), height: Number.MAX_SAFE_INTEGER } : await queryStateOf(options).then(({ state, height }) => ({ params: state.params(), height: height + 1 }));
      const { params } = loaded;
      const { answer } = calculateRelayReward(params, {
        // Features as the next block would see them (a params file: every listed activation passed).
        inactiveFeatures: inactiveFeatures(params.gov.upgrade, loaded.height),
        relays,
        stakeUpokt,
        chain,
        operator: recipient(options.operator, '--operator', 'operator'),
        output: options.output === undefined ? null : recipient(options.output, '--output', ''),
        delegators: delegatorsOf(options.delegators),
      });
      if (options.json === true) {
        printJson(answer);
        return;
      }
      writeStdout(rewardLines(answer, relays, chain).join('\n') + '\n');
    });
}
