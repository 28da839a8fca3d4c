// A TCP proxy in front of Postgres that can black-hole the connections it carries: bytes stop
// flowing both ways, and nothing tells either end (no FIN, no RST), as when a failover or a firewall
// drops a flow. Connections opened afterwards pass again.
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface BlackholeProxy {
  /** `url` with its host and port replaced by the proxy's. */
  url: string;
  /** Connections carried now, black-holed ones included. */
  connections(): number;
  /** Silences every connection open now (new ones still pass). */
  blackhole(): void;
  close(): Promise<void>;
}

export async function startBlackholeProxy(target: string): Promise<BlackholeProxy> {
  const upstream = new URL(target);
  const pairs = new Set<{ client: net.Socket; server: net.Socket; silent: boolean }>();
  const proxy = net.createServer((client) => {
    const server = net.connect(Number(upstream.port || 5432), upstream.hostname);
    const pair = { client, server, silent: false };
    pairs.add(pair);
    // Bytes are forwarded one chunk at a time, and dropped once the pair is silent.
    client.on('data', (d) => pair.silent || server.write(d));
    server.on('data', (d) => pair.silent || client.write(d));
    // A silent pair stays (its far end is never told); close() ends it.
    const end = () => {
      if (pair.silent) return;
      pairs.delete(pair);
      client.destroy();
      server.destroy();
    };
    client.on('close', end).on('error', () => undefined);
    server.on('close', end).on('error', () => undefined);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const url = new URL(target);
  url.hostname = '127.0.0.1';
  url.port = String((proxy.address() as AddressInfo).port);
  return {
    url: url.toString(),
    connections: () => pairs.size,
    blackhole() {
      for (const pair of pairs) pair.silent = true;
    },
    async close() {
      for (const { client, server } of pairs) {
        client.destroy();
        server.destroy();
      }
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    },
  };
}
