import { parsePublicKeyHex } from '../../core/types.js';
import { canonicalChain } from '../../messages/index.js';
import { dispatch } from '../../modules/pocketcore/index.js';
import { CliError, printJson } from '../output.js';
import { queryStateOf } from './query.js';
export function registerSessionCommand(program) {
    program
        .command('session')
        .description("an application's session at a height (pocket-core's dispatch): key, header, nodes in selection order")
        .option('--app <pubkey>', 'application public key (64 hex characters)')
        .option('--chain <id>', 'relay chain id (hex, 1–4 bytes, e.g. 0001)')
        .option('--data <dir>', 'data directory (replayed to --height)')
        .option('--height <H>', 'height (default: the last block)')
        .option('--genesis <file>', 'a genesis file instead of a data directory (height 0)')
        .option('--json', 'one JSON object on stdout')
        .action(async (options) => {
        const app = options.app === undefined ? undefined : parsePublicKeyHex(options.app);
        if (app === undefined)
            throw new CliError('invalid_option', '--app must be a 32-byte hex public key');
        const chain = options.chain === undefined ? undefined : canonicalChain(options.chain, 4);
        if (chain === undefined)
            throw new CliError('invalid_option', '--chain must be 1–4 bytes of hex (e.g. 0001)');
        const { state, height } = await queryStateOf(options);
        const answer = dispatch(state, app, chain, height);
        if (!answer.ok)
            throw new CliError(answer.error.name, answer.error.log, { codespace: answer.error.codespace, code: answer.error.code, height });
        if (options.json === true) {
            printJson(answer.value);
            return;
        }
        const { key, header, nodes } = answer.value;
        process.stdout.write([`session ${header.session_height} of app ${header.app_public_key} on chain ${header.chain} (at height ${height})`, `key   ${key}`, 'nodes', ...nodes.map((n, i) => `  ${i + 1}. ${n}`)].join('\n') + '\n');
    });
}
//# sourceMappingURL=session.js.map