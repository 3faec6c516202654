/**
 * What Node's HTTP server would answer on its own, before Fastify sees a request — answered here
 * in the service's one error shape `{code, message, error}` (http-error.ts) instead of Node's
 * empty bodies or a dropped connection (QA of 2026-12-06):
 *
 *   malformed request line or headers   400 malformed_http       (was Fastify's default shape;
 *                                                                 after the answer a good request
 *                                                                 before them is still owed)
 *   headers past the size limit         431 headers_too_large
 *   request past its deadline           408 request_timeout
 *   HTTP/1.1 without a Host header      400 missing_host         (was 400 with no body)
 *   an Expect other than 100-continue   417 expectation_failed   (was 417 with no body, kept open)
 *   Expect: 100-continue, body > 1 MiB  413 body_too_large       before the client sends the body
 *   CONNECT                             405 method_not_allowed   (was a dropped connection)
 *   a connection past its address's cap 429 too_many_connections (http-limits.ts)
 *   a connection owed no answer at close closed at once           (was held until its idle timeout)
 *
 * Each of these closes the connection: nothing after them on the stream can be trusted or read.
 */
import { STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { sendError } from './http-error.js';
import { MAX_BODY_BYTES } from './request-body.js';

function errorText(status: number, code: string, message: string, details?: Record<string, unknown>): string {
  return JSON.stringify({ code: status, message, error: code, ...(details === undefined ? {} : { details }) });
}

/** An answer written on a raw socket (there is no request object to answer through), then closed. */
function answerOnSocket(socket: Duplex, status: number, code: string, message: string): void {
  const body = errorText(status, code, message);
  if (socket.writable) socket.write(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`);
  socket.destroy();
}

/** An answer written on Node's response object, outside Fastify (its checkContinue/checkExpectation events). */
function answerOnResponse(response: ServerResponse, status: number, code: string, message: string, details?: Record<string, unknown>): void {
  const body = errorText(status, code, message, details);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), connection: 'close' });
  response.end(body);
}

/**
 * Errors Node's HTTP parser meets before there is a request (Fastify's clientErrorHandler), then
 * the connection is closed, as Node does: the stream cannot be trusted after a parse error.
 */
export function clientErrorAnswer(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  // A good request before the bad bytes on the same connection is still being answered (an
  // async route): its answer goes first, then the 400 and the close — written at once, the close
  // would cut that answer off (QA of 2026-12-06: `{"height":3}GARBAGE` lost the block).
  // `_httpMessage` is Node's own link from a socket to the response being written on it. Only a
  // request received whole is waited for: one still arriving (a slow body, its deadline passed)
  // would never be answered, and the connection would never close.
  const answering = (socket as Duplex & { _httpMessage?: ServerResponse | null })._httpMessage;
  if (answering !== undefined && answering !== null && answering.req?.complete === true && !answering.writableFinished && !answering.destroyed) {
    answering.once('close', () => clientErrorAnswer(error, socket));
    return;
  }
  if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT') return answerOnSocket(socket, 408, 'request_timeout', 'the request did not arrive within its deadline');
  if (error.code === 'HPE_HEADER_OVERFLOW') return answerOnSocket(socket, 431, 'headers_too_large', 'the request line and headers exceed the size limit');
  answerOnSocket(socket, 400, 'malformed_http', `not a valid HTTP/1.1 request (${error.code ?? 'parse error'})`);
}

/**
 * Expect: 100-continue. Node would answer "100 Continue" to every such request; one whose
 * declared body is past the largest limit any route has (1 MiB, the node's rawtx) gets its 413
 * instead, before it sends the body — a body that arrives anyway and is cut short makes the kernel
 * reset the connection, and the reset can overtake the 413 (curl saw only "100 Continue" in 5 of
 * 20 uploads of 5 MB). A body under 1 MiB but over its route's limit is refused by Fastify and
 * read to its end (http-app.ts, body_too_large).
 */
function checkContinue(server: Server, request: IncomingMessage, response: ServerResponse): void {
  const declared = Number(request.headers['content-length']);
  if (declared > MAX_BODY_BYTES) return answerOnResponse(response, 413, 'body_too_large', `the body exceeds ${MAX_BODY_BYTES} bytes`, { field: 'body' });
  response.writeContinue();
  server.emit('request', request, response);
}

/**
 * Connections by remote address; one past `cap` is answered 429 and closed without ever reaching
 * Node's HTTP parser: Node's own 'connection' listener (which attaches the parser) is wrapped, so a
 * refused socket costs no parsing and can answer nothing else. The answer is written before any
 * request arrives (the client reads it as the answer to the one it sends); the socket is ended,
 * not destroyed at once, since a reset could overtake the answer, and destroyed after 1 s.
 */
function capConnectionsPerClient(server: Server, cap: number): void {
  const listeners = server.listeners('connection');
  // http.Server registers exactly one (its connectionListener); anything else is a Node we do not know.
  if (listeners.length !== 1) throw new Error(`expected Node's one HTTP connection listener, found ${listeners.length}`);
  const parse = listeners[0] as (socket: Socket) => void;
  server.removeListener('connection', parse);
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? '';
    const count = (open.get(address) ?? 0) + 1;
    if (count > cap) return refuseConnection(socket, address, cap);
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left === 0) open.delete(address);
      else open.set(address, left);
    });
    parse.call(server, socket);
  });
}

