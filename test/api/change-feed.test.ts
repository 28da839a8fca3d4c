// The change feed that keeps the caches honest, when its connection dies: killed (the server ends
// it), or silent (black-holed: no FIN, no RST, notifications simply stop). Either way a write made
// meanwhile by another process (here: straight to the database) must not be hidden by a cached
// answer, /metrics must say the feed is down, and the feed must come back by itself. And every
// cache is bounded in time, even for a change no notification announces.
import { Client } from 'pg';
import { createTestDatabase, terminateChangeFeed, type TestDatabase } from '../support/db';
import { startTestServer, type TestServer } from '../support/server';
import { startBlackholeProxy, type BlackholeProxy } from '../support/blackhole-proxy';

const PING_MS = 300;
let tdb: TestDatabase;
let proxy: BlackholeProxy;
let server: TestServer;

beforeAll(async () => {
  tdb = await createTestDatabase('corpus');
  proxy = await startBlackholeProxy(tdb.url);
  // Reads and writes go straight to the database; the change feed's connection through the proxy.
  server = await startTestServer({ db: tdb.db, url: proxy.url }, { CHANGE_FEED_PING_MS: String(PING_MS) });
});
afterAll(async () => {
  await server?.close();
  await proxy?.close();
  await tdb?.drop();
});

const LATEST = `{ pressReleases(first: 3, orderBy: PUBLISHED_AT_DESC) { totalCount edges { node { id slug } } } }`;

async function ask(query = LATEST): Promise<{ cached: boolean; slugs: string[]; total: number }> {
  const res = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  expect(res.status).toBe(200);
  const body = (await res.json()) as any;
  expect(body.errors).toBeUndefined();
  return {
    cached: res.headers.has('age'),
    slugs: body.data.pressReleases.edges.map((e: { node: { slug: string } }) => e.node.slug),
    total: body.data.pressReleases.totalCount,
  };
}

async function metric(name: string): Promise<number> {
  const text = await (await fetch(`${server.base}/metrics`)).text();
  return Number(new RegExp(`^${name} (\\d+)`, 'm').exec(text)?.[1]);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until<T>(fn: () => Promise<T>, check: (v: T) => boolean, ms = 10_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (check(v) || Date.now() > deadline) return v;
    await sleep(50);
  }
}

/** Retracts the latest published release as another process would: straight in the database. */
async function retractLatestBehindTheServiceBack(): Promise<{ slug: string; undo: () => Promise<void> }> {
  const latest = await tdb.db.pressRelease.findFirstOrThrow({ where: { status: 'PUBLISHED' }, orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }] });
  await tdb.db.pressRelease.update({ where: { id: latest.id }, data: { status: 'RETRACTED', retractionReason: 'test' } });
  return {
    slug: latest.slug,
    undo: async () => {
      await tdb.db.pressRelease.update({ where: { id: latest.id }, data: { status: 'PUBLISHED', retractionReason: null } });
      // The next test starts from an archive that shows it again (its notification has come through
      // the feed, or a fresh answer is computed), not from an answer cached before the undo.
      await until(() => ask(), (a) => a.slugs.includes(latest.slug));
    },
  };
}

/** A cached answer naming the latest release, the feed live. */
async function warm(): Promise<{ slugs: string[] }> {
  await until(() => metric('archive_change_feed_live'), (v) => v === 1);
  const first = await ask();
  const again = await until(() => ask(), (a) => a.cached);
  expect(again.cached).toBe(true);
  expect(again.slugs).toEqual(first.slugs);
  return first;
}

/** The feed is live again and answers come from the cache again, without the release of `slug`. */
async function expectResumedWithout(slug: string): Promise<void> {
  await until(() => metric('archive_change_feed_live'), (v) => v === 1);
  const resumed = await until(() => ask(), (a) => a.cached);
  expect(resumed.cached).toBe(true);
  expect(resumed.slugs).not.toContain(slug);
}

it('does not serve a retraction-hidden answer after the feed connection is killed, and reconnects', async () => {
  const before = await warm();
  expect(await terminateChangeFeed(tdb.url)).toBe(1);
  await until(() => metric('archive_change_feed_live'), (v) => v === 0, 3000);
  const retracted = await retractLatestBehindTheServiceBack();
  try {
    expect(before.slugs[0]).toBe(retracted.slug);
    expect((await ask()).slugs).not.toContain(retracted.slug);
    // Back by itself, and caching again; the retracted release stays out.
    await expectResumedWithout(retracted.slug);
  } finally {
    await retracted.undo();
  }
});

