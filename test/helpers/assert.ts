/**
 * Assertions that narrow: `assertOk(result)` fails the test unless the result is ok and returns
 * its value, so a test never hides its checks behind `if (result.ok)` (which passes silently
 * when the result is not ok).
 */
import * as assert from 'uvu/assert';
import { codeOf, type Rejection, type RejectionCode } from '../../src/core/rejection.js';
import type { Result } from '../../src/core/result.js';

function describe(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'codespace' in error && 'code' in error) return `${codeOf(error as Rejection)} ${(error as Rejection).log}`;
  return typeof error === 'string' ? error : JSON.stringify(error, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
}

/** The value of an ok result; fails the test (with the error) otherwise. */
export function assertOk<T, E>(result: Result<T, E>, context = 'expected an ok result'): T {
  if (!result.ok) assert.unreachable(`${context}, got ${describe(result.error)}`);
  return (result as { readonly value: T }).value;
}

/** The error of a failed result; fails the test (with the value) otherwise. */
export function assertErr<T, E>(result: Result<T, E>, context = 'expected a failed result'): E {
  if (result.ok) assert.unreachable(`${context}, got ok: ${describe(result.value)}`);
  return (result as { readonly error: E }).error;
}

/** A result rejected with exactly `code` (codespace:code); returns the rejection. */
export function assertRejected<T>(result: Result<T, Rejection>, code: RejectionCode): Rejection {
  const rejection = assertErr(result, `expected ${codeOf(code)}`);
  assert.is(codeOf(rejection), codeOf(code), rejection.log);
  return rejection;
}

/** `value` narrowed to the member of its union whose `type` is `type`; fails the test otherwise. */
export function assertType<T extends { readonly type: string }, K extends T['type']>(value: T, type: K): Extract<T, { readonly type: K }> {
  assert.is(value.type, type);
  return value as Extract<T, { readonly type: K }>;
}
