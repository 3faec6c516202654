/**
 * Child process of the block-log crash test (test/unit/log/crash.test.ts): opens the log with
 * fsync 'always' and appends writerPayloadFor(height) records forever, printing each height on stdout
 * only AFTER its append has returned (so a printed height is one the log promised to keep).
 * The parent kills it with SIGKILL at random moments.
 *
 * argv: <dir> <segmentBytes> <batch: records per appendMany, 1 = append()>
 */
import { writeSync } from 'node:fs';
import { BlockLog } from '../../src/log/index.js';
import { writerPayloadFor } from './log-fixtures.js';
const [dir, segmentArg, batchArg] = process.argv.slice(2);
if (dir === undefined)
    throw new Error('usage: log-writer <dir> <segmentBytes> <batch>');
const segmentBytes = Number(segmentArg ?? 4096);
const batch = Number(batchArg ?? 1);
const { log, recovery } = BlockLog.open(dir, { create: true, fsync: 'always', segmentBytes });
// One line per event; writeSync so nothing sits in a userland buffer when the kill comes.
writeSync(1, `open ${JSON.stringify({ lastHeight: recovery.lastHeight, torn: recovery.tornTail?.bytes ?? 0 })}\n`);
for (;;) {
    const from = log.lastHeight + 1;
    if (batch <= 1) {
        log.append(from, writerPayloadFor(from));
        writeSync(1, `${from}\n`);
    }
    else {
        const records = [];
        for (let height = from; height < from + batch; height++)
            records.push({ height, payload: writerPayloadFor(height) });
        log.appendMany(records);
        writeSync(1, `${from + batch - 1}\n`);
    }
}
//# sourceMappingURL=log-writer.js.map