/**
 * Full scan of one segment: every frame read in order and checksummed, heights checked to be
 * contiguous from the segment's first height. Produces the segment's offsets (its height index)
 * and, if the scan stopped early, where and why — the caller decides whether that is a torn
 * tail (last segment, nothing intact after it) or corruption (anything else).
 */
import { closeSync, fstatSync, openSync } from 'node:fs';
import { FrameReader, surveyIntactAfter } from './frame-reader.js';
export function scanSegmentFd(fd, firstHeight, options) {
    const fileBytes = options.fileBytes ?? fstatSync(fd).size;
    const reader = new FrameReader(fd, fileBytes, options.fromOffset ?? 0);
    const offsets = [];
    let expectedHeight = options.fromHeight ?? firstHeight;
    for (;;) {
        const step = reader.next();
        if (step.kind === 'end')
            return { firstHeight, offsets, validBytes: step.offset, fileBytes, damage: null };
        if (step.kind === 'frame' && step.height === expectedHeight) {
            offsets.push(step.offset);
            expectedHeight++;
            continue;
        }
        const damage = step.kind === 'frame'
            ? // An intact frame with the wrong height is never a torn write: report it as it is.
                {
                    offset: step.offset,
                    expectedHeight,
                    problem: 'height_mismatch',
                    header: { length: step.payload.length, syncedBytes: step.syncedBytes, height: step.height, crc: 0 },
                    intactAfter: { offset: step.offset, height: step.height, maxSyncedBytes: step.syncedBytes },
                }
            : {
                offset: step.offset,
                expectedHeight,
                problem: step.problem,
                header: step.header,
                intactAfter: options.lookPastDamage ? surveyIntactAfter(fd, fileBytes, step.offset + 1) : null,
            };
        return { firstHeight, offsets, validBytes: step.offset, fileBytes, damage };
    }
}
export function scanSegmentFile(path, firstHeight, options) {
    const fd = openSync(path, 'r');
    try {
        return scanSegmentFd(fd, firstHeight, options);
    }
    finally {
        closeSync(fd);
    }
}
//# sourceMappingURL=segment-scan.js.map