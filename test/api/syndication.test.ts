// Around the API: the offline playground, the Atom feed, the NDJSON and CSV exports and Prometheus
// metrics. The feed is read with an XML parser and the CSV with a CSV parser, as clients read them.
import http from 'node:http';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parse as parseCsv } from 'csv-parse/sync';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { startTestServer, type TestServer } from '../support/server';

const PUBLIC_URL = 'https://archive.example.org';
let tdb: TestDatabase;
let server: TestServer;
beforeAll(async () => {
  tdb = await createTestDatabase('corpus');
  server = await startTestServer(tdb, { PUBLIC_URL });
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
  // Clients asking for JSON still get GraphQL over GET.
  const json = await fetch(`${server.base}/graphql?query=%7B__typename%7D`, { headers: { accept: 'application/json' } });
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

const atom = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['entry', 'link', 'category'].includes(name) });
async function readFeed(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.base}${path}`, { headers });
  const xml = await res.text();
  expect({ path, valid: XMLValidator.validate(xml) }).toEqual({ path, valid: true });
  return atom.parse(xml).feed as {
    id: string;
    title: string;
    link: { '@rel': string; '@href': string }[];
    entry?: { id: string; title: string; content: { '#text': string; '@type': string }; link: { '@href': string }[] }[];
  };
}

it('gives each filter its own feed id, self link and title; equal filters the same', async () => {
  const all = await readFeed('/feeds/releases.atom');
  expect(all.id).toBe(`${PUBLIC_URL}/feeds/releases.atom`);
  expect(all.title).toBe('Foreign-ministry press releases');
  const two = await readFeed('/feeds/releases.atom?topics=education&countries=kr,AZ');
  // Self link escaped once: the parsed href is the URL itself, `&` and all.
  expect(two.link.find((l) => l['@rel'] === 'self')?.['@href']).toBe(`${PUBLIC_URL}/feeds/releases.atom?countries=AZ%2CKR&topics=education`);
  expect(two.id).toBe(`${PUBLIC_URL}/feeds/releases.atom?countries=AZ%2CKR&topics=education`);
  expect(two.title).toBe('Foreign-ministry press releases: involving AZ, KR, about education');
  const same = await readFeed('/feeds/releases.atom?countries=KR,AZ&topics=education');
  expect(same.id).toBe(two.id);
  const other = await readFeed('/feeds/releases.atom?countries=KR&from=2025-01-01');
  expect(other.id).not.toBe(two.id);
  expect(other.title).toContain('from 2025-01-01');
});

it('names the public URL in ids and links, whatever Host header a client sends', async () => {
  // node:http, since fetch will not send a Host header of the caller's choosing.
  const xml = await new Promise<string>((resolve, reject) => {
    http
      .get(`${server.base}/feeds/releases.atom`, { headers: { host: 'evil.example.net', 'x-forwarded-host': 'evil.example.net' } }, (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (c) => (text += c)).on('end', () => resolve(text));
      })
      .on('error', reject);
  });
  const feed = atom.parse(xml).feed;
  expect(feed.entry.length).toBeGreaterThan(0);
  expect(xml).not.toContain('evil.example.net');
  expect(feed.link.every((l: { '@href': string }) => l['@href'].startsWith(PUBLIC_URL))).toBe(true);
});

it('refuses query parameters it does not understand, saying which', async () => {
  for (const path of ['/feeds/releases.atom?country=AZ', '/export/releases.ndjson?limit=5&topics=energy', '/export/releases.csv?format=xlsx']) {
    const res = await get(path);
    expect({ path, status: res.status }).toEqual({ path, status: 400 });
    const body = (await res.json()) as any;
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].message).toMatch(/Unknown query parameter.*"(country|limit|format)"/);
  }
});

it('keeps a hostile or broken body inside its entry, as text, and the feed valid XML', async () => {
  const release = await tdb.db.pressRelease.findFirstOrThrow({ where: { status: 'PUBLISHED' }, orderBy: { publishedAt: 'desc' } });
  const body = 'Before ]]></content></entry><entry><title>Injected</title><id>urn:x</id></entry><![CDATA[ after <b>bold</b> & \u0001bell\u0008 \uFFFF end.';
  await tdb.db.pressRelease.update({ where: { id: release.id }, data: { body, title: 'A title with ]]> and \u0002' } });
  try {
    const feed = await readFeed(`/feeds/releases.atom?from=${release.publishedAt.toISOString().slice(0, 10)}`);
    expect(feed.entry).toHaveLength(1);
    const [entry] = feed.entry!;
    expect(entry.content['@type']).toBe('text');
    // Characters XML 1.0 forbids are replaced (U+FFFD); everything else comes back as written.
    expect(entry.content['#text']).toBe(body.replace(/[\u0001\u0008\uFFFF]/g, '\uFFFD'));
    expect(entry.title).toBe('A title with ]]> and \uFFFD');
  } finally {
    await tdb.db.pressRelease.update({ where: { id: release.id }, data: { body: release.body, title: release.title } });
  }
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

it('exports CSV: a header, one row per release, lists joined, same filters, formulas defused', async () => {
  const res = await get('/export/releases.csv');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
  const rows = parseCsv(await res.text(), { columns: true }) as Record<string, string>[];
  expect(rows.length).toBe(await tdb.db.pressRelease.count({ where: { status: 'PUBLISHED' } }));
  expect(Object.keys(rows[0])).toEqual(expect.arrayContaining(['id', 'slug', 'title', 'publishedAt', 'participants', 'topics', 'countries', 'text']));
  const visit = rows.find((r) => r.slug.includes('bayramov-meets-shavkat-mirziyoyev'))!;
  expect(visit.meetingKinds).toBe('BILATERAL_MEETING; BILATERAL_MEETING');
  expect(visit.participants).toContain('Jeyhun Bayramov (FOREIGN_MINISTER, AZ, GUEST)');
  expect(visit.countries.split('; ')).toEqual(expect.arrayContaining(['AZ', 'UZ']));
  expect(visit.text.split('\n\n').length).toBeGreaterThan(2);

  const edu = parseCsv(await (await get('/export/releases.csv?topics=education&countries=KR')).text(), { columns: true }) as Record<string, string>[];
  expect(edu.length).toBe(3);
  expect(edu.every((r) => r.topics.split('; ').includes('education'))).toBe(true);

  const release = await tdb.db.pressRelease.findFirstOrThrow({ where: { status: 'PUBLISHED' }, orderBy: { publishedAt: 'desc' } });
  await tdb.db.pressRelease.update({ where: { id: release.id }, data: { title: '=HYPERLINK("http://x.example","click")' } });
  try {
    const [first] = parseCsv(await (await get(`/export/releases.csv?from=${release.publishedAt.toISOString().slice(0, 10)}`)).text(), { columns: true }) as Record<string, string>[];
    expect(first.title).toBe(`'=HYPERLINK("http://x.example","click")`);
  } finally {
    await tdb.db.pressRelease.update({ where: { id: release.id }, data: { title: release.title } });
  }
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
