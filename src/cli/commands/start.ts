/**
 * `pokt-ledger start` (what `npm start` runs): the main job on the embedded default, ending in a
 * served chain.
 *
 *   1. the chain: the bundled Pocket mainnet genesis plus a mainnet-shaped network (profile
 *      mainnet-shaped at `--scale`, default 0.02: 160 nodes over 50 chains, 40 apps; mid-2022
 *      params with PIP-22) in the default data directory — the repository root's events/ and
 *      snapshots/; if a chain is already there, it is continued;
 *   2. `--blocks` (default 60) mainnet-shaped blocks: claims and proofs of real relay trees, sends,
 *      stakes, a downtime jailing and its unjail, a governance change — produced by the real
 *      producer, every receipt, invariant and the supply checked after every block;
 *   3. the whole log replayed from genesis with every signature verified and every root compared;
 *   4. the projection built (projections/ledger.sqlite) and the audit run over it, its HTML
 *      report written to reports/audit.html and every line it derived to reports/audit-lines.csv;
 *   5. a one-screen summary (or one JSON document with --json);
 *   6. unless --no-serve: the node serving the query API (POST /v1/query/*) and the explorer on
 *      localhost, producing blocks only on demand, until Ctrl-C (SIGINT/SIGTERM: exit 0).
 */
import { makeDirs } from '../../core/make-dirs.js';
import type { Command } from 'commander';
import { renameSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { runAudit, skippedSnapshotWarning } from '../../audit/index.js';
import { warnOnStderr } from '../../runtime/warnings.js';
import { auditHtml } from '../../audit/html.js';
import { LinesCsvWriter } from '../../audit/csv.js';
import { bundledMainnetGenesisPath } from '../../core/paths.js';
import { DEFAULT_NODE_PORT, startNode } from '../../node/node.js';
import { readSimManifest } from '../../sim/sim-genesis.js';
import { chainExists } from '../../sim/sim-setup.js';
import { dataDirOf, hostOption, integerOption, portOption } from '../args.js';
import { CliError, printJson, writeStdout } from '../output.js';
import { phaseLine } from '../progress.js';
import { withCliErrors } from '../runtime-errors.js';
import { projectWithProgress } from './project.js';
import { replayWithProgress } from './replay.js';
import { DEFAULT_SIM_SEED, fractionOption, simulateWithProgress } from './simulate.js';
import { ActivityTally, activityJson, startSummaryLines, type StartReport } from './start-summary.js';
import { untilStopSignal } from '../signals.js';

export const START_DEFAULTS = { blocks: 60, scale: 0.02 } as const;

interface StartOptions {
  readonly data?: string;
  readonly blocks?: number;
  readonly scale?: number;
  readonly serve?: boolean;
  readonly host?: string;
  readonly port?: number;
  readonly progress?: boolean;
  readonly json?: boolean;
}

async function buildAndCheck(dataDir: string, options: StartOptions): Promise<StartReport> {
  const continuing = chainExists(dataDir);
  const existing = continuing ? readSimManifest(dataDir) : undefined;
  if (continuing && existing === undefined) {
    throw new CliError('not_a_simulated_chain', `${dataDir} holds a chain that \`start\` did not create; use --data <another dir>`);
  }
  const showProgress = options.progress !== false;
  const activity = new ActivityTally();
  const simulation = await simulateWithProgress(
    {
      dataDir,
      seed: existing === undefined ? DEFAULT_SIM_SEED : BigInt(existing.seed),
      ...(existing === undefined
        ? { genesisFile: bundledMainnetGenesisPath(), profile: 'mainnet-shaped' as const, shape: { scale: options.scale ?? START_DEFAULTS.scale } }
        : continuedShape(dataDir, existing.profile === 'mainnet-shaped', options.scale)),
      blocks: options.blocks ?? START_DEFAULTS.blocks,
      snapshotEvery: 100,
      onBlock: (report) => activity.record(report.result),
    },
    showProgress,
  );
  const replay = await replayWithProgress({ data: dataDir, progress: showProgress });
  const projection = await projectWithProgress(dataDir, {}, showProgress);
  const reports = join(dataDir, 'reports');
  makeDirs(reports);
  const lines = new LinesCsvWriter(join(reports, LINES_CSV));
  // The audit reports no progress of its own here (seconds on a large chain): named, at least.
  phaseLine('audit: recomputing every reward, burn and slash and the supply at every block', showProgress);
  let audit;
  try {
    audit = await runAudit({ dataDir, catchUp: false, onLine: (height, line) => lines.line(height, line) });
  } catch (error) {
    lines.abandon();
    throw error;
  }
  lines.close();
  for (const skipped of audit.snapshots_skipped) warnOnStderr(skippedSnapshotWarning(skipped));
  // The report names the CSV as the file beside it: the two are read together.
  const html = auditHtml(audit, { generatedAt: new Date(), linesCsv: `${LINES_CSV} (beside this report)` });
  return { dataDir, simulation, activity, replay, projection, audit, auditReport: writeAuditReport(reports, html) };
}

/**
 * A continued chain keeps its own size; a `--scale` given is handed to the simulator's check of
 * the chain's settings (sim-setup.ts checkExisting), which refuses another one
 * (sim_settings_differ) as `simulate` does — it was ignored without a word (docs walk of
 * 2026-12-07). A chain without a mainnet-shaped size (simulated with another profile) has no
 * scale to match.
 */
function continuedShape(dataDir: string, shaped: boolean, scale: number | undefined): { shape?: { scale: number } } {
  if (scale === undefined) return {};
  if (!shaped) throw new CliError('conflicting_options', `--scale is the mainnet-shaped profile's (its network's size): ${dataDir} was simulated with another profile, which has none — leave --scale out, or use --data <another dir>`);
  return { shape: { scale } };
}

/** The audit's per-line CSV, beside reports/audit.html. */
const LINES_CSV = 'audit-lines.csv';

/** <data>/reports/audit.html, written whole (temp file + rename: never a half-written report). */
function writeAuditReport(dir: string, html: string): string {
  const file = join(dir, 'audit.html');
  writeFileSync(`${file}.tmp-${process.pid}`, html);
  renameSync(`${file}.tmp-${process.pid}`, file);
  return file;
}

/**
 * Fails now (port_in_use, address_not_available) when the port cannot be bound, rather than after
 * a minute of producing, replaying, projecting and auditing. A probe, so another process may
 * still take the port before the node binds it; then the node's own bind says so.
 */
async function assertPortFree(host: string, port: number): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve()));
  });
}

