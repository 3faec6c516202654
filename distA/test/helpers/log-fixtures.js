/** Shared fixtures of the block-log tests: scratch directories and payloads derived from height. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as assert from 'uvu/assert';
import { isBlockLogError } from '../../src/log/index.js';
/** A fresh empty directory under the OS temp dir; the log goes in `<it>/events`. */
export function scratchDir(label) {
    return mkdtempSync(join(tmpdir(), `pokt-log-${label}-`));
}
export function removeDir(dir) {
    rmSync(dir, { recursive: true, force: true });
}
/**
 * The payload of `height`: its length (0 … maxBytes − 1) and bytes are a function of the height
 * alone (SHAKE-256 output), so any process can check any record without being told it.
 */
export function payloadFor(height, maxBytes = 600) {
    const length = (height * 7919 + 13) % maxBytes;
    return createHash('shake256', { outputLength: length }).update(`pokt-log:${height}`).digest();
}
/**
 * Payloads of the crash-test writer: mostly small, every 16th height up to 64 KiB — large
 * writes span many pages, so a SIGKILL can land inside one write (a torn frame) or a long fsync.
 */
export function writerPayloadFor(height) {
    return height % 16 === 0 ? payloadFor(height, 65536) : payloadFor(height, 600);
}
/** XORs one byte of a file in place (a bit-rot stand-in). */
export function flipByte(path, offset, mask = 0x40) {
    const bytes = readFileSync(path);
    if (offset >= bytes.length)
        throw new RangeError(`flipByte: offset ${offset} beyond ${path} (${bytes.length} bytes)`);
    bytes[offset] = bytes[offset] ^ mask;
    writeFileSync(path, bytes);
}
/** The context of the BlockLogError `fn` throws with `code` (fails the test otherwise). */
export function errorOf(fn, code) {
    try {
        fn();
    }
    catch (error) {
        if (isBlockLogError(error, code))
            return error.context;
        assert.unreachable(`expected ${code}, got ${String(error)}`);
    }
    assert.unreachable(`expected ${code}, nothing thrown`);
    return {};
}
//# sourceMappingURL=log-fixtures.js.map