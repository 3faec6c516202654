/**
 * Goal: one client cannot make the query service hold its answers in memory by pipelining requests
 * and never reading (review of 2026-12-05: 500 `rewards` requests with per_page 1,000 in one
 * 65 KB write held ~1 GB per connection and stalled other clients; http-limits.ts maxPipelined).
 * Such a connection is closed once more than 8 of its requests wait for their answers to leave,
 * and a client that pipelines a few requests and reads them gets every answer.
 * Method: the projected simulated chain served on a loopback port; raw TCP clients (node:net).
 * The not-reading client's socket is paused, so its answers pile up in the server as in the attack,
 * until the server's own end of the connection (the service runs in-process) has closed.
 */
import { connect, type Socket } from 'node:net';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { projectedSimChain, serveInProcess, type Served } from '../../helpers/query.js';

const test = suite('query service: pipelined requests without reading are cut off; unparseable requests');
let served: Served;
let port = 0;
/** The server's end of each connection (the service runs in this process), by the client's port. */
const serverEnds = new Map<number, Socket>();
const serverEndWanted = new Map<number, (socket: Socket) => void>();

test.before(async () => {
  served = await serveInProcess((await projectedSimChain()).dir);
  served.app.server.on('connection', (socket: Socket) => {
    serverEnds.set(socket.remotePort!, socket);
    serverEndWanted.get(socket.remotePort!)?.(socket);
  });
  await served.app.listen({ host: '127.0.0.1', port: 0 });
  const address = served.app.server.address();
  port = typeof address === 'object' && address !== null ? address.port : 0;
});
test.after(() => served.close());

/** Resolves once the server's end of the connection from `clientPort` has closed. */
function serverClosed(clientPort: number): Promise<void> {
  const end = new Promise<Socket>((resolve) => {
    const known = serverEnds.get(clientPort);
    if (known !== undefined) resolve(known);
    else serverEndWanted.set(clientPort, resolve);
  });
  return end.then((socket) => (socket.closed ? undefined : new Promise<void>((resolve) => socket.once('close', () => resolve()))));
}

const rewards = (perPage: number): string => {
  const body = JSON.stringify({ per_page: perPage });
  return `POST /v1/query/rewards HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`;
};

/** Upper bound for a server that neither closes nor answers: the checks then fail; never reached otherwise. */
const BOUND_MS = 30_000;

interface Piped {
  readonly closed: boolean;
  readonly received: string;
  readonly bytes: number;
  /** Still open when `enough` held first (the caller destroys it). */
  readonly socket: Socket;
}

/**
 * Writes `requests` in one go and reads until the connection is closed or `enough` holds for what
 * arrived. Not `reading`: the socket stays paused — its answers pile up in the server, as in the
 * attack — until the server has closed its end (seen on the server's own socket: a paused socket
 * does not notice), then reads what reached it. Never a fixed time: a loaded machine answers
 * slowly, and a client that resumed reading after a second let a slow server drain its answers.
 */
function pipeline(requests: string, reading: boolean, enough: (received: string) => boolean = () => false): Promise<Piped> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    let bytes = 0;
    let closed = false;
    let settled = false;
    const settle = (): void => {
      if (settled) return;
      settled = true;
      clearTimeout(bound);
      resolve({ closed, received, bytes, socket });
    };
    const bound = setTimeout(() => {
      socket.destroy();
      settle();
    }, BOUND_MS);
    if (!reading) socket.pause();
    socket.on('connect', () => {
      socket.write(requests);
      if (!reading) void serverClosed(socket.localPort!).then(() => socket.resume());
    });
    socket.on('data', (chunk) => {
      bytes += chunk.length;
      if (received.length < 100_000) received += chunk.toString('latin1');
      if (enough(received)) settle();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      closed = true;
      settle();
    });
  });
}

const answers = (received: string): number => received.split('HTTP/1.1 200').length - 1;

test('500 large pipelined requests, never read: the connection is closed', async () => {
  const total = (await (await fetch(`http://127.0.0.1:${port}/v1/query/rewards`, { method: 'POST', body: '{"per_page":1}' })).json()) as { total: number };
  assert.ok(total.total >= 1_000, `the seeded chain has a full page of reward lines (${total.total}), so each answer is large`);
  const attack = await pipeline(rewards(1_000).repeat(500), false);
  assert.ok(attack.closed, 'the server closed the connection that does not read its answers');
  // Each answer is ~1.3 MB here: at most the 8 allowed to wait (and the one being written) reached it.
  assert.ok(attack.bytes < 9 * 1.5e6, `${attack.bytes} bytes sent to it, at most 9 answers' worth`);
  // The service still answers everyone else.
  const height = await fetch(`http://127.0.0.1:${port}/v1/query/height`, { method: 'POST', body: '{}' });
  assert.is(height.status, 200);
});

test('4 pipelined requests, read: 4 answers, the connection stays open', async () => {
  const polite = await pipeline(rewards(10).repeat(4), true, (received) => answers(received) >= 4);
  try {
    assert.is(answers(polite.received), 4, polite.received.slice(0, 200));
    assert.not.ok(polite.closed, 'kept alive');
    // Kept alive: the same connection answers a fifth request (rather than "not closed within 1.5 s").
    const fifth = await new Promise<string>((resolve) => {
      let more = '';
      const bound = setTimeout(() => resolve(more), BOUND_MS);
      polite.socket.on('data', (chunk: Buffer) => {
        more += chunk.toString('latin1');
        if (answers(more) >= 1) (clearTimeout(bound), resolve(more));
      });
      polite.socket.on('close', () => (clearTimeout(bound), resolve(more)));
      polite.socket.write(rewards(10));
    });
    assert.is(answers(fifth), 1, `the kept-alive connection answers again: ${fifth.slice(0, 200)}`);
  } finally {
    polite.socket.destroy();
  }
});

test('a request Node cannot parse: a coded JSON 400 in the service\'s shape, then the connection is closed', async () => {
  for (const raw of ['GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n', 'NOT-A-METHOD / HTTP/1.1\r\n\r\n', 'GET / HTTP/1.1\r\nHo\u0000st: x\r\n\r\n']) {
    const answer = await pipeline(raw, true);
    assert.ok(answer.closed, JSON.stringify(raw));
    assert.match(answer.received, /^HTTP\/1\.1 400 /, JSON.stringify(raw));
    const body = JSON.parse(answer.received.slice(answer.received.indexOf('\r\n\r\n') + 4)) as { code: number; error: string };
    assert.equal([body.code, body.error], [400, 'malformed_http'], JSON.stringify(raw));
  }
});

test.run();
