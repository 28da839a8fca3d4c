// The HTTP app: GraphQL at /graphql (with the offline playground for browsers), the reading room at /,
// /healthz.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError as GraphQLErrorClass, type GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import type { Config } from './config';
import { sqlSourceOf, type Db } from './db/client';
import { executorFactory, type ExecutorFactory } from './db/sql';
import { getSchema } from './graphql/schema';
import { jitGateway } from './graphql/jit-executor';
import { foldRequestPlugins } from './graphql/fold-plugins';
import { createLoaders } from './graphql/loaders';
import type { Context } from './graphql/context';
import { authenticate, bearerToken } from './auth/api-keys';
import { refuseBadCredentialsPlugin } from './auth/auth-checker';
import { playgroundAssets, playgroundHtml } from './http/playground';
import { readingRoom } from './http/reading-room';
import { pageSizeThenCostRule } from './graphql/page-size-rule';
import { noSubscriptionsRule } from './graphql/no-subscriptions-rule';
import { inputGuardPlugin } from './graphql/input-guard';
import { createMetrics, metricsGuard } from './http/metrics';
import { atomFeed, csvExport, ndjsonExport } from './http/feeds';
import { createRequestLog } from './http/request-log';
import { jsonBody } from './http/json-body';
import { corsFor } from './http/cors';
import { ArchiveChangeFeed, GenerationMemo } from './db/change-feed';
import type { FacetMemo } from './read/facets';
import { visibleStatuses } from './domain/visibility';
import { asksForComputedAnswer, responseCachePlugins } from './graphql/response-cache';
import { isTransient } from './domain/ingest';
import { createRateLimiter, type RateLimiter } from './http/rate-limit';
import { queryCostPlugin } from './graphql/query-cost';
import { graphqlMiddleware, jsonPostsOnly, legacyJsonStatusPlugin, prefersPage } from './http/graphql-http';
import { asExpress, clientAddress, directRoute } from './http/direct-route';
import { ReleaseEventFeed } from './db/release-events';
import { ReplicaRouter } from './db/replicas';
import { RedisResponseStore } from './graphql/redis-response-store';
import { attachSubscriptions } from './http/subscriptions';

export interface AppDeps {
  db: Db;
  config: Config;
  log: Logger;
  /** The database's URL, for the change feed of the response cache (no URL: no cache). */
  databaseUrl?: string;
  /** Set by createServer when the change feed runs. */
  facetMemo?: FacetMemo;
  /** Where each request's reads go (default: the pool of `db`). */
  reads?: ExecutorFactory;
  /** Set by createServer: refuses a client over its rate (src/http/rate-limit.ts). */
  rateLimit?: RateLimiter;
}

/** The largest JSON body of a POST to /graphql (1 MiB, body-parser's `1mb`): 413 beyond. */
const JSON_BODY_LIMIT_BYTES = 1024 * 1024;

/** The most tokens a GraphQL document may have (a parse error beyond). */
const MAX_TOKENS = 5000;

