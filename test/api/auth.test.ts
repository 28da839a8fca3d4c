// Access control: keys hashed at rest, shown once; every mutation needs a key of a high enough role,
// and a refused call writes nothing. The walk over the schema's mutations makes a new mutation
// without protection fail this test.
import { createTestDatabase, type TestDatabase } from '../support/db';
import { codes, startTestServer, type TestServer } from '../support/server';
import { hashKey } from '../../src/auth/api-keys';
import { getSchema } from '../../src/graphql/schema';
import { getNamedType, isInputObjectType, isEnumType, isListType, isNonNullType, isLeafType, type GraphQLInputType } from 'graphql';

const ADMIN_TOKEN = 'test-admin-token-0123456789abcdef';
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

async function createKey(role: 'EDITOR' | 'ADMIN', token = ADMIN_TOKEN) {
  const r = await server.gql(
    `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { id name role prefix createdAt revokedAt } } }`,
    { input: { name: `${role.toLowerCase()} key`, role } },
    token,
  );
  return r;
}

/** A snapshot of every table a mutation could write. */
async function tableCounts() {
  const db = tdb.db;
  const [releases, meetings, people, initiatives, keys, countries] = await Promise.all([
    db.pressRelease.count(), db.meeting.count(), db.person.count(), db.initiative.count(), db.apiKey.count(),
    db.country.findMany({ select: { aliases: true } }),
  ]);
  const statuses = await db.pressRelease.groupBy({ by: ['status'], _count: true });
  return { releases, meetings, people, initiatives, keys, aliases: countries.flatMap((c) => c.aliases).length, statuses };
}

