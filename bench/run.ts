/**
 * Benchmark runner (shared/BENCH.md). Runs the compiled code: `npm run bench` builds, then runs
 * dist/bench/run.js.
 *
 *   npm run bench                       every benchmark; writes bench/results/ (below)
 *   npm run bench -- crypto             one (or several: names as arguments)
 *   npm run bench -- --quick            small sizes (the whole quick suite under 3 minutes)
 *   npm run bench -- --save             also append the lines to bench/results/<name>.jsonl (and,
 *                                       for the whole suite, write bench/results/latest/ as a full run does)
 *   npm run bench -- --seed 7           workload seed (default 42; printed on stderr)
 *   npm run bench -- --list             names and descriptions (on stdout, as --help is)
 *   npm run bench -- --report           runs nothing: draws bench/results/latest/report.html (and its
 *                                       pictures, with Debian's Chromium) from the saved results
 *
 * Output: one JSON line per result on stdout; progress on stderr; at the end the summary table
 * (bench/lib/summary.ts: every line with a goal → goal, figure, limit, ratio, met?) on stderr.
 * A full run (every benchmark, not --quick), or the whole quick suite with --save, also writes bench/results/latest/:
 * <name>.json (this run's lines of that benchmark), machine.json (cpu model, cores, memory,
 * node, date, load average) and SUMMARY.md (the table, for README's "Benchmarks" section), then
 * the report drawn from them: report.html (charts of every goal, the goals over every saved run,
 * the scale curves; bench/lib/report-page.ts) and the README's pictures of it, report-goals.png
 * and report-history.png.
 * Exit code 1 if any benchmark threw (the others still run), or if --report left out a result file
 * or line it could not read (each named on stderr; the report is still written). A mistake on the command line (an unknown
 * benchmark or option, a bad seed, --list or --report beside options they would ignore) is
 * `error [code]: …` and the usage, exit 2 (bench/lib/args.ts); names match in any case.
 *
 * ADDING A BENCHMARK: create bench/<name>.ts exporting `benchmark` — the runner finds every
 * top-level bench/*.js next to it, no registration needed:
 *
 *   import type { BenchModule } from './lib/types.js';
 *   export const benchmark: BenchModule = {
 *     name: 'apply',                       // must equal the file name
 *     description: 'reducer throughput on a seeded send workload',
 *     async run(ctx) {
 *       const prng = ctx.prng();           // the workload comes from here, never Math.random
 *       const blocks = buildWorkload(prng, ctx.quick ? 20 : 200);
 *       const limit = await ctx.measure({ label: 'raw verify', run: () => verifyAll(blocks) });
 *       const stats = await ctx.measure({ label: 'apply', run: () => applyAll(blocks) });  // returns txs done
 *       ctx.report({ case: 'send', workload: { blocks: blocks.length }, metric: 'txs_per_s', stats,
 *                    limit: { what: 'node:crypto verify of the same txs, 1 core', median: limit.median } });
 *     },
 *   };
 *
 * `ctx.measure` warms up (1 run by default), then takes ≥ 5 samples (5 with --quick, 7 without);
 * `run` returns the number of operations it did (mode 'rate' → ops/s, 'time' → ms/op) and may
 * check its own result so it cannot go fast by doing less. `ctx.report` adds bench, quick,
 * seed, rss_mb, node, cpus, at, and ratio_to_limit when a limit is given. Benchmarks never run
 * in tests; nothing in them is asserted on time.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Prng } from '../src/core/prng.js';
import { measure } from './lib/measure.js';
import { BenchUsageError, helpText, parseArgs, selectNames, usage, type Options } from './lib/args.js';
import { mainnetBenchScale } from './lib/mainnet-chain.js';
import { emit } from './lib/report.js';
import { exitOnInterrupt, stopWhenStdoutCloses, sweepDeadScratch } from './lib/scratch.js';
import { drawReport, replaceFile } from './lib/report-files.js';
import { machine, summaryMarkdown, type ResultLine } from './lib/summary.js';
import { packageRoot } from '../src/core/paths.js';
import type { BenchContext, BenchModule } from './lib/types.js';

async function discover(): Promise<BenchModule[]> {
  const here = dirname(fileURLToPath(import.meta.url));
  const files = readdirSync(here)
    .filter((file) => file.endsWith('.js') && file !== 'run.js')
    .sort();
  const modules: BenchModule[] = [];
  for (const file of files) {
    const loaded = (await import(pathToFileURL(join(here, file)).href)) as { benchmark?: BenchModule };
    const module = loaded.benchmark;
    if (module === undefined) throw new Error(`bench/${file} does not export \`benchmark\``);
    if (`${module.name}.js` !== file) throw new Error(`bench/${file} exports benchmark named ${module.name}; the name must equal the file name`);
    modules.push(module);
  }
  return modules;
}

function contextFor(module: BenchModule, options: Options, lines: ResultLine[]): BenchContext {
  const progress = (message: string): void => void process.stderr.write(`[${module.name}] ${message}\n`);
  return {
    name: module.name,
    quick: options.quick,
    seed: options.seed,
    prng: () => new Prng(options.seed),
    progress,
    measure: (measureOptions) => measure(measureOptions, options.quick, progress),
    report: (fields) => void lines.push(emit(module.name, options, fields)),
  };
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  // --help and --list are what was asked for, so stdout (`--list | grep`); a run's stdout is its JSON lines.
  if (options.help) {
    process.stdout.write(helpText() + '\n');
    return 0;
  }
  if (options.report) return drawSavedReport();
  const modules = await discover();
  if (options.list) {
    for (const m of modules) process.stdout.write(`${m.name.padEnd(16)} ${m.description}\n`);
    return 0;
  }
  const names = selectNames(options.names, modules.map((m) => m.name));
  const selected = modules.filter((m) => names.includes(m.name));
  if (names.includes('mainnet') || names.includes('replay')) mainnetBenchScale(options.quick);
  exitOnInterrupt((message) => void process.stderr.write(`${message}\n`));
  stopWhenStdoutCloses((message) => void process.stderr.write(`${message}\n`));
  const swept = sweepDeadScratch();
  if (swept.length > 0) process.stderr.write(`bench: removed ${swept.length} scratch director${swept.length === 1 ? 'y' : 'ies'} of killed runs: ${swept.join(', ')}\n`);
  process.stderr.write(`bench: ${selected.map((m) => m.name).join(', ')}; seed ${options.seed}${options.quick ? '; quick' : ''}${options.save ? '; saving to bench/results/' : ''}\n`);
  let failed = 0;
  const lines: ResultLine[] = [];
  const on = machine(new Date());
  for (const module of selected) {
    const started = process.hrtime.bigint();
    try {
      await module.run(contextFor(module, options, lines));
    } catch (error) {
      failed++;
      process.stderr.write(`[${module.name}] FAILED: ${failureText(error)}\n`);
    }
    process.stderr.write(`[${module.name}] done in ${(Number(process.hrtime.bigint() - started) / 1e9).toFixed(1)} s\n`);
  }
  const summary = summaryMarkdown(lines, { ...on, load_average_end: Number(loadavg()[0]!.toFixed(2)) }, options.quick);
  process.stderr.write(`\n${summary}`);
  // latest/ describes one whole suite run: a --save of some benchmarks only appends their lines to
  // the <name>.jsonl logs (it once replaced the suite's SUMMARY.md with a table of one benchmark).
  const wholeSuite = options.names.length === 0;
  if (wholeSuite && (options.save || !options.quick)) {
    writeResults(selected, lines, { ...on, load_average_end: Number(loadavg()[0]!.toFixed(2)) }, summary);
    await drawSavedReport();
  }
  return failed === 0 ? 0 : 1;
}

/** The errors the usage line helps with (not a missing results directory, nor the environment). */
const ABOUT_THE_COMMAND_LINE: ReadonlySet<string> = new Set(['unknown_option', 'missing_option_value', 'invalid_option', 'conflicting_options', 'unknown_benchmark']);

