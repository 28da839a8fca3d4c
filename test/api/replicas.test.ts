// Read replicas (DATABASE_REPLICA_URLS) on a real streaming replica: anonymous reads go to it,
// editors read the primary (their own writes at once), a replica whose replay is paused is skipped
// once it lags more than REPLICA_MAX_LAG_MS, and one that stops is skipped at once, its requests
// answered by the primary. Needs the PostgreSQL binaries of /usr/lib/postgresql/*/bin (pg_basebackup):
// skipped, saying so, without them, unless REQUIRE_REPLICA=1 (CI sets it).
import { createDb, type Db } from '../../src/db/client';
import { migrateDeploy } from '../../src/db/migrate';
import { loadReferenceData } from '../../src/domain/reference-data';
import { postgresBinaries, startStreamingPair, type StreamingPair } from '../support/replica';
import { startTestServer, type TestServer, newApiKey } from '../support/server';

const BIN = postgresBinaries();
const required = process.env.REQUIRE_REPLICA === '1';
if (!BIN && !required) {
  console.warn('replicas: skipped, no PostgreSQL binaries with pg_basebackup in /usr/lib/postgresql/*/bin (apt-get install postgresql; REQUIRE_REPLICA=1 fails instead)');
}
const describeWithReplica = BIN || required ? describe : describe.skip;

const ADMIN_TOKEN = 'replica-admin-token-0123456789';
const MAX_LAG_MS = 4000;

