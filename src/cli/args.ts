/**
 * Option parsers shared by the commands (commander `argParser`s): strict decimal integers in a
 * range (no "1e3", no "0x10", no signs), a u64 seed, a TCP port, a host to bind, the default data
 * directory. A value out of range is a usage error (`invalid_option`, exit 2, main.ts).
 */
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { InvalidArgumentError } from 'commander';
import { packageRoot } from '../core/paths.js';
import { parseAddress } from '../core/types.js';
import { CliError } from './output.js';

export function integerOption(name: string, min = 0, max = Number.MAX_SAFE_INTEGER): (text: string) => number {
  return (text) => {
    if (!/^(0|[1-9][0-9]*)$/.test(text)) throw new InvalidArgumentError(`${name} must be a whole number, got ${JSON.stringify(text)}`);
    const value = Number(text);
    if (!Number.isSafeInteger(value) || value < min || value > max) {
      throw new InvalidArgumentError(max === Number.MAX_SAFE_INTEGER ? `${name} must be an integer ≥ ${min}` : `${name} must be an integer from ${min} to ${max}`);
    }
    return value;
  };
}

/**
 * Node's timers hold at most 2^31 − 1 ms (~24.8 days); a longer delay is silently replaced by
 * 1 ms — `--interval 2147484` once produced 3,009 empty blocks in 4 s. Every duration option
 * is bounded by this.
 */
export const MAX_TIMER_MS = 2 ** 31 - 1;
export const MAX_TIMER_SECONDS = Math.floor(MAX_TIMER_MS / 1000);

export const portOption = integerOption('--port', 0, 65_535);

/** An IPv4/IPv6 address or a DNS host name (RFC 1123 labels; a dotted all-number name is not one). */
export function hostOption(text: string): string {
  if (isIP(text) !== 0) return text;
  const labels = text.split('.');
  const label = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;
  if (text.length > 253 || !labels.every((part) => label.test(part)) || /^[0-9]+$/.test(labels[labels.length - 1]!)) {
    throw new InvalidArgumentError(`--host must be an IP address or a host name, got ${JSON.stringify(text)}`);
  }
  return text;
}

/**
 * `--postgres`: a postgres:// or postgresql:// URL with a host. Anything else reached the driver,
 * which read `notaurl` as a socket path and `base` (the data dir) as a host name (QA of
 * 2026-12-06: `getaddrinfo ENOTFOUND base`).
 */
export function postgresUrlOption(text: string): string {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') || url.hostname === '') {
    throw new InvalidArgumentError(`--postgres must be a URL postgres://user[:password]@host[:port]/database, got ${JSON.stringify(text.replace(/:[^:@/]*@/, ':…@'))}`);
  }
  return text;
}

/** Addresses proxy-addr (Fastify's trustProxy) knows by name. */
const PROXY_ADDRESS_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * `--trust-proxy`: comma-separated IP addresses, CIDR ranges (10.0.0.0/8, fd00::/8) or the names
 * loopback, linklocal, uniquelocal — the reverse proxies whose X-Forwarded-For names the client.
 */
export function trustedProxiesOption(text: string): string[] {
  const entries = text.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    const [address, prefix, extra] = entry.split('/');
    const family = isIP(address ?? '');
    const prefixOk = prefix === undefined || (/^(0|[1-9][0-9]{0,2})$/.test(prefix) && Number(prefix) <= (family === 6 ? 128 : 32));
    if (PROXY_ADDRESS_NAMES.has(entry) || (family !== 0 && prefixOk && extra === undefined)) continue;
    throw new InvalidArgumentError(`--trust-proxy takes IP addresses, CIDR ranges or loopback/linklocal/uniquelocal, comma-separated; got ${JSON.stringify(entry)}`);
  }
  return entries;
}

export function seedOption(text: string): bigint {
  if (!/^(0|[1-9][0-9]*)$/.test(text) || BigInt(text) >= 1n << 64n) throw new InvalidArgumentError(`the seed must be a whole number below 2^64, got ${JSON.stringify(text)}`);
  return BigInt(text);
}

/** The default data directory: the repository (package) root, whose events/ and snapshots/ it uses. */
export function defaultDataDir(): string {
  return packageRoot();
}

/**
 * The data directory a command works on. An empty `--data` is refused rather than read as the
 * current directory (what path.resolve('') gives): `--data "$DIR"` with DIR unset would otherwise
 * init, roll back or repair whatever chain the shell happens to stand in.
 */
export function dataDirOf(option: string | undefined): string {
  if (option === '') throw new CliError('invalid_option', '--data is empty: name the data directory (e.g. --data ./sim), or leave the option out for the default, the repository root');
  return resolve(option ?? defaultDataDir());
}

/** A 20-byte hex address argument (a malformed one is a usage error, not "not found"). */
/**
 * A 20-byte hex address, in the ledger's lower case: hex is case-insensitive, and as typed
 * `audit --node 3E50…` matched none of the node's lines and warned audit_node_not_found (QA of
 * 2026-12-06).
 */
export function addressArgument(text: string): string {
  const address = parseAddress(text);
  if (address === undefined) throw new InvalidArgumentError(`the address must be 40 hex characters (20 bytes), got ${JSON.stringify(text)}`);
  return address;
}
