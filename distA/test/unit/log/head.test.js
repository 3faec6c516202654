/**
 * Goal: losing acknowledged records is never silent. With the head record (events/head) a log
 * whose tail went missing — the final record rotted, a truncation exactly at a frame boundary,
 * the last segment emptied or deleted — is `log_records_lost` / `log_record_corrupt` naming the
 * heights, for writers and readers; a replaced record at the head is `log_head_mismatch`; one
 * damaged head slot falls back to the other, both damaged or the file gone is a coded error;
 * `repair` accepts a loss and rewrites the head; an old log (no head) is upgraded at its first
 * writer open; the head follows the fsync modes (moves after each fsync in 'batch').
 * Method: a pristine log of 40 small-segment records, damaged copies, open / read the copies.
 */
import { cpSync, readFileSync, readdirSync, truncateSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { BlockLog } from '../../../src/log/index.js';
import { HEAD_SLOT_STRIDE, readHead } from '../../../src/log/head.js';
import { errorOf, flipByte, payloadFor, removeDir, scratchDir } from '../../helpers/log-fixtures.js';
const LAST = 40;
const SEGMENT_BYTES = 2048;
const segmentFiles = (dir) => readdirSync(dir).filter((file) => file.endsWith('.log')).sort();
let root = '';
let pristine = '';
function copy(label) {
    const dir = join(root, label);
    cpSync(pristine, dir, { recursive: true });
    return dir;
}
const head = suite('log/head');
head.before(() => {
    root = scratchDir('head');
    pristine = join(root, 'pristine');
    const { log } = BlockLog.open(pristine, { create: true, segmentBytes: SEGMENT_BYTES });
    for (let height = 1; height <= LAST; height++)
        log.append(height, payloadFor(height, 300));
    log.close();
});
head.after(() => removeDir(root));
head('every append under fsync always moves the head; a clean log opens at the head with it reported', () => {
    assert.is(readHead(pristine)?.head.height, LAST);
    const { log, recovery } = BlockLog.open(copy('clean'));
    assert.equal(recovery.head?.height, LAST);
    assert.is(recovery.headSlotDamaged, null);
    log.close();
});
head('the last segment deleted, emptied, or cut at a frame boundary: log_records_lost naming the lost heights (writer and reader)', () => {
    const cases = [
        ['deleted', (dir) => unlinkSync(join(dir, segmentFiles(dir).at(-1)))],
        ['emptied', (dir) => truncateSync(join(dir, segmentFiles(dir).at(-1)), 0)],
        ['boundary', (dir) => {
                // Cut exactly before the final frame: the segment alone looks like a log that ended at 39.
                const path = join(dir, segmentFiles(dir).at(-1));
                const bytes = readFileSync(path);
                let at = 0;
                let lastStart = 0;
                while (at < bytes.length) {
                    lastStart = at;
                    at += 24 + bytes.readUInt32LE(at + 8);
                }
                truncateSync(path, lastStart);
            }],
    ];
    for (const [label, damage] of cases) {
        const dir = copy(`lost-${label}`);
        const firstOfLast = Number(segmentFiles(dir).at(-1).slice(8, 20));
        damage(dir);
        for (const readOnly of [false, true]) {
            const details = errorOf(() => BlockLog.open(dir, { readOnly }), 'log_records_lost');
            const from = label === 'boundary' ? LAST : label === 'deleted' ? firstOfLast : firstOfLast;
            assert.equal([details['fromHeight'], details['toHeight']], [from, LAST], `${label}, readOnly ${readOnly}`);
        }
    }
});
head('bit rot in the final (acknowledged) record: log_record_corrupt naming its height, not a torn tail cut', () => {
    const dir = copy('rot');
    const path = join(dir, segmentFiles(dir).at(-1));
    const size = readFileSync(path).length;
    flipByte(path, size - 3);
    const details = errorOf(() => BlockLog.open(dir), 'log_record_corrupt');
    assert.is(details['height'], LAST);
    assert.is(details['acknowledgedHeight'], LAST);
    assert.is(readFileSync(path).length, size, 'nothing was cut');
});
head('a record at the head replaced by another with the same height: log_head_mismatch', () => {
    const other = join(root, 'other');
    const { log } = BlockLog.open(other, { create: true, segmentBytes: SEGMENT_BYTES });
    for (let height = 1; height <= LAST; height++)
        log.append(height, payloadFor(height, 300).map((byte) => byte ^ 0xff)); // same sizes, other bytes
    log.close();
    const dir = copy('mismatch');
    const lastSegment = segmentFiles(dir).at(-1);
    assert.is(segmentFiles(other).at(-1), lastSegment, 'same segmentation');
    cpSync(join(other, lastSegment), join(dir, lastSegment));
    rmIndex(dir);
    assert.is(errorOf(() => BlockLog.open(dir), 'log_head_mismatch')['height'], LAST);
});
function rmIndex(dir) {
    removeDir(join(dir, 'index'));
}
head('one damaged head slot: the other is used (reported); both damaged or the file gone: coded errors', () => {
    const dir = copy('slots');
    const current = readHead(dir).head.seq % 2;
    flipByte(join(dir, 'head'), current * HEAD_SLOT_STRIDE + 20);
    const { log, recovery } = BlockLog.open(dir, { readOnly: true });
    assert.is(recovery.headSlotDamaged, current);
    assert.is(recovery.head?.height, LAST - 1, 'the older slot claims one record less');
    assert.is(log.lastHeight, LAST, 'records above the head are kept');
    log.close();
    flipByte(join(dir, 'head'), (1 - current) * HEAD_SLOT_STRIDE + 20);
    assert.ok(String(errorOf(() => BlockLog.open(dir), 'log_head_corrupt')['file']).endsWith('head'));
    unlinkSync(join(dir, 'head'));
    assert.ok(String(errorOf(() => BlockLog.open(dir, { readOnly: true }), 'log_head_missing')['file']).endsWith('head'));
});
head('repair accepts a lost tail, says so, and rewrites the head; a missing head is rewritten too', () => {
    const dir = copy('repair');
    const files = segmentFiles(dir);
    unlinkSync(join(dir, files.at(-1)));
    const firstOfLast = Number(files.at(-1).slice(8, 20));
    const { log, recovery } = BlockLog.open(dir, { repair: true });
    assert.equal(recovery.lossAccepted, { fromHeight: firstOfLast, toHeight: LAST });
    assert.is(recovery.headCreated, 'repaired');
    log.close();
    assert.is(readHead(dir)?.head.height, firstOfLast - 1);
    BlockLog.open(dir).log.close(); // opens cleanly now
    unlinkSync(join(dir, 'head'));
    const again = BlockLog.open(dir, { repair: true });
    assert.is(again.recovery.headCreated, 'repaired');
    again.log.close();
});
head('a log made before head records existed is upgraded at its first writer open (readers leave it alone)', () => {
    const dir = copy('legacy');
    unlinkSync(join(dir, 'head'));
    writeFileSync(join(dir, 'block-log.json'), JSON.stringify({ format: 'pokt-ledger/block-log', version: 1, firstHeight: 1 }) + '\n');
    const reader = BlockLog.open(dir, { readOnly: true });
    assert.is(reader.recovery.head, null);
    reader.log.close();
    const { log, recovery } = BlockLog.open(dir);
    assert.is(recovery.headCreated, 'upgraded');
    log.close();
    assert.is(readHead(dir)?.head.height, LAST);
    assert.is(JSON.parse(readFileSync(join(dir, 'block-log.json'), 'utf8')).head, true);
});
head("fsync 'batch': the head moves only at fsync points; 'never': after every append", () => {
    const batchDir = join(root, 'batch');
    const batch = BlockLog.open(batchDir, { create: true, fsync: 'batch', batchIntervalMs: 3_600_000, batchMaxRecords: 5 });
    for (let height = 1; height <= 7; height++)
        batch.log.append(height, payloadFor(height));
    assert.is(readHead(batchDir)?.head.height, 5, 'synced after the 5th record, not yet after the 7th');
    batch.log.sync();
    assert.is(readHead(batchDir)?.head.height, 7);
    batch.log.close();
    const neverDir = join(root, 'never');
    const never = BlockLog.open(neverDir, { create: true, fsync: 'never' });
    for (let height = 1; height <= 3; height++)
        never.log.append(height, payloadFor(height));
    assert.is(readHead(neverDir)?.head.height, 3);
    never.log.close();
});
head('truncateAfter moves the head down first, so the shorter log opens cleanly', () => {
    const dir = copy('truncate');
    const { log } = BlockLog.open(dir, { segmentBytes: SEGMENT_BYTES });
    log.truncateAfter(17);
    log.close();
    assert.is(readHead(dir)?.head.height, 17);
    const reopened = BlockLog.open(dir);
    assert.is(reopened.log.lastHeight, 17);
    reopened.log.close();
});
head.run();
//# sourceMappingURL=head.test.js.map