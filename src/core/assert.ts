/**
 * Invariant violations are bugs: they throw and should crash the process. Expected failures
 * (bad input, rejected messages) are values, never exceptions (see rejection.ts).
 */
export class InvariantError extends Error {
  override readonly name = 'InvariantError';
}

export function invariant(condition: unknown, message: string | (() => string)): asserts condition {
  if (!condition) throw new InvariantError(typeof message === 'string' ? message : message());
}

export function unreachable(value: never, what = 'value'): never {
  throw new InvariantError(`unreachable ${what}: ${JSON.stringify(value)}`);
}
