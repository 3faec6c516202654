/**
 * Hex helpers. Pocket renders addresses, keys and hashes as hex; on input it accepts either case
 * (Go's hex.DecodeString), on output it writes lowercase (addresses) or uppercase (tx hashes).
 */
const HEX_PAIR = /^(?:[0-9a-fA-F]{2})*$/;
/** True for an even-length string of hex digits (either case). The empty string is valid hex. */
export function isHex(text) {
    return HEX_PAIR.test(text);
}
/** Value of each ASCII hex digit (either case), -1 for every other code unit below 128. */
const HEX_VALUE = (() => {
    const table = new Int8Array(128).fill(-1);
    for (let i = 0; i < 16; i++) {
        table['0123456789abcdef'.charCodeAt(i)] = i;
        table['0123456789ABCDEF'.charCodeAt(i)] = i;
    }
    return table;
})();
/** Strings up to this length are decoded by the loop below; longer ones by Buffer (native). */
const SHORT_HEX = 256;
/** Strict decoder: returns undefined for odd length or a non-hex character (never throws). */
export function hexToBytes(text) {
    if (text.length > SHORT_HEX) {
        if (!isHex(text))
            return undefined;
        return new Uint8Array(Buffer.from(text, 'hex'));
    }
    // PERF: keys, signatures and hashes (64–128 digits, a dozen per relay proof) decode here in
    // one pass that also validates: no regex, no pooled Buffer and copy (bench/relays proofs).
    if (text.length % 2 !== 0)
        return undefined;
    const out = new Uint8Array(text.length / 2);
    for (let i = 0; i < out.length; i++) {
        const high = text.charCodeAt(2 * i);
        const low = text.charCodeAt(2 * i + 1);
        const value = ((high < 128 ? HEX_VALUE[high] : -1) << 4) | (low < 128 ? HEX_VALUE[low] : -1);
        if (value < 0)
            return undefined;
        out[i] = value;
    }
    return out;
}
/** Decoder for values already known to be hex; a bad input here is a bug, so it throws. */
export function mustHexToBytes(text) {
    const bytes = hexToBytes(text);
    if (bytes === undefined)
        throw new TypeError(`not hex: ${JSON.stringify(text.slice(0, 80))}`);
    return bytes;
}
export function bytesToHex(bytes) {
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
}
export function bytesEqual(a, b) {
    if (a.byteLength !== b.byteLength)
        return false;
    for (let i = 0; i < a.byteLength; i++)
        if (a[i] !== b[i])
            return false;
    return true;
}
export function concatBytes(...parts) {
    let length = 0;
    for (const part of parts)
        length += part.byteLength;
    const out = new Uint8Array(length);
    let offset = 0;
    for (const part of parts) {
        out.set(part, offset);
        offset += part.byteLength;
    }
    return out;
}
//# sourceMappingURL=hex.js.map