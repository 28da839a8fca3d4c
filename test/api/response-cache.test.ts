// The response cache: anonymous queries are answered from memory until the archive changes, by
// whichever writer (this instance, another one, psql), and never while changes could go unseen.
import { Client } from 'pg';
import { createTestDatabase, terminateChangeFeed, type TestDatabase } from '../support/db';
import { startTestServer, type TestServer } from '../support/server';

const ADMIN_TOKEN = 'cache-admin-token-0123456789';
let tdb: TestDatabase;
let server: TestServer;
const statements: string[] = [];

beforeAll(async () => {
  tdb = await createTestDatabase('corpus', { onQuery: (sql) => statements.push(sql) });
  server = await startTestServer(tdb, { ADMIN_TOKEN });
});
afterAll(async () => {
  await server?.close();
  await tdb?.drop();
});

interface Answer {
  cached: boolean;
  body: { data?: any; errors?: { extensions?: { code?: string } }[] };
}

/** A query over the wire; `cached` is true when the answer came from the cache (it has an Age). */
async function ask(query: string, headers: Record<string, string> = {}): Promise<Answer> {
  const res = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  expect(res.status).toBe(200);
  return { cached: res.headers.has('age'), body: (await res.json()) as Answer['body'] };
}

async function cacheCounts(): Promise<Record<string, number>> {
  const text = await (await fetch(`${server.base}/metrics`)).text();
  const counts: Record<string, number> = { hit: 0, miss: 0, bypass: 0 };
  for (const m of text.matchAll(/^graphql_response_cache_total\{result="(\w+)"\} (\d+)/gm)) counts[m[1]] = Number(m[2]);
  return counts;
}

async function feedLive(): Promise<number> {
  const text = await (await fetch(`${server.base}/metrics`)).text();
  return Number(/^archive_change_feed_live (\d+)/m.exec(text)?.[1]);
}

const FIRST = `{ pressReleases(first: 1, orderBy: PUBLISHED_AT_DESC) { totalCount edges { node { id title } } } }`;

/** Polls until `check` holds (notifications arrive asynchronously), failing after 5 s. */
async function eventually<T>(fn: () => Promise<T>, check: (v: T) => boolean): Promise<T> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const v = await fn();
    if (check(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

it('answers a repeated anonymous query from the cache, with the same data', async () => {
  const before = await cacheCounts();
  const first = await ask(FIRST);
  const second = await ask(FIRST);
  expect(first.body.errors).toBeUndefined();
  expect(first.cached).toBe(false);
  expect(second.cached).toBe(true);
  expect(second.body).toEqual(first.body);
  const after = await cacheCounts();
  expect(after.miss - before.miss).toBe(1);
  expect(after.hit - before.hit).toBe(1);
});

it('computes identical queries that miss together once, and answers the others from it', async () => {
  const FACETS = `{ facets(filter: { countries: ["AZ"] }) { topics { options { value count } missing } people { options { label count } } } }`;
  const before = await cacheCounts();
  statements.length = 0;
  const answers = await Promise.all(Array.from({ length: 6 }, () => ask(FACETS)));
  expect(answers[0].body.errors).toBeUndefined();
  for (const a of answers) expect(a.body).toEqual(answers[0].body);
  // Both facets come from one statement, run once for the six requests.
  expect(statements.filter((sql) => sql.includes('json_build_array')).length).toBe(1);
  expect(answers.filter((a) => a.cached).length).toBe(5);
  const after = await cacheCounts();
  expect([after.miss - before.miss, after.hit - before.hit]).toEqual([1, 5]);
});

it('remembers facet answers across different queries over the same matching releases', async () => {
  const facetStatements = () => statements.filter((sql) => sql.includes('json_build_array')).length;
  // The topics facet ignores the topic filter: for any single topic it counts the whole archive.
  const topicsOf = (slug: string, extra = '') =>
    `{ facets(filter: { topics: ["${slug}"] }) { topics { options { value count } missing } ${extra} } }`;
  const first = await ask(topicsOf('energy', 'issuers { missing }'));
  expect(first.body.errors).toBeUndefined();
  statements.length = 0;
  const other = await ask(topicsOf('transport-connectivity'));
  expect(other.cached).toBe(false); // another query: not from the response cache
  expect(facetStatements()).toBe(0); // but its one facet was remembered
  expect(other.body.data.facets.topics).toEqual(first.body.data.facets.topics);
  // Asked to compute (no-cache), it computes, and gets the same counts.
  const computed = await ask(topicsOf('transport-connectivity'), { 'cache-control': 'no-cache' });
  expect(facetStatements()).toBe(1);
  expect(computed.body.data.facets.topics).toEqual(first.body.data.facets.topics);
  // A write forgets it.
  const id = (await ask(FIRST)).body.data.pressReleases.edges[0].node.id;
  const r = await server.gql(`mutation($id: ID!) { retractPressRelease(id: $id, reason: "test") { status } }`, { id }, ADMIN_TOKEN);
  expect(r.errors).toBeUndefined();
  statements.length = 0;
  const after = await ask(topicsOf('culture-humanitarian'));
  expect(facetStatements()).toBe(1);
  const total = (facet: { options: { count: number }[] }) => facet.options.reduce((n, o) => n + o.count, 0);
  expect(total(after.body.data.facets.topics)).toBeLessThan(total(first.body.data.facets.topics));
});

it("drops cached answers at this instance's own mutation, before the mutation's answer is sent", async () => {
  const { data } = (await ask(FIRST)).body;
  const { id, title } = data.pressReleases.edges[0].node;
  expect((await ask(FIRST)).cached).toBe(true);
  const r = await server.gql(`mutation($id: ID!) { updatePressRelease(id: $id, input: { title: "Edited by an editor" }) { title } }`, { id }, ADMIN_TOKEN);
  expect(r.errors).toBeUndefined();
  const next = await ask(FIRST);
  expect(next.cached).toBe(false);
  expect(next.body.data.pressReleases.edges[0].node.title).toBe('Edited by an editor');
  await server.gql(`mutation($id: ID!, $t: String!) { updatePressRelease(id: $id, input: { title: $t }) { title } }`, { id, t: title }, ADMIN_TOKEN);
});

it('drops cached answers when anyone else writes to the database (notified by Postgres)', async () => {
  const count = (a: Answer) => a.body.data.pressReleases.totalCount as number;
  const n = count(await ask(FIRST));
  expect((await ask(FIRST)).cached).toBe(true);
  // Another writer: plain SQL on a connection of its own, as psql or another instance would.
  const other = new Client({ connectionString: tdb.url });
  await other.connect();
  try {
    const { rowCount } = await other.query(`UPDATE press_release SET status = 'RETRACTED', retraction_reason = 'test'
      WHERE id = (SELECT id FROM press_release WHERE status = 'PUBLISHED' ORDER BY published_at DESC, id DESC LIMIT 1)`);
    expect(rowCount).toBe(1);
  } finally {
    await other.end();
  }
  const next = await eventually(() => ask(FIRST), (a) => count(a) === n - 1);
  expect(count(next)).toBe(n - 1);
  expect(next.cached).toBe(false);
});

it('drops cached answers of another instance when this one writes (two services, one database)', async () => {
  const other = await startTestServer(tdb, { ADMIN_TOKEN });
  try {
    const askOther = async () => {
      const res = await fetch(other.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: FIRST }) });
      return { cached: res.headers.has('age'), body: (await res.json()) as Answer['body'] };
    };
    const title = (a: Answer) => a.body.data.pressReleases.edges[0].node.title as string;
    const before = await askOther();
    expect((await askOther()).cached).toBe(true);
    const { id } = before.body.data.pressReleases.edges[0].node;
    const r = await server.gql(`mutation($id: ID!) { updatePressRelease(id: $id, input: { title: "Edited on the first instance" }) { title } }`, { id }, ADMIN_TOKEN);
    expect(r.errors).toBeUndefined();
    const seen = await eventually(askOther, (a) => title(a) === 'Edited on the first instance');
    expect(title(seen)).toBe('Edited on the first instance');
    await server.gql(`mutation($id: ID!, $t: String!) { updatePressRelease(id: $id, input: { title: $t }) { title } }`, { id, t: title(before) }, ADMIN_TOKEN);
  } finally {
    await other.close();
  }
});

