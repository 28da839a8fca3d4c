// The synthetic archive generator: bulk-written releases that look like stored ones and read back
// through the model and the GraphQL API.
import 'reflect-metadata';
import { MEETING_KINDS, ROLE_KINDS } from '../../src/extraction/types';
import { loadCountries, loadTopics } from '../../src/reference';
import { initiativeKey } from '../../src/domain/upserts';
import {
  buildInitiativePool,
  buildPeoplePool,
  buildTemplates,
  createGenerator,
  loadSynthetic,
  SYNTHETIC_COUNTRIES,
  type GeneratorInput,
} from '../../src/bench/synthetic';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { startTestServer, type TestServer } from '../support/server';

describe('generator (no database)', () => {
  const templates = buildTemplates();
  const refs = new Map(loadCountries().map((c) => [c.code, c]));
  const countries = SYNTHETIC_COUNTRIES.map((c) => refs.get(c)!);
  const corpusInitiatives = templates.flatMap((t) => t.initiatives);
  const input = (seed: number): GeneratorInput => ({
    templates,
    countries,
    people: buildPeoplePool(countries.map((c) => c.code)).map((p, i) => ({ ...p, id: i + 1 })),
    corpusInitiativeIds: new Map(corpusInitiatives.map((i, k) => [initiativeKey(i), 10000 + k])),
    generatedInitiatives: buildInitiativePool(new Set(corpusInitiatives.map(initiativeKey))).map((i, k) => ({ ...i, id: 20000 + k })),
    topics: loadTopics().map((t, i) => ({ id: i + 1, slug: t.slug })),
    seed,
    runId: 'unit',
    now: new Date('2026-11-28T00:00:00Z'),
  });

  it('is deterministic for a seed and varies with it', () => {
    const a = createGenerator(input(5));
    const b = createGenerator(input(5));
    const c = createGenerator(input(6));
    const take = (g: ReturnType<typeof createGenerator>) => Array.from({ length: 20 }, () => g.next());
    const [ra, rb, rc] = [take(a), take(b), take(c)];
    expect(ra).toEqual(rb);
    expect(ra.map((r) => r.body)).not.toEqual(rc.map((r) => r.body));
  });

  it('writes the new names into the text: people, countries and initiative sentences', () => {
    const g = createGenerator(input(11));
    const people = new Map(input(11).people.map((p) => [p.id, p]));
    for (let i = 0; i < 200; i++) {
      const r = g.next();
      for (const m of r.meetings) {
        for (const p of m.participants) expect(r.body).toContain(people.get(p.personId)!.name);
      }
      for (const im of r.initiatives) expect(r.body).toContain(im.sentence);
      const dateline = countries.find((c) => c.code === r.datelineCountryCode);
      if (dateline?.capital && r.datelinePlace) expect(r.datelinePlace).toBe(dateline.capital);
      expect(new Set(r.countries.map((c) => c.code)).size).toBe(r.countries.length);
    }
  });
});

