/**
 * `pokt-ledger simulate --data DIR --genesis FILE --blocks N --seed S [--profile dev|mainnet] [--json]`
 *
 * Runs the seeded simulator (src/sim/simulator.ts): its own funded keys on top of the given
 * genesis (the data directory's genesis is the augmented copy — src/sim/sim-genesis.ts), real
 * signed txs from every workload, blocks produced and appended by the real producer at a
 * simulated 15 minutes per block, every receipt, invariant and the supply checked after every
 * block. On an existing simulated data dir it continues the chain (its own seed when --seed is
 * omitted; another one is refused). Same
 * seed ⇒ byte-identical log. Progress on stderr; a JSON summary with --json. A failed check
 * exits 1 and prints the seed that reproduces it.
 */
import { InvalidArgumentError, type Command } from 'commander';
import { bundledMainnetGenesisPath } from '../../core/paths.js';
import { poktText } from '../../core/pokt-text.js';
import { isSimProfileName } from '../../sim/profiles.js';
import { chainExists } from '../../sim/sim-setup.js';
import { readSimManifest } from '../../sim/sim-genesis.js';
import { simulate, type SimBlockReport, type SimulateOptions, type SimulationSummary } from '../../sim/simulator.js';
import { CompositionRecorder } from '../../sim/mainnet/composition.js';
import { findWorkload, MAINNET_WORKLOAD, WORKLOADS } from '../../sim/workloads/index.js';
import type { SimProfileName } from '../../sim/workload.js';
import { dataDirOf, integerOption, seedOption } from '../args.js';
import { CliError, counted, heightRange, printJson, toJson, writeStdout } from '../output.js';
import { blockProgress, phaseLine, type BlockProgress } from '../progress.js';
import { withCliErrors } from '../runtime-errors.js';

export const DEFAULT_SIM_SEED = 42n;

interface SimulateCommandOptions {
  readonly data?: string;
  readonly genesis?: string;
  readonly blocks: number;
  readonly seed?: bigint;
  readonly profile?: SimProfileName;
  readonly workloads?: string[];
  readonly txsPerBlock?: number;
  readonly accounts?: number;
  readonly validators?: number;
  readonly apps?: number;
  readonly fsync?: 'always' | 'never';
  readonly snapshotEvery?: number;
  readonly workers?: number;
  readonly scale?: number;
  readonly relayScale?: number;
  readonly composition?: boolean;
  readonly progress?: boolean;
  readonly json?: boolean;
}

function profileOption(text: string): SimProfileName {
  if (!isSimProfileName(text)) throw new InvalidArgumentError('the profile is dev, mainnet or mainnet-shaped');
  return text;
}

/**
 * `--workloads a,b`: every name one of this version's workloads. A misspelt name is a usage error
 * (exit 2) here, before the chain is opened; it used to reach the simulator's setup as
 * sim_unknown_workload, exit 1 — the code a chain naming a workload this version lacks still gets.
 */
function workloadsOption(text: string): string[] {
  const names = text.split(',').filter((name) => name !== '');
  const unknown = names.filter((name) => findWorkload(name) === undefined);
  if (unknown.length > 0) {
    const known = [...WORKLOADS.map((entry) => entry.name), MAINNET_WORKLOAD.name].join(', ');
    throw new InvalidArgumentError(`unknown workload ${unknown.map((name) => JSON.stringify(name)).join(', ')} (known: ${known})`);
  }
  return names;
}

export function fractionOption(name: string): (text: string) => number {
  return (text: string) => {
    const value = /^\d+$/.test(text) || /^\d*\.\d+$/.test(text) ? Number(text) : /^1\/\d+$/.test(text) ? 1 / Number(text.slice(2)) : NaN;
    if (!(value > 0 && value <= 1)) throw new InvalidArgumentError(`${name} is a fraction in (0, 1], e.g. 0.05 or 1/32`);
    return value;
  };
}

function fsyncOption(text: string): 'always' | 'never' {
  if (text !== 'always' && text !== 'never') throw new InvalidArgumentError("--fsync is 'always' or 'never' ('batch' would make the log depend on timing)");
  return text;
}

