/**
 * A WebAssembly module with BLAKE2b's compression function F (RFC 7693 §3.2), assembled from
 * the RFC's definition at import: one function `compress(last: i32, counterLo: i32,
 * counterHi: i32)` over one page of exported memory holding h (8 × u64, little-endian) at 0 and
 * the 128-byte message block at 64. Used by blake2b.ts; no toolchain, no binary blob to trust.
 *
 * Encoding reference: the WebAssembly core spec §5 (binary format). Locals: params 0–2, then
 * v0..v15 (3..18) and m0..m15 (19..34), all i64.
 */
export const wasm = globalThis.WebAssembly;
const IV = [
    0x6a09e667f3bcc908n, 0xbb67ae8584caa73bn, 0x3c6ef372fe94f82bn, 0xa54ff53a5f1d36f1n,
    0x510e527fade682d1n, 0x9b05688c2b3e6c1fn, 0x1f83d9abfb41bd6bn, 0x5be0cd19137e2179n,
];
/** Message word schedule (RFC 7693 §2.7); rounds 10 and 11 reuse rows 0 and 1. */
const SIGMA = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
    [14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3],
    [11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4],
    [7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8],
    [9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13],
    [2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9],
    [12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11],
    [13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10],
    [6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5],
    [10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0],
];
const OP = {
    if: 0x04, end: 0x0b, localGet: 0x20, localSet: 0x21, i64Load: 0x29, i64Store: 0x37,
    i32Const: 0x41, i64Const: 0x42, i64Add: 0x7c, i64Or: 0x84, i64Xor: 0x85, i64Shl: 0x86,
    i64Rotr: 0x8a, i64ExtendI32U: 0xad,
};
const I64 = 0x7e;
const I32 = 0x7f;
function uleb(value) {
    const out = [];
    do {
        let byte = value & 0x7f;
        value >>>= 7;
        if (value !== 0)
            byte |= 0x80;
        out.push(byte);
    } while (value !== 0);
    return out;
}
/** Signed LEB128 of a 64-bit two's-complement value (i64.const immediates). */
function sleb64(value) {
    let v = BigInt.asIntN(64, value);
    const out = [];
    for (;;) {
        const byte = Number(v & 0x7fn);
        v >>= 7n;
        const done = (v === 0n && (byte & 0x40) === 0) || (v === -1n && (byte & 0x40) !== 0);
        out.push(done ? byte : byte | 0x80);
        if (done)
            return out;
    }
}
const V = (i) => 3 + i;
const M = (i) => 19 + i;
function body() {
    const code = [];
    const get = (local) => void code.push(OP.localGet, ...uleb(local));
    const set = (local) => void code.push(OP.localSet, ...uleb(local));
    const load = (offset) => void code.push(OP.i32Const, 0, OP.i64Load, 3, ...uleb(offset));
    const rotr = (bits) => void code.push(OP.i64Const, ...sleb64(BigInt(bits)), OP.i64Rotr);
    // x = x + y (+ z)
    const addInto = (x, y, z) => {
        get(x);
        get(y);
        code.push(OP.i64Add);
        if (z !== undefined) {
            get(z);
            code.push(OP.i64Add);
        }
        set(x);
    };
    // x = rotr64(x ^ y, bits)
    const xorRotr = (x, y, bits) => {
        get(x);
        get(y);
        code.push(OP.i64Xor);
        rotr(bits);
        set(x);
    };
    const g = (a, b, c, d, x, y) => {
        addInto(V(a), V(b), M(x));
        xorRotr(V(d), V(a), 32);
        addInto(V(c), V(d));
        xorRotr(V(b), V(c), 24);
        addInto(V(a), V(b), M(y));
        xorRotr(V(d), V(a), 16);
        addInto(V(c), V(d));
        xorRotr(V(b), V(c), 63);
    };
    for (let i = 0; i < 8; i++) {
        load(8 * i);
        set(V(i));
        code.push(OP.i64Const, ...sleb64(IV[i]));
        set(V(i + 8));
    }
    for (let i = 0; i < 16; i++) {
        load(64 + 8 * i);
        set(M(i));
    }
    // v12 ^= counter (lo | hi << 32); the high counter word (v13) stays: inputs are < 2^64 bytes.
    get(V(12));
    get(1);
    code.push(OP.i64ExtendI32U);
    get(2);
    code.push(OP.i64ExtendI32U, OP.i64Const, 32, OP.i64Shl, OP.i64Or, OP.i64Xor);
    set(V(12));
    // if last: v14 = ~v14
    get(0);
    code.push(OP.if, 0x40);
    get(V(14));
    code.push(OP.i64Const, ...sleb64(-1n), OP.i64Xor);
    set(V(14));
    code.push(OP.end);
    for (let round = 0; round < 12; round++) {
        const s = SIGMA[round % 10];
        g(0, 4, 8, 12, s[0], s[1]);
        g(1, 5, 9, 13, s[2], s[3]);
        g(2, 6, 10, 14, s[4], s[5]);
        g(3, 7, 11, 15, s[6], s[7]);
        g(0, 5, 10, 15, s[8], s[9]);
        g(1, 6, 11, 12, s[10], s[11]);
        g(2, 7, 8, 13, s[12], s[13]);
        g(3, 4, 9, 14, s[14], s[15]);
    }
    // h[i] ^= v[i] ^ v[i + 8]
    for (let i = 0; i < 8; i++) {
        code.push(OP.i32Const, 0);
        load(8 * i);
        get(V(i));
        code.push(OP.i64Xor);
        get(V(i + 8));
        code.push(OP.i64Xor, OP.i64Store, 3, ...uleb(8 * i));
    }
    code.push(OP.end);
    return [1, 32, I64, ...code]; // one local group: 32 × i64
}
function section(id, content) {
    return [id, ...uleb(content.length), ...content];
}
function name(text) {
    return [...uleb(text.length), ...Buffer.from(text, 'latin1')];
}
/** The compiled module (one per thread that imports blake2b.ts). */
export function blake2bCompressModule() {
    const code = body();
    const bytes = [
        0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
        ...section(1, [1, 0x60, 3, I32, I32, I32, 0]), // type 0: (i32, i32, i32) → ()
        ...section(3, [1, 0]), // function 0 has type 0
        ...section(5, [1, 0x00, 1]), // one memory, min 1 page
        ...section(7, [2, ...name('memory'), 0x02, 0, ...name('compress'), 0x00, 0]),
        ...section(10, [1, ...uleb(code.length), ...code]),
    ];
    return new wasm.Module(Uint8Array.from(bytes));
}
//# sourceMappingURL=blake2b-wasm.js.map