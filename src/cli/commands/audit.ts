/**
 * `pokt-ledger audit --data DIR [--from H1 --to H2] [--node ADDR] [--json | --csv FILE | --html FILE]
 *                   [--lines-csv FILE] [--what-if 'pos/RelaysToTokensMultiplier=485@H' …]`
 *
 * Recomputes every reward line, fee split, burn and slash from the block log with the audit's
 * own implementation (src/audit) and compares each with what the ledger recorded; checks the
 * supply at every block. Exit 1 when anything differs. --lines-csv writes every line it derived,
 * with its inputs, as it goes. With --what-if: replays the log in a
 * scratch directory with the parameters overridden and reports what would have differed.
 * Progress (blocks/s, ETA) on stderr.
 */
import type { Command } from 'commander';
import { writeFileSync } from 'node:fs';
import { AuditInputError, runAudit, scopeUnknown, skippedSnapshotWarning, unknownNodeWarning, type AuditSummary } from '../../audit/index.js';
import { warnOnStderr } from '../../runtime/warnings.js';
import { auditCsv, LinesCsvWriter } from '../../audit/csv.js';
import { auditHtml, GENESIS_INCLUDED } from '../../audit/html.js';
import { parseWhatIf, runWhatIf, type WhatIfReport } from '../../audit/what-if.js';
import { ParamOverrideError } from '../../runtime/param-override.js';
import { addressArgument, dataDirOf, integerOption } from '../args.js';
import { checkDistinctOutputFiles, checkOutputFile } from '../out-path.js';
import { CliError, counted, grouped, printJson, writeStdout } from '../output.js';
import { blockProgress, phaseLine } from '../progress.js';
import { whatIfText } from '../what-if-text.js';
import { withCliErrors } from '../runtime-errors.js';

interface AuditCommandOptions {
  readonly data?: string;
  readonly from?: number;
  readonly to?: number;
  readonly node?: string;
  readonly json?: boolean;
  readonly csv?: string;
  readonly html?: string;
  readonly linesCsv?: string;
  readonly force?: boolean;
  readonly whatIf?: string[];
  readonly progress?: boolean;
}

async function audit(options: AuditCommandOptions): Promise<AuditSummary> {
  let progress: ReturnType<typeof blockProgress> | undefined;
  // The rates are over the whole walk: the bar appears at the first report (after up to 50
  // blocks), and timed from then it showed 3,051 blocks/s for a 2 s audit of 30 blocks.
  const started = performance.now();
  const lines = options.linesCsv === undefined ? undefined : new LinesCsvWriter(options.linesCsv);
  // Before the bar: parsing the genesis and building the shadow from it is ~18 s for a
  // mainnet-sized import (300k accounts), which passed in silence.
  phaseLine('audit: loading the genesis state, the block log and the projection', options.progress !== false);
  try {
    const summary = await runAudit({
      dataDir: dataDirOf(options.data),
      ...(options.from === undefined ? {} : { from: options.from }),
      ...(options.to === undefined ? {} : { to: options.to }),
      ...(options.node === undefined ? {} : { node: options.node }),
      ...(lines === undefined ? {} : { onLine: (height, line) => lines.line(height, line) }),
      // Every block from the chain's first is walked (the shadow needs them), so the bar counts
      // those: an imported state's chain starts at H + 1, not at 1.
      onProgress: (p) => {
        progress ??= blockProgress('audit', p.to - p.first + 1, options.progress !== false, started, 'reward lines');
        progress.update(p.height - p.first + 1, p.lines, p.height);
      },
    });
    lines?.close();
    return summary;
  } catch (error) {
    lines?.abandon();
    // A ProjectionError goes on as it is: asCliError maps it for every command (runtime-errors.ts).
    if (error instanceof AuditInputError) throw new CliError(error.code, error.message);
    throw error;
  } finally {
    progress?.stop();
  }
}

function printHuman(summary: AuditSummary): void {
  // The same verdict words as `start` (PASS / FAIL), the same range dash and counted nouns.
  const verdict = summary.mismatches === 0 && summary.supply_ok ? 'PASS' : 'FAIL';
  writeStdout(
    `audit ${verdict}: blocks ${summary.from}–${summary.to} (${grouped(summary.blocks)}), ${counted(summary.reward_lines, 'reward line')} and ${counted(summary.slash_and_burn_lines, 'slash/burn line')} recomputed, ` +
      `${counted(summary.supply_checks, 'supply check')}${GENESIS_INCLUDED}, ${counted(summary.balance_checks, 'balance check')}, ${counted(summary.tx_fees_rederived, 'tx fee')} and ${counted(summary.tx_codes_rederived, 'tx code')} re-decided, ${counted(summary.snapshots_checked, 'snapshot')}${skippedText(summary)}; ${counted(summary.mismatches, 'mismatch', 'mismatches')}, supply ${summary.supply_ok ? 'holds' : 'BROKEN'} (${summary.seconds} s)\n`,
  );
  const f = summary.supply_failures;
  if (f.count > 0) writeStdout(`  supply does not hold at ${grouped(f.count)} height${f.count === 1 ? '' : 's'}: ${heightList(f.heights)}${f.count > f.heights.length ? ` and ${grouped(f.count - f.heights.length)} more` : ''}\n`);
  const shown = summary.mismatch_list.slice(0, SHOWN_MISMATCHES);
  if (shown.length < summary.mismatches) writeStdout(`  the first ${grouped(shown.length)} of ${grouped(summary.mismatches)} mismatches (--json or --csv FILE for the first ${grouped(summary.mismatch_list.length)}):\n`);
  for (const m of shown) writeStdout(`  height ${m.height} ${m.account ?? '-'} ${m.line}: expected ${m.expected}, recorded ${m.recorded}\n`);
}

