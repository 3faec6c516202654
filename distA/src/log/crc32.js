/**
 * CRC-32 (IEEE 802.3 polynomial 0xEDB88320 reflected, the zlib/PNG/gzip CRC; check value of
 * ASCII "123456789" is 0xCBF43926).
 *
 * Why CRC-32 and not CRC-32C: Node ships a native CRC-32 (`zlib.crc32`, Node ≥ 20.15, ~2 GB/s
 * here) and no CRC-32C. Both detect every burst error up to 32 bits and every odd number of bit
 * flips; what the log needs is to tell a torn or rotted frame from a good one, not
 * cryptographic integrity (block hashes in the chain layer do that). On Node 20.12–20.14
 * (package.json allows them) a table-driven JS fallback computes the same function.
 */
import * as zlib from 'node:zlib';
const native = zlib.crc32;
let table;
function crcTable() {
    if (table !== undefined)
        return table;
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
        let c = n;
        for (let k = 0; k < 8; k++)
            c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
        table[n] = c >>> 0;
    }
    return table;
}
/** Pure-JS CRC-32, same function as zlib.crc32 (exported for the equivalence test). */
export function crc32Js(data, initial = 0) {
    const t = crcTable();
    let crc = (initial ^ 0xffffffff) >>> 0;
    for (let i = 0; i < data.length; i++)
        crc = t[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
    return (crc ^ 0xffffffff) >>> 0;
}
/**
 * CRC-32 of `data`, continuing from `initial` (the CRC of the bytes before it).
 * DEV_NOTE: an empty input must return `initial` unchanged. Node's zlib.crc32 passes a NULL
 * pointer for a zero-length array without a backing store (e.g. a 0-byte SHAKE digest), and
 * zlib's crc32(crc, NULL, 0) means "give me the initial value" and returns 0 — so the same empty
 * payload would checksum differently depending on how its Uint8Array was made. Found by the
 * crash test; pinned by test/unit/log/frame.test.ts.
 */
export const crc32 = native !== undefined ? (data, initial = 0) => (data.length === 0 ? initial >>> 0 : native(data, initial) >>> 0) : crc32Js;
//# sourceMappingURL=crc32.js.map