it('keeps requests with credentials, and requests asking for no-cache, out of the cache', async () => {
  await ask(FIRST);
  expect((await ask(FIRST)).cached).toBe(true);
  expect((await ask(FIRST, { authorization: `Bearer ${ADMIN_TOKEN}` })).cached).toBe(false);
  // A wrong key is refused outright (401), never answered from the cache.
  const wrong = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer wrong-key-000000000000' },
    body: JSON.stringify({ query: FIRST }),
  });
  expect([wrong.status, wrong.headers.has('age')]).toEqual([401, false]);
  expect((await ask(FIRST, { 'cache-control': 'no-cache' })).cached).toBe(false);
  expect((await ask(FIRST, { 'cache-control': 'no-store' })).cached).toBe(false);
});

it('caches nothing while the change feed is cut off, and resumes once it has reconnected', async () => {
  await ask(FIRST);
  expect((await ask(FIRST)).cached).toBe(true);
  expect(await terminateChangeFeed(tdb.url)).toBe(1);
  // Until the feed listens again, every query is computed afresh.
  const during = await eventually(() => ask(FIRST), (a) => !a.cached);
  expect(during.cached).toBe(false);
  expect(await feedLive()).toBe(0);
  // It reconnects by itself (after 0.5 s), and caching resumes.
  const resumed = await eventually(
    async () => (await ask(FIRST)) && ask(FIRST),
    (a) => a.cached,
  );
  expect(resumed.cached).toBe(true);
  expect(await feedLive()).toBe(1);
});

it('has the change trigger on every table a read can see (a new table needs one too)', async () => {
  const rows = await tdb.db.$queryRaw<{ table: string; notified: boolean }[]>`
    SELECT c.relname AS "table",
           EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = 'archive_changed') AS notified
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY 1`;
  const unnotified = rows.filter((r) => !r.notified).map((r) => r.table);
  // API keys change no read; Prisma's own bookkeeping is not archive data; release_narrow_pending
  // is the triggers' note of the releases to copy at commit (migration release_narrow_deferred),
  // empty outside a writing transaction and read by no query: the copy it fills notifies.
  expect(unnotified).toEqual(['_prisma_migrations', 'api_key', 'release_narrow_pending']);
  expect(rows.length).toBeGreaterThan(10);
});
