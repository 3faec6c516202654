/**
 * A running node for end-to-end tests: a fresh data directory from a test genesis, `startNode`
 * on a free port (producing only on demand), and the HTTP calls the tests make — submit a tx,
 * produce a block, read a balance — over real HTTP.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bytesToHex } from '../../src/core/hex.js';
import { startNode, type NodeOptions, type RunningNode } from '../../src/node/node.js';
import { initDataDir } from '../../src/runtime/data-dir.js';
import { testGenesisJson, type TestChainSpec } from './chain.js';
import { scratch } from './sim.js';

export interface TestNode {
  readonly node: RunningNode;
  close(): Promise<void>;
}

/** A node on a fresh chain from `spec`, listening on a free port, producing on demand (unless `options.intervalMs` says otherwise). */
export async function startTestNode(spec: TestChainSpec, options: Partial<NodeOptions> = {}): Promise<TestNode> {
  const tmp = scratch('node-e2e');
  const genesisFile = join(tmp.dir, 'genesis.json');
  writeFileSync(genesisFile, testGenesisJson(spec));
  const dataDir = join(tmp.dir, 'data');
  initDataDir(dataDir, genesisFile);
  const node = await startNode({ fsync: 'never', intervalMs: 0, ...options, dataDir, port: 0 });
  return {
    node,
    async close() {
      await node.close();
      tmp.remove();
    },
  };
}

export interface RawTxAnswer {
  readonly status: number;
  /** "codespace:code" of pocket's TxResponse ("ok" for code 0), or the HTTP error name. */
  readonly code: string;
  readonly body: Record<string, unknown>;
  /** The answer's Retry-After header (null when it has none). */
  readonly retryAfter: string | null;
}

async function post(node: RunningNode, path: string, body: string): Promise<{ status: number; body: Record<string, unknown>; retryAfter: string | null }> {
  const response = await fetch(`${node.url}${path}`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, retryAfter: response.headers.get('retry-after') };
}

/** POST /v1/client/rawtx. */
export async function submitTx(node: RunningNode, bytes: Uint8Array, address: string): Promise<RawTxAnswer> {
  const { status, body, retryAfter } = await post(node, '/v1/client/rawtx', JSON.stringify({ address, raw_hex_bytes: bytesToHex(bytes) }));
  if (status !== 200) return { status, code: String(body['error']), body, retryAfter };
  // Success is pocket's BroadcastTxSync answer without a code (omitempty); a refusal carries one,
  // and its codespace only in raw_log (the answer has no codespace field, as pocket-core's).
  if (body['code'] === undefined) return { status, code: 'ok', body, retryAfter };
  const log = JSON.parse(String(body['raw_log'])) as { codespace?: unknown };
  return { status, code: `${String(log.codespace)}:${String(body['code'])}`, body, retryAfter };
}

/** Submit every tx, `concurrency` requests at a time; the answers in order. */
export async function submitAll(node: RunningNode, txs: readonly Uint8Array[], address: string, concurrency = 32): Promise<RawTxAnswer[]> {
  const answers: RawTxAnswer[] = [];
  for (let start = 0; start < txs.length; start += concurrency) {
    answers.push(...(await Promise.all(txs.slice(start, start + concurrency).map((tx) => submitTx(node, tx, address)))));
  }
  return answers;
}

export interface ProducedReceipt {
  readonly txhash: string;
  readonly code: number;
  readonly codespace: string;
  readonly fee_upokt: string;
}

/** POST /v1/ledger/produce: the new block's receipts. */
export async function produceBlock(node: RunningNode): Promise<ProducedReceipt[]> {
  const { status, body } = await post(node, '/v1/ledger/produce', '');
  if (status !== 200) throw new Error(`produce failed: ${status} ${JSON.stringify(body)}`);
  return body['receipts'] as ProducedReceipt[];
}

/** POST /v1/query/balance at the latest height. */
export async function balanceOverHttp(node: RunningNode, address: string): Promise<bigint> {
  const { body } = await post(node, '/v1/query/balance', JSON.stringify({ address, height: 0 }));
  return BigInt(body['balance'] as number);
}

/** How many answers per code, e.g. {"ok": 1, "auth:6": 4999}. */
export function tallyCodes(answers: readonly RawTxAnswer[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const answer of answers) counts[answer.code] = (counts[answer.code] ?? 0) + 1;
  return counts;
}
