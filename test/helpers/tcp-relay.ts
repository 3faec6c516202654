/**
 * A TCP relay in front of a PostgreSQL server, for the ways a server is lost:
 * - `cut()`: the server went away — every connection closed, new ones refused (a restart);
 * - `silence()`: the network went silent on the connections made so far — a host powered off,
 *   a firewall that discards packets. Nothing is forwarded either way and nothing is closed, so
 *   neither side learns anything from TCP (a goodbye, FIN, gets no answer); the server's side
 *   stays open (its session alive, holding what it held) until `serverNotices()`, which stands for
 *   the server's own keep-alive probes ending the session (they cannot be made to fail here: the
 *   relay's kernel answers them). Connections made after the silence are relayed as usual.
 * - `silenceAt(pattern)`: the same, at the first chunk a client sends that matches `pattern`
 *   (latin1), which is lost with it — a statement sent into a network that just died.
 * `restore()` listens (again) on the same port.
 */
import { connect as connectTcp, createServer, type Server, type Socket } from 'node:net';

export interface TcpRelay {
  url(database: string): string;
  restore(): Promise<void>;
  cut(): Promise<void>;
  silence(): void;
  silenceAt(pattern: RegExp): void;
  serverNotices(): void;
  close(): Promise<void>;
}

interface Pair {
  readonly client: Socket;
  readonly upstream: Socket;
}

export function tcpRelay(host: string, targetPort: number): TcpRelay {
  const pairs = new Set<Pair>();
  const silenced = new Set<Pair>();
  let trigger: RegExp | undefined;
  let server: Server | undefined;
  let port = 0;

  const drop = (pair: Pair): void => {
    pair.client.destroy();
    pair.upstream.destroy();
    pairs.delete(pair);
    silenced.delete(pair);
  };

  const silence = (): void => {
    for (const pair of pairs) silenced.add(pair);
  };

  const relayConnection = (client: Socket): void => {
    const pair: Pair = { client, upstream: connectTcp({ host, port: targetPort, allowHalfOpen: true }) };
    pairs.add(pair);
    // Forwarded chunk by chunk (not piped) so that a silence drops what arrives after it.
    client.on('data', (chunk: Buffer) => {
      if (trigger !== undefined && trigger.test(chunk.toString('latin1'))) {
        trigger = undefined;
        silence();
      }
      if (!silenced.has(pair)) pair.upstream.write(chunk);
    });
    pair.upstream.on('data', (chunk: Buffer) => void (silenced.has(pair) ? undefined : client.write(chunk)));
    client.on('end', () => void (silenced.has(pair) ? undefined : pair.upstream.end()));
    pair.upstream.on('end', () => void (silenced.has(pair) ? undefined : client.end()));
    // A silenced connection's client may give up and close its end; the server must not learn it.
    const closed = (): void => (silenced.has(pair) ? void client.destroy() : drop(pair));
    client.on('error', closed).on('close', closed);
    pair.upstream.on('error', () => drop(pair)).on('close', () => drop(pair));
  };

  const restore = (): Promise<void> =>
    new Promise((resolve) => {
      server = createServer({ allowHalfOpen: true }, relayConnection);
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as { port: number }).port;
        resolve();
      });
    });

  const cut = (): Promise<void> =>
    new Promise((resolve) => {
      for (const pair of [...pairs]) drop(pair);
      if (server === undefined || !server.listening) return resolve();
      server.close(() => resolve());
    });

  return {
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    restore,
    cut,
    silence,
    silenceAt: (pattern) => void (trigger = pattern),
    serverNotices: () => [...silenced].forEach(drop),
    close: cut,
  };
}
