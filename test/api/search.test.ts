// Search, facets, partners, trends and related releases against real Postgres.
import { Prisma } from '../../src/generated/prisma/client';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { codes, startTestServer, type TestServer } from '../support/server';
import { storeRelease, type ReleaseDraft } from '../../src/domain/store-release';
import { releaseDraft } from '../support/release-draft';
import { releaseConditions } from '../../src/read/release-conditions';

let tdb: TestDatabase;
let server: TestServer;

const draft = releaseDraft;

beforeAll(async () => {
  tdb = await createTestDatabase('corpus');
  // Two releases that differ only in where "hydrogen" stands: the title one must rank first.
  await storeRelease(tdb.db, draft({ title: 'Ministers discuss hydrogen exports', paragraphs: ['The ministers met in Baku to talk about trade.'] }));
  await storeRelease(tdb.db, draft({ title: 'Ministers discuss trade', paragraphs: ['The ministers met in Baku to talk about hydrogen and trade.'] }));
  await storeRelease(
    tdb.db,
    draft({ title: 'Les ministres se rencontrent', language: 'fr', paragraphs: ['Les négociations commerciales ont avancé à Paris.'] }),
  );
  server = await startTestServer(tdb);
});
afterAll(async () => {
  await server?.close();
  await tdb?.drop();
});

const SEARCH = `query($first: Int, $after: String, $filter: PressReleaseFilter, $orderBy: PressReleaseOrder) {
  pressReleases(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor highlights node { id title body language countries { code } } } } }`;

async function search(q: string, extra: Record<string, unknown> = {}) {
  const { filter, ...rest } = extra as { filter?: Record<string, unknown> };
  const r = await server.gql(SEARCH, { first: 50, filter: { search: q, ...filter }, ...rest });
  expect(r.errors).toBeUndefined();
  return r.data.pressReleases as {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string };
    edges: { highlights: string[]; node: { id: string; title: string; body: string; language: string; countries: { code: string }[] } }[];
  };
}

const text = (n: { title: string; body: string }) => `${n.title}\n${n.body}`.toLowerCase();

describe('full-text search', () => {
  it('finds words (stemmed), ranks title matches above body matches, and highlights them', async () => {
    const r = await search('hydrogen', { orderBy: 'RELEVANCE' });
    const titles = r.edges.map((e) => e.node.title);
    expect(titles[0]).toBe('Ministers discuss hydrogen exports');
    expect(titles).toContain('Ministers discuss trade');
    expect(r.edges[0].highlights[0]).toContain('<mark>hydrogen</mark>');
    const body = r.edges[titles.indexOf('Ministers discuss trade')];
    expect(body.highlights.join(' ')).toContain('<mark>hydrogen</mark>');
    const stem = await search('credential');
    expect(stem.totalCount).toBeGreaterThan(0);
    for (const e of stem.edges) expect(text(e.node)).toContain('credential');
  });

  it('supports quoted phrases, -exclusions and or', async () => {
    const phrase = await search('"middle corridor"');
    expect(phrase.totalCount).toBeGreaterThan(0);
    for (const e of phrase.edges) expect(text(e.node)).toMatch(/middle corridor/);
    const both = await search('middle corridor');
    expect(both.totalCount).toBeGreaterThanOrEqual(phrase.totalCount);

    const minus = await search('"middle corridor" -georgia');
    expect(minus.totalCount).toBeLessThan(phrase.totalCount);
    for (const e of minus.edges) expect(text(e.node)).not.toMatch(/georgia/);

    const a = await search('hydrogen');
    const b = await search('credentials');
    const either = await search('hydrogen or credentials');
    expect(either.totalCount).toBe(a.totalCount + b.totalCount);
  });

  it('uses the language of a release for stemming', async () => {
    const fr = await search('négociation');
    expect(fr.edges.map((e) => e.node.language)).toEqual(['fr']);
    // Highlighted with the French query (the archive is read in two configurations).
    expect(fr.edges[0].highlights).toEqual(['Les <mark>négociations</mark> commerciales ont avancé à Paris.']);
  });

  it('combines with filters and pages by relevance with an exact totalCount', async () => {
    const all = await search('cooperation', { orderBy: 'RELEVANCE' });
    expect(all.totalCount).toBeGreaterThan(4);
    const az = await search('cooperation', { filter: { countries: ['AZ'] } });
    expect(az.totalCount).toBeLessThan(all.totalCount);
    for (const e of az.edges) expect(e.node.countries.map((c) => c.code)).toContain('AZ');

    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 20; i++) {
      const r: any = await server.gql(SEARCH, { first: 3, after, filter: { search: 'cooperation' }, orderBy: 'RELEVANCE' });
      expect(r.data.pressReleases.totalCount).toBe(all.totalCount);
      seen.push(...r.data.pressReleases.edges.map((e: any) => e.node.id));
      if (!r.data.pressReleases.pageInfo.hasNextPage) break;
      after = r.data.pressReleases.pageInfo.endCursor;
    }
    expect(seen).toEqual(all.edges.map((e) => e.node.id));
  });

  it('returns no highlights when not searching, and refuses RELEVANCE without a search', async () => {
    const r = await server.gql(`{ pressReleases(first: 3) { edges { highlights } } }`);
    expect(r.data.pressReleases.edges.every((e: any) => e.highlights.length === 0)).toBe(true);
    expect(codes(await server.gql(`{ pressReleases(first: 3, orderBy: RELEVANCE) { totalCount } }`))).toEqual(['BAD_USER_INPUT']);
    // Any text is a valid query: syntax characters are not errors.
    const odd = await server.gql(`{ pressReleases(first: 3, filter: { search: "&|!:*() ''" }) { totalCount } }`);
    expect(odd.errors).toBeUndefined();
  });

  it('is answered from the GIN index on the generated tsvector column', async () => {
    // The sample table is tiny, so the planner is told to avoid sequential scans; the point is that
    // the GIN index can answer the condition the API builds (a per-row tsquery could not use it).
    const where = releaseConditions({ statuses: [], search: '"middle corridor" -georgia' });
    const plan = await tdb.db.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      return tx.$queryRaw<{ 'QUERY PLAN': string }[]>(Prisma.sql`EXPLAIN SELECT pr.id FROM press_release pr WHERE ${where}`);
    });
    expect(plan.map((r) => r['QUERY PLAN']).join('\n')).toMatch(/press_release_search_vector_idx/);
  });
});