async function serveUntilSignal(dataDir: string, options: StartOptions, json: boolean): Promise<void> {
  const node = await startNode({ dataDir, ...(options.host === undefined ? {} : { host: options.host }), port: options.port ?? DEFAULT_NODE_PORT, intervalMs: 0 });
  // The explorer (src/explorer, served at /explorer/ by the node app) is named only when this build serves it.
  const explorer = await fetch(`${node.url}/explorer/`).then((r) => r.ok && (r.headers.get('content-type') ?? '').includes('html'), () => false);
  const line = `serving ${node.url}: query API POST ${node.url}/v1/query/height (and every /v1/query route)${explorer ? `, explorer ${node.url}/explorer/` : ''} — blocks only on demand; Ctrl-C to stop\n`;
  const stopped = untilStopSignal();
  (json ? process.stderr : process.stdout).write(line);
  await stopped;
  await node.close();
  (json ? process.stderr : process.stdout).write('stopped\n');
}

export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description('the main job: a mainnet-shaped chain on the bundled mainnet genesis, verified, projected and audited, then served on localhost until Ctrl-C')
    .option('--data <dir>', 'data directory (default: the repository root)')
    .option('--blocks <n>', `blocks to produce (default ${START_DEFAULTS.blocks})`, integerOption('--blocks', 0))
    .option('--scale <f>', `fraction of mainnet size for a new chain (default ${START_DEFAULTS.scale}); an existing chain keeps its own (another is refused)`, fractionOption('--scale'))
    .option('--no-serve', 'exit after the summary')
    .option('--host <host>', 'address to serve on (default 127.0.0.1)', hostOption)
    .option('--port <port>', `port to serve on (default ${DEFAULT_NODE_PORT}; 0 = any free port)`, portOption)
    .option('--no-progress', 'no progress bars on stderr')
    .option('--json', 'the summary as one JSON document on stdout (the serving line goes to stderr)')
    .action((options: StartOptions) =>
      withCliErrors(async () => {
        const dataDir = dataDirOf(options.data);
        if (options.serve !== false) await assertPortFree(options.host ?? '127.0.0.1', options.port ?? DEFAULT_NODE_PORT);
        const report = await buildAndCheck(dataDir, options);
        const json = options.json === true;
        if (json) printJson({ data_dir: dataDir, simulation: report.simulation, activity: activityJson(report.activity), replay: report.replay, projection: report.projection, audit: { ...report.audit, series: undefined }, audit_report: report.auditReport });
        else writeStdout(startSummaryLines(report).join('\n') + '\n');
        const healthy = report.replay.verified && report.audit.mismatches === 0 && report.audit.supply_ok;
        if (!healthy) process.exitCode = 1;
        if (options.serve !== false && healthy) await serveUntilSignal(dataDir, options, json);
      }),
    );
}
