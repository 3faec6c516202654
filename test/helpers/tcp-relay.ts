/**
 * A TCP relay in front of a PostgreSQL server, for the ways a server is lost:
 * - `cut()`: the server went away — every connection closed, new ones refused (a restart);
 * - `silence()`: the network went silent on the connections made so far — a host powered off,
 *   a firewall that discards packets. Nothing is forwarded either way and nothing is closed, so
 *   neither side learns anything from TCP; the server's side stays open (its session alive,
 *   holding what it held) until `serverNotices()`, which stands for the server's own keep-alive
 *   probes ending the session (they cannot be made to fail here: the relay's kernel answers
 *   them). Connections made after the silence are relayed as usual.
 * `restore()` listens (again) on the same port.
 */
import { connect as connectTcp, createServer, type Server, type Socket } from 'node:net';

export interface TcpRelay {
  url(database: string): string;
  restore(): Promise<void>;
  cut(): Promise<void>;
  silence(): void;
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
  let server: Server | undefined;
  let port = 0;

  const drop = (pair: Pair): void => {
    pair.client.destroy();
    pair.upstream.destroy();
    pairs.delete(pair);
    silenced.delete(pair);
  };

  const relayConnection = (client: Socket): void => {
    const pair: Pair = { client, upstream: connectTcp({ host, port: targetPort }) };
    pairs.add(pair);
    client.pipe(pair.upstream).pipe(client);
    // A silenced connection's client may give up and close its end; the server must not learn it.
    const closed = (): void => (silenced.has(pair) ? void pair.client.destroy() : drop(pair));
    client.on('error', closed).on('close', closed);
    pair.upstream.on('error', () => drop(pair)).on('close', () => drop(pair));
  };

  const restore = (): Promise<void> =>
    new Promise((resolve) => {
      server = createServer(relayConnection);
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

  const silence = (): void => {
    for (const pair of pairs) {
      pair.client.unpipe(pair.upstream);
      pair.upstream.unpipe(pair.client);
      // Read and discard, so neither side's writes are refused: they vanish, as in a blackhole.
      pair.client.on('data', () => undefined);
      pair.upstream.on('data', () => undefined);
      silenced.add(pair);
    }
  };

  const serverNotices = (): void => {
    for (const pair of [...silenced]) drop(pair);
  };

  return {
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    restore,
    cut,
    silence,
    serverNotices,
    close: cut,
  };
}
