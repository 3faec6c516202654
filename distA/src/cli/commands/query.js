import { queryApp, queryApps } from '../../modules/apps/index.js';
import { queryNode, queryNodes } from '../../modules/nodes/index.js';
import { loadQueryState } from '../../runtime/query-state.js';
import { CliError, printJson, toJson } from '../output.js';
import { withCliErrors } from '../runtime-errors.js';
import { addressArgument } from '../args.js';
function integerOption(text, name, min) {
    if (text === undefined)
        return undefined;
    if (!/^[0-9]+$/.test(text) || !Number.isSafeInteger(Number(text)) || Number(text) < min)
        throw new CliError('invalid_option', `${name} must be an integer ≥ ${min}, got ${JSON.stringify(text)}`);
    return Number(text);
}
/** The state a query reads, and its height (runtime/query-state.ts), from the command's options. */
export async function queryStateOf(options) {
    const height = integerOption(options.height, '--height', 0);
    if (options.data !== undefined && options.genesis !== undefined)
        throw new CliError('invalid_option', 'give either --data or --genesis, not both');
    const at = height === undefined ? {} : { height };
    if (options.genesis !== undefined && height !== undefined && height !== 0) {
        throw new CliError('invalid_option', 'a genesis file only has height 0; use --data DIR for later heights');
    }
    if (options.genesis !== undefined)
        return withCliErrors(() => loadQueryState({ genesis: options.genesis, ...at }));
    if (options.data === undefined)
        throw new CliError('invalid_option', 'give --data DIR (a chain) or --genesis FILE');
    // damaged or inconsistent data directories are coded errors
    return withCliErrors(() => loadQueryState({ data: options.data, ...at }));
}
function answer(result, json) {
    if (!result.ok) {
        throw new CliError(result.error.name, result.error.log, { codespace: result.error.codespace, code: result.error.code });
    }
    if (json)
        printJson(result.value);
    else
        process.stdout.write(toJson(result.value, 2) + '\n');
}
function listOptions(options) {
    const stakingStatus = integerOption(options.stakingStatus, '--staking-status', 0);
    const jailedStatus = integerOption(options.jailedStatus, '--jailed-status', 0);
    const page = integerOption(options.page, '--page', 0);
    const perPage = integerOption(options.perPage, '--per-page', 0);
    return {
        ...(stakingStatus === undefined ? {} : { stakingStatus }),
        ...(jailedStatus === undefined ? {} : { jailedStatus }),
        ...(options.blockchain === undefined ? {} : { blockchain: options.blockchain }),
        ...(page === undefined ? {} : { page }),
        ...(perPage === undefined ? {} : { perPage }),
    };
}
function withSource(command) {
    return command
        .option('--data <dir>', 'data directory of a chain (replayed to --height)')
        .option('--height <h>', 'height to read the state at (default: the last block)')
        .option('--genesis <file>', 'read the state of a genesis file (height 0) instead')
        .option('--json', 'one JSON document on stdout');
}
export function registerQueryCommands(program) {
    const query = program.command('query').description("pocket-core's node and application queries over the ledger state");
    withSource(query.command('node').description('a node (validator) by address, as /v1/query/node').argument('<address>', 'operator address (hex)', addressArgument)).action(async (address, options) => {
        const { state } = await queryStateOf(options);
        answer(queryNode(state, address), options.json === true);
    });
    withSource(query
        .command('nodes')
        .description('nodes with filters and pages, as /v1/query/nodes')
        .option('--staking-status <n>', '1 unstaking, 2 staked (0: any)')
        .option('--jailed-status <n>', '1 jailed, 2 not jailed (0: any)')
        .option('--blockchain <id>', 'only nodes staked for this relay chain')
        .option('--page <n>', 'page (default 1)')
        .option('--per-page <n>', 'page size (default 1000)')).action(async (options) => {
        const { state } = await queryStateOf(options);
        answer({ ok: true, value: queryNodes(state, listOptions(options)) }, options.json === true);
    });
    withSource(query.command('app').description('an application by address, as /v1/query/app').argument('<address>', 'application address (hex)', addressArgument)).action(async (address, options) => {
        const { state } = await queryStateOf(options);
        answer(queryApp(state, address), options.json === true);
    });
    withSource(query
        .command('apps')
        .description('applications with filters and pages, as /v1/query/apps')
        .option('--staking-status <n>', '1 unstaking, 2 staked (0: any)')
        .option('--blockchain <id>', 'only apps staked for this relay chain')
        .option('--page <n>', 'page (default 1)')
        .option('--per-page <n>', 'page size (default 1000)')).action(async (options) => {
        const { state } = await queryStateOf(options);
        const { jailedStatus: _ignored, ...appOptions } = listOptions(options);
        void _ignored;
        answer({ ok: true, value: queryApps(state, appOptions) }, options.json === true);
    });
}
//# sourceMappingURL=query.js.map