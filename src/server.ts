// The HTTP app: GraphQL at /graphql (with the offline playground for browsers), the reading room at /,
// /healthz.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type ErrorRequestHandler } from 'express';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import type { Config } from './config';
import { sqlSourceOf, type Db } from './db/client';
import { executorFactory, type ExecutorFactory } from './db/sql';
import { getSchema } from './graphql/schema';
import { jitGateway } from './graphql/jit-executor';
import { createLoaders } from './graphql/loaders';
import type { Context } from './graphql/context';
import { authenticate, bearerToken } from './auth/api-keys';
import { playgroundAssets, playgroundHtml } from './http/playground';
import { readingRoom } from './http/reading-room';
import { pageSizeThenCostRule } from './graphql/page-size-rule';
import { noSubscriptionsRule } from './graphql/no-subscriptions-rule';
import { inputGuardPlugin } from './graphql/input-guard';
import { createMetrics } from './http/metrics';
import { atomFeed, csvExport, ndjsonExport } from './http/feeds';
import { createRequestLog } from './http/request-log';
import { corsFor } from './http/cors';
import { ArchiveChangeFeed, GenerationMemo } from './db/change-feed';
import type { FacetMemo } from './read/facets';
import { visibleStatuses } from './domain/visibility';
import { asksForComputedAnswer, responseCachePlugins } from './graphql/response-cache';
import { isTransient } from './domain/ingest';

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
}

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

const UNAVAILABLE = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|Connection terminated|Can't reach database|the database system is (starting up|shutting down)|terminating connection due to administrator command/i;

/**
 * A database that cannot be reached (down, restarting) or a pool with no free connection in time
 * (the service is saturated) is not the request's fault: the client may retry.
 */
interface ErrorLink {
  originalError?: unknown;
  cause?: unknown;
  message?: string;
  code?: string;
  meta?: { code?: string };
}

/** An error and the errors it wraps (GraphQL's originalError, a cause), outermost first. */
function* errorChain(error: unknown): Generator<ErrorLink> {
  for (let e = error as ErrorLink | undefined, depth = 0; e && depth < 6; depth++) {
    yield e;
    e = (e.originalError ?? e.cause) as ErrorLink | undefined;
  }
}

function databaseUnavailable(error: unknown): string | null {
  for (const e of errorChain(error)) {
    const message = typeof e.message === 'string' ? e.message : '';
    // P2024: no pool connection in time; P2028: a transaction could not start in time (same cause).
    if (e.code === 'P2024' || e.code === 'P2028' || /timeout exceeded when trying to connect|Unable to start a transaction in the given time/i.test(message)) {
      return 'The service is busy';
    }
    if (/canceling statement due to statement timeout|57014/.test(message)) return 'The query took too long (narrow it, or try again)';
    // Deadlocks and serialisation failures: the transaction rolled back whole; a retry succeeds.
    if (isTransient(e)) return 'Conflicting writes at the same moment';
    if ((e.code && ['P1001', 'P1002', 'P1017'].includes(e.code)) || UNAVAILABLE.test(message)) return 'The database is unavailable';
  }
  return null;
}

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