/**
 * Runs a simulation with progress on stderr: a phase line for the set-up (creating a chain
 * imports the genesis and funds the simulator's keys), then a bar over the blocks, timed from
 * the first one's start.
 */
export async function simulateWithProgress(options: SimulateOptions, showProgress: boolean): Promise<SimulationSummary> {
  phaseLine(`simulate: ${chainExists(options.dataDir) ? 'opening the chain' : "creating the chain (the genesis, the simulator's keys)"} and the workloads`, showProgress);
  let progress: BlockProgress | undefined;
  let txs = 0;
  try {
    return await simulate({
      ...options,
      onReady: (startHeight, targetHeight) => {
        progress = blockProgress('simulate', targetHeight - startHeight, showProgress);
      },
      onBlock: (report) => {
        txs += report.txs;
        progress?.update(report.height - report.startHeight, txs, report.height);
        options.onBlock?.(report);
      },
    });
  } finally {
    progress?.stop();
  }
}

/**
 * `--scale` and `--relay-scale` are the mainnet-shaped profile's knobs: with another profile —
 * given, the default dev, or a continued chain's own — they would be ignored without a word
 * (QA by walking docs/simulator.md: `--scale 0.5` alone made a dev chain and exited 0).
 */
function refuseShapeWithoutProfile(dataDir: string, options: SimulateCommandOptions): void {
  if (options.scale === undefined && options.relayScale === undefined) return;
  const chainProfile = chainExists(dataDir) ? readSimManifest(dataDir)?.profile : undefined;
  const profile = options.profile ?? chainProfile ?? 'dev';
  if (profile === 'mainnet-shaped') return;
  const given = [options.scale === undefined ? [] : ['--scale'], options.relayScale === undefined ? [] : ['--relay-scale']].flat().join(' and ');
  const knobs = `${given} ${given.includes(' and ') ? 'are' : 'is'} the mainnet-shaped profile's (its network's size and relays per claim)`;
  if (options.profile === undefined && chainProfile !== undefined) {
    throw new CliError('conflicting_options', `${knobs}: ${dataDir} was simulated with profile ${profile}, which has none — leave ${given} out, or simulate into a new data directory with --profile mainnet-shaped`);
  }
  throw new CliError('conflicting_options', `${knobs}: the profile is ${profile}${options.profile === undefined ? ' (the default)' : ''}, which has none — add --profile mainnet-shaped, or leave ${given} out`);
}

/** The seed a simulated chain was made with (events/simulation.json), when `dataDir` holds one. */
function continuedSeed(dataDir: string): bigint | undefined {
  if (!chainExists(dataDir)) return undefined;
  const seed = readSimManifest(dataDir)?.seed;
  return typeof seed === 'string' && /^\d+$/.test(seed) ? BigInt(seed) : undefined;
}

export function printSimulationSummary(summary: SimulationSummary): void {
  const lines = [
    `${summary.created ? 'created' : 'continued'} simulated chain ${summary.chain_id} (seed ${summary.seed}, profile ${summary.profile}, workloads ${summary.workloads.join(', ')})`,
    `heights ${heightRange(summary.start_height + 1, summary.height)}: ${counted(summary.blocks, 'block')}, ${counted(summary.txs, 'tx')}`,
    `state root ${summary.state_root}`,
    `supply ${poktText(summary.supply.total_upokt)} = start ${poktText(summary.supply.start_upokt)} + minted ${poktText(summary.supply.minted_upokt)} − burned ${poktText(summary.supply.burned_upokt)}`,
    'outcomes:',
    ...Object.keys(summary.outcomes)
      .sort()
      .map((label) => `  ${label.padEnd(28)} ${toJson(summary.outcomes[label])}`),
  ];
  writeStdout(lines.join('\n') + '\n');
}