/** Mismatch lines printed (the summary keeps 1,000; --json and --csv give those). */
const SHOWN_MISMATCHES = 50;

/** The first 20 heights ("12, 13, 20, …"): a terminal line, not the report's ranges. */
function heightList(heights: readonly number[]): string {
  return heights.slice(0, 20).join(', ') + (heights.length > 20 ? ', …' : '');
}

/** --csv, --html and --lines-csv: outside the chain's own files, not over an existing file without --force, not two onto one file (out-path.ts). */
function checkReportFiles(options: AuditCommandOptions): void {
  const files = [['--csv', options.csv], ['--html', options.html], ['--lines-csv', options.linesCsv]] as const;
  checkDistinctOutputFiles(files);
  for (const [option, file] of files) {
    if (file !== undefined) checkOutputFile(file, dataDirOf(options.data), { option, force: options.force === true });
  }
}

/** ", 1 skipped (damaged or foreign, not compared)" when the audit left snapshots out; "" otherwise. */
function skippedText(summary: AuditSummary): string {
  const n = summary.snapshots_skipped.length;
  return n === 0 ? '' : ` (${grouped(n)} skipped: damaged or foreign, not compared)`;
}

/**
 * The options a what-if does not take: it reports the whole chain's deltas (--json or text),
 * writes no file and filters no node. Beside it they were ignored without a word — `--html
 * r.html` wrote nothing, `--node` listed every node (dogfooding of 2026-12-07) — so they are a
 * usage error, named, before the replays.
 */
const NOT_WITH_WHAT_IF = [
  ['--from', 'from'],
  ['--node', 'node'],
  ['--csv', 'csv'],
  ['--html', 'html'],
  ['--lines-csv', 'linesCsv'],
  ['--force', 'force'],
] as const;

function refuseOptionsBesideWhatIf(options: AuditCommandOptions): void {
  const given = NOT_WITH_WHAT_IF.filter(([, key]) => options[key] !== undefined).map(([flag]) => flag);
  if (given.length === 0) return;
  throw new CliError('conflicting_options', `--what-if takes only --to, --json and --no-progress (it reports the whole chain's changes and writes no file): leave out ${given.join(', ')}, or run the audit without --what-if for ${given.length === 1 ? 'it' : 'them'}`);
}

export function registerAuditCommand(program: Command): void {
  program
    .command('audit')
    .description('recompute every reward, fee split, burn and slash independently and compare with the ledger; check the supply at every block')
    .option('--data <dir>', 'data directory (default: the repository root)')
    .option('--from <height>', 'first height to report', integerOption('--from', 1))
    .option('--to <height>', 'last height to audit', integerOption('--to', 1))
    .option('--node <address>', 'report only the lines of this node or account', addressArgument)
    .option('--json', 'one JSON object on stdout')
    .option('--csv <file>', 'write every mismatch as CSV to this file (never inside the data directory\'s events/, snapshots/ or projections/)')
    .option('--html <file>', "write a self-contained HTML report to this file (the same place rules as --csv)")
    .option('--lines-csv <file>', "write every reward, slash and burn line the audit derived, with its inputs, as CSV to this file (the same place rules as --csv)")
    .option('--force', 'overwrite an existing --csv, --html or --lines-csv file')
    .option('--what-if <key=value@height>', 'replay with a parameter overridden from a height (repeatable; takes only --to, --json and --no-progress besides)', (v: string, all: string[] = []) => [...all, v])
    .option('--no-progress', 'no progress on stderr')
    .action((options: AuditCommandOptions) =>
      withCliErrors(async () => {
        if (options.whatIf !== undefined) {
          refuseOptionsBesideWhatIf(options);
          let overrides;
          try {
            overrides = options.whatIf.map(parseWhatIf);
          } catch (error) {
            throw new CliError('invalid_what_if', error instanceof Error ? error.message : String(error));
          }
          const bars = new Map<string, ReturnType<typeof blockProgress>>();
          let report: WhatIfReport;
          try {
            report = await runWhatIf(dataDirOf(options.data), overrides, {
              ...(options.to === undefined ? {} : { to: options.to }),
              onProgress: (run, p) => {
                let bar = bars.get(run);
                if (bar === undefined) {
                  for (const other of bars.values()) other.stop();
                  bars.set(run, (bar = blockProgress(`what-if (${run === 'recorded' ? 'as recorded' : 'with the overrides'})`, p.targetHeight - p.startHeight, options.progress !== false)));
                }
                bar.update(p.blocks, p.txs, p.height);
              },
            });
          } catch (error) {
            if (error instanceof AuditInputError) throw new CliError(error.code, error.message);
            // A value gov would refuse at its height (found when the replay reaches it).
            if (error instanceof ParamOverrideError) throw new CliError('invalid_what_if', error.message);
            throw error;
          } finally {
            for (const bar of bars.values()) bar.stop();
          }
          if (options.json === true) printJson(report);
          else writeStdout(whatIfText(report));
          return;
        }
        // Before the audit (minutes on a long chain), not after it.
        checkReportFiles(options);
        const summary = await audit(options);
        for (const skipped of summary.snapshots_skipped) warnOnStderr(skippedSnapshotWarning(skipped));
        if (scopeUnknown(summary)) warnOnStderr(unknownNodeWarning(summary));
        if (options.csv !== undefined) writeFileSync(options.csv, auditCsv(summary));
        if (options.html !== undefined) writeFileSync(options.html, auditHtml(summary, { generatedAt: new Date(), ...(options.linesCsv === undefined ? {} : { linesCsv: options.linesCsv }) }));
        if (options.json === true) printJson(summary);
        else printHuman(summary);
        if (summary.mismatches > 0 || !summary.supply_ok) process.exitCode = 1;
      }),
    );
}
