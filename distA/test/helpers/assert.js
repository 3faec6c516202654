/**
 * Assertions that narrow: `assertOk(result)` fails the test unless the result is ok and returns
 * its value, so a test never hides its checks behind `if (result.ok)` (which passes silently
 * when the result is not ok).
 */
import * as assert from 'uvu/assert';
import { codeOf } from '../../src/core/rejection.js';
function describe(error) {
    if (typeof error === 'object' && error !== null && 'codespace' in error && 'code' in error)
        return `${codeOf(error)} ${error.log}`;
    return typeof error === 'string' ? error : JSON.stringify(error, (_k, v) => (typeof v === 'bigint' ? `${v}n` : v));
}
/** The value of an ok result; fails the test (with the error) otherwise. */
export function assertOk(result, context = 'expected an ok result') {
    if (!result.ok)
        assert.unreachable(`${context}, got ${describe(result.error)}`);
    return result.value;
}
/** The error of a failed result; fails the test (with the value) otherwise. */
export function assertErr(result, context = 'expected a failed result') {
    if (result.ok)
        assert.unreachable(`${context}, got ok: ${describe(result.value)}`);
    return result.error;
}
/** A result rejected with exactly `code` (codespace:code); returns the rejection. */
export function assertRejected(result, code) {
    const rejection = assertErr(result, `expected ${codeOf(code)}`);
    assert.is(codeOf(rejection), codeOf(code), rejection.log);
    return rejection;
}
/** `value` narrowed to the member of its union whose `type` is `type`; fails the test otherwise. */
export function assertType(value, type) {
    assert.is(value.type, type);
    return value;
}
//# sourceMappingURL=assert.js.map