function refuseConnection(socket: Socket, address: string, cap: number): void {
  const body = errorText(429, 'too_many_connections', `${address} holds ${cap} connections already: reuse them (keep-alive) instead of opening more`);
  socket.on('error', () => undefined);
  socket.end(`HTTP/1.1 429 Too Many Requests\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nRetry-After: 1\r\nConnection: close\r\n\r\n${body}`);
  setTimeout(() => socket.destroy(), 1_000).unref();
}

/**
 * At close (SIGINT/SIGTERM of `node`, `serve`, `start`), connections that are owed no answer are
 * closed at once: one that has sent nothing yet, or only part of a request. Node's close ends only
 * idle kept-alive connections, and stops the header and request deadline checks, so such a socket
 * held the process until the idle timeout — a Ctrl-C took 31 s with one silent connection open (a
 * browser's preconnect, a port probe), past `docker stop`'s 10 s before its SIGKILL (QA of
 * 2026-12-06). A request received whole is still answered (an admitted tx's txhash, a produced
 * block); a connection opened while closing is closed at once.
 */
function closeUnowedOnShutdown(app: FastifyInstance): void {
  const sockets = new Set<Socket>();
  let closing = false;
  app.server.on('connection', (socket: Socket) => {
    if (closing) {
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  app.addHook('preClose', (done) => {
    closing = true;
    for (const socket of sockets) {
      // `_httpMessage`: Node's link from a socket to the response being written on it (as above).
      const answering = (socket as Socket & { _httpMessage?: ServerResponse | null })._httpMessage;
      if (answering === undefined || answering === null || answering.req?.complete !== true) socket.destroy();
      // Answered, the connection is kept alive (keep-alive timeout, 5 s) unless closed here; one
      // with a pipelined request under way is not idle and is left to finish it.
      else answering.once('close', () => app.server.closeIdleConnections());
    }
    done();
  });
}

/**
 * Registers the answers above on the app's server; the parser errors go in Fastify's options
 * (clientErrorAnswer). `connectionsPerClient` undefined: no cap (behind a reverse proxy).
 */
export function answerHttpEdges(app: FastifyInstance, connectionsPerClient: number | undefined): void {
  const server = app.server;
  if (connectionsPerClient !== undefined) capConnectionsPerClient(server, connectionsPerClient);
  // After the cap: it replaces Node's one 'connection' listener and checks it is alone.
  closeUnowedOnShutdown(app);
  server.on('checkContinue', (request: IncomingMessage, response: ServerResponse) => checkContinue(server, request, response));
  server.on('checkExpectation', (request: IncomingMessage, response: ServerResponse) =>
    answerOnResponse(response, 417, 'expectation_failed', `Expect: ${String(request.headers.expect).slice(0, 100)} is not supported (only 100-continue)`),
  );
  server.on('connect', (_request: IncomingMessage, socket: Duplex) => answerOnSocket(socket, 405, 'method_not_allowed', 'CONNECT: this is not a proxy'));
  // Node's own check is off (http-app.ts requireHostHeader: false) so that this answer has the shape.
  app.addHook('onRequest', (request, reply, done) => {
    if (request.raw.httpVersion === '1.1' && request.headers.host === undefined) {
      reply.header('connection', 'close');
      sendError(reply, 400, 'missing_host', 'an HTTP/1.1 request must carry a Host header', { field: 'host' });
      return;
    }
    done();
  });
}
