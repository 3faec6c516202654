/**
 * Goal: one client's flood of heavy queries does not hold everyone else's answers, and a client
 * with too many requests waiting is refused with a coded 429 (src/query/client-turns.ts; review
 * of 2026-12-05: 300 parallel `rewards` pages of 1,000 lines held other clients ~7 s).
 * Method: ClientTurns alone (grant order, refusal, a waiter that goes away); then the compiled
 * `serve` in its own process on the projected simulated chain, flooded over 30 kept-alive raw TCP
 * connections from 127.0.0.1 while another client asks from 127.0.0.2 (Linux routes all of 127/8
 * to lo); each case was seen to fail with the turns taken out (shareTurnsByClient a no-op).
 */
import { connect, type Socket } from 'node:net';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { awayFromTurn, ClientTurns, shareTurnsByClient, type Turn, type TurnRequest } from '../../../src/query/client-turns.js';
import { createHttpApp } from '../../../src/query/http-app.js';
import { projectedSimChain, spawnServe } from '../../helpers/query.js';
import { runCli } from '../../helpers/sim.js';

const test = suite('query service: clients take turns; a flood waits behind its own requests');

const nextPass = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Passes of the event loop until `condition` holds; fails only if it has not after 30 s (something is truly wrong). */
async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = performance.now() + 30_000;
  while (!condition()) {
    if (performance.now() > deadline) assert.unreachable(`${what}: not within 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

function asked(request: TurnRequest): { readonly turn: Promise<Turn>; readonly cancel: () => void } {
  if (request === 'refused') throw new Error('refused');
  return request;
}

test('turns go round robin between clients, one pass of the event loop after they are freed', async () => {
  const turns = new ClientTurns({ answersInService: 1, maxWaitingPerClient: 10 });
  const order: string[] = [];
  const held: Turn[] = [];
  const ask = (client: string, label: string): void => void asked(turns.request(client)).turn.then((turn) => (order.push(label), held.push(turn)));
  for (let i = 1; i <= 4; i++) ask('a', `a${i}`);
  ask('b', 'b1');
  ask('b', 'b2');
  ask('c', 'c1');
  assert.equal(order, [], 'nothing is granted in the pass that asked');
  await nextPass();
  assert.equal(order, ['a1']);
  for (let i = 0; i < 6; i++) {
    held.shift()!.release();
    assert.is(held.length, 0, 'one turn in service at a time');
    await nextPass();
  }
  // a1, then one request per client in turn; a client served goes to the back of the rotation.
  assert.equal(order, ['a1', 'b1', 'c1', 'a2', 'b2', 'a3', 'a4']);
  assert.is(turns.queued, 0);
  assert.is(turns.serving, 1);
  held.shift()!.release();
  assert.is(turns.serving, 0);
});

test('a released turn is released once; several turns are in service at once', async () => {
  const turns = new ClientTurns({ answersInService: 3, maxWaitingPerClient: 10 });
  const granted: Turn[] = [];
  for (let i = 0; i < 5; i++) void asked(turns.request('a')).turn.then((turn) => granted.push(turn));
  await nextPass();
  assert.is(granted.length, 3);
  assert.is(turns.serving, 3);
  granted[0]!.release();
  granted[0]!.release();
  assert.is(turns.serving, 2, 'a second release of the same turn frees nothing more');
  await nextPass();
  assert.is(granted.length, 4);
  assert.is(turns.serving, 3);
});

test('a client with maxWaitingPerClient requests waiting is refused; others are not', () => {
  const turns = new ClientTurns({ answersInService: 1, maxWaitingPerClient: 2 });
  assert.is.not(turns.request('a'), 'refused');
  assert.is.not(turns.request('a'), 'refused');
  assert.is(turns.request('a'), 'refused');
  assert.is.not(turns.request('b'), 'refused');
  assert.is(turns.queued, 3);
});

test('a request cancelled while waiting leaves its queue and is never granted', async () => {
  const turns = new ClientTurns({ answersInService: 1, maxWaitingPerClient: 2 });
  const order: string[] = [];
  const first = asked(turns.request('a'));
  const second = asked(turns.request('a'));
  void first.turn.then(() => order.push('first'));
  void second.turn.then(() => order.push('second'));
  first.cancel();
  assert.is(turns.queued, 1);
  assert.is.not(turns.request('a'), 'refused', 'the cancelled request no longer counts against the limit');
  await nextPass();
  assert.equal(order, ['second']);
});

test('a request awaiting slow work away from its turn (awayFromTurn: dispatch\'s replay) does not hold up the others', async () => {
  for (const away of [true, false]) {
    const app = await createHttpApp();
    const turns = shareTurnsByClient(app, { answersInService: 1, maxWaitingPerClient: 10 });
    let finishSlow: () => void = () => undefined;
    const slowWork = new Promise<void>((resolve) => (finishSlow = resolve));
    let slowStarted: () => void = () => undefined;
    const slowInRoute = new Promise<void>((resolve) => (slowStarted = resolve));
    app.post('/slow', async (request) => {
      const working = away ? awayFromTurn(request, slowWork) : slowWork;
      slowStarted();
      await working;
      return { slow: true };
    });
    app.post('/fast', async () => ({ fast: true }));
    await app.ready();
    try {
      const order: string[] = [];
      const slow = app.inject({ method: 'POST', url: '/slow', payload: '{}' }).then(() => order.push('slow'));
      // The slow request is in its route (holding its turn, or away from it) before the fast one is sent.
      await slowInRoute;
      const fast = app.inject({ method: 'POST', url: '/fast', payload: '{}' }).then(() => order.push('fast'));
      // The slow work ends only once the fast request was answered or waits for a turn — not after
      // a fixed time, which a loaded machine could overrun before the fast request reached its turn.
      await until(() => order.includes('fast') || turns.queued === 1, 'the fast request answered or waiting for a turn');
      finishSlow();
      await Promise.all([slow, fast]);
      // Away from its turn, the slow request lets the fast one through; holding it, the only turn is taken until it ends.
      assert.equal(order, away ? ['fast', 'slow'] : ['slow', 'fast'], `away=${away}`);
    } finally {
      await app.close();
    }
  }
});

/**
 * A kept-alive connection from `localAddress` (as a browser's or the SDK's): `post` sends one
 * request and resolves with its answer (read by Content-Length), one at a time.
 */
class Connection {
  private buffered = Buffer.alloc(0);
  private waiting: ((answer: { status: number; head: string; body: string }) => void) | undefined;
  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffered = Buffer.concat([this.buffered, chunk]);
      this.answerIfWhole();
    });
  }

  static open(port: number, localAddress: string): Promise<Connection> {
    return new Promise((resolve, reject) => {
      const socket = connect({ port, host: '127.0.0.1', localAddress }, () => resolve(new Connection(socket)));
      socket.once('error', reject);
    });
  }

  /** `forwardedFor`: an X-Forwarded-For header, as a reverse proxy adds. */
  post(path: string, body: string, forwardedFor?: string): Promise<{ status: number; head: string; body: string }> {
    const forwarded = forwardedFor === undefined ? '' : `X-Forwarded-For: ${forwardedFor}\r\n`;
    return new Promise((resolve) => {
      this.waiting = resolve;
      this.socket.write(`POST ${path} HTTP/1.1\r\nHost: x\r\n${forwarded}Content-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
    });
  }

  private answerIfWhole(): void {
    const end = this.buffered.indexOf('\r\n\r\n');
    if (end < 0) return;
    const head = this.buffered.subarray(0, end).toString('latin1');
    const length = Number(/\r\ncontent-length: (\d+)/i.exec(head)?.[1] ?? 0);
    if (this.buffered.length < end + 4 + length) return;
    const body = this.buffered.subarray(end + 4, end + 4 + length).toString('utf8');
    this.buffered = this.buffered.subarray(end + 4 + length);
    const resolve = this.waiting!;
    this.waiting = undefined;
    resolve({ status: Number(/^HTTP\/1\.1 (\d+)/.exec(head)?.[1] ?? 0), head, body });
  }

  close(): void {
    this.socket.destroy();
  }
}

