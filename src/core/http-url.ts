/**
 * The URL of an HTTP server bound to `host`:`port`, as printed for people to open: an IPv6
 * address in brackets (RFC 3986 §3.2.2) — "http://::1:8081" opens nowhere. Examples:
 * httpUrl('127.0.0.1', 8081) = 'http://127.0.0.1:8081'; httpUrl('::', 47200) = 'http://[::]:47200'.
 */
export function httpUrl(host: string, port: number): string {
  const bracketed = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return `http://${bracketed}:${port}`;
}
