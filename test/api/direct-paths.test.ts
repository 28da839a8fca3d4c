// The request path's shortcuts answer as the long way did (docs/performance.md, tenth and sixteenth
// rounds): `POST /graphql` and `GET /graphql?…` run their middleware without Express's router, on
// Node's request and response without Express's prototypes (directRoute in src/http/direct-route.ts), and
// resolvers that take the parent, the context, the info and arguments with no validation rule are
// called without type-graphql's wrapper (directResolvers in src/graphql/schema.ts).
import 'reflect-metadata';
import http from 'node:http';
import { gzipSync } from 'node:zlib';
import { GraphQLObjectType } from 'graphql';
import { getSchema } from '../../src/graphql/schema';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { startTestServer, type TestServer } from '../support/server';

let tdb: TestDatabase;
let server: TestServer;

beforeAll(async () => {
  tdb = await createTestDatabase('corpus');
  server = await startTestServer(tdb.db, { CORS_ORIGINS: '*' });
});
afterAll(async () => {
  await server?.close();
  await tdb?.drop();
});

/**
 * Status, headers and body, with what differs between any two requests left out: the date, the
 * request id, and the ETag of an error written by Express (a hash of a body that carries the id).
 */
async function answer(url: string, init: RequestInit) {
  const res = await fetch(url, init);
  const headers: Record<string, string> = Object.fromEntries([...res.headers].filter(([k]) => !['date', 'x-request-id', 'keep-alive', 'connection'].includes(k)));
  if (headers.etag) headers.etag = 'present';
  const body = (await res.text()).replace(/"requestId":"[^"]*"/g, '"requestId":"-"');
  return { status: res.status, headers, body };
}

it('answers POST /graphql directly as Express routed it: same status, headers and body', async () => {
  const json = { 'content-type': 'application/json' };
  const nested = '{ meetings(first: 3) { edges { node { kind participants { role person { name } country { code name } } } } } pressReleases(first: 2) { edges { node { title topics { name } meetings { kind } } } } }';
  const cases: (RequestInit | (() => RequestInit))[] = [
    { method: 'POST', headers: { ...json, origin: 'http://app.example' }, body: JSON.stringify({ query: nested }) },
    { method: 'POST', headers: json, body: JSON.stringify({ query: '{ topics { slug }' }) },
    { method: 'POST', headers: { ...json, accept: 'application/graphql-response+json' }, body: JSON.stringify({ query: '{ noSuchField }' }) },
    { method: 'POST', headers: json, body: '{"query": ' },
    { method: 'POST', headers: json, body: '"a string"' },
    { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ __typename }' }) },
    { method: 'POST', headers: { 'content-type': 'application/json; charset=latin1' }, body: JSON.stringify({ query: '{ __typename }' }) },
    { method: 'POST', headers: json, body: JSON.stringify({ query: '{ __typename }', pad: 'x'.repeat(1_100_000) }) },
    { method: 'POST' },
    { method: 'POST', headers: { ...json, authorization: 'Bearer not-a-key' }, body: JSON.stringify({ query: '{ __typename }' }) },
    { method: 'POST', headers: json, body: JSON.stringify({ query: 'mutation { publishPressRelease(id: "x") { id } }' }) },
    // Bodies that go to body-parser (a type other than plain JSON, a content encoding, no length)
    // and types that type-is reads: on Express's prototypes, given on the way.
    { method: 'POST', headers: { 'content-type': 'APPLICATION/JSON; charset=UTF-8' }, body: JSON.stringify({ query: '{ topics { slug } }' }) },
    { method: 'POST', headers: { 'content-type': 'application/vnd.api+json' }, body: JSON.stringify({ query: '{ __typename }' }) },
    { method: 'POST', headers: { ...json, 'content-encoding': 'gzip' }, body: gzipSync(JSON.stringify({ query: '{ topics { slug } }' })) },
    { method: 'POST', headers: { ...json, 'content-encoding': 'br' }, body: JSON.stringify({ query: '{ __typename }' }) },
    // Sent chunked, with no Content-Length (a stream is read once: made anew for each request).
    () =>
      ({
        method: 'POST',
        headers: json,
        body: new ReadableStream({ start: (c) => (c.enqueue(new TextEncoder().encode(JSON.stringify({ query: '{ __typename }' }))), c.close()) }),
        duplex: 'half',
      }) as RequestInit,
    { method: 'POST', headers: { ...json, 'x-request-id': 'client-id-1' }, body: JSON.stringify({ query: '{ __typename }' }) },
  ];
  for (const c of cases) {
    const init = () => (typeof c === 'function' ? c() : c);
    // A query string takes the request through Express's router; the bare path goes directly.
    const [direct, routed] = [await answer(server.url, init()), await answer(`${server.url}?via=router`, init())];
    expect(direct).toEqual(routed);
  }
  const ok = await answer(server.url, cases[0] as RequestInit);
  expect(ok.status).toBe(200);
  expect(ok.headers['access-control-allow-origin']).toBe('*');
  expect(JSON.parse(ok.body).data.meetings.edges).toHaveLength(3);
});

