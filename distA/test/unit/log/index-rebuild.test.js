/**
 * Goal: the height index is derived data. Deleting it, rebuilding it, or damaging it (a flipped
 * byte, a short or over-long file, garbage length) never loses or alters a record: reads stay
 * byte-identical and the repaired index files end up identical to the originals.
 * Method: build a log over many small segments, snapshot its index files and every payload,
 * damage the index in each way, reopen, read every height (random order, seeded) and iterate,
 * then compare the index files byte for byte with the snapshot.
 */
import { appendFileSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Prng } from '../../../src/core/prng.js';
import { BlockLog } from '../../../src/log/index.js';
import { flipByte, payloadFor, removeDir, scratchDir } from '../../helpers/log-fixtures.js';
const SEED = 0x1d_e7;
const LAST = 200;
console.log(`index-rebuild.test seed=${SEED}`);
let root = '';
let logDir = '';
let original = new Map();
function indexFiles() {
    const dir = join(logDir, 'index');
    const files = readdirSync(dir).filter((file) => file.endsWith('.idx')).sort();
    return new Map(files.map((file) => [file, readFileSync(join(dir, file))]));
}
function readEveryHeight(log, seed) {
    const prng = new Prng(seed);
    const heights = Array.from({ length: LAST }, (_, i) => i + 1);
    for (let i = heights.length - 1; i > 0; i--) {
        const j = prng.int(i + 1);
        [heights[i], heights[j]] = [heights[j], heights[i]];
    }
    for (const height of heights)
        assert.equal(Buffer.from(log.read(height)), Buffer.from(payloadFor(height)), `height ${height}`);
    let expected = 1;
    for (const record of log.iterate(1)) {
        assert.equal(Buffer.from(record.payload), Buffer.from(payloadFor(expected)));
        expected++;
    }
    assert.is(expected, LAST + 1);
}
function assertIndexEqualsOriginal() {
    const now = indexFiles();
    assert.equal([...now.keys()], [...original.keys()]);
    for (const [file, bytes] of original)
        assert.ok(now.get(file)?.equals(bytes), `${file} identical to the original`);
}
const index = suite('log/index');
index.before.each(() => {
    root = scratchDir('index');
    logDir = join(root, 'events');
    const { log } = BlockLog.open(logDir, { create: true, segmentBytes: 4096, fsync: 'batch' });
    for (let height = 1; height <= LAST; height++)
        log.append(height, payloadFor(height));
    log.close();
    original = indexFiles();
    assert.ok(original.size > 10, 'many segments, many index files');
});
index.after.each(() => removeDir(root));
index('deleting index/ entirely: reopen rebuilds every segment’s index, reads are identical, files equal the originals', () => {
    rmSync(join(logDir, 'index'), { recursive: true });
    const { log, recovery } = BlockLog.open(logDir);
    assert.is(recovery.indexRebuilt.length, original.size);
    readEveryHeight(log, SEED);
    log.close();
    assertIndexEqualsOriginal();
});
index('BlockLog.rebuildIndex rescans everything and reproduces the same index', () => {
    const recovery = BlockLog.rebuildIndex(logDir);
    assert.is(recovery.verified, 'full');
    assertIndexEqualsOriginal();
    const { log } = BlockLog.open(logDir);
    readEveryHeight(log, SEED + 1);
    log.close();
});
index('a flipped byte anywhere in a sealed segment’s index is repaired on open or on first read', () => {
    const prng = new Prng(SEED + 2);
    const files = [...original.keys()].slice(0, -1); // sealed segments
    for (let round = 0; round < 12; round++) {
        const file = prng.pick(files);
        const size = original.get(file).length;
        const offset = prng.int(size);
        flipByte(join(logDir, 'index', file), offset, 1 << prng.int(8));
        const { log } = BlockLog.open(logDir);
        readEveryHeight(log, SEED + 10 + round);
        assert.ok(log.indexRebuilt.includes(file.replace('.idx', '.log')), `round ${round}: ${file}@${offset} detected and rebuilt`);
        log.close();
        assertIndexEqualsOriginal();
    }
});
index('short, over-long and ragged index files are rebuilt', () => {
    const files = [...original.keys()];
    const sealed = join(logDir, 'index', files[1]);
    const last = join(logDir, 'index', files[files.length - 1]);
    truncateSync(sealed, 16);
    appendFileSync(last, Buffer.alloc(24, 0xff));
    appendFileSync(join(logDir, 'index', files[2]), Buffer.alloc(3));
    writeFileSync(join(logDir, 'index', files[3]), Buffer.alloc(0));
    const { log, recovery } = BlockLog.open(logDir);
    assert.ok(recovery.indexRebuilt.length >= 2, 'the sealed short index and the over-long tail index are rebuilt at open');
    readEveryHeight(log, SEED + 3);
    log.close();
    assertIndexEqualsOriginal();
});
index('a read-only opener works without an index and writes nothing', () => {
    rmSync(join(logDir, 'index'), { recursive: true });
    const { log } = BlockLog.open(logDir, { readOnly: true });
    readEveryHeight(log, SEED + 4);
    log.close();
    assert.equal(readdirSync(logDir).includes('index'), false);
});
index.run();
//# sourceMappingURL=index-rebuild.test.js.map