describe('facets', () => {
  const FACETS = `query($filter: PressReleaseFilter) { facets(filter: $filter) {
    topics { options { value label count } missing } countries { options { value label count } missing }
    initiatives { options { value label count } missing } people { options { value label count } missing }
    meetingKinds { options { value label count } missing } issuers { options { value label count } missing }
    months { options { value label count } missing } } }`;

  it('counts every facet over the whole archive, matching the database', async () => {
    const r = await server.gql(FACETS);
    expect(r.errors).toBeUndefined();
    const f = r.data.facets;
    const published = await tdb.db.pressRelease.count({ where: { status: 'PUBLISHED' } });
    const energy = await tdb.db.releaseTopic.count({ where: { topic: { slug: 'energy' }, pressRelease: { status: 'PUBLISHED' } } });
    expect(f.topics.options.find((o: any) => o.value === 'energy')).toEqual({ value: 'energy', label: 'Energy', count: energy });
    expect(f.topics.missing).toBe(await tdb.db.pressRelease.count({ where: { status: 'PUBLISHED', topics: { none: {} } } }));
    expect(f.months.options.reduce((s: number, o: any) => s + o.count, 0)).toBe(published);
    expect(f.months.options.map((o: any) => o.value)).toEqual([...f.months.options.map((o: any) => o.value)].sort());
    expect(f.meetingKinds.missing).toBe(await tdb.db.pressRelease.count({ where: { status: 'PUBLISHED', meetings: { none: {} } } }));
    expect(f.meetingKinds.options.length).toBe(9);
    expect(f.issuers.options.find((o: any) => o.value === 'AZ').label).toBe('Azerbaijan');
    const counts = f.countries.options.map((o: any) => o.count);
    expect([...counts].sort((a, b) => b - a)).toEqual(counts);
    expect(f.people.options[0].value).toMatch(/^[A-Za-z0-9+/=]+$/);
    expect(f.initiatives.options.length).toBeGreaterThan(10);
  });

  it('narrows every facet by the filter, except each facet by its own field', async () => {
    const all = (await server.gql(FACETS)).data.facets;
    const r = await server.gql(FACETS, { filter: { topics: ['energy'], countries: ['AZ'] } });
    const f = r.data.facets;
    const matching = await tdb.db.pressRelease.count({
      where: { status: 'PUBLISHED', topics: { some: { topic: { slug: 'energy' } } }, countries: { some: { countryCode: 'AZ' } } },
    });
    // The topic facet ignores the topic filter (but not the country one).
    const azReleases = await tdb.db.pressRelease.count({ where: { status: 'PUBLISHED', countries: { some: { countryCode: 'AZ' } } } });
    const azEnergy = f.topics.options.find((o: any) => o.value === 'energy').count;
    expect(azEnergy).toBe(matching);
    expect(f.topics.options.find((o: any) => o.value === 'bilateral-relations').count).toBeLessThanOrEqual(azReleases);
    // The country facet ignores the country filter: countries other than AZ stay listed.
    expect(f.countries.options.length).toBeGreaterThan(1);
    // Facets without their own field in the filter count only matching releases.
    expect(f.months.options.reduce((s: number, o: any) => s + o.count, 0)).toBe(matching);
    expect(f.meetingKinds.options.reduce((s: number, o: any) => s + o.count, 0) + f.meetingKinds.missing).toBeGreaterThanOrEqual(matching);
    expect(f.months.options.length).toBeLessThan(all.months.options.length);
    // With a search, facets follow it too.
    const s = await server.gql(FACETS, { filter: { search: 'hydrogen' } });
    const hits = await search('hydrogen');
    expect(hits.totalCount).toBeGreaterThanOrEqual(2);
    expect(s.data.facets.months.options.reduce((n: number, o: any) => n + o.count, 0)).toBe(hits.totalCount);
  });
});

