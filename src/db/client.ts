// The one PrismaClient factory: Prisma's JS engine over the pg driver adapter.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';

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

export function createDb(url: string, options: DbOptions = {}): Db {
  const pool = poolConfigFromUrl(url, options.poolSize ?? 10);
  const adapter = new PrismaPg(options.statementTimeoutMs ? { ...pool, statement_timeout: options.statementTimeoutMs } : pool);
  if (!options.onQuery) return new PrismaClient({ adapter });
  const client = new PrismaClient({ adapter, log: [{ emit: 'event', level: 'query' }] });
  const onQuery = options.onQuery;
  client.$on('query', (e) => onQuery(e.query));
  return client;
}
