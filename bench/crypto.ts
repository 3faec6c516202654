/**
 * PERF: the crypto hot paths — ed25519 verification (1 core cached/uncached, @noble, the
 * worker pool), signing, and the three protocol hashes on their typical inputs.
 *
 * Workload (seeded): 64 keys; messages of 200–400 random bytes (the size of a pocket sign
 * document); every signature valid, and every sample checks that all of them verified (a
 * verifier cannot go fast by rejecting). Limits, measured in the same run:
 *   - verify via `verify`        vs raw crypto.verify with pre-imported KeyObjects;
 *   - `verifyUncached`           vs `verify` (what the KeyObject cache buys);
 *   - @noble and the reference   vs `verify`;
 *   - the pool (2 workers)       vs 2 × `verify` on one core;
 *   - hash.ts wrappers and noble vs raw node:crypto one-shot `hash` of the same bytes
 *     (BLAKE2b-256 vs node's native BLAKE2b-512: the same compression work for < 128 bytes).
 */
import { hash as nodeHash, createPublicKey, verify as nodeVerify, type KeyObject } from 'node:crypto';
import { blake2b } from '@noble/hashes/blake2b';
import { sha256 as nobleSha256 } from '@noble/hashes/sha256';
import { sha3_256 as nobleSha3 } from '@noble/hashes/sha3';
import type { Prng } from '../src/core/prng.js';
import { createSigner, publicKeyFromSeed, publicKeyCache, sign, verify, verifyUncached } from '../src/crypto/ed25519.js';
import { noble, verifyReference } from '../test/helpers/ed25519-reference.js';
import { blake2b256, sha256, sha3_256 } from '../src/crypto/hash.js';
import type { VerifyItem } from '../src/crypto/verify-batch.js';
import { VerifyPool } from '../src/crypto/verify-pool.js';
import type { BenchContext, BenchModule, Limit } from './lib/types.js';

const KEYS = 64;

interface Signed extends VerifyItem {
  readonly seed: Uint8Array;
}

function workload(prng: Prng, count: number): Signed[] {
  const keys = Array.from({ length: KEYS }, () => {
    const seed = prng.bytes(32);
    return { seed, publicKey: publicKeyFromSeed(seed), sign: createSigner(seed) };
  });
  return Array.from({ length: count }, (_, i) => {
    const key = keys[i % KEYS] as (typeof keys)[number];
    const message = prng.bytes(200 + prng.int(201));
    return { seed: key.seed, publicKey: key.publicKey, message, signature: key.sign(message) };
  });
}

/** Runs `check` over the items; throws unless every one was accepted (self-check). */
function verifyAll(items: readonly VerifyItem[], check: (item: VerifyItem) => boolean): number {
  let valid = 0;
  for (const item of items) if (check(item)) valid++;
  if (valid !== items.length) throw new Error(`only ${valid} of ${items.length} signatures verified`);
  return items.length;
}