/** `count` connections from `localAddress`, each answered once already (so the server has accepted them all). */
async function openConnections(port: number, localAddress: string, count: number): Promise<Connection[]> {
  const connections = await Promise.all(Array.from({ length: count }, () => Connection.open(port, localAddress)));
  for (const connection of connections) assert.is((await connection.post('/v1/query/height', '{}')).status, 200);
  return connections;
}

/*
 * Why kept-alive connections: Node accepts one new connection per pass of its event loop (one
 * accept per readiness of the listening socket, libuv), so a client's NEW connection waits in the
 * kernel's accept queue behind every connection opened before it, whatever the service does —
 * turns share what the service reads, and it reads every open connection at each pass.
 */
test('serve: during a flood of heavy queries over 30 connections, another client\'s query is answered after a few of them, not after a pass of all', async () => {
  const { child, url } = spawnServe(['--data', (await projectedSimChain()).dir]);
  const opened: Connection[] = [];
  try {
    const port = Number(new URL(await url).port);
    const [light] = await openConnections(port, '127.0.0.2', 1);
    const flood = await openConnections(port, '127.0.0.1', 30);
    opened.push(light!, ...flood);
    const heavy = JSON.stringify({ per_page: 1_000 });
    let heavyAnswers = 0;
    let stop = false;
    // Closed loop: each flood connection sends its next heavy query as soon as it has an answer.
    const flooding = flood.map(async (connection) => {
      while (!stop) {
        assert.is((await connection.post('/v1/query/rewards', heavy)).status, 200);
        heavyAnswers++;
      }
    });
    const measured: number[] = [];
    for (let round = 0; round < 3; round++) {
      const before = heavyAnswers;
      const answer = await light!.post('/v1/query/height', '{}');
      assert.is(answer.status, 200, answer.body.slice(0, 300));
      measured.push(heavyAnswers - before);
    }
    stop = true;
    await Promise.all(flooding);
    // With turns: the ~4 in service, then one round of the 2 clients (~4–8). Without: the 30 read in the same pass (~30–60).
    assert.ok(Math.max(...measured) <= 15, `heavy answers between the light query and its answer, 3 rounds: ${measured.join(', ')}`);
  } finally {
    for (const connection of opened) connection.close();
    child.kill('SIGTERM');
  }
});

