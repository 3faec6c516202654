/**
 * A broad, seeded set of query-service requests over a projected chain — every route the query
 * service serves from its ReadStore, at the latest height and at sampled past heights, for live,
 * deleted and never-seen entities, with filters and pages, plus refusals — for "these two
 * servers answer the same, byte for byte" tests. Entities are picked from the SQLite projection
 * (any source of addresses would do: the answers are compared between servers, not to it).
 */
import Database from 'better-sqlite3';
import { Prng } from '../../src/core/prng.js';
import { projectionFile } from '../../src/projection/store.js';

export interface RouteRequest {
  readonly path: string;
  readonly body: Record<string, unknown>;
}

const NEVER_SEEN = 'ffffffffffffffffffffffffffffffffffffffff';

function pick<T>(prng: Prng, list: readonly T[], count: number): T[] {
  return list.length === 0 ? [] : Array.from({ length: count }, () => list[prng.int(list.length)]!);
}

export function broadRouteSet(dataDir: string, seed = 11n, pastHeights = 4): RouteRequest[] {
  const db = new Database(projectionFile(dataDir), { readonly: true });
  const all = <T>(sql: string): T[] => db.prepare(sql).all() as T[];
  try {
    const latest = (db.prepare('SELECT height FROM projection_checkpoint').get() as { height: number }).height;
    const nodes = all<{ address: string }>('SELECT DISTINCT address FROM nodes ORDER BY 1').map((r) => r.address);
    const apps = all<{ address: string }>('SELECT DISTINCT address FROM apps ORDER BY 1').map((r) => r.address);
    const accounts = all<{ address: string }>('SELECT DISTINCT address FROM balances ORDER BY 1').map((r) => r.address);
    const signers = all<{ signer: string }>('SELECT DISTINCT signer FROM txs WHERE signer IS NOT NULL ORDER BY 1').map((r) => r.signer);
    const txs = all<{ hash: string; height: number }>('SELECT hash, height FROM txs ORDER BY height, tx_index');
    const blockHashes = all<{ hash: string }>('SELECT hash FROM blocks ORDER BY height').map((r) => r.hash);
    const claims = all<{ servicer: string; app_public_key: string; chain: string; session_height: number; submitted_height: number }>('SELECT servicer, app_public_key, chain, session_height, submitted_height FROM claims ORDER BY claim_key');
    const removed = all<{ address: string; height: number }>("SELECT address, height FROM nodes WHERE deleted = 1 UNION ALL SELECT address, height FROM apps WHERE deleted = 1 ORDER BY 1, 2");
    const prng = new Prng(seed);
    const heights = [0, ...Array.from({ length: pastHeights }, () => 1 + prng.int(latest))];
    const requests: RouteRequest[] = [];
    const add = (route: string, body: Record<string, unknown> = {}): void => void requests.push({ path: `/v1/query/${route}`, body });
    for (const height of heights) {
      for (const route of ['block', 'supply', 'allparams', 'nodeparams', 'appparams', 'pocketparams', 'supportedchains', 'acl', 'daoowner', 'upgrade', 'state']) add(route, { height });
      add('param', { height, key: 'pos/StakeMinimum' });
      add('blocktxs', { height, per_page: 5, order: 'desc' });
      add('blocktxs', { height, per_page: 3, order: 'asc', prove: true });
      add('allblocktxs', { height });
      add('accounts', { height, page: 2, per_page: 7 });
      add('nodes', { height, opts: { per_page: 10, page: 2 } });
      add('nodes', { height, opts: { staking_status: 2, jailed_status: 1 } });
      add('apps', { height, opts: { blockchain: '0001' } });
      add('signinginfo', { height, per_page: 10 });
      add('nodeclaims', { height, per_page: 20 });
      for (const address of [...pick(prng, nodes, 3), ...pick(prng, apps, 2), ...pick(prng, accounts, 2), NEVER_SEEN]) {
        for (const route of ['node', 'app', 'actor', 'balance', 'account', 'signinginfo', 'nodeclaims']) add(route, { address, height });
        add('rewards', { node: address, to_height: height, per_page: 50 });
        add('rapsheet', { address, to_height: height });
        add('claims', { address, height, status: 'proven' });
      }
      for (const claim of pick(prng, claims, 2)) {
        add('nodeclaim', { address: claim.servicer, blockchain: claim.chain, app_pubkey: claim.app_public_key, session_block_height: claim.session_height, height });
      }
      for (const tx of pick(prng, txs, 3)) {
        add('tx', { hash: tx.hash, height, prove: true });
        add('hash', { hash: tx.hash, height });
      }
      for (const block of pick(prng, blockHashes, 2)) add('hash', { hash: block, height });
      add('hash', { hash: 'ab'.repeat(32), height });
      add('claims', { height, per_page: 30, page: 2 });
      add('supplyhistory', { from_height: Math.max(0, (height || latest) - 10), to_height: height, per_page: 5 });
      add('paramhistory', { height, from_height: 1, per_page: 20 });
      add('paramhistory', { height, key: 'pos/SlashFractionDowntime', page: 1, per_page: 3 });
    }
    // Removed nodes and apps: the block before, at and after their removal (a deletion row must not answer).
    for (const entity of pick(prng, removed, 6)) {
      for (const height of [entity.height - 1, entity.height, Math.min(latest, entity.height + 1)]) for (const route of ['node', 'app', 'actor']) add(route, { address: entity.address, height });
    }
    for (const signer of pick(prng, signers, 3)) {
      add('accounttxs', { address: signer, per_page: 10, order: 'desc' });
      add('accounttxs', { address: signer, per_page: 5, order: 'asc', prove: true });
      add('accounttxs', { address: signer, received: true, page: 1 });
    }
    const tx = txs[txs.length - 1];
    if (tx !== undefined) add('accounttxs', { address: signers[0], height: tx.height });
    // Refusals answer the same too.
    add('node', { address: nodes[0], height: latest + 1 });
    add('blocktxs', { height: 1, page: 99 });
    add('tx', { hash: 'A'.repeat(64) });
    add('height');
    return requests;
  } finally {
    db.close();
  }
}

/** One answer as compared: status, the height headers, the total and the exact body. */
export function answerText(status: number, headers: (name: string) => string | null | undefined, body: string): string {
  return [status, headers('x-ledger-height'), headers('x-ledger-projected-height'), headers('x-total-count'), body].join(' | ');
}

/**
 * Asserts two answers are the same text. Not uvu's `is`: its character diff of two large answers
 * (a `state` document) runs for minutes; this names the request and shows where they part.
 */
export function assertSameAnswer(actual: string, expected: string, what: string): void {
  if (actual === expected) return;
  let at = 0;
  while (actual[at] === expected[at]) at++;
  const around = (text: string): string => JSON.stringify(text.slice(Math.max(0, at - 80), at + 120));
  throw new Error(`${what}: answers differ at character ${at}\n  expected …${around(expected)}\n  actual   …${around(actual)}`);
}