/** Codes a client can act on pass through; anything else is a bug, masked in production. */
const EXPECTED_CODES = new Set([
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'SERVICE_UNAVAILABLE',
  'RATE_LIMITED',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

interface ValidationFailure {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationFailure[];
}

/** The dotted path and message of the first class-validator failure ("input.meetings.0.kind"). */
function firstFailure(v: ValidationFailure, prefix = ''): { field: string; message: string } {
  const path = prefix ? `${prefix}.${v.property}` : v.property;
  if (v.constraints && Object.keys(v.constraints).length) return { field: path, message: Object.values(v.constraints)[0] };
  if (v.children?.length) return firstFailure(v.children[0], path);
  return { field: path, message: 'invalid' };
}

/**
 * How a database that cannot be reached, went away mid-statement or is failing over shows itself:
 * pg's socket errors and messages, Prisma's ("Server has closed the connection", "Can't reach
 * database server"), Postgres's own (shutting down, starting up, in recovery, read-only after a
 * failover, too many clients) and the client-side timeouts of src/db/client.ts.
 */
const UNAVAILABLE =
  /ECONNREFUSED|ECONNRESET|ECONNABORTED|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|EPIPE|Connection terminated|Server has closed the connection|server closed the connection|Client has encountered a connection error|Connection ended|Can't reach database|Operation has timed out|Query read timeout|Client was closed|Cannot use a pool after calling end|the database system is (starting up|shutting down|in recovery mode|not yet accepting connections)|terminating connection due to|too many clients already|remaining connection slots are reserved|cannot execute .* in a read-only transaction/i;
/** Prisma's codes of the same: unreachable, timed out, closed, too many connections. */
const UNAVAILABLE_PRISMA = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2037']);
/** The adapter's error kinds of the same (the cause of a Prisma error). */
const UNAVAILABLE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
/**
 * SQLSTATEs of the same: class 08 (connection exception), 57P01-57P03 (admin shutdown, crash
 * shutdown, cannot connect now), 53300 (too many connections), 25006 (read-only: a write reached a
 * server that is no longer the primary).
 */
const unavailableState = (state: string | undefined) => !!state && (state.startsWith('08') || ['57P01', '57P02', '57P03', '53300', '25006'].includes(state));

/**
 * A database that cannot be reached (down, restarting) or a pool with no free connection in time
 * (the service is saturated) is not the request's fault: the client may retry.
 */
interface ErrorLink {
  originalError?: unknown;
  cause?: unknown;
  message?: string;
  code?: string;
  kind?: string;
  originalCode?: string;
  meta?: { code?: string; driverAdapterError?: unknown };
}

/** An error and the errors it wraps (GraphQL's originalError, a cause, Prisma's adapter error), outermost first. */
function* errorChain(error: unknown): Generator<ErrorLink> {
  for (let e = error as ErrorLink | undefined, depth = 0; e && typeof e === 'object' && depth < 8; depth++) {
    yield e;
    e = (e.originalError ?? e.cause ?? e.meta?.driverAdapterError) as ErrorLink | undefined;
  }
}

/** Seconds a client is told to wait (Retry-After) before retrying a SERVICE_UNAVAILABLE answer. */
export const RETRY_AFTER_SECONDS = 2;

export function databaseUnavailable(error: unknown): string | null {
  for (const e of errorChain(error)) {
    const message = typeof e.message === 'string' ? e.message : '';
    // P2024: no pool connection in time; P2028: a transaction could not start in time (same cause).
    if (e.code === 'P2024' || e.code === 'P2028' || /timeout exceeded when trying to connect|Unable to start a transaction in the given time/i.test(message)) {
      return 'The service is busy';
    }
    if (/canceling statement due to statement timeout|57014/.test(message)) return 'The query took too long (narrow it, or try again)';
    // Deadlocks and serialisation failures: the transaction rolled back whole; a retry succeeds.
    if (isTransient(e)) return 'Conflicting writes at the same moment';
    const state = e.originalCode ?? (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) ? e.code : undefined);
    if (
      (e.code && UNAVAILABLE_PRISMA.has(e.code)) ||
      (e.kind && UNAVAILABLE_KINDS.has(e.kind)) ||
      unavailableState(state) ||
      UNAVAILABLE.test(message)
    ) {
      return 'The database is unavailable';
    }
  }
  return null;
}

/** The error a request gets when the database failed it before GraphQL ran (its key could not be checked). */
export function unavailableError(message: string): GraphQLError {
  return new GraphQLErrorClass(`${message}: try again shortly`, {
    extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503, headers: new Map([['retry-after', String(RETRY_AFTER_SECONDS)]]) } },
  });
}

/**
 * Any answer carrying SERVICE_UNAVAILABLE goes out as HTTP 503 with Retry-After, reads and writes
 * alike: a client (or a proxy) retries on the status, whatever the body says.
 */
export const unavailableStatusPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
        if (!errors?.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')) return;
        response.http.status = 503;
        response.http.headers.set('retry-after', String(RETRY_AFTER_SECONDS));
        response.http.headers.set('cache-control', 'no-store');
      },
    };
  },
};

/**
 * Database refusals that are the request's doing, not a bug: a Postgres data exception (SQLSTATE
 * class 22: a NUL character, a number out of range, an impossible date) or a value too long (class
 * 54) from a parameterised statement comes from a value the client sent; a unique or foreign key
 * or a missing row in a write comes from a concurrent write.
 */