export function registerSimulateCommand(program: Command): void {
  program
    .command('simulate')
    .description('seeded simulation: funded keys on top of a genesis, real signed txs through the real producer, checks after every block')
    .option('--data <dir>', 'data directory (default: the repository root)')
    .option('--genesis <file>', 'genesis to build on when creating the chain (default: the bundled mainnet genesis)')
    .requiredOption('--blocks <n>', 'blocks to produce', integerOption('--blocks', 0))
    .option('--seed <s>', `seed (default ${DEFAULT_SIM_SEED}; continuing a chain: its own)`, seedOption)
    .option('--profile <name>', "dev (short lifecycle timers), mainnet (the genesis params) or mainnet-shaped (mainnet's network, params and block composition); default dev", profileOption)
    .option('--scale <f>', 'mainnet-shaped: fraction of mainnet size (nodes, apps, txs per block); default 1', fractionOption('--scale'))
    .option('--relay-scale <f>', 'mainnet-shaped: fraction of mainnet relays per claim built into trees; default 1/32', fractionOption('--relay-scale'))
    .option('--composition', "print the blocks' composition (proofs, claims, sends, bytes, failing share, claim values) beside mainnet's figures at the end")
    .option('--workloads <names>', 'comma-separated workload names (default: all)', workloadsOption)
    .option('--txs-per-block <n>', 'mean txs per block per workload (default 20)', integerOption('--txs-per-block', 0))
    .option('--accounts <n>', 'funded accounts per workload when creating (default 32)', integerOption('--accounts', 1))
    .option('--validators <n>', 'simulator-held validators when creating (default 4)', integerOption('--validators', 0))
    .option('--apps <n>', 'simulator-held applications when creating (default 2)', integerOption('--apps', 0))
    .option('--fsync <mode>', "block log fsync: 'always' (default) or 'never'", fsyncOption)
    .option('--snapshot-every <n>', 'snapshot every N blocks (default: never)', integerOption('--snapshot-every', 0))
    .option('--workers <n>', 'signature-verification threads (default: all cores; 0 = inline)', integerOption('--workers', 0, 256))
    .option('--no-progress', 'no progress bar on stderr')
    .option('--json', 'one JSON summary on stdout')
    .action((options: SimulateCommandOptions) =>
      withCliErrors(async () => {
        const dataDir = dataDirOf(options.data);
        refuseShapeWithoutProfile(dataDir, options);
        const composition = options.composition === true ? new CompositionRecorder() : undefined;
        // Continuing a chain: the genesis is checked only when named explicitly.
        const genesisFile = options.genesis ?? (chainExists(dataDir) ? undefined : bundledMainnetGenesisPath());
        const summary = await simulateWithProgress(
          {
            dataDir,
            ...(genesisFile === undefined ? {} : { genesisFile }),
            blocks: options.blocks,
            // Continuing a chain: an omitted seed is the chain's own, as an omitted profile and
            // workloads are (it was the default, 42: sim_settings_differ for a chain made with another).
            seed: options.seed ?? continuedSeed(dataDir) ?? DEFAULT_SIM_SEED,
            ...(options.profile === undefined ? {} : { profile: options.profile }),
            ...(options.workloads === undefined ? {} : { workloads: options.workloads }),
            ...(options.txsPerBlock === undefined ? {} : { txsPerBlock: options.txsPerBlock }),
            ...(options.accounts === undefined ? {} : { accountsPerWorkload: options.accounts }),
            ...(options.validators === undefined ? {} : { validators: options.validators }),
            ...(options.apps === undefined ? {} : { apps: options.apps }),
            ...(options.fsync === undefined ? {} : { fsync: options.fsync }),
            ...(options.snapshotEvery === undefined ? {} : { snapshotEvery: options.snapshotEvery }),
            ...(options.workers === undefined ? {} : { workers: options.workers }),
            ...(options.scale === undefined && options.relayScale === undefined
              ? {}
              : { shape: { ...(options.scale === undefined ? {} : { scale: options.scale }), ...(options.relayScale === undefined ? {} : { relayScale: options.relayScale }) } }),
            ...(composition === undefined ? {} : { onBlock: (report: SimBlockReport) => composition.record(report) }),
          },
          options.progress !== false,
        );
        const shape = readSimManifest(dataDir)?.shape;
        const relayScale = shape?.relay_scale ?? 1;
        if (options.json === true) printJson(composition === undefined ? summary : { ...summary, composition: composition.summary(relayScale) });
        else {
          printSimulationSummary(summary);
          if (composition !== undefined) writeStdout(composition.table(relayScale, shape?.scale ?? 1) + '\n');
        }
      }),
    );
}
