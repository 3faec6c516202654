/**
 * Goal: `--data FILE` (a key file, a genesis given by mistake) to a command that opens a chain
 * says the path is a file, not a data directory — with the code the threat model documents
 * (data_dir_not_found; `serve` projection_missing) — and never advises creating a chain there:
 * the old message, "holds no chain (create one: `pokt-ledger init --genesis FILE --data
 * key.json` …)", and serve's "build it with `pokt-ledger project --data key.json`" led to
 * not_a_directory or the same error again (docs walk of 2026-12-07). The file is left as it was.
 * Method: the real CLI with --json on a scratch file; no chain needed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli, scratch } from '../../helpers/sim.js';

const tmp = scratch('data-is-file');
const file = join(tmp.dir, 'key.json');
const CONTENT = '{"address":"not a chain"}\n';
writeFileSync(file, CONTENT);

const test = suite('cli: --data naming a file is said to be a file, not advised to become a chain');

test.after(() => tmp.remove());

const table: Array<[string[], string]> = [
  [['replay', '--no-progress'], 'data_dir_not_found'],
  [['roots'], 'data_dir_not_found'],
  [['snapshot', '--no-progress'], 'data_dir_not_found'],
  [['query', 'nodes'], 'data_dir_not_found'],
  [['project', '--no-progress'], 'data_dir_not_found'],
  [['audit', '--no-progress'], 'data_dir_not_found'],
  [['node', '--port', '0', '--no-progress'], 'data_dir_not_found'],
  [['serve', '--port', '0'], 'projection_missing'],
];

for (const [args, code] of table) {
  test(`${args.filter((a) => !a.startsWith('-')).join(' ')} --data FILE: ${code}, "is a file, not a data directory", no init advice`, async () => {
    const run = await runCli([...args, '--data', file, '--json']);
    assert.is(run.code, 1, run.stdout + run.stderr);
    const error = (JSON.parse(run.stdout) as { error: { code: string; message: string } }).error;
    assert.is(error.code, code, error.message);
    assert.ok(error.message.includes(`${file} is a file, not a data directory`), error.message);
    assert.not.match(error.message, /init --genesis|project --data/);
    assert.is(readFileSync(file, 'utf8'), CONTENT);
  });
}

test.run();
