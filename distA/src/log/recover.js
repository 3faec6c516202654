/**
 * What opening a log does to its segments: check the file sequence, learn each sealed segment's
 * record count (cheaply from its index, or by scanning), scan the last segment completely, cut a
 * torn tail, and rewrite any index that disagrees with its segment.
 *
 * Torn tail vs corruption (the rule, applied to the last segment only):
 * - damage (incomplete frame, bad magic/header, checksum mismatch) at offset o is a torn tail
 *   when nothing after it proves o was durable: no intact frame follows, or every intact frame
 *   that follows claims syncedBytes ≤ o (frame.ts: it was written while o was not yet fsynced —
 *   the out-of-order writeback of a power loss). That is the write in flight when the process
 *   died or the power went: cut off (writer) or ignored (reader); every earlier record is kept.
 * - damage followed by an intact frame claiming syncedBytes > o (the damaged bytes had been
 *   fsynced), or an intact frame whose height is not previous + 1, is corruption:
 *   `log_record_corrupt` / `log_height_sequence_broken`, naming the height, file and offset.
 *   Nothing is cut unless the operator opens with `repair: true`.
 * Sealed segments were fsynced before the next segment was created, so any damage in them is
 * corruption, never a torn tail.
 */
import { closeSync, copyFileSync, existsSync, fstatSync, ftruncateSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BlockLogError } from './errors.js';
import { INDEX_DIR, TORN_DIR, fsyncDir, indexPath, listSegments, preadFully } from './files.js';
import { FrameReader } from './frame-reader.js';
import { encodeIndex, readLastIndexEntry, writeIndexFile } from './index-file.js';
import { damageError } from './segment.js';
import { scanSegmentFile } from './segment-scan.js';
export function loadSegments(dir, firstHeight, options) {
    const names = listSegments(dir);
    const first = names[0];
    if (first === undefined || first.firstHeight !== firstHeight) {
        throw new BlockLogError('log_segment_sequence_broken', first === undefined
            ? `${dir}: no segment files (expected segment starting at height ${firstHeight})`
            : `${dir}: first segment is ${first.file}, expected one starting at height ${firstHeight}`, { dir, expectedFirstHeight: firstHeight, file: first?.file ?? null });
    }
    if (!options.readOnly)
        mkdirSync(join(dir, INDEX_DIR), { recursive: true });
    const indexRebuilt = [];
    const segments = [];
    for (let i = 0; i < names.length - 1; i++) {
        const name = names[i];
        const next = names[i + 1];
        try {
            const segment = loadSealed(dir, name, options, indexRebuilt);
            if (segment.firstHeight + segment.count !== next.firstHeight) {
                throw new BlockLogError('log_segment_sequence_broken', `${join(dir, name.file)} ends at height ${segment.firstHeight + segment.count - 1} but the next segment is ${next.file}`, { file: join(dir, next.file), expectedFirstHeight: segment.firstHeight + segment.count, foundFirstHeight: next.firstHeight });
            }
            segments.push(segment);
        }
        catch (error) {
            if (!options.repair || !(error instanceof BlockLogError))
                throw error;
            const repaired = repairAt(dir, names, i, error);
            const last = loadLast(dir, name, options, indexRebuilt);
            return { segments: [...segments, last.segment], tornTail: null, indexRebuilt, repaired };
        }
    }
    const lastName = names[names.length - 1];
    try {
        const last = loadLast(dir, lastName, options, indexRebuilt);
        return { segments: [...segments, last.segment], tornTail: last.tornTail, indexRebuilt, repaired: null };
    }
    catch (error) {
        if (!options.repair || !(error instanceof BlockLogError))
            throw error;
        const repaired = repairAt(dir, names, names.length - 1, error);
        const last = loadLast(dir, lastName, options, indexRebuilt);
        return { segments: [...segments, last.segment], tornTail: null, indexRebuilt, repaired };
    }
}
/** A sealed segment: its count from the index (checked against the segment's last frame), or a scan. */
function loadSealed(dir, name, options, indexRebuilt) {
    const path = join(dir, name.file);
    const bytes = statSync(path).size;
    if (options.verify === 'tail') {
        const last = readLastIndexEntry(indexPath(dir, name.firstHeight));
        if (last !== null && lastFrameMatches(path, bytes, last.lastOffset, name.firstHeight + last.count - 1)) {
            return { firstHeight: name.firstHeight, file: name.file, count: last.count, bytes, offsets: null, offsetsFromScan: false };
        }
    }
    const scan = scanSegmentFile(path, name.firstHeight, { lookPastDamage: true });
    if (scan.damage !== null)
        throw damageError(dir, name.file, scan.damage, true);
    syncIndexFile(dir, name, scan.offsets, options.readOnly, indexRebuilt);
    return { firstHeight: name.firstHeight, file: name.file, count: scan.offsets.length, bytes, offsets: scan.offsets, offsetsFromScan: true };
}
/** Is the frame at `offset` intact, of `height`, and does it end exactly where the file ends? */
function lastFrameMatches(path, fileBytes, offset, height) {
    if (offset >= fileBytes)
        return false;
    const fd = openSync(path, 'r');
    try {
        const step = new FrameReader(fd, fileBytes, offset, 0).next();
        return step.kind === 'frame' && step.height === height && step.offset + step.bytes === fileBytes;
    }
    finally {
        closeSync(fd);
    }
}
function loadLast(dir, name, options, indexRebuilt) {
    const path = join(dir, name.file);
    // Read-only openers look past damage too: a live writer can leave only a partial LAST frame,
    // so damage followed by attested intact frames is corruption for a reader as well (a replay
    // must report it with its height, not stop there as if the log ended).
    const scan = scanSegmentFile(path, name.firstHeight, { lookPastDamage: true });
    let tornTail = null;
    if (scan.damage !== null) {
        if (!isTornTail(scan.damage) || scan.damage.expectedHeight <= options.acknowledgedHeight) {
            throw damageError(dir, name.file, scan.damage, false, options.acknowledgedHeight);
        }
        tornTail = options.readOnly ? describeTorn(name, scan, scan.damage, false, null) : cutTornTail(dir, name, scan, scan.damage, options.durable);
    }
    syncIndexFile(dir, name, scan.offsets, options.readOnly, indexRebuilt, true);
    const segment = {
        firstHeight: name.firstHeight,
        file: name.file,
        count: scan.offsets.length,
        bytes: scan.validBytes,
        offsets: scan.offsets,
        offsetsFromScan: true,
    };
    return { segment, tornTail };
}
/** The rule above. */
export function isTornTail(damage) {
    if (damage.problem === 'height_mismatch')
        return false;
    return damage.intactAfter === null || damage.intactAfter.maxSyncedBytes <= damage.offset;
}
function describeTorn(name, scan, damage, truncated, savedTo) {
    return {
        file: name.file,
        offset: damage.offset,
        bytes: scan.fileBytes - damage.offset,
        problem: damage.problem,
        height: damage.expectedHeight,
        truncated,
        savedTo,
        intactAfter: damage.intactAfter,
    };
}
/** Keeps the torn bytes under torn/ (for forensics), then truncates the segment and fsyncs it. */
function cutTornTail(dir, name, scan, damage, durable) {
    const path = join(dir, name.file);
    const fd = openSync(path, 'r+');
    try {
        const tornBytes = scan.fileBytes - damage.offset;
        const saved = Buffer.allocUnsafe(tornBytes);
        const got = preadFully(fd, saved, 0, tornBytes, damage.offset);
        mkdirSync(join(dir, TORN_DIR), { recursive: true });
        const savedTo = join(TORN_DIR, `${name.file}@${damage.offset}.${process.pid}.${Date.now()}.torn`);
        writeFileSync(join(dir, savedTo), saved.subarray(0, got));
        ftruncateSync(fd, damage.offset);
        if (durable)
            fsyncSync(fd);
        return describeTorn(name, scan, damage, true, savedTo);
    }
    finally {
        closeSync(fd);
    }
}
/**
 * Rewrites the segment's index file when it differs from what the scan found. The last
 * segment's index lags its segment by design after a crash (it is written at roll and close,
 * index-file.ts): a file that is a prefix of the right one is brought up to date without being
 * reported as rebuilt; anything else (missing, damaged) is reported.
 */
