/** Literal types kept, so the registered codes form a type (core/codes.ts `TxCode`). */
export function defineCode(codespace, code, name) {
    return Object.freeze({ codespace, code, name });
}
export function rejection(code, log = code.name.replaceAll('_', ' ')) {
    return { codespace: code.codespace, code: code.code, name: code.name, log };
}
/** `pos:111` — the compact form used in logs, receipts and tests. */
export function codeOf(r) {
    return `${r.codespace}:${r.code}`;
}
export function isRejection(value) {
    return (typeof value === 'object' &&
        value !== null &&
        typeof value.codespace === 'string' &&
        typeof value.code === 'number' &&
        typeof value.name === 'string');
}
//# sourceMappingURL=rejection.js.map