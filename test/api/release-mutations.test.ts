// Structured writes: create, update, publish, retract, delete; merges and aliases.
import { createTestDatabase, type TestDatabase } from '../support/db';
import { codes, startTestServer, type TestServer, newApiKey } from '../support/server';

const ADMIN_TOKEN = 'mutations-admin-token-0123456789';
let tdb: TestDatabase;
let server: TestServer;
let editor: string;

beforeAll(async () => {
  tdb = await createTestDatabase('corpus');
  server = await startTestServer(tdb, { ADMIN_TOKEN });
  editor = await newApiKey(server, ADMIN_TOKEN);
});
afterAll(async () => {
  await server?.close();
  await tdb?.drop();
});

const RELEASE_FIELDS = `id slug title status retractionReason publishedAt dateline { place country { code } date }
  issuer { name country { code } } source { name url } paragraphs
  meetings { kind date participants { person { id name } role roleKind country { code } side } topics { slug } initiatives { name } }
  topics { slug } initiatives { id name acronym } countries { code }`;

const CREATE = `mutation($input: PressReleaseInput!) { createPressRelease(input: $input) { ${RELEASE_FIELDS} } }`;

const input = (over: Record<string, unknown> = {}) => ({
  title: 'Foreign ministers of Armenia and Georgia discuss transit',
  publishedAt: '2025-08-14T09:00:00Z',
  dateline: { place: 'Yerevan', country: 'am', date: '2025-08-14' },
  issuer: { name: 'Ministry of Foreign Affairs of Armenia', country: 'AM' },
  source: { name: 'Test Wire', url: 'https://wire.example.org/am-ge' },
  paragraphs: ['YEREVAN, Armenia, August 14. The ministers met.', 'They discussed transit and energy.'],
  meetings: [
    {
      kind: 'BILATERAL_MEETING',
      participants: [
        { name: 'Ararat Mirzoyan', role: 'Minister of Foreign Affairs of Armenia', roleKind: 'FOREIGN_MINISTER', country: 'AM', side: 'HOST' },
        { name: 'Maka Botchorishvili', role: 'Minister of Foreign Affairs of Georgia', roleKind: 'FOREIGN_MINISTER', country: 'GE', side: 'GUEST' },
      ],
    },
  ],
  topics: ['transport-connectivity', 'energy'],
  initiatives: [{ name: 'Crossroads of Peace', kind: 'PROGRAMME', sentence: 'They discussed the Crossroads of Peace project.' }],
  countries: ['AM', 'GE'],
  ...over,
});

describe('createPressRelease', () => {
  it('stores a structured release as a draft, in one piece', async () => {
    const r = await server.gql(CREATE, { input: input() }, editor);
    expect(r.errors).toBeUndefined();
    const rel = r.data.createPressRelease;
    expect(rel).toMatchObject({
      status: 'DRAFT',
      dateline: { place: 'Yerevan', country: { code: 'AM' }, date: '2025-08-14' },
      issuer: { country: { code: 'AM' } },
      source: { url: 'https://wire.example.org/am-ge' },
      topics: [{ slug: 'energy' }, { slug: 'transport-connectivity' }],
    });
    expect(rel.meetings[0].date).toBe('2025-08-14');
    expect(rel.meetings[0].participants.map((p: any) => p.person.name)).toEqual(['Ararat Mirzoyan', 'Maka Botchorishvili']);
    expect(rel.meetings[0].topics.map((t: any) => t.slug).sort()).toEqual(['energy', 'transport-connectivity']);
    expect(rel.meetings[0].initiatives.map((i: any) => i.name)).toEqual(['Crossroads of Peace']);
    // The same body again is a conflict, not a second copy.
    const again = await server.gql(CREATE, { input: input({ source: null }) }, editor);
    expect(codes(again)).toEqual(['CONFLICT']);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const counts = async () => [await tdb.db.pressRelease.count(), await tdb.db.person.count(), await tdb.db.initiative.count()];
    const before = await counts();
    const cases: [Record<string, unknown>, string][] = [
      [{ topics: ['not-a-slug'] }, 'topics'],
      [{ countries: ['XX'] }, 'countries'],
      [{ countries: ['Armenia'] }, 'countries'],
      [{ paragraphs: [] }, 'paragraphs'],
      [{ paragraphs: ['   '] }, 'paragraphs'],
      [{ title: '' }, 'title'],
      [{ source: { url: 'not a url' } }, 'url'],
      [{ publishedAt: 'yesterday' }, 'publishedAt'],
      [{ dateline: { place: 'Baku', date: '2025-02-30' } }, 'date'],
      [{ meetings: [{ kind: 'BILATERAL_MEETING', participants: [{ name: '', role: 'x', roleKind: 'OTHER' }] }] }, 'name'],
      [{ meetings: [{ kind: 'BILATERAL_MEETING', topics: ['nope'], participants: [] }] }, 'meetings.0.topics'],
    ];
    for (const [over, field] of cases) {
      const r = await server.gql(CREATE, { input: input({ source: null, ...over, paragraphs: over.paragraphs ?? [`Unique ${field} ${Math.random()}`] }) }, editor);
      expect({ over, codes: codes(r) }).toEqual({ over, codes: ['BAD_USER_INPUT'] });
      expect(JSON.stringify(r.errors![0])).toContain(field);
    }
    expect(await counts()).toEqual(before);
  });
});

