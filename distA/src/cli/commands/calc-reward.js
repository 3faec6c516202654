/**
 * `pokt-ledger calc reward --relays N --stake UPOKT [--chain ID] (--data DIR [--height H] | --params FILE) [--json]`
 * — the relay reward a servicer staked UPOKT would mint for a claim of N relays under the params
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
import { parseAddress } from '../../core/types.js';
import { loadGenesisState } from '../../genesis/load.js';
import { canonicalChain } from '../../messages/index.js';
import { inactiveFeatures, decodeParamValue } from '../../modules/gov/index.js';
import { calculateRelayReward } from '../../modules/pocketcore/index.js';
import { parseParamValue } from '../../params/kinds.js';
import { buildParams } from '../../params/params.js';
import { PARAM_SPECS_BY_KEY } from '../../params/registry.js';
import { CliError, printJson } from '../output.js';
import { queryStateOf } from './query.js';
function positiveInteger(text, flag) {
    if (text === undefined || !/^[0-9]+$/.test(text))
        throw new CliError('invalid_option', `${flag} must be a non-negative integer, got ${JSON.stringify(text)}`);
    return BigInt(text);
}
/** One allparams value: a JSON scalar written as a string ("15"), or JSON text ("false", "{…}"). */
function parseFileValue(key, value) {
    const spec = PARAM_SPECS_BY_KEY.get(key);
    if (spec === undefined)
        throw new CliError('invalid_params_file', `unknown parameter ${key}`);
    const direct = parseParamValue(spec.kind, value);
    if (direct.ok)
        return direct.value;
    if (typeof value === 'string') {
        const decoded = decodeParamValue(spec, new TextEncoder().encode(value));
        if (decoded.ok)
            return decoded.value;
    }
    throw new CliError('invalid_params_file', `parameter ${key} has a value that does not read as ${spec.kind}: ${JSON.stringify(value)}`);
}
/** --params FILE → typed params (missing keys from the bundled mainnet genesis). */
export function paramsFromFile(file) {
    let raw;
    try {
        raw = JSON.parse(readFileSync(file, 'utf8'));
    }
    catch (error) {
        throw new CliError('invalid_params_file', `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
        throw new CliError('invalid_params_file', `${file} is not a JSON object`);
    const entries = [];
    for (const [name, value] of Object.entries(raw)) {
        if (Array.isArray(value)) {
            for (const item of value) {
                if (typeof item?.param_key === 'string' && PARAM_SPECS_BY_KEY.has(item.param_key))
                    entries.push([item.param_key, item.param_value]);
            }
        }
        else if (name.includes('/'))
            entries.push([name, value]);
    }
    const overrides = new Map(entries.map(([key, value]) => [key, parseFileValue(key, value)]));
    const base = loadGenesisState().state;
    return buildParams((key) => overrides.get(key) ?? base.gov.params.get(key)?.value);
}
function recipient(text, flag, fallback) {
    if (text === undefined)
        return fallback;
    const address = parseAddress(text);
    if (address === undefined)
        throw new CliError('invalid_option', `${flag} must be a 20-byte hex address`);
    return address;
}
function delegatorsOf(text) {
    if (text === undefined)
        return null;
    try {
        const parsed = JSON.parse(text);
        return Object.fromEntries(Object.entries(parsed).map(([address, share]) => [recipient(address, '--delegators', ''), Number(share)]));
    }
    catch (error) {
        if (error instanceof CliError)
            throw error;
        throw new CliError('invalid_option', '--delegators must be a JSON object {"<address>": percent}');
    }
}
export function registerCalcReward(calc) {
    calc
        .command('reward')
        .description('relay reward for N relays at a stake under the params in force (PIP-22, DAO/proposer shares, recipients)')
        .option('--relays <N>', 'relays in the claim')
        .option('--stake <UPOKT>', "the servicer's staked tokens, uPOKT")
        .option('--chain <id>', 'relay chain (per-chain RTTM)', '0001')
        .option('--data <dir>', 'data directory; params at --height')
        .option('--height <H>', 'height (default: the last block)')
        .option('--params <file>', 'params file (allparams answer or {"pos/Key": value})')
        .option('--operator <address>', 'operator address (default "operator")')
        .option('--output <address>', 'output address (default: none — the operator)')
        .option('--delegators <json>', 'reward delegators {"<address>": percent}')
        .option('--json', 'one JSON object on stdout')
        .action(async (options) => {
        const relays = positiveInteger(options.relays, '--relays');
        const stakeUpokt = positiveInteger(options.stake, '--stake');
        const chain = canonicalChain(options.chain ?? '0001', 4);
        if (chain === undefined)
            throw new CliError('invalid_option', '--chain must be 1–4 bytes of hex');
        if ((options.data === undefined) === (options.params === undefined))
            throw new CliError('invalid_option', 'give either --data DIR (with --height) or --params FILE');
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
        const lines = answer.recipients.map((r) => `  ${r.role.padEnd(18)} ${r.address.padEnd(40)} ${r.amount_upokt}`);
        process.stdout.write([
            `${answer.minted_upokt} uPOKT minted for ${relays} relays on ${chain} (stake ${stakeUpokt}: bin ${answer.bin}, weight ${answer.weight}, ${answer.multiplier_upokt_per_relay} uPOKT/relay)`,
            `node ${answer.node_upokt} · fee collector ${answer.fee_collector_upokt} → DAO ${answer.dao_upokt}, proposer ${answer.proposer_upokt}${answer.burned_upokt === '0' ? '' : `, burned ${answer.burned_upokt}`}`,
            'recipients',
            ...lines,
        ].join('\n') + '\n');
    });
}
//# sourceMappingURL=calc-reward.js.map