import { codeOf } from '../../core/rejection.js';
import { generateKey, readKeyFile, toKeyFile, writeKeyFile } from '../../crypto/keys.js';
import { CliError, printJson } from '../output.js';
function describe(address, publicKey, file, json) {
    if (json)
        printJson({ address, public_key: publicKey, file });
    else
        process.stdout.write(`address     ${address}\npublic key  ${publicKey}\nfile        ${file}\n`);
}
export function registerKeysCommands(program) {
    const keys = program.command('keys').description('ed25519 key files for signing transactions');
    keys
        .command('create')
        .description('create a new random key and write it to a key file (mode 0600)')
        .requiredOption('--out <file>', 'where to write the key file (never overwritten)')
        .option('--json', 'one JSON object on stdout (no private key)')
        .action((options) => {
        const key = generateKey();
        const written = writeKeyFile(options.out, key);
        if (!written.ok)
            throw new CliError(codeOf(written.error), written.error.log);
        const file = toKeyFile(key);
        describe(file.address, file.public_key, options.out, options.json === true);
    });
    keys
        .command('show')
        .description('validate a key file and print its address and public key')
        .argument('<file>', 'key file')
        .option('--json', 'one JSON object on stdout (no private key)')
        .action((path, options) => {
        const key = readKeyFile(path);
        if (!key.ok)
            throw new CliError(codeOf(key.error), key.error.log);
        const file = toKeyFile(key.value);
        describe(file.address, file.public_key, path, options.json === true);
    });
}
//# sourceMappingURL=keys.js.map