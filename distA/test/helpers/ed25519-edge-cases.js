/**
 * A battery of adversarial ed25519 inputs, each with the outcome the acceptance rule
 * (ed25519.ts) gives it, derived from the group structure rather than from running a
 * verifier: e.g. a signature R = [r]B, S = r under a small-order key A of order n satisfies
 * the cofactorless equation iff [k]A = 0, i.e. iff n divides k.
 *
 * Built deterministically (fixed seeds, counters) with @noble point arithmetic. Used by the
 * edge-case tests and by `checkAcceptanceRule`, which a process can run once at start to
 * make sure the OpenSSL it is linked against still implements the rule.
 */
import { GROUP_ORDER, verify } from '../../src/crypto/ed25519.js';
import { bigintToBytesLe, bytesToBigintLe, challengeScalar, encodePoint, FIELD_PRIME, multiply, noble, verifyReference, } from './ed25519-reference.js';
const { Point } = noble;
/** The generator of the 8-torsion subgroup (a point of order 8; its multiples are all 8). */
const TORSION_GENERATOR_HEX = 'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a';
function orderOf(point) {
    let q = point;
    for (let n = 1; n <= 8; n++) {
        if (q.is0())
            return n;
        q = q.add(point);
    }
    throw new Error('not a torsion point');
}
/** Every 32-byte string that decodes (leniently) to `point`. */
export function allEncodings(point) {
    const canonical = encodePoint(point);
    const { x, y } = point.toAffine();
    const out = [['canonical', canonical]];
    const signed = (bytes) => {
        const copy = bytes.slice();
        copy[31] = copy[31] | 0x80;
        return copy;
    };
    if (x === 0n)
        out.push(['x=0 with sign bit', signed(canonical)]);
    if (y + FIELD_PRIME < 2n ** 255n) {
        const unreduced = bigintToBytesLe(y + FIELD_PRIME);
        if ((x & 1n) === 1n)
            unreduced[31] = unreduced[31] | 0x80;
        out.push(['y+p', unreduced]);
        if (x === 0n)
            out.push(['y+p, x=0 with sign bit', signed(unreduced)]);
    }
    return out;
}
export function torsionPoints() {
    const generator = Point.fromHex(TORSION_GENERATOR_HEX);
    const out = [];
    let point = Point.ZERO;
    for (let index = 0; index < 8; index++, point = point.add(generator)) {
        out.push({ index, order: orderOf(point), point, encodings: allEncodings(point) });
    }
    return out;
}
function concat(...parts) {
    return noble.etc.concatBytes(...parts);
}
function signature(rBytes, s) {
    return concat(rBytes, bigintToBytesLe(s));
}
function counterMessage(tag, counter) {
    return new TextEncoder().encode(`${tag}#${counter}`);
}
/** First counter whose message makes `accept(k)` equal `want` (k over R ‖ A ‖ M). */
function findMessage(tag, rFor, publicKey, accept, want) {
    for (let counter = 0; counter < 1000; counter++) {
        const message = counterMessage(tag, counter);
        const rBytes = rFor(message);
        const k = challengeScalar(rBytes, publicKey, message);
        if (accept(k) === want)
            return { message, rBytes, k };
    }
    throw new Error(`no message found for ${tag}`);
}
function nonceFor(message, salt) {
    const r = challengeScalar(new TextEncoder().encode(salt), new Uint8Array(0), message);
    return r === 0n ? 1n : r;
}
export function honestKey(seedByte) {
    const seed = new Uint8Array(32).fill(seedByte);
    const extended = noble.utils.getExtendedPublicKey(seed);
    return { seed, scalar: extended.scalar % GROUP_ORDER, publicKey: extended.pointBytes, point: extended.point };
}
function sValue(r, k, scalar) {
    return (((r + k * scalar) % GROUP_ORDER) + GROUP_ORDER) % GROUP_ORDER;
}
export function buildEdgeCases() {
    const cases = [];
    const add = (name, publicKey, message, sig, expected) => {
        cases.push({ name, publicKey, message, signature: sig, expected });
    };
    const key = honestKey(0x2a);
    const message = new TextEncoder().encode('pocket edge case');
    const valid = noble.sign(message, key.seed);
    const sValid = bytesToBigintLe(valid.subarray(32));
    const rValid = valid.subarray(0, 32);
    // Honest signatures.
    add('valid signature', key.publicKey, message, valid, true);
    const empty = new Uint8Array(0);
    add('valid signature, empty message', key.publicKey, empty, noble.sign(empty, key.seed), true);
    const long = new Uint8Array(1 << 16).map((_, i) => (i * 131 + 7) & 0xff);
    add('valid signature, 64 KiB message', key.publicKey, long, noble.sign(long, key.seed), true);
    add('valid signature, other message', key.publicKey, concat(message, Uint8Array.of(0)), valid, false);
    // Rule 2: S must be < L (S + nL verifies [S]B the same way: the classic malleability).
    for (const [label, s] of [
        ['S + L', sValid + GROUP_ORDER],
        ['S + 2L', sValid + 2n * GROUP_ORDER],
        ['S + 15L', sValid + 15n * GROUP_ORDER],
        ['S = L', GROUP_ORDER],
        ['S with bit 255 set', sValid + 2n ** 255n],
        ['S with bit 253 set', sValid + 2n ** 253n],
        ['S = 2^256 - 1', 2n ** 256n - 1n],
    ]) {
        add(`non-canonical scalar: ${label}`, key.publicKey, message, signature(rValid, s), false);
    }
    // Rule 1: lengths.
    add('public key of 31 bytes', key.publicKey.subarray(0, 31), message, valid, false);
    add('public key of 33 bytes (valid key + 0x00)', concat(key.publicKey, Uint8Array.of(0)), message, valid, false);
    add('public key of 64 bytes (seed ‖ public key)', concat(key.seed, key.publicKey), message, valid, false);
    add('public key of 0 bytes', empty, message, valid, false);
    add('signature of 63 bytes', key.publicKey, message, valid.subarray(0, 63), false);
    add('signature of 65 bytes (valid + 0x00)', key.publicKey, message, concat(valid, Uint8Array.of(0)), false);
    add('signature of 0 bytes', key.publicKey, message, empty, false);
    // R tampering.
    const rFlipped = valid.slice();
    rFlipped[31] = rFlipped[31] ^ 0x80;
    add('R with its sign bit flipped', key.publicKey, message, rFlipped, false);
    // A that is not a point: y = 2 has no x (2 is not on the curve: (y²−1)/(dy²+1) is no square).
    add('public key y = 2 (not on the curve)', bigintToBytesLe(2n), message, valid, false);
    const torsion = torsionPoints();
    const baseNonce = (tag) => (m) => encodePoint(multiply(Point.BASE, nonceFor(m, tag)));
    // Small-order A (every torsion point, every encoding): R = [r]B, S = r satisfies
    // [S]B = R + [k]A iff [k]A = 0 iff order(A) divides k.
    for (const t of torsion) {
        for (const [label, publicKey] of t.encodings) {
            for (const want of t.order === 1 ? [true] : [true, false]) {
                const tag = `smallA/${t.index}/${label}`;
                const found = findMessage(tag, baseNonce(tag), publicKey, (k) => k % BigInt(t.order) === 0n, want);
                const r = nonceFor(found.message, tag);
                add(`small-order A (order ${t.order}, #${t.index}, ${label}), order ${want ? 'divides' : 'does not divide'} k`, publicKey, found.message, signature(found.rBytes, r), want);
            }
        }
    }
    // Small-order R with an honest key: S = k·a gives [S]B − [k]A = 0, so only the canonical
    // identity encoding (01 00…00) equals the recomputed R; cofactored verifiers accept them all.
    for (const t of torsion) {
        for (const [label, rBytes] of t.encodings) {
            const msg = counterMessage(`smallR/${t.index}/${label}`, 0);
            const k = challengeScalar(rBytes, key.publicKey, msg);
            const expected = t.order === 1 && label === 'canonical';
            add(`small-order R (order ${t.order}, #${t.index}, ${label}), S = k·a`, key.publicKey, msg, signature(rBytes, sValue(0n, k, key.scalar)), expected);
        }
    }
    // Mixed-order A = [a]B + T: an honest signature S = r + k·a passes cofactorless iff [k]T = 0.
    for (const t of torsion) {
        if (t.order === 1)
            continue;
        const mixed = key.point.add(t.point);
        for (const [label, publicKey] of allEncodings(mixed)) {
            for (const want of [true, false]) {
                const tag = `mixedA/${t.index}/${label}`;
                const found = findMessage(tag, baseNonce(tag), publicKey, (k) => k % BigInt(t.order) === 0n, want);
                const r = nonceFor(found.message, tag);
                add(`mixed-order A (torsion order ${t.order}, #${t.index}, ${label}), order ${want ? 'divides' : 'does not divide'} k`, publicKey, found.message, signature(found.rBytes, sValue(r, found.k, key.scalar)), want);
            }
        }
    }
    // Non-canonical y ≥ p for points of large order: y + p for small y. We cannot sign for
    // them (unknown discrete log), so these only check that decoding succeeds or fails alike.
    for (let y = 2n; y < 19n; y++) {
        const encoded = bigintToBytesLe(y + FIELD_PRIME);
        add(`public key y = ${y} + p, honest-looking signature`, encoded, message, valid, false);
    }
    return cases;
}
/**
 * Runs the battery through `verify` (node:crypto) and `verifyReference`; returns the cases
 * where either disagrees with the rule. Empty means the linked OpenSSL implements the rule.
 */
export function checkAcceptanceRule(cases = buildEdgeCases()) {
    const mismatches = [];
    for (const c of cases) {
        const nodeCrypto = verify(c.publicKey, c.message, c.signature);
        const reference = verifyReference(c.publicKey, c.message, c.signature);
        if (nodeCrypto !== c.expected || reference !== c.expected) {
            mismatches.push({ name: c.name, expected: c.expected, nodeCrypto, reference });
        }
    }
    return mismatches;
}
//# sourceMappingURL=ed25519-edge-cases.js.map