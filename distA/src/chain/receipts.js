// PERF: one object literal with every field in a fixed order (no spreads): one shape for every
// receipt, built once per tx.
function receipt(base, code, codespace, name, log) {
    return {
        index: base.index,
        hash: base.hash,
        code,
        codespace,
        name,
        log,
        messageType: base.messageType,
        signer: base.signer,
        recipient: base.recipient,
        feeUpokt: base.feeUpokt,
        events: base.events,
    };
}
export function okReceipt(base) {
    return receipt(base, 0, '', 'ok', '');
}
export function failedReceipt(base, rejection) {
    return receipt(base, rejection.code, rejection.codespace, rejection.name, rejection.log);
}
//# sourceMappingURL=receipts.js.map