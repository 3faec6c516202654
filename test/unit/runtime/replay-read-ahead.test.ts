/**
 * Goal (issue 10 item 7): a full replay (signatures verified on the worker pool) of a log with a
 * damaged record in a sealed segment past the first read-ahead chunk fails with the coded
 * `log_record_corrupt` where the chunk is awaited — not as an unhandled rejection (which killed
 * the CLI with a stack: the chunk read two ahead failed while the reducer was still applying).
 * Method: a 600-block chain with one signed tx per block (chunks of 256 blocks; the pool's
 * verification makes the reducer wait a macrotask between chunks), copied into 20 kB segments,
 * one byte flipped in the record of height 550 (third chunk, a sealed segment); replay() runs in
 * this process with an `unhandledRejection` listener.
 */
import { readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { BlockLog, blockLogDir, isBlockLogError } from '../../../src/log/index.js';
import { replay } from '../../../src/runtime/replay.js';
import { flipByte } from '../../helpers/log-fixtures.js';
import { writeSendChain } from '../../helpers/send-chain.js';
import { scratch } from '../../helpers/sim.js';

const tmp = scratch('read-ahead');
const BLOCKS = 600;
const DAMAGED = 550;

/** Rewrite the data directory's log into segments of `segmentBytes` (the records unchanged). */
function resegment(dataDir: string, segmentBytes: number): void {
  const events = blockLogDir(dataDir);
  const copy = join(tmp.dir, 'resegmented');
  const { log: source } = BlockLog.open(events, { readOnly: true });
  const { log: target } = BlockLog.open(copy, { create: true, fsync: 'never', segmentBytes });
  for (const record of source.iterate(1, source.lastHeight)) target.append(record.height, record.payload);
  source.close();
  target.close();
  for (const name of readdirSync(events)) if (name.startsWith('segment-') || name === 'index' || name === 'block-log.json') rmSync(join(events, name), { recursive: true });
  for (const name of readdirSync(copy)) renameSync(join(copy, name), join(events, name));
}

/** Flip a byte in the middle of `height`'s payload (frames: 24-byte header, u32 length at 8, u64 height at 16). */
function damageRecord(dataDir: string, height: number): string {
  const events = blockLogDir(dataDir);
  const { log } = BlockLog.open(events, { readOnly: true });
  const segments = log.segmentFiles;
  log.close();
  const file = [...segments].reverse().find((name) => Number(/(\d+)\.log$/.exec(name)![1]) <= height)!;
  assert.ok(file !== segments[segments.length - 1], 'the damaged segment is sealed');
  const path = join(events, file);
  const bytes = readFileSync(path);
  let at = 0;
  while (Number(bytes.readBigUInt64LE(at + 16)) !== height) at += 24 + bytes.readUInt32LE(at + 8);
  flipByte(path, at + 24 + (bytes.readUInt32LE(at + 8) >> 1));
  return file;
}

const readAhead = suite('replay: damage past the first read-ahead chunk');

readAhead.after(() => tmp.remove());

readAhead('is a coded error where the chunk is awaited, never an unhandled rejection', async () => {
  const dataDir = await writeSendChain(tmp.dir, BLOCKS);
  resegment(dataDir, 20_000);
  damageRecord(dataDir, DAMAGED);

  const unhandled: unknown[] = [];
  const listener = (reason: unknown): void => void unhandled.push(reason);
  process.on('unhandledRejection', listener);
  try {
    const failure = await replay(dataDir, { workers: 1 }).then(
      () => undefined,
      (error: unknown) => error,
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.ok(isBlockLogError(failure, 'log_record_corrupt'), String(failure));
    assert.is((failure as { context: Record<string, unknown> }).context['height'], DAMAGED);
    assert.equal(unhandled, []);
  } finally {
    process.off('unhandledRejection', listener);
  }
});

readAhead.run();
