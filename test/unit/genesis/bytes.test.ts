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
import { GenesisError, parseGenesisBytes } from '../../../src/genesis/load.js';
import { parseGenesis, parseGenesisFromBytes, type ParseOptions } from '../../../src/genesis/parse.js';
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

// A file the fast parse declines is read by lossless-json's own parser only up to the heap / 16
// (parse.ts HEAP_BYTES_PER_SLOWLY_PARSED_BYTE); past it, a damaged file was refused as too large
// whenever the scan declined it first — cut inside a string, the likely cut of a download —
// instead of invalid. The heap the limits derive from is given (heapSizeLimit), so a 638 KB file
// is read as a 0.6 GB one would be in a 4 GiB heap: 4 MiB / 16 = 256 KiB < 638,269 bytes (the
// bundled file's size: ../shared/data/README.md) ≤ 4 MiB / 4 = 1 MiB.
bytes('past the slow-parse bound, a cut file is invalid_genesis at a byte; a valid declined or oversized one genesis_too_large', () => {
  const heapSizeLimit = 4 * 2 ** 20;
  const whole = Buffer.from(mainnetText);
  assert.is(whole.length, 638_269);
  const verdict = (file: Buffer, options: ParseOptions): { code: string; message: string } => {
    try {
      parseGenesisBytes('genesis.json', file, options);
      return { code: 'read', message: '' };
    } catch (error) {
      if (!(error instanceof GenesisError)) throw error;
      return { code: error.code, message: error.problems[0]?.message ?? '' };
    }
  };
  for (const jsonChunkBytes of [64, 4096, undefined]) {
    const options = { heapSizeLimit, ...(jsonChunkBytes === undefined ? {} : { jsonChunkBytes }) };
    for (let cut = 1; cut < whole.length; cut += 12_553) {
      const { code, message } = verdict(whole.subarray(0, cut), options);
      assert.is(code, 'invalid_genesis', `cut at ${cut}, chunk ${jsonChunkBytes}: ${message}`);
      assert.match(message, /^invalid JSON: .*at byte \d+/, `cut at ${cut}, chunk ${jsonChunkBytes}`);
    }
    assert.is(verdict(whole, options).code, 'read', `chunk ${jsonChunkBytes}`);
  }
  // Valid, but declined by the fast parse (chain_id given twice, the same value: lossless-json keeps it).
  const twice = Buffer.from(mainnetText.replace('{', '{"chain_id": "mainnet",'));
  assert.is(verdict(twice, {}).code, 'read');
  assert.is(verdict(twice, { heapSizeLimit }).code, 'genesis_too_large');
  // Larger than the heap / 4 (HEAP_BYTES_PER_GENESIS_BYTE): 2 MiB / 4 = 512 KiB < 638,269 bytes.
  assert.is(verdict(whole, { heapSizeLimit: 2 * 2 ** 20 }).code, 'genesis_too_large');
});

bytes.run();
