// The one place that reads process.env. Every setting is listed in docs/operations.md ("Settings").
import { cleanEnv, str, host, num, bool, makeValidator } from 'envalid';
import { configuredDatabaseUrl } from './db/target';

/** A TCP port, 0 included (any free port: tests and one-off runs). */
const port = makeValidator<number>((input) => {
  const n = Number(input);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new Error(`not a port: "${input}"`);
  return n;
});

/** An http(s) URL without a trailing slash (PUBLIC_URL). */
const publicUrl = makeValidator<string>((input) => {
  if (!input) return '';
  let u: URL;
  try {
    u = new URL(input);
  } catch {
    throw new Error(`not a URL: "${input}"`);
  }
  if (!/^https?:$/.test(u.protocol) || u.search || u.hash) throw new Error(`an http(s) URL without query or fragment: "${input}"`);
  return u.toString().replace(/\/+$/, '');
});

/** Origins browser apps may call from (CORS_ORIGINS): a comma-separated list, or `*` for any. */
const origins = makeValidator<string[]>((input) => {
  const list = input.split(',').map((o) => o.trim()).filter(Boolean);
  if (list.includes('*')) {
    if (list.length > 1) throw new Error('`*` stands alone');
    return ['*'];
  }
  return list.map((o) => {
    let u: URL | undefined;
    try {
      u = new URL(o);
    } catch {
      /* reported below */
    }
    if (!u || !/^https?:$/.test(u.protocol) || u.origin !== o.replace(/\/$/, '')) throw new Error(`not an origin (scheme://host[:port]): "${o}"`);
    return u.origin;
  });
});

/** TRUST_PROXY as Express takes it: true/false, a hop count, or addresses and subnets as written. */
const trustProxyOf = (v: string): boolean | number | string =>
  /^(true|false)$/i.test(v) ? v.toLowerCase() === 'true' : /^\d+$/.test(v) ? Number(v) : v;
/** Postgres URLs, comma-separated (DATABASE_REPLICA_URLS). */
const databaseUrls = makeValidator<string[]>((input) =>
  input
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean)
    .map((u) => {
      let url: URL | undefined;
      try {
        url = new URL(u);
      } catch {
        /* reported below */
      }
      if (!url || !/^postgres(ql)?:$/.test(url.protocol)) throw new Error(`not a postgres:// URL: "${u.replace(/\/\/[^@/]*@/, '//…@')}"`);
      return u;
    }),
);

