/**
 * PERF: the independent audit (src/audit) on a simulated chain with every message kind (the
 * simulator's dev profile on the bundled mainnet genesis), projected first.
 * - metric: reward lines recomputed and compared per second (runAudit over the whole chain:
 *   reading the log, decoding every tx, the shadow ledger, the comparisons and supply checks);
 * - limit, same run, sampled alternately: reading the very rows the audit compares — reward_lines,
 *   rap_sheet, supply, txs and balances — raw from the same SQLite file (no decoding, no
 *   arithmetic), counted per reward line.
 * Self-checks: every audit sample finds 0 mismatches and the supply holding.
 */
import Database from 'better-sqlite3';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { runAudit } from '../src/audit/index.js';
import { bundledMainnetGenesisPath } from '../src/core/paths.js';
import { project } from '../src/projection/run.js';
import { projectionFile } from '../src/projection/store.js';
import { simulate } from '../src/sim/simulator.js';
import { measurePair } from './lib/paired.js';
import { scratchDir } from './lib/scratch.js';
import type { BenchModule } from './lib/types.js';

const READ_TABLES = ['reward_lines', 'rap_sheet', 'supply', 'txs', 'balances'];

function readRowsRaw(dataDir: string): number {
  const db = new Database(projectionFile(dataDir), { readonly: true });
  db.defaultSafeIntegers(true);
  try {
    let lines = 0;
    for (const table of READ_TABLES) {
      for (const _row of db.prepare(`SELECT * FROM ${table}`).iterate()) if (table === 'reward_lines') lines++;
    }
    return lines;
  } finally {
    db.close();
  }
}

export const benchmark: BenchModule = {
  name: 'audit',
  description: 'independent audit: reward lines recomputed and compared per second vs reading the same rows raw',
  async run(ctx) {
    const scratch = scratchDir('bench-audit-');
    try {
      const dir = join(scratch, 'chain');
      const blocks = ctx.quick ? 60 : 150;
      ctx.progress(`workload: simulating ${blocks} blocks, every message kind, dev profile on the mainnet genesis (seed ${ctx.seed}), then projecting…`);
      const sim = await simulate({ dataDir: dir, genesisFile: bundledMainnetGenesisPath(), seed: BigInt(ctx.seed), blocks, txsPerBlock: 10, fsync: 'never' });
      await project(dir);
      let lines = 0;
      const pair = await measurePair(
        ctx,
        { label: 'read the compared rows raw', run: () => readRowsRaw(dir) },
        {
          label: 'audit',
          run: async () => {
            const summary = await runAudit({ dataDir: dir, catchUp: false, snapshots: false });
            if (summary.mismatches !== 0 || !summary.supply_ok) throw new Error(`audit found ${summary.mismatches} mismatches`);
            lines = summary.reward_lines;
            return summary.reward_lines;
          },
        },
      );
      ctx.report({
        case: 'whole_chain',
        workload: { blocks, txs: sim.txs, reward_lines: lines },
        metric: 'reward_lines_per_s',
        stats: pair.subject,
        limit: { what: 'reading the same reward_lines, rap_sheet, supply, txs and balances rows raw from the same SQLite file (sampled alternately)', median: pair.limit.median },
      });
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  },
};
