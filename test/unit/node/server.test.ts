/**
 * Goal: the node's HTTP API answers as pocket-core's RPC: `POST /v1/client/rawtx` gives every
 * bad tx its pocket-core code in a TxResponse and changes no state; admitted txs land in the next
 * block (produced on demand) with the fee rules applied; malformed or hostile requests get coded
 * HTTP errors; the node's blocks replay to the same roots. The `node` command serves the same
 * API from a child process and produces blocks on its interval.
 * Method: a data dir from a small test genesis; startNode on a free port; real HTTP (fetch);
 * expected codes from PROTOCOL §0.1 / x/auth/ante.go (see test/unit/chain/send.test.ts).
 */
import { existsSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { bytesToHex } from '../../../src/core/hex.js';
import { balanceOf } from '../../../src/modules/auth/bank.js';
import { startNode, type RunningNode } from '../../../src/node/node.js';
import { ChainWriter } from '../../../src/runtime/chain-writer.js';
import { initDataDir } from '../../../src/runtime/data-dir.js';
import { replay } from '../../../src/runtime/replay.js';
import { MAX_TX_BYTES, txHash } from '../../../src/wire/index.js';
import { BLOCK_INTERVAL_NS, sendMsg, signTx, testGenesisJson, testKey } from '../../helpers/chain.js';
import { govGenesisJson, OWNER, paramChange } from '../../helpers/gov-chain.js';
import { CLI_PATH, runCli, scratch } from '../../helpers/sim.js';

const alice = testKey('alice');
const bob = testKey('bob');
const stranger = testKey('stranger');
const validator = testKey('validator-1');

const tmp = scratch('node');
const genesisFile = join(tmp.dir, 'genesis.json');
writeFileSync(genesisFile, testGenesisJson({ accounts: [{ key: alice, balanceUpokt: 1_000_000_000n }], validators: [{ key: validator, tokensUpokt: 100_000_000_000n }] }));

function freshDataDir(name: string): string {
  const dir = join(tmp.dir, name);
  initDataDir(dir, genesisFile);
  return dir;
}

async function post(node: RunningNode, path: string, body: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${node.url}${path}`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

function rawTx(bytes: Uint8Array, address: string = alice.address): string {
  return JSON.stringify({ address, raw_hex_bytes: bytesToHex(bytes) });
}

/** "codespace:code" of a refusal: the code field, the codespace from raw_log (the answer has none). */
const IN_CACHE = 'broadcast_tx_sync: RPC error -32603 - Internal error: tx already exists in cache';

function codeIn(json: Record<string, unknown>): string {
  const log = JSON.parse(json['raw_log'] as string) as Record<string, unknown>;
  return `${String(log['codespace'])}:${String(json['code'])}`;
}

let node: RunningNode;

const api = suite('node: HTTP API');

api.before(async () => {
  node = await startNode({ dataDir: freshDataDir('api'), port: 0, intervalMs: 0 });
});

api.after(async () => {
  await node.close();
});

api('rawtx: bad txs get their pocket-core codes as TxResponses and change no state', async () => {
  const root = bytesToHex(node.writer.state.store.root);
  const cases: Array<[string, Uint8Array, string, string]> = [
    ['garbage', Uint8Array.of(1, 2, 3), 'sdk', '2'],
    ['truncated', signTx(alice, sendMsg(alice, bob, 1n)).slice(0, 30), 'sdk', '2'],
    ['wrong chain id', signTx(alice, sendMsg(alice, bob, 2n), { chainId: 'mainnet' }), 'sdk', '4'],
    ['bad signature', signTx(bob, sendMsg(alice, bob, 3n)), 'sdk', '4'],
    ['unknown sender', signTx(stranger, sendMsg(stranger, bob, 1n)), 'sdk', '9'],
    ['fee below minimum', signTx(alice, sendMsg(alice, bob, 4n), { feeUpokt: 1n }), 'auth', '4'],
    ['memo too long', signTx(alice, sendMsg(alice, bob, 5n), { memo: 'm'.repeat(300) }), 'auth', '1'],
    ['zero amount', signTx(alice, sendMsg(alice, bob, 0n)), 'pos', '109'],
    ['oversized', signTx(alice, sendMsg(alice, bob, 6n), { memo: 'o'.repeat(MAX_TX_BYTES) }), 'ledger', '1'],
  ];
  for (const [label, bytes, codespace, code] of cases) {
    const { status, json } = await post(node, '/v1/client/rawtx', rawTx(bytes));
    assert.is(status, 200, label);
    assert.is(String(json['code']), code, label);
    // BroadcastTxSync's result carries a codespace (tendermint fork 59310158d3e9
    // rpc/core/types/responses.go:165-172) but NewResponseFormatBroadcastTx copies code, data,
    // log and hash only (pocket-core types/result.go:196-210): the codespace is only in raw_log.
    assert.equal(Object.keys(json).sort(), ['code', 'logs', 'raw_log', 'txhash'], `${label}: pocket-core's refusal fields, no codespace`);
    assert.is(json['height'], undefined, 'height is omitempty (0 until in a block)');
    assert.match(json['txhash'] as string, /^[0-9A-F]{64}$/);
    const log = JSON.parse(json['raw_log'] as string) as Record<string, unknown>;
    assert.equal([log['codespace'], String(log['code'])], [codespace, code], `${label}: raw_log is pocket's ABCI error log`);
  }
  assert.is(node.mempool.size, 0);
  assert.is(bytesToHex(node.writer.state.store.root), root, 'no state change');
});