/** A usage error as its coded line; anything else — a bug in the benchmark — with its stack. */
function failureText(error: unknown): string {
  if (error instanceof BenchUsageError) return `error [${error.code}]: ${error.message}`;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

/**
 * latest/report.html (and .png) from the saved results; says where, and what it could not read
 * (then 1: `--report` exits with it; a whole suite run's code stays its benchmarks' verdict).
 */
function drawSavedReport(): Promise<number> {
  return drawReport(join(packageRoot(), 'bench', 'results'), (line) => void process.stderr.write(`${line}\n`));
}

/** bench/results/latest/: one JSON file per benchmark (this run's lines), the machine, the summary. */
function writeResults(modules: readonly BenchModule[], lines: readonly ResultLine[], on: ReturnType<typeof machine>, summary: string): void {
  const dir = join(packageRoot(), 'bench', 'results', 'latest');
  mkdirSync(dir, { recursive: true });
  const write = (file: string, text: string): void => replaceFile(join(dir, file), text);
  for (const module of modules) write(`${module.name}.json`, JSON.stringify(lines.filter((line) => line['bench'] === module.name), null, 1) + '\n');
  write('machine.json', JSON.stringify(on, null, 1) + '\n');
  write('SUMMARY.md', summary);
  process.stderr.write(`bench: results written to ${dir}\n`);
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    // A usage error is the user's to fix: its code and the usage, no stack (the CLI's form).
    if (error instanceof BenchUsageError) process.stderr.write(`error [${error.code}]: ${error.message}\n${ABOUT_THE_COMMAND_LINE.has(error.code) ? `${usage()}\n` : ''}`);
    else process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
