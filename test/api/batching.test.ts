// No N+1: a nested page costs the same number of SQL statements whatever its size.
import { createTestDatabase, type TestDatabase } from '../support/db';
import { startTestServer, type TestServer } from '../support/server';
import { storeRelease, type ReleaseDraft } from '../../src/domain/store-release';

let tdb: TestDatabase;
let server: TestServer;
const statements: string[] = [];

function syntheticRelease(i: number): ReleaseDraft {
  const day = new Date(Date.UTC(2024, 0, 1 + i));
  return {
    title: `Synthetic release ${i}`,
    publishedAt: day,
    datelinePlace: 'Baku',
    datelineCountryCode: 'AZ',
    datelineDate: day,
    issuerName: 'Ministry of Foreign Affairs of Azerbaijan',
    issuerCountryCode: 'AZ',
    sourceName: 'Test Wire',
    sourceUrl: `https://wire.example.org/${i}`,
    language: 'en',
    paragraphs: [`Paragraph one of release ${i}.`, `Paragraph two of release ${i}.`],
    status: 'PUBLISHED',
    contentHash: `hash-${i}`,
    meetings: [
      {
        kind: i % 2 ? 'BILATERAL_MEETING' : 'PHONE_CALL',
        date: day,
        place: 'Baku',
        participants: [
          { name: 'Host Person', role: 'Minister of Foreign Affairs', roleKind: 'FOREIGN_MINISTER', countryCode: 'AZ', side: 'HOST' },
          { name: `Guest Person ${i % 7}`, role: 'Ambassador', roleKind: 'AMBASSADOR', countryCode: ['KR', 'UZ', 'KZ'][i % 3], side: 'GUEST' },
        ],
      },
    ],
    topics: [
      { slug: 'bilateral-relations', mentions: 2 },
      { slug: 'education', mentions: 1 },
    ],
    initiatives: [{ name: 'Test Initiative', acronym: 'TI', kind: 'PROGRAMME', sentence: `Release ${i} mentions TI.` }],
    countries: [{ code: 'AZ', mentions: 3 }, { code: ['KR', 'UZ', 'KZ'][i % 3], mentions: 1 }],
  };
}

beforeAll(async () => {
  tdb = await createTestDatabase('ref', { onQuery: (sql) => statements.push(sql) });
  for (let i = 0; i < 60; i++) await storeRelease(tdb.db, syntheticRelease(i));
  server = await startTestServer(tdb);
});
afterAll(async () => {
  await server?.close();
  await tdb?.drop();
});

const NESTED = `query($n: Int!) { pressReleases(first: $n) { totalCount edges { node {
  title dateline { place country { name } } issuer { name country { code } }
  meetings { kind participants { person { name roles { title } } role country { code name } side } topics { slug } initiatives { name } }
  topics { slug releaseCount } initiatives { name } countries { code } people { name } } } } }`;

async function statementsFor(n: number): Promise<number> {
  statements.length = 0;
  const r = await server.gql(NESTED, { n });
  expect(r.errors).toBeUndefined();
  expect(r.data.pressReleases.edges).toHaveLength(n);
  return statements.length;
}

it('counts the same SQL statements for a 5-item and a 50-item nested page', async () => {
  const five = await statementsFor(5);
  const fifty = await statementsFor(50);
  expect(five).toBeGreaterThan(3);
  expect(fifty).toBe(five);
});

