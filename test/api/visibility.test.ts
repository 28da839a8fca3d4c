// What the public may see: published releases and what they say. A draft's people, initiatives
// and role dates stay with editors, and stay private after the draft is deleted; a retraction
// takes a release out of public view (docs/api.md, "Who sees what").
import { createTestDatabase, type TestDatabase } from '../support/db';
import { codes, startTestServer, type TestServer, newApiKey } from '../support/server';

const ADMIN_TOKEN = 'visibility-admin-token-0123456789';
let tdb: TestDatabase;
let server: TestServer;
let editor: string;

beforeAll(async () => {
  tdb = await createTestDatabase('corpus');
  // No response cache (no URL given): every answer below is computed.
  server = await startTestServer(tdb.db, { ADMIN_TOKEN });
  editor = await newApiKey(server, ADMIN_TOKEN);
});
afterAll(async () => {
  await server?.close();
  await tdb?.drop();
});

const NEW_PERSON = 'Zorana Quellwater';
const NEW_INITIATIVE = 'Quiet Harbour Programme';

/** A draft with a new person, a new initiative, and a known minister at a meeting years later. */
const draftInput = (bayramov: string) => ({
  title: 'A draft nobody outside the newsroom should see',
  publishedAt: '2031-03-02T09:00:00Z',
  dateline: { place: 'Baku', country: 'AZ', date: '2031-03-02' },
  issuer: { name: 'Ministry of Foreign Affairs of Azerbaijan', country: 'AZ' },
  paragraphs: [`BAKU, Azerbaijan, March 2. ${bayramov} met ${NEW_PERSON}.`, `They discussed the ${NEW_INITIATIVE}.`],
  meetings: [
    {
      kind: 'BILATERAL_MEETING',
      participants: [
        { name: bayramov, role: 'Minister of Foreign Affairs', roleKind: 'FOREIGN_MINISTER', country: 'AZ', side: 'HOST' },
        { name: NEW_PERSON, role: 'Special Envoy', roleKind: 'DIPLOMAT', country: 'IS', side: 'GUEST' },
      ],
    },
  ],
  topics: ['energy'],
  initiatives: [{ name: NEW_INITIATIVE, kind: 'PROGRAMME', sentence: `They discussed the ${NEW_INITIATIVE}.` }],
  countries: ['AZ', 'IS'],
});

const PERSON = `query($id: ID!) { node(id: $id) { ... on Person { name roles { title from to } participations(first: 100) { role } meetings(first: 1) { totalCount } } } }`;

async function personByName(name: string, token?: string) {
  const r = await server.gql(`query($s: String!) { people(search: $s) { totalCount edges { node { id name } } } }`, { s: name }, token);
  expect(r.errors).toBeUndefined();
  return r.data.people as { totalCount: number; edges: { node: { id: string; name: string } }[] };
}

async function initiativeByName(name: string, token?: string) {
  const r = await server.gql(`query($s: String!) { initiatives(search: $s) { totalCount edges { node { id name } } } }`, { s: name }, token);
  expect(r.errors).toBeUndefined();
  return r.data.initiatives as { totalCount: number; edges: { node: { id: string; name: string } }[] };
}

/** Everything an anonymous reader can learn about the draft's contents. */
async function publicView(bayramovId: string) {
  const person = await personByName(NEW_PERSON);
  const initiative = await initiativeByName('Quiet Harbour');
  const bayramov = (await server.gql(PERSON, { id: bayramovId })).data.node;
  const facets = await server.gql(`{ facets { people(limit: 500) { options { label } } initiatives(limit: 500) { options { label } } countries(limit: 500) { options { value } } } }`);
  expect(facets.errors).toBeUndefined();
  const partners = await server.gql(`{ country(code: "IS") { partners { country { code } meetingCount } } }`);
  const trend = await server.gql(`{ topic(slug: "energy") { trend(interval: YEAR, from: "2031-01-01", to: "2031-12-31") { period count } } }`);
  const meetings = await server.gql(`{ meetings(first: 1) { totalCount edges { node { date participants { person { name } } } } } }`);
  expect(meetings.errors).toBeUndefined();
  return {
    people: person.totalCount,
    initiatives: initiative.totalCount,
    latestRole: bayramov.roles.map((r: { to: string }) => r.to).sort().pop(),
    participations: bayramov.participations.length,
    personMeetings: bayramov.meetings.totalCount,
    meetings: meetings.data.meetings.totalCount,
    latestMeeting: meetings.data.meetings.edges[0]?.node,
    personFacet: facets.data.facets.people.options.some((o: { label: string }) => o.label === NEW_PERSON),
    initiativeFacet: facets.data.facets.initiatives.options.some((o: { label: string }) => o.label.startsWith(NEW_INITIATIVE)),
    countryFacet: facets.data.facets.countries.options.some((o: { value: string }) => o.value === 'IS'),
    partners: partners.data.country.partners.length,
    trend: trend.data.topic.trend,
  };
}

