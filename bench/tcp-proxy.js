// A TCP proxy between the service and Postgres that can fail the ways a network and a database do,
// for tests and bench/failover.js (plain Node, CommonJS):
// - down(): every connection through it is reset (RST), and new ones are reset as soon as they are
//   accepted (`refuse: true`: the port is closed instead, so connecting is refused), until up();
// - blackhole(): the connections open now stay open but nothing more goes through them in either
//   direction, no FIN, no RST (what a failover looks like from the old primary's clients), while
//   new connections go through (to the new primary);
// - up(): back to normal.
'use strict';
const net = require('node:net');

/**
 * @param {{ host: string, port: number, listenPort?: number }} target
 */
async function startTcpProxy(target) {
  /** @type {Set<{ client: net.Socket, upstream: net.Socket, blackholed: boolean }>} */
  const pairs = new Set();
  let state = 'up';
  let accepted = 0;

  const onConnection = (client) => {
    if (state === 'down') {
      client.on('error', () => undefined);
      client.resetAndDestroy();
      return;
    }
    accepted++;
    const upstream = net.connect(target.port, target.host);
    const pair = { client, upstream, blackholed: false };
    pairs.add(pair);
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    client.on('data', (d) => {
      if (!pair.blackholed) upstream.write(d);
    });
    upstream.on('data', (d) => {
      if (!pair.blackholed) client.write(d);
    });
    const close = () => {
      pairs.delete(pair);
      if (pair.blackholed) return; // a black hole says nothing, not even goodbye
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  };

  let server = net.createServer(onConnection);
  await new Promise((resolve) => server.listen(target.listenPort ?? 0, '127.0.0.1', resolve));
  const port = server.address().port;

  return {
    port,
    /** The database URL through the proxy. */
    via(url) {
      const u = new URL(url);
      u.hostname = '127.0.0.1';
      u.port = String(port);
      return u.toString();
    },
    /** Connections accepted and forwarded so far. */
    get accepted() {
      return accepted;
    },
    /** Open connections (black-holed ones included). */
    get open() {
      return pairs.size;
    },
    async down({ refuse = false } = {}) {
      state = 'down';
      for (const pair of [...pairs]) {
        pairs.delete(pair);
        pair.client.resetAndDestroy();
        pair.upstream.destroy();
      }
      if (refuse && server.listening) await new Promise((resolve) => server.close(() => resolve()));
    },
    blackhole() {
      for (const pair of pairs) {
        pair.blackholed = true;
        pair.client.pause();
        pair.upstream.pause();
      }
    },
    async up() {
      state = 'up';
      if (!server.listening) {
        server = net.createServer(onConnection);
        await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
      }
    },
    async close() {
      state = 'down';
      for (const pair of pairs) {
        pair.client.destroy();
        pair.upstream.destroy();
      }
      pairs.clear();
      if (server.listening) await new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

module.exports = { startTcpProxy };