describe('a page of releases reads the columns of the fields it selects', () => {
  const listStatement = () => statements.filter((s) => /FROM press_release pr/.test(s) && /ORDER BY/.test(s));

  it('reads id, title and date for a page of id, title and date, and no other column', async () => {
    statements.length = 0;
    const r = await server.gql('{ pressReleases(first: 3) { edges { cursor node { id title publishedAt } } } }');
    expect(r.errors).toBeUndefined();
    expect(r.data.pressReleases.edges.map((e: any) => e.node.title)).toEqual(['Synthetic release 59', 'Synthetic release 58', 'Synthetic release 57']);
    const [statement] = listStatement();
    const text = statement.slice(statement.indexOf('SELECT'), statement.indexOf('FROM press_release'));
    expect(text).toMatch(/pr\.title/);
    for (const column of ['pr.slug', 'dateline_place', 'issuer_name', 'source_url', 'pr.language', 'pr.status', 'pr.body', 'created_at', 'pr.version']) {
      expect(text).not.toContain(column);
    }
    // The cursors come from the columns read: the next page follows on.
    const next = await server.gql('query($a: String) { pressReleases(first: 1, after: $a) { edges { node { title } } } }', { a: r.data.pressReleases.edges[2].cursor });
    expect(next.data.pressReleases.edges[0].node.title).toBe('Synthetic release 56');
  });

  it('answers every field of a release on a page as the release itself answers it, through fragments and aliases', async () => {
    const fields = `slug title publishedAt dateline { place date country { code } } issuer { name country { code } } source { name url }
      language status retractionReason createdAt updatedAt version`;
    const page = await server.gql(`{ pressReleases(first: 2) { edges { node { id ...F t: title } } } } fragment F on PressRelease { ... on PressRelease { ${fields} } }`);
    expect(page.errors).toBeUndefined();
    for (const { node } of page.data.pressReleases.edges) {
      const one = await server.gql(`query($id: ID!) { pressRelease(id: $id) { ${fields} } }`, { id: node.id });
      expect(one.errors).toBeUndefined();
      const { id: _id, t, ...rest } = node;
      expect(rest).toEqual(one.data.pressRelease);
      expect(t).toBe(node.title);
      expect(node.version).toBe(1);
      expect(node.dateline).toEqual({ place: 'Baku', date: expect.any(String), country: { code: 'AZ' } });
    }
  });

  it('answers version on the lists of a country, a topic and an initiative (their columns left it out)', async () => {
    const r = await server.gql(`{ country(code: "AZ") { pressReleases(first: 1) { edges { node { version title } } } }
      topic(slug: "education") { pressReleases(first: 1) { edges { node { version } } } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.country.pressReleases.edges[0].node).toEqual({ version: 1, title: 'Synthetic release 59' });
    expect(r.data.topic.pressReleases.edges[0].node.version).toBe(1);
  });
});

describe('nested rows read the columns of the fields they select', () => {
  const FULL = `meetings { id kind date place participants { id role roleKind side person { id name aliases } country { id code name officialName aliases demonyms } } topics { id slug name description } }
    topics { id slug name description }`;

  it('answers a few fields of nested rows as a query of every field answers them, without reading the others', async () => {
    const full = await server.gql(`{ pressReleases(first: 4) { edges { node { title ${FULL} } } } }`);
    expect(full.errors).toBeUndefined();
    statements.length = 0;
    const few = await server.gql(`{ pressReleases(first: 4) { edges { node { title
      meetings { kind participants { role person { name } country { code } } topics { name } } topics { name } } } } }`);
    expect(few.errors).toBeUndefined();
    const page = statements.filter((s) => /FROM press_release pr/.test(s));
    expect(page).toHaveLength(1);
    for (const column of ['demonyms', 'official_name', 't.description', 'role_kind', 'm.place', 'p.side']) expect(page[0]).not.toContain(column);
    const fewOf = (r: any) =>
      r.data.pressReleases.edges.map(({ node }: any) => ({
        title: node.title,
        topics: node.topics.map((t: any) => ({ name: t.name })),
        meetings: node.meetings.map((m: any) => ({
          kind: m.kind,
          topics: m.topics.map((t: any) => ({ name: t.name })),
          participants: m.participants.map((p: any) => ({ role: p.role, person: { name: p.person.name }, country: p.country && { code: p.country.code } })),
        })),
      }));
    expect(few.data).toEqual({ pressReleases: { edges: fewOf(full).map((node: any) => ({ node })) } });
    expect(fewOf(full)[0].meetings[0].participants[0].country).toEqual({ code: 'AZ' });
  });

  it('a participant country read with its code only does not stand in for the country elsewhere in the request', async () => {
    const r = await server.gql(`{ pressReleases(first: 1) { edges { node { meetings { participants { country { code } } } dateline { country { code name aliases demonyms officialName } } } } } }`);
    expect(r.errors).toBeUndefined();
    const [{ node }] = r.data.pressReleases.edges;
    expect(node.dateline.country).toMatchObject({ code: 'AZ', name: expect.any(String), aliases: expect.any(Array), demonyms: expect.any(Array) });
    expect(node.dateline.country.name.length).toBeGreaterThan(0);
  });

  it('a release read with some nested fields answers other fields of the same release elsewhere in the request in full', async () => {
    const list = await server.gql('{ pressReleases(first: 1) { edges { node { id } } } }');
    const id = list.data.pressReleases.edges[0].node.id;
    const r = await server.gql(
      `query($id: ID!) { pressRelease(id: $id) { meetings { kind } topics { name } }
        meetings(first: 40) { edges { node { pressRelease { id meetings { kind place date } topics { slug name } } } } } }`,
      { id },
    );
    expect(r.errors).toBeUndefined();
    const again = r.data.meetings.edges.map((e: any) => e.node.pressRelease).find((p: any) => p.id === id);
    expect(again).toBeDefined();
    expect(again.meetings[0]).toEqual({ kind: r.data.pressRelease.meetings[0].kind, place: 'Baku', date: expect.any(String) });
    expect(again.topics.map((t: any) => t.slug).sort()).toEqual(['bilateral-relations', 'education']);
  });

  it('meetings of a kind read their participants with the selected columns and answer as with every column', async () => {
    const q = (fields: string) => `{ meetings(first: 5, filter: { kinds: [BILATERAL_MEETING] }) { edges { node { id participants { ${fields} } } } } }`;
    const full = await server.gql(q('role side person { name aliases } country { code name demonyms }'));
    statements.length = 0;
    const few = await server.gql(q('role country { code }'));
    expect(full.errors).toBeUndefined();
    expect(few.errors).toBeUndefined();
    expect(statements.filter((s) => /FROM meeting m/.test(s)).join('\n')).not.toContain('demonyms');
    expect(few.data.meetings.edges).toEqual(
      full.data.meetings.edges.map(({ node }: any) => ({ node: { id: node.id, participants: node.participants.map((p: any) => ({ role: p.role, country: p.country && { code: p.country.code } })) } })),
    );
  });
});
