// The request context Apollo Server hands a gateway's executor (ours: src/graphql/jit-executor.ts),
// built without a hidden class per request.
//
// Apollo builds it in `makeGatewayGraphQLRequestContext` (utils/makeGatewayGraphQLRequestContext.js),
// where `response.http` is an object literal with a getter and a setter for `status`. V8 gives each
// evaluation of such a literal a hidden class (a map) of its own, in the old generation, whose
// descriptors hold that evaluation's accessor closures, and through their scope the request's whole
// context: its document, its context value and loaders, its answer. Maps die only in a full
// collection; until then every young collection finds each request's objects reachable from one,
// copies them and promotes them. Measured on the flat page of 10,000 releases with one connection
// (issue 9, seventeenth round, docs/performance.md): 1.2 MB survived each young collection, every
// byte of it promoted, and the old generation was collected every second or so; `{ __typename }`
// alone kept 430 KB a collection, and 7.6 KB with this module. A bare node:http server keeps none.
//
// The same context is built here, field for field, with `status` an accessor of a class (one hidden
// class for every request). Apollo's module calls the function through its exports object at each
// request, so `installGatewayRequestContext` replaces the export. The module is not in the
// package's exports, so it is read by path; if it is missing or has changed shape, Apollo's own
// stays (and test/api/gateway-context.test.ts, which checks the replacement, fails).
import path from 'node:path';
import type { HeaderMap } from '@apollo/server';

interface HttpHead {
  status?: number;
  headers: HeaderMap;
}

/** What Apollo passes in: its own request context (only what the gateway's context copies). */
interface ApolloRequestContext {
  request: {
    query?: string;
    operationName?: string;
    variables?: Record<string, unknown>;
    extensions?: Record<string, unknown>;
    http?: { method: string; search: string; headers: HeaderMap };
  };
  response: { http: HttpHead };
  schema: unknown;
  contextValue: unknown;
  queryHash?: string;
  document?: unknown;
  source?: string;
  operationName?: string | null;
  operation?: unknown;
  errors?: unknown;
  metrics: unknown;
  overallCachePolicy: unknown;
  requestIsBatched: boolean;
}

/** A Fetch-style view of a HeaderMap, as Apollo's FetcherHeadersForHeaderMap. */
class FetcherHeaders {
  constructor(readonly map: HeaderMap) {}
  append(name: string, value: string): void {
    this.map.set(name, this.map.has(name) ? `${this.map.get(name)}, ${value}` : value);
  }
  delete(name: string): void {
    this.map.delete(name);
  }
  get(name: string): string | null {
    return this.map.get(name) ?? null;
  }
  has(name: string): boolean {
    return this.map.has(name);
  }
  set(name: string, value: string): void {
    this.map.set(name, value);
  }
  entries() {
    return this.map.entries();
  }
  keys() {
    return this.map.keys();
  }
  values() {
    return this.map.values();
  }
  [Symbol.iterator]() {
    return this.map.entries();
  }
}

/** The response's head as the gateway sees it: `status` reads and writes Apollo's. */
class GatewayResponseHttp {
  readonly headers: FetcherHeaders;
  constructor(private readonly head: HttpHead) {
    this.headers = new FetcherHeaders(head.headers);
  }
  get status(): number | undefined {
    return this.head.status;
  }
  set status(status: number | undefined) {
    this.head.status = status;
  }
}

/** Apollo's `makeGatewayGraphQLRequestContext`, the same object but for `response.http`'s class. */
export function makeGatewayRequestContext(
  rc: ApolloRequestContext,
  server: { logger: unknown; cache: unknown },
  internals: { includeStacktraceInErrorResponses?: boolean },
) {
  const request: Record<string, unknown> = {};
  if ('query' in rc.request) request.query = rc.request.query;
  if ('operationName' in rc.request) request.operationName = rc.request.operationName;
  if ('variables' in rc.request) request.variables = rc.request.variables;
  if ('extensions' in rc.request) request.extensions = rc.request.extensions;
  const http = rc.request.http;
  if (http) {
    const question = http.search !== '' && !http.search.startsWith('?');
    request.http = { method: http.method, url: `https://unknown-url.invalid/${question ? '?' : ''}${http.search}`, headers: new FetcherHeaders(http.headers) };
  }
  return {
    request,
    response: { http: new GatewayResponseHttp(rc.response.http) },
    logger: server.logger,
    schema: rc.schema,
    schemaHash: 'schemaHash no longer exists since Apollo Server 4',
    context: rc.contextValue,
    cache: server.cache,
    queryHash: rc.queryHash,
    document: rc.document,
    source: rc.source,
    operationName: rc.operationName,
    operation: rc.operation,
    errors: rc.errors,
    metrics: rc.metrics,
    debug: internals.includeStacktraceInErrorResponses,
    overallCachePolicy: rc.overallCachePolicy,
    requestIsBatched: rc.requestIsBatched,
  };
}

type ApolloModule = { makeGatewayGraphQLRequestContext?: unknown };

/** Apollo's module that builds the gateway's request context (undefined if it cannot be read). */
export function apolloGatewayContextModule(): ApolloModule | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(path.join(path.dirname(require.resolve('@apollo/server')), 'utils', 'makeGatewayGraphQLRequestContext.js')) as ApolloModule;
  } catch {
    return undefined;
  }
}

/** Makes Apollo build gateway request contexts with `makeGatewayRequestContext`; false if it could not. */
export function installGatewayRequestContext(): boolean {
  const m = apolloGatewayContextModule();
  if (!m || typeof m.makeGatewayGraphQLRequestContext !== 'function') return false;
  m.makeGatewayGraphQLRequestContext = makeGatewayRequestContext;
  return true;
}
