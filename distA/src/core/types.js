const ADDRESS = /^[0-9a-f]{40}$/;
const PUBLIC_KEY = /^[0-9a-f]{64}$/;
export function isAddress(text) {
    return ADDRESS.test(text);
}
export function isPublicKeyHex(text) {
    return PUBLIC_KEY.test(text);
}
/** Accepts either case (as Go's hex decoding does) and returns the canonical lowercase form. */
export function parseAddress(text) {
    const lower = text.toLowerCase();
    return isAddress(lower) ? lower : undefined;
}
export function parsePublicKeyHex(text) {
    const lower = text.toLowerCase();
    return isPublicKeyHex(lower) ? lower : undefined;
}
export const UPOKT_PER_POKT = 1000000n;
/** Pocket's BigInt is limited to 255 bits (types/int.go:11); amounts above are invalid. */
export const MAX_BIGINT_255 = (1n << 255n) - 1n;
export const MAX_INT64 = (1n << 63n) - 1n;
export const MIN_INT64 = -(1n << 63n);
export const MAX_UINT64 = (1n << 64n) - 1n;
//# sourceMappingURL=types.js.map