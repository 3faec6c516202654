/**
 * Goal: the worker pool answers exactly what `verify` answers, in item order, for any batch,
 * and never keeps the process alive once idle or closed.
 * Method: seeded keys and messages (src/core/prng.ts) with a known pattern of corrupted
 * signatures; the edge-case battery through the pool; empty, one-item, wrong-length, huge
 * and concurrent batches; close() while a batch is in flight; child processes that use a pool
 * with and without close() and must exit on their own.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Prng } from '../../../src/core/prng.js';
import { buildEdgeCases } from '../../helpers/ed25519-edge-cases.js';
import { createSigner, publicKeyFromSeed } from '../../../src/crypto/ed25519.js';
import { verifyBatchSync, type VerifyItem } from '../../../src/crypto/verify-batch.js';
import { LazyVerifyPool, VerifyPool } from '../../../src/crypto/verify-pool.js';

/** n items over `keys` seeded keys; item i is corrupted iff bad(i) (one bit of S or R flipped). */
function makeItems(seed: number, n: number, keys: number, bad: (i: number) => boolean): VerifyItem[] {
  const prng = new Prng(seed);
  const signers = Array.from({ length: keys }, () => {
    const keySeed = prng.bytes(32);
    return { publicKey: publicKeyFromSeed(keySeed), sign: createSigner(keySeed) };
  });
  return Array.from({ length: n }, (_, i) => {
    const signer = signers[i % keys] as (typeof signers)[number];
    const message = prng.bytes(prng.int(400));
    const signature = signer.sign(message);
    if (bad(i)) {
      const at = prng.int(64);
      signature[at] = (signature[at] as number) ^ (1 << prng.int(8));
    }
    return { publicKey: signer.publicKey, message, signature };
  });
}

const expectedPattern = (n: number, bad: (i: number) => boolean): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (bad(i) ? 0 : 1));

const pool = suite('crypto/verify-pool');
let shared: VerifyPool;
pool.before(async () => {
  shared = await VerifyPool.create({ workers: 2 });
});
pool.after(() => shared.close());

pool('results are in item order, mixed valid and invalid, and equal verify on this thread', async () => {
  const bad = (i: number): boolean => i % 3 === 0 || i % 7 === 5;
  const items = makeItems(1, 1000, 17, bad);
  const results = await shared.verifyBatch(items);
  assert.equal(results, expectedPattern(items.length, bad));
  assert.equal(results, verifyBatchSync(items));
});

pool('the adversarial edge-case battery gives the rule outcome through the pool', async () => {
  const cases = buildEdgeCases();
  const results = await shared.verifyBatch(cases);
  assert.equal([...results], cases.map((c) => (c.expected ? 1 : 0)));
});

pool('an empty batch answers an empty array; one item works', async () => {
  assert.is((await shared.verifyBatch([])).length, 0);
  const items = makeItems(2, 1, 1, () => false);
  assert.equal([...(await shared.verifyBatch(items))], [1]);
});

pool('wrong key or signature lengths are 0 at their own positions (never sent to a worker)', async () => {
  const items = makeItems(3, 10, 2, () => false);
  const broken: VerifyItem[] = items.map((item, i) =>
    i === 2 ? { ...item, publicKey: item.publicKey.subarray(0, 31) } : i === 7 ? { ...item, signature: new Uint8Array([...item.signature, 0]) } : item,
  );
  assert.equal([...(await shared.verifyBatch(broken))], [1, 1, 0, 1, 1, 1, 1, 0, 1, 1]);
  const allBroken = broken.filter((_, i) => i === 2 || i === 7);
  assert.equal([...(await shared.verifyBatch(allBroken))], [0, 0]);
});

pool('a huge batch (12,000 items over 64 keys) comes back complete and in order', async () => {
  const bad = (i: number): boolean => i % 101 === 0;
  const items = makeItems(4, 12_000, 64, bad);
  // Item 64 is signed by the first key (64 % 64 = 0): give it an empty message, validly signed.
  items[64] = { ...items[64]!, message: new Uint8Array(0), signature: createSigner(new Prng(4).bytes(32))(new Uint8Array(0)) };
  const results = await shared.verifyBatch(items);
  assert.is(results.length, 12_000);
  assert.equal(results, verifyBatchSync(items));
  assert.is(results.reduce((sum, x) => sum + x, 0), 12_000 - Math.ceil(12_000 / 101));
});

pool('concurrent batches each get their own answers', async () => {
  const patterns = [(i: number) => i % 2 === 0, (i: number) => i % 5 === 1, () => false, () => true];
  const batches = patterns.map((bad, j) => makeItems(10 + j, 150 + 40 * j, 5, bad));
  const results = await Promise.all(batches.map((items) => shared.verifyBatch(items)));
  results.forEach((r, j) => assert.equal(r, expectedPattern(batches[j]!.length, patterns[j]!)));
});

