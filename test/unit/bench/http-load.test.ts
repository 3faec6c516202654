/**
 * Goal: the benchmarks' load client resends a request exactly when its REUSED keep-alive
 * connection was reset before any answer (the server closed it as the request went out), and
 * fails on everything else — a reset on a fresh connection, a refused connection, a non-200 —
 * so a dead or refusing server never turns into a figure.
 * Method: loopback node:http servers that destroy the socket of chosen requests without
 * answering: the 2nd request of every connection (a reused one), or every request.
 * Also: the service's own time on each answer (Server-Timing, src/query/http-app.ts) read back,
 * against a route of the real HTTP app that waits 4 ms.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { loadClient, openLoop, serverTimingMs } from '../../../bench/lib/http-load.js';
import { createHttpApp } from '../../../src/query/http-app.js';

const test = suite("bench/http-load: resends, failures and the service's own time");

/** A server answering 200 `{}` except where `drop(n)` (n = the request's number on its connection, from 1) says to reset. */
async function serverDropping(drop: (nthOnConnection: number) => boolean, status = 200): Promise<{ server: Server; port: number }> {
  const counts = new WeakMap<object, number>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const n = (counts.get(req.socket) ?? 0) + 1;
    counts.set(req.socket, n);
    req.resume();
    req.on('end', () => {
      if (drop(n)) req.socket.destroy();
      else res.writeHead(status, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

/** The message a send fails with (the test fails if it answers). */
async function failure(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  assert.unreachable('the send answered');
  return '';
}

const close = (server: Server): Promise<void> => new Promise((resolve) => server.close(() => resolve()));

test('the 2nd request on each connection reset: every request answered, each reset one resent once', async () => {
  const { server, port } = await serverDropping((n) => n === 2);
  const client = loadClient(1);
  try {
    for (let i = 0; i < 4; i++) assert.is((await client.send({ port, path: '/x', body: '{}' })).status, 200);
    // One connection at a time: send 1 is connection A's 1st request; send 2 reuses A (its 2nd:
    // reset) and is resent as B's 1st; sends 3 and 4 likewise reuse B and C → 3 resends.
    assert.is(client.retries, 3);
  } finally {
    client.close();
    await close(server);
  }
});

test('a reset on a fresh connection, a refused connection and a non-200 answer fail', async () => {
  const dropping = await serverDropping(() => true);
  const refusing = await serverDropping(() => false, 503);
  const client = loadClient(1);
  try {
    assert.match(await failure(client.send({ port: dropping.port, path: '/x', body: '{}' })), /socket hang up \(a new connection\)/);
    assert.match(await failure(client.send({ port: refusing.port, path: '/x', body: '{}' })), /HTTP 503/);
    await close(dropping.server);
    assert.match(await failure(client.send({ port: dropping.port, path: '/x', body: '{}' })), /ECONNREFUSED/);
    assert.is(client.retries, 0);
  } finally {
    client.close();
    await close(refusing.server);
  }
});

test('Server-Timing: the app metric is read among others, absent or foreign headers give none', () => {
  assert.is(serverTimingMs('app;dur=0.412'), 0.412);
  assert.is(serverTimingMs('db;dur=53, app;dur=47.2'), 47.2);
  assert.is(serverTimingMs(['cache;desc="hit"', 'app;dur=3']), 3);
  assert.is(serverTimingMs('miss, db;dur=53'), undefined);
  assert.is(serverTimingMs('apple;dur=5'), undefined);
  assert.is(serverTimingMs(undefined), undefined);
});

test("an open-loop sample against the query service's HTTP app splits each answer's time: inside the service ≤ at the client", async () => {
  // A route that holds every answer ~4 ms on a timer, so the service's share is known to be ≥ 4 ms.
  const app = await createHttpApp();
  app.post('/slow', () => new Promise((resolve) => setTimeout(() => resolve({}), 4)));
  await app.listen({ host: '127.0.0.1', port: 0 });
  const port = (app.server.address() as AddressInfo).port;
  const client = loadClient(4);
  try {
    const sample = await openLoop(client, () => ({ port, path: '/slow', body: '{}' }), 40, 200);
    assert.ok(sample.server !== undefined, 'every answer carried Server-Timing');
    assert.ok(sample.server.p50 >= 3.5, `inside the service p50 ${sample.server.p50} ms, the route waits 4 ms`);
    assert.ok(sample.server.p50 <= sample.p50 && sample.server.p99 <= sample.max, `service ${JSON.stringify(sample.server)} within the client's p50 ${sample.p50} / max ${sample.max}`);
  } finally {
    client.close();
    await app.close();
  }
});

test('a server without Server-Timing gives an open-loop sample with no service split', async () => {
  const { server, port } = await serverDropping(() => false);
  const client = loadClient(2);
  try {
    const sample = await openLoop(client, () => ({ port, path: '/x', body: '{}' }), 10, 500);
    assert.is(sample.server, undefined);
  } finally {
    client.close();
    await close(server);
  }
});

test.run();