async function verifyBenches(ctx: BenchContext, items: readonly Signed[]): Promise<void> {
  const n = ctx.quick ? 1000 : 4000;
  const nNoble = ctx.quick ? 100 : 300;
  const nPool = ctx.quick ? 2000 : 8000;
  const oneCore = items.slice(0, n);
  const workloadOf = (count: number, extra: Record<string, unknown> = {}) => ({ items: count, keys: KEYS, message_bytes: '200-400', ...extra });

  const keyObjects = new Map<Uint8Array, KeyObject>();
  for (const item of oneCore) {
    if (!keyObjects.has(item.publicKey)) {
      keyObjects.set(item.publicKey, createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: Buffer.from(item.publicKey).toString('base64url') }, format: 'jwk' }));
    }
  }
  const raw = await ctx.measure({
    label: 'raw crypto.verify, pre-imported KeyObjects',
    run: () => verifyAll(oneCore, (item) => nodeVerify(null, item.message, keyObjects.get(item.publicKey) as KeyObject, item.signature)),
  });
  publicKeyCache.clear();
  const cached = await ctx.measure({ label: 'verify (cached KeyObject)', run: () => verifyAll(oneCore, (i) => verify(i.publicKey, i.message, i.signature)) });
  const hitRate = publicKeyCache.hits / (publicKeyCache.hits + publicKeyCache.misses);
  ctx.report({
    case: 'verify/node-cached-1core',
    workload: workloadOf(n, { threads: 1 }),
    metric: 'verifies_per_s',
    stats: cached,
    limit: { what: 'raw node:crypto verify with pre-imported KeyObjects, same items, 1 core', median: raw.median },
    extra: { cache_hit_rate: Number(hitRate.toFixed(4)) },
  });
  const cachedLimit: Limit = { what: 'verify with cached KeyObject (node:crypto), 1 core, same run', median: cached.median };

  const uncached = await ctx.measure({ label: 'verifyUncached (JWK import per call)', run: () => verifyAll(oneCore, (i) => verifyUncached(i.publicKey, i.message, i.signature)) });
  ctx.report({ case: 'verify/node-uncached-1core', workload: workloadOf(n, { threads: 1 }), metric: 'verifies_per_s', stats: uncached, limit: cachedLimit });

  // What the DEV_NOTE in ed25519.ts is about: the same verification importing the key as DER
  // (SPKI), which OpenSSL 3 routes through its slow decoder framework.
  const spkiPrefix = Buffer.from('302a300506032b6570032100', 'hex');
  const der = await ctx.measure({
    label: 'verify importing the key as DER per call',
    run: () =>
      verifyAll(oneCore, (i) =>
        nodeVerify(null, i.message, createPublicKey({ key: Buffer.concat([spkiPrefix, i.publicKey]), format: 'der', type: 'spki' }), i.signature),
      ),
  });
  ctx.report({ case: 'verify/node-uncached-der-1core', workload: workloadOf(n, { threads: 1 }), metric: 'verifies_per_s', stats: der, limit: cachedLimit });

  const nobleItems = items.slice(0, nNoble);
  const nobleStats = await ctx.measure({ label: '@noble/ed25519 verify (sync)', run: () => verifyAll(nobleItems, (i) => noble.verify(i.signature, i.message, i.publicKey)) });
  ctx.report({ case: 'verify/noble-sync-1core', workload: workloadOf(nNoble, { threads: 1 }), metric: 'verifies_per_s', stats: nobleStats, limit: cachedLimit });

  const referenceStats = await ctx.measure({ label: 'verifyReference', run: () => verifyAll(nobleItems, (i) => verifyReference(i.publicKey, i.message, i.signature)) });
  ctx.report({ case: 'verify/reference-1core', workload: workloadOf(nNoble, { threads: 1 }), metric: 'verifies_per_s', stats: referenceStats, limit: cachedLimit });

  // 1 worker against 1 core shows the pool's own overhead (packing, transfer, scheduling);
  // 2 workers against 2 × 1 core shows the scaling, which a busy neighbour on a 2-core machine caps.
  for (const workers of [1, 2]) {
    const pool = await VerifyPool.create({ workers });
    try {
      const poolItems = items.slice(0, nPool);
      const poolStats = await ctx.measure({
        label: `VerifyPool, ${workers} worker(s)`,
        run: async () => {
          const results = await pool.verifyBatch(poolItems);
          let valid = 0;
          for (const r of results) valid += r;
          if (valid !== poolItems.length) throw new Error(`pool verified ${valid} of ${poolItems.length}`);
          return poolItems.length;
        },
      });
      ctx.report({
        case: `verify/pool-${workers}worker${workers === 1 ? '' : 's'}`,
        workload: workloadOf(nPool, { threads: workers, batch: nPool }),
        metric: 'verifies_per_s',
        stats: poolStats,
        limit: { what: `${workers} × verify with cached KeyObject on 1 core (same run)`, median: workers * cached.median },
      });
    } finally {
      await pool.close();
    }
  }
}

async function signBenches(ctx: BenchContext, items: readonly Signed[]): Promise<void> {
  const n = ctx.quick ? 1000 : 4000;
  const nNoble = ctx.quick ? 150 : 500;
  const batch = items.slice(0, n);
  const signers = new Map<Uint8Array, (message: Uint8Array) => Uint8Array>();
  for (const item of batch) if (!signers.has(item.seed)) signers.set(item.seed, createSigner(item.seed));
  const withKeyObject = await ctx.measure({
    label: 'createSigner (KeyObject kept)',
    run: () => {
      for (const item of batch) (signers.get(item.seed) as (m: Uint8Array) => Uint8Array)(item.message);
      return batch.length;
    },
  });
  ctx.report({ case: 'sign/node-signer', workload: { items: n, keys: KEYS, message_bytes: '200-400' }, metric: 'signs_per_s', stats: withKeyObject });
  const keyLimit: Limit = { what: 'node:crypto sign with a kept KeyObject, same run', median: withKeyObject.median };

  const perCall = await ctx.measure({
    label: 'sign(seed, message) (imports the seed per call)',
    run: () => {
      for (const item of batch) sign(item.seed, item.message);
      return batch.length;
    },
  });
  ctx.report({ case: 'sign/node-seed', workload: { items: n, keys: KEYS, message_bytes: '200-400' }, metric: 'signs_per_s', stats: perCall, limit: keyLimit });

  const nobleBatch = items.slice(0, nNoble);
  const nobleStats = await ctx.measure({
    label: '@noble/ed25519 sign (sync)',
    run: () => {
      for (const item of nobleBatch) noble.sign(item.message, item.seed);
      return nobleBatch.length;
    },
  });
  ctx.report({ case: 'sign/noble-sync', workload: { items: nNoble, keys: KEYS, message_bytes: '200-400' }, metric: 'signs_per_s', stats: nobleStats, limit: keyLimit });
}

