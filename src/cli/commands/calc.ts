/**
 * `pokt-ledger calc …` — monetary-policy calculators (PROTOCOL §14). Each prints
 * `{"inputs":{…},"formula":"…","result":"…"}` with `--json` (result as an exact decimal string),
 * or a short summary for people without it: the result rounded (decimal-text.ts), an amount in
 * POKT and uPOKT, the inputs grouped. The arithmetic lives in src/modules/policy/calculators.ts.
 *
 *   calc relays-per-pokt --pokt-price-usd P --usd-relay-target T --roi-months M [--sessions-per-day 24] [--days-per-month 30.42]
 *   calc required-stake  --daily-relays R --relays-per-pokt X [--sessions-per-day 24]
 *   calc mint-rate       --supply-baseline-pokt S --inflation-rate I --daily-relays R
 *   calc emission        --target-pokt-per-day E --daily-relays R
 *
 * Other command groups add calculators with one line in CALC_SUBCOMMANDS below.
 */
import type { Command } from 'commander';
import type { Dec } from '../../core/bigdec.js';
import {
  DEFAULT_DAYS_PER_MONTH,
  DEFAULT_SESSIONS_PER_DAY,
  emissionRate,
  mintRate,
  parseDecimalInput,
  relaysPerPokt,
  requiredStake,
  type Calculation,
} from '../../modules/policy/index.js';
import { decimalForPeople, shifted } from '../decimal-text.js';
import { CliError, printJson, writeStdout } from '../output.js';
import { registerCalcReward } from './calc-reward.js';

type Options = Record<string, string | boolean | undefined>;

function decimal(options: Options, name: string, flag: string, settings: { positive?: boolean; allowPercent?: boolean } = { positive: true }): Dec {
  const text = options[name];
  if (typeof text !== 'string') throw new CliError('missing_option', `${flag} is required`);
  const parsed = parseDecimalInput(flag, text, settings);
  if (!parsed.ok) throw new CliError('invalid_option', parsed.error.message, { option: flag, value: text });
  return parsed.value;
}

/** The result for people, in its unit (and the other POKT unit beside an amount), rounded; --json keeps the exact decimal. */
type ResultText = (result: string) => string;

const upoktPerRelay: ResultText = (result) => `${decimalForPeople(result)} uPOKT per relay (${decimalForPeople(shifted(result, -6))} POKT)`;
const poktAmount: ResultText = (result) => `${decimalForPeople(result, 6)} POKT (${decimalForPeople(shifted(result, 6), 0)} uPOKT)`;
const relaysPerStakedPokt: ResultText = (result) => `${decimalForPeople(result)} relays per staked POKT per session (BaseRelaysPerPOKT = 100 × that ${decimalForPeople(shifted(result, 2))})`;

function print(calc: Calculation, options: Options, resultText: ResultText): void {
  if (options['json'] === true) {
    printJson(calc);
    return;
  }
  const inputs = Object.entries(calc.inputs).map(([name, value]) => `  ${name} = ${decimalForPeople(value)}`);
  writeStdout([resultText(calc.result), `formula: ${calc.formula}`, 'inputs:', ...inputs].join('\n') + '\n');
}

function registerRelaysPerPokt(calc: Command): void {
  calc
    .command('relays-per-pokt')
    .description('relays per staked POKT per session for a USD price target (BaseRelaysPerPOKT = 100 × result)')
    .option('--pokt-price-usd <P>', 'POKT price in USD, 30-day average (e.g. 0.12)')
    .option('--usd-relay-target <T>', 'target price of one relay in USD (e.g. 0.00000085)')
    .option('--roi-months <M>', 'months over which an app stake should pay for itself')
    .option('--sessions-per-day <N>', 'sessions per day', DEFAULT_SESSIONS_PER_DAY)
    .option('--days-per-month <D>', 'average days per month', DEFAULT_DAYS_PER_MONTH)
    .option('--json', 'one JSON object on stdout')
    .action((options: Options) => {
      const result = relaysPerPokt({
        poktPriceUsd: decimal(options, 'poktPriceUsd', '--pokt-price-usd', {}),
        usdRelayTarget: decimal(options, 'usdRelayTarget', '--usd-relay-target'),
        roiMonths: decimal(options, 'roiMonths', '--roi-months'),
        sessionsPerDay: decimal(options, 'sessionsPerDay', '--sessions-per-day'),
        daysPerMonth: decimal(options, 'daysPerMonth', '--days-per-month'),
      });
      print(result, options, relaysPerStakedPokt);
    });
}

function registerRequiredStake(calc: Command): void {
  calc
    .command('required-stake')
    .description('POKT an application must stake to get a daily relay budget')
    .option('--daily-relays <R>', 'relays the application needs per day')
    .option('--relays-per-pokt <X>', 'relays per staked POKT per session (see relays-per-pokt)')
    .option('--sessions-per-day <N>', 'sessions per day', DEFAULT_SESSIONS_PER_DAY)
    .option('--json', 'one JSON object on stdout')
    .action((options: Options) => {
      const result = requiredStake({
        dailyRelays: decimal(options, 'dailyRelays', '--daily-relays', {}),
        relaysPerPokt: decimal(options, 'relaysPerPokt', '--relays-per-pokt'),
        sessionsPerDay: decimal(options, 'sessionsPerDay', '--sessions-per-day'),
      });
      print(result, options, poktAmount);
    });
}

function registerMintRate(calc: Command): void {
  calc
    .command('mint-rate')
    .description('RelaysToTokensMultiplier (uPOKT per relay) that meets an annual inflation target')
    .option('--supply-baseline-pokt <S>', 'total supply baseline, in POKT (not uPOKT; e.g. 1500000000)')
    .option('--inflation-rate <I>', 'annual inflation target as a fraction (0.05) or a percentage (5%)')
    .option('--daily-relays <R>', '30-day trailing average of daily relays')
    .option('--json', 'one JSON object on stdout')
    .action((options: Options) => {
      const result = mintRate({
        supplyBaselinePokt: decimal(options, 'supplyBaselinePokt', '--supply-baseline-pokt', {}),
        inflationRate: decimal(options, 'inflationRate', '--inflation-rate', { allowPercent: true }),
        dailyRelays: decimal(options, 'dailyRelays', '--daily-relays'),
      });
      print(result, options, upoktPerRelay);
    });
}

function registerEmission(calc: Command): void {
  calc
    .command('emission')
    .description('RelaysToTokensMultiplier (uPOKT per relay) that meets a daily emission target')
    .option('--target-pokt-per-day <E>', 'POKT (not uPOKT) to mint per day')
    .option('--daily-relays <R>', 'trailing average of daily relays')
    .option('--json', 'one JSON object on stdout')
    .action((options: Options) => {
      const result = emissionRate({
        targetPoktPerDay: decimal(options, 'targetPoktPerDay', '--target-pokt-per-day', {}),
        dailyRelays: decimal(options, 'dailyRelays', '--daily-relays'),
      });
      print(result, options, upoktPerRelay);
    });
}

/** Every `calc` subcommand; add one line here to add a calculator. */
const CALC_SUBCOMMANDS: ReadonlyArray<(calc: Command) => void> = [registerRelaysPerPokt, registerRequiredStake, registerMintRate, registerEmission, registerCalcReward];

export function registerCalcCommands(program: Command): void {
  const calc = program.command('calc').description('monetary-policy calculators (PROTOCOL §14); --json prints {inputs, formula, result} (reward: the plan — minted, shares, recipients)');
  for (const register of CALC_SUBCOMMANDS) register(calc);
}
