export const DEFAULT_HTTP_LIMITS = {
    headersTimeoutMs: 10_000,
    requestTimeoutMs: 30_000,
    keepAliveTimeoutMs: 5_000,
    idleTimeoutMs: 30_000,
    maxConnections: 512,
};
const CHECK_INTERVAL_MS = 1_000;
/** The limits with a smaller header deadline never exceeding the request deadline (Node requires it). */
export function httpLimitsOf(partial = {}) {
    const limits = { ...DEFAULT_HTTP_LIMITS, ...partial };
    return { ...limits, headersTimeoutMs: Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs) };
}
/** Fastify's server options for these limits (maxConnections is set on the server after creation). */
export function fastifyLimitOptions(limits) {
    return {
        connectionTimeout: limits.idleTimeoutMs,
        keepAliveTimeout: limits.keepAliveTimeoutMs,
        requestTimeout: limits.requestTimeoutMs,
        http: { headersTimeout: limits.headersTimeoutMs, requestTimeout: limits.requestTimeoutMs, connectionsCheckingInterval: Math.min(CHECK_INTERVAL_MS, limits.headersTimeoutMs) },
    };
}
//# sourceMappingURL=http-limits.js.map