describe('loadSynthetic into a database', () => {
  let t: TestDatabase;
  let server: TestServer;

  beforeAll(async () => {
    t = await createTestDatabase('ref');
    // One batch at a time: ids are then given in the order releases are generated.
    const counts = await loadSynthetic(t.url, { releases: 300, seed: 42, batchSize: 100, concurrency: 1 });
    expect(counts.releases).toBe(300);
    server = await startTestServer(t);
  });

  afterAll(async () => {
    await server?.close();
    await t?.drop();
  });

  it('stores 300 published releases, each with a topic and a country', async () => {
    expect(await t.db.pressRelease.count()).toBe(300);
    expect(await t.db.pressRelease.count({ where: { status: 'PUBLISHED', sourceName: 'Synthetic', sourceUrl: null } })).toBe(300);
    expect(await t.db.pressRelease.count({ where: { topics: { none: {} } } })).toBe(0);
    expect(await t.db.pressRelease.count({ where: { countries: { none: {} } } })).toBe(0);
    const slugs = await t.db.pressRelease.findMany({ select: { slug: true } });
    expect(slugs.every((s) => s.slug.startsWith('syn-'))).toBe(true);
  });

  it('reports meetings and participants of valid kinds, with the release topics', async () => {
    const meetings = await t.db.meeting.groupBy({ by: ['kind'], _count: true });
    expect(meetings.length).toBeGreaterThan(3);
    for (const m of meetings) expect(MEETING_KINDS).toContain(m.kind);
    const roles = await t.db.participant.groupBy({ by: ['roleKind'], _count: true });
    for (const r of roles) expect(ROLE_KINDS).toContain(r.roleKind);
    expect(await t.db.participant.count()).toBeGreaterThan(300);
    expect(await t.db.meeting.count({ where: { topics: { none: {} } } })).toBe(0);
  });

  it('writes each release row once, with the link arrays its links give', async () => {
    // The arrays the loader writes with the release are those the link-array triggers compute from
    // the links, so no link statement rewrote a release (its narrow copy and counts neither).
    const [drift] = await t.query<{ n: number }>(`
      SELECT count(*)::int AS n FROM press_release pr
      WHERE (pr.topic_ids, pr.country_codes, pr.initiative_ids, pr.person_ids, pr.meeting_kinds) IS DISTINCT FROM (
        ARRAY(SELECT rt.topic_id FROM release_topic rt WHERE rt.press_release_id = pr.id ORDER BY 1),
        ARRAY(SELECT rc.country_code FROM release_country rc WHERE rc.press_release_id = pr.id ORDER BY 1),
        ARRAY(SELECT DISTINCT im.initiative_id FROM initiative_mention im WHERE im.press_release_id = pr.id ORDER BY 1),
        ARRAY(SELECT DISTINCT p.person_id FROM meeting m JOIN participant p ON p.meeting_id = m.id WHERE m.press_release_id = pr.id ORDER BY 1),
        ARRAY(SELECT DISTINCT m.kind FROM meeting m WHERE m.press_release_id = pr.id ORDER BY 1))`);
    expect(drift.n).toBe(0);
    const [stats] = await t.query<{ upd: number; ins: number }>(
      `SELECT n_tup_upd::int AS upd, n_tup_ins::int AS ins FROM pg_stat_user_tables WHERE relname = 'press_release'`,
    );
    expect(stats.ins).toBe(300);
    expect(stats.upd).toBe(0);
  });

  it('makes people recur, each with one role kind and country', async () => {
    const participants = await t.db.participant.count();
    const people = await t.db.participant.groupBy({ by: ['personId'], _count: true });
    expect(people.length).toBeLessThan(participants);
    expect(people.some((p) => p._count > 1)).toBe(true);
    const [{ n }] = await t.db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM (SELECT person_id FROM participant GROUP BY person_id
        HAVING count(DISTINCT role_kind) > 1 OR count(DISTINCT coalesce(country_code, '-')) > 1) x`;
    expect(n).toBe(0);
    // person_role spans every participation, as storeRelease keeps it.
    const [{ outside }] = await t.db.$queryRaw<{ outside: number }[]>`
      SELECT count(*)::int AS outside FROM participant p JOIN meeting m ON m.id = p.meeting_id
      LEFT JOIN person_role r ON r.person_id = p.person_id AND r.title = p.role
      WHERE r.id IS NULL OR m.date < r.first_seen OR m.date > r.last_seen`;
    expect(outside).toBe(0);
  });

  it('spreads dates over more than five years and fills the search vector', async () => {
    const span = await t.db.pressRelease.aggregate({ _min: { publishedAt: true }, _max: { publishedAt: true } });
    const years = (span._max.publishedAt!.getTime() - span._min.publishedAt!.getTime()) / (365.25 * 86400000);
    expect(years).toBeGreaterThan(5);
    const [{ n }] = await t.db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM press_release WHERE search_vector IS NULL`;
    expect(n).toBe(0);
    expect(await t.db.releaseCountry.count({ where: { country: { code: { in: [...SYNTHETIC_COUNTRIES] } } } })).toBeGreaterThan(300);
  });

  it('stores releases oldest first, as an archive grows (ids and dates in the same order)', async () => {
    const [{ inversions }] = await t.db.$queryRaw<{ inversions: number }[]>`
      SELECT count(*) FILTER (WHERE published_at < lag)::int AS inversions
      FROM (SELECT published_at, lag(published_at) OVER (ORDER BY id) FROM press_release) x`;
    expect(inversions).toBe(0);
  });

  it('is searchable through the GraphQL API', async () => {
    const r = await server.gql(`{
      pressReleases(first: 5, filter: { search: "cooperation" }) {
        totalCount
        edges { highlights node { id title slug topics { slug } } }
      }
    }`);
    expect(r.errors).toBeUndefined();
    expect(r.data.pressReleases.totalCount).toBeGreaterThan(5);
    expect(r.data.pressReleases.edges).toHaveLength(5);
    for (const e of r.data.pressReleases.edges) {
      expect(e.highlights.join(' ')).toMatch(/<mark>/);
      expect(e.node.topics.length).toBeGreaterThan(0);
    }
  });

  it('ranks related releases by shared people, initiatives, countries and topics, on a page of releases', async () => {
    const LINKS = 'id people { id } initiatives { id } countries { code } topics { slug }';
    const r = await server.gql(`{ pressReleases(first: 10) { edges { node { ${LINKS} related(first: 4) { ${LINKS} } } } } }`);
    expect(r.errors).toBeUndefined();
    type Links = { id: string; people: { id: string }[]; initiatives: { id: string }[]; countries: { code: string }[]; topics: { slug: string }[] };
    const shared = <T>(a: T[], b: T[]) => a.filter((x) => b.includes(x)).length;
    const score = (a: Links, b: Links) =>
      4 * shared(a.people.map((p) => p.id), b.people.map((p) => p.id)) +
      3 * shared(a.initiatives.map((i) => i.id), b.initiatives.map((i) => i.id)) +
      shared(a.countries.map((c) => c.code), b.countries.map((c) => c.code)) +
      shared(a.topics.map((t) => t.slug), b.topics.map((t) => t.slug));
    for (const { node } of r.data.pressReleases.edges as { node: Links & { related: Links[] } }[]) {
      expect(node.related).toHaveLength(4);
      expect(node.related.map((x) => x.id)).not.toContain(node.id);
      const scores = node.related.map((x) => score(node, x));
      expect(scores[0]).toBeGreaterThan(0);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    }
  });

  it('refuses related releases for more than 50 releases in one request', async () => {
    const r = await server.gql(`{ pressReleases(first: 60) { edges { node { related(first: 1) { id } } } } }`);
    expect(r.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'related' } });
  });

  it('adds more on a second run without colliding', async () => {
    const counts = await loadSynthetic(t.url, { releases: 50, seed: 42, batchSize: 20 });
    expect(counts.releases).toBe(50);
    expect(await t.db.pressRelease.count()).toBe(350);
  });
});
