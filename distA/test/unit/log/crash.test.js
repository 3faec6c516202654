/**
 * Goal: "a block is durable once append returns" holds across process crashes. Every height a
 * writer reported as appended survives a SIGKILL at any moment — mid-write, mid-fsync, mid
 * segment roll, mid-recovery of the previous crash — byte for byte; no partial record is ever
 * visible; and appending continues from the recovered tail.
 * Method: a child process (test/helpers/log-writer.ts, fsync 'always', 4 KiB segments so it
 * rolls every few records; every 16th payload is up to 64 KiB; single appends or appendMany
 * batches) prints each height only after
 * its append returned. The parent SIGKILLs it at seeded moments — some by timer from spawn (in
 * node start-up, open or recovery), most after a seeded number of acknowledged appends — then
 * reopens the log and checks: lastHeight ≥ every printed height, every record from the first
 * height equals writerPayloadFor(height), the last segment ends exactly at a frame boundary, verify()
 * passes, and one more append works. Repeated KILLS times (default 60) on one growing log.
 * Override: POKT_LOG_CRASH_SEED, POKT_LOG_CRASH_KILLS. The seed and the figures are printed.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Prng } from '../../../src/core/prng.js';
import { BlockLog, FRAME_HEADER_BYTES as H } from '../../../src/log/index.js';
import { removeDir, scratchDir, writerPayloadFor } from '../../helpers/log-fixtures.js';
const SEED = Number(process.env['POKT_LOG_CRASH_SEED'] ?? 0x5eed_c0de);
const KILLS = Number(process.env['POKT_LOG_CRASH_KILLS'] ?? 60);
const SEGMENT_BYTES = 4096;
console.log(`crash.test seed=${SEED} kills=${KILLS} (POKT_LOG_CRASH_SEED / POKT_LOG_CRASH_KILLS to change)`);
const writerScript = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'helpers', 'log-writer.js');
/** Runs one child until the trigger, SIGKILLs it, waits until it is reaped. */
function runChild(logDir, batch, trigger) {
    return new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [writerScript, logDir, String(SEGMENT_BYTES), String(batch)], {
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        const round = { acked: 0, opened: false };
        let acks = 0;
        let pending = '';
        let stderr = '';
        let killed = false;
        const kill = () => {
            if (!killed)
                child.kill('SIGKILL');
            killed = true;
        };
        if (trigger.kind === 'timer')
            setTimeout(kill, trigger.ms);
        child.stdout.on('data', (chunk) => {
            pending += chunk.toString('utf8');
            const lines = pending.split('\n');
            pending = lines.pop(); // a line without its newline is not an acknowledgement
            for (const line of lines) {
                if (line.startsWith('open '))
                    round.opened = true;
                else if (/^\d+$/.test(line)) {
                    round.acked = Math.max(round.acked, Number(line));
                    acks++;
                }
            }
            if (trigger.kind === 'acks' && round.opened && acks >= trigger.count)
                kill();
        });
        child.stderr.on('data', (chunk) => {
            stderr += chunk.toString('utf8');
        });
        child.on('error', reject);
        child.on('close', (code, signal) => {
            if (signal !== 'SIGKILL')
                reject(new Error(`writer exited by itself (code ${code}, signal ${signal}): ${stderr}`));
            else
                resolve(round);
        });
    });
}
/** The last segment must end exactly where its last frame ends: no partial record left over. */
function lastSegmentEndsOnFrame(logDir) {
    const files = readdirSync(logDir).filter((file) => file.endsWith('.log')).sort();
    const bytes = readFileSync(join(logDir, files[files.length - 1]));
    let at = 0;
    while (at + H <= bytes.length)
        at += H + bytes.readUInt32LE(at + 8);
    return at === bytes.length;
}
/** Before recovery: how many segments, and the last one's size and complete-looking frames. */
function lastSegmentSize(logDir) {
    if (!existsSync(logDir))
        return { segments: 0, size: 0, frames: 0 }; // killed before it created anything
    const files = readdirSync(logDir).filter((file) => file.endsWith('.log')).sort();
    if (files.length === 0)
        return { segments: 0, size: 0, frames: 0 }; // killed between mkdir and the first segment
    const bytes = readFileSync(join(logDir, files[files.length - 1]));
    let frames = 0;
    for (let at = 0; at + H <= bytes.length && at + H + bytes.readUInt32LE(at + 8) <= bytes.length; at += H + bytes.readUInt32LE(at + 8))
        frames++;
    return { segments: files.length, size: bytes.length, frames };
}
const crash = suite('log/crash');
crash(`SIGKILL a writer ${KILLS} times at seeded moments: every acknowledged record survives intact`, async () => {
    const started = performance.now();
    const prng = new Prng(SEED);
    const root = scratchDir('crash');
    const logDir = join(root, 'events');
    const expected = new Map();
    const payload = (height) => {
        let bytes = expected.get(height);
        if (bytes === undefined)
            expected.set(height, (bytes = Buffer.from(writerPayloadFor(height))));
        return bytes;
    };
    let ackedEver = 0;
    const figures = { kills: 0, timerKills: 0, tornTails: 0, emptyNewSegment: 0, killsWithinOneRecordOfRoll: 0, staleLocks: 0, recordsVerified: 0, unacknowledgedKept: 0 };
    try {
        for (let round = 0; round < KILLS; round++) {
            const batch = prng.chance(0.7) ? 1 : 2 + prng.int(7);
            const trigger = prng.chance(0.2) ? { kind: 'timer', ms: prng.int(120) } : { kind: 'acks', count: prng.chance(0.3) ? prng.int(4) : prng.int(150) };
            const result = await runChild(logDir, batch, trigger);
            figures.kills++;
            if (trigger.kind === 'timer')
                figures.timerKills++;
            ackedEver = Math.max(ackedEver, result.acked);
            const before = lastSegmentSize(logDir);
            if (before.segments > 1 && before.size === 0)
                figures.emptyNewSegment++;
            if (before.segments > 1 && before.frames <= 1)
                figures.killsWithinOneRecordOfRoll++;
            const { log, recovery } = BlockLog.open(logDir, { create: true, segmentBytes: SEGMENT_BYTES });
            const where = `round ${round} (seed ${SEED}, ${JSON.stringify(trigger)}, batch ${batch})`;
            if (recovery.tornTail !== null)
                figures.tornTails++;
            if (recovery.staleLockTakenOver !== null)
                figures.staleLocks++;
            assert.ok(log.lastHeight >= ackedEver, `${where}: lastHeight ${log.lastHeight} < acknowledged ${ackedEver}`);
            figures.unacknowledgedKept += log.lastHeight - ackedEver;
            assert.ok(lastSegmentEndsOnFrame(logDir), `${where}: partial record left in the last segment`);
            let height = 1;
            for (const record of log.iterate(1)) {
                assert.is(record.height, height);
                assert.ok(payload(height).equals(record.payload), `${where}: payload of height ${height}`);
                height++;
            }
            assert.is(height, log.lastHeight + 1, `${where}: iterate covers the log`);
            figures.recordsVerified += log.lastHeight;
            assert.is(log.verify().records, log.lastHeight);
            const next = log.lastHeight + 1;
            log.append(next, payload(next)); // appending continues from the recovered tail
            ackedEver = next;
            log.close();
        }
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        console.log(`crash.test figures ${JSON.stringify({ ...figures, finalHeight: ackedEver, seconds: Number(seconds) })}`);
        assert.is(figures.kills, KILLS);
    }
    finally {
        removeDir(root);
    }
});
crash.run();
//# sourceMappingURL=crash.test.js.map