describe('relations and trends', () => {
  it('lists a country’s partners by meeting count or recency, with their top topics', async () => {
    const r = await server.gql(`{ country(code: "AZ") {
      byCount: partners(first: 10) { country { code } meetingCount lastMeeting topTopics { slug } }
      byDate: partners(first: 10, orderBy: MOST_RECENT) { country { code } lastMeeting } } }`);
    expect(r.errors).toBeUndefined();
    const byCount = r.data.country.byCount;
    expect(byCount.length).toBeGreaterThan(1);
    const [top] = byCount;
    const expected = await tdb.db.meeting.count({
      where: {
        pressRelease: { status: 'PUBLISHED' },
        AND: [{ participants: { some: { countryCode: 'AZ' } } }, { participants: { some: { countryCode: top.country.code } } }],
      },
    });
    expect(top.meetingCount).toBe(expected);
    expect(byCount.map((p: any) => p.meetingCount)).toEqual([...byCount.map((p: any) => p.meetingCount)].sort((a: number, b: number) => b - a));
    expect(top.topTopics.length).toBeGreaterThan(0);
    expect(top.topTopics.length).toBeLessThanOrEqual(3);
    const dates = r.data.country.byDate.map((p: any) => p.lastMeeting);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(byCount.map((p: any) => p.country.code)).not.toContain('AZ');
  });

  it('counts releases per month or year, with empty periods, for a topic, an initiative and the archive', async () => {
    const r = await server.gql(`{ topic(slug: "energy") {
        year: trend(interval: YEAR) { period start count }
        month: trend(interval: MONTH, from: "2024-01-01", to: "2024-12-31") { period count } }
      all: trend(interval: YEAR) { period count }
      filtered: trend(interval: YEAR, filter: { countries: ["KR"] }) { period count } }`);
    expect(r.errors).toBeUndefined();
    const energy = await tdb.db.releaseTopic.count({ where: { topic: { slug: 'energy' }, pressRelease: { status: 'PUBLISHED' } } });
    expect(r.data.topic.year.reduce((s: number, p: any) => s + p.count, 0)).toBe(energy);
    expect(r.data.topic.year[0]).toMatchObject({ start: expect.stringMatching(/-01-01$/) });
    expect(r.data.topic.month.map((p: any) => p.period)).toEqual(Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')}`));
    expect(r.data.all.reduce((s: number, p: any) => s + p.count, 0)).toBe(await tdb.db.pressRelease.count({ where: { status: 'PUBLISHED' } }));
    expect(r.data.filtered.reduce((s: number, p: any) => s + p.count, 0)).toBe(
      await tdb.db.pressRelease.count({ where: { status: 'PUBLISHED', countries: { some: { countryCode: 'KR' } } } }),
    );
    const ini = await server.gql(`{ initiatives(search: "COP29") { edges { node { trend(interval: YEAR) { period count } } } } }`);
    expect(ini.data.initiatives.edges[0].node.trend.reduce((s: number, p: any) => s + p.count, 0)).toBeGreaterThan(1);
    expect(codes(await server.gql(`{ trend(interval: MONTH, from: "2025-01-01", to: "2024-01-01") { count } }`))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await server.gql(`{ trend(interval: MONTH, from: "1900-01-01", to: "2100-01-01") { count } }`))).toEqual(['BAD_USER_INPUT']);
  });

  it('finds related releases, sharing people first', async () => {
    const r = await server.gql(`{ people(search: "Bayramov") { edges { node { id } } } }`);
    const personId = r.data.people.edges[0].node.id;
    const rel = await server.gql(`query($p: ID!) { pressReleases(first: 1, filter: { people: [$p] }) { edges { node { id
      related(first: 3) { id people { id } } } } } }`, { p: personId });
    const { id, related } = rel.data.pressReleases.edges[0].node;
    expect(related.length).toBe(3);
    expect(related.map((x: any) => x.id)).not.toContain(id);
    expect(related[0].people.map((p: any) => p.id)).toContain(personId);
  });
});
