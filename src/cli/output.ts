/**
 * CLI output conventions: `--json` output is one JSON document on stdout (bigints as decimal
 * strings) for programs; everything else is for people. Progress and diagnostics go to stderr so
 * stdout stays parseable. Failures exit non-zero with a coded error.
 */
import { fstatSync, writeSync } from 'node:fs';
import { once } from 'node:events';
import type { Rejection } from '../core/rejection.js';

export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    readonly code: string,
    message: string,
    // Not named `details`: uvu's reporter calls err.details.split() and would print nothing.
    readonly context?: unknown,
    /**
     * The command's whole answer, when its verdict is the failure (`tx decode` of a tx whose
     * signature does not verify): with --json the ONE document is this answer with `error` beside
     * its fields, so a program reads both; without --json the command has printed it on stdout.
     */
    readonly report?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
  }
}

/**
 * A rejection (tx validation, key files) as the CLI reports it: its name as the code, like every
 * other CLI error, and pocket-core's `codespace:code` in the details for those who key on it
 * (`keys show` printed "keyfile:3" where `tx sign` printed key_file_bad_shape).
 */
export function rejectionError(rejection: Rejection): CliError {
  return new CliError(rejection.name, rejection.log, { codespace: rejection.codespace, code: rejection.code });
}

/** A count for people, thousands grouped: 100000 → "100,000" (JSON output keeps plain numbers). */
export function grouped(n: number): string {
  return n.toLocaleString('en-US');
}

/**
 * `n noun` for people: thousands separated, the noun in the plural unless n is 1.
 * Example: counted(1, 'param change') = '1 param change'; counted(1623, 'claim') = '1,623 claims';
 * counted(0, 'mismatch', 'mismatches') = '0 mismatches'.
 */
export function counted(n: number, noun: string, plural = `${noun}s`): string {
  return `${grouped(n)} ${n === 1 ? noun : plural}`;
}

/** Heights first to last as every command writes them, with the README's en dash: "1–60". */
/** "3–7"; an empty range (last < first: nothing was done, e.g. `simulate --blocks 0`) "none". */
export function heightRange(first: number, last: number): string {
  return last < first ? 'none' : `${first}–${last}`;
}

/**
 * A chain with no block yet, as `roots`, `verify` and `replay` say it: a chain made from a
 * genesis is at its genesis; one imported from an exported state at H (first block H + 1) is
 * that state — "at its genesis" read as height 0 (docs walk of 2026-12-07). Examples:
 * (0, false) → "the chain is at its genesis"; (62, true) → "the chain is the imported state at
 * height 62 (its first block will be height 63)".
 */
export function chainWithoutBlocks(genesisHeight: number, nextBlock: boolean): string {
  const next = nextBlock ? ` (its first block will be height ${genesisHeight + 1})` : '';
  return genesisHeight === 0 ? `the chain is at its genesis${next}` : `the chain is the imported state at height ${genesisHeight}${next}`;
}

/** JSON.stringify with bigint → decimal string and Uint8Array → hex. */
export function toJson(value: unknown, indent?: number): string {
  return JSON.stringify(
    value,
    (_key, item: unknown) => {
      if (typeof item === 'bigint') return item.toString();
      if (item instanceof Uint8Array) return Buffer.from(item).toString('hex');
      return item;
    },
    indent,
  );
}

export function printJson(value: unknown): void {
  writeStdout(toJson(value) + '\n');
}

let stdoutFile: boolean | undefined;

/**
 * Writes all of `text` to stdout or throws. stdout redirected to a file (`export … > genesis.json`)
 * is Node's SyncWriteStream, which makes one write(2) and ignores a short count: past `ulimit -f`
 * or on a nearly full disk the file kept its first megabyte and the command still exited 0 — a
 * silently shorter genesis (QA of 2026-12-06). A regular file is written here until every byte is
 * in, so the write that cannot go on fails (EFBIG, ENOSPC: a coded error, exit 1). Pipes and
 * terminals keep the stream, which writes whole chunks and reports EPIPE (main.ts).
 */
