/**
 * `pokt-ledger keys create --out FILE` and `keys show FILE`: the key files `tx sign` reads
 * ({"address","public_key","private_key"}, private_key = pocket's 64-byte seed‖public key).
 * Creating uses the OS random source — this is the CLI edge, never the reducer.
 */
import type { Command } from 'commander';
import { generateKey, readKeyFile, toKeyFile, writeKeyFile } from '../../crypto/keys.js';
import { printJson, rejectionError, writeStdout } from '../output.js';

function describe(address: string, publicKey: string, file: string, json: boolean): void {
  if (json) printJson({ address, public_key: publicKey, file });
  else writeStdout(`address     ${address}\npublic key  ${publicKey}\nfile        ${file}\n`);
}

export function registerKeysCommands(program: Command): void {
  const keys = program.command('keys').description('ed25519 key files for signing transactions');
  keys
    .command('create')
    .description('create a new random key and write it to a key file (mode 0600)')
    .requiredOption('--out <file>', 'where to write the key file (never overwritten)')
    .option('--json', 'one JSON object on stdout (no private key)')
    .action((options: { out: string; json?: boolean }) => {
      const key = generateKey();
      const written = writeKeyFile(options.out, key);
      if (!written.ok) throw rejectionError(written.error);
      const file = toKeyFile(key);
      describe(file.address, file.public_key, options.out, options.json === true);
    });
  keys
    .command('show')
    .description('validate a key file and print its address and public key')
    .argument('<file>', 'key file')
    .option('--json', 'one JSON object on stdout (no private key)')
    .action((path: string, options: { json?: boolean }) => {
      const key = readKeyFile(path);
      if (!key.ok) throw rejectionError(key.error);
      const file = toKeyFile(key.value);
      describe(file.address, file.public_key, path, options.json === true);
    });
}
