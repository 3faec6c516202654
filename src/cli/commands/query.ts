/**
 * `pokt-ledger query node|nodes|app|apps … (--data DIR [--height H] | --genesis FILE) [--json]`
 * — pocket-core's `/v1/query/node(s)` and `/v1/query/app(s)` answers (PROTOCOL §10.1) computed
 * from the reducer's state: a data directory replayed to height H (newest snapshot ≤ H, then
 * the block log; signatures trusted, state roots checked), or a genesis file (height 0).
 * The SQLite query service (its own issue) serves the same shapes from projections. --json
 * prints pocket-core's answer as it is; without it a readable summary (query-text.ts).
 */
import type { Command } from 'commander';
import type { Rejection } from '../../core/rejection.js';
import type { Result } from '../../core/result.js';
import { queryApp, queryApps } from '../../modules/apps/index.js';
import { queryNode, queryNodes } from '../../modules/nodes/index.js';
import { loadQueryState, QueryStateError, type QueryState } from '../../runtime/query-state.js';
import { CliError, printJson, writeStdout } from '../output.js';
import { appText, nodeText, pageText } from './query-text.js';
import { withCliErrors } from '../runtime-errors.js';
import { addressArgument, dataDirOf } from '../args.js';

interface SourceOptions {
  readonly data?: string;
  readonly genesis?: string;
  readonly height?: string;
  readonly json?: boolean;
}

interface ListOptions extends SourceOptions {
  readonly stakingStatus?: string;
  readonly jailedStatus?: string;
  readonly blockchain?: string;
  readonly page?: string;
  readonly perPage?: string;
}

function integerOption(text: string | undefined, name: string, min: number): number | undefined {
  if (text === undefined) return undefined;
  if (!/^[0-9]+$/.test(text) || !Number.isSafeInteger(Number(text)) || Number(text) < min) throw new CliError('invalid_option', `${name} must be an integer ≥ ${min}, got ${JSON.stringify(text)}`);
  return Number(text);
}

/** The state a query reads, and its height (runtime/query-state.ts), from the command's options. */
export async function queryStateOf(options: SourceOptions): Promise<QueryState> {
  const height = integerOption(options.height, '--height', 0);
  if (options.data !== undefined && options.genesis !== undefined) throw new CliError('invalid_option', 'give either --data or --genesis, not both');
  const at = height === undefined ? {} : { height };
  if (options.genesis !== undefined) {
    const genesis = options.genesis;
    return withCliErrors(() =>
      loadQueryState({ genesis, ...at }).catch((error: unknown) => {
        // A --height the file does not have is a usage error, as before exported states were read at their height.
        if (error instanceof QueryStateError && error.code === 'height_not_available') throw new CliError('invalid_option', `${error.message} (--height)`, error.context);
        throw error;
      }),
    );
  }
  if (options.data === undefined) throw new CliError('invalid_option', 'give --data DIR (a chain) or --genesis FILE');
  // damaged or inconsistent data directories are coded errors
  return withCliErrors(() => loadQueryState({ data: dataDirOf(options.data), ...at }));
}

/** pocket-core's answer as it is with --json; for people, `text` (query-text.ts). */
function answer<T>(result: Result<T, Rejection>, json: boolean, text: (value: T) => string[]): void {
  if (!result.ok) {
    throw new CliError(result.error.name, result.error.log, { codespace: result.error.codespace, code: result.error.code });
  }
  if (json) printJson(result.value);
  else writeStdout(text(result.value).join('\n') + '\n');
}

function listOptions(options: ListOptions) {
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

function withSource(command: Command): Command {
  return command
    .option('--data <dir>', 'data directory of a chain (replayed to --height)')
    .option('--height <h>', 'height to read the state at (default: the last block)')
    .option('--genesis <file>', 'read the state of a genesis file (height 0) instead')
    .option('--json', "pocket-core's answer as one JSON document on stdout (default: a readable summary)");
}

export function registerQueryCommands(program: Command): void {
  const query = program.command('query').description("pocket-core's node and application queries over the ledger state");
  withSource(query.command('node').description('a node (validator) by address, as /v1/query/node').argument('<address>', 'operator address (hex)', addressArgument)).action(
    async (address: string, options: SourceOptions) => {
      const { state, height } = await queryStateOf(options);
      answer(queryNode(state, address), options.json === true, (node) => nodeText(node, height));
    },
  );
  withSource(
    query
      .command('nodes')
      .description('nodes with filters and pages, as /v1/query/nodes')
      .option('--staking-status <n>', 'only nodes unstaking (1) or staked (2); 0 or absent: any')
      .option('--jailed-status <n>', 'only nodes jailed (1) or not jailed (2); 0 or absent: any')
      .option('--blockchain <id>', 'only nodes staked for this relay chain')
      .option('--page <n>', 'page (default 1)')
      .option('--per-page <n>', 'page size (default 1000)'),
  ).action(async (options: ListOptions) => {
    const { state, height } = await queryStateOf(options);
    answer({ ok: true, value: queryNodes(state, listOptions(options)) }, options.json === true, (page) => pageText('node', page, height));
  });
  withSource(query.command('app').description('an application by address, as /v1/query/app').argument('<address>', 'application address (hex)', addressArgument)).action(
    async (address: string, options: SourceOptions) => {
      const { state, height } = await queryStateOf(options);
      answer(queryApp(state, address), options.json === true, (app) => appText(app, height));
    },
  );
  withSource(
    query
      .command('apps')
      .description('applications with filters and pages, as /v1/query/apps')
      .option('--staking-status <n>', 'only applications unstaking (1) or staked (2); 0 or absent: any')
      .option('--blockchain <id>', 'only apps staked for this relay chain')
      .option('--page <n>', 'page (default 1)')
      .option('--per-page <n>', 'page size (default 1000)'),
  ).action(async (options: ListOptions) => {
    const { state, height } = await queryStateOf(options);
    const { jailedStatus: _ignored, ...appOptions } = listOptions(options);
    void _ignored;
    answer({ ok: true, value: queryApps(state, appOptions) }, options.json === true, (page) => pageText('application', page, height));
  });
}