function clientFault(error: unknown): { code: string; message: string } | null {
  for (const e of errorChain(error)) {
    const sqlState = e.meta?.code ?? (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) ? e.code : undefined) ?? /Code: `([0-9A-Z]{5})`/.exec(e.message ?? '')?.[1];
    if (sqlState?.startsWith('22')) {
      return { code: 'BAD_USER_INPUT', message: 'A value in the request cannot be used (a NUL character, a number out of range, an impossible date?)' };
    }
    // Not class 22, but the same kind of fault: a search of more than 32 operators in a row.
    if (/tsquery stack too small/.test(e.message ?? '')) {
      return { code: 'BAD_USER_INPUT', message: 'The search has too many operators in a row (-, or, quotes): simplify it' };
    }
    // Class 54: a value too long for an index (a name or URL of thousands of characters).
    if (sqlState?.startsWith('54')) return { code: 'BAD_USER_INPUT', message: 'A value in the request is too long to store' };
    // A write that met a concurrent one (the writes roll back whole): a unique key taken meanwhile,
    // a row deleted meanwhile, a reference to one deleted meanwhile.
    if (e.code === 'P2002' || sqlState === '23505') {
      return { code: 'CONFLICT', message: 'Another write took the same key (a slug, a text, a source URL, a name) at the same moment: try again' };
    }
    if (e.code === 'P2003' || sqlState === '23503') {
      return { code: 'CONFLICT', message: 'Something this write refers to was deleted or merged meanwhile: reload and try again' };
    }
    if (e.code === 'P2025') return { code: 'NOT_FOUND', message: 'What this write changes no longer exists (deleted or merged meanwhile?)' };
  }
  return null;
}

