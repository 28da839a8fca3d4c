// What one client may ask of the service (issue 10, "Availability"): the cost limit with page sizes
// given as variables, the fields that run statements of their own counted in it, `related` capped
// across every `first` of the request and nested at most 2 deep, and per-client rates answered 429.
import { createTestDatabase, type TestDatabase } from '../support/db';
import { startTestServer, type TestServer, newApiKey } from '../support/server';

const ADMIN_TOKEN = 'limits-admin-token-0123456789abcdef';
let tdb: TestDatabase;
let server: TestServer;

beforeAll(async () => {
  tdb = await createTestDatabase('corpus');
  server = await startTestServer(tdb.db, { ADMIN_TOKEN });
});
afterAll(async () => {
  await server?.close();
  await tdb?.drop();
});

interface Answer {
  status: number;
  retryAfter: string | null;
  codes: (string | undefined)[];
  messages: string[];
  data?: Record<string, unknown> | null;
}

async function post(base: string, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: Record<string, unknown> | null; errors?: { message: string; extensions?: { code?: string } }[] };
  return {
    status: res.status,
    retryAfter: res.headers.get('retry-after'),
    codes: (body.errors ?? []).map((e) => e.extensions?.code),
    messages: (body.errors ?? []).map((e) => e.message),
    data: body.data,
  };
}

describe('the cost limit', () => {
  it('counts page sizes given as variables (first: $a) as it counts them written in', async () => {
    const q = `query($a: Int!) { people(first: $a) { edges { node { participations(first: $a) { meeting { participants { person { participations(first: $a) { role } } } } } } } } }`;
    const costly = await post(server.base, q, { a: 100 });
    expect(costly).toMatchObject({ status: 400, codes: ['BAD_USER_INPUT'] });
    expect(costly.messages[0]).toMatch(/^Query Cost limit of 50000 exceeded/);
    const small = await post(server.base, q, { a: 2 });
    expect(small).toMatchObject({ status: 200, codes: [] });
  });

  it('counts facets, related, partners and trends by the work they do', async () => {
    const facets = Array.from({ length: 28 }, (_, i) => `f${i}: facets { topics { missing } }`).join(' ');
    const many = await post(server.base, `{ ${facets} }`);
    expect(many).toMatchObject({ status: 400, codes: ['BAD_USER_INPUT'] });
    expect(many.messages[0]).toMatch(/^Query Cost limit of 50000 exceeded/);
    // Partners of every country: 250 computations, however few fields.
    expect(await post(server.base, `{ countries { partners(first: 5) { meetingCount } } }`)).toMatchObject({ status: 400, codes: ['BAD_USER_INPUT'] });
    // A trend for every topic, each by day.
    const trends = await post(server.base, `{ t1: topics { trend(interval: MONTH) { count } } t2: topics { trend(interval: YEAR) { count } } }`);
    expect(trends).toMatchObject({ status: 400, codes: ['BAD_USER_INPUT'] });
    // What the reading room asks stays well within it.
    const page = await post(
      server.base,
      `{ facets { topics { missing } countries { missing } people { missing } meetingKinds { missing } issuers { missing } months { missing } }
         country(code: "AZ") { partners(first: 10) { meetingCount } }
         topic(slug: "energy") { trend { count } }
         pressReleases(first: 20) { edges { node { id related(first: 5) { id } } } } }`,
    );
    expect(page).toMatchObject({ status: 200, codes: [] });
  });

  it('caps `related` at 50 releases per request across every value of `first`', async () => {
    const aliases = Array.from({ length: 6 }, (_, i) => `r${i}: pressReleases(first: 10) { edges { node { related(first: ${i + 1}) { id } } } }`).join(' ');
    const answer = await post(server.base, `{ ${aliases} }`);
    expect(answer.codes).toContain('BAD_USER_INPUT');
    expect(answer.messages.join(' ')).toMatch(/at most 50 releases per request/);
    // 50 in all is still computed.
    const fifty = Array.from({ length: 5 }, (_, i) => `r${i}: pressReleases(first: 10) { edges { node { related(first: ${i + 1}) { id } } } }`).join(' ');
    expect(await post(server.base, `{ ${fifty} }`)).toMatchObject({ status: 200, codes: [] });
  });

  it('refuses `related` nested more than 2 deep', async () => {
    const deep = await post(server.base, `{ pressReleases(first: 1) { edges { node { related(first: 1) { related(first: 1) { related(first: 1) { id } } } } } } }`);
    expect(deep).toMatchObject({ status: 400, codes: ['BAD_USER_INPUT'] });
    expect(deep.messages[0]).toMatch(/nested at most 2 deep/);
    expect(await post(server.base, `{ pressReleases(first: 1) { edges { node { related(first: 1) { related(first: 1) { id } } } } } }`)).toMatchObject({
      status: 200,
      codes: [],
    });
  });
});

describe('per-client rates', () => {
  let limited: TestServer;
  let editor: string;
  beforeAll(async () => {
    limited = await startTestServer(tdb.db, {
      ADMIN_TOKEN,
      TRUST_PROXY: 'true',
      RATE_LIMIT_ANONYMOUS_PER_MINUTE: '5',
      RATE_LIMIT_KEY_PER_MINUTE: '8',
      RATE_LIMIT_NO_CACHE_PER_MINUTE: '2',
    });
    editor = await newApiKey(limited, ADMIN_TOKEN);
  });
  afterAll(() => limited?.close());

  const from = (address: string, extra: Record<string, string> = {}) => ({ 'x-forwarded-for': address, ...extra });
  const Q = '{ topics { slug } }';

  it('answers an address over its rate with 429, Retry-After and RATE_LIMITED; other addresses and keys go on', async () => {
    for (let i = 0; i < 5; i++) expect(await post(limited.base, Q, {}, from('198.51.100.1'))).toMatchObject({ status: 200, codes: [] });
    const over = await post(limited.base, Q, {}, from('198.51.100.1'));
    expect(over).toMatchObject({ status: 429, codes: ['RATE_LIMITED'] });
    expect(Number(over.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(over.data ?? null).toBeNull();
    // Another address has its own count; a key has its own, from any address.
    expect(await post(limited.base, Q, {}, from('198.51.100.2'))).toMatchObject({ status: 200, codes: [] });
    for (let i = 0; i < 8; i++) {
      expect(await post(limited.base, Q, {}, from('198.51.100.1', { authorization: `Bearer ${editor}` }))).toMatchObject({ status: 200, codes: [] });
    }
    expect(await post(limited.base, Q, {}, from('198.51.100.3', { authorization: `Bearer ${editor}` }))).toMatchObject({ status: 429, codes: ['RATE_LIMITED'] });
  });

  it('lets an anonymous client force a computation (Cache-Control: no-cache) only at its own, smaller rate', async () => {
    const fresh = from('198.51.100.9', { 'cache-control': 'no-cache' });
    expect(await post(limited.base, Q, {}, fresh)).toMatchObject({ status: 200 });
    expect(await post(limited.base, Q, {}, fresh)).toMatchObject({ status: 200 });
    const over = await post(limited.base, Q, {}, fresh);
    expect(over).toMatchObject({ status: 429, codes: ['RATE_LIMITED'] });
    expect(over.messages[0]).toMatch(/no-cache/);
    // Without it, the same client is still served.
    expect(await post(limited.base, Q, {}, from('198.51.100.9'))).toMatchObject({ status: 200, codes: [] });
  });
});
