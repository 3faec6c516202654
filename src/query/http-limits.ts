/**
 * How long a client may hold a connection, and how many it may hold (issue 10 item 6): without
 * these, 300 slow-header and 300 slow-body connections were all still open after 75 s, and
 * enough of them exhaust the process's file descriptors — which the block log and snapshots need.
 *
 *   headersTimeoutMs     10 s   the request line and headers must arrive within this (slowloris)
 *   requestTimeoutMs     30 s   the whole request, body included (slow body)
 *   keepAliveTimeoutMs    5 s   an idle kept-alive connection is closed after this
 *   idleTimeoutMs        30 s   a socket with no traffic at all is closed after this
 *   maxConnections       512    connections beyond this are closed at once (a refused connection,
 *                               never a stuck producer); keep it well below `ulimit -n`, which
 *                               must also cover the log's segments, snapshots and worker threads
 *   maxConnectionsPerClient 128 connections one client address may hold (without trusted
 *                               proxies); one more gets 429 too_many_connections and is closed —
 *                               so one address cannot take every slot of maxConnections (QA of
 *                               2026-12-06: 600 idle sockets from one address shut everyone out
 *                               until the header deadline cut them, ~10 s a wave). 128: a script's
 *                               burst through Node's fetch (a connection per request in flight)
 *                               fits as its 128 waiting requests do (client-turns.ts). Behind a
 *                               reverse proxy every client shares the proxy's address: no cap then
 *                               (the proxy is the place to limit its clients' connections)
 *   maxPipelined           8    requests one connection may have waiting for their answers to
 *                               leave (HTTP pipelining); one more and the connection is closed
 *
 *   trustedProxies        []    reverse proxies (IPs, CIDR ranges, loopback…) whose X-Forwarded-For
 *                               names the client: clients take turns by that address
 *                               (client-turns.ts); from any other peer the header is ignored, so a
 *                               client cannot make up addresses to get more turns
 *
 * Why maxPipelined: Node answers every pipelined request it has read and queues the answers in
 * memory until the client reads them. A client writing 500 `rewards` requests (per_page 1,000,
 * ~1.5 MB answers) in one 65 KB packet and never reading made `serve` hold ~1 GB per connection
 * and stall other clients for seconds (review of 2026-12-05). Go's net/http, which pocket-core
 * uses, answers one request of a connection at a time; browsers and the SDK never pipeline.
 * With the cap a connection holds at most 8 answers (~12 MB at the largest page).
 *
 * Node checks the header and request deadlines on a timer (`connectionsCheckingInterval`, here
 * 1 s), so a slow client is cut within its deadline + 1 s.
 */
import type { FastifyServerOptions } from 'fastify';

export interface HttpLimits {
  readonly headersTimeoutMs: number;
  readonly requestTimeoutMs: number;
  readonly keepAliveTimeoutMs: number;
  readonly idleTimeoutMs: number;
  readonly maxConnections: number;
  readonly maxConnectionsPerClient: number;
  readonly maxPipelined: number;
  readonly trustedProxies: readonly string[];
}

export const DEFAULT_HTTP_LIMITS: HttpLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  idleTimeoutMs: 30_000,
  maxConnections: 512,
  maxConnectionsPerClient: 128,
  maxPipelined: 8,
  trustedProxies: [],
};

const CHECK_INTERVAL_MS = 1_000;

/** The limits with a smaller header deadline never exceeding the request deadline (Node requires it). */
export function httpLimitsOf(partial: Partial<HttpLimits> = {}): HttpLimits {
  const limits = { ...DEFAULT_HTTP_LIMITS, ...partial };
  return { ...limits, headersTimeoutMs: Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs) };
}

/** Fastify's server options for these limits (maxConnections is set on the server after creation). */
export function fastifyLimitOptions(limits: HttpLimits): Pick<FastifyServerOptions, 'connectionTimeout' | 'keepAliveTimeout' | 'requestTimeout' | 'trustProxy'> & { http: object } {
  return {
    trustProxy: limits.trustedProxies.length === 0 ? false : [...limits.trustedProxies],
    connectionTimeout: limits.idleTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    http: { headersTimeout: limits.headersTimeoutMs, requestTimeout: limits.requestTimeoutMs, connectionsCheckingInterval: Math.min(CHECK_INTERVAL_MS, limits.headersTimeoutMs) },
  };
}
