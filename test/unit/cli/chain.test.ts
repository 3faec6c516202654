/**
 * Goal: the chain commands behave as documented from a shell: `init` creates a chain (and
 * refuses to overwrite one), `simulate` + `replay --json` verify every root with the documented
 * result shape, `roots` lists stored roots, `snapshot` + `replay --from-snapshot` agree with a
 * full replay; a flipped byte in an early record is reported with its height (coded error, exit
 * 1); a log whose state roots do not replay stops at the first divergent height, names the
 * differing entry and exits 1.
 * Method: the compiled CLI in child processes on temp data dirs (a small genesis; seeded
 * simulation); the damaged and the tampered logs are made by the test.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ChainWriter } from '../../../src/runtime/chain-writer.js';
import { isBlockLogError } from '../../../src/log/index.js';
import { replay } from '../../../src/runtime/replay.js';
import { BLOCK_INTERVAL_NS, sendMsg, signTx, testGenesisJson, testKey } from '../../helpers/chain.js';
import { runCli, scratch, writeSmallGenesis } from '../../helpers/sim.js';

const tmp = scratch('chain-cli');
const genesisFile = writeSmallGenesis(tmp.dir);
const simDir = join(tmp.dir, 'sim');
const BLOCKS = 15;

function json(stdout: string): Record<string, unknown> {
  return JSON.parse(stdout) as Record<string, unknown>;
}

/** Byte offset of the payload of `height` in a log segment (frames: 24-byte header, u32 length at 8, u64 height at 16). */
function payloadOffset(segment: Buffer, height: number): { offset: number; length: number } {
  let at = 0;
  while (at < segment.length) {
    const length = segment.readUInt32LE(at + 8);
    if (Number(segment.readBigUInt64LE(at + 16)) === height) return { offset: at + 24, length };
    at += 24 + length;
  }
  throw new Error(`height ${height} not in the segment`);
}

const cli = suite('cli: init, simulate, replay, roots, snapshot');

cli.before(async () => {
  const run = await runCli(['simulate', '--data', simDir, '--genesis', genesisFile, '--blocks', String(BLOCKS), '--seed', '5', '--txs-per-block', '6', '--no-progress', '--json']);
  assert.is(run.code, 0, run.stderr + run.stdout);
});

cli.after(() => tmp.remove());

cli('init creates a chain once; a second init is a coded error', async () => {
  const dir = join(tmp.dir, 'init');
  const created = await runCli(['init', '--genesis', genesisFile, '--data', dir, '--json']);
  assert.is(created.code, 0, created.stderr);
  const config = json(created.stdout);
  assert.is(config['chain_id'], 'pokt-ledger-test');
  assert.ok(existsSync(join(dir, 'events', 'genesis.json')));
  const again = await runCli(['init', '--genesis', genesisFile, '--data', dir, '--json']);
  assert.is(again.code, 1);
  assert.is((json(again.stdout)['error'] as Record<string, unknown>)['code'], 'data_dir_exists');
  const empty = await runCli(['replay', '--data', dir, '--json', '--no-progress']);
  assert.equal(pick(json(empty.stdout), ['height', 'blocks', 'txs', 'verified']), { height: 0, blocks: 0, txs: 0, verified: true });
});

function pick(object: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.map((key) => [key, object[key]]));
}

cli('replay --json verifies every stored root; --to stops early; --trust-signatures agrees', async () => {
  const full = await runCli(['replay', '--data', simDir, '--json']);
  assert.is(full.code, 0, full.stderr);
  const report = json(full.stdout);
  assert.is(report['height'], BLOCKS);
  assert.is(report['verified'], true);
  assert.is(report['blocks'], BLOCKS);
  assert.ok((report['txs'] as number) > 0);
  assert.match(report['state_root'] as string, /^[0-9a-f]{64}$/);
  assert.match(full.stderr, /blocks\/s .* tx\/s .* ETA/, 'progress on stderr');
  // The start (genesis import) is part of the time, not of the rates, which are over the blocks.
  const seconds = report['seconds'] as number;
  const startSeconds = report['start_seconds'] as number;
  assert.ok(startSeconds > 0 && startSeconds < seconds, `start ${startSeconds} s of ${seconds} s`);
  // Both times are rounded to the millisecond in the report: the rate lies within that rounding.
  const applying = seconds - startSeconds;
  const rate = report['blocks_per_s'] as number;
  assert.ok(rate >= Math.floor(BLOCKS / (applying + 0.002)) && rate <= Math.ceil(BLOCKS / Math.max(applying - 0.002, 1e-6)), `blocks/s ${rate} over the blocks only (${applying} s)`);
  const partial = json((await runCli(['replay', '--data', simDir, '--to', '5', '--json', '--no-progress'])).stdout);
  assert.is(partial['height'], 5);
  const trusted = json((await runCli(['replay', '--data', simDir, '--trust-signatures', '--json', '--no-progress'])).stdout);
  assert.is(trusted['state_root'], report['state_root']);
  assert.is(trusted['signatures'], 'trusted');
});

