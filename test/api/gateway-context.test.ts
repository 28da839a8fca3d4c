// Apollo's request context for a gateway's executor, rebuilt without a hidden class per request
// (src/graphql/gateway-context.ts): the same object as Apollo's, status and headers written through,
// and installed where Apollo's request pipeline calls it.
import { ApolloServer, HeaderMap } from '@apollo/server';
import type { GatewayInterface } from '@apollo/server-gateway-interface';
import { buildSchema } from 'graphql';
import { apolloGatewayContextModule, installGatewayRequestContext, makeGatewayRequestContext } from '../../src/graphql/gateway-context';

type Build = typeof makeGatewayRequestContext;
// Read before anything installs ours (each test file has its own module registry).
const apollosOwn = apolloGatewayContextModule()?.makeGatewayGraphQLRequestContext as Build;

const server = { logger: { name: 'logger' }, cache: { name: 'cache' } };
const internals = { includeStacktraceInErrorResponses: true };

function requestContext(search: string | null) {
  return {
    request: {
      query: '{ hello }',
      operationName: 'Hello',
      variables: { a: 1 },
      ...(search === null ? {} : { http: { method: 'POST', search, headers: new HeaderMap([['accept', 'application/json']]) } }),
    },
    response: { http: { status: undefined as number | undefined, headers: new HeaderMap([['x-before', '1']]) } },
    schema: { name: 'schema' },
    contextValue: { who: 'me' },
    queryHash: 'hash',
    document: { kind: 'Document' },
    source: '{ hello }',
    operationName: 'Hello',
    operation: { kind: 'OperationDefinition' },
    errors: undefined,
    metrics: { m: 1 },
    overallCachePolicy: { maxAge: 0 },
    requestIsBatched: false,
  };
}

/** A context with its headers and status read out, for comparing the two builders' contexts. */
function plain(c: ReturnType<Build>) {
  const http = c.request.http as { method: string; url: string; headers: Iterable<[string, string]> } | undefined;
  return {
    ...c,
    request: { ...c.request, ...(http ? { http: { method: http.method, url: http.url, headers: [...http.headers] } } : {}) },
    response: { http: { status: c.response.http.status, headers: [...c.response.http.headers] } },
  };
}

it("builds the object Apollo's own function builds, with and without an HTTP request and a query string", () => {
  expect(typeof apollosOwn).toBe('function');
  expect(apollosOwn).not.toBe(makeGatewayRequestContext);
  for (const search of [null, '', 'a=1', '?a=1']) {
    const rc = requestContext(search);
    const ours = makeGatewayRequestContext(rc, server, internals);
    const theirs = apollosOwn(rc, server, internals);
    expect(plain(ours)).toEqual(plain(theirs));
    expect(Object.keys(ours)).toEqual(Object.keys(theirs));
    expect(ours.context).toBe(rc.contextValue);
  }
});

it("writes the executor's status and headers into Apollo's response, and reads them back", () => {
  const rc = requestContext('');
  const ctx = makeGatewayRequestContext(rc, server, internals);
  expect(ctx.response.http.status).toBeUndefined();
  ctx.response.http.status = 299;
  expect(rc.response.http.status).toBe(299);
  rc.response.http.status = 203;
  expect(ctx.response.http.status).toBe(203);
  const headers = ctx.response.http.headers;
  headers.set('x-gateway', 'yes');
  headers.append('x-gateway', 'again');
  headers.delete('x-before');
  expect([...rc.response.http.headers]).toEqual([['x-gateway', 'yes, again']]);
  expect(headers.get('x-gateway')).toBe('yes, again');
  expect(headers.get('x-none')).toBeNull();
  expect(headers.has('x-gateway')).toBe(true);
  expect([...headers.keys()]).toEqual(['x-gateway']);
  expect([...headers.values()]).toEqual(['yes, again']);
  expect([...headers.entries()]).toEqual([['x-gateway', 'yes, again']]);
});

it("is what Apollo's request pipeline calls once installed: a gateway's status, headers and answer reach the response", async () => {
  expect(installGatewayRequestContext()).toBe(true);
  expect(apolloGatewayContextModule()?.makeGatewayGraphQLRequestContext).toBe(makeGatewayRequestContext);

  const schema = buildSchema('type Query { hello: String }');
  const seen: unknown[] = [];
  let listener: ((s: { apiSchema: typeof schema; coreSupergraphSdl: string }) => void) | undefined;
  const gateway: GatewayInterface = {
    onSchemaLoadOrUpdate(callback) {
      listener = callback;
      return () => undefined;
    },
    async load() {
      listener?.({ apiSchema: schema, coreSupergraphSdl: '' });
      return {
        executor: async (rc) => {
          const http = rc.response!.http!;
          seen.push(http);
          http.status = 299;
          http.headers.set('x-gateway', 'yes');
          return { data: { hello: (rc.context as { who: string }).who } };
        },
      };
    },
    async stop() {},
  };
  const apollo = new ApolloServer<{ who: string }>({ gateway });
  await apollo.start();
  try {
    const answer = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers: new HeaderMap([['content-type', 'application/json']]), search: '', body: { query: '{ hello }' } },
      context: async () => ({ who: 'gateway' }),
    });
    expect(answer.status).toBe(299);
    expect(answer.headers.get('x-gateway')).toBe('yes');
    expect(answer.body.kind === 'complete' && JSON.parse(answer.body.string)).toEqual({ data: { hello: 'gateway' } });
    // Built by ours: `status` is an accessor of its class, not of an object literal.
    expect(seen).toHaveLength(1);
    expect(Object.getOwnPropertyDescriptor(seen[0], 'status')).toBeUndefined();
  } finally {
    await apollo.stop();
  }
});
