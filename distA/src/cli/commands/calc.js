import { DEFAULT_DAYS_PER_MONTH, DEFAULT_SESSIONS_PER_DAY, emissionRate, mintRate, parseDecimalInput, relaysPerPokt, requiredStake, } from '../../modules/policy/index.js';
import { CliError, printJson } from '../output.js';
import { registerCalcReward } from './calc-reward.js';
function decimal(options, name, flag, settings = { positive: true }) {
    const text = options[name];
    if (typeof text !== 'string')
        throw new CliError('missing_option', `${flag} is required`);
    const parsed = parseDecimalInput(flag, text, settings);
    if (!parsed.ok)
        throw new CliError('invalid_option', parsed.error.message, { option: flag, value: text });
    return parsed.value;
}
function print(calc, options, unit) {
    if (options['json'] === true) {
        printJson(calc);
        return;
    }
    const inputs = Object.entries(calc.inputs).map(([name, value]) => `  ${name} = ${value}`);
    process.stdout.write([`${calc.result} ${unit}`, `formula: ${calc.formula}`, 'inputs:', ...inputs].join('\n') + '\n');
}
function registerRelaysPerPokt(calc) {
    calc
        .command('relays-per-pokt')
        .description('relays per staked POKT per session for a USD price target (BaseRelaysPerPOKT = 100 × result)')
        .option('--pokt-price-usd <P>', 'POKT price in USD (30-day average)')
        .option('--usd-relay-target <T>', 'target price of one relay in USD')
        .option('--roi-months <M>', 'months over which an app stake should pay for itself')
        .option('--sessions-per-day <N>', 'sessions per day', DEFAULT_SESSIONS_PER_DAY)
        .option('--days-per-month <D>', 'average days per month', DEFAULT_DAYS_PER_MONTH)
        .option('--json', 'one JSON object on stdout')
        .action((options) => {
        const result = relaysPerPokt({
            poktPriceUsd: decimal(options, 'poktPriceUsd', '--pokt-price-usd', {}),
            usdRelayTarget: decimal(options, 'usdRelayTarget', '--usd-relay-target'),
            roiMonths: decimal(options, 'roiMonths', '--roi-months'),
            sessionsPerDay: decimal(options, 'sessionsPerDay', '--sessions-per-day'),
            daysPerMonth: decimal(options, 'daysPerMonth', '--days-per-month'),
        });
        print(result, options, 'relays per POKT per session');
    });
}
function registerRequiredStake(calc) {
    calc
        .command('required-stake')
        .description('POKT an application must stake to get a daily relay budget')
        .option('--daily-relays <R>', 'relays needed per day')
        .option('--relays-per-pokt <X>', 'relays per staked POKT per session (see relays-per-pokt)')
        .option('--sessions-per-day <N>', 'sessions per day', DEFAULT_SESSIONS_PER_DAY)
        .option('--json', 'one JSON object on stdout')
        .action((options) => {
        const result = requiredStake({
            dailyRelays: decimal(options, 'dailyRelays', '--daily-relays', {}),
            relaysPerPokt: decimal(options, 'relaysPerPokt', '--relays-per-pokt'),
            sessionsPerDay: decimal(options, 'sessionsPerDay', '--sessions-per-day'),
        });
        print(result, options, 'POKT');
    });
}
function registerMintRate(calc) {
    calc
        .command('mint-rate')
        .description('RelaysToTokensMultiplier (uPOKT per relay) that meets an annual inflation target')
        .option('--supply-baseline-pokt <S>', 'total supply baseline in POKT')
        .option('--inflation-rate <I>', 'annual inflation target as a fraction (0.05) or a percentage (5%)')
        .option('--daily-relays <R>', '30-day trailing average of daily relays')
        .option('--json', 'one JSON object on stdout')
        .action((options) => {
        const result = mintRate({
            supplyBaselinePokt: decimal(options, 'supplyBaselinePokt', '--supply-baseline-pokt', {}),
            inflationRate: decimal(options, 'inflationRate', '--inflation-rate', { allowPercent: true }),
            dailyRelays: decimal(options, 'dailyRelays', '--daily-relays'),
        });
        print(result, options, 'uPOKT per relay');
    });
}
function registerEmission(calc) {
    calc
        .command('emission')
        .description('RelaysToTokensMultiplier (uPOKT per relay) that meets a daily emission target')
        .option('--target-pokt-per-day <E>', 'POKT to mint per day')
        .option('--daily-relays <R>', 'trailing average of daily relays')
        .option('--json', 'one JSON object on stdout')
        .action((options) => {
        const result = emissionRate({
            targetPoktPerDay: decimal(options, 'targetPoktPerDay', '--target-pokt-per-day', {}),
            dailyRelays: decimal(options, 'dailyRelays', '--daily-relays'),
        });
        print(result, options, 'uPOKT per relay');
    });
}
/** Every `calc` subcommand; add one line here to add a calculator. */
const CALC_SUBCOMMANDS = [registerRelaysPerPokt, registerRequiredStake, registerMintRate, registerEmission, registerCalcReward];
export function registerCalcCommands(program) {
    const calc = program.command('calc').description('monetary-policy calculators (PROTOCOL §14); --json prints {inputs, formula, result}');
    for (const register of CALC_SUBCOMMANDS)
        register(calc);
}
//# sourceMappingURL=calc.js.map