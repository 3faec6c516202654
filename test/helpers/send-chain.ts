/**
 * A chain of `blocks` blocks, each holding one signed Send (alice → bob, 1, 2, … uPOKT), one
 * minute apart, in a fresh data directory `<dir>/data`: the smallest chain whose replay verifies
 * a signature and applies a tx at every height (replay tests of chunks and turns).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ChainWriter } from '../../src/runtime/chain-writer.js';
import { initDataDir } from '../../src/runtime/data-dir.js';
import { sendMsg, signTx, testGenesisJson, testKey } from './chain.js';

export async function writeSendChain(dir: string, blocks: number): Promise<string> {
  const alice = testKey('alice');
  const bob = testKey('bob');
  const genesis = join(dir, 'genesis.json');
  writeFileSync(genesis, testGenesisJson({ accounts: [{ key: alice, balanceUpokt: 100_000_000_000n }], validators: [{ key: testKey('validator-1'), tokensUpokt: 100_000_000_000n }] }));
  const dataDir = join(dir, 'data');
  initDataDir(dataDir, genesis);
  const writer = await ChainWriter.open(dataDir, { fsync: 'never' });
  let timeNs = writer.lastBlockTimeNs;
  for (let i = 0; i < blocks; i++) {
    timeNs += 60_000_000_000n;
    writer.produce({ timeNs, txs: [signTx(alice, sendMsg(alice, bob, BigInt(i + 1)))] });
  }
  writer.close();
  return dataDir;
}
