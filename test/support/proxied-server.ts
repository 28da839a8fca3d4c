// The service reaching its test database through an in-process TCP proxy (bench/tcp-proxy.js) that
// can reset, refuse or black-hole connections: what the outage and failover tests break.
import { startTcpProxy, type TcpProxy } from '../../bench/tcp-proxy';
import { createDb, type Db } from '../../src/db/client';
import { createTestDatabase, type TestDatabase } from './db';
import { newApiKey, startTestServer, type TestServer } from './server';

export interface ProxiedServer {
  tdb: TestDatabase;
  proxy: TcpProxy;
  db: Db;
  server: TestServer;
  /** An editor's key, made through the API. */
  editor: string;
  close(): Promise<void>;
}

export async function startProxiedServer(adminToken: string): Promise<ProxiedServer> {
  const tdb = await createTestDatabase('corpus');
  const target = new URL(tdb.url);
  const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
  // As src/app.ts makes it: the service's statement timeout, the stall check's default delay.
  const db = createDb(proxy.via(tdb.url), { statementTimeoutMs: 15000 });
  const server = await startTestServer(db, { ADMIN_TOKEN: adminToken, NODE_ENV: 'production' });
  const editor = await newApiKey(server, adminToken);
  return {
    tdb,
    proxy,
    db,
    server,
    editor,
    async close() {
      await server.close();
      await db.$disconnect().catch(() => undefined);
      await proxy.close();
      await tdb.drop();
    },
  };
}
