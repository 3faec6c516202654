/**
 * The runner's command line (bench/run.ts), apart from the runner so that tests can hold it: every
 * mistake is a BenchUsageError with a code, printed as the CLI prints its usage errors
 * (`error [code]: …`, exit 2, no stack), never a flag silently ignored.
 */
import type { RunSettings } from './report.js';

export const DEFAULT_SEED = 42;

export type BenchUsageCode = 'unknown_option' | 'missing_option_value' | 'invalid_option' | 'conflicting_options' | 'unknown_benchmark' | 'no_saved_results' | 'invalid_environment';

export class BenchUsageError extends Error {
  override readonly name = 'BenchUsageError';
  constructor(
    readonly code: BenchUsageCode,
    message: string,
  ) {
    super(message);
  }
}

export interface Options extends RunSettings {
  readonly names: readonly string[];
  readonly list: boolean;
  readonly report: boolean;
  readonly help: boolean;
}

export function usage(): string {
  // How the README runs it; `node dist/bench/run.js` takes the same arguments without the build.
  return 'usage: npm run bench -- [NAME ...] [--quick] [--save] [--seed N] | --list | --report | --help';
}

/** --help: the usage and what each option does (npm run bench -- … runs the same after building). */
export function helpText(): string {
  return [
    usage(),
    '',
    '  NAME ...     the benchmarks to run (any case; see --list); none: the whole suite',
    '  --quick      small sizes (the whole quick suite in about 3 minutes)',
    '  --save       also append the result lines to bench/results/<name>.jsonl (the whole suite writes',
    '               bench/results/latest/ and its report at full size, and with --quick when --save is given)',
    `  --seed N     the workload seed, a non-negative integer (default ${DEFAULT_SEED})`,
    '  --list       the benchmarks and what each measures; runs nothing',
    '  --report     draw bench/results/latest/report.html from the saved results; runs nothing',
    '',
    'One JSON line per result on stdout, progress and the summary table on stderr (shared/BENCH.md).',
    'POKT_BENCH_MAINNET_SCALE=S (0 < S <= 1) runs mainnet (and replay\'s mainnet-shaped case) on a smaller chain.',
    'Exit 0; 1 if a benchmark failed, or if --report left out a damaged or missing result file or line',
    '(each named on stderr, the report still written); 2 on a usage error; 130 on Ctrl-C.',
  ].join('\n');
}

/** A seed is written in decimal digits: Number() would also take '' (0), '1e3' and '0x10'. */
function parseSeed(text: string | undefined): number {
  if (text === undefined) throw new BenchUsageError('missing_option_value', '--seed needs a value (a non-negative integer)');
  const seed = Number(text);
  if (!/^[0-9]+$/.test(text) || !Number.isSafeInteger(seed)) throw new BenchUsageError('invalid_option', `--seed needs a non-negative integer, got '${text}'`);
  return seed;
}

export function parseArgs(argv: readonly string[]): Options {
  const names: string[] = [];
  const flags = new Set<string>();
  let seed = DEFAULT_SEED;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--seed' || arg.startsWith('--seed=')) {
      seed = parseSeed(arg === '--seed' ? argv[++i] : arg.slice('--seed='.length));
      flags.add('--seed');
    } else if (['--quick', '--save', '--list', '--report', '--help'].includes(arg)) flags.add(arg);
    else if (arg === '-h') flags.add('--help');
    else if (arg.startsWith('-')) throw new BenchUsageError('unknown_option', `unknown option ${arg}`);
    else names.push(arg);
  }
  const options = { names, seed, quick: flags.has('--quick'), save: flags.has('--save'), list: flags.has('--list'), report: flags.has('--report'), help: flags.has('--help') };
  checkModes(options, flags);
  return options;
}

/**
 * --list and --report run no benchmark, so names, --quick, --save and --seed beside them would be
 * ignored — a user who typed `--report --quick` expecting a quick run's report would not learn it.
 */
function checkModes(options: Options, flags: ReadonlySet<string>): void {
  if (options.help) return;
  const modes = ['--list', '--report'].filter((flag) => flags.has(flag));
  if (modes.length > 1) throw new BenchUsageError('conflicting_options', `${modes.join(' and ')} cannot be given together`);
  if (modes.length === 0) return;
  const ignored = [...options.names, ...['--quick', '--save', '--seed'].filter((flag) => flags.has(flag))];
  if (ignored.length > 0) throw new BenchUsageError('conflicting_options', `${modes[0]} runs no benchmark: ${ignored.join(', ')} would be ignored`);
}

/**
 * The benchmarks named, in the suite's order, as their canonical names: a name matches in any case
 * (`Crypto` is `crypto`), since names are the lower-case file names and nothing else differs by case.
 */
export function selectNames(names: readonly string[], available: readonly string[]): string[] {
  if (names.length === 0) return [...available];
  const canonical = (name: string): string | undefined => available.find((known) => known.toLowerCase() === name.toLowerCase());
  const unknown = names.filter((name) => canonical(name) === undefined);
  if (unknown.length > 0) throw new BenchUsageError('unknown_benchmark', `unknown benchmark ${unknown.join(', ')}; available: ${available.join(', ')}`);
  const wanted = new Set(names.map(canonical));
  return available.filter((name) => wanted.has(name));
}
