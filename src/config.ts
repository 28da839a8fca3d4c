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
  statementTimeoutMs: number;
  shutdownGraceMs: number;
  /** Memory for the response cache of anonymous queries, in MiB; 0 switches it off. */
  responseCacheMb: number;
  /** The longest a cached response is kept when nothing is written (writes drop it at once). */
  responseCacheTtlSeconds: number;
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
      NODE_ENV: str({ default: 'development' }),
      SEED_ON_START: bool({ default: true }),
      GRAPHQL_INTROSPECTION: bool({ default: true }),
      LOG_LEVEL: str({ default: 'info', choices: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] }),
      MAX_QUERY_DEPTH: num({ default: 12 }),
      MAX_ALIASES: num({ default: 30 }),
      MAX_QUERY_COST: num({ default: 50000 }),
      DB_POOL_SIZE: num({ default: 10 }),
      DB_STATEMENTS_PER_REQUEST: num({ default: 3 }),
      STATEMENT_TIMEOUT_MS: num({ default: 15000 }),
      SHUTDOWN_GRACE_MS: num({ default: 10000 }),
      RESPONSE_CACHE_MB: num({ default: 64 }),
      RESPONSE_CACHE_TTL_SECONDS: num({ default: 300 }),
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
    statementTimeoutMs: e.STATEMENT_TIMEOUT_MS,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    responseCacheMb: e.RESPONSE_CACHE_MB,
    graphqlJit: e.GRAPHQL_JIT,
    responseCacheTtlSeconds: e.RESPONSE_CACHE_TTL_SECONDS,
  };
}