api('rawtx admits a valid tx (code 0), refuses its duplicate, and produce puts it in a block', async () => {
  const tx = signTx(alice, sendMsg(alice, bob, 250_000n));
  const underfunded = signTx(alice, sendMsg(alice, bob, 5_000_000_000n));
  const admitted = await post(node, '/v1/client/rawtx', rawTx(tx));
  // pocket-core's BroadcastTxSync success answer, exactly (types/abci.pb.go:32-50: every field but
  // logs is omitempty); the pocketjs SDK takes a code/codespace/raw_log/height for a failure.
  assert.equal([admitted.status, Object.keys(admitted.json).sort(), admitted.json['logs']], [200, ['logs', 'txhash'], null]);
  // Tendermint's mempool cache answers first (mempool/errors.go:11, clist_mempool.go:255-270 at
  // 59310158d3e9, the fork pocket-core's go.mod pins): BroadcastTxSync returns the error
  // (rpc/core/mempool.go:40-42), the JSON-RPC server wraps it as -32603 "Internal error"
  // (rpc/jsonrpc/types/types.go:144-150, 237-239), the HTTP client prefixes the route
  // (rpc/client/http/http.go:270-277) and pocket-core answers it as 400 (app/cmd/rpc/client.go:182-186).
  const again = await post(node, '/v1/client/rawtx', rawTx(tx));
  assert.equal([again.status, again.json['code'], again.json['error'], again.json['message']], [400, 400, 'tx_in_cache', IN_CACHE]);
  assert.is((await post(node, '/v1/client/rawtx', rawTx(underfunded))).json['code'], undefined, 'CheckTx does not run the message');
  const mempool = (await (await fetch(`${node.url}/v1/ledger/mempool`)).json()) as Record<string, unknown>;
  assert.is(mempool['txs'], 2);
  const before = (await post(node, '/v1/query/height', '{}')).json['height'] as number;
  const block = (await post(node, '/v1/ledger/produce', '')).json as { height: number; receipts: Array<{ txhash: string; code: number; codespace: string; fee_upokt: string }> };
  assert.is(block.height, before + 1);
  assert.equal(block.receipts.map((r) => [`${r.codespace}:${r.code}`, r.fee_upokt]), [[':0', '10000'], ['sdk:10', '10000']]);
  assert.is(block.receipts[0]!.txhash, admitted.json['txhash']);
  assert.is(balanceOf(node.writer.state.auth, bob.address), 250_000n);
  assert.is(node.mempool.size, 0);
  // Delivered with code 0, it stays in the cache (clist_mempool.go:591-597); delivered with a
  // failure, it leaves it and the ante handler's tx index refuses it (auth:6, x/auth/ante.go:57-64).
  const delivered = await post(node, '/v1/client/rawtx', rawTx(tx));
  assert.equal([delivered.status, delivered.json['message']], [400, IN_CACHE], 'a delivered tx is still in the cache');
  assert.is(codeIn((await post(node, '/v1/client/rawtx', rawTx(underfunded))).json), 'auth:6', 'a tx delivered with a failure is a duplicate');
  const height = (await (await fetch(`${node.url}/v1/query/height`)).json()) as Record<string, unknown>;
  assert.is(height['height'], before + 1);
});

