/**
 * Goal: the frame format is exactly what src/log/frame.ts documents, and its checksum is the
 * standard CRC-32 whatever the platform or the shape of the input array.
 * Method: the CRC-32 check value from the CRC catalogue (CRC-32/ISO-HDLC: "123456789" →
 * 0xCBF43926), native vs pure-JS equivalence on seeded random inputs (Prng, seed printed), the
 * documented worked example decoded byte by byte, and empty payloads built several ways (a
 * zero-length array without a backing store once checksummed as 0 through zlib — found by the
 * crash test).
 */
import { createHash } from 'node:crypto';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Prng } from '../../../src/core/prng.js';
import { crc32, crc32Js } from '../../../src/log/crc32.js';
import { FRAME_HEADER_BYTES, decodeHeader, encodeFrame, frameChecksumOk } from '../../../src/log/frame.js';
const SEED = 0xf4a3e;
console.log(`frame.test seed=${SEED}`);
const crc = suite('log/crc32');
crc('check value: CRC-32 of ASCII "123456789" is 0xCBF43926 (CRC catalogue, CRC-32/ISO-HDLC)', () => {
    assert.is(crc32(Buffer.from('123456789')), 0xcbf43926);
    assert.is(crc32Js(Buffer.from('123456789')), 0xcbf43926);
});
crc('native and JS CRC-32 agree on seeded random inputs, also when continued from an initial value', () => {
    const prng = new Prng(SEED);
    for (let i = 0; i < 200; i++) {
        const data = prng.bytes(prng.int(3000));
        const split = prng.int(data.length + 1);
        assert.is(crc32(data), crc32Js(data));
        assert.is(crc32(data.subarray(split), crc32(data.subarray(0, split))), crc32(data), 'continuation = whole');
    }
});
crc('an empty input leaves the CRC unchanged however the empty array was made', () => {
    const initial = crc32(Buffer.from('abc'));
    const empties = [
        new Uint8Array(0),
        Buffer.alloc(0),
        new Uint8Array(new ArrayBuffer(0)),
        Buffer.alloc(10).subarray(5, 5),
        createHash('shake256', { outputLength: 0 }).update('x').digest(),
    ];
    for (const empty of empties) {
        assert.is(crc32(empty, initial), initial);
        assert.is(crc32Js(empty, initial), initial);
    }
});
crc.run();
const frame = suite('log/frame');
frame('worked example: height 7, payload "hi", synced 0 encodes as the documented 26 bytes', () => {
    const bytes = encodeFrame(7, Buffer.from('hi'));
    assert.is(bytes.length, FRAME_HEADER_BYTES + 2);
    assert.equal([...bytes.subarray(0, 4)], [0x50, 0x4c, 1, 0]);
    const covered = [2, 0, 0, 0, 0, 0, 0, 0, 7, 0, 0, 0, 0, 0, 0, 0, 0x68, 0x69];
    assert.equal([...bytes.subarray(8)], covered);
    assert.is(bytes.readUInt32LE(4), crc32Js(Uint8Array.from(covered)));
    assert.equal(decodeHeader(bytes, 0), { length: 2, syncedBytes: 0, height: 7, crc: bytes.readUInt32LE(4) });
    assert.is(decodeHeader(encodeFrame(7, Buffer.from('hi'), 4096), 0).syncedBytes, 4096);
});
frame('heights up to 2^53 − 1 round-trip through the two u32 halves', () => {
    for (const height of [0, 1, 2 ** 32 - 1, 2 ** 32, 2 ** 32 + 5, Number.MAX_SAFE_INTEGER]) {
        const header = decodeHeader(encodeFrame(height, new Uint8Array(0)), 0);
        assert.equal(typeof header === 'string' ? header : header.height, height);
    }
});
frame('every single-bit flip in a frame is caught by the header check or the checksum', () => {
    const bytes = encodeFrame(123456789, Buffer.from('a block payload'));
    for (let i = 0; i < bytes.length; i++) {
        for (let bit = 0; bit < 8; bit++) {
            const copy = Buffer.from(bytes);
            copy[i] = copy[i] ^ (1 << bit);
            const header = decodeHeader(copy, 0);
            const caught = typeof header === 'string' ||
                header.length !== 15 || // the length field changed: the frame no longer ends where it did
                !frameChecksumOk(copy, 0, header);
            assert.ok(caught, `flip of byte ${i} bit ${bit} went unnoticed`);
        }
    }
});
frame('headers that cannot be frames are named: magic, version, flags, height beyond 2^53', () => {
    const good = encodeFrame(1, Buffer.from('x'));
    const bad = (at, value) => {
        const copy = Buffer.from(good);
        copy[at] = value;
        return copy;
    };
    assert.is(decodeHeader(bad(0, 0x51), 0), 'bad_magic');
    assert.is(decodeHeader(bad(2, 2), 0), 'unsupported_version');
    assert.is(decodeHeader(bad(3, 1), 0), 'bad_flags');
    assert.is(decodeHeader(bad(23, 0x01), 0), 'height_out_of_range'); // high half ≥ 2^21 ⇒ height ≥ 2^53
});
frame.run();
//# sourceMappingURL=frame.test.js.map