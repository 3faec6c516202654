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
}

export const DEFAULT_HTTP_LIMITS: HttpLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  idleTimeoutMs: 30_000,
  maxConnections: 512,
};

const CHECK_INTERVAL_MS = 1_000;

/** The limits with a smaller header deadline never exceeding the request deadline (Node requires it). */
export function httpLimitsOf(partial: Partial<HttpLimits> = {}): HttpLimits {
  const limits = { ...DEFAULT_HTTP_LIMITS, ...partial };
  return { ...limits, headersTimeoutMs: Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs) };
}

/** Fastify's server options for these limits (maxConnections is set on the server after creation). */
export function fastifyLimitOptions(limits: HttpLimits): Pick<FastifyServerOptions, 'connectionTimeout' | 'keepAliveTimeout' | 'requestTimeout'> & { http: object } {
  return {
    connectionTimeout: limits.idleTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    http: { headersTimeout: limits.headersTimeoutMs, requestTimeout: limits.requestTimeoutMs, connectionsCheckingInterval: Math.min(CHECK_INTERVAL_MS, limits.headersTimeoutMs) },
  };
}
