// Ingest of published text, as editors do it: the reference document, duplicates, bad input,
// and 25 concurrent ingests that share new people and initiatives.
import fs from 'node:fs';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { codes, startTestServer, type TestServer, newApiKey } from '../support/server';
import { MAX_TEXT_LENGTH } from '../../src/domain/validate';

const ADMIN_TOKEN = 'ingest-admin-token-abcdef0123456789';
const REFERENCE = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'reference-release.txt'), 'utf8');
let tdb: TestDatabase;
let server: TestServer;
let editor: string;

const INGEST = `mutation($input: IngestPressReleaseInput!) { ingestPressRelease(input: $input) {
  duplicate warnings
  release { id slug title status publishedAt source { name url } dateline { place date country { code } } issuer { country { code } }
    paragraphs
    meetings { kind date participants { person { name } role roleKind country { code } side } }
    topics { slug } initiatives { name acronym kind } countries { code } } } }`;

beforeAll(async () => {
  tdb = await createTestDatabase('corpus');
  server = await startTestServer(tdb, { ADMIN_TOKEN });
  editor = await newApiKey(server, ADMIN_TOKEN, 'ingest editor');
});
afterAll(async () => {
  await server?.close();
  await tdb?.drop();
});

const total = async () => (await server.gql(`{ pressReleases(first: 1) { totalCount } }`)).data.pressReleases.totalCount as number;

describe('ingestPressRelease', () => {
  it('stores the reference document with its meeting, people, topics and initiatives', async () => {
    const before = await total();
    const r = await server.gql(INGEST, { input: { text: REFERENCE, sourceName: 'Trend', year: 2025 } }, editor);
    expect(r.errors).toBeUndefined();
    const { release, duplicate } = r.data.ingestPressRelease;
    expect(duplicate).toBe(false);
    expect(await total()).toBe(before + 1);
    expect(release.status).toBe('PUBLISHED');
    expect(release.dateline).toEqual({ place: 'Baku', date: '2025-05-23', country: { code: 'AZ' } });
    expect(release.issuer.country.code).toBe('AZ');
    expect(release.paragraphs.join(' ')).not.toMatch(/Stay up-to-date/);
    expect(release.meetings).toHaveLength(1);
    const [meeting] = release.meetings;
    expect(meeting.kind).toBe('CREDENTIALS_PRESENTATION');
    const byName = Object.fromEntries(meeting.participants.map((p: any) => [p.person.name, p]));
    expect(byName['Jeyhun Bayramov']).toMatchObject({ roleKind: 'FOREIGN_MINISTER', country: { code: 'AZ' }, side: 'HOST' });
    expect(byName['Kang Kymgu']).toMatchObject({ roleKind: 'AMBASSADOR', country: { code: 'KR' }, side: 'GUEST' });
    const names = release.initiatives.map((i: any) => `${i.name} ${i.acronym ?? ''}`).join(' | ');
    for (const want of ['CICA', 'COP29', 'Minsk Group']) expect(names).toContain(want);
    expect(release.topics.map((t: any) => t.slug)).toEqual(
      expect.arrayContaining(['bilateral-relations', 'education', 'climate-environment', 'peace-security', 'demining-reconstruction']),
    );
    expect(release.countries.map((c: any) => c.code)).toEqual(expect.arrayContaining(['AZ', 'KR', 'AM']));

    // Found by the read API, with both participants.
    const found = await server.gql(`{ pressReleases(first: 5, filter: { countries: ["KR"], meetingKinds: [CREDENTIALS_PRESENTATION] }) {
      edges { node { id meetings { participants { person { name } } } } } } }`);
    expect(found.data.pressReleases.edges.map((e: any) => e.node.id)).toContain(release.id);
  });

  it('returns the stored release, not a duplicate, for the same text again (whitespace aside)', async () => {
    const before = await total();
    const first = await server.gql(INGEST, { input: { text: REFERENCE, year: 2025 } }, editor);
    const again = await server.gql(INGEST, { input: { text: `\n${REFERENCE.replace(/\n/g, '\n\n')}  `, year: 2025 } }, editor);
    for (const r of [first, again]) {
      expect(r.errors).toBeUndefined();
      expect(r.data.ingestPressRelease.duplicate).toBe(true);
      expect(r.data.ingestPressRelease.warnings.join(' ')).toMatch(/Already in the archive/);
    }
    expect(again.data.ingestPressRelease.release.id).toBe(first.data.ingestPressRelease.release.id);
    expect(await total()).toBe(before);
  });

  it('treats the same source URL as the same release', async () => {
    const url = 'https://news.example.org/unique/1';
    const a = await server.gql(INGEST, { input: { text: 'ASTANA, Kazakhstan, June 2. The ministry issued a statement on regional water cooperation.', sourceUrl: url, year: 2025 } }, editor);
    expect(a.data.ingestPressRelease.duplicate).toBe(false);
    const b = await server.gql(INGEST, { input: { text: 'ASTANA, Kazakhstan, June 2. A corrected statement on water cooperation.', sourceUrl: url, year: 2025 } }, editor);
    expect(b.data.ingestPressRelease).toMatchObject({ duplicate: true, release: { id: a.data.ingestPressRelease.release.id } });
  });

  it('stores a draft when asked, invisible to anonymous readers', async () => {
    const r = await server.gql(INGEST, { input: { text: 'TBILISI, Georgia, July 9. The ministry commented on the upcoming elections in the region.', publish: false, year: 2025 } }, editor);
    const rel = r.data.ingestPressRelease.release;
    expect(rel.status).toBe('DRAFT');
    expect((await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: rel.id })).data.node).toBeNull();
    expect((await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: rel.id }, editor)).data.node.id).toBe(rel.id);
  });

  it('refuses bad input with BAD_USER_INPUT naming the field, and writes nothing', async () => {
    const before = await tdb.db.pressRelease.count();
    const bad: [Record<string, unknown>, string][] = [
      [{ text: '   ' }, 'text'],
      [{ text: 'x'.repeat(MAX_TEXT_LENGTH + 1) }, 'text'],
      [{ text: REFERENCE, sourceUrl: 'not a url' }, 'sourceUrl'],
      [{ text: REFERENCE, sourceUrl: 'ftp://example.org/x' }, 'sourceUrl'],
      [{ text: REFERENCE, publishedAt: '2025-13-45T00:00:00Z' }, 'publishedAt'],
      [{ text: REFERENCE, year: 99999 }, 'year'],
      [{ text: REFERENCE, language: 'English!' }, 'language'],
    ];
    for (const [input, field] of bad) {
      const r = await server.gql(INGEST, { input }, editor);
      expect({ input: Object.keys(input), codes: codes(r) }).toEqual({ input: Object.keys(input), codes: ['BAD_USER_INPUT'] });
      expect(JSON.stringify(r.errors)).toContain(field);
    }
    expect(await tdb.db.pressRelease.count()).toBe(before);
  });
});

