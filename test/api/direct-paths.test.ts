// The request path's shortcuts answer as the long way did (docs/performance.md, tenth round):
// `POST /graphql` runs its middleware without Express's router (directRoute in src/server.ts), and
// field resolvers that take only the parent, the context and the info are called without
// type-graphql's wrapper (directFieldResolvers in src/graphql/schema.ts).
import 'reflect-metadata';
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
  const cases: RequestInit[] = [
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
  ];
  for (const init of cases) {
    // A query string takes the request through Express's router; the bare path goes directly.
    const [direct, routed] = [await answer(server.url, init), await answer(`${server.url}?via=router`, init)];
    expect(direct).toEqual(routed);
  }
  const ok = await answer(server.url, cases[0]);
  expect(ok.status).toBe(200);
  expect(ok.headers['access-control-allow-origin']).toBe('*');
  expect(JSON.parse(ok.body).data.meetings.edges).toHaveLength(3);
});

it('calls field resolvers of the parent, context and info directly; one with arguments keeps type-graphql', async () => {
  const schema = await getSchema();
  const field = (type: string, name: string) => (schema.getType(type) as GraphQLObjectType).getFields()[name];
  for (const [type, name] of [
    ['Participant', 'person'],
    ['Participant', 'country'],
    ['Meeting', 'participants'],
    ['PressRelease', 'topics'],
    ['PressRelease', 'meetings'],
  ]) {
    expect([type, name, field(type, name).resolve?.name]).toEqual([type, name, 'direct']);
  }
  // Arguments are converted and validated by type-graphql: the wrapper stays.
  expect(field('Topic', 'pressReleases').resolve?.name).not.toBe('direct');
});