describeWithReplica('read replicas', () => {
  let pair: StreamingPair;
  let db: Db;
  let server: TestServer;
  let editor: string;

  beforeAll(async () => {
    if (!BIN) throw new Error('REQUIRE_REPLICA=1 but no PostgreSQL binaries with pg_basebackup in /usr/lib/postgresql/*/bin');
    pair = await startStreamingPair(BIN);
    await pair.sql(pair.primaryPort, 'CREATE DATABASE archive');
    const primaryUrl = pair.url(pair.primaryPort, 'archive');
    await migrateDeploy(primaryUrl);
    db = createDb(primaryUrl);
    await loadReferenceData(db);
    server = await startTestServer(
      { db, url: primaryUrl },
      {
        ADMIN_TOKEN,
        DATABASE_REPLICA_URLS: pair.url(pair.replicaPort, 'archive'),
        REPLICA_MAX_LAG_MS: String(MAX_LAG_MS),
        REPLICA_CHECK_MS: '100',
        // No response cache: every anonymous request reads the database.
        RESPONSE_CACHE_MB: '0',
      },
    );
    editor = await newApiKey(server, ADMIN_TOKEN, 'replica');
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await db?.$disconnect();
    await pair?.stop();
  });

  async function metric(pattern: RegExp): Promise<number> {
    const text = await (await fetch(`${server.base}/metrics`)).text();
    return Number(pattern.exec(text)?.[1] ?? 0);
  }
  const routed = (target: string) => metric(new RegExp(`^database_read_requests_total\\{target="${target}"\\} (\\d+)`, 'm'));
  const serving = () => metric(/^database_replica_serving\{replica="[^"]+"\} (\d)/m);

  async function until(check: () => Promise<boolean>, ms = 20_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error('condition not met in time');
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  const COUNT = `{ pressReleases { totalCount } }`;
  const count = async (token?: string) => {
    const r = await server.gql(COUNT, {}, token);
    expect(r.errors).toBeUndefined();
    return r.data.pressReleases.totalCount as number;
  };

  let serial = 0;
  async function publishRelease(): Promise<void> {
    serial++;
    const input = {
      title: `Replica test ${serial}`,
      publishedAt: '2026-11-30T09:00:00Z',
      dateline: { place: 'Astana', country: 'KZ', date: '2026-11-30' },
      issuer: { name: 'Ministry of Foreign Affairs of Kazakhstan', country: 'KZ' },
      paragraphs: [`ASTANA, November 30. Release ${serial} of the replica test.`],
      meetings: [],
      topics: [],
      initiatives: [],
      countries: ['KZ'],
    };
    const created = await server.gql(`mutation($input: PressReleaseInput!) { createPressRelease(input: $input) { id } }`, { input }, editor);
    expect(created.errors).toBeUndefined();
    const published = await server.gql(`mutation($id: ID!) { publishPressRelease(id: $id) { status } }`, { id: created.data.createPressRelease.id }, editor);
    expect(published.errors).toBeUndefined();
  }

  it('sends anonymous reads to the replica and editors’ reads to the primary', async () => {
    await until(async () => (await serving()) === 1);
    const [replicaBefore, primaryBefore] = [await routed('replica'), await routed('primary')];
    await count();
    await count();
    expect(await routed('replica')).toBe(replicaBefore + 2);
    await count(editor);
    expect(await routed('primary')).toBe(primaryBefore + 1);
    expect(await routed('replica')).toBe(replicaBefore + 2);
  });

  it('skips a replica whose replay is paused once it lags more than REPLICA_MAX_LAG_MS, and uses it again when it catches up', async () => {
    await publishRelease();
    await until(async () => (await count()) === serial && (await serving()) === 1);
    await pair.sql(pair.replicaPort, 'SELECT pg_wal_replay_pause()');
    await publishRelease();
    // The editor reads its own write at once, on the primary.
    expect(await count(editor)).toBe(serial);
    // Anonymous readers are on the paused replica, a release behind, while it lags less than the bound.
    const replicaBefore = await routed('replica');
    expect(await count()).toBe(serial - 1);
    expect(await routed('replica')).toBe(replicaBefore + 1);
    // Past the bound the replica is skipped: the primary answers, up to date.
    await until(async () => (await serving()) === 0);
    const primaryBefore = await routed('primary');
    expect(await count()).toBe(serial);
    expect(await routed('primary')).toBe(primaryBefore + 1);

    await pair.sql(pair.replicaPort, 'SELECT pg_wal_replay_resume()');
    await until(async () => (await serving()) === 1);
    const replicaAgain = await routed('replica');
    expect(await count()).toBe(serial);
    expect(await routed('replica')).toBe(replicaAgain + 1);
  }, 60_000);

  it('with the response cache on, sends no read to a replica that has not replayed a write the service heard of, whatever the bound', async () => {
    // A lag bound far beyond the test: only the write itself keeps the paused replica out.
    const cached = await startTestServer(
      { db, url: pair.url(pair.primaryPort, 'archive') },
      { DATABASE_REPLICA_URLS: pair.url(pair.replicaPort, 'archive'), REPLICA_MAX_LAG_MS: '600000', REPLICA_CHECK_MS: '100' },
    );
    try {
      const servingOn = async () => Number(/^database_replica_serving\{replica="[^"]+"\} (\d)/m.exec(await (await fetch(`${cached.base}/metrics`)).text())?.[1]);
      const fresh = async () => (await cached.gql(COUNT, {}, undefined)).data.pressReleases.totalCount as number;
      await until(async () => (await servingOn()) === 1);
      await pair.sql(pair.replicaPort, 'SELECT pg_wal_replay_pause()');
      await publishRelease();
      // Once the service has heard of the write, anonymous answers count it (the primary answers,
      // and what is cached from then on counts it too).
      await until(async () => (await servingOn()) === 0);
      for (let i = 0; i < 3; i++) expect(await fresh()).toBe(serial);
      await pair.sql(pair.replicaPort, 'SELECT pg_wal_replay_resume()');
      await until(async () => (await servingOn()) === 1);
      expect(await fresh()).toBe(serial);
    } finally {
      await cached.close();
    }
  }, 60_000);

  it('answers from the primary when the replica stops, and goes back to it when it returns', async () => {
    await until(async () => (await serving()) === 1);
    await pair.stopReplica();
    // Requests right after the stop, before any check noticed it: answered, by the primary.
    for (let i = 0; i < 3; i++) expect(await count()).toBe(serial);
    await until(async () => (await serving()) === 0);
    const primaryBefore = await routed('primary');
    expect(await count()).toBe(serial);
    expect(await routed('primary')).toBe(primaryBefore + 1);
    expect((await fetch(`${server.base}/healthz`)).status).toBe(200);

    await pair.startReplica();
    await until(async () => (await serving()) === 1);
    const replicaBefore = await routed('replica');
    expect(await count()).toBe(serial);
    expect(await routed('replica')).toBe(replicaBefore + 1);
  }, 60_000);
});
