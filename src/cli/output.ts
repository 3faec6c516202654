/**
 * CLI output conventions: `--json` output is one JSON document on stdout (bigints as decimal
 * strings) for programs; everything else is for people. Progress and diagnostics go to stderr so
 * stdout stays parseable. Failures exit non-zero with a coded error.
 */
export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    readonly code: string,
    message: string,
    // Not named `details`: uvu's reporter calls err.details.split() and would print nothing.
    readonly context?: unknown,
  ) {
    super(message);
  }
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
  process.stdout.write(toJson(value) + '\n');
}

export function reportError(error: unknown, json: boolean): number {
  if (error instanceof CliError) {
    if (json) printJson({ error: { code: error.code, message: error.message, details: error.context } });
    else {
      process.stderr.write(`error [${error.code}]: ${error.message}\n`);
      if (error.context !== undefined) process.stderr.write(toJson(error.context, 2) + '\n');
    }
    return 1;
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  if (json) printJson({ error: { code: 'internal_error', message } });
  else process.stderr.write(`internal error: ${message}\n`);
  return 70; // EX_SOFTWARE: a bug, not bad input
}
