// GraphQL over HTTP as the spec (graphql.github.io/graphql-over-http) describes it: graphql-http's own
// audit over the wire, and the choices behind its answers (src/http/graphql-http.ts, docs/api.md).
import path from 'node:path';
import { serverAudits } from 'graphql-http';
import { HeaderMap } from '@apollo/server';
import { singleResultContentType } from '../../src/http/graphql-http';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { startTestServer, type TestServer, newApiKey } from '../support/server';

const ADMIN_TOKEN = 'graphql-http-admin-token-0123456789';
let tdb: TestDatabase;
let server: TestServer;

beforeAll(async () => {
  tdb = await createTestDatabase('ref');
  server = await startTestServer(tdb.db, { ADMIN_TOKEN });
});
afterAll(async () => {
  await server?.close();
  await tdb?.drop();
});

it('passes every item of the graphql-http audit, MUST, SHOULD and MAY (6 SHOULD/MAY misses before)', async () => {
  const failures: string[] = [];
  const misses: string[] = [];
  for (const audit of serverAudits({ url: server.url, fetchFn: fetch })) {
    const r = await audit.fn();
    if (r.status === 'ok') continue;
    (audit.name.startsWith('MUST') ? failures : misses).push(`${audit.name}: ${r.reason}`);
  }
  expect(failures).toEqual([]);
  expect(misses).toEqual([]);
});

const send = (accept: string | undefined, body: string) =>
  fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json', ...(accept ? { accept } : {}) }, body });

it('answers a request it cannot execute with 4xx, or with 200 to a client that accepts only application/json', async () => {
  const broken = [JSON.stringify({ query: '{ topics { slug }' }), JSON.stringify({ query: '{ noSuchField }' }), JSON.stringify({ query: 'query($s: String!) { topic(slug: $s) { slug } }', variables: { s: { not: 'a string' } } })];
  for (const body of broken) {
    for (const [accept, status] of [
      ['application/graphql-response+json', 400],
      ['application/graphql-response+json, application/json;q=0.9', 400],
      [undefined, 400],
      ['*/*', 400],
      ['application/json', 200],
    ] as const) {
      const res = await send(accept, body);
      const json = (await res.json()) as { data?: unknown; errors?: unknown[] };
      expect({ body, accept, status: res.status, errors: json.errors?.length ?? 0, data: json.data }).toEqual({ body, accept, status, errors: 1, data: undefined });
    }
  }
});

// Apollo's own choice of a single result's media type (not in its package's exports: read by path).
const apolloChoice = (
  require(path.join(path.dirname(require.resolve('@apollo/server')), 'ApolloServer.js')) as {
    chooseContentTypeForSingleResultResponse(head: { headers: HeaderMap }): string | null;
  }
).chooseContentTypeForSingleResultResponse;

const ACCEPTS = [
  undefined,
  '',
  '*/*',
  'application/*',
  'application/json',
  'application/graphql-response+json',
  'application/graphql-response+json, application/json;q=0.9',
  'application/json;q=0.5, application/graphql-response+json;q=0.6',
  'application/json; callbackSpec=1.0',
  'text/html',
  'text/html, application/xhtml+xml, */*;q=0.8',
  'image/png',
  'application/xml;q=0.9, text/plain',
  'application/json;q=0',
  'APPLICATION/JSON',
  ',,;;q=',
];

it("gives a result the media type Apollo's own choice gives, for every Accept header (remembered per header)", () => {
  for (const accept of ACCEPTS) {
    const headers = new HeaderMap(accept === undefined ? [] : [['accept', accept]]);
    const expected = apolloChoice({ headers });
    // Twice: the second answer comes from the memo.
    expect({ accept, type: singleResultContentType(accept || undefined) }).toEqual({ accept, type: expected });
    expect({ accept, type: singleResultContentType(accept || undefined) }).toEqual({ accept, type: expected });
  }
});

it('answers each Accept header over HTTP with that media type, or 406 when it accepts none', async () => {
  const body = JSON.stringify({ query: '{ topic(slug: "energy") { slug } }' });
  for (const accept of ACCEPTS) {
    const expected = apolloChoice({ headers: new HeaderMap(accept === undefined ? [] : [['accept', accept]]) });
    const res = await send(accept, body);
    const got = { accept, status: res.status, type: res.headers.get('content-type') };
    if (expected === null) {
      expect(got).toEqual({ accept, status: 406, type: expect.stringContaining('application/json') });
      expect(((await res.json()) as any).errors[0].message).toMatch(/does not accept/);
    } else {
      expect(got).toEqual({ accept, status: 200, type: expected });
      expect(await res.json()).toEqual({ data: { topic: { slug: 'energy' } } });
    }
  }
});

it('runs a query sent by GET with variables and a key, without a CSRF preflight header', async () => {
  const editor = await newApiKey(server, ADMIN_TOKEN, 'reader');
  const params = new URLSearchParams({ query: 'query($s: String!) { topic(slug: $s) { slug } }', variables: JSON.stringify({ s: 'energy' }) });
  for (const token of [undefined, editor]) {
    const res = await fetch(`${server.url}?${params}`, {
      headers: { accept: 'application/graphql-response+json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { topic: { slug: 'energy' } } });
  }
});

it('refuses mutations over GET and POST bodies a browser form could send', async () => {
  const get = await fetch(`${server.url}?${new URLSearchParams({ query: 'mutation { deletePressRelease(id: "x") }' })}`, { headers: { accept: 'application/json' } });
  expect(get.status).toBe(405);
  for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
    const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': type }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect({ type, status: res.status }).toEqual({ type, status: 415 });
    expect(((await res.json()) as any).errors[0].extensions.code).toBe('BAD_REQUEST');
  }
});
