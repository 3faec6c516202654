/**
 * Invariant violations are bugs: they throw and should crash the process. Expected failures
 * (bad input, rejected messages) are values, never exceptions (see rejection.ts).
 */
export class InvariantError extends Error {
    name = 'InvariantError';
}
export function invariant(condition, message) {
    if (!condition)
        throw new InvariantError(typeof message === 'string' ? message : message());
}
export function unreachable(value, what = 'value') {
    throw new InvariantError(`unreachable ${what}: ${JSON.stringify(value)}`);
}
//# sourceMappingURL=assert.js.map