it('answers GET /graphql directly as Express routed it: same status, headers and body, ETag and 304 included', async () => {
  const base = server.url.replace(/\/graphql$/, '');
  const q = (query: string, extra = '') => `?query=${encodeURIComponent(query)}${extra}`;
  const cases: [string, RequestInit][] = [
    [q('{ topics { slug } }'), {}],
    [q('{ pressReleases(first: 2) { edges { node { title } } } }'), { headers: { origin: 'http://app.example', accept: 'application/graphql-response+json' } }],
    [q('query($n: Int) { pressReleases(first: $n) { totalCount } }', `&variables=${encodeURIComponent('{"n": 1}')}`), {}],
    [q('query($n: Int) { pressReleases(first: $n) { totalCount } }', '&variables=%7Bnot-json'), {}],
    [q('{ topics { slug }'), { headers: { accept: 'application/json' } }],
    [q('{ noSuchField }'), { headers: { accept: 'application/graphql-response+json' } }],
    [q('mutation { publishPressRelease(id: "x") { id } }'), {}],
    [q('{ __typename }'), { headers: { accept: 'application/xml' } }],
    ['', {}],
    // Browsers get the playground (an Accept that prefers a page), with or without saying html.
    ['', { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } }],
    ['', { headers: { accept: 'application/*;q=0, */*' } }],
    [q('{ __typename }'), { headers: { accept: 'text/html' } }],
    [q('{ __typename }'), { headers: { 'x-request-id': 'client-id-2', 'cache-control': 'no-cache' } }],
  ];
  for (const [search, init] of cases) {
    // The path with a slash after it takes the request through Express's router; the bare path goes directly.
    const [direct, routed] = [await answer(`${base}/graphql${search}`, init), await answer(`${base}/graphql/${search}`, init)];
    expect({ search, ...direct }).toEqual({ search, ...routed });
  }
  // The same ETag either way, and a copy the client holds is fresh either way (304, no body).
  const url = q('{ topics { slug name } }');
  const first = await fetch(`${base}/graphql${url}`);
  expect(first.status).toBe(200);
  const etag = first.headers.get('etag');
  expect(etag).toMatch(/^W\/"/);
  expect((await fetch(`${base}/graphql/${url}`)).headers.get('etag')).toBe(etag);
  // (Over node:http: fetch adds `Cache-Control: no-cache` to a conditional request, which makes every copy stale.)
  const conditional = (path: string, headers: http.OutgoingHttpHeaders) =>
    new Promise<{ status?: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
      http.get(`${base}${path}${url}`, { headers }, (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
      }).on('error', reject);
    });
  for (const path of ['/graphql', '/graphql/']) {
    const fresh = await conditional(path, { 'if-none-match': etag! });
    expect({ path, status: fresh.status, body: fresh.body, type: fresh.headers['content-type'], etag: fresh.headers.etag }).toEqual({ path, status: 304, body: '', type: undefined, etag });
    const stale = await conditional(path, { 'if-none-match': 'W/"other"' });
    expect({ path, status: stale.status, etag: stale.headers.etag, body: JSON.parse(stale.body).data.topics.length }).toEqual({ path, status: 200, etag, body: 18 });
    const reload = await conditional(path, { 'if-none-match': etag!, 'cache-control': 'no-cache' });
    expect({ path, status: reload.status }).toEqual({ path, status: 200 });
  }
});