describe('the life of a release', () => {
  it('is updated, published, retracted and deleted', async () => {
    const created = (await server.gql(CREATE, { input: input({ paragraphs: ['A life-cycle release.'], source: null }) }, editor)).data
      .createPressRelease;
    const id = created.id;
    const upd = await server.gql(
      `mutation($id: ID!, $input: UpdatePressReleaseInput!) { updatePressRelease(id: $id, input: $input) { ${RELEASE_FIELDS} } }`,
      { id, input: { title: 'A better title', topics: ['agreements'] } },
      editor,
    );
    expect(upd.errors).toBeUndefined();
    const u = upd.data.updatePressRelease;
    expect(u.title).toBe('A better title');
    expect(u.topics.map((t: any) => t.slug)).toEqual(['agreements']);
    expect(u.meetings[0].topics.map((t: any) => t.slug)).toEqual(['agreements']);
    expect(u.meetings[0].participants.map((p: any) => p.person.id)).toEqual(created.meetings[0].participants.map((p: any) => p.person.id));
    expect(u.paragraphs).toEqual(['A life-cycle release.']);
    expect(u.slug).toBe(created.slug);

    const anon = async () => (await server.gql(`query($id: ID!) { pressRelease(id: $id) { status } }`, { id })).data.pressRelease;
    expect(await anon()).toBeNull();
    const pub = await server.gql(`mutation($id: ID!) { publishPressRelease(id: $id) { status } }`, { id }, editor);
    expect(pub.data.publishPressRelease.status).toBe('PUBLISHED');
    expect(await anon()).toEqual({ status: 'PUBLISHED' });

    expect(codes(await server.gql(`mutation($id: ID!) { retractPressRelease(id: $id, reason: " ") { status } }`, { id }, editor))).toEqual([
      'BAD_USER_INPUT',
    ]);
    const ret = await server.gql(`mutation($id: ID!) { retractPressRelease(id: $id, reason: "Issued in error") { status retractionReason } }`, { id }, editor);
    expect(ret.data.retractPressRelease).toEqual({ status: 'RETRACTED', retractionReason: 'Issued in error' });
    expect(codes(await server.gql(`mutation($id: ID!) { publishPressRelease(id: $id) { status } }`, { id }, editor))).toEqual(['CONFLICT']);

    expect(codes(await server.gql(`mutation($id: ID!) { deletePressRelease(id: $id) }`, { id }, editor))).toEqual(['FORBIDDEN']);
    const del = await server.gql(`mutation($id: ID!) { deletePressRelease(id: $id) }`, { id }, ADMIN_TOKEN);
    expect(del.data.deletePressRelease).toBe(id);
    expect(await tdb.db.pressRelease.count({ where: { slug: created.slug } })).toBe(0);
    expect(codes(await server.gql(`mutation($id: ID!) { deletePressRelease(id: $id) }`, { id }, ADMIN_TOKEN))).toEqual(['NOT_FOUND']);
    expect(codes(await server.gql(`mutation($id: ID!) { publishPressRelease(id: $id) { status } }`, { id: 'nonsense' }, editor))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });
});

describe('curation', () => {
  it('merges two people, keeping the removed name as an alias that later writes resolve to', async () => {
    const mk = (name: string, paragraph: string) =>
      server.gql(CREATE, {
        input: input({
          paragraphs: [paragraph],
          source: null,
          meetings: [{ kind: 'PHONE_CALL', participants: [{ name, role: 'Foreign Minister of Armenia', roleKind: 'FOREIGN_MINISTER', country: 'AM' }] }],
        }),
      }, editor);
    const a = (await mk('Ararat Mirzoyan', 'Merge test one.')).data.createPressRelease.meetings[0].participants[0].person;
    const b = (await mk('A. Mirzoyan', 'Merge test two.')).data.createPressRelease.meetings[0].participants[0].person;
    expect(a.id).not.toBe(b.id);
    const M = `mutation($k: ID!, $r: ID!) { mergePeople(keep: $k, remove: $r) { id name aliases participations(first: 100) { role } } }`;
    expect(codes(await server.gql(M, { k: a.id, r: b.id }, editor))).toEqual(['FORBIDDEN']);
    const merged = await server.gql(M, { k: a.id, r: b.id }, ADMIN_TOKEN);
    expect(merged.errors).toBeUndefined();
    expect(merged.data.mergePeople.aliases).toContain('A. Mirzoyan');
    expect(await tdb.db.person.count({ where: { name: 'A. Mirzoyan' } })).toBe(0);
    const c = (await mk('A. Mirzoyan', 'Merge test three.')).data.createPressRelease.meetings[0].participants[0].person;
    expect(c.id).toBe(a.id);
    expect(codes(await server.gql(M, { k: a.id, r: a.id }, ADMIN_TOKEN))).toEqual(['BAD_USER_INPUT']);
  });

  it('merges initiatives and adds aliases to people, initiatives and countries', async () => {
    const ids = await server.gql(`{ initiatives(search: "Middle Corridor", first: 5) { edges { node { id name } } }
      other: initiatives(search: "Trans-Caspian", first: 5) { edges { node { id name acronym } } } }`);
    const keep = ids.data.initiatives.edges[0].node;
    const remove = ids.data.other.edges[0].node;
    const mentionsBefore = await tdb.db.initiativeMention.count({ where: { initiativeId: { in: [keep, remove].map((n: any) => Number(Buffer.from(n.id, 'base64').toString().split(':')[1])) } } });
    const r = await server.gql(`mutation($k: ID!, $r: ID!) { mergeInitiatives(keep: $k, remove: $r) { id aliases mentions(first: 100) { sentence } } }`, { k: keep.id, r: remove.id }, ADMIN_TOKEN);
    expect(r.errors).toBeUndefined();
    expect(r.data.mergeInitiatives.aliases).toContain(remove.name);
    expect(r.data.mergeInitiatives.mentions.length).toBe(mentionsBefore);

    const alias = await server.gql(`mutation($id: ID!) { addAlias(id: $id, alias: "Azərbaycan") { ... on Country { code aliases } } }`, {
      id: Buffer.from('Country:AZ').toString('base64'),
    }, editor);
    expect(alias.data.addAlias.aliases).toContain('Azərbaycan');
    const found = await server.gql(`{ countries(search: "Azərbaycan") { code } }`);
    expect(found.data.countries.map((c: any) => c.code)).toContain('AZ');
    const person = await server.gql(`{ people(search: "Bayramov") { edges { node { id } } } }`);
    const pa = await server.gql(`mutation($id: ID!) { addAlias(id: $id, alias: "J. Bayramov") { ... on Person { aliases } } }`, {
      id: person.data.people.edges[0].node.id,
    }, editor);
    expect(pa.data.addAlias.aliases).toContain('J. Bayramov');
    expect(codes(await server.gql(`mutation($id: ID!) { addAlias(id: $id, alias: "  ") { id } }`, { id: person.data.people.edges[0].node.id }, editor))).toEqual(['BAD_USER_INPUT']);
    const topicId = Buffer.from('Topic:education').toString('base64');
    expect(codes(await server.gql(`mutation($id: ID!) { addAlias(id: $id, alias: "Schooling") { id } }`, { id: topicId }, editor))).toEqual(['BAD_USER_INPUT']);
  });
});
