/**
 * `pokt-ledger session --app <pubkey> --chain <id> (--data DIR [--height H] | --genesis FILE) [--json]`
 * — the session an application gets at height H, as pocket-core's /v1/client/dispatch computes it
 * (x/pocketcore/keeper/session.go:11-48): the latest session start at H, candidates from the
 * state at that start, nodes checked in the state at H. `--json` prints
 * {"key","header":{"app_public_key","chain","session_height"},"nodes":[addresses in selection order]}.
 * The state comes from a data directory replayed to H (newest snapshot ≤ H, then the block log),
 * or a genesis file (height 0 — which has no block hash yet, so no session).
 */
import type { Command } from 'commander';
import { parsePublicKeyHex } from '../../core/types.js';
import { canonicalChain } from '../../messages/index.js';
import { dispatch } from '../../modules/pocketcore/index.js';
import { CliError, printJson, writeStdout } from '../output.js';
import { queryStateOf } from './query.js';

interface SessionOptions {
  readonly app?: string;
  readonly chain?: string;
  readonly data?: string;
  readonly genesis?: string;
  readonly height?: string;
  readonly json?: boolean;
}

/**
 * --app as the public key dispatch takes; missing, or an address given (what `query apps` lists
 * first), said as such rather than "must be a 32-byte hex public key".
 */
function appPublicKey(text: string | undefined): ReturnType<typeof parsePublicKeyHex> & {} {
  if (text === undefined) throw new CliError('missing_option', "required option '--app <pubkey>' not specified");
  const key = parsePublicKeyHex(text);
  if (key !== undefined) return key;
  if (/^[0-9a-fA-F]{40}$/.test(text)) throw new CliError('invalid_option', `--app takes the application's public key (64 hex characters), not its address: \`pokt-ledger query app ${text.toLowerCase()} --data DIR\` shows it`);
  throw new CliError('invalid_option', '--app must be a 32-byte hex public key (64 hex characters)');
}

export function registerSessionCommand(program: Command): void {
  program
    .command('session')
    .description("an application's session at a height (pocket-core's dispatch): key, header, nodes in selection order")
    .option('--app <pubkey>', 'application public key (64 hex characters)')
    .option('--chain <id>', 'relay chain id (hex, 1–4 bytes, e.g. 0001)')
    .option('--data <dir>', 'data directory (replayed to --height)')
    .option('--height <H>', 'the height of the session (default: the last block)')
    .option('--genesis <file>', 'a genesis file instead of a data directory (height 0)')
    .option('--json', 'one JSON object on stdout')
    .action(async (options: SessionOptions) => {
      const app = appPublicKey(options.app);
      const chain = options.chain === undefined ? undefined : canonicalChain(options.chain, 4);
      if (chain === undefined) throw new CliError('invalid_option', '--chain must be 1–4 bytes of hex (e.g. 0001)');
      const { state, height } = await queryStateOf(options);
      // Sessions start at height 1 (pocket-core's session heights are 1, 1 + N, …): at 0 — a
      // genesis file, a chain with no block yet — there is none. dispatch's own answer, pocket-core's
      // pocketcore:60 (ValidateHeader on session height 0 − BPS + 1), says less.
      if (height === 0) throw new CliError('no_session_at_genesis', 'height 0 (a genesis, no block yet) has no session: the first session starts at height 1; ask a chain with blocks (--data DIR)', { height });
      const answer = dispatch(state, app, chain, height);
      if (!answer.ok) throw new CliError(answer.error.name, answer.error.log, { codespace: answer.error.codespace, code: answer.error.code, height });
      if (options.json === true) {
        printJson(answer.value);
        return;
      }
      const { key, header, nodes } = answer.value;
      writeStdout(
        [`session ${header.session_height} of app ${header.app_public_key} on chain ${header.chain} (at height ${height})`, `key   ${key}`, 'nodes', ...nodes.map((n, i) => `  ${i + 1}. ${n}`)].join('\n') + '\n',
      );
    });
}
