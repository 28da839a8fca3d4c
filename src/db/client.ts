// The one PrismaClient factory: Prisma's JS engine over the pg driver adapter.
import { PrismaPg } from '@prisma/adapter-pg';
import { Pool } from 'pg';
import { PrismaClient } from '../generated/prisma/client';
import type { SqlSource } from './sql';

export type Db = PrismaClient;

/** A pg pool config parsed from a URL (the adapter wants fields, not a connection string). */
export function poolConfigFromUrl(url: string, max = 10) {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username || 'postgres'),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1) || 'postgres'),
    max,
    // A dead database must not hang requests: fail fast, /healthz reports it.
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30000,
    // No JIT compilation: the service's statements run in milliseconds to a second, and compiling
    // added 20 to 60 ms to any whose estimated cost passed jit_above_cost (related releases, facets).
    options: '-c jit=off',
  };
}

export interface DbOptions {
  poolSize?: number;
  /** Called once per SQL statement sent (tests count statements with it). */
  onQuery?: (sql: string) => void;
  /** Postgres cancels any statement running longer (the service's guard against runaway queries). */
  statementTimeoutMs?: number;
}

/** The pool under each client: Prisma's writes and the read side's plain-pg statements share it. */
const sources = new WeakMap<Db, SqlSource>();

export function createDb(url: string, options: DbOptions = {}): Db {
  const config = poolConfigFromUrl(url, options.poolSize ?? 10);
  const pool = new Pool(options.statementTimeoutMs ? { ...config, statement_timeout: options.statementTimeoutMs } : config);
  // An idle connection the server closed (a restart, a failover, a dropped test database) is an
  // 'error' on the pool; the pool drops it and opens another when asked. Unheard, it would end the process.
  pool.on('error', () => undefined);
  const adapter = new PrismaPg(pool);
  const onQuery = options.onQuery;
  let client: PrismaClient;
  if (onQuery) {
    const logged = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] });
    logged.$on('query', (e) => onQuery(e.query));
    client = logged;
  } else {
    client = new PrismaClient({ adapter });
  }
  // Prisma leaves a pool it was given open; the client's end is the pool's end.
  const disconnect = client.$disconnect.bind(client);
  client.$disconnect = async () => {
    await disconnect();
    if (!pool.ended) await pool.end();
  };
  sources.set(client, { pool, onQuery });
  return client;
}

/** The pool (and statement hook) of a client made by createDb. */
export function sqlSourceOf(db: Db): SqlSource {
  const source = sources.get(db);
  if (!source) throw new Error('not a client made by createDb');
  return source;
}
