/**
 * Rejections: the coded, stable answer to bad input. Every rejection carries pocket-core's
 * `codespace:code` where pocket-core has one (so clients that key on those codes keep working),
 * a name that reads as a sentence (`stake_below_minimum`), and a human log line.
 *
 * Codes are declared once per module in a `codes.ts` as `RejectionCode` constants; numeric ids
 * are never reused. Codes that pocket-core does not have live in the `ledger` codespace.
 */
export interface RejectionCode {
  readonly codespace: string;
  readonly code: number;
  readonly name: string;
}

export interface Rejection extends RejectionCode {
  /** Human-readable detail; never parsed by programs (they use codespace/code/name). */
  readonly log: string;
}

/** Literal types kept, so the registered codes form a type (core/codes.ts `TxCode`). */
export function defineCode<S extends string, C extends number, N extends string>(codespace: S, code: C, name: N): RejectionCode & { readonly codespace: S; readonly code: C; readonly name: N } {
  return Object.freeze({ codespace, code, name });
}

/** The compact `codespace:code` form of a code type. */
export type CodeString<R extends RejectionCode> = R extends { readonly codespace: infer S extends string; readonly code: infer C extends number } ? `${S}:${C}` : never;

export function rejection(code: RejectionCode, log: string = code.name.replaceAll('_', ' ')): Rejection {
  return { codespace: code.codespace, code: code.code, name: code.name, log };
}

/** `pos:111` — the compact form used in logs, receipts and tests. */
export function codeOf(r: RejectionCode): string {
  return `${r.codespace}:${r.code}`;
}

export function isRejection(value: unknown): value is Rejection {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Rejection).codespace === 'string' &&
    typeof (value as Rejection).code === 'number' &&
    typeof (value as Rejection).name === 'string'
  );
}