async function hashBench(
  ctx: BenchContext,
  caseName: string,
  inputs: readonly Uint8Array[],
  rounds: number,
  ours: (data: Uint8Array) => Uint8Array,
  limitLabel: string,
  limitFn: (data: Uint8Array) => unknown,
  workload: Record<string, unknown>,
): Promise<void> {
  const loop = (fn: (data: Uint8Array) => unknown) => () => {
    for (let r = 0; r < rounds; r++) for (const data of inputs) fn(data);
    return rounds * inputs.length;
  };
  const limit = await ctx.measure({ label: `${caseName}: ${limitLabel}`, run: loop(limitFn) });
  const stats = await ctx.measure({ label: caseName, run: loop(ours) });
  ctx.report({ case: caseName, workload: { ...workload, hashes: rounds * inputs.length }, metric: 'hashes_per_s', stats, limit: { what: limitLabel, median: limit.median } });
}

async function hashBenches(ctx: BenchContext, prng: Prng): Promise<void> {
  const scale = ctx.quick ? 1 : 4;
  const kib = Array.from({ length: 64 }, () => prng.bytes(1024));
  const oneShot = (algorithm: string) => (data: Uint8Array) => nodeHash(algorithm, data, 'buffer');
  await hashBench(ctx, 'sha256-1KiB/hash.ts', kib, 600 * scale, sha256, 'raw node:crypto hash("sha256") one-shot, same bytes', oneShot('sha256'), { input_bytes: 1024 });
  await hashBench(ctx, 'sha256-1KiB/noble', kib, 150 * scale, (d) => nobleSha256(d), 'raw node:crypto hash("sha256") one-shot, same bytes', oneShot('sha256'), { input_bytes: 1024 });

  // 32-byte inputs (a public key → its address): the call's cost is mostly the digest's form.
  // hash.ts takes node's latin1 string and copies it into a Uint8Array; node's own Buffer output
  // (what hash.ts did before) gives each digest its own backing store. Limit: the string alone.
  const keys = Array.from({ length: 256 }, () => prng.bytes(32));
  const latin1Limit = 'raw node:crypto hash("sha256") one-shot with latin1 string output (no bytes), same bytes';
  const latin1Only = (data: Uint8Array) => nodeHash('sha256', data, 'binary');
  await hashBench(ctx, 'sha256-32B/hash.ts', keys, 600 * scale, sha256, latin1Limit, latin1Only, { input_bytes: 32 });
  await hashBench(ctx, 'sha256-32B/buffer-output', keys, 600 * scale, oneShot('sha256') as (data: Uint8Array) => Uint8Array, latin1Limit, latin1Only, { input_bytes: 32 });

  // SHA3-256 inputs: session-key / header / AAT material, 32–256 bytes.
  const small = Array.from({ length: 256 }, () => prng.bytes(32 + prng.int(225)));
  await hashBench(ctx, 'sha3-256-small/hash.ts', small, 200 * scale, sha3_256, 'raw node:crypto hash("sha3-256") one-shot, same bytes', oneShot('sha3-256'), { input_bytes: '32-256' });
  await hashBench(ctx, 'sha3-256-small/noble', small, 40 * scale, (d) => nobleSha3(d), 'raw node:crypto hash("sha3-256") one-shot, same bytes', oneShot('sha3-256'), { input_bytes: '32-256' });

  // BLAKE2b-256 inputs: Merkle sum-index tree nodes, two 32-byte children + ranges ≈ 64–96 bytes.
  const nodes = Array.from({ length: 256 }, () => prng.bytes(64 + prng.int(33)));
  await hashBench(ctx, 'blake2b-256-node/hash.ts', nodes, 100 * scale, blake2b256, 'node:crypto hash("blake2b512") one-shot (native, same compression work)', oneShot('blake2b512'), { input_bytes: '64-96' });
  // Sanity: hash.ts blake2b256 is noble's blake2b with dkLen 32 (tests hold it to the vectors).
  if (Buffer.compare(blake2b256(nodes[0] as Uint8Array), blake2b(nodes[0] as Uint8Array, { dkLen: 32 })) !== 0) throw new Error('blake2b256 mismatch');
}

export const benchmark: BenchModule = {
  name: 'crypto',
  description: 'ed25519 verify (1 core cached/uncached, noble, reference, 2-worker pool), sign, sha256/sha3-256/blake2b-256',
  async run(ctx) {
    const prng = ctx.prng();
    ctx.progress('building the signed workload');
    const items = workload(prng, ctx.quick ? 2000 : 8000);
    await verifyBenches(ctx, items);
    await signBenches(ctx, items);
    await hashBenches(ctx, prng);
  },
};
