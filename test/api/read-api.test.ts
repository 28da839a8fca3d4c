// The read API over real HTTP against a database holding the sample corpus. Expected values are
// computed with Prisma model queries: a second path to the same rows.
import { createTestDatabase, type TestDatabase } from '../support/db';
import { codes, startTestServer, type TestServer } from '../support/server';
import { TOPIC_SLUGS } from '../support/taxonomy';

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

const PAGE = `query($first: Int, $after: String, $last: Int, $before: String, $filter: PressReleaseFilter, $orderBy: PressReleaseOrder) {
  pressReleases(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { cursor node { id slug title publishedAt } }
  }
}`;

type Page = {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: { cursor: string; node: { id: string; slug: string; title: string; publishedAt: string } }[];
};

async function page(vars: Record<string, unknown>): Promise<Page> {
  const r = await server.gql<{ pressReleases: Page }>(PAGE, vars);
  expect(r.errors).toBeUndefined();
  return r.data!.pressReleases;
}

async function expectedSlugs(where: object, order: 'asc' | 'desc' = 'desc'): Promise<string[]> {
  const rows = await tdb.db.pressRelease.findMany({
    where: { status: 'PUBLISHED', ...where },
    orderBy: [{ publishedAt: order }, { id: order }],
    select: { slug: true },
  });
  return rows.map((r) => r.slug);
}