api('rawtx with no tx bytes: CheckTx decodes nothing and answers sdk:2 in a TxResponse, as pocket-core', async () => {
  // pocket-core's SendRawTx (app/cmd/rpc/client.go:171-193) hex-decodes "" (or an absent field,
  // Go's zero value) to an empty tx without error and broadcasts it; the decoder refuses it
  // (x/auth/types/stdtx.go:303-305, sdk.ErrTxDecode "txBytes are empty"), so BroadcastTxSync
  // answers code 2 for the hash of no bytes.
  const emptyHash = 'E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855';
  for (const body of [`{"address":"${alice.address}","raw_hex_bytes":""}`, `{"address":"${alice.address}"}`, `{"address":"${alice.address}","raw_hex_bytes":null}`]) {
    const { status, json } = await post(node, '/v1/client/rawtx', body);
    assert.equal([status, json['txhash'], codeIn(json)], [200, emptyHash, 'sdk:2'], body);
  }
  assert.is(node.mempool.size, 0);
});

api('malformed and hostile requests get coded HTTP errors', async () => {
  const good = bytesToHex(signTx(alice, sendMsg(alice, bob, 9n)));
  const cases: Array<[string, string, number, string]> = [
    ['not JSON', '{"address":', 400, 'invalid_json'],
    ['prototype pollution', `{"address":"${alice.address}","raw_hex_bytes":"${good}","__proto__":{"polluted":1}}`, 400, 'hostile_json'],
    ['constructor key', `{"constructor":{"prototype":{}}}`, 400, 'hostile_json'],
    ['deep nesting', '['.repeat(10_000) + ']'.repeat(10_000), 400, 'too_deep'],
    ['an array body', '[1,2]', 400, 'invalid_request'],
    ['a number as address', `{"address":5,"raw_hex_bytes":"${good}"}`, 400, 'invalid_request'],
    ['no address', `{"raw_hex_bytes":"${good}"}`, 400, 'invalid_address'],
    ['a short address', `{"address":"abcd","raw_hex_bytes":"${good}"}`, 400, 'invalid_address'],
    ['odd hex', `{"address":"${alice.address}","raw_hex_bytes":"abc"}`, 400, 'invalid_hex'],
    ['not hex', `{"address":"${alice.address}","raw_hex_bytes":"zz"}`, 400, 'invalid_hex'],
    ['a body over 1 MiB', `{"address":"${alice.address}","raw_hex_bytes":"${'00'.repeat(600_000)}"}`, 413, 'body_too_large'],
  ];
  for (const [label, body, status, error] of cases) {
    const response = await post(node, '/v1/client/rawtx', body);
    assert.equal([response.status, response.json['error'], response.json['code']], [status, error, status], label);
    assert.type(response.json['message'], 'string');
    // A 4xx names the field it is about (a tx's hex too, as the address errors do).
    if (error === 'invalid_hex') assert.is((response.json['details'] as { field?: string } | undefined)?.field, 'raw_hex_bytes', label);
  }
  // rawtx keeps pocket-core's 1 MiB: a body past the other routes' 64 KiB still reaches the tx checks.
  const wide = await post(node, '/v1/client/rawtx', `{"address":"${alice.address}","raw_hex_bytes":"${'00'.repeat(50_000)}"}`);
  assert.ok(wide.status !== 413, `a 100 KB rawtx body is read (${wide.status} ${String(wide.json['error'] ?? wide.json['raw_log'])})`);
  const query = await post(node, '/v1/query/account', `{"address":"${alice.address}","pad":"${'0'.repeat(70_000)}"}`);
  assert.equal([query.status, query.json['error']], [413, 'body_too_large'], 'a query body past 64 KiB');
  const missing = await fetch(`${node.url}/v1/nope`);
  assert.is(missing.status, 404);
  assert.is((await (await fetch(`${node.url}/v1`)).json()) as string, 'pokt-ledger 0.1.0');
  assert.is(({} as Record<string, unknown>)['polluted'], undefined);
  assert.is(node.mempool.size, 0);
});

api('produce: a body that is not a JSON object is refused (400 invalid_request) and produces no block', async () => {
  const before = node.writer.height;
  for (const body of ['null', '"now"', '[1]', '5', 'true']) {
    const response = await post(node, '/v1/ledger/produce', body);
    assert.equal([response.status, response.json['error'], response.json['code']], [400, 'invalid_request', 400], body);
    assert.is(node.writer.height, before, `${body}: no block`);
  }
  // No parameters at all, or an object (unknown fields ignored, as on every route): a block.
  assert.is((await post(node, '/v1/ledger/produce', '{"height":5}')).json['height'], before + 1);
  assert.is((await post(node, '/v1/ledger/produce', '')).json['height'], before + 2);
});