it('notices a silent (black-holed) feed connection: stops serving from the cache, says so in /metrics, and rebuilds it', async () => {
  const before = await warm();
  const reconnects = await metric('archive_change_feed_reconnects');
  proxy.blackhole();
  const retracted = await retractLatestBehindTheServiceBack();
  try {
    expect(before.slugs[0]).toBe(retracted.slug);
    // The notification of the retraction went into the black hole. Within two ping periods the
    // feed counts as down: no answer comes from the cache, and /metrics says 0.
    await sleep(2 * PING_MS + 100);
    const during = await ask();
    expect(during.slugs).not.toContain(retracted.slug);
    // It replaces the connection by itself (new connections pass the proxy again).
    await until(() => metric('archive_change_feed_reconnects'), (v) => v > reconnects);
    expect(await metric('archive_change_feed_reconnects')).toBeGreaterThan(reconnects);
    await expectResumedWithout(retracted.slug);
  } finally {
    await retracted.undo();
  }
});

it('shows /metrics the feed as down while it is silent', async () => {
  await warm();
  // A silence longer than the test needs to look: the proxy drops what it carries now, and the
  // feed's next connection is silenced as soon as it opens.
  const silence = setInterval(() => proxy.blackhole(), 20);
  try {
    const down = await until(() => metric('archive_change_feed_live'), (v) => v === 0, 3000);
    expect(down).toBe(0);
    // Nothing comes from the cache meanwhile.
    const a = await ask();
    const b = await ask();
    expect([a.cached, b.cached]).toEqual([false, false]);
  } finally {
    clearInterval(silence);
  }
  await until(() => metric('archive_change_feed_live'), (v) => v === 1);
  expect(await metric('archive_change_feed_live')).toBe(1);
});

describe('with a TTL of 1 s', () => {
  let short: TestServer;
  beforeAll(async () => {
    short = await startTestServer({ db: tdb.db, url: tdb.url }, { RESPONSE_CACHE_TTL_SECONDS: '1', CHANGE_FEED_PING_MS: String(PING_MS) });
  });
  afterAll(() => short?.close());

  /**
   * Sum of a facet's counts and its releases without a value: it drops when a release goes. The
   * filter (every release since 2 January 1900: not whole months) makes it a count over the
   * releases; the kept counts (migration release_facet_counts) are kept by triggers, which the
   * unseen write below bypasses like the notifications.
   */
  async function countryFacetTotal(alias: string): Promise<{ cached: boolean; total: number }> {
    const res = await fetch(short.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ ${alias}: facets(filter: { from: "1900-01-02" }) { countries(limit: 500) { missing options { value count } } } }` }),
    });
    const body = (await res.json()) as any;
    expect(body.errors).toBeUndefined();
    const f = body.data[alias].countries;
    return { cached: res.headers.has('age'), total: f.missing + f.options.reduce((n: number, o: { count: number }) => n + o.count, 0) };
  }

  it('drops cached answers and remembered facet counts after the TTL, even for a change no notification announced', async () => {
    await until(async () => (await fetch(`${short.base}/metrics`)).text(), (t) => /^archive_change_feed_live 1/m.test(t));
    const first = await countryFacetTotal('a');
    expect((await countryFacetTotal('a')).cached).toBe(true);
    // A write the triggers do not see (replication role): no notification, no new generation.
    const latest = await tdb.db.pressRelease.findFirstOrThrow({ where: { status: 'PUBLISHED' }, orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }] });
    const admin = new Client({ connectionString: tdb.url });
    await admin.connect();
    try {
      await admin.query(`SET session_replication_role = replica`);
      await admin.query(`UPDATE press_release SET status = 'RETRACTED', retraction_reason = 'unseen' WHERE id = $1`, [latest.id]);
      // Computed facets read the narrow copy (migration release_narrow_search), which a trigger
      // keeps and the replication role bypasses too: the unseen write sets the copy as well.
      await admin.query(`UPDATE release_narrow SET status = 'RETRACTED' WHERE id = $1`, [latest.id]);
      // Within the TTL the caches may still hold the old count (nothing told them)...
      expect((await countryFacetTotal('a')).total).toBe(first.total);
      await sleep(1300);
      // ...and after it, neither the response cache (same query) nor the facet memo (a new query
      // text over the same facet) gives it back.
      const memo = await countryFacetTotal('b');
      expect(memo.total).toBeLessThan(first.total);
      expect(await countryFacetTotal('a')).toEqual({ cached: false, total: memo.total });
    } finally {
      await admin.query(`UPDATE press_release SET status = 'PUBLISHED', retraction_reason = NULL WHERE id = $1`, [latest.id]);
      await admin.query(`UPDATE release_narrow SET status = 'PUBLISHED' WHERE id = $1`, [latest.id]);
      await admin.end();
    }
  });
});
