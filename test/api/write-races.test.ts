// Concurrent writes never undo an acknowledged decision (issue 10): an update racing a retraction,
// a publication racing a retraction, an update racing a publication. Each pair runs 25 times through
// the real HTTP API; whatever the interleaving, the final row agrees with every answer that said
// success, the loser (if any) answered CONFLICT, and `version` counts the acknowledged writes.
import { createTestDatabase, type TestDatabase } from '../support/db';
import { codes, startTestServer, type GqlResult, type TestServer, newApiKey } from '../support/server';

const ADMIN_TOKEN = 'races-admin-token-0123456789abcdef';
const ROUNDS = 25;
let tdb: TestDatabase;
let server: TestServer;
let editor: string;

beforeAll(async () => {
  tdb = await createTestDatabase('ref');
  server = await startTestServer(tdb, { ADMIN_TOKEN });
  editor = await newApiKey(server, ADMIN_TOKEN);
});
afterAll(async () => {
  await server?.close();
  await tdb?.drop();
});

const FIELDS = 'id title status retractionReason version';
let serial = 0;

async function newRelease(publish: boolean): Promise<{ id: string; version: number }> {
  const n = ++serial;
  const r = await server.gql(
    `mutation($input: PressReleaseInput!) { createPressRelease(input: $input) { ${FIELDS} } }`,
    {
      input: {
        title: `Race ${n}`,
        publishedAt: '2025-06-01T09:00:00Z',
        paragraphs: [`Release ${n} of the race test, first paragraph.`, `Its second paragraph (${n}).`],
        publish,
      },
    },
    editor,
  );
  expect(r.errors).toBeUndefined();
  expect(r.data.createPressRelease.version).toBe(1);
  return r.data.createPressRelease;
}

const update = (id: string, title: string, expectedVersion?: number) =>
  server.gql(
    `mutation($id: ID!, $input: UpdatePressReleaseInput!, $v: Int) { updatePressRelease(id: $id, input: $input, expectedVersion: $v) { ${FIELDS} } }`,
    { id, input: { title }, v: expectedVersion },
    editor,
  );
const publish = (id: string, expectedVersion?: number) =>
  server.gql(`mutation($id: ID!, $v: Int) { publishPressRelease(id: $id, expectedVersion: $v) { ${FIELDS} } }`, { id, v: expectedVersion }, editor);
const retract = (id: string, expectedVersion?: number) =>
  server.gql(
    `mutation($id: ID!, $v: Int) { retractPressRelease(id: $id, reason: "Issued in error", expectedVersion: $v) { ${FIELDS} } }`,
    { id, v: expectedVersion },
    editor,
  );

async function stored(id: string) {
  const r = await server.gql(`query($id: ID!) { node(id: $id) { ... on PressRelease { ${FIELDS} } } }`, { id }, editor);
  expect(r.errors).toBeUndefined();
  return r.data.node as { title: string; status: string; retractionReason: string | null; version: number };
}

/** Success, or CONFLICT: anything else (an internal error, a silent success that was undone) fails. */
function outcome(r: GqlResult): 'ok' | 'conflict' {
  if (!r.errors) return 'ok';
  expect(codes(r)).toEqual(['CONFLICT']);
  return 'conflict';
}

describe('racing writes to one release', () => {
  it('update against retract: an acknowledged retraction stays, an acknowledged update is kept', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { id } = await newRelease(true);
      const title = `Updated in round ${round}`;
      const [u, x] = await Promise.all([update(id, title), retract(id)]);
      const final = await stored(id);
      const acked = [outcome(u), outcome(x)];
      if (acked[1] === 'ok') expect(final).toMatchObject({ status: 'RETRACTED', retractionReason: 'Issued in error' });
      else expect(final.status).toBe('PUBLISHED');
      if (acked[0] === 'ok') expect(final.title).toBe(title);
      expect(final.version).toBe(1 + acked.filter((a) => a === 'ok').length);
    }
  });

  it('publish against retract of a published release: an acknowledged retraction is never published over', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { id } = await newRelease(true);
      const [p, x] = await Promise.all([publish(id), retract(id)]);
      const final = await stored(id);
      const retracted = outcome(x) === 'ok';
      const published = outcome(p) === 'ok';
      expect(retracted || published).toBe(true);
      expect(final.status).toBe(retracted ? 'RETRACTED' : 'PUBLISHED');
      // Publishing a published release changes nothing, so only the retraction counts a version.
      expect(final.version).toBe(retracted ? 2 : 1);
    }
  });

  it('update against publish of a draft: an acknowledged publication is never put back to DRAFT', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { id } = await newRelease(false);
      const title = `Edited in round ${round}`;
      const [u, p] = await Promise.all([update(id, title), publish(id)]);
      const final = await stored(id);
      const acked = [outcome(u), outcome(p)];
      expect(final.status).toBe(acked[1] === 'ok' ? 'PUBLISHED' : 'DRAFT');
      if (acked[0] === 'ok') expect(final.title).toBe(title);
      expect(final.version).toBe(1 + acked.filter((a) => a === 'ok').length);
    }
  });

  it('two updates with the version both read: one wins, the other answers CONFLICT and changes nothing', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const { id, version } = await newRelease(false);
      const [a, b] = await Promise.all([update(id, `A${round}`, version), update(id, `B${round}`, version)]);
      expect([outcome(a), outcome(b)].sort()).toEqual(['conflict', 'ok']);
      const winner = a.errors ? b : a;
      const final = await stored(id);
      expect(final).toMatchObject({ title: winner.data.updatePressRelease.title, version: 2 });
      expect(winner.data.updatePressRelease.version).toBe(2);
    }
  });
});

describe('version', () => {
  it('counts every write and refuses a change made with a stale version, naming the current one', async () => {
    const { id } = await newRelease(false);
    const u = await update(id, 'First edit', 1);
    expect(u.errors).toBeUndefined();
    expect(u.data.updatePressRelease.version).toBe(2);

    const stale = await update(id, 'Edit from an old read', 1);
    expect(codes(stale)).toEqual(['CONFLICT']);
    expect(stale.errors![0].extensions).toMatchObject({ field: 'expectedVersion', version: 2 });
    expect(await stored(id)).toMatchObject({ title: 'First edit', version: 2, status: 'DRAFT' });

    expect(codes(await publish(id, 1))).toEqual(['CONFLICT']);
    expect((await stored(id)).status).toBe('DRAFT');
    const p = await publish(id, 2);
    expect(p.data.publishPressRelease).toMatchObject({ status: 'PUBLISHED', version: 3 });
    // Publishing again changes nothing, version included.
    expect((await publish(id)).data.publishPressRelease.version).toBe(3);

    expect(codes(await retract(id, 2))).toEqual(['CONFLICT']);
    expect((await stored(id)).status).toBe('PUBLISHED');
    const x = await retract(id, 3);
    expect(x.data.retractPressRelease).toMatchObject({ status: 'RETRACTED', version: 4 });
    // A retracted release cannot be published (a CONFLICT naming its status), nor retracted twice.
    const again = await publish(id);
    expect(codes(again)).toEqual(['CONFLICT']);
    expect(again.errors![0].extensions).toMatchObject({ status: 'RETRACTED', version: 4 });

    expect(codes(await update(id, 'x', 0))).toEqual(['BAD_USER_INPUT']);
  });
});
