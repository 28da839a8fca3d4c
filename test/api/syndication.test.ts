// Around the API: the offline playground, the Atom feed, the NDJSON export and Prometheus metrics.
import { createTestDatabase, type TestDatabase } from '../support/db';
import { startTestServer, type TestServer } from '../support/server';

let tdb: TestDatabase;
let server: TestServer;
beforeAll(async () => {
  tdb = await createTestDatabase('corpus');
  server = await startTestServer(tdb);
});
afterAll(async () => {
  await server?.close();
  await tdb?.drop();
});

const get = (path: string, accept = '*/*') => fetch(`${server.base}${path}`, { headers: { accept } });

it('serves GraphiQL to browsers from its own assets, nothing from the internet', async () => {
  const res = await get('/graphql', 'text/html');
  expect(res.status).toBe(200);
  const html = await res.text();
  expect(html).toContain('GraphiQL');
  expect(html).not.toMatch(/(src|href)="https?:\/\//);
  for (const asset of html.matchAll(/(?:src|href)="(\/playground\/[^"]+)"/g)) {
    const a = await get(asset[1]);
    expect({ asset: asset[1], status: a.status }).toEqual({ asset: asset[1], status: 200 });
    expect((await a.arrayBuffer()).byteLength).toBeGreaterThan(1000);
  }
  // Clients asking for JSON still get GraphQL over GET (with a CSRF preflight header, as Apollo requires).
  const json = await fetch(`${server.base}/graphql?query=%7B__typename%7D`, {
    headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
  });
  expect(await json.json()).toEqual({ data: { __typename: 'Query' } });
});

it('publishes an Atom feed of the latest releases, filterable', async () => {
  const res = await get('/feeds/releases.atom');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/application\/atom\+xml/);
  const xml = await res.text();
  const published = await tdb.db.pressRelease.count({ where: { status: 'PUBLISHED' } });
  expect(xml.match(/<entry>/g)?.length).toBe(Math.min(50, published));
  const latest = await tdb.db.pressRelease.findFirstOrThrow({ where: { status: 'PUBLISHED' }, orderBy: { publishedAt: 'desc' } });
  expect(xml).toContain(latest.title);
  const kr = await (await get('/feeds/releases.atom?countries=KR')).text();
  expect(kr.match(/<entry>/g)?.length).toBe(
    await tdb.db.pressRelease.count({ where: { status: 'PUBLISHED', countries: { some: { countryCode: 'KR' } } } }),
  );
  expect((await get('/feeds/releases.atom?countries=Korea')).status).toBe(400);
});

it('streams the archive as NDJSON, one release a line, drafts left out', async () => {
  await tdb.db.pressRelease.updateMany({ where: { id: (await tdb.db.pressRelease.findFirstOrThrow()).id }, data: { status: 'DRAFT' } });
  const res = await get('/export/releases.ndjson');
  expect(res.status).toBe(200);
  const lines = (await res.text()).trim().split('\n').map((l) => JSON.parse(l));
  expect(lines.length).toBe(await tdb.db.pressRelease.count({ where: { status: 'PUBLISHED' } }));
  const withMeeting = lines.find((l) => l.meetings.length > 0);
  expect(withMeeting.meetings[0].participants[0]).toEqual(
    expect.objectContaining({ name: expect.any(String), roleKind: expect.any(String) }),
  );
  expect(new Set(lines.map((l) => l.id)).size).toBe(lines.length);
  const edu = (await (await get('/export/releases.ndjson?topics=education')).text()).trim().split('\n');
  expect(edu.every((l) => JSON.parse(l).topics.includes('education'))).toBe(true);
  const bad = await get('/export/releases.ndjson?from=yesterday');
  expect(bad.status).toBe(400);
  expect(((await bad.json()) as any).errors[0].extensions.code).toBe('BAD_USER_INPUT');
});

it('exposes Prometheus metrics, GraphQL operations and errors included', async () => {
  await server.gql('{ pressReleases(first: 1) { totalCount } }');
  await server.gql('{ pressReleases(first: 1000) { totalCount } }');
  const text = await (await get('/metrics')).text();
  expect(text).toMatch(/# TYPE http_request_duration_seconds histogram/);
  expect(text).toMatch(/graphql_operations_total\{type="query",outcome="ok"\} [1-9]/);
  expect(text).toMatch(/graphql_errors_total\{code="BAD_USER_INPUT"\} [1-9]/);
  expect(text).toMatch(/process_cpu_seconds_total/);
});
