// Hostile or broken requests get a 4xx and a GraphQL error with a code, never a 500.
import { createTestDatabase, type TestDatabase } from '../support/db';
import crypto from 'node:crypto';
import pino from 'pino';
import { codes, startTestServer, type TestServer } from '../support/server';
import { formatError } from '../../src/server';
import { releaseConditions } from '../../src/read/release-conditions';
import { contentHash } from '../../src/domain/text';

const ADMIN_TOKEN = 'limits-admin-token-0123456789';
let tdb: TestDatabase;
let server: TestServer;

beforeAll(async () => {
  tdb = await createTestDatabase('corpus');
  server = await startTestServer(tdb, { ADMIN_TOKEN });
});
afterAll(async () => {
  await server?.close();
  await tdb?.drop();
});

async function post(body: string): Promise<{ status: number; codes: string[]; messages: string[] }> {
  const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const json = (await res.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
  return {
    status: res.status,
    codes: (json.errors ?? []).map((e) => String(e.extensions?.code)),
    messages: (json.errors ?? []).map((e) => e.message),
  };
}

const query = (q: string) => JSON.stringify({ query: q });

it('answers a syntax error with 400 and GRAPHQL_PARSE_FAILED', async () => {
  const r = await post(query('{ topics { slug }'));
  expect(r).toMatchObject({ status: 400, codes: ['GRAPHQL_PARSE_FAILED'] });
});

it('refuses a document of more than 5,000 tokens before parsing it all', async () => {
  const fields = Array.from({ length: 3000 }, (_, i) => `a${i}: __typename`).join(' ');
  const r = await post(query(`{ ${fields} }`));
  expect(r).toMatchObject({ status: 400, codes: ['GRAPHQL_PARSE_FAILED'] });
  expect(r.messages[0]).toMatch(/5000 tokens/);
});

it('refuses queries deeper than MAX_QUERY_DEPTH, costlier than MAX_QUERY_COST, with more aliases than MAX_ALIASES', async () => {
  let deep = 'person { name }';
  for (let i = 0; i < 3; i++) deep = `person { participations(first: 1) { meeting { participants { ${deep} } } } }`;
  const tooDeep = await post(query(`{ pressReleases(first: 1) { edges { node { meetings { participants { ${deep} } } } } } }`));
  expect(tooDeep).toMatchObject({ status: 400, codes: ['BAD_USER_INPUT'] });
  expect(tooDeep.messages[0]).toMatch(/depth limit of 12/);
  // Shallow enough, but 100 x 100 x 100 rows.
  const costly = await post(
    query(`{ people(first: 100) { edges { node { participations(first: 100) { meeting { pressRelease { meetings { participants { person { participations(first: 100) { role } } } } } } } } } } }`),
  );
  expect(costly).toMatchObject({ status: 400, codes: ['BAD_USER_INPUT'] });
  expect(costly.messages[0]).toMatch(/^Query Cost limit of 50000 exceeded/);
  const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: topics { slug }`).join(' ');
  const tooWide = await post(query(`{ ${aliases} }`));
  expect(tooWide).toMatchObject({ status: 400, codes: ['BAD_USER_INPUT'] });
  expect(tooWide.messages[0]).toMatch(/Aliases limit of 30/);
});

it('answers a body that is not JSON, or over 1 MB, with a 4xx and BAD_REQUEST', async () => {
  expect(await post('{"query": ')).toMatchObject({ status: 400, codes: ['BAD_REQUEST'] });
  const huge = JSON.stringify({ query: '{ __typename }', variables: { pad: 'x'.repeat(1_100_000) } });
  expect(await post(huge)).toMatchObject({ status: 413, codes: ['BAD_REQUEST'] });
});

it('answers a subscription sent over HTTP with a validation error that names WebSocket, not an internal one', async () => {
  const introspection = await post(query('subscription { __typename }'));
  expect(introspection.status).toBe(400);
  expect(new Set(introspection.codes)).toEqual(new Set(['GRAPHQL_VALIDATION_FAILED']));
  const r = await server.gql('subscription { pressReleasePublished { id } }');
  expect(codes(r)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  expect(r.errors?.[0].message).toMatch(/WebSocket/);
});

it('refuses forged ids and cursors whose numbers or dates Postgres could not take', async () => {
  const id = (raw: string) => Buffer.from(raw).toString('base64');
  const cursor = (parts: unknown[]) => Buffer.from(JSON.stringify(parts)).toString('base64url');
  const one = await server.gql(`query($id: ID!) { pressRelease(id: $id) { id } }`, { id: id('PressRelease:99999999999') });
  expect(codes(one)).toEqual(['BAD_USER_INPUT']);
  expect((await server.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: id('Person:9999999999') })).data).toEqual({ node: null });
  for (const after of [
    cursor(['pd', '2025-08-14T09:00:00.000Z', 99999999999]),
    cursor(['pd', '2025-02-31T09:00:00.000Z', 1]),
    cursor(['pd', '2025-13-01T09:00:00.000Z', 1]),
  ]) {
    const r = await server.gql(`query($a: String) { pressReleases(first: 2, after: $a) { totalCount } }`, { a: after });
    expect({ after, codes: codes(r) }).toEqual({ after, codes: ['BAD_USER_INPUT'] });
  }
});

it('answers a NUL character in any string with BAD_USER_INPUT, and writes nothing', async () => {
  const read = await server.gql(`{ pressReleases(first: 1, filter: { search: "a\\u0000b" }) { totalCount } }`);
  expect(codes(read)).toEqual(['BAD_USER_INPUT']);
  expect(codes(await server.gql(`{ countries(search: "a\\u0000b") { code } }`))).toEqual(['BAD_USER_INPUT']);
  const before = await tdb.db.pressRelease.count();
  const text = 'BAKU, Azerbaijan, May 2. Foreign Minister Jeyhun Bayramov met with a delegation.\u0000 They discussed energy.';
  const write = await server.gql(
    `mutation($input: IngestPressReleaseInput!) { ingestPressRelease(input: $input) { duplicate } }`,
    { input: { text, publishedAt: '2025-05-02T10:00:00Z' } },
    ADMIN_TOKEN,
  );
  expect(codes(write)).toEqual(['BAD_USER_INPUT']);
  expect(await tdb.db.pressRelease.count()).toBe(before);
});

it('refuses variables with a lone surrogate or nested more than 32 deep, before anything reads them', async () => {
  const lone = await post(JSON.stringify({ query: 'query($v: String) { people(first: 5, search: $v) { totalCount } }', variables: { v: 'a\ud800b' } }));
  expect(lone).toMatchObject({ status: 400, codes: ['BAD_USER_INPUT'] });
  expect(lone.messages[0]).toMatch(/variables\.v is not well-formed/);
  const deep = `{"query":"{ __typename }","variables":{"x":${'['.repeat(5000)}${']'.repeat(5000)}}}`;
  const nested = await post(deep);
  expect(nested).toMatchObject({ status: 400, codes: ['BAD_USER_INPUT'] });
  expect(nested.messages[0]).toMatch(/nested more than 32 levels/);
});

it('takes a run of minus signs in a search as one NOT, whatever stands between them', async () => {
  // Postgres refuses more than 32 NOTs in a row ("tsquery stack too small").
  const count = (q: string) => server.gql(`query($q: String) { pressReleases(first: 1, filter: { search: $q }) { totalCount } }`, { q });
  const plain = (await count('energy')).data.pressReleases.totalCount;
  for (const q of [`energy ${'-'.repeat(40)}`, `${'- '.repeat(40)}energy`, `${'-! '.repeat(40)}energy`]) {
    const r = await count(q);
    expect({ q, errors: r.errors }).toEqual({ q, errors: undefined });
  }
  expect((await count(`energy ${'- '.repeat(40)}georgia`)).data.pressReleases.totalCount).toBeLessThan(plain);
});

it('answers a search Postgres cannot parse as BAD_USER_INPUT', () => {
  const formatted = formatError(true, pino({ level: 'silent' }))(
    { message: 'x', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
    Object.assign(new Error('tsquery stack too small'), { code: 'XX000' }),
  );
  expect(formatted.extensions?.code).toBe('BAD_USER_INPUT');
});

it('answers persisted-query mistakes with BAD_REQUEST', async () => {
  const version = await post(JSON.stringify({ query: '{ __typename }', extensions: { persistedQuery: { version: 2, sha256Hash: 'abc' } } }));
  expect(version).toMatchObject({ status: 400, codes: ['BAD_REQUEST'] });
  const hash = await post(JSON.stringify({ query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: 'abc' } } }));
  expect(hash).toMatchObject({ status: 400, codes: ['BAD_REQUEST'] });
});

it('reads years before 100 as such in date filters (not as 19xx)', () => {
  const sql = releaseConditions({ statuses: [], from: new Date('0050-06-15T00:00:00Z'), to: new Date('0099-01-31T00:00:00Z') });
  expect(sql.values).toEqual(['0050-06-15', 0, '0099-01-31', 1]);
});

it('answers a transaction that could not start in time (a busy pool) as SERVICE_UNAVAILABLE', () => {
  const busy = Object.assign(new Error('Transaction API error: Unable to start a transaction in the given time.'), { code: 'P2028' });
  const formatted = formatError(true, pino({ level: 'silent' }))({ message: 'x', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, busy);
  expect(formatted.extensions?.code).toBe('SERVICE_UNAVAILABLE');
});

describe('writes with values the database could not take, or racing each other', () => {
  const CREATE = `mutation($input: PressReleaseInput!) { createPressRelease(input: $input) { id slug } }`;
  const INGEST = `mutation($input: IngestPressReleaseInput!) { ingestPressRelease(input: $input) { duplicate warnings release { id } } }`;
  const release = (title: string, body: string, over: Record<string, unknown> = {}) => ({
    title,
    publishedAt: '2025-03-04T10:00:00Z',
    paragraphs: [body],
    ...over,
  });
  const count = async () => tdb.db.pressRelease.count();

  it('refuses dates past 9999 in UTC and URLs over 2,048 characters, writing nothing; ingested names stay short enough to index', async () => {
    const before = await count();
    const late = await server.gql(CREATE, { input: release('Late', 'A body.', { publishedAt: '9999-12-31T23:59:59-12:00' }) }, ADMIN_TOKEN);
    expect(codes(late)).toEqual(['BAD_USER_INPUT']);
    const url = `https://example.org/${'x'.repeat(3000)}`;
    const long = await server.gql(CREATE, { input: release('Long', 'Another body.', { source: { name: 'Wire', url } }) }, ADMIN_TOKEN);
    expect(codes(long)).toEqual(['BAD_USER_INPUT']);
    // Random letters: they do not compress, so the name key outgrows the btree's limit (about 2.7 kB).
    const noise = (n: number) => Array.from(crypto.randomBytes(n), (b) => String.fromCharCode(97 + (b % 26))).join('');
    const text = `BAKU, Azerbaijan, May 23. Foreign Minister of Azerbaijan Jeyhun Bayramov met with the Ambassador of Japan X${noise(1500)} Y${noise(1500)}.`;
    expect(await count()).toBe(before);
    // The extractor reads sentences of at most 600 characters (src/extraction/segment.ts), so a pasted
    // text can no longer make a name too long to index: it is stored, with its names bounded.
    const names = await server.gql(INGEST, { input: { text, year: 2025 } }, ADMIN_TOKEN);
    expect(codes(names)).toEqual([]);
    const people = await tdb.db.person.findMany({ select: { name: true } });
    expect(Math.max(...people.map((p) => p.name.length))).toBeLessThanOrEqual(600);
    expect(await count()).toBe(before + 1);
  });

  it('ignores an implausible front-matter year, and refuses a text with nothing but boilerplate', async () => {
    const odd = await server.gql(INGEST, { input: { text: '---\nyear: 123456\n---\nBAKU, Azerbaijan, May 23. Foreign Minister Jeyhun Bayramov met Ambassador Kenji Morita.', publish: false } }, ADMIN_TOKEN);
    expect(odd.errors).toBeUndefined();
    const junk = await server.gql(INGEST, { input: { text: 'Follow us on Twitter' } }, ADMIN_TOKEN);
    expect(codes(junk)).toEqual(['BAD_USER_INPUT']);
  });

  it('finds a free slug when the day, the title and the title with the hash are all taken', async () => {
    const a = await server.gql(CREATE, { input: release('Ministers meet on transit', 'Body A.') }, ADMIN_TOKEN);
    const hash8 = contentHash('Body C.').slice(0, 8);
    const b = await server.gql(CREATE, { input: release(`Ministers meet on transit ${hash8}`, 'Body B.') }, ADMIN_TOKEN);
    const c = await server.gql(CREATE, { input: release('Ministers meet on transit', 'Body C.') }, ADMIN_TOKEN);
    for (const r of [a, b, c]) expect(r.errors).toBeUndefined();
    expect(b.data.createPressRelease.slug).toBe(`${a.data.createPressRelease.slug}-${hash8}`);
    expect(c.data.createPressRelease.slug).toBe(`${b.data.createPressRelease.slug}-2`);
  });

  it('refuses a country id with trailing spaces before writing its alias', async () => {
    const r = await server.gql(`mutation($id: ID!) { addAlias(id: $id, alias: "Padded alias X") { id } }`, { id: Buffer.from('Country:AZ ').toString('base64') }, ADMIN_TOKEN);
    expect(codes(r)).toEqual(['BAD_USER_INPUT']);
    const az = await tdb.db.country.findUnique({ where: { code: 'AZ' }, select: { aliases: true } });
    expect(az?.aliases).not.toContain('Padded alias X');
  });

  it('answers racing writes (merge both ways, publish against delete) with client codes, never an internal error', async () => {
    const people = (await server.gql(`{ people(first: 4) { edges { node { id } } } }`)).data.people.edges.map((e: { node: { id: string } }) => e.node.id);
    const merge = `mutation($k: ID!, $r: ID!) { mergePeople(keep: $k, remove: $r) { id } }`;
    const made = await server.gql(CREATE, { input: release('A draft to race', 'Racing body.') }, ADMIN_TOKEN);
    const id = made.data.createPressRelease.id;
    const results = await Promise.all([
      server.gql(merge, { k: people[0], r: people[1] }, ADMIN_TOKEN),
      server.gql(merge, { k: people[1], r: people[0] }, ADMIN_TOKEN),
      server.gql(`mutation($id: ID!) { publishPressRelease(id: $id) { id } }`, { id }, ADMIN_TOKEN),
      server.gql(`mutation($id: ID!) { deletePressRelease(id: $id) }`, { id }, ADMIN_TOKEN),
    ]);
    for (const r of results) expect(codes(r)).not.toContain('INTERNAL_SERVER_ERROR');
  });
});

it('refuses participant and initiative names of spaces only, naming the field', async () => {
  const CREATE = `mutation($input: PressReleaseInput!) { createPressRelease(input: $input) { id } }`;
  const base = { title: 'Blank names', publishedAt: '2025-03-05T10:00:00Z', paragraphs: ['A body with blank names.'] };
  const person = await server.gql(
    CREATE,
    { input: { ...base, meetings: [{ kind: 'BILATERAL_MEETING', participants: [{ name: '   ', role: 'Minister', roleKind: 'FOREIGN_MINISTER' }] }] } },
    ADMIN_TOKEN,
  );
  expect(person.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.meetings.0.participants.0.name' } });
  const initiative = await server.gql(CREATE, { input: { ...base, initiatives: [{ name: ' ', kind: 'PROGRAMME', sentence: 'A sentence.' }] } }, ADMIN_TOKEN);
  expect(initiative.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.initiatives.0.name' } });
});
