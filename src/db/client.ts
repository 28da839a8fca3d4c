// The one PrismaClient factory: Prisma's JS engine over the pg driver adapter.
import { PrismaPg } from '@prisma/adapter-pg';
import { Pool } from 'pg';
import { PrismaClient } from '../generated/prisma/client';
import type { SqlSource } from './sql';
import { GuardedClient, watchStalls } from './pool-guard';

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
    // A peer that vanished without closing (a failover, a cut network) is found by TCP keepalive
    // after about 10 s of silence, instead of the kernel's two hours (src/db/pool-guard.ts).
    keepAlive: true,
    keepAliveInitialDelayMillis: 1000,
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
  /**
   * Postgres ends a session left idle inside a transaction this long (a client that died mid-
   * transaction must not hold its locks). Default 10 s.
   */
  idleInTransactionTimeoutMs?: number;
  /** A statement without an answer this long has its connection checked (src/db/pool-guard.ts). Default 2 s. */
  stallCheckMs?: number;
  /** Named prepared statements each connection keeps for the read side (src/db/sql.ts); 0: none. Default 100. */
  preparedStatements?: number;
}

/** The client gives up on an answer this long after the server's own statement timeout would have fired. */
const QUERY_TIMEOUT_MARGIN_MS = 5000;

/** The pool under each client: Prisma's writes and the read side's plain-pg statements share it. */
const sources = new WeakMap<Db, SqlSource>();

export function createDb(url: string, options: DbOptions = {}): Db {
  const config = poolConfigFromUrl(url, options.poolSize ?? 10);
  const statementTimeout = options.statementTimeoutMs;
  const pool = new Pool({
    ...config,
    Client: GuardedClient,
    idle_in_transaction_session_timeout: options.idleInTransactionTimeoutMs ?? 10_000,
    // With a statement timeout, the last guard against a connection that never answers: the
    // statement fails and its connection leaves the pool, a margin after the server would have
    // cancelled it. (The command-line loaders set none: their statements may run for minutes.)
    ...(statementTimeout ? { statement_timeout: statementTimeout, query_timeout: statementTimeout + QUERY_TIMEOUT_MARGIN_MS } : {}),
  });
  // An idle connection the server closed (a restart, a failover, a dropped test database) is an
  // 'error' on the pool; the pool drops it and opens another when asked. Unheard, it would end the process.
  pool.on('error', () => undefined);
  const stopWatching = watchStalls(pool, { stallCheckMs: options.stallCheckMs ?? 2000, connection: config });
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
    stopWatching();
    await disconnect();
    if (!pool.ended) await pool.end();
  };
  sources.set(client, { pool, onQuery, preparedPerConnection: options.preparedStatements });
  return client;
}

/** The pool (and statement hook) of a client made by createDb. */
export function sqlSourceOf(db: Db): SqlSource {
  const source = sources.get(db);
  if (!source) throw new Error('not a client made by createDb');
  return source;
}