function syncIndexFile(dir, name, offsets, readOnly, indexRebuilt, lagExpected = false) {
    const path = indexPath(dir, name.firstHeight);
    const wanted = encodeIndex(offsets);
    const found = existsSync(path) ? readFileSync(path) : null;
    if (found !== null && found.equals(wanted))
        return;
    const lagging = lagExpected && found !== null && found.length < wanted.length && wanted.subarray(0, found.length).equals(found);
    if (!lagging)
        indexRebuilt.push(name.file);
    if (!readOnly)
        writeIndexFile(path, offsets);
}
/**
 * `repair: true`: keep everything before the damaged record and cut what follows (later segments
 * first, so a crash half-way leaves a shorter but consistent log). Nothing is destroyed: later
 * segments are moved to torn/, and the damaged segment is copied there before it is truncated.
 */
function repairAt(dir, names, index, error) {
    const segmentsDeleted = [];
    const stamp = `${process.pid}.${Date.now()}`;
    mkdirSync(join(dir, TORN_DIR), { recursive: true });
    for (let j = names.length - 1; j > index; j--) {
        const later = names[j];
        // Moved aside, not destroyed: repair gives up these blocks for the log, not for forensics.
        renameSync(join(dir, later.file), join(dir, TORN_DIR, `${later.file}.after-repair.${stamp}`));
        const idx = indexPath(dir, later.firstHeight);
        if (existsSync(idx))
            unlinkSync(idx);
        segmentsDeleted.push(later.file);
    }
    fsyncDir(dir);
    const name = names[index];
    const path = join(dir, name.file);
    const details = error.context;
    const height = [details['height'], details['expected'], details['expectedFirstHeight']].find((value) => typeof value === 'number');
    const offset = details['offset'];
    if (typeof offset === 'number' && details['file'] === path) {
        copyFileSync(path, join(dir, TORN_DIR, `${name.file}.before-repair.${stamp}`));
        const fd = openSync(path, 'r+');
        try {
            if (offset < fstatSync(fd).size)
                ftruncateSync(fd, offset);
            fsyncSync(fd);
        }
        finally {
            closeSync(fd);
        }
    }
    return {
        fromHeight: height ?? name.firstHeight,
        error: { code: error.code, message: error.message },
        segmentsDeleted,
    };
}
//# sourceMappingURL=recover.js.map