/**
 * Goal (issue 10 item 5): one transient error never stops production for good, and the node
 * never reports what it does not have. On a full disk a produce fails with a coded 503
 * (`disk_full`), the node keeps serving the last durable block (its height = the log's), says
 * why on `GET /v1/ledger/health`, refuses rawtx with 503 `not_producing`, and once space is freed
 * resumes by itself (retry with backoff) — the failed block's tx lands in the next block and a
 * full replay of the directory verifies. A failed snapshot (a read-only snapshots/ mount) never
 * stops production and is retried at a later block.
 * Method: REAL file systems, no fault injection — the data directory sits on a tiny tmpfs that
 * the test fills to the last byte (ENOSPC); snapshots/ is a read-only tmpfs (EROFS). Mounting
 * needs root: the test checks at runtime whether it may mount, and otherwise skips with a note.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { bytesToHex } from '../../../src/core/hex.js';
import { BlockLog, blockLogDir } from '../../../src/log/index.js';
import { startNode, type RunningNode } from '../../../src/node/node.js';
import { initDataDir } from '../../../src/runtime/data-dir.js';
import { replay } from '../../../src/runtime/replay.js';
import { sendMsg, signTx, testGenesisJson, testKey } from '../../helpers/chain.js';
import { scratch } from '../../helpers/sim.js';
import { fillDisk, freeDisk, remount, tryMountTmpfs, type Mount } from '../../helpers/tmpfs.js';

const alice = testKey('alice');
const bob = testKey('bob');
const validator = testKey('validator-1');
const tmp = scratch('resilience');
const genesisFile = join(tmp.dir, 'genesis.json');
writeFileSync(genesisFile, testGenesisJson({ accounts: [{ key: alice, balanceUpokt: 1_000_000_000n }], validators: [{ key: validator, tokensUpokt: 100_000_000_000n }] }));
const mounts: Mount[] = [];

function mount(name: string, sizeKiB: number, readOnly = false): Mount | undefined {
  const mounted = tryMountTmpfs(join(tmp.dir, name), sizeKiB, { readOnly });
  if (mounted === undefined) console.log(`  (skipped: cannot mount a tmpfs here — run as root to test real ENOSPC/EROFS)`);
  else mounts.push(mounted);
  return mounted;
}

async function call(node: RunningNode, method: 'GET' | 'POST', path: string, body?: string): Promise<{ status: number; json: Record<string, unknown>; retryAfter: string | null }> {
  const response = await fetch(`${node.url}${path}`, { method, ...(body === undefined ? {} : { body }) });
  return { status: response.status, json: (await response.json()) as Record<string, unknown>, retryAfter: response.headers.get('retry-after') };
}

function rawTx(bytes: Uint8Array): string {
  return JSON.stringify({ address: alice.address, raw_hex_bytes: bytesToHex(bytes) });
}

function logHeight(dataDir: string): number {
  const { log } = BlockLog.open(blockLogDir(dataDir), { readOnly: true });
  try {
    return log.lastHeight;
  } finally {
    log.close();
  }
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const resilience = suite('node: a failed block pauses production, never stops it');

resilience.after(() => {
  for (const mounted of mounts.reverse()) mounted.unmount();
  tmp.remove();
});

resilience('disk full: coded 503s, the last durable block served, production resumes when space is freed', async () => {
  const disk = mount('full', 1024);
  if (disk === undefined) return;
  const dataDir = join(disk.dir, 'data');
  initDataDir(dataDir, genesisFile);
  const errors: string[] = [];
  let filler = '';
  const node = await startNode({ dataDir, port: 0, intervalMs: 0, retryBackoff: { initialMs: 20, maxMs: 100 }, onError: (_error, health) => errors.push(health.reason!.code) });
  try {
    for (let i = 0; i < 2; i++) assert.is((await call(node, 'POST', '/v1/ledger/produce', '')).status, 200);
    filler = fillDisk(disk.dir);
    // The log's last page may still have room (tmpfs allocates whole pages): a tx and a block
    // at a time until a block fails; that block's tx stays pending.
    let failed: Awaited<ReturnType<typeof call>> | undefined;
    for (let i = 0; i < 64 && failed?.status !== 503; i++) {
      assert.is((await call(node, 'POST', '/v1/client/rawtx', rawTx(signTx(alice, sendMsg(alice, bob, 7_000n + BigInt(i)))))).json['code'], undefined, 'admitted (BroadcastTxSync: no code on success)');
      failed = await call(node, 'POST', '/v1/ledger/produce', '');
    }
    assert.ok(failed !== undefined);
    const durable = logHeight(dataDir);
    assert.ok(durable > 2, 'blocks were produced after the disk filled');
    assert.is(failed.status, 503);
    assert.is(failed.json['error'], 'state_unavailable', 'the block touched the state, which is discarded');
    assert.is(((failed.json['details'] as Record<string, unknown>)['reason'] as Record<string, unknown>)['code'], 'disk_full');
    assert.is(failed.retryAfter, '1', 'a retry within 20 ms: the least Retry-After');
    // The retry rebuilds the state read-only (no disk space needed) but cannot reopen the log.
    await waitFor('the durable state to be served', async () => (await call(node, 'GET', '/v1/ledger/health')).json['status'] === 'not_producing');
    const health = await call(node, 'GET', '/v1/ledger/health');
    assert.is(health.status, 503);
    assert.is((health.json['reason'] as Record<string, unknown>)['code'], 'disk_full');
    assert.ok((health.json['failures'] as number) >= 2, 'retried');
    assert.is(health.json['height'], durable);
    // Queries read the node's projection, which needs disk space too: while the disk is full it
    // lags (never leads) the log, and says so in x-ledger-height.
    const served = (await call(node, 'POST', '/v1/query/height', '{}')).json['height'] as number;
    assert.ok(served <= durable, `the served height ${served} is never past the log's ${durable}`);
    assert.is(logHeight(dataDir), durable);
    const refused = await call(node, 'POST', '/v1/client/rawtx', rawTx(signTx(alice, sendMsg(alice, bob, 8_000n))));
    assert.equal([refused.status, refused.json['error'], refused.retryAfter], [503, 'not_producing', '1']);
    assert.is(node.mempool.size, 1, 'the pending tx waits; nothing new is admitted');
    assert.is((await call(node, 'POST', '/v1/ledger/produce', '')).status, 503, 'produce while paused is refused');

    freeDisk(filler);
    await waitFor('production to resume', async () => (await call(node, 'GET', '/v1/ledger/health')).status === 200);
    assert.is(logHeight(dataDir), durable + 1, 'the retry produced the failed block');
    assert.is(node.mempool.size, 0, 'with the pending tx in it');
    assert.is((await call(node, 'POST', '/v1/ledger/produce', '')).status, 200);
    assert.is((await call(node, 'POST', '/v1/query/height', '{}')).json['height'], durable + 2, 'the projection caught up with every block');
    assert.is((await call(node, 'POST', '/v1/client/rawtx', rawTx(signTx(alice, sendMsg(alice, bob, 9_000n))))).json['code'], undefined, 'admitted');
    assert.ok(errors.every((code) => code === 'disk_full'), errors.join());
    const root = bytesToHex(node.writer.state.store.root);
    await node.close();
    const full = await replay(dataDir, { trustSignatures: false });
    assert.equal([full.verified, full.height, full.stateRoot], [true, durable + 2, root]);
  } finally {
    freeDisk(filler); // else closing the node fails too, hiding the assertion that failed
    await node.close();
  }
});

resilience('a failed snapshot (read-only snapshots/) never stops production and is retried', async () => {
  const dataDir = join(tmp.dir, 'snapdata');
  initDataDir(dataDir, genesisFile);
  const snapshots = mount('snapdata/snapshots', 1024, true);
  if (snapshots === undefined) return;
  const snapshotErrors: Array<[string, number]> = [];
  const node = await startNode({ dataDir, port: 0, intervalMs: 0, snapshotEvery: 4, onSnapshotError: (error, height) => snapshotErrors.push([(error as { code: string }).code, height]) });
  try {
    for (let i = 0; i < 6; i++) assert.is((await call(node, 'POST', '/v1/ledger/produce', '')).status, 200, `block ${i + 1}`);
    assert.equal(snapshotErrors, [['EROFS', 4], ['EROFS', 5]], 'due at 4, retried at 5 and then 2 blocks later');
    assert.is((await call(node, 'GET', '/v1/ledger/health')).status, 200);
    remount(snapshots.dir, false);
    for (let i = 0; i < 2; i++) assert.is((await call(node, 'POST', '/v1/ledger/produce', '')).status, 200);
    assert.is(snapshotErrors.length, 2);
    assert.equal(readdirSync(snapshots.dir).filter((name) => name.endsWith('.snap')).length, 2, 'the retry at 7 and the scheduled one at 8');
    assert.not.ok(existsSync(join(snapshots.dir, 'tmp')));
  } finally {
    await node.close();
  }
});

resilience.run();