api('the node’s blocks replay to the same roots', async () => {
  await post(node, '/v1/ledger/produce', '');
  const outcome = await replay(node.writer.dir, { workers: 1 });
  assert.ok(outcome.verified);
  assert.is(outcome.height, node.writer.height);
  assert.is(outcome.stateRoot, bytesToHex(node.writer.state.store.root));
});

api('rawtx: a tx bigger than a block can hold is refused before CheckTx (400 tx_too_large, Tendermint preCheck)', async () => {
  // Tendermint's mempool refuses it before the app sees it (at the fork's 59310158d3e9:
  // mempool/clist_mempool.go:248-252, state/tx_filter.go:10-16, mempool/mempool.go:105-122) and
  // pocket-core's SendRawTx answers the broadcast's error as HTTP 400 {code, message}
  // (app/cmd/rpc/client.go:182-186).
  const small = join(tmp.dir, 'small-blocks.json');
  writeFileSync(small, testGenesisJson({ consensusMaxBytes: '3000', accounts: [{ key: alice, balanceUpokt: 1_000_000_000n }], validators: [{ key: validator, tokensUpokt: 100_000_000_000n }], params: { pocketcore: { block_byte_size: '3000' }, auth: { max_memo_characters: '100000' } } }));
  const dir = join(tmp.dir, 'small-blocks');
  initDataDir(dir, small);
  const tiny = await startNode({ dataDir: dir, port: 0, intervalMs: 0 });
  try {
    const huge = await post(tiny, '/v1/client/rawtx', rawTx(signTx(alice, sendMsg(alice, bob, 1n), { memo: 'm'.repeat(4_000) })));
    assert.equal([huge.status, huge.json['code'], huge.json['error']], [400, 400, 'tx_too_large']);
    assert.match(huge.json['message'] as string, /too big/);
    const ok = await post(tiny, '/v1/client/rawtx', rawTx(signTx(alice, sendMsg(alice, bob, 2n))));
    assert.equal([ok.status, ok.json['code']], [200, undefined]);
    const block = (await post(tiny, '/v1/ledger/produce', '')).json as { txs: number };
    assert.is(block.txs, 1, 'the small tx is not held back');
  } finally {
    await tiny.close();
  }
});

api('a block that sets BlockByteSize below 4,000,000 leaves the block limit: the waiting tx that fits it stays and is produced (x/pocketcore/keeper/keeper.go:86-89)', async () => {
  // pocket-core logs such a value and hands Tendermint nothing (DefaultBlockByteSize 4,000,000,
  // x/pocketcore/types/params.go:20): Block.MaxBytes stays the genesis doc's 8000, so a waiting
  // tx of ~5 KB is not evicted and blocks keep carrying txs.
  const file = join(tmp.dir, 'ignored-shrink.json');
  writeFileSync(file, govGenesisJson({ consensusMaxBytes: '8000', accounts: [{ key: alice, balanceUpokt: 1_000_000_000n }], validators: [{ key: validator, tokensUpokt: 100_000_000_000n }], params: { pocketcore: { block_byte_size: '8000' }, auth: { max_memo_characters: '100000' } } }));
  const dir = join(tmp.dir, 'ignored-shrink');
  initDataDir(dir, file);
  const node = await startNode({ dataDir: dir, port: 0, intervalMs: 0, maxTxsPerBlock: 1 });
  try {
    assert.is(((await post(node, '/v1/ledger/produce', '')).json as { txs: number }).txs, 0, 'block 1 (the first block after genesis hands nothing over either way)');
    const shrink = signTx(OWNER, paramChange(OWNER, 'pocketcore/BlockByteSize', '"3000"'));
    const big = signTx(alice, sendMsg(alice, bob, 1n), { memo: 'm'.repeat(5_000) });
    const small = signTx(alice, sendMsg(alice, bob, 2n));
    for (const [tx, from] of [[shrink, OWNER.address], [big, alice.address], [small, alice.address]] as const) {
      const admitted = await post(node, '/v1/client/rawtx', rawTx(tx, from));
      assert.equal([admitted.status, admitted.json['code']], [200, undefined], JSON.stringify(admitted.json));
    }
    const budget = node.producer.nextBlockTxBudget();
    const first = (await post(node, '/v1/ledger/produce', '')).json as { txs: number };
    assert.is(first.txs, 1, 'the param change alone (one tx a block)');
    assert.is(node.writer.state.params().pocketcore.blockByteSize, 3000n);
    assert.is(node.producer.nextBlockTxBudget(), budget, 'the next block\'s budget is unchanged');
    assert.ok(node.mempool.has(txHash(big)), 'the big tx still fits a block and waits');
    const second = (await post(node, '/v1/ledger/produce', '')).json as { txs: number };
    assert.equal([second.txs, node.mempool.has(txHash(big))], [1, false], 'the big tx is produced');
    const third = (await post(node, '/v1/ledger/produce', '')).json as { txs: number };
    assert.equal([third.txs, node.mempool.size], [1, 0], 'then the small one');
    const another = await post(node, '/v1/client/rawtx', rawTx(signTx(alice, sendMsg(alice, bob, 3n), { memo: 'm'.repeat(5_000) })));
    assert.equal([another.status, another.json['code']], [200, undefined], 'and a tx of that size is still admitted');
  } finally {
    await node.close();
  }
});