export function formatError(production: boolean, log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code as string | undefined;
    const unavailable = databaseUnavailable(error);
    if (unavailable) {
      log.warn({ err: error, path: formatted.path }, unavailable);
      return {
        message: `${unavailable}: try again shortly`,
        path: formatted.path,
        locations: formatted.locations,
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      };
    }
    const fault = clientFault(error);
    if (fault) {
      log.info({ err: error, path: formatted.path }, 'the database refused a write or a value');
      return { message: fault.message, path: formatted.path, locations: formatted.locations, extensions: { code: fault.code } };
    }
    // Validation errors of our own rules keep the code they were raised with.
    const originalCode = ((error as GraphQLError | undefined)?.originalError as GraphQLError | undefined)?.extensions?.code;
    if (code === 'GRAPHQL_VALIDATION_FAILED' && originalCode === 'BAD_USER_INPUT') {
      return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT' } };
    }
    // A literal of the wrong shape for its scalar (a malformed date or URL) is bad input too.
    if (code === 'GRAPHQL_VALIDATION_FAILED' && /^Expected value of type|cannot represent/.test(formatted.message)) {
      return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT' } };
    }
    // class-validator failures (type-graphql): name the first field at fault, as our own errors do.
    const validation = formatted.extensions?.validationErrors as ValidationFailure[] | undefined;
    if (code === 'BAD_USER_INPUT' && validation?.length && !formatted.extensions?.field) {
      const { field, message } = firstFailure(validation[0]);
      return { ...formatted, message: `${formatted.message}: ${message}`, extensions: { ...formatted.extensions, field } };
    }
    if (code === 'UNAUTHORIZED') {
      // type-graphql's own refusal (unused by our auth checker, kept consistent if it ever fires).
      return { ...formatted, extensions: { ...formatted.extensions, code: 'FORBIDDEN' } };
    }
    if (code && EXPECTED_CODES.has(code)) return formatted;
    // Errors Apollo raises about the request itself (a persisted query's version or hash) carry an
    // HTTP 4xx status and no code: they are the client's.
    const status = ((error as GraphQLError | undefined)?.extensions?.http as { status?: number } | undefined)?.status;
    if (status && status >= 400 && status < 500) return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_REQUEST' } };
    log.error({ err: error, path: formatted.path }, 'unexpected error in a GraphQL operation');
    if (!production) return formatted;
    return { message: 'Internal server error', path: formatted.path, locations: formatted.locations, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

/**
 * `fresh`: the request asked for a computed answer (`Cache-Control: no-cache`), so no memo either.
 * `primary`: read the primary even when anonymous (subscriptions read what was just written there).
 */
export async function createContext(
  deps: AppDeps & { reads: ExecutorFactory },
  authorization: string | undefined,
  fresh = false,
  /** The client's address for the rate limit; null: not rate-limited here (subscriptions have their own limits). */
  address: string | null = 'unknown',
  primary = false,
): Promise<Context> {
  const token = bearerToken(authorization);
  let viewer: Awaited<ReturnType<typeof authenticate>> = null;
  try {
    viewer = token ? await authenticate(deps.db, token, deps.config.adminToken) : null;
  } catch (e) {
    // The key could not be checked: the database is away. Not a 500, not anonymous: 503.
    const unavailable = databaseUnavailable(e);
    if (unavailable) throw unavailableError(unavailable);
    throw e;
  }
  // Editors and admins by key, everyone else by address (a key that is not one counts as none).
  if (address !== null) await deps.rateLimit?.({ key: viewer ? (viewer.apiKeyId ? `key:${viewer.apiKeyId}` : `token:${viewer.name}`) : null, address, fresh });
  // Editors read the primary: they see their own writes at once (replicas: src/db/replicas.ts).
  const sql = deps.reads.forRequest({ primary: primary || viewer !== null });
  const visible = visibleStatuses(viewer);
  return {
    db: deps.db,
    sql,
    config: deps.config,
    loaders: createLoaders(sql, visible),
    viewer,
    visible,
    badCredentials: token !== null && !viewer,
    scoped: new Map(),
    facetMemo: fresh ? undefined : deps.facetMemo,
  };
}

/** Depth, alias, directive and cost limits: the validation rules and plugins of every operation. */
export function operationLimits(config: Config) {
  const armor = new ApolloArmor({
    maxDepth: { n: config.maxQueryDepth, ignoreIntrospection: true },
    maxAliases: { n: config.maxAliases },
    // The cost limit runs inside pageSizeThenCostRule, after the page-size check.
    costLimit: { enabled: false },
    // The token limit is graphql-js's own parse option (below): armor's version parses in a plugin
    // hook, where a syntax error became a 500 instead of GRAPHQL_PARSE_FAILED.
    maxTokens: { enabled: false },
    maxDirectives: { n: 50 },
    // Suggestions help people exploring in the playground; introspection is public anyway.
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return {
    plugins: armor.plugins,
    /** Shared by HTTP and WebSocket (subscriptions); HTTP adds the refusal of subscriptions. */
    validationRules: [...armor.validationRules, pageSizeThenCostRule({ maxCost: config.maxCost })],
  };
}

export async function createApollo(deps: AppDeps, extraPlugins: ApolloServerPlugin<Context>[] = []) {
  const { config, log } = deps;
  const armor = operationLimits(config);
  const schema = await getSchema();
  const apollo = new ApolloServer<Context>({
    // Queries run compiled (graphql-jit) unless GRAPHQL_JIT=false; see src/graphql/jit-executor.ts.
    ...(config.graphqlJit ? { gateway: jitGateway(schema) } : { schema }),
    introspection: config.introspection,
    parseOptions: { maxTokens: MAX_TOKENS },
    includeStacktraceInErrorResponses: !config.production,
    formatError: formatError(config.production, log),
    validationRules: [...armor.validationRules, noSubscriptionsRule],
    allowBatchedHttpRequests: false,
    // No cookies, so nothing for a cross-site request to borrow: see src/http/graphql-http.ts.
    csrfPrevention: false,
    // main.ts owns the signals: drain HTTP, close the pool, stop the embedded database, in that order.
    stopOnTerminationSignals: false,
    // One request listener for all of ours (src/graphql/fold-plugins.ts): Apollo makes promises per listener and hook.
    plugins: foldRequestPlugins([
      inputGuardPlugin,
      refuseBadCredentialsPlugin,
      unavailableStatusPlugin,
      legacyJsonStatusPlugin,
      queryCostPlugin(config.maxCost),
      ...armor.plugins,
      ApolloServerPluginLandingPageDisabled(),
      // No per-field cache hints: the response cache sets one policy per query (response-cache.ts),
      // and Apollo's cache-control plugin would otherwise wrap every resolver of every request.
      ApolloServerPluginCacheControlDisabled(),
      // Federation's inline traces are for a subgraph behind a gateway, which this schema is not:
      // Apollo installs the plugin anyway and it starts a listener for every request to find that out.
      ApolloServerPluginInlineTraceDisabled(),
      ...extraPlugins,
    ]),
  });
  return apollo;
}

/** The address a local run is reached at: http://localhost:4000 for the default HOST of all interfaces. */
export function localUrl(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}`;
}

/** The database a URL names, credentials and options aside: instances that share it share cached answers. */
function databaseIdentity(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || 5432}${u.pathname}`;
}

/** Memory and entries for facet answers kept across requests (src/read/facets.ts, FacetMemo). */
const FACET_MEMO_BYTES = 16 * 2 ** 20;
const FACET_MEMO_ENTRIES = 5000;

export async function createServer(appDeps: AppDeps) {
  const metrics = createMetrics();
  const { config } = appDeps;
  // DATABASE_REPLICA_URLS: anonymous reads on replicas close enough behind (src/db/replicas.ts).
  const replicas =
    !appDeps.reads && config.replicaUrls.length
      ? new ReplicaRouter(sqlSourceOf(appDeps.db), config.dbStatementsPerRequest, {
          urls: config.replicaUrls,
          maxLagMs: config.replicaMaxLagMs,
          checkMs: config.replicaCheckMs,
          poolSize: config.dbPoolSize,
          statementTimeoutMs: config.statementTimeoutMs,
          log: appDeps.log,
          registry: metrics.registry,
        })
      : undefined;
  await replicas?.start();
  const reads = appDeps.reads ?? replicas ?? executorFactory(sqlSourceOf(appDeps.db), config.dbStatementsPerRequest);
  const rateLimit = createRateLimiter({
    anonymousPerMinute: config.rateLimitAnonymousPerMinute,
    keyPerMinute: config.rateLimitKeyPerMinute,
    anonymousNoCachePerMinute: config.rateLimitNoCachePerMinute,
  });
  let deps = { ...appDeps, reads, rateLimit };
  const { db, log } = deps;
  const app = express();
  app.disable('x-powered-by');
  // Behind a reverse proxy, the client's address is the one the proxy names (TRUST_PROXY).
  app.set('trust proxy', deps.config.trustProxy);
  // `POST /graphql` and `GET /graphql?…` go straight to their middleware (directPost and directGet,
  // below); everything else (other paths, spellings and methods) to Express.
  let directPost: http.RequestListener | undefined;
  let directGet: http.RequestListener | undefined;
  const httpServer = http.createServer((req, res) => {
    const url = req.url!;
    if (directPost && req.method === 'POST' && url === '/graphql') directPost(req, res);
    else if (directGet && req.method === 'GET' && (url === '/graphql' || url.startsWith('/graphql?'))) directGet(req, res);
    else app(req, res);
  });
  const requestLog = createRequestLog(log, metrics.observe);
  const plugins: ApolloServerPlugin<Context>[] = [ApolloServerPluginDrainHttpServer({ httpServer }), metrics.plugin, requestLog.plugin];
  if (replicas) plugins.push({ serverWillStart: async () => ({ serverWillStop: () => replicas.stop() }) });
  let feed: ArchiveChangeFeed | undefined;
  if (deps.databaseUrl && deps.config.responseCacheMb > 0) {
    const changes = new ArchiveChangeFeed(deps.databaseUrl, log, { pingMs: deps.config.changeFeedPingMs });
    feed = changes;
    // After a write, replicas serve once they have replayed it: cached answers never predate a write.
    if (replicas) changes.onChange(() => replicas.afterWrite());
    await changes.start();
    const ttlMs = deps.config.responseCacheTtlSeconds * 1000;
    deps = { ...deps, facetMemo: new GenerationMemo(changes, { maxBytes: FACET_MEMO_BYTES, maxEntries: FACET_MEMO_ENTRIES, ttlMs }) };
    // REDIS_URL: answers shared by every instance (src/graphql/redis-response-store.ts).
    const shared = deps.config.redisUrl
      ? new RedisResponseStore({
          url: deps.config.redisUrl,
          database: databaseIdentity(deps.databaseUrl!),
          feed: changes,
          ttlSeconds: deps.config.responseCacheTtlSeconds,
          log,
          registry: metrics.registry,
        })
      : undefined;
    await shared?.start();
    plugins.push(
      ...responseCachePlugins({
        maxMb: deps.config.responseCacheMb,
        maxEntries: deps.config.responseCacheEntries,
        ttlSeconds: deps.config.responseCacheTtlSeconds,
        feed: changes,
        registry: metrics.registry,
        shared,
      }),
      { serverWillStart: async () => ({ serverWillStop: async () => (await changes.stop(), await shared?.stop()) }) },
    );
  }
  // Subscriptions need the release events of Postgres, so a database URL (src/http/subscriptions.ts).
  const events = deps.databaseUrl ? new ReleaseEventFeed(deps.databaseUrl, log) : undefined;
  let subscriptions: { dispose(): Promise<void> } | undefined;
  if (events) {
    await events.start();
    plugins.push({
      serverWillStart: async () => ({
        drainServer: async () => subscriptions?.dispose(),
        serverWillStop: () => events.stop(),
      }),
    });
  }
  const apollo = await createApollo(deps, plugins);
  await apollo.start();
  if (events) {
    subscriptions = attachSubscriptions({
      httpServer,
      schema: await getSchema(),
      path: '/graphql',
      events,
      limits: deps.config.subscriptions,
      validationRules: operationLimits(deps.config).validationRules,
      maxTokens: MAX_TOKENS,
      // Announced changes are read where they were written: subscriptions read the primary.
      createContext: (authorization) => createContext(deps, authorization, true, null, true),
      formatError: formatError(deps.config.production, log),
      log,
      registry: metrics.registry,
    });
  }

  // The request log also times each request for the metrics.
  app.use(requestLog.middleware);
  const cors = corsFor(deps.config.corsOrigins);
  if (cors) app.use(cors);
  app.get('/metrics', metricsGuard(deps.config.metricsToken), metrics.endpoint);
  // Feed ids and links name PUBLIC_URL, never the request's Host header (a client could set it).
  const publicUrl = () => deps.config.publicUrl ?? localUrl(deps.config.host, (httpServer.address() as AddressInfo | null)?.port ?? deps.config.port);
  app.get('/feeds/releases.atom', atomFeed(reads, publicUrl));
  app.get('/export/releases.ndjson', ndjsonExport(reads));
  app.get('/export/releases.csv', csvExport(reads));

  app.get('/healthz', async (_req, res) => {
    try {
      await db.$queryRaw`SELECT 1`;
      res.json({ status: 'ok' });
    } catch (e) {
      log.warn({ err: e }, 'health check: database unreachable');
      res.status(503).set('retry-after', String(RETRY_AFTER_SECONDS)).json({ status: 'unavailable', reason: 'database unreachable' });
    }
  });

  app.use('/playground', playgroundAssets());
  // Browsers asking /graphql for a page get the playground; clients get GraphQL. (Express's
  // `req.accepts` and `req.query`, read without its prototypes for the direct route.)
  const playgroundForBrowsers: RequestHandler = (req, res, next) => {
    if (prefersPage(req.headers.accept)) {
      const search = req.url.indexOf('?');
      if (search < 0 || !new URLSearchParams(req.url.slice(search + 1)).get('query')) {
        asExpress(req, res);
        res.type('html').send(playgroundHtml('/graphql'));
        return;
      }
    }
    next();
  };
  app.get('/graphql', playgroundForBrowsers);
  app.use(readingRoom());

  const graphqlPost: RequestHandler[] = [
    jsonPostsOnly,
    jsonBody(JSON_BODY_LIMIT_BYTES),
    graphqlMiddleware(apollo, async ({ req }) =>
      createContext(deps, req.headers.authorization, asksForComputedAnswer(req.headers['cache-control'], req.headers.pragma), clientAddress(app, req) ?? req.socket.remoteAddress),
    ),
  ];
  app.use('/graphql', ...graphqlPost);

  // Bodies that are not JSON, or too large, are the client's error: 4xx with a GraphQL-shaped body.
  const onError: ErrorRequestHandler = (err, _req, res, _next) => {
    const requestId = res.getHeader('x-request-id');
    // The feeds and exports read the database too: an outage there is a 503 a client retries, as in GraphQL.
    const unavailable = databaseUnavailable(err);
    if (unavailable) {
      log.warn({ err }, unavailable);
      res.status(503).set('retry-after', String(RETRY_AFTER_SECONDS)).json({
        errors: [{ message: `${unavailable}: try again shortly`, extensions: { code: 'SERVICE_UNAVAILABLE', requestId } }],
      });
      return;
    }
    const status = typeof err?.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) log.error({ err }, 'unhandled HTTP error');
    res.status(status).json({
      errors: [{ message: status === 500 ? 'Internal server error' : String(err.message), extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST', requestId } }],
    });
  };
  app.use(onError);
  // The same middleware, in the same order, that Express's router runs for `POST /graphql` (the
  // request log, CORS, then the route's own), called one after the other on Node's request and
  // response (src/http/direct-route.ts): the router matched the path of every request against each
  // of its 14 or 15 layers (docs/performance.md, tenth round of issue 9), and Express's prototypes
  // made every property read on them slower (sixteenth round).
  directPost = directRoute(app, [requestLog.middleware, ...(cors ? [cors] : []), ...graphqlPost], onError);
  // And `GET /graphql` (the queries of cached clients and CDNs), with the playground's turn first, as routed.
  directGet = directRoute(app, [requestLog.middleware, ...(cors ? [cors] : []), playgroundForBrowsers, ...graphqlPost], onError);

  return { app, httpServer, apollo, feed, events };
}