describe('concurrent ingests', () => {
  it('stores 25 releases sharing new people and initiatives, each person and initiative once', async () => {
    const texts = Array.from({ length: 25 }, (_, i) => {
      const day = i + 1;
      return [
        `CHISINAU, Moldova, March ${day}. The Minister of Foreign Affairs of the Republic of Moldova, Dorin Vasilescu, received the Ambassador of the Republic of Azerbaijan to Moldova, Rashad Guliyev, on March ${day}, the ministry reported.`,
        `The sides discussed cooperation within the Danube Energy Partnership (DEP) and the Black Sea Transit Initiative (BSTI), meeting number ${day}.`,
        `They also reviewed trade and investment, and noted progress in education and tourism.`,
      ].join('\n');
    });
    const before = await tdb.db.pressRelease.count();
    const results = await Promise.all(texts.map((text) => server.gql(INGEST, { input: { text, year: 2026 } }, editor)));
    for (const r of results) expect(r.errors).toBeUndefined();
    expect(results.every((r) => r.data.ingestPressRelease.duplicate === false)).toBe(true);
    expect(await tdb.db.pressRelease.count()).toBe(before + 25);
    for (const name of ['Dorin Vasilescu', 'Rashad Guliyev']) {
      expect({ name, n: await tdb.db.person.count({ where: { name } }) }).toEqual({ name, n: 1 });
    }
    for (const acronym of ['DEP', 'BSTI']) {
      expect({ acronym, n: await tdb.db.initiative.count({ where: { acronym } }) }).toEqual({ acronym, n: 1 });
    }
    const person = await tdb.db.person.findFirstOrThrow({ where: { name: 'Dorin Vasilescu' } });
    expect(await tdb.db.participant.count({ where: { personId: person.id } })).toBe(25);
  });
});

describe('extractPressRelease', () => {
  it('shows what the extractor reads without storing anything', async () => {
    const before = await tdb.db.pressRelease.count();
    const r = await server.gql(`query($text: String!) { extractPressRelease(text: $text, year: 2025) {
      title dateline { place country { code } date } issuerCountry { code }
      meetings { kind date place participants { name role roleKind country { code } side } }
      topics { slug } initiatives { name acronym kind sentence } countries { code } warnings } }`, { text: REFERENCE }, editor);
    expect(r.errors).toBeUndefined();
    const x = r.data.extractPressRelease;
    expect(x.dateline).toEqual({ place: 'Baku', country: { code: 'AZ' }, date: '2025-05-23' });
    expect(x.issuerCountry.code).toBe('AZ');
    expect(x.meetings.map((m: any) => m.kind)).toEqual(['CREDENTIALS_PRESENTATION']);
    expect(x.meetings[0].participants.map((p: any) => [p.name, p.side])).toEqual(
      expect.arrayContaining([['Jeyhun Bayramov', 'HOST'], ['Kang Kymgu', 'GUEST']]),
    );
    const cica = x.initiatives.find((i: any) => i.acronym === 'CICA');
    expect(cica.name).toBe('Conference on Interaction and Confidence Building Measures in Asia');
    expect(cica.sentence).toContain('CICA');
    expect(await tdb.db.pressRelease.count()).toBe(before);
    expect(codes(await server.gql(`{ extractPressRelease(text: "x") { title } }`))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await server.gql(`{ extractPressRelease(text: "") { title } }`, {}, editor))).toEqual(['BAD_USER_INPUT']);
  });
});
