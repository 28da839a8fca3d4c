// One filter, three doors: GraphQL, the Atom feed and the NDJSON export normalise and check a
// release filter the same way (src/domain/filters.ts), so a value one refuses the others refuse
// with the same code, and a value one accepts means the same releases everywhere.
import { createTestDatabase, type TestDatabase } from '../support/db';
import { startTestServer, type TestServer } from '../support/server';

let tdb: TestDatabase;
let server: TestServer;
beforeAll(async () => {
  tdb = await createTestDatabase('corpus');
  server = await startTestServer(tdb.db);
});
afterAll(async () => {
  await server?.close();
  await tdb?.drop();
});

type Params = Record<string, string>;

/** The filter as GraphQL variables: lists split at commas, as the HTTP endpoints read them. */
function asFilter(p: Params) {
  const f: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p)) f[k] = ['countries', 'topics', 'issuers'].includes(k) ? v.split(',') : v;
  return f;
}

async function viaGraphql(p: Params): Promise<{ code?: string; slugs?: string[] }> {
  const r = await server.gql(
    `query($f: PressReleaseFilter) { pressReleases(first: 100, filter: $f, orderBy: PUBLISHED_AT_DESC) { edges { node { slug } } } }`,
    { f: asFilter(p) },
  );
  if (r.errors) return { code: r.errors[0].extensions?.code };
  return { slugs: r.data.pressReleases.edges.map((e: { node: { slug: string } }) => e.node.slug) };
}

async function viaHttp(path: string, p: Params): Promise<{ status: number; code?: string; body: string }> {
  const res = await fetch(`${server.base}${path}?${new URLSearchParams(p)}`);
  const body = await res.text();
  if (res.status >= 400) return { status: res.status, code: JSON.parse(body).errors?.[0]?.extensions?.code, body };
  return { status: res.status, body };
}

const BAD: [string, Params][] = [
  ['a NUL character in the search', { search: 'energy\u0000' }],
  ['a search of a NUL character alone (search=%00)', { search: '\u0000' }],
  ['a date of the year 10000', { to: '10000-01-01' }],
  ['a day that does not exist', { from: '2025-02-30' }],
  ['the year 0', { from: '0000-01-01' }],
  ['a range that ends before it starts', { from: '2025-06-01', to: '2025-05-01' }],
  ['a search over 500 characters', { search: 'energy '.repeat(80) }],
  ['an unknown topic', { topics: 'not-a-topic' }],
  ['a country name for a code', { countries: 'Korea' }],
];

describe.each(BAD)('%s', (_name, params) => {
  it('is BAD_USER_INPUT through GraphQL, the feed and the export', async () => {
    expect(await viaGraphql(params)).toEqual({ code: 'BAD_USER_INPUT' });
    for (const path of ['/feeds/releases.atom', '/export/releases.ndjson', '/export/releases.csv']) {
      const r = await viaHttp(path, params);
      expect({ path, status: r.status, code: r.code }).toEqual({ path, status: 400, code: 'BAD_USER_INPUT' });
    }
  });
});

const GOOD: [string, Params][] = [
  ['a run of dashes (a Markdown rule)', { search: 'cooperation ---------------------------------------- energy' }],
  ['dashes, spaced and punctuated, between words', { search: `energy ${'- '.repeat(60)}cooperation ${'-! '.repeat(40)}` }],
  ['a run of operators', { search: `energy ${'or '.repeat(60)}${'"" '.repeat(30)}` }],
  ['lower-case, padded country codes', { countries: ' az ,kr' }],
  ['dates before the year 100', { from: '0099-01-01' }],
];

describe.each(GOOD)('%s', (_name, params) => {
  it('selects the same releases through GraphQL, the feed and the export', async () => {
    const graphql = await viaGraphql(params);
    expect(graphql.code).toBeUndefined();
    expect(graphql.slugs!.length).toBeGreaterThan(0);
    const feed = await viaHttp('/feeds/releases.atom', params);
    expect(feed.status).toBe(200);
    expect(feed.body.match(/<entry>/g)?.length).toBe(graphql.slugs!.length);
    const exported = await viaHttp('/export/releases.ndjson', params);
    expect(exported.status).toBe(200);
    expect(exported.body.trim().split('\n').map((l) => JSON.parse(l).slug)).toEqual(graphql.slugs);
  });
});

it('answers a search of dashes alone (nothing to search for) the same way everywhere, without an error', async () => {
  const params = { search: '-'.repeat(120) };
  const graphql = await viaGraphql(params);
  expect(graphql.code).toBeUndefined();
  for (const path of ['/feeds/releases.atom', '/export/releases.ndjson', '/export/releases.csv']) {
    expect({ path, status: (await viaHttp(path, params)).status }).toEqual({ path, status: 200 });
  }
  const exported = await viaHttp('/export/releases.ndjson', params);
  expect(exported.body.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l).slug)).toEqual(graphql.slugs);
});

it('names the parameter at fault, in words, for the feed and the export', async () => {
  for (const [params, field] of [[{ search: '\u0000' }, 'search'], [{ from: '0000-01-01' }, 'from']] as const) {
    const res = await fetch(`${server.base}/feeds/releases.atom?${new URLSearchParams(params)}`);
    const body = (await res.json()) as any;
    expect(res.status).toBe(400);
    expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(body.errors[0].message).toContain(field);
  }
});
