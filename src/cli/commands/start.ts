/**
 * `pokt-ledger start` (what `npm start` runs): the main job on the embedded default.
 *
 *   1. the chain: the bundled Pocket mainnet genesis plus the simulator's funded keys
 *      (src/sim/sim-genesis.ts) in the default data directory — the repository root's events/
 *      and snapshots/ folders; if a chain is already there, it is continued;
 *   2. a simulated workload (seed 42, profile mainnet: the genesis params): `--blocks` blocks of
 *      real signed txs, valid and invalid, produced and appended by the real producer, every
 *      receipt, invariant and the supply checked after every block;
 *   3. verification: the whole log replayed from genesis with every signature re-verified and
 *      every stored state root compared;
 *   4. a summary for people (or one JSON document with --json).
 */
import type { Command } from 'commander';
import { bundledMainnetGenesisPath } from '../../core/paths.js';
import { readSimManifest } from '../../sim/sim-genesis.js';
import { chainExists } from '../../sim/sim-setup.js';
import type { SimulationSummary } from '../../sim/simulator.js';
import { dataDirOf, integerOption } from '../args.js';
import { CliError, printJson } from '../output.js';
import { withCliErrors } from '../runtime-errors.js';
import { replayWithProgress, type ReplayReport } from './replay.js';
import { DEFAULT_SIM_SEED, simulateWithProgress } from './simulate.js';

const POKT = 1_000_000n;

function pokt(upokt: bigint): string {
  const whole = (upokt / POKT).toLocaleString('en-US');
  const fraction = (upokt % POKT).toString().padStart(6, '0').replace(/0+$/, '');
  return fraction === '' ? `${whole} POKT` : `${whole}.${fraction} POKT`;
}

function tally(summary: SimulationSummary): { ok: number; rejected: Map<string, number> } {
  let ok = 0;
  const rejected = new Map<string, number>();
  for (const counts of Object.values(summary.outcomes)) {
    for (const [outcome, count] of Object.entries(counts)) {
      if (outcome === 'ok') ok += count;
      else rejected.set(outcome, (rejected.get(outcome) ?? 0) + count);
    }
  }
  return { ok, rejected };
}

/** Comma-separated items in lines of at most `width` characters. */
function wrap(items: readonly string[], width: number): string[] {
  if (items.length === 0) return ['none'];
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    const next = line === '' ? item : `${line}, ${item}`;
    if (next.length > width && line !== '') {
      lines.push(`${line},`);
      line = item;
    } else line = next;
  }
  lines.push(line);
  return lines;
}

function printHuman(dir: string, summary: SimulationSummary, report: ReplayReport): void {
  const { ok, rejected } = tally(summary);
  const codes = [...rejected.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([code, count]) => `${code} ×${count}`);
  const lines = [
    `pokt-ledger: simulated Pocket Network chain "${summary.chain_id}" in ${dir} (events/, snapshots/)`,
    `  genesis     bundled mainnet genesis + the simulator's funded keys (seed ${summary.seed}, profile ${summary.profile})`,
    `  produced    ${summary.created ? 'a new chain' : 'continued the chain'}: blocks ${summary.start_height + 1}–${summary.height}, ${summary.txs} txs (${ok} ok, ${summary.txs - ok} rejected with pocket-core codes)`,
    ...wrap(codes, 96).map((line, i) => `  ${i === 0 ? 'rejections' : '          '}  ${line}`),
    `  checked     every receipt against its expected code, the invariants and the supply after every block`,
    `  supply      ${pokt(summary.supply.total_upokt)} = start + minted ${pokt(summary.supply.minted_upokt)} − burned ${pokt(summary.supply.burned_upokt)}`,
    `  replay      ${report.blocks} blocks, ${report.txs} txs re-applied from genesis with every signature verified in ${report.seconds.toFixed(1)} s (${report.txs_per_s} tx/s): ${report.verified ? 'every stored state root matches' : 'DIVERGED'}`,
    `  height      ${report.height}`,
    `  state root  ${report.state_root}`,
    '',
    'next: npx pokt-ledger roots --json | replay --trust-signatures | node (HTTP: POST /v1/client/rawtx) | simulate --help',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description('the main job: simulate a workload on the bundled mainnet genesis in the default data directory, then verify it by replay')
    .option('--data <dir>', 'data directory (default: the repository root)')
    .option('--blocks <n>', 'blocks to simulate (default 120)', integerOption('--blocks', 0))
    .option('--no-progress', 'no progress bars on stderr')
    .option('--json', 'one JSON document on stdout')
    .action((options: { data?: string; blocks?: number; progress?: boolean; json?: boolean }) =>
      withCliErrors(async () => {
        const dataDir = dataDirOf(options.data);
        const existing = chainExists(dataDir) ? readSimManifest(dataDir) : undefined;
        if (chainExists(dataDir) && existing === undefined) {
          throw new CliError('not_a_simulated_chain', `${dataDir} holds a chain that \`start\` did not create; use --data <another dir>`);
        }
        const showProgress = options.progress !== false;
        const summary = await simulateWithProgress(
          {
            dataDir,
            seed: existing === undefined ? DEFAULT_SIM_SEED : BigInt(existing.seed),
            ...(existing === undefined ? { genesisFile: bundledMainnetGenesisPath(), profile: 'mainnet' as const } : {}),
            blocks: options.blocks ?? 120,
            txsPerBlock: 10,
            snapshotEvery: 100,
          },
          showProgress,
        );
        const report = await replayWithProgress({ data: dataDir, progress: showProgress });
        if (options.json === true) printJson({ data_dir: dataDir, simulation: summary, replay: report });
        else printHuman(dataDir, summary, report);
        if (!report.verified) process.exitCode = 1;
      }),
    );
}
