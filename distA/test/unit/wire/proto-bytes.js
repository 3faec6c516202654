/**
 * Hand-assembled protobuf bytes for the decoder tests: each helper writes exactly the bytes
 * named, so a test can build encodings no encoder would produce (duplicates, unknown fields,
 * non-minimal varints, wrong wire types, groups).
 */
export function varint(value) {
    let rest = BigInt.asUintN(64, BigInt(value));
    const out = [];
    while (rest >= 0x80n) {
        out.push(Number(rest & 0x7fn) | 0x80);
        rest >>= 7n;
    }
    out.push(Number(rest));
    return out;
}
/** A varint written with `extra` redundant continuation bytes (non-minimal, same value). */
export function paddedVarint(value, extra) {
    const minimal = varint(value);
    const last = minimal.pop();
    const out = [...minimal, last | 0x80];
    for (let i = 1; i < extra; i++)
        out.push(0x80);
    out.push(0x00);
    return out;
}
export const tag = (fieldNumber, wireType) => varint((BigInt(fieldNumber) << 3n) | BigInt(wireType));
export const bytesField = (fieldNumber, payload) => [...tag(fieldNumber, 2), ...varint(payload.length), ...payload];
export const stringField = (fieldNumber, text) => bytesField(fieldNumber, [...Buffer.from(text, 'utf8')]);
export const varintField = (fieldNumber, value) => [...tag(fieldNumber, 0), ...varint(value)];
export const hexBytes = (hex) => [...Buffer.from(hex, 'hex')];
/** uvarint(len) ‖ body — the tx framing. */
export function framed(body) {
    return Uint8Array.from([...varint(body.length), ...body]);
}
export const ADDRESS_A = 'aa'.repeat(20);
export const ADDRESS_B = 'bb'.repeat(20);
/** A MsgSend value: from A, to B, amount text. */
export function sendValue(amount = '1') {
    return [...bytesField(1, hexBytes(ADDRESS_A)), ...bytesField(2, hexBytes(ADDRESS_B)), ...stringField(3, amount)];
}
export function anyField(typeUrl, value) {
    return bytesField(1, [...stringField(1, typeUrl), ...bytesField(2, value)]);
}
export const FEE_FIELD = bytesField(2, [...stringField(1, 'upokt'), ...stringField(2, '10000')]);
export const SIGNATURE_FIELD = bytesField(3, [...bytesField(1, new Uint8Array(32).fill(7)), ...bytesField(2, new Uint8Array(64).fill(9))]);
/** A complete, canonical (gogoproto-style) Send tx body with the given entropy. */
export function sendTxBody(options = {}) {
    return [
        ...anyField('/x.nodes.MsgSend', sendValue(options.amount ?? '1')),
        ...FEE_FIELD,
        ...SIGNATURE_FIELD,
        ...varintField(5, options.entropy ?? 42n),
        ...(options.extra ?? []),
    ];
}
//# sourceMappingURL=proto-bytes.js.map