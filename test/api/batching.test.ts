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