pool('items whose buffers are views into larger buffers are packed by their own bytes', async () => {
  const [item] = makeItems(6, 1, 1, () => false);
  assert.ok(item !== undefined);
  const backing = new Uint8Array(1000).fill(0xee);
  backing.set(item.publicKey, 100);
  backing.set(item.signature, 300);
  backing.set(item.message, 500);
  const view: VerifyItem = {
    publicKey: backing.subarray(100, 132),
    signature: backing.subarray(300, 364),
    message: backing.subarray(500, 500 + item.message.byteLength),
  };
  assert.equal([...(await shared.verifyBatch([view, item]))], [1, 1]);
});

const lifecycle = suite('crypto/verify-pool lifecycle');

lifecycle('default size is os.availableParallelism(); create rejects a bad size', async () => {
  const p = await VerifyPool.create();
  assert.is(p.size, availableParallelism());
  await p.close();
  try {
    await VerifyPool.create({ workers: 0 });
    assert.unreachable('workers: 0 must be refused');
  } catch (error) {
    assert.instance(error, RangeError);
  }
});

lifecycle('close() lets a batch in flight finish, then refuses new batches; closing twice is fine', async () => {
  const p = await VerifyPool.create({ workers: 2 });
  const items = makeItems(7, 600, 3, (i) => i % 4 === 0);
  const inFlight = p.verifyBatch(items);
  const closed = p.close();
  assert.equal(await inFlight, expectedPattern(items.length, (i) => i % 4 === 0));
  await closed;
  await p.close();
  try {
    await p.verifyBatch(items);
    assert.unreachable('a closed pool must refuse batches');
  } catch (error) {
    assert.match((error as Error).message, /closed/);
  }
});

lifecycle('a lazy pool starts its workers with the first batch, answers as the pool does, and closes either way', async () => {
  const idle = new LazyVerifyPool({ workers: 1 });
  await idle.close();
  assert.is(idle.started, false, 'closing an unused lazy pool starts nothing');
  const lazy = new LazyVerifyPool({ workers: 2 });
  assert.is(lazy.started, false);
  const bad = (i: number): boolean => i % 5 === 2;
  const items = makeItems(11, 300, 4, bad);
  assert.equal(await lazy.verifyBatch(items), expectedPattern(items.length, bad));
  assert.is(lazy.started, true);
  await lazy.close();
  // Workers that cannot start: every batch fails (a prepareAhead caller then verifies itself),
  // and the owner hears why exactly once, however many batches asked.
  const heard: Error[] = [];
  const broken = new LazyVerifyPool({ workers: 0 }, (error) => heard.push(error));
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await broken.verifyBatch(items);
      assert.unreachable('a pool that cannot start must refuse batches');
    } catch (error) {
      assert.match((error as Error).message, /bad worker count/);
    }
  }
  await broken.close();
  assert.is(heard.length, 1);
  assert.match(heard[0]!.message, /bad worker count/);
});

lifecycle('a worker that dies fails the pool loudly: batches reject, close() still resolves', async () => {
  const p = await VerifyPool.create({ workers: 2 });
  // Reach inside to kill one thread, as a crash in native code would.
  const threads = (p as unknown as { workers: { thread: { terminate(): Promise<number> } }[] }).workers;
  await threads[0]?.thread.terminate();
  await new Promise((resolve) => setImmediate(resolve));
  try {
    await p.verifyBatch(makeItems(8, 100, 2, () => false));
    assert.unreachable('a broken pool must refuse batches');
  } catch (error) {
    assert.match((error as Error).message, /exited unexpectedly/);
  }
  await p.close();
});

const childScript = (close: boolean): string => `
  const { VerifyPool } = await import(${JSON.stringify(new URL('../../../src/crypto/verify-pool.js', import.meta.url).href)});
  const { publicKeyFromSeed, sign } = await import(${JSON.stringify(new URL('../../../src/crypto/ed25519.js', import.meta.url).href)});
  const seed = new Uint8Array(32).fill(1);
  const message = new Uint8Array([1, 2, 3]);
  const pool = await VerifyPool.create({ workers: 2 });
  const results = await pool.verifyBatch(Array.from({ length: 100 }, () => ({ publicKey: publicKeyFromSeed(seed), message, signature: sign(seed, message) })));
  process.stdout.write(String(results.reduce((a, b) => a + b, 0)));
  ${close ? 'await pool.close();' : '/* no close(): idle workers are unref\'d */'}
`;

for (const close of [true, false]) {
  lifecycle(`a process that uses a pool ${close ? 'and closes it' : 'without closing it'} exits on its own with code 0`, () => {
    // The timeout only stops a hung child from hanging the suite; it asserts nothing about speed.
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', childScript(close)], {
      encoding: 'utf8',
      timeout: 60_000,
      cwd: fileURLToPath(new URL('.', import.meta.url)),
    });
    assert.is(child.signal, null, `child was killed (hung?): ${child.stderr}`);
    assert.is(child.status, 0, child.stderr);
    assert.is(child.stdout, '100', JSON.stringify({ stdout: child.stdout, stderr: child.stderr }));
  });
}

pool.run();
lifecycle.run();