export function writeStdout(text: string | Uint8Array): void {
  stdoutFile ??= isRegularFile(1);
  if (!stdoutFile) {
    process.stdout.write(text);
    return;
  }
  const bytes = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  for (let offset = 0; offset < bytes.length; ) {
    const written = writeSync(1, bytes, offset);
    if (written === 0) throw Object.assign(new Error('stdout accepts no more bytes'), { code: 'EIO' });
    offset += written;
  }
}

/**
 * writeStdout of chunks made one at a time (an export's): to a pipe or terminal each waits until
 * the stream has taken what is queued ('drain'), so a slow reader holds back the making of the
 * next chunk instead of every chunk queuing in memory.
 */
export async function writeStdoutChunks(chunks: Iterable<Uint8Array>): Promise<void> {
  for (const chunk of chunks) {
    writeStdout(chunk);
    if (stdoutFile !== true && process.stdout.writableNeedDrain) await once(process.stdout, 'drain');
  }
}

function isRegularFile(fd: number): boolean {
  try {
    return fstatSync(fd).isFile();
  } catch {
    return false;
  }
}

/** Set to print the stack of an internal error (a bug) on stderr; otherwise no stack is ever shown. */
export const DEBUG_ENV = 'POKT_LEDGER_DEBUG';

export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;
/**
 * Codes of usage errors: whether commander finds them or a command's own check of its options
 * (calc, query, tx, …) does, they exit 2, as documented.
 */
export const USAGE_ERROR_CODES: ReadonlySet<string> = new Set([
  'invalid_option',
  'missing_option',
  'missing_option_value',
  'conflicting_options',
  'confirmation_required',
  // --from above --to, both given (audit, roots): the operator's typo, whatever the chain holds.
  'reversed_range',
  // An option's value refused by the command's own parsing (QA of 2026-12-06: these exited 1,
  // as if the chain or the machine had failed): audit --what-if, tx sign --type and --msg.
  'invalid_what_if',
  'unknown_message_type',
  'invalid_message_json',
]);
/** EX_SOFTWARE: a bug, not bad input nor a condition of the machine. */
export const EXIT_INTERNAL = 70;

/**
 * A coded error as one JSON document on stdout (--json) or one readable line (+ details) on
 * stderr. `report`: the answer the error comes with (CliError.report), its fields first in the document.
 */
export function printError(code: string, message: string, details: unknown, json: boolean, report?: Readonly<Record<string, unknown>>): void {
  const human = (): void => {
    process.stderr.write(`error [${code}]: ${message}\n`);
    if (details !== undefined) process.stderr.write(toJson(details, 2) + '\n');
  };
  if (!json) return human();
  try {
    // Reporting an error must not throw one. stdout redirected to a file that can take no more
    // (the file-size limit, a full disk — often the very failure reported) cannot hold the
    // document either: said on stderr instead, or the command would fail saying nothing (docs
    // walk of 2026-12-07). A pipe's or terminal's failure is the stream's (main.ts).
    writeStdout(toJson({ ...report, error: { code, message, ...(details === undefined ? {} : { details }) } }) + '\n');
  } catch {
    human();
  }
}

/**
 * Reports a failure and returns the exit code: a CliError as itself (exit 2 for a usage code,
 * else 1); anything else is a
 * bug: `internal_error` with its message and a hint to report it (exit 70). Its stack goes to
 * stderr only when POKT_LEDGER_DEBUG is set.
 */
export function reportError(error: unknown, json: boolean): number {
  if (error instanceof CliError) {
    printError(error.code, error.message, error.context, json, error.report);
    return USAGE_ERROR_CODES.has(error.code) ? EXIT_USAGE : EXIT_FAILURE;
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const debug = process.env[DEBUG_ENV] !== undefined && process.env[DEBUG_ENV] !== '' && process.env[DEBUG_ENV] !== '0';
  const hint = debug ? undefined : `this is a bug in pokt-ledger: please report it with the command line; run again with ${DEBUG_ENV}=1 for the stack`;
  printError('internal_error', message, hint === undefined ? undefined : { hint }, json);
  if (debug && error instanceof Error && error.stack !== undefined) process.stderr.write(error.stack + '\n');
  return EXIT_INTERNAL;
}
