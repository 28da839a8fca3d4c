// GET /healthz: 200 while the database answers, 503 when it does not.
import net from 'node:net';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { startTestServer } from '../support/server';
import pino from 'pino';
import { createDb } from '../../src/db/client';
import { formatError } from '../../src/server';

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase('ref');
});
afterAll(async () => {
  await tdb?.drop();
});

it('answers 200 with the database up', async () => {
  const server = await startTestServer(tdb);
  try {
    const res = await fetch(`${server.base}/healthz`);
    expect(res.status).toBe(200);
    expect((await res.json()) as object).toEqual({ status: 'ok' });
  } finally {
    await server.close();
  }
});

it('answers 503 when the database is unreachable, and 200 again once it is back', async () => {
  // A TCP proxy in front of the real database that we can cut.
  const target = new URL(tdb.url);
  const sockets = new Set<net.Socket>();
  let open = true;
  const proxy = net.createServer((client) => {
    if (!open) return client.destroy();
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    sockets.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  const via = new URL(tdb.url);
  via.hostname = '127.0.0.1';
  via.port = String((proxy.address() as net.AddressInfo).port);
  const db = createDb(via.toString());
  const server = await startTestServer({ db, url: via.toString() });
  try {
    expect((await fetch(`${server.base}/healthz`)).status).toBe(200);
    open = false;
    for (const s of sockets) s.destroy();
    const down = await fetch(`${server.base}/healthz`);
    expect(down.status).toBe(503);
    // GraphQL answers with a code a client can retry on, not a masked internal error.
    const q = await server.gql('{ pressReleases(first: 1) { totalCount } }');
    expect(q.errors?.[0].extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(((await down.json()) as { status: string }).status).toBe('unavailable');
    open = true;
    expect((await fetch(`${server.base}/healthz`)).status).toBe(200);
  } finally {
    await server.close();
    await db.$disconnect().catch(() => undefined);
    proxy.close();
  }
});

it('cancels a statement that runs past the statement timeout, answered as SERVICE_UNAVAILABLE', async () => {
  const db = createDb(tdb.url, { statementTimeoutMs: 100 });
  try {
    const err = await db.$queryRaw`SELECT pg_sleep(0.5)`.then(
      () => null,
      (e: unknown) => e,
    );
    expect(String((err as Error)?.message)).toMatch(/statement timeout/);
    const formatted = formatError(true, pino({ level: 'silent' }))({ message: 'x', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, err);
    expect(formatted.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(formatted.message).toMatch(/took too long/);
  } finally {
    await db.$disconnect();
  }
});
