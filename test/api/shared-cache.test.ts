// The response cache shared through Redis (REDIS_URL): two instances on one database serve each
// other's computed answers, a write through either one invalidates both, and without Redis the
// answers are computed, never stale and never an error. Needs a Redis (TEST_REDIS_URL, else
// 127.0.0.1:6379); skipped, saying so, on a machine without redis-server unless REQUIRE_REDIS=1
// (CI sets it and starts Redis when it is not running).
import fs from 'node:fs';
import net from 'node:net';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { startTestServer, type TestServer, newApiKey } from '../support/server';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const REDIS_HERE = !!process.env.TEST_REDIS_URL || ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].some((p) => fs.existsSync(p));
const describeWithRedis = REDIS_HERE || process.env.REQUIRE_REDIS === '1' ? describe : describe.skip;
if (!REDIS_HERE && process.env.REQUIRE_REDIS !== '1') {
  console.warn('shared-cache: two-instance tests skipped, no redis-server here (set TEST_REDIS_URL, or REQUIRE_REDIS=1 to fail instead)');
}
const ADMIN_TOKEN = 'shared-cache-admin-token-0123456789';
let tdb: TestDatabase;
let a: TestServer;
let b: TestServer;
let editor: string;

beforeAll(async () => {
  tdb = await createTestDatabase('corpus');
});
afterAll(async () => {
  await tdb?.drop();
});

interface Answer {
  cached: boolean;
  body: { data?: any; errors?: unknown[] };
}

async function ask(server: TestServer, query: string): Promise<Answer> {
  const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const body = (await res.json()) as Answer['body'];
  expect({ status: res.status, errors: body.errors }).toEqual({ status: 200, errors: undefined });
  return { cached: res.headers.has('age'), body };
}

async function metric(server: TestServer, pattern: RegExp): Promise<number> {
  const text = await (await fetch(`${server.base}/metrics`)).text();
  return Number(pattern.exec(text)?.[1] ?? 0);
}
const hits = (server: TestServer) => metric(server, /^graphql_response_cache_total\{result="hit"\} (\d+)/m);