describe('pressReleases', () => {
  it('serves the whole sample corpus, newest first, with an exact totalCount', async () => {
    const all = await expectedSlugs({});
    expect(all.length).toBeGreaterThanOrEqual(12);
    const p = await page({ first: 100 });
    expect(p.totalCount).toBe(all.length);
    expect(p.edges.map((e) => e.node.slug)).toEqual(all);
    expect(p.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
  });

  it('pages forward with first/after and back with last/before, covering every release once', async () => {
    const all = await expectedSlugs({});
    const forward: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const p: Page = await page({ first: 5, after });
      forward.push(...p.edges.map((e) => e.node.slug));
      pages++;
      expect(p.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    expect(forward).toEqual(all);
    expect(pages).toBe(Math.ceil(all.length / 5));

    const backward: string[] = [];
    let before: string | null = null;
    for (;;) {
      const p: Page = await page({ last: 5, before });
      backward.unshift(...p.edges.map((e) => e.node.slug));
      expect(p.pageInfo.hasNextPage).toBe(before !== null);
      if (!p.pageInfo.hasPreviousPage) break;
      before = p.pageInfo.startCursor;
    }
    expect(backward).toEqual(all);
  });

  it('orders oldest first on request, and pages that order too', async () => {
    const all = await expectedSlugs({}, 'asc');
    const first = await page({ first: 3, orderBy: 'PUBLISHED_AT_ASC' });
    const second = await page({ first: 3, after: first.pageInfo.endCursor, orderBy: 'PUBLISHED_AT_ASC' });
    expect([...first.edges, ...second.edges].map((e) => e.node.slug)).toEqual(all.slice(0, 6));
  });

  it('refuses page sizes over 100, negative sizes, both first and last, and foreign cursors', async () => {
    for (const vars of [{ first: 101 }, { last: 101 }, { first: -1 }, { first: 2, last: 2 }, { first: 2, after: 'bm90LWEtY3Vyc29y' }]) {
      const r = await server.gql(PAGE, vars);
      expect(codes(r)).toContain('BAD_USER_INPUT');
      expect(r.data?.pressReleases ?? null).toBeNull();
    }
    // A cursor of one order is not accepted by another.
    const p = await page({ first: 1 });
    const r = await server.gql(PAGE, { first: 1, after: p.pageInfo.endCursor, orderBy: 'PUBLISHED_AT_ASC' });
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
  });

  it('filters by country, topic, meeting kind, issuer and date range, matching the database', async () => {
    const cases: [Record<string, unknown>, object][] = [
      [{ countries: ['KR'] }, { countries: { some: { countryCode: 'KR' } } }],
      [{ countries: ['kz', 'GE'] }, { countries: { some: { countryCode: { in: ['KZ', 'GE'] } } } }],
      [{ topics: ['education'] }, { topics: { some: { topic: { slug: 'education' } } } }],
      [{ meetingKinds: ['PHONE_CALL', 'VIDEO_CONFERENCE'] }, { meetings: { some: { kind: { in: ['PHONE_CALL', 'VIDEO_CONFERENCE'] } } } }],
      [{ issuers: ['UZ'] }, { issuerCountryCode: 'UZ' }],
      [
        { from: '2025-01-01', to: '2025-06-30' },
        { publishedAt: { gte: new Date('2025-01-01T00:00:00Z'), lt: new Date('2025-07-01T00:00:00Z') } },
      ],
      [
        { countries: ['AZ'], topics: ['climate-environment'] },
        { countries: { some: { countryCode: 'AZ' } }, topics: { some: { topic: { slug: 'climate-environment' } } } },
      ],
    ];
    for (const [filter, where] of cases) {
      const want = await expectedSlugs(where);
      expect(want.length).toBeGreaterThan(0);
      const p = await page({ first: 100, filter });
      expect({ filter, slugs: p.edges.map((e) => e.node.slug) }).toEqual({ filter, slugs: want });
      expect(p.totalCount).toBe(want.length);
    }
  });

  it('filters by person and initiative ids', async () => {
    const bayramov = await tdb.db.person.findFirstOrThrow({ where: { name: { contains: 'Bayramov' } } });
    const r = await server.gql(`{ people(search: "Bayramov") { edges { node { id name } } } }`);
    const personId = r.data.people.edges[0].node.id;
    const want = await expectedSlugs({ meetings: { some: { participants: { some: { personId: bayramov.id } } } } });
    expect(want.length).toBeGreaterThan(1);
    expect((await page({ first: 100, filter: { people: [personId] } })).edges.map((e) => e.node.slug)).toEqual(want);

    const ini = await server.gql(`{ initiatives(search: "COP29") { edges { node { id name acronym } } } }`);
    const cop = ini.data.initiatives.edges[0].node;
    const copDb = await tdb.db.initiative.findFirstOrThrow({ where: { acronym: 'COP29' } });
    const wantCop = await expectedSlugs({ mentions: { some: { initiativeId: copDb.id } } });
    expect((await page({ first: 100, filter: { initiatives: [cop.id] } })).edges.map((e) => e.node.slug)).toEqual(wantCop);
  });

  it('refuses bad filter values with BAD_USER_INPUT naming the field', async () => {
    const bad: [Record<string, unknown>, string][] = [
      [{ countries: ['Azerbaijan'] }, 'filter.countries'],
      [{ topics: ['not-a-topic'] }, 'filter.topics'],
      [{ people: ['UGVyc29uOmFiYw=='] }, 'filter.people'],
      [{ from: '2025-06-01', to: '2025-01-01' }, 'filter.from'],
    ];
    for (const [filter, field] of bad) {
      const r = await server.gql(PAGE, { first: 5, filter });
      expect(codes(r)).toEqual(['BAD_USER_INPUT']);
      expect(r.errors![0].extensions?.field).toBe(field);
    }
    const r = await server.gql(PAGE, { first: 5, filter: { from: '2025-02-30' } });
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
  });

  it('hides drafts from anonymous readers', async () => {
    const r = await server.gql(PAGE, { first: 5, filter: { status: ['DRAFT'] } });
    expect(codes(r)).toEqual(['UNAUTHENTICATED']);
  });
});

describe('one release', () => {
  it('answers every documented field of PressRelease, by id and by slug', async () => {
    const q = `query($id: ID, $slug: String) { pressRelease(id: $id, slug: $slug) {
      id slug title publishedAt language paragraphs body status
      dateline { place date country { code name } }
      issuer { name country { code } }
      source { name url }
      meetings { id kind date place
        pressRelease { slug }
        participants { id person { id name } role roleKind country { code } side }
        topics { slug } initiatives { name } }
      topics { slug name }
      initiatives { id name acronym kind }
      countries { code }
      people { name } } }`;
    const row = await tdb.db.pressRelease.findFirstOrThrow({
      where: { meetings: { some: { kind: 'CREDENTIALS_PRESENTATION' } }, datelineCountryCode: 'AZ' },
    });
    const bySlug = await server.gql(q, { slug: row.slug });
    expect(bySlug.errors).toBeUndefined();
    const r = bySlug.data.pressRelease;
    expect(r.slug).toBe(row.slug);
    expect(r.body).toBe(row.body);
    expect(r.paragraphs.join('\n\n')).toBe(row.body);
    expect(r.dateline).toMatchObject({ place: 'Baku', country: { code: 'AZ' } });
    expect(r.issuer.country.code).toBe('AZ');
    expect(r.meetings).toHaveLength(1);
    const m = r.meetings[0];
    expect(m.kind).toBe('CREDENTIALS_PRESENTATION');
    expect(m.pressRelease.slug).toBe(row.slug);
    expect(m.participants.map((p: any) => p.side).sort()).toEqual(['GUEST', 'HOST']);
    expect(m.participants.find((p: any) => p.side === 'HOST').roleKind).toBe('FOREIGN_MINISTER');
    expect(m.participants.find((p: any) => p.side === 'GUEST').roleKind).toBe('AMBASSADOR');
    expect(r.people.length).toBe(2);
    expect(r.topics.length).toBeGreaterThan(2);
    expect(r.countries.map((c: any) => c.code)).toContain('AZ');

    const byId = await server.gql(q, { id: r.id });
    expect(byId.data.pressRelease).toEqual(r);
    expect((await server.gql(q, { slug: 'no-such-release' })).data.pressRelease).toBeNull();
    expect(codes(await server.gql(q, {}))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('meetings', () => {
  const Q = `query($first: Int, $after: String, $last: Int, $before: String, $filter: MeetingFilter, $orderBy: MeetingOrder) {
    meetings(first: $first, after: $after, last: $last, before: $before, filter: $filter, orderBy: $orderBy) {
      totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      edges { node { id kind date participants { person { name } country { code } } } } } }`;

  it('covers every meeting kind in the sample corpus and pages both ways', async () => {
    const all = await server.gql(Q, { first: 100 });
    const nodes = all.data.meetings.edges.map((e: any) => e.node);
    expect(all.data.meetings.totalCount).toBe(await tdb.db.meeting.count());
    expect(new Set(nodes.map((n: any) => n.kind)).size).toBe(9);
    const dates = nodes.map((n: any) => n.date);
    expect([...dates].sort().reverse()).toEqual(dates);

    const p1 = await server.gql(Q, { first: 4 });
    const p2 = await server.gql(Q, { first: 4, after: p1.data.meetings.pageInfo.endCursor });
    const ids = [...p1.data.meetings.edges, ...p2.data.meetings.edges].map((e: any) => e.node.id);
    expect(ids).toEqual(nodes.slice(0, 8).map((n: any) => n.id));
    const back = await server.gql(Q, { last: 4, before: p2.data.meetings.pageInfo.startCursor });
    expect(back.data.meetings.edges.map((e: any) => e.node.id)).toEqual(ids.slice(0, 4));
    const asc = await server.gql(Q, { first: 100, orderBy: 'DATE_ASC' });
    expect(asc.data.meetings.edges.map((e: any) => e.node.id)).toEqual([...nodes].reverse().map((n: any) => n.id));
  });

  it('filters by kind, country, person and date range', async () => {
    const kind = await server.gql(Q, { first: 100, filter: { kinds: ['CREDENTIALS_PRESENTATION'] } });
    expect(kind.data.meetings.totalCount).toBe(await tdb.db.meeting.count({ where: { kind: 'CREDENTIALS_PRESENTATION' } }));
    const kr = await server.gql(Q, { first: 100, filter: { countries: ['KR'] } });
    expect(kr.data.meetings.totalCount).toBe(await tdb.db.meeting.count({ where: { participants: { some: { countryCode: 'KR' } } } }));
    for (const e of kr.data.meetings.edges) expect(e.node.participants.map((p: any) => p.country?.code)).toContain('KR');
    const people = await server.gql(`{ people(search: "Fidan") { edges { node { id } } } }`);
    const fidan = await server.gql(Q, { first: 100, filter: { people: [people.data.people.edges[0].node.id] } });
    expect(fidan.data.meetings.totalCount).toBeGreaterThanOrEqual(2);
    const range = await server.gql(Q, { first: 100, filter: { from: '2025-01-01', to: '2025-12-31' } });
    expect(range.data.meetings.totalCount).toBe(
      await tdb.db.meeting.count({ where: { date: { gte: new Date('2025-01-01'), lte: new Date('2025-12-31') } } }),
    );
    expect(codes(await server.gql(Q, { first: 101 }))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('countries, topics, initiatives, people', () => {
  it('lists countries and answers country(code) with its releases and meetings', async () => {
    const all = await server.gql(`{ countries { code } }`);
    expect(all.data.countries.length).toBeGreaterThanOrEqual(249);
    const involved = await server.gql(`{ countries(involved: true) { code } }`);
    expect(involved.data.countries.map((c: any) => c.code)).toEqual(expect.arrayContaining(['AZ', 'KR', 'UZ', 'KZ']));
    const search = await server.gql(`{ countries(search: "korean") { code } }`);
    expect(search.data.countries.map((c: any) => c.code)).toContain('KR');
    const az = await server.gql(`{ country(code: "az") { id code name demonyms
      pressReleases(first: 3) { totalCount edges { node { slug } } }
      meetings(first: 3) { totalCount } } }`);
    expect(az.data.country.code).toBe('AZ');
    expect(az.data.country.pressReleases.totalCount).toBe(
      await tdb.db.pressRelease.count({ where: { status: 'PUBLISHED', countries: { some: { countryCode: 'AZ' } } } }),
    );
    expect(az.data.country.meetings.totalCount).toBe(await tdb.db.meeting.count({ where: { participants: { some: { countryCode: 'AZ' } } } }));
    expect((await server.gql(`{ country(code: "ZZ") { code } }`)).data.country).toBeNull();
    expect(codes(await server.gql(`{ country(code: "Azerbaijan") { code } }`))).toEqual(['BAD_USER_INPUT']);
  });

  it('serves the taxonomy with its contract slugs and counts', async () => {
    const r = await server.gql(`{ topics { slug name description releaseCount } topic(slug: "education") { slug releaseCount pressReleases(first: 2) { totalCount } } }`);
    const slugs = r.data.topics.map((t: any) => t.slug);
    expect(slugs).toEqual([...TOPIC_SLUGS]);
    const edu = await tdb.db.releaseTopic.count({ where: { topic: { slug: 'education' }, pressRelease: { status: 'PUBLISHED' } } });
    expect(r.data.topic.releaseCount).toBe(edu);
    expect(r.data.topic.pressReleases.totalCount).toBe(edu);
    expect((await server.gql(`{ topic(slug: "nope") { slug } }`)).data.topic).toBeNull();
  });

  it('searches initiatives and shows their mentions with sentences', async () => {
    const r = await server.gql(`{ initiatives(search: "turkic", first: 5) { totalCount edges { node { id name acronym kind aliases
      mentions(first: 3) { sentence pressRelease { slug } } pressReleases(first: 2) { totalCount } } } } }`);
    const ots = r.data.initiatives.edges.find((e: any) => e.node.acronym === 'OTS')?.node;
    expect(ots).toBeDefined();
    expect(ots.mentions.length).toBeGreaterThan(0);
    for (const m of ots.mentions) expect(m.sentence.length).toBeGreaterThan(10);
    expect(ots.pressReleases.totalCount).toBeGreaterThanOrEqual(ots.mentions.length);
    const all = await server.gql(`{ initiatives(first: 100) { totalCount edges { node { name } } } }`);
    expect(all.data.initiatives.totalCount).toBe(await tdb.db.initiative.count());
    const names = all.data.initiatives.edges.map((e: any) => e.node.name.toLowerCase());
    expect([...names].sort()).toEqual(names);
  });

  it('lists people by name with roles over time and participations', async () => {
    const r = await server.gql(`{ people(first: 100) { totalCount edges { node { id name aliases
      roles { title roleKind country { code } from to }
      participations(first: 5) { role roleKind side meeting { kind } }
      meetings(first: 5) { totalCount } } } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.people.totalCount).toBe(await tdb.db.person.count());
    const bayramov = r.data.people.edges.find((e: any) => e.node.name === 'Jeyhun Bayramov').node;
    expect(bayramov.roles[0]).toMatchObject({ roleKind: 'FOREIGN_MINISTER', country: { code: 'AZ' } });
    expect(bayramov.roles[0].from <= bayramov.roles[0].to).toBe(true);
    expect(bayramov.meetings.totalCount).toBeGreaterThanOrEqual(3);
    expect(bayramov.participations.length).toBe(Math.min(5, bayramov.meetings.totalCount));
  });
});

describe('node(id)', () => {
  it('fetches every type back by its global id', async () => {
    const r = await server.gql(`{
      pressReleases(first: 1, filter: { meetingKinds: [CREDENTIALS_PRESENTATION] }) { edges { node { id
        meetings { id participants { id person { id } } } topics { id } countries { id } initiatives { id mentions(first: 1) { id } } } } } }`);
    const rel = r.data.pressReleases.edges[0].node;
    const ids: [string, string][] = [
      ['PressRelease', rel.id],
      ['Meeting', rel.meetings[0].id],
      ['Participant', rel.meetings[0].participants[0].id],
      ['Person', rel.meetings[0].participants[0].person.id],
      ['Topic', rel.topics[0].id],
      ['Country', rel.countries[0].id],
      ['Initiative', rel.initiatives[0].id],
      ['InitiativeMention', rel.initiatives[0].mentions[0].id],
    ];
    for (const [type, id] of ids) {
      const n = await server.gql(`query($id: ID!) { node(id: $id) { __typename id } }`, { id });
      expect(n.data.node).toEqual({ __typename: type, id });
    }
    const many = await server.gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: ids.map(([, id]) => id) });
    expect(many.data.nodes.map((n: any) => n.id)).toEqual(ids.map(([, id]) => id));
    // Well-formed ids of nothing are null; ids this API never issued are bad input.
    const missing = Buffer.from('PressRelease:999999').toString('base64');
    expect((await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: missing })).data.node).toBeNull();
    expect(codes(await server.gql(`{ node(id: "%%%") { id } }`))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('every connection pages both ways', () => {
  const ARGS = '(first: $first, after: $after, last: $last, before: $before)';
  const PAGE = '{ totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { node { id } } }';
  const lists: [string, string, (data: any) => any][] = [
    ['people', `people${ARGS} ${PAGE}`, (d) => d.people],
    ['initiatives', `initiatives${ARGS} ${PAGE}`, (d) => d.initiatives],
    ['a country’s releases', `country(code: "AZ") { pressReleases${ARGS} ${PAGE} }`, (d) => d.country.pressReleases],
    ['a topic’s releases', `topic(slug: "energy") { pressReleases${ARGS} ${PAGE} }`, (d) => d.topic.pressReleases],
  ];
  it.each(lists)('%s', async (name, field, connection) => {
    const q = `query($first: Int, $after: String, $last: Int, $before: String) { ${field} }`;
    const page = async (vars: Record<string, unknown>) => connection((await server.gql(q, vars)).data);
    const all = await page({ first: 100 });
    const ids = all.edges.map((e: any) => e.node.id);
    expect(ids.length).toBe(all.totalCount);
    expect(ids.length).toBeGreaterThan(4);
    const forward: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 100; i++) {
      const p = await page({ first: 3, after });
      forward.push(...p.edges.map((e: any) => e.node.id));
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    expect({ name, forward }).toEqual({ name, forward: ids });
    const backward: string[] = [];
    let before: string | null = null;
    for (let i = 0; i < 100; i++) {
      const p = await page({ last: 3, before });
      backward.unshift(...p.edges.map((e: any) => e.node.id));
      if (!p.pageInfo.hasPreviousPage) break;
      before = p.pageInfo.startCursor;
    }
    expect({ name, backward }).toEqual({ name, backward: ids });
  });
});
