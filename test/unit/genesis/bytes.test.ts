/**
 * Goal: a genesis read from its bytes (parseGenesisFromBytes: core/json-bytes.ts, never one string
 * of the file) gives the same doc as the same file read as text — also when every container past
 * a tiny chunk bound is walked, as a file over 512 MiB is at the 64 MiB bound — and the same
 * verdicts on damaged files, with errors that name a byte.
 * Method: the bundled mainnet genesis and the ledger's own export of it (export.ts), read as text
 * (parseGenesis, the oracle: lossless-json over the whole string) and as bytes at bounds of 64
 * bytes, 4 KiB and the default; damaged copies (a repeated key, a cut, a byte-order mark).
 */
import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { bundledMainnetGenesisPath } from '../../../src/core/paths.js';
import { exportedStateText, exportState } from '../../../src/genesis/export.js';
import { importGenesis } from '../../../src/genesis/import.js';
import { parseGenesis, parseGenesisFromBytes } from '../../../src/genesis/parse.js';
import type { GenesisDoc, GenesisProblem } from '../../../src/genesis/types.js';

const mainnetText = readFileSync(bundledMainnetGenesisPath(), 'utf8');

function docOf(result: ReturnType<typeof parseGenesis>): GenesisDoc {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

function problemsOf(result: ReturnType<typeof parseGenesis>): GenesisProblem[] {
  assert.is(result.ok, false);
  return result.ok ? [] : result.error;
}

const bytes = suite('genesis: read from bytes as from text');

bytes('the bundled mainnet genesis and its export: the same doc at every chunk bound', () => {
  const fresh = docOf(parseGenesis(mainnetText));
  const exportText = exportedStateText(exportState(importGenesis(fresh)));
  for (const text of [mainnetText, exportText]) {
    const expected = docOf(parseGenesis(text));
    for (const jsonChunkBytes of [64, 4096, undefined]) {
      const options = jsonChunkBytes === undefined ? {} : { jsonChunkBytes };
      assert.equal(docOf(parseGenesisFromBytes(Buffer.from(text), options)), expected, `chunk ${jsonChunkBytes}`);
    }
  }
});

bytes('damaged files get the same verdict, errors naming a byte', () => {
  // chain_id given twice with another value: lossless-json refuses it (parse.js, onDuplicateKey).
  const twice = mainnetText.replace('{', '{"chain_id": "other",');
  for (const jsonChunkBytes of [64, 4096]) {
    const [problem] = problemsOf(parseGenesisFromBytes(Buffer.from(twice), { jsonChunkBytes }));
    assert.match(problem?.message ?? '', /Duplicate key 'chain_id'.*at byte \d+/);
  }
  // Cut short (a download stopped): refused at both bounds, as the text read refuses it.
  const cut = Buffer.from(mainnetText).subarray(0, 100_000);
  problemsOf(parseGenesis(cut.toString('utf8')));
  for (const jsonChunkBytes of [64, 4096, undefined]) {
    const [problem] = problemsOf(parseGenesisFromBytes(cut, jsonChunkBytes === undefined ? {} : { jsonChunkBytes }));
    assert.match(problem?.message ?? '', /^invalid JSON: .*(byte|end of input)/, `chunk ${jsonChunkBytes}`);
  }
  // A byte-order mark: named, as in the text read (hostile-text.test.ts).
  const [bom] = problemsOf(parseGenesisFromBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(mainnetText)])));
  assert.match(bom?.message ?? '', /byte-order mark/);
});

bytes.run();