test('serve: a client with more than --max-waiting-per-client requests waiting gets 429 too_many_requests with Retry-After; the others are answered', async () => {
  const { child, url } = spawnServe(['--data', (await projectedSimChain()).dir, '--max-waiting-per-client', '4']);
  const opened: Connection[] = [];
  try {
    const port = Number(new URL(await url).port);
    const flood = await openConnections(port, '127.0.0.1', 30);
    opened.push(...flood);
    const answers = await Promise.all(flood.map((connection) => connection.post('/v1/query/rewards', JSON.stringify({ per_page: 500 }))));
    const refused = answers.filter((a) => a.status === 429);
    const answered = answers.filter((a) => a.status === 200);
    assert.is(refused.length + answered.length, 30, answers.map((a) => a.status).join(','));
    assert.ok(refused.length >= 1, `some of 30 simultaneous requests are refused (${refused.length})`);
    assert.ok(answered.length >= 4, `the ones waiting within the limit are answered (${answered.length})`);
    assert.match(refused[0]!.head, /\r\nretry-after: 1(\r\n|$)/i);
    const json = JSON.parse(refused[0]!.body) as { code: number; error: string; message: string; details: { max_waiting_per_client: number } };
    assert.is(json.code, 429);
    assert.is(json.error, 'too_many_requests');
    assert.is(json.details.max_waiting_per_client, 4);
    assert.match(json.message, /127\.0\.0\.1 has 4 requests waiting/);
    // The same client is answered again once its requests were answered.
    assert.is((await flood[0]!.post('/v1/query/height', '{}')).status, 200);
  } finally {
    for (const connection of opened) connection.close();
    child.kill('SIGTERM');
  }
});

/** 30 simultaneous `rewards` pages over `flood`, the i-th forwarded for `forwardedFor(i)`: the statuses and the first 429's body. */
async function forwardedFlood(flood: readonly Connection[], forwardedFor: (i: number) => string): Promise<{ statuses: number[]; refusal: string | undefined }> {
  const answers = await Promise.all(flood.map((connection, i) => connection.post('/v1/query/rewards', JSON.stringify({ per_page: 500 }), forwardedFor(i))));
  return { statuses: answers.map((a) => a.status), refusal: answers.find((a) => a.status === 429)?.body };
}

test('serve --trust-proxy: clients behind the proxy take turns by their X-Forwarded-For address; from an untrusted peer the header is ignored', async () => {
  const chain = (await projectedSimChain()).dir;
  for (const trusted of [true, false]) {
    const { child, url } = spawnServe(['--data', chain, '--max-waiting-per-client', '2', ...(trusted ? ['--trust-proxy', '127.0.0.1'] : [])]);
    const opened: Connection[] = [];
    try {
      const port = Number(new URL(await url).port);
      opened.push(...(await openConnections(port, '127.0.0.1', 30)));
      // 30 clients behind the proxy, one request each: none has more than 1 waiting.
      const distinct = await forwardedFlood(opened, (i) => `10.0.0.${i + 1}`);
      const refusedDistinct = distinct.statuses.filter((status) => status === 429).length;
      if (trusted) assert.is(refusedDistinct, 0, `30 forwarded clients with one request each: ${distinct.statuses.join(',')}`);
      else assert.ok(refusedDistinct >= 1, `untrusted peer: its made-up addresses are one client (${distinct.statuses.join(',')})`);
      // One client behind the proxy sending all 30: refused by its own address.
      const one = await forwardedFlood(opened, () => '10.0.0.7');
      assert.ok(one.statuses.some((status) => status === 429), one.statuses.join(','));
      assert.match(one.refusal!, trusted ? /10\.0\.0\.7 has 2 requests waiting/ : /127\.0\.0\.1 has 2 requests waiting/);
    } finally {
      for (const connection of opened) connection.close();
      child.kill('SIGTERM');
    }
  }
});

test('serve --trust-proxy with something that is not an address or a range: a usage error (exit 2)', async () => {
  for (const bad of ['nonsense', '10.0.0.0/33', '127.0.0.1,', '::1/129']) {
    const run = await runCli(['serve', '--data', (await projectedSimChain()).dir, '--port', '0', '--trust-proxy', bad, '--json']);
    assert.is(run.code, 2, `${bad}: ${run.stdout}${run.stderr}`);
    assert.is((JSON.parse(run.stdout) as { error: { code: string } }).error.code, 'invalid_option', bad);
  }
});

test.run();