cli('roots lists height, block hash and state root of every block; a range selects', async () => {
  const all = JSON.parse((await runCli(['roots', '--data', simDir, '--json'])).stdout) as Array<Record<string, unknown>>;
  assert.is(all.length, BLOCKS);
  assert.equal(Object.keys(all[0]!), ['height', 'block_hash', 'state_root']);
  const some = JSON.parse((await runCli(['roots', '--data', simDir, '--from', '3', '--to', '4', '--json'])).stdout) as unknown[];
  assert.equal(some, all.slice(2, 4));
  const last = all[BLOCKS - 1]!;
  const replayed = json((await runCli(['replay', '--data', simDir, '--json', '--no-progress', '--trust-signatures'])).stdout);
  assert.is(last['state_root'], replayed['state_root']);
});

cli('snapshot at the tip, then replay --from-snapshot reaches the same root', async () => {
  const snap = await runCli(['snapshot', '--data', simDir, '--json']);
  assert.is(snap.code, 0, snap.stderr);
  const info = json(snap.stdout);
  assert.is(info['height'], BLOCKS);
  assert.ok(existsSync(info['file'] as string));
  const fromSnapshot = json((await runCli(['replay', '--data', simDir, '--from-snapshot', '--json', '--no-progress'])).stdout);
  assert.is(fromSnapshot['started_from'], 'snapshot');
  assert.is(fromSnapshot['state_root'], info['state_root']);
  assert.is(fromSnapshot['blocks'], 0);
});

cli('export and snapshot show their replay as a bar on stderr (rate, ETA), and --no-progress keeps stderr empty', async () => {
  const out = join(tmp.dir, 'exported-3.json');
  const shown = await runCli(['export', '--data', simDir, '--height', '3', '--out', out]);
  assert.is(shown.code, 0, shown.stderr);
  assert.match(shown.stderr, /^export: opening the chain/m);
  assert.match(shown.stderr, /export \|█+\| 100% \| height 3 \| 3\/3 blocks \| [\d,]+ blocks\/s \| [\d,]+ tx\/s \| ETA 0s/);
  const quiet = await runCli(['export', '--data', simDir, '--height', '3', '--out', out, '--force', '--no-progress']);
  assert.is(quiet.code, 0, quiet.stderr);
  assert.is(quiet.stderr, '');
  // The tip snapshot written by the test above: nothing to replay, so no bar, only the opening line.
  const snapshot = await runCli(['snapshot', '--data', simDir]);
  assert.is(snapshot.code, 0, snapshot.stderr);
  assert.match(snapshot.stderr, /^snapshot: opening the chain/m);
  assert.not.match(snapshot.stderr, /blocks\/s/);
  const quietSnapshot = await runCli(['snapshot', '--data', simDir, '--no-progress']);
  assert.is(quietSnapshot.stderr, '');
});

cli('roots: a range that selects no block is a coded error (past the tip, reversed), not an empty success; an empty chain is an empty list', async () => {
  for (const range of [['--from', '100'], ['--from', '100', '--to', '200']]) {
    const run = await runCli(['roots', '--data', simDir, ...range, '--json']);
    assert.is(run.code, 1, run.stdout);
    const error = (JSON.parse(run.stdout) as { error: { code: string; message: string } }).error;
    assert.is(error.code, 'empty_range', range.join(' '));
    // Says which heights there are (dogfooding of 2026-12-07: "no stored block in 100–the tip: the
    // range is reversed or outside the chain's heights" left the user to find the tip).
    assert.match(error.message, new RegExp(`heights 1–${BLOCKS}\\b`), error.message);
  }
  // --from above --to, both given, is the operator's typo whatever the chain holds: a usage error,
  // exit 2, as README's CLI section says of every usage error (dogfooding of 2026-12-07: it exited 1).
  const reversed = await runCli(['roots', '--data', simDir, '--from', '4', '--to', '2', '--json']);
  assert.is(reversed.code, 2, reversed.stdout);
  assert.is((JSON.parse(reversed.stdout) as { error: { code: string } }).error.code, 'reversed_range');
  // A chain with no block yet, no range asked: an empty answer, as replay and verify give (QA of 2026-12-06).
  const empty = join(tmp.dir, 'roots-empty');
  assert.is((await runCli(['init', '--genesis', genesisFile, '--data', empty])).code, 0);
  const none = await runCli(['roots', '--data', empty, '--json']);
  assert.equal([none.code, JSON.parse(none.stdout)], [0, []], none.stderr);
});