describe('API keys', () => {
  it('lets ADMIN_TOKEN create keys that are shown once and stored only as hashes', async () => {
    const r = await createKey('EDITOR');
    expect(r.errors).toBeUndefined();
    const { key, apiKey } = r.data.createApiKey;
    expect(key).toMatch(/^prk_/);
    expect(apiKey).toMatchObject({ role: 'EDITOR', revokedAt: null });
    expect(key.startsWith(apiKey.prefix)).toBe(true);
    const stored = await tdb.db.apiKey.findMany();
    for (const row of stored) {
      expect(JSON.stringify(row)).not.toContain(key);
    }
    expect(stored.some((row) => row.keyHash === hashKey(key))).toBe(true);
    const list = await server.gql(`{ apiKeys { id name role } }`, {}, ADMIN_TOKEN);
    expect(list.data.apiKeys.map((k: any) => k.id)).toContain(apiKey.id);
    expect(JSON.stringify(list)).not.toContain(key);
  });

  it('accepts a created admin key like ADMIN_TOKEN, and refuses an editor key for admin work', async () => {
    const admin = (await createKey('ADMIN')).data.createApiKey.key;
    const editor = (await createKey('EDITOR', admin)).data.createApiKey.key;
    expect(editor).toMatch(/^prk_/);
    const refused = await createKey('ADMIN', editor);
    expect(codes(refused)).toEqual(['FORBIDDEN']);
    expect(codes(await server.gql(`{ apiKeys { id } }`, {}, editor))).toEqual(['FORBIDDEN']);
    expect(codes(await server.gql(`{ apiKeys { id } }`))).toEqual(['UNAUTHENTICATED']);
  });

  it('stops a revoked key at once', async () => {
    const { key, apiKey } = (await createKey('EDITOR')).data.createApiKey;
    const extract = `{ extractPressRelease(text: "BAKU, Azerbaijan, May 1. The ministry issued a statement.") { title } }`;
    expect((await server.gql(extract, {}, key)).errors).toBeUndefined();
    const revoked = await server.gql(`mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: apiKey.id }, ADMIN_TOKEN);
    expect(revoked.data.revokeApiKey.revokedAt).toBeTruthy();
    expect(codes(await server.gql(extract, {}, key))).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses a revoked or unknown key on a public query too (401), instead of answering it as anonymous', async () => {
    const { key, apiKey } = (await createKey('EDITOR')).data.createApiKey;
    const q = `{ pressReleases(first: 1) { totalCount } }`;
    // Anonymous readers are answered (and the answer is in the response cache now).
    expect((await server.gql(q)).data.pressReleases.totalCount).toBeGreaterThan(0);
    expect((await server.gql(q)).data.pressReleases.totalCount).toBeGreaterThan(0);
    expect((await server.gql(q, {}, key)).errors).toBeUndefined();
    await server.gql(`mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }`, { id: apiKey.id }, ADMIN_TOKEN);
    for (const token of [key, 'prk_never-issued', 'not-even-a-key', `${ADMIN_TOKEN}x`]) {
      const res = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: q }),
      });
      const body = (await res.json()) as any;
      expect({ token, status: res.status, data: body.data, code: body.errors?.[0]?.extensions?.code }).toEqual({ token, status: 401, data: undefined, code: 'UNAUTHENTICATED' });
      expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    }
  });

  it('refuses unknown keys and malformed headers', async () => {
    const q = `mutation { createApiKey(input: { name: "x", role: EDITOR }) { key } }`;
    expect(codes(await server.gql(q, {}, 'prk_not-a-key'))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await server.gql(q, {}, `${ADMIN_TOKEN}x`))).toEqual(['UNAUTHENTICATED']);
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Basic abc' },
      body: JSON.stringify({ query: q }),
    });
    expect(((await res.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});

/** Smallest valid-looking variables for an argument type (values need not be meaningful). */
function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [sample(type.ofType)];
  const named = getNamedType(type);
  if (isEnumType(named)) return named.getValues()[0].value;
  if (isInputObjectType(named)) {
    const out: Record<string, unknown> = {};
    for (const f of Object.values(named.getFields())) if (isNonNullType(f.type)) out[f.name] = sample(f.type);
    return out;
  }
  const scalars: Record<string, unknown> = {
    Int: 2025, Float: 1, Boolean: true, ID: Buffer.from('PressRelease:1').toString('base64'),
    DateTime: '2025-05-23T10:00:00Z', Date: '2025-05-23', URL: 'https://example.org/x',
  };
  return scalars[named.name] ?? 'BAKU, Azerbaijan, May 23. Text.';
}

describe('every mutation', () => {
  it('is refused without a key, with a wrong key, and (if ADMIN-only) with an editor key, writing nothing', async () => {
    const schema = await getSchema();
    const mutations = Object.values(schema.getMutationType()!.getFields());
    expect(mutations.length).toBeGreaterThanOrEqual(11);
    const editor = (await createKey('EDITOR')).data.createApiKey.key;
    const before = await tableCounts();
    const adminOnly: string[] = [];
    for (const m of mutations) {
      const defs = m.args.map((a) => `$${a.name}: ${a.type}`).join(', ');
      const args = m.args.map((a) => `${a.name}: $${a.name}`).join(', ');
      const sel = isLeafType(getNamedType(m.type)) ? '' : '{ __typename }';
      const q = `mutation${defs ? `(${defs})` : ''} { ${m.name}${args ? `(${args})` : ''} ${sel} }`;
      const vars = Object.fromEntries(m.args.map((a) => [a.name, sample(a.type)]));
      for (const token of [undefined, 'prk_wrong', 'not-even-a-key']) {
        const r = await server.gql(q, vars, token);
        expect({ m: m.name, token, codes: codes(r), data: r.data?.[m.name] ?? null }).toEqual({
          m: m.name, token, codes: ['UNAUTHENTICATED'], data: null,
        });
      }
      const asEditor = await server.gql(q, vars, editor);
      if (codes(asEditor).includes('FORBIDDEN')) adminOnly.push(m.name);
    }
    expect(adminOnly.sort()).toEqual(['createApiKey', 'deletePressRelease', 'mergeInitiatives', 'mergePeople', 'revokeApiKey']);
    // Editors' refused admin calls wrote no key either.
    expect((await tableCounts()).keys).toBe(before.keys);
  });

  it('writes nothing when refused: the counts of every table stay the same', async () => {
    const before = await tableCounts();
    const schema = await getSchema();
    for (const m of Object.values(schema.getMutationType()!.getFields())) {
      const defs = m.args.map((a) => `$${a.name}: ${a.type}`).join(', ');
      const args = m.args.map((a) => `${a.name}: $${a.name}`).join(', ');
      const sel = isLeafType(getNamedType(m.type)) ? '' : '{ __typename }';
      const q = `mutation${defs ? `(${defs})` : ''} { ${m.name}${args ? `(${args})` : ''} ${sel} }`;
      await server.gql(q, Object.fromEntries(m.args.map((a) => [a.name, sample(a.type)])), 'prk_wrong');
      await server.gql(q, Object.fromEntries(m.args.map((a) => [a.name, sample(a.type)])));
    }
    expect(await tableCounts()).toEqual(before);
  });
});