it('calls resolvers directly unless validation, @Authorized or a middleware needs type-graphql', async () => {
  const schema = await getSchema();
  const field = (type: string, name: string) => (schema.getType(type) as GraphQLObjectType).getFields()[name];
  for (const [type, name] of [
    ['Participant', 'person'],
    ['Participant', 'country'],
    ['Meeting', 'participants'],
    ['PressRelease', 'topics'],
    ['PressRelease', 'meetings'],
    // With arguments, converted by type-graphql's own function (their classes declare no rule).
    ['Topic', 'pressReleases'],
    ['Query', 'pressReleases'],
    ['Query', 'pressRelease'],
    ['Query', 'meetings'],
    ['Query', 'facets'],
  ]) {
    expect([type, name, field(type, name).resolve?.name]).toEqual([type, name, 'direct']);
  }
  // Inputs with class-validator rules, and fields behind @Authorized, keep the wrapper.
  for (const [type, name] of [
    ['Mutation', 'createPressRelease'],
    ['Mutation', 'updatePressRelease'],
    ['Query', 'apiKeys'],
    ['Query', 'extractPressRelease'],
  ]) {
    expect([type, name, field(type, name).resolve?.name]).not.toEqual([type, name, 'direct']);
  }
});

it('gives a directly called resolver its arguments as instances of their classes, as type-graphql did', async () => {
  const schema = await getSchema();
  const { PressReleaseResolver } = await import('../../src/graphql/release/release.resolver');
  const { ConnectionArgs } = await import('../../src/graphql/relay');
  const { PressReleaseFilter } = await import('../../src/graphql/release/release.inputs');
  const seen: unknown[][] = [];
  const spy = jest.spyOn(PressReleaseResolver.prototype, 'pressReleases').mockImplementation((...args: unknown[]) => {
    seen.push(args);
    return Promise.resolve({ edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: false }, totalCount: () => 0 } as never);
  });
  try {
    const resolve = (schema.getQueryType()!.getFields().pressReleases.resolve)!;
    const ctx = {};
    await resolve(undefined, { first: 3, filter: { countries: ['AZ'] } }, ctx, {} as never);
    expect(seen).toHaveLength(1);
    const [page, filter, orderBy, gotCtx] = seen[0];
    expect(page).toBeInstanceOf(ConnectionArgs);
    expect({ ...(page as object) }).toEqual({ first: 3 });
    expect(filter).toBeInstanceOf(PressReleaseFilter);
    expect({ ...(filter as object) }).toEqual({ countries: ['AZ'] });
    expect(orderBy).toBeUndefined();
    expect(gotCtx).toBe(ctx);
  } finally {
    spy.mockRestore();
  }
});

it('answers bad arguments over HTTP with the codes the wrapper gave', async () => {
  const post = async (query: string) => {
    const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
    return (await res.json()) as { data?: unknown; errors?: { message: string; extensions: { code: string } }[] };
  };
  for (const [query, code] of [
    ['{ pressReleases(first: 2, last: 2) { edges { node { id } } } }', 'BAD_USER_INPUT'],
    ['{ pressReleases(after: "not-a-cursor") { edges { node { id } } } }', 'BAD_USER_INPUT'],
    ['{ pressRelease(id: "x", slug: "y") { id } }', 'BAD_USER_INPUT'],
    ['{ pressReleases(filter: { from: "2025-02-30" }) { totalCount } }', 'BAD_USER_INPUT'],
    ['{ pressReleases(filter: { from: "2025-03-01", to: "2025-02-01" }) { totalCount } }', 'BAD_USER_INPUT'],
  ]) {
    const json = await post(query);
    expect({ query, code: json.errors?.[0]?.extensions.code }).toEqual({ query, code });
  }
  const ok = await post('{ pressReleases(first: 2, filter: { topics: ["energy"] }, orderBy: PUBLISHED_AT_ASC) { edges { node { title } } } }');
  expect(ok.errors).toBeUndefined();
  expect((ok.data as any).pressReleases.edges.length).toBeGreaterThan(0);
});