describe('a draft', () => {
  let draftId: string;
  let bayramovId: string;
  let before: Awaited<ReturnType<typeof publicView>>;

  beforeAll(async () => {
    const known = await personByName('Bayramov');
    expect(known.edges.length).toBeGreaterThan(0);
    bayramovId = known.edges[0].node.id;
    before = await publicView(bayramovId);
    const r = await server.gql(
      `mutation($input: PressReleaseInput!) { createPressRelease(input: $input) { id status } }`,
      { input: draftInput(known.edges[0].node.name) },
      editor,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.createPressRelease.status).toBe('DRAFT');
    draftId = r.data.createPressRelease.id;
  });

  it('shows the public nothing it says: people, initiatives, roles, facets, partners, trends', async () => {
    expect(before).toMatchObject({ people: 0, initiatives: 0, personFacet: false, initiativeFacet: false, countryFacet: false, partners: 0 });
    expect(await publicView(bayramovId)).toEqual(before);
  });

  it('hides its new person and initiative from node(id), roles included', async () => {
    const person = (await personByName(NEW_PERSON, editor)).edges[0].node;
    const initiative = (await initiativeByName('Quiet Harbour', editor)).edges[0].node;
    expect((await server.gql(PERSON, { id: person.id })).data.node).toBeNull();
    expect((await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: initiative.id })).data.node).toBeNull();
    expect((await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: draftId })).data.node).toBeNull();
  });

  it('shows editors everything it says', async () => {
    expect((await personByName(NEW_PERSON, editor)).totalCount).toBe(1);
    expect((await initiativeByName('Quiet Harbour', editor)).totalCount).toBe(1);
    const person = (await personByName(NEW_PERSON, editor)).edges[0].node;
    const seen = (await server.gql(PERSON, { id: person.id }, editor)).data.node;
    expect(seen.roles).toEqual([{ title: 'Special Envoy', from: '2031-03-02', to: '2031-03-02' }]);
    const bayramov = (await server.gql(PERSON, { id: bayramovId }, editor)).data.node;
    expect(bayramov.roles.map((r: { to: string }) => r.to)).toContain('2031-03-02');
    // Lists still show published releases unless an editor asks for drafts.
    expect((await server.gql(`{ pressReleases(filter: { status: [DRAFT] }) { totalCount } }`, {}, editor)).data.pressReleases.totalCount).toBe(1);
    expect(codes(await server.gql(`{ pressReleases(filter: { status: [DRAFT] }) { totalCount } }`))).toEqual(['UNAUTHENTICATED']);
  });

  it('stays private after it is deleted', async () => {
    const person = (await personByName(NEW_PERSON, editor)).edges[0].node;
    const r = await server.gql(`mutation($id: ID!) { deletePressRelease(id: $id) }`, { id: draftId }, ADMIN_TOKEN);
    expect(r.errors).toBeUndefined();
    expect(await publicView(bayramovId)).toEqual(before);
    expect((await server.gql(PERSON, { id: person.id })).data.node).toBeNull();
    // Nobody sees them any more, editors included: no release names them.
    expect((await personByName(NEW_PERSON, editor)).totalCount).toBe(0);
    expect((await initiativeByName('Quiet Harbour', editor)).totalCount).toBe(0);
    const bayramov = (await server.gql(PERSON, { id: bayramovId }, editor)).data.node;
    expect(bayramov.roles.map((r: { to: string }) => r.to)).not.toContain('2031-03-02');
    // Nor does the database keep them: the person and the initiative only it named are gone, and the
    // stored summary of roles no longer has its date.
    expect(await tdb.db.person.count({ where: { name: NEW_PERSON } })).toBe(0);
    expect(await tdb.db.initiative.count({ where: { name: NEW_INITIATIVE } })).toBe(0);
    const roles = await tdb.db.personRole.findMany({ where: { person: { name: bayramov.name } } });
    expect(roles.length).toBeGreaterThan(0);
    expect(roles.map((r) => r.lastSeen.toISOString().slice(0, 10))).not.toContain('2031-03-02');
  });
});

describe('publishing and retracting', () => {
  it('makes what a release says public when it is published, and takes the release from public view when retracted', async () => {
    const name = 'Ilvane Marrowick';
    const create = await server.gql(
      `mutation($input: PressReleaseInput!) { createPressRelease(input: $input) { id } }`,
      {
        input: {
          ...draftInput('Test Host Person'),
          title: 'Published, then retracted',
          source: { url: 'https://wire.example.org/retracted' },
          paragraphs: [`BAKU, Azerbaijan, March 3. Test Host Person met ${name}.`],
          meetings: [{ kind: 'PHONE_CALL', participants: [{ name, role: 'Envoy', roleKind: 'DIPLOMAT', country: 'IS' }] }],
          initiatives: [],
        },
      },
      editor,
    );
    expect(create.errors).toBeUndefined();
    const id = create.data.createPressRelease.id;
    expect((await personByName(name)).totalCount).toBe(0);
    expect((await server.gql(`mutation($id: ID!) { publishPressRelease(id: $id) { status } }`, { id }, editor)).errors).toBeUndefined();
    expect((await personByName(name)).totalCount).toBe(1);
    expect((await server.gql(`query($id: ID!) { pressRelease(id: $id) { status } }`, { id })).data.pressRelease).toEqual({ status: 'PUBLISHED' });

    const retract = await server.gql(`mutation($id: ID!) { retractPressRelease(id: $id, reason: "Issued in error") { status } }`, { id }, editor);
    expect(retract.errors).toBeUndefined();
    expect((await server.gql(`query($id: ID!) { pressRelease(id: $id) { id } }`, { id })).data.pressRelease).toBeNull();
    expect((await personByName(name)).totalCount).toBe(0);
    expect(codes(await server.gql(`{ pressReleases(filter: { status: [RETRACTED] }) { totalCount } }`))).toEqual(['UNAUTHENTICATED']);
    const forEditor = await server.gql(`query($id: ID!) { pressRelease(id: $id) { status retractionReason } }`, { id }, editor);
    expect(forEditor.data.pressRelease).toEqual({ status: 'RETRACTED', retractionReason: 'Issued in error' });
  });
});
