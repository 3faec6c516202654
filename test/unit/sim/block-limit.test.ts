/**
 * Goal: the simulator never produces a block the reducer refuses for its size or its evidence
 * count — its tx budget is what the block's own header leaves (commit and evidence counted), and
 * its evidence at most MaxEvidencePerBlock(Block.MaxBytes) (node/block-budget.ts). Regression:
 * the budget was measured on a header without the block's evidence, so a full block carrying
 * double-sign evidence was over Block.MaxBytes.
 * Method: the e2e localnet genesis with consensus_params.block.max_bytes 10,000 (MaxEvidencePerBlock
 * = 1,000 / 484 = 2, types/evidence.go:202-206 at 59310158d3e9), the faults workload and a filler workload offering
 * 80 txs of 200 bytes a block (more than a block holds: every block full), 26 blocks: the faults
 * workload offers evidence at heights 8 and 24 (three pieces at 24). Every record of the log is
 * then measured (chain/block-size.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { blockByteSize } from '../../../src/chain/block-size.js';
import { decodeRecord } from '../../../src/chain/record.js';
import { BlockLog, blockLogDir } from '../../../src/log/index.js';
import { simulate } from '../../../src/sim/simulator.js';
import type { Workload } from '../../../src/sim/workload.js';
import { WORKLOADS, type WorkloadEntry } from '../../../src/sim/workloads/index.js';
import { fixturePath } from '../../helpers/paths.js';
import { scratch } from '../../helpers/sim.js';

const test = suite('sim: blocks within Tendermint\'s limits');

/** 80 distinct 200-byte txs no decoder reads as a tx (delivered as failures: 'any'), after the faults workload's. */
const fillerWorkload: WorkloadEntry = {
  name: 'filler',
  description: 'bytes to fill every block',
  create: (): Workload => ({ name: 'filler', accounts: 0, propose: (ctx) => Array.from({ length: 80 }, () => ({ bytes: Uint8Array.from(ctx.prng.bytes(200), (b) => b | 0x80), expect: 'any' as const, label: 'filler' })) }),
};
const registry = [WORKLOADS.find((entry) => entry.name === 'faults')!, fillerWorkload];
const tmp = scratch('sim-block-limit');
test.after(() => tmp.remove());

test('full blocks with double-sign evidence stay within Block.MaxBytes 10,000 and 2 pieces of evidence', async () => {
  const genesis = JSON.parse(readFileSync(fixturePath('e2e-single-node-genesis.json'), 'utf8')) as { consensus_params: { block: { max_bytes: string } } };
  genesis.consensus_params.block.max_bytes = '10000';
  const genesisFile = join(tmp.dir, 'genesis.json');
  writeFileSync(genesisFile, JSON.stringify(genesis));
  const dataDir = join(tmp.dir, 'data');
  await simulate({ dataDir, genesisFile, seed: 3n, blocks: 26, workloads: ['faults', 'filler'], registry, fsync: 'never', workers: 0 });
  const { log } = BlockLog.open(blockLogDir(dataDir), { readOnly: true });
  const sizes = new Map<number, { bytes: number; evidence: number }>();
  try {
    for (const { height, payload } of log.iterate(1)) {
      const { block } = decodeRecord(payload, height);
      sizes.set(height, { bytes: blockByteSize(block), evidence: block.header.evidence.length });
    }
  } finally {
    log.close();
  }
  for (const [height, { bytes, evidence }] of sizes) {
    assert.ok(bytes <= 10_000, `block ${height} is ${bytes} bytes`);
    assert.ok(evidence <= 2, `block ${height} carries ${evidence} pieces of evidence`);
  }
  const full = [...sizes.values()].filter((s) => s.bytes > 10_000 - 204);
  assert.is(full.length, 26, 'every block full: within one filler tx (203 framed bytes) of the limit');
  assert.ok(sizes.get(8)!.evidence >= 1, `block 8 carries evidence (${JSON.stringify(sizes.get(8))})`);
  assert.is(sizes.get(24)!.evidence, 2, 'block 24: three pieces offered, MaxEvidencePerBlock taken');
});

test.run();
