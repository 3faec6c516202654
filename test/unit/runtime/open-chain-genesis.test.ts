/**
 * Goal: opening a chain checks its genesis copy (SHA-256 against ledger.json, then its chain id)
 * once per process for an unchanged file — a command opens the same chain two or three times
 * (project: its tip, the checkpoint's check, the replay), each a read and hash of a mainnet-sized
 * copy (218 MB: ~3.4 s, scale walk of 2026-12-07) — and a copy changed after an open is still
 * refused at the next open in the same process, whatever was kept of its size and times; an open
 * that keeps the bytes for a start from genesis (the replay's) still gets them after an earlier
 * open checked the copy, so the start reads them once more but does not hash them again (before:
 * `project` of a new projection hashed a 218 MB copy twice). The copy is not scanned for its
 * chain id when ledger.json's `chain_id_checked` still pairs its chain id and genesis checksum as
 * init wrote them (the scan walks the whole of a pocket-core-sorted copy: ~1.1 s at 218 MB), and
 * is scanned — and refused (chain_id_mismatch) — when one of them was edited or the record is
 * absent (data directories made before it).
 * Method: in-process openChain on a small chain; the copy rewritten in place with one byte
 * changed (same size), its modification time put back; the scan counted by the quote searches
 * it makes (it skips each string with Buffer's indexOf), on a copy whose keys are sorted as
 * pocket-core writes them (chain_id after app_state).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { blockLogDir } from '../../../src/log/index.js';
import { DataDirError, initDataDir } from '../../../src/runtime/data-dir.js';
import { openChain } from '../../../src/runtime/open-chain.js';
import { testGenesisJson, testKey } from '../../helpers/chain.js';
import { changeOneByteInPlace } from '../../helpers/genesis-copy.js';
import { countQuoteSearches, sortKeys, stringsIn } from '../../helpers/scan-count.js';
import { scratch } from '../../helpers/sim.js';

const tmp = scratch('open-chain-genesis');
const test = suite('runtime: the genesis copy checked at open');
test.after(() => tmp.remove());

const genesis = join(tmp.dir, 'genesis.json');
writeFileSync(genesis, testGenesisJson({ accounts: [{ key: testKey('alice'), balanceUpokt: 10_000_000_000n }], validators: [{ key: testKey('validator-1'), tokensUpokt: 100_000_000_000n }] }));

function codeOfOpen(dir: string): string {
  try {
    openChain(dir, { onWarning: () => undefined }).log.close();
    return 'opened';
  } catch (error) {
    return error instanceof DataDirError ? error.code : String(error);
  }
}

test('a copy changed after an open (same size, same modification time) is genesis_changed at the next open', () => {
  const dir = join(tmp.dir, 'chain');
  initDataDir(dir, genesis);
  assert.is(codeOfOpen(dir), 'opened');
  assert.is(codeOfOpen(dir), 'opened', 'an unchanged copy opens again');
  changeOneByteInPlace(join(blockLogDir(dir), 'genesis.json'));
  assert.is(codeOfOpen(dir), 'genesis_changed');
});

test('an open that keeps the genesis bytes gets them even when an earlier open checked the copy', () => {
  const dir = join(tmp.dir, 'kept');
  initDataDir(dir, genesis);
  assert.is(codeOfOpen(dir), 'opened');
  const opened = openChain(dir, { keepGenesisBytes: true, onWarning: () => undefined });
  opened.log.close();
  const kept = opened.genesisBytes?.take();
  assert.ok(kept !== undefined, 'the checked bytes are handed over');
  assert.ok(kept.equals(readFileSync(join(blockLogDir(dir), 'genesis.json'))), 'they are the copy');
});


/** A new chain from `genesis` with its keys sorted (the first open of its copy in this process). */
function sortedChain(name: string): { dir: string; strings: number } {
  const sorted = join(tmp.dir, `${name}-genesis.json`);
  const text = JSON.stringify(sortKeys(JSON.parse(readFileSync(genesis, 'utf8'))), null, 4);
  writeFileSync(sorted, text);
  const dir = join(tmp.dir, name);
  initDataDir(dir, sorted);
  return { dir, strings: stringsIn(text) };
}


function editLedgerJson(dir: string, edit: (config: Record<string, unknown>) => Record<string, unknown>): void {
  const path = join(blockLogDir(dir), 'ledger.json');
  writeFileSync(path, JSON.stringify(edit(JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>)));
}

test('a copy whose chain id init recorded as checked is not scanned for it', () => {
  const { dir, strings } = sortedChain('checked');
  const { value, searches } = countQuoteSearches(() => codeOfOpen(dir));
  assert.is(value, 'opened');
  assert.ok(searches < strings / 2, `${searches} quote searches for ${strings} strings`);
});

test('without the record (a data directory made before it) the copy is scanned, and a chain id edited in ledger.json is refused', () => {
  const { dir, strings } = sortedChain('unrecorded');
  editLedgerJson(dir, ({ chain_id_checked: _, ...config }) => config);
  const { value, searches } = countQuoteSearches(() => codeOfOpen(dir));
  assert.is(value, 'opened');
  assert.ok(searches >= strings / 2, `scanned: ${searches} quote searches for ${strings} strings`);
  editLedgerJson(dir, (config) => ({ ...config, chain_id: `${String(config['chain_id'])}X` }));
  assert.is(codeOfOpen(dir), 'chain_id_mismatch');
});

test('a chain id edited in ledger.json beside its record is refused (the pair no longer matches: scanned)', () => {
  const { dir } = sortedChain('edited');
  editLedgerJson(dir, (config) => ({ ...config, chain_id: `${String(config['chain_id'])}X` }));
  assert.is(codeOfOpen(dir), 'chain_id_mismatch');
});

test.run();