api('ours: a block that lowers the block limit (BlockByteSize 104,857,600 → 4,000,000, which pocket-core hands over) lowers the next block\'s budget at once', async () => {
  // The budget is the next block's, recomputed at each height (the writer's state object is the
  // same block after block): a cached one would keep admitting, and never evict (mempool.ts
  // recheck), a tx the lowered limit cannot carry, which would hold back the FIFO behind it for
  // good. The eviction itself is not reachable here: a limit pocket-core hands over is at least
  // 4,000,000 (keeper.go:86) and a tx at most MAX_TX_BYTES (128 KiB); test/unit/node/mempool.test.ts
  // evicts with a lowered budget given directly.
  const file = join(tmp.dir, 'shrinking-blocks.json');
  writeFileSync(file, govGenesisJson({ consensusMaxBytes: '104857600', accounts: [{ key: alice, balanceUpokt: 1_000_000_000n }], validators: [{ key: validator, tokensUpokt: 100_000_000_000n }], params: { pocketcore: { block_byte_size: '104857600' } } }));
  const dir = join(tmp.dir, 'shrinking-blocks');
  initDataDir(dir, file);
  const node = await startNode({ dataDir: dir, port: 0, intervalMs: 0 });
  try {
    assert.is(((await post(node, '/v1/ledger/produce', '')).json as { txs: number }).txs, 0, 'block 1 (the first after genesis hands nothing over)');
    const before = node.producer.nextBlockTxBudget();
    assert.ok(before > 104_000_000 && before < 104_857_600, `the genesis limit less the header: ${before}`);
    const admitted = await post(node, '/v1/client/rawtx', rawTx(signTx(OWNER, paramChange(OWNER, 'pocketcore/BlockByteSize', '"4000000"')), OWNER.address));
    assert.equal([admitted.status, admitted.json['code']], [200, undefined], JSON.stringify(admitted.json));
    assert.is(((await post(node, '/v1/ledger/produce', '')).json as { txs: number }).txs, 1);
    const after = node.producer.nextBlockTxBudget();
    assert.ok(after > 3_990_000 && after < 4_000_000, `4,000,000 less the header from the next block on (state/execution.go:444-455): ${after}`);
  } finally {
    await node.close();
  }
});

const command = suite('node: the `node` command');

command('serves rawtx, produces blocks on its interval, stops on SIGTERM; the chain replays', async () => {
  const dir = freshDataDir('cli');
  const child = spawn(process.execPath, [CLI_PATH, 'node', '--data', dir, '--port', '0', '--interval', '1'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      const found = /listening on (http:\/\/\S+)/.exec(stderr);
      if (found) resolve(found[1]!);
    });
    child.on('close', (code) => reject(new Error(`node exited (${code}): ${stderr}`)));
  });
  try {
    const response = await fetch(`${url}/v1/client/rawtx`, { method: 'POST', body: rawTx(signTx(alice, sendMsg(alice, bob, 42n))) });
    assert.is(((await response.json()) as Record<string, unknown>)['code'], undefined);
    let height = 0;
    for (let tries = 0; tries < 100 && height < 2; tries++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      height = ((await (await fetch(`${url}/v1/query/height`)).json()) as { height: number }).height;
    }
    assert.ok(height >= 2, `blocks on the interval (height ${height})`);
  } finally {
    child.kill('SIGTERM');
  }
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve));
  assert.is(exitCode, 0, stderr);
  assert.match(stderr, /block 1 /);
  const replayed = JSON.parse((await runCli(['replay', '--data', dir, '--json', '--no-progress'])).stdout) as Record<string, unknown>;
  assert.is(replayed['verified'], true);
  assert.ok((replayed['txs'] as number) >= 1);
  restartDir = dir;
});

/** The chain the test above produced (no snapshots: `node` writes none by default). */
let restartDir: string | undefined;

/** Starts `node` on `dir` with `extra` options; what it wrote on stderr until it listened, then it is stopped. */
async function stderrUntilListening(dir: string, extra: readonly string[]): Promise<string> {
  const child = spawn(process.execPath, [CLI_PATH, 'node', '--data', dir, '--port', '0', '--interval', '0', ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  try {
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString('utf8');
        if (/listening on http/.test(stderr)) resolve();
      });
      child.on('close', (code) => reject(new Error(`node exited (${code}): ${stderr}`)));
    });
  } finally {
    child.kill('SIGTERM');
  }
  await new Promise((resolve) => child.on('close', resolve));
  return stderr;
}

command('a restart rebuilds the state from the log with a bar on stderr before it listens; --no-progress keeps it quiet', async () => {
  const dir = restartDir;
  assert.ok(dir !== undefined, 'the test above made the chain');
  const height = (JSON.parse((await runCli(['roots', '--data', dir, '--json'])).stdout) as unknown[]).length;
  const shown = await stderrUntilListening(dir, []);
  const bar = new RegExp(`^node \\|█+\\| 100% \\| height ${height} \\| ${height}/${height} blocks \\| [\\d,]+ blocks/s \\| [\\d,]+ tx/s \\| ETA 0s$`, 'm');
  assert.match(shown, bar);
  assert.ok(shown.search(bar) < shown.indexOf('listening on'), shown);
  const quiet = await stderrUntilListening(dir, ['--no-progress']);
  assert.not.match(quiet, /blocks\/s/);
  assert.ok(/^pokt-ledger node: chain /.test(quiet), `the first line is the node's: ${quiet}`);
});

command('bound beyond loopback (--host 0.0.0.0), the start warns that the admin routes are open to that network', async () => {
  const dir = restartDir;
  assert.ok(dir !== undefined, 'the first test made the chain');
  const exposed = await stderrUntilListening(dir, ['--no-progress', '--host', '0.0.0.0']);
  assert.match(exposed, /^warning \[admin_routes_exposed\]: bound to 0\.0\.0\.0, beyond this machine: POST \/v1\/ledger\/produce/m);
  assert.ok(exposed.indexOf('admin_routes_exposed') < exposed.indexOf('listening on'), exposed);
  assert.not.match(await stderrUntilListening(dir, ['--no-progress', '--host', '127.0.0.1']), /admin_routes_exposed/);
});

command('SIGTERM while the state is rebuilt at start: it stops there, says so, exits 0 and releases the log\'s lock', async () => {
  // Long enough that the replay is still running when the signal lands (~1 s of replay at least).
  const dir = freshDataDir('stop-while-starting');
  const writer = await ChainWriter.open(dir, { fsync: 'never' });
  for (let i = 0; i < 3_000; i++) writer.produce({ timeNs: writer.lastBlockTimeNs + BLOCK_INTERVAL_NS, txs: [] });
  writer.close();
  const child = spawn(process.execPath, [CLI_PATH, 'node', '--data', dir, '--port', '0', '--interval', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
    // The progress bar's first line: the replay has started.
    if (/^node \|/m.test(stderr) && child.exitCode === null && !child.killed) child.kill('SIGTERM');
  });
  const [exitCode, signal] = await new Promise<[number | null, string | null]>((resolve) => child.on('close', (code, by) => resolve([code, by])));
  assert.equal([exitCode, signal], [0, null], `exits 0, not killed by the signal: ${stderr}`);
  assert.match(stderr, /pokt-ledger node: stopped while rebuilding the state/);
  assert.not.match(stderr, /listening on/);
  assert.not.ok(existsSync(join(dir, 'events', 'LOCK')), 'the lock is released');
});

command.after(() => tmp.remove());

api.run();
command.run();