/** Polls until `check` holds (notifications and reconnections come asynchronously), up to `ms`. */
async function eventually<T>(fn: () => Promise<T>, check: (v: T) => boolean, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (check(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

const COUNT = `{ pressReleases(filter: { countries: ["AZ"] }) { totalCount } facets { countries(limit: 3) { options { value count } } } }`;
const total = (answer: Answer) => answer.body.data.pressReleases.totalCount as number;

let serial = 0;
async function publishThrough(server: TestServer): Promise<void> {
  serial++;
  const input = {
    title: `Shared cache ${serial}`,
    publishedAt: '2026-11-30T09:00:00Z',
    dateline: { place: 'Baku', country: 'AZ', date: '2026-11-30' },
    issuer: { name: 'Ministry of Foreign Affairs of Azerbaijan', country: 'AZ' },
    paragraphs: [`BAKU, November 30. Release ${serial} of the shared-cache test.`],
    meetings: [],
    topics: [],
    initiatives: [],
    countries: ['AZ'],
  };
  const created = await server.gql(`mutation($input: PressReleaseInput!) { createPressRelease(input: $input) { id } }`, { input }, editor);
  expect(created.errors).toBeUndefined();
  const published = await server.gql(`mutation($id: ID!) { publishPressRelease(id: $id) { status } }`, { id: created.data.createPressRelease.id }, editor);
  expect(published.errors).toBeUndefined();
}

describeWithRedis('two instances sharing Redis', () => {
  beforeAll(async () => {
    a = await startTestServer(tdb, { ADMIN_TOKEN, REDIS_URL });
    b = await startTestServer(tdb, { ADMIN_TOKEN, REDIS_URL });
    editor = await newApiKey(a, ADMIN_TOKEN, 'shared');
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('serves an answer computed by one instance from the other, until a write through either invalidates both', async () => {
    expect(await metric(a, /^graphql_response_cache_shared (\d)/m)).toBe(1);
    const first = await ask(a, COUNT);
    expect(first.cached).toBe(false);
    expect(first.body.errors).toBeUndefined();
    const hitsBefore = await hits(b);
    const fromB = await ask(b, COUNT);
    expect(fromB).toEqual({ cached: true, body: first.body });
    expect(await hits(b)).toBe(hitsBefore + 1);

    // A write through B: A computes afresh (the new release counted), and B serves A's new answer.
    await publishThrough(b);
    const afterB = await eventually(() => ask(a, COUNT), (r) => !r.cached && total(r) === total(first) + 1);
    expect(afterB.cached).toBe(false);
    expect(total(afterB)).toBe(total(first) + 1);
    // Each instance bumps the generation when it hears of a write, so a bump can come after A stored
    // that answer (under load: the full suite on the machine's PostgreSQL once missed it): B then
    // computes once more (a little recomputation) and serves from the cache after that. Never a
    // stale answer meanwhile.
    const seenByB: Answer[] = [];
    const bAgain = await eventually(
      async () => {
        const answer = await ask(b, COUNT);
        seenByB.push(answer);
        return answer;
      },
      (r) => r.cached,
    );
    expect(bAgain.cached).toBe(true);
    expect(seenByB.map(total)).toEqual(seenByB.map(() => total(first) + 1));

    // A write through A: B no longer serves the cached answer either.
    await publishThrough(a);
    const afterA = await eventually(() => ask(b, COUNT), (r) => total(r) === total(first) + 2);
    expect(total(afterA)).toBe(total(first) + 2);
    expect(afterA.cached).toBe(false);
    expect(total(await ask(a, COUNT))).toBe(total(first) + 2);
  });
});

/** A TCP relay to Redis that can be cut and restored on the same port: an outage on demand. */
async function redisRelay(target: URL) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | undefined;
  let port = 0;
  const open = () =>
    new Promise<void>((resolve) => {
      server = net.createServer((client) => {
        const upstream = net.connect(Number(target.port || 6379), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('error', () => undefined);
          s.on('close', () => {
            sockets.delete(s);
            client.destroy();
            upstream.destroy();
          });
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as net.AddressInfo).port;
        resolve();
      });
    });
  await open();
  return {
    url: () => `redis://127.0.0.1:${port}`,
    cut: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server!.close(() => resolve());
      }),
    restore: open,
  };
}

describeWithRedis('a Redis outage', () => {
  it('computes answers while Redis is away and serves nothing cached before it once Redis is back', async () => {
    const relay = await redisRelay(new URL(REDIS_URL));
    const one = await startTestServer(tdb, { ADMIN_TOKEN, REDIS_URL: relay.url() });
    const two = await startTestServer(tdb, { ADMIN_TOKEN, REDIS_URL: relay.url() });
    try {
      editor = await newApiKey(one, ADMIN_TOKEN, 'outage');
      const before = await ask(one, COUNT);
      expect(await ask(two, COUNT)).toEqual({ cached: true, body: before.body });

      // Redis goes away; a write happens meanwhile, unheard by Redis.
      await relay.cut();
      await publishThrough(one);
      const during = await eventually(() => ask(two, COUNT), (r) => total(r) === total(before) + 1);
      expect(during).toMatchObject({ cached: false });
      expect(total(during)).toBe(total(before) + 1);
      expect(await metric(two, /^graphql_response_cache_shared (\d)/m)).toBe(0);

      // Redis is back with the answer cached before the write still in it: never served again.
      await relay.restore();
      expect(await eventually(() => metric(two, /^graphql_response_cache_shared (\d)/m), (v) => v === 1, 20_000)).toBe(1);
      expect(await eventually(() => metric(one, /^graphql_response_cache_shared (\d)/m), (v) => v === 1, 20_000)).toBe(1);
      for (const server of [two, one, two]) expect(total(await ask(server, COUNT))).toBe(total(before) + 1);
      expect((await ask(one, COUNT)).cached).toBe(true);
    } finally {
      await one.close();
      await two.close();
      await relay.cut().catch(() => undefined);
    }
  }, 60_000);
});

it('computes every answer, without errors, when Redis cannot be reached', async () => {
  // A port nothing listens on.
  const closed = await new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
  const lonely = await startTestServer(tdb, { REDIS_URL: `redis://127.0.0.1:${closed}` });
  const memoryOnly = await startTestServer(tdb);
  try {
    const expected = await ask(memoryOnly, COUNT);
    const one = await ask(lonely, COUNT);
    const two = await ask(lonely, COUNT);
    for (const answer of [one, two]) {
      expect(answer.cached).toBe(false);
      expect(answer.body.errors).toBeUndefined();
      expect(answer.body.data).toEqual(expected.body.data);
    }
    expect(await metric(lonely, /^graphql_response_cache_shared (\d)/m)).toBe(0);
    expect(await hits(lonely)).toBe(0);
    expect((await fetch(`${lonely.base}/healthz`)).status).toBe(200);
  } finally {
    await lonely.close();
    await memoryOnly.close();
  }
});
