/**
 * Goal: opening a chain checks its genesis copy (SHA-256 against ledger.json, then its chain id)
 * once per process for an unchanged file — a command opens the same chain two or three times
 * (project: its tip, the checkpoint's check, the replay), each a read and hash of a mainnet-sized
 * copy (218 MB: ~3.4 s, scale walk of 2026-12-07) — and a copy changed after an open is still
 * refused at the next open in the same process, whatever was kept of its size and times; an open
 * that keeps the bytes for a start from genesis (the replay's) still gets them after an earlier
 * open checked the copy, so the start reads them once more but does not hash them again (before:
 * `project` of a new projection hashed a 218 MB copy twice).
 * Method: in-process openChain on a small chain; the copy rewritten in place with one byte
 * changed (same size), its modification time put back.
 */
import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { blockLogDir } from '../../../src/log/index.js';
import { DataDirError, initDataDir } from '../../../src/runtime/data-dir.js';
import { openChain } from '../../../src/runtime/open-chain.js';
import { testGenesisJson, testKey } from '../../helpers/chain.js';
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
  const copy = join(blockLogDir(dir), 'genesis.json');
  const before = statSync(copy);
  const text = readFileSync(copy, 'utf8');
  const at = text.indexOf('10000000000');
  assert.ok(at > 0, 'the balance is in the copy');
  writeFileSync(copy, `${text.slice(0, at)}2${text.slice(at + 1)}`);
  utimesSync(copy, before.atime, before.mtime);
  assert.is(statSync(copy).size, before.size);
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

test.run();
