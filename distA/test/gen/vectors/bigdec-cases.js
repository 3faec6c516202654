/**
 * The case language of test/vectors/bigdec.change-detector.json (and of the python oracle's
 * verdicts, test/oracle/verdicts/bigdec.json) and its evaluator, shared by the generator
 * (test/gen/vectors/bigdec.ts) and the test that replays the file
 * (test/unit/core/bigdec-vectors.test.ts).
 *
 * Every Dec in a case is written in pocket's String() form; integers are decimal strings.
 * Outputs are `{ result }` or `{ error }`, where error names what pocket-core does:
 *   rejected          NewDecFromStr returns an error
 *   panic_overflow    a result exceeds 255+60 bits: Go panics "BigInt overflow"
 *   panic_division_by_zero, panic_integer_range   Go panics
 *   approx_root_error ApproxRoot recovers a panic and returns an error (FracPow then yields 1)
 *   never_terminates  ApproxRoot's Newton loop cycles forever in Go
 */
import { ApproxRootNonTerminationError, Dec, DecDivisionByZeroError, DecIntegerRangeError, DecOverflowError, } from '../../../src/core/bigdec.js';
function parse(text) {
    const value = Dec.fromString(text);
    if (value === undefined)
        throw new Error(`bigdec vector: operand "${text}" is not a Dec`);
    return value;
}
function compute(input) {
    switch (input.op) {
        case 'fromString': {
            const value = Dec.fromString(input.text);
            return value === undefined ? { error: 'rejected' } : { result: value.toString() };
        }
        case 'add':
        case 'sub':
        case 'mul':
        case 'mulTruncate':
        case 'quo':
        case 'quoTruncate':
        case 'quoRoundUp':
            return { result: parse(input.a)[input.op](parse(input.b)).toString() };
        case 'quoInt64':
        case 'mulInt64':
            return { result: parse(input.a)[input.op](BigInt(input.i)).toString() };
        case 'roundInt':
        case 'truncateInt':
            return { result: parse(input.a)[input.op]().toString() };
        case 'power':
            return { result: parse(input.a).power(BigInt(input.k)).toString() };
        case 'approxRoot': {
            const root = parse(input.a).approxRoot(BigInt(input.n));
            return root.ok ? { result: root.value.toString() } : { error: 'approx_root_error' };
        }
        case 'fracPow':
            return { result: parse(input.a).fracPow(parse(input.p), Number(input.denominator)).toString() };
    }
}
/** Runs one case through our Dec; Go's panics map to the error kinds above. */
export function evaluateBigDecCase(input) {
    try {
        return compute(input);
    }
    catch (error) {
        if (error instanceof DecOverflowError)
            return { error: 'panic_overflow' };
        if (error instanceof DecDivisionByZeroError)
            return { error: 'panic_division_by_zero' };
        if (error instanceof DecIntegerRangeError)
            return { error: 'panic_integer_range' };
        if (error instanceof ApproxRootNonTerminationError)
            return { error: 'never_terminates' };
        throw error;
    }
}
//# sourceMappingURL=bigdec-cases.js.map