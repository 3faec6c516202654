/**
 * Goal (issue 10 item 6): connections cannot be held forever. Slow-header (slowloris), slow-body
 * and silent clients are cut off within their deadline (+ Node's 1 s check interval); beyond the
 * connection cap, a new connection is closed at once (a refused connection, never a stuck
 * producer); the node keeps producing blocks and answering requests throughout.
 * The descriptor case runs a child node under `ulimit -n 256` (128 no longer suffices for loading the program's modules) with a cap of 40 and a
 * 400-client flood.
 * Method: a node on loopback with short deadlines (0.5 s headers, 1 s request) and raw TCP
 * clients (node:net) that trickle bytes often enough to defeat an idle timeout; every client's
 * lifetime is measured. Bounded: each case ends within a few seconds.
 */
import { connect, type Socket } from 'node:net';
import { spawn } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { startNode, type RunningNode } from '../../../src/node/node.js';
import { initDataDir } from '../../../src/runtime/data-dir.js';
import { testGenesisJson, testKey } from '../../helpers/chain.js';
import { CLI_PATH, scratch } from '../../helpers/sim.js';

const tmp = scratch('connections');
const genesisFile = join(tmp.dir, 'genesis.json');
writeFileSync(genesisFile, testGenesisJson({ accounts: [{ key: testKey('alice'), balanceUpokt: 1_000_000n }], validators: [{ key: testKey('validator-1'), tokensUpokt: 100_000_000_000n }] }));
const LIMITS = { headersTimeoutMs: 500, requestTimeoutMs: 1_000, keepAliveTimeoutMs: 300, idleTimeoutMs: 1_000 };
/** Node checks the header/request deadlines once a second; allow that plus scheduling slack. */
const GRACE_MS = 1_000 + 700;

interface Client {
  readonly socket: Socket;
  /** Milliseconds from connect to close (resolves when the server closes it). */
  readonly closedAfter: Promise<number>;
  readonly received: () => string;
}

/** A TCP client that writes `first`, then `trickle` every 150 ms until the server closes it. */
function client(port: number, first: string, trickle: string | undefined): Client {
  const socket = connect(port, '127.0.0.1');
  const started = Date.now();
  let received = '';
  let timer: NodeJS.Timeout | undefined;
  socket.on('connect', () => {
    if (first !== '') socket.write(first);
    if (trickle !== undefined) timer = setInterval(() => socket.writable && socket.write(trickle), 150);
  });
  socket.on('data', (chunk) => (received += chunk.toString('latin1')));
  socket.on('error', () => undefined); // ECONNRESET when cut: what we expect
  const closed = new Promise<number>((resolve) =>
    socket.on('close', () => {
      clearInterval(timer);
      resolve(Date.now() - started);
    }),
  );
  // Bounded: a client still open after 5 s counts as held forever (then the test fails, not hangs).
  const closedAfter = Promise.race([closed, new Promise<number>((resolve) => setTimeout(() => resolve(Infinity), 5_000).unref())]).then((ms) => {
    socket.destroy();
    clearInterval(timer);
    return ms;
  });
  return { socket, closedAfter, received: () => received };
}

const slowHeader = (port: number): Client => client(port, 'POST /v1/query/height HTTP/1.1\r\nHost: x\r\n', 'X-Slow: 1\r\n');
// Under the query routes' 64 KiB body limit (request-body.ts), or it would be refused (413) before any wait.
const slowBody = (port: number): Client => client(port, 'POST /v1/query/height HTTP/1.1\r\nHost: x\r\nContent-Length: 50000\r\n\r\n', '{');
const silent = (port: number): Client => client(port, '', undefined);

async function height(node: RunningNode): Promise<number> {
  const response = await fetch(`${node.url}/v1/query/height`);
  return ((await response.json()) as { height: number }).height;
}

async function startTestNode(name: string, maxConnections: number): Promise<RunningNode> {
  const dataDir = join(tmp.dir, name);
  initDataDir(dataDir, genesisFile);
  return startNode({ dataDir, port: 0, intervalMs: 100, http: { ...LIMITS, maxConnections } });
}

const connections = suite('node: connection deadlines and cap');

connections.after(() => tmp.remove());

connections('slow-header, slow-body and silent clients are cut off within their deadlines; the node keeps working', async () => {
  const node = await startTestNode('slow', 200);
  try {
    const headers = Array.from({ length: 30 }, () => slowHeader(node.port));
    const bodies = Array.from({ length: 30 }, () => slowBody(node.port));
    const silents = Array.from({ length: 10 }, () => silent(node.port));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const before = await height(node);
    const lifetimes = await Promise.all([...headers, ...bodies, ...silents].map((c) => c.closedAfter));
    const worst = (from: number, to: number): number => Math.max(...lifetimes.slice(from, to));
    assert.ok(worst(0, 30) <= LIMITS.headersTimeoutMs + GRACE_MS, `slow headers held ${worst(0, 30)} ms`);
    assert.ok(worst(30, 60) <= LIMITS.requestTimeoutMs + GRACE_MS, `slow bodies held ${worst(30, 60)} ms`);
    assert.ok(worst(60, 70) <= LIMITS.headersTimeoutMs + GRACE_MS, `silent clients held ${worst(60, 70)} ms`);
    assert.ok(Math.min(...lifetimes.slice(30, 60)) >= LIMITS.requestTimeoutMs - 100, 'the slow bodies were allowed their request deadline');
    assert.ok(bodies.every((c) => c.received() === '' || c.received().startsWith('HTTP/1.1 408')), 'a cut request gets 408 or nothing');
    assert.ok((await height(node)) > before, 'blocks were produced meanwhile');
  } finally {
    await node.close();
  }
});

connections('beyond the cap a connection is refused at once; the held ones expire and the node serves again', async () => {
  const cap = 8;
  const node = await startTestNode('cap', cap);
  try {
    const held = Array.from({ length: cap }, () => slowHeader(node.port));
    // The held connections take every slot before the excess arrive: waited for on the server, not for 200 ms.
    const accepted = (): Promise<number> => new Promise((resolve, reject) => node.server.server.getConnections((error, count) => (error ? reject(error) : resolve(count))));
    const bound = performance.now() + 30_000;
    while ((await accepted()) < cap && performance.now() < bound) await new Promise((resolve) => setTimeout(resolve, 5));
    assert.is(await accepted(), cap, 'the held connections were accepted');
    const excess = Array.from({ length: 5 }, () => client(node.port, 'GET /v1 HTTP/1.1\r\nHost: x\r\n\r\n', undefined));
    const refusedAfter = await Promise.all(excess.map((c) => c.closedAfter));
    // At once: while the held connections still hold their slots (their headers deadline is 0.5 s), not
    // queued until one frees — an order, where "within 400 ms" was a time a loaded machine could overrun.
    assert.ok(held.every((c) => !c.socket.closed), `excess connections closed after ${Math.max(...refusedAfter)} ms, after a held one was cut`);
    assert.ok(excess.every((c) => c.received() === ''), 'no answer beyond the cap');
    const before = node.writer.height;
    await Promise.all(held.map((c) => c.closedAfter));
    const served = await height(node); // blocks come every 100 ms: the answer may be one behind by now
    assert.ok(served >= before && served <= node.writer.height, 'serving again once the held connections expired');
    assert.ok(node.writer.height > before, 'producing throughout');
  } finally {
    await node.close();
  }
});

connections('out of descriptors: with the cap below `ulimit -n`, excess connections are refused and blocks and snapshots go on', async () => {
  const dataDir = join(tmp.dir, 'fds');
  initDataDir(dataDir, genesisFile);
  // A child node limited to 256 descriptors, capped at 40 connections, a block and a snapshot every second.
  const args = [CLI_PATH, 'node', '--data', dataDir, '--port', '0', '--interval', '1', '--snapshot-every', '1', '--keep-snapshots', '1000', '--max-connections', '40', '--headers-timeout', '1500'];
  const child = spawn('sh', ['-c', `ulimit -n 256 && exec "${process.execPath}" ${args.map((arg) => `'${arg}'`).join(' ')}`], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  try {
    const deadline = Date.now() + 30_000;
    while (!/listening on http:\/\/127\.0\.0\.1:(\d+)/.test(stderr) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    const port = Number(/listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(stderr)?.[1]);
    assert.ok(port > 0, stderr);
    const flood = Array.from({ length: 400 }, () => slowHeader(port));
    await Promise.all(flood.map((c) => c.closedAfter));
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    const health = await fetch(`http://127.0.0.1:${port}/v1/ledger/health`);
    assert.is(health.status, 200, stderr);
    const blocks = [...stderr.matchAll(/^block (\d+) /gm)].length;
    assert.ok(blocks >= 2, `blocks produced during the flood: ${blocks}`);
    assert.not.match(stderr, /paused|failed \(production continues|EMFILE/, 'no block or snapshot failed');
    assert.ok(readdirSync(join(dataDir, 'snapshots')).filter((name) => name.endsWith('.snap')).length >= blocks - 1, 'a snapshot per block');
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('close', resolve));
  }
});

connections.run();