export interface Config {
  port: number;
  host: string;
  /** Origins allowed to call from a browser (CORS); empty: same origin only; ['*']: any. */
  corsOrigins: string[];
  /** Where clients reach the service (feed ids and links); unset: the local address. */
  publicUrl: string | undefined;
  /** Unset: the embedded Postgres of the default run. */
  databaseUrl: string | undefined;
  /** Where the embedded Postgres keeps its data (when DATABASE_URL is unset). */
  embeddedDataDir: string | undefined;
  adminToken: string | undefined;
  /** When set, GET /metrics needs `Authorization: Bearer <token>`. */
  metricsToken: string | undefined;
  production: boolean;
  /** Load the sample corpus on start when the database has no release yet. */
  seedOnStart: boolean;
  introspection: boolean;
  logLevel: string;
  maxPageSize: number;
  maxQueryDepth: number;
  maxAliases: number;
  maxCost: number;
  dbPoolSize: number;
  /** How many SQL statements one request may run at once (the rest wait their turn). */
  dbStatementsPerRequest: number;
  /** Named prepared statements each database connection keeps for the hot reads (0: none). */
  dbPreparedStatements: number;
  statementTimeoutMs: number;
  /** Postgres ends a session idle inside a transaction this long (its locks go with it). */
  idleInTransactionTimeoutMs: number;
  /** A statement without an answer this long has its connection checked for a dead peer (failover). */
  dbStallCheckMs: number;
  shutdownGraceMs: number;
  /** Requests a minute per address without a key (0: no limit). */
  rateLimitAnonymousPerMinute: number;
  /** Requests a minute per API key (0: no limit). */
  rateLimitKeyPerMinute: number;
  /** Anonymous requests a minute per address asking for a computed answer (Cache-Control: no-cache; 0: no limit). */
  rateLimitNoCachePerMinute: number;
  /** Express's `trust proxy`: false, true, a number of hops or a list of addresses. */
  trustProxy: boolean | number | string;
  /** Memory for the response cache of anonymous queries, in MiB; 0 switches it off. */
  responseCacheMb: number;
  /** The most responses the cache keeps, however small. */
  responseCacheEntries: number;
  /** The longest a cached response is kept when nothing is written (writes drop it at once). */
  responseCacheTtlSeconds: number;
  /** How often the change feed proves its connection (a NOTIFY round trip), and how long one may take. */
  changeFeedPingMs: number;
  /** Streaming replicas for anonymous reads (src/db/replicas.ts); empty: every read on the primary. */
  replicaUrls: string[];
  /** A replica further behind than this is skipped. */
  replicaMaxLagMs: number;
  /** How often the replicas' lag is measured. */
  replicaCheckMs: number;
  /** Redis for a response cache shared by every instance; unset: each instance caches in its memory. */
  redisUrl: string | undefined;
  /** Limits of subscriptions over WebSocket (src/http/subscriptions.ts). */
  subscriptions: {
    maxConnectionsPerClient: number;
    maxPerConnection: number;
    keepAliveMs: number;
    maxQueued: number;
    maxBufferedBytes: number;
  };
  /** Queries run as compiled functions (graphql-jit); false: graphql-js executes every request. */
  graphqlJit: boolean;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const e = cleanEnv(
    env,
    {
      PORT: port({ default: 4000 }),
      HOST: host({ default: '0.0.0.0' }),
      PUBLIC_URL: publicUrl({ default: '' }),
      CORS_ORIGINS: origins({ default: [] }),
      DATABASE_URL: str({ default: '' }),
      EMBEDDED_PG_DIR: str({ default: '' }),
      ADMIN_TOKEN: str({ default: '' }),
      METRICS_TOKEN: str({ default: '' }),
      NODE_ENV: str({ default: 'development' }),
      SEED_ON_START: bool({ default: true }),
      GRAPHQL_INTROSPECTION: bool({ default: true }),
      LOG_LEVEL: str({ default: 'info', choices: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] }),
      MAX_QUERY_DEPTH: num({ default: 12 }),
      MAX_ALIASES: num({ default: 30 }),
      MAX_QUERY_COST: num({ default: 50000 }),
      DB_POOL_SIZE: num({ default: 10 }),
      DB_STATEMENTS_PER_REQUEST: num({ default: 3 }),
      DB_PREPARED_STATEMENTS: num({ default: 100 }),
      STATEMENT_TIMEOUT_MS: num({ default: 15000 }),
      IDLE_IN_TRANSACTION_TIMEOUT_MS: num({ default: 10000 }),
      DB_STALL_CHECK_MS: num({ default: 2000 }),
      SHUTDOWN_GRACE_MS: num({ default: 10000 }),
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: num({ default: 600 }),
      RATE_LIMIT_KEY_PER_MINUTE: num({ default: 3000 }),
      RATE_LIMIT_NO_CACHE_PER_MINUTE: num({ default: 60 }),
      TRUST_PROXY: str({ default: 'false' }),
      RESPONSE_CACHE_MB: num({ default: 64 }),
      RESPONSE_CACHE_ENTRIES: num({ default: 20000 }),
      RESPONSE_CACHE_TTL_SECONDS: num({ default: 300 }),
      CHANGE_FEED_PING_MS: num({ default: 5000 }),
      DATABASE_REPLICA_URLS: databaseUrls({ default: [] }),
      REPLICA_MAX_LAG_MS: num({ default: 2000 }),
      REPLICA_CHECK_MS: num({ default: 500 }),
      REDIS_URL: str({ default: '' }),
      SUBSCRIPTION_MAX_CONNECTIONS_PER_CLIENT: num({ default: 20 }),
      SUBSCRIPTION_MAX_PER_CONNECTION: num({ default: 10 }),
      SUBSCRIPTION_KEEPALIVE_MS: num({ default: 15000 }),
      SUBSCRIPTION_MAX_QUEUED_EVENTS: num({ default: 100 }),
      SUBSCRIPTION_MAX_BUFFERED_KB: num({ default: 1024 }),
      GRAPHQL_JIT: bool({ default: true }),
    },
    {
      reporter: ({ errors }) => {
        const bad = Object.entries(errors);
        if (bad.length) {
          throw new Error(`Invalid settings: ${bad.map(([k, v]) => `${k} (${(v as Error).message})`).join(', ')}`);
        }
      },
    },
  );
  return {
    port: e.PORT,
    host: e.HOST,
    publicUrl: e.PUBLIC_URL || undefined,
    corsOrigins: e.CORS_ORIGINS,
    databaseUrl: configuredDatabaseUrl(e.DATABASE_URL),
    embeddedDataDir: e.EMBEDDED_PG_DIR || undefined,
    adminToken: e.ADMIN_TOKEN || undefined,
    metricsToken: e.METRICS_TOKEN || undefined,
    production: e.NODE_ENV === 'production',
    seedOnStart: e.SEED_ON_START,
    introspection: e.GRAPHQL_INTROSPECTION,
    logLevel: e.LOG_LEVEL,
    maxPageSize: 100,
    maxQueryDepth: e.MAX_QUERY_DEPTH,
    maxAliases: e.MAX_ALIASES,
    maxCost: e.MAX_QUERY_COST,
    dbPoolSize: e.DB_POOL_SIZE,
    dbStatementsPerRequest: e.DB_STATEMENTS_PER_REQUEST,
    dbPreparedStatements: e.DB_PREPARED_STATEMENTS,
    statementTimeoutMs: e.STATEMENT_TIMEOUT_MS,
    idleInTransactionTimeoutMs: e.IDLE_IN_TRANSACTION_TIMEOUT_MS,
    dbStallCheckMs: e.DB_STALL_CHECK_MS,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    rateLimitAnonymousPerMinute: e.RATE_LIMIT_ANONYMOUS_PER_MINUTE,
    rateLimitKeyPerMinute: e.RATE_LIMIT_KEY_PER_MINUTE,
    rateLimitNoCachePerMinute: e.RATE_LIMIT_NO_CACHE_PER_MINUTE,
    trustProxy: trustProxyOf(e.TRUST_PROXY),
    responseCacheMb: e.RESPONSE_CACHE_MB,
    responseCacheEntries: e.RESPONSE_CACHE_ENTRIES,
    graphqlJit: e.GRAPHQL_JIT,
    responseCacheTtlSeconds: e.RESPONSE_CACHE_TTL_SECONDS,
    changeFeedPingMs: e.CHANGE_FEED_PING_MS,
    replicaUrls: e.DATABASE_REPLICA_URLS,
    replicaMaxLagMs: e.REPLICA_MAX_LAG_MS,
    replicaCheckMs: e.REPLICA_CHECK_MS,
    redisUrl: e.REDIS_URL || undefined,
    subscriptions: {
      maxConnectionsPerClient: e.SUBSCRIPTION_MAX_CONNECTIONS_PER_CLIENT,
      maxPerConnection: e.SUBSCRIPTION_MAX_PER_CONNECTION,
      keepAliveMs: e.SUBSCRIPTION_KEEPALIVE_MS,
      maxQueued: e.SUBSCRIPTION_MAX_QUEUED_EVENTS,
      maxBufferedBytes: e.SUBSCRIPTION_MAX_BUFFERED_KB * 1024,
    },
  };
}