/** `fresh`: the request asked for a computed answer (`Cache-Control: no-cache`), so no memo either. */
export async function createContext(deps: AppDeps & { reads: ExecutorFactory }, authorization: string | undefined, fresh = false): Promise<Context> {
  const token = bearerToken(authorization);
  const viewer = token ? await authenticate(deps.db, token, deps.config.adminToken) : null;
  const sql = deps.reads.forRequest();
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

export async function createApollo(deps: AppDeps, extraPlugins: ApolloServerPlugin<Context>[] = []) {
  const { config, log } = deps;
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
  const schema = await getSchema();
  const apollo = new ApolloServer<Context>({
    // Queries run compiled (graphql-jit) unless GRAPHQL_JIT=false; see src/graphql/jit-executor.ts.
    ...(config.graphqlJit ? { gateway: jitGateway(schema) } : { schema }),
    introspection: config.introspection,
    parseOptions: { maxTokens: MAX_TOKENS },
    includeStacktraceInErrorResponses: !config.production,
    formatError: formatError(config.production, log),
    validationRules: [...armor.validationRules, pageSizeThenCostRule({ maxCost: config.maxCost }), noSubscriptionsRule],
    allowBatchedHttpRequests: false,
    // main.ts owns the signals: drain HTTP, close the pool, stop the embedded database, in that order.
    stopOnTerminationSignals: false,
    // No per-field cache hints: the response cache sets one policy per query (response-cache.ts),
    // and Apollo's cache-control plugin would otherwise wrap every resolver of every request.
    plugins: [inputGuardPlugin, ...armor.plugins, ApolloServerPluginLandingPageDisabled(), ApolloServerPluginCacheControlDisabled(), ...extraPlugins],
  });
  return apollo;
}

/** The address a local run is reached at: http://localhost:4000 for the default HOST of all interfaces. */
export function localUrl(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}`;
}

/** Memory for facet answers kept across requests (src/domain/facets.ts, FacetMemo). */
const FACET_MEMO_BYTES = 16 * 2 ** 20;

export async function createServer(appDeps: AppDeps) {
  const reads = appDeps.reads ?? executorFactory(sqlSourceOf(appDeps.db), appDeps.config.dbStatementsPerRequest);
  let deps = { ...appDeps, reads };
  const { db, log } = deps;
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const metrics = createMetrics();
  const requestLog = createRequestLog(log);
  const plugins: ApolloServerPlugin<Context>[] = [ApolloServerPluginDrainHttpServer({ httpServer }), metrics.plugin, requestLog.plugin];
  let feed: ArchiveChangeFeed | undefined;
  if (deps.databaseUrl && deps.config.responseCacheMb > 0) {
    const changes = new ArchiveChangeFeed(deps.databaseUrl, log);
    feed = changes;
    await changes.start();
    deps = { ...deps, facetMemo: new GenerationMemo(changes, FACET_MEMO_BYTES) };
    plugins.push(
      ...responseCachePlugins({
        maxMb: deps.config.responseCacheMb,
        ttlSeconds: deps.config.responseCacheTtlSeconds,
        feed: changes,
        registry: metrics.registry,
      }),
      { serverWillStart: async () => ({ serverWillStop: () => changes.stop() }) },
    );
  }
  const apollo = await createApollo(deps, plugins);
  await apollo.start();

  app.use(requestLog.middleware);
  const cors = corsFor(deps.config.corsOrigins);
  if (cors) app.use(cors);
  app.use(metrics.timing);
  app.get('/metrics', metrics.endpoint);
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
      res.status(503).json({ status: 'unavailable', reason: 'database unreachable' });
    }
  });

  app.use('/playground', playgroundAssets());
  // Browsers asking /graphql for a page get the playground; clients get GraphQL.
  app.get('/graphql', (req, res, next) => {
    if (req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html' && !req.query.query) {
      res.type('html').send(playgroundHtml('/graphql'));
      return;
    }
    next();
  });
  app.use(readingRoom());

  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) =>
        createContext(deps, req.headers.authorization, asksForComputedAnswer(req.headers['cache-control'], req.headers.pragma)),
    }),
  );

  // Bodies that are not JSON, or too large, are the client's error: 4xx with a GraphQL-shaped body.
  const onError: ErrorRequestHandler = (err, _req, res, _next) => {
    const requestId = res.getHeader('x-request-id');
    const status = typeof err?.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) log.error({ err }, 'unhandled HTTP error');
    res.status(status).json({
      errors: [{ message: status === 500 ? 'Internal server error' : String(err.message), extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST', requestId } }],
    });
  };
  app.use(onError);

  return { app, httpServer, apollo, feed };
}
