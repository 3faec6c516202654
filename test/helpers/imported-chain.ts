/**
 * A projected chain imported from an exported state: a simulated chain of `exportedHeight`
 * blocks (the e2e single-node genesis, seed 5, 4 txs a block) exported at its head, imported
 * (`init --exported-height`), then `blocksAfter` empty blocks produced and the projection built.
 * It holds the state at exportedHeight and blocks exportedHeight + 1 onwards.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportDataDir } from '../../src/cli/commands/export.js';
import { project } from '../../src/projection/run.js';
import { ChainWriter } from '../../src/runtime/chain-writer.js';
import { initDataDir } from '../../src/runtime/data-dir.js';
import { simulate } from '../../src/sim/simulator.js';
import { fixturePath } from './paths.js';

export interface ImportedChain {
  /** The imported chain's data directory. */
  readonly dir: string;
  /** The exported state the import started from. */
  readonly exported: unknown;
}

export async function projectedImportedChain(workDir: string, exportedHeight: number, blocksAfter: number): Promise<ImportedChain> {
  const source = join(workDir, 'source');
  await simulate({ dataDir: source, genesisFile: fixturePath('e2e-single-node-genesis.json'), seed: 5n, blocks: exportedHeight, txsPerBlock: 4, fsync: 'never', workers: 0 });
  const exported = await exportDataDir(source, exportedHeight);
  const file = join(workDir, 'exported.json');
  writeFileSync(file, JSON.stringify(exported));
  const dir = join(workDir, 'imported');
  initDataDir(dir, file, { exportedHeight });
  const writer = await ChainWriter.open(dir, { fsync: 'never', onWarning: () => undefined });
  for (let i = 0; i < blocksAfter; i++) writer.produce({ timeNs: writer.lastBlockTimeNs + 900_000_000_000n, txs: [] });
  writer.close();
  await project(dir);
  return { dir, exported };
}