cli('a flipped byte in an early record is reported with its height, by replay, roots and a writer', async () => {
  const dir = join(tmp.dir, 'flipped');
  const made = await runCli(['simulate', '--data', dir, '--genesis', genesisFile, '--blocks', '12', '--seed', '6', '--txs-per-block', '4', '--no-progress', '--json']);
  assert.is(made.code, 0, made.stderr);
  const segmentFile = join(dir, 'events', 'segment-000000000001.log');
  const segment = readFileSync(segmentFile);
  const { offset, length } = payloadOffset(segment, 3);
  segment[offset + (length >> 1)]! ^= 0x10;
  writeFileSync(segmentFile, segment);
  const replayed = await runCli(['replay', '--data', dir, '--json', '--no-progress']);
  assert.is(replayed.code, 1);
  const error = json(replayed.stdout)['error'] as { code: string; details: { height: number } };
  assert.is(error.code, 'log_record_corrupt');
  assert.is(error.details.height, 3);
  const roots = json((await runCli(['roots', '--data', dir, '--json'])).stdout)['error'] as { code: string; details: { height: number } };
  assert.is(roots.code, 'log_record_corrupt');
  assert.is(roots.details.height, 3);
  const opened = await ChainWriter.open(dir).then(
    (writer) => {
      writer.close();
      return undefined;
    },
    (e: unknown) => e,
  );
  assert.ok(isBlockLogError(opened) && opened.code === 'log_record_corrupt' && opened.context['height'] === 3, 'a writer refuses to continue the damaged log');
});

cli('a log whose roots do not replay: replay stops at the first divergent height, names the entry, exits 1', async () => {
  const dir = join(tmp.dir, 'tampered');
  const alice = testKey('alice');
  const bob = testKey('bob');
  writeFileSync(join(tmp.dir, 'tampered-genesis.json'), testGenesisJson({ accounts: [{ key: alice, balanceUpokt: 10_000_000_000n }], validators: [{ key: testKey('validator-1'), tokensUpokt: 100_000_000_000n }] }));
  assert.is((await runCli(['init', '--genesis', join(tmp.dir, 'tampered-genesis.json'), '--data', dir])).code, 0);
  const writer = await ChainWriter.open(dir);
  try {
    for (let height = 1; height <= 6; height++) {
      if (height === 4) {
        // A buggy producer: bob's balance changes outside any tx; the record's root includes it.
        const account = writer.state.auth.accounts.get(bob.address)!;
        writer.state.auth.accounts.set(bob.address, { ...account, balanceUpokt: account.balanceUpokt + 1n });
      }
      writer.produce({ timeNs: writer.lastBlockTimeNs + BLOCK_INTERVAL_NS, txs: [signTx(alice, sendMsg(alice, bob, BigInt(1_000 + height)))] });
    }
  } finally {
    writer.close();
  }
  const run = await runCli(['replay', '--data', dir, '--json', '--no-progress']);
  assert.is(run.code, 1);
  const report = json(run.stdout) as { verified: boolean; blocks: number; divergence: { height: number; kind: string; entries: Array<{ entry: string }> } };
  assert.is(report.verified, false);
  assert.is(report.blocks, 3, 'only the blocks whose roots matched are counted');
  assert.is(report.divergence.height, 4);
  assert.is(report.divergence.kind, 'state_root_mismatch');
  assert.equal(report.divergence.entries.map((e) => e.entry), [`auth/accounts/${bob.address}`]);
  const human = await runCli(['replay', '--data', dir, '--no-progress']);
  assert.is(human.code, 1);
  assert.match(human.stdout, /DIVERGED at height 4/);
  assert.match(human.stdout, new RegExp(`auth/accounts/${bob.address}`));
  const library = await replay(dir, { trustSignatures: true });
  assert.is(library.divergence?.height, 4);
});

// `start` (the main job) has its own file: start.test.ts.

cli.run();
