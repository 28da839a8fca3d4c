// The real HTTP service on a free port, for tests that go over the wire.
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { loadConfig, type Config } from '../../src/config';
import type { Db } from '../../src/db/client';
import { createServer } from '../../src/server';

export interface GqlResult<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: { code?: string; field?: string; [k: string]: unknown }; path?: unknown[] }[];
}

export interface TestServer {
  url: string;
  base: string;
  config: Config;
  gql<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult<T>>;
  close(): Promise<void>;
}

/**
 * The service over a test database. Given its URL too (a TestDatabase), the service runs as deployed,
 * response cache and change feed included; given only a client, without the cache.
 */
export async function startTestServer(target: Db | { db: Db; url: string }, env: Record<string, string> = {}): Promise<TestServer> {
  // Per-client rates are off unless a test sets them: every test client is 127.0.0.1.
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: '0',
    RATE_LIMIT_KEY_PER_MINUTE: '0',
    RATE_LIMIT_NO_CACHE_PER_MINUTE: '0',
    ...env,
  });
  const log = pino({ level: 'silent' });
  const { db, url: databaseUrl } = 'url' in target && typeof target.url === 'string' ? target : { db: target as Db, url: undefined };
  const { httpServer, apollo } = await createServer({ db, config, log, databaseUrl });
  await new Promise<void>((r) => httpServer.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  const url = `${base}/graphql`;
  return {
    url,
    base,
    config,
    async gql(query, variables = {}, token) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as Omit<GqlResult, 'status'>;
      return { status: res.status, ...body };
    },
    close: () => apollo.stop(),
  };
}

/** A new API key made with the admin token (an editor's unless `role` says otherwise): the key itself. */
export async function newApiKey(server: TestServer, adminToken: string, name = 'e', role: 'EDITOR' | 'ADMIN' = 'EDITOR'): Promise<string> {
  const result = await server.gql(`mutation { createApiKey(input: { name: ${JSON.stringify(name)}, role: ${role} }) { key } }`, {}, adminToken);
  return result.data.createApiKey.key;
}

export const codes = (r: GqlResult) => (r.errors ?? []).map((e) => e.extensions?.code);
