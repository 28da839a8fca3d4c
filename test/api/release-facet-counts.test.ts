// The facet counts kept by triggers (migration release_facet_counts) must always equal a count over
// the releases themselves: for the whole archive and for each topic's releases, per status, after
// writes through the API (create, publish, update, retract, ingest, merge, delete, drafts and
// published releases alike), after SQL writes in bulk, and after the log is folded into the totals
// (migration facet_count_totals), by a writer or at the end of a bulk load, while other writers'
// rows are still uncommitted. And the facets the API reads from them are those a count over the
// releases gives.
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { createTestDatabase, holdFoldLocks, type TestDatabase } from '../support/db';
import { startTestServer, type TestServer, newApiKey } from '../support/server';

const ADMIN_TOKEN = 'facet-counts-admin-token-0123456789';
const REFERENCE = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'reference-release.txt'), 'utf8');
let tdb: TestDatabase;
let server: TestServer;
let editor: string;

beforeAll(async () => {
  tdb = await createTestDatabase('corpus');
  server = await startTestServer(tdb, { ADMIN_TOKEN });
  editor = await newApiKey(server, ADMIN_TOKEN);
});
afterAll(async () => {
  await server?.close();
  await tdb?.drop();
});


/**
 * (slice, facet, status, key) rows where the kept counts and a count over press_release differ,
 * the latter written here independently of the migration.
 */
async function drifted(): Promise<unknown[]> {
  return tdb.query(`
    WITH per_release AS (
      SELECT pr.id, pr.status, pr.topic_ids, f.facet, f.key FROM press_release pr
      CROSS JOIN LATERAL (
        SELECT 'topics', coalesce(k::text, '') FROM (SELECT unnest(CASE WHEN pr.topic_ids = '{}' THEN '{NULL}'::int[] ELSE pr.topic_ids END)) t(k)
        UNION ALL SELECT 'countries', coalesce(k::text, '') FROM (SELECT unnest(CASE WHEN pr.country_codes = '{}' THEN '{NULL}'::bpchar[] ELSE pr.country_codes END)) t(k)
        UNION ALL SELECT 'initiatives', coalesce(k::text, '') FROM (SELECT unnest(CASE WHEN pr.initiative_ids = '{}' THEN '{NULL}'::int[] ELSE pr.initiative_ids END)) t(k)
        UNION ALL SELECT 'people', coalesce(k::text, '') FROM (SELECT unnest(CASE WHEN pr.person_ids = '{}' THEN '{NULL}'::int[] ELSE pr.person_ids END)) t(k)
        UNION ALL SELECT 'meetingKinds', coalesce(k::text, '') FROM (SELECT unnest(CASE WHEN pr.meeting_kinds = '{}' THEN '{NULL}'::"MeetingKind"[] ELSE pr.meeting_kinds END)) t(k)
        UNION ALL SELECT 'issuers', coalesce(pr.issuer_country_code::text, '')
        UNION ALL SELECT 'months', to_char(pr.published_at AT TIME ZONE 'UTC', 'YYYY-MM')
      ) f(facet, key)
    ), expected AS (
      SELECT 0 AS topic_id, facet, status, key, count(*)::int AS n FROM per_release GROUP BY 1, 2, 3, 4
      UNION ALL
      SELECT t, facet, status, key, count(*)::int FROM per_release, unnest(topic_ids) t WHERE facet <> 'topics' GROUP BY 1, 2, 3, 4
    ), kept AS (
      SELECT topic_id, facet, status, key, sum(n)::int AS n
      FROM (SELECT * FROM release_facet_total UNION ALL SELECT * FROM release_facet_count) c GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0
    )
    SELECT * FROM expected e FULL JOIN kept k USING (topic_id, facet, status, key)
    WHERE e.n IS DISTINCT FROM k.n
    LIMIT 20`);
}

/** Cells of the release cube (topic, country, month, status) where it and a count over press_release differ. */
async function cubeDrifted(): Promise<unknown[]> {
  return tdb.query(`
    WITH cells AS (
      SELECT t, c, to_char(pr.published_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, pr.status FROM press_release pr,
        unnest(ARRAY[-1] || CASE WHEN pr.topic_ids = '{}' THEN ARRAY[0] ELSE pr.topic_ids END) t,
        unnest(ARRAY['*'] || CASE WHEN pr.country_codes = '{}' THEN ARRAY[''] ELSE pr.country_codes::text[] END) c
      WHERE NOT (t = -1 AND c = '*')
    ), expected AS (
      SELECT t AS topic_id, c AS country_code, month, status, count(*)::int AS n FROM cells GROUP BY 1, 2, 3, 4
    ), kept AS (
      SELECT topic_id, country_code, month, status, sum(n)::int AS n
      FROM (SELECT * FROM release_cube_total UNION ALL SELECT * FROM release_cube_count) c GROUP BY 1, 2, 3, 4 HAVING sum(n) <> 0
    )
    SELECT * FROM expected e FULL JOIN kept k USING (topic_id, country_code, month, status)
    WHERE e.n IS DISTINCT FROM k.n
    LIMIT 20`);
}

/** The advisory locks a writer tries before folding the facet counts' and the cube's logs. */
const FOLD_LOCKS = ['release_facet_count_compact', 'release_cube_count_compact'];
const CREATE = `mutation($input: PressReleaseInput!) { createPressRelease(input: $input) { id version } }`;
const input = (over: Record<string, unknown> = {}) => ({
  title: 'Foreign ministers of Iceland and Malta discuss fisheries',
  publishedAt: '2031-03-14T09:00:00Z',
  issuer: { name: 'Ministry of Foreign Affairs of Iceland', country: 'IS' },
  paragraphs: ['REYKJAVIK, March 14. The ministers met.', 'They discussed fisheries and energy.'],
  meetings: [
    {
      kind: 'BILATERAL_MEETING',
      participants: [
        { name: 'Facetcount Hostperson', role: 'Minister of Foreign Affairs of Iceland', roleKind: 'FOREIGN_MINISTER', country: 'IS', side: 'HOST' },
        { name: 'Facetcount Guestperson', role: 'Minister of Foreign Affairs of Malta', roleKind: 'FOREIGN_MINISTER', country: 'MT', side: 'GUEST' },
      ],
    },
  ],
  topics: ['energy', 'agriculture'],
  countries: ['IS', 'MT'],
  ...over,
});

/** The public's (or an editor's, with `statuses`) facet of one topic's releases, as the API gives it. */
async function topicFacets(topic: string, token?: string, statuses?: string[]) {
  const r = await server.gql(
    `query($f: PressReleaseFilter) { facets(filter: $f) {
      countries(limit: 500) { options { value count } missing } months(limit: 500) { options { value count } missing }
      people(limit: 500) { options { label count } missing } issuers(limit: 500) { options { value count } missing } } }`,
    { f: { topics: [topic], ...(statuses ? { status: statuses } : {}) } },
    token,
  );
  expect(r.errors).toBeUndefined();
  return r.data.facets;
}

it('holds the stored corpus, and the facets read from it are those of a count over the releases', async () => {
  expect([...(await drifted()), ...(await cubeDrifted())]).toEqual([]);
  const [{ n }] = await tdb.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM (SELECT topic_id FROM release_facet_total UNION ALL SELECT topic_id FROM release_facet_count) c WHERE topic_id <> 0`,
  );
  expect(n).toBeGreaterThan(0);
  const f = await topicFacets('energy');
  const countries = await tdb.query<{ value: string; count: number }>(`
    SELECT c::text AS value, count(*)::int AS count FROM press_release pr, unnest(pr.country_codes) c
    WHERE pr.status = 'PUBLISHED' AND pr.topic_ids @> ARRAY[(SELECT id FROM topic WHERE slug = 'energy')]
    GROUP BY 1 ORDER BY 2 DESC, 1`);
  expect([...f.countries.options].sort((a: any, b: any) => b.count - a.count || a.value.localeCompare(b.value))).toEqual(countries);
  const [months] = await tdb.query<{ n: number }>(`
    SELECT count(*)::int AS n FROM press_release pr
    WHERE pr.status = 'PUBLISHED' AND pr.topic_ids @> ARRAY[(SELECT id FROM topic WHERE slug = 'energy')]`);
  expect(f.months.options.reduce((s: number, o: { count: number }) => s + o.count, 0)).toBe(months.n);
});

it('answers a drill-down (a topic, a country, a year) from the cube as a count over the releases does', async () => {
  const r = await server.gql(`{ facets(filter: { topics: ["energy"], countries: ["AZ"], from: "2024-01-01", to: "2024-12-31" }) {
    topics(limit: 500) { options { value count } missing } countries(limit: 500) { options { value count } missing }
    months(limit: 500) { options { value count } missing } } }`);
  expect(r.errors).toBeUndefined();
  const f = r.data.facets;
  const energy = `(SELECT id FROM topic WHERE slug = 'energy')`;
  const year = `pr.published_at >= '2024-01-01T00:00:00Z' AND pr.published_at < '2025-01-01T00:00:00Z'`;
  const total = (facet: { options: { count: number }[]; missing: number }) => facet.options.reduce((s, o) => s + o.count, 0) + facet.missing;
  const [topics] = await tdb.query<{ n: number; releases: number }>(`
    SELECT count(*)::int AS releases, coalesce(sum(greatest(cardinality(topic_ids), 1)), 0)::int AS n FROM press_release pr
    WHERE pr.status = 'PUBLISHED' AND pr.country_codes && '{AZ}' AND ${year}`);
  expect(topics.releases).toBeGreaterThan(0);
  expect(total(f.topics)).toBe(topics.n);
  const [countries] = await tdb.query<{ n: number }>(`
    SELECT coalesce(sum(greatest(cardinality(country_codes), 1)), 0)::int AS n FROM press_release pr
    WHERE pr.status = 'PUBLISHED' AND pr.topic_ids @> ARRAY[${energy}] AND ${year}`);
  expect(total(f.countries)).toBe(countries.n);
  const months = await tdb.query<{ value: string; count: number }>(`
    SELECT to_char(pr.published_at AT TIME ZONE 'UTC', 'YYYY-MM') AS value, count(*)::int AS count FROM press_release pr
    WHERE pr.status = 'PUBLISHED' AND pr.topic_ids @> ARRAY[${energy}] AND pr.country_codes && '{AZ}' GROUP BY 1 ORDER BY 1`);
  expect(f.months.options).toEqual(months);
});

it('follows a draft, its publication, edits, retraction and deletion through the API', async () => {
  const before = await topicFacets('energy');
  const person = (f: any) => f.people.options.find((o: { label: string }) => o.label === 'Facetcount Hostperson')?.count ?? 0;
  const iceland = (f: any) => f.countries.options.find((o: { value: string }) => o.value === 'IS')?.count ?? 0;

  const created = await server.gql(CREATE, { input: input() }, editor);
  expect(created.errors).toBeUndefined();
  const id = created.data.createPressRelease.id;
  expect([...(await drifted()), ...(await cubeDrifted())]).toEqual([]);
  // A draft counts for editors who ask for drafts, not for the public.
  expect(person(await topicFacets('energy'))).toBe(0);
  expect(person(await topicFacets('energy', editor, ['DRAFT']))).toBe(1);

  expect((await server.gql(`mutation($id: ID!) { publishPressRelease(id: $id) { status } }`, { id }, editor)).errors).toBeUndefined();
  expect([...(await drifted()), ...(await cubeDrifted())]).toEqual([]);
  const published = await topicFacets('energy');
  expect(person(published)).toBe(1);
  expect(iceland(published)).toBe(iceland(before) + 1);

  // New topics, countries, date and meetings: the release leaves the energy slice for tourism.
  const edit = await server.gql(
    `mutation($id: ID!, $input: UpdatePressReleaseInput!) { updatePressRelease(id: $id, input: $input) { id } }`,
    { id, input: { topics: ['tourism'], countries: ['MT'], publishedAt: '2031-05-02T09:00:00Z', meetings: [] } },
    editor,
  );
  expect(edit.errors).toBeUndefined();
  expect([...(await drifted()), ...(await cubeDrifted())]).toEqual([]);
  expect(person(await topicFacets('energy'))).toBe(0);
  expect(iceland(await topicFacets('energy'))).toBe(iceland(before));
  const tourism = await topicFacets('tourism');
  expect(tourism.months.options.find((o: { value: string }) => o.value === '2031-05')?.count).toBe(1);
  // A topic's trend over whole months reads the same counts.
  const trend2031 = async () =>
    (await server.gql(`{ topic(slug: "tourism") { trend(interval: MONTH, from: "2031-05-01", to: "2031-06-30") { period count } } }`)).data.topic.trend;
  expect(await trend2031()).toEqual([{ period: '2031-05', count: 1 }, { period: '2031-06', count: 0 }]);

  const retracted = await server.gql(`mutation($id: ID!) { retractPressRelease(id: $id, reason: "test") { status } }`, { id }, editor);
  expect(retracted.errors).toBeUndefined();
  expect([...(await drifted()), ...(await cubeDrifted())]).toEqual([]);
  expect((await topicFacets('tourism')).months.options.find((o: { value: string }) => o.value === '2031-05')).toBeUndefined();
  expect(await trend2031()).toEqual([{ period: '2031-05', count: 0 }, { period: '2031-06', count: 0 }]);
  const asEditor = await topicFacets('tourism', editor, ['RETRACTED']);
  expect(asEditor.months.options.find((o: { value: string }) => o.value === '2031-05')?.count).toBe(1);

  expect((await server.gql(`mutation($id: ID!) { deletePressRelease(id: $id) }`, { id }, ADMIN_TOKEN)).errors).toBeUndefined();
  expect([...(await drifted()), ...(await cubeDrifted())]).toEqual([]);
  expect((await topicFacets('tourism', editor, ['RETRACTED'])).months.options.find((o: { value: string }) => o.value === '2031-05')).toBeUndefined();
});

it('follows an ingest from text and a merge of two people', async () => {
  const r = await server.gql(
    `mutation($input: IngestPressReleaseInput!) { ingestPressRelease(input: $input) { release { id } } }`,
    { input: { text: REFERENCE, sourceName: 'Trend', year: 2025 } },
    editor,
  );
  expect(r.errors).toBeUndefined();
  expect([...(await drifted()), ...(await cubeDrifted())]).toEqual([]);

  const a = await server.gql(CREATE, { input: input({ title: 'Merge one', publish: true, paragraphs: ['Merge test one of the facet counts.'] }) }, editor);
  const b = await server.gql(
    CREATE,
    { input: input({ title: 'Merge two', publish: true, paragraphs: ['Merge test two of the facet counts.'], meetings: [{ kind: 'PHONE_CALL', participants: [{ name: 'F. Hostperson', role: 'Minister', roleKind: 'FOREIGN_MINISTER', country: 'IS' }] }] }) },
    editor,
  );
  expect(a.errors).toBeUndefined();
  expect(b.errors).toBeUndefined();
  const people = await server.gql(`{ a: people(search: "Facetcount Hostperson") { edges { node { id } } } b: people(search: "F. Hostperson") { edges { node { id } } } }`, {}, editor);
  const keep = people.data.a.edges[0].node.id;
  const remove = people.data.b.edges.find((e: { node: { id: string } }) => e.node.id !== keep).node.id;
  const merged = await server.gql(`mutation($k: ID!, $r: ID!) { mergePeople(keep: $k, remove: $r) { id } }`, { k: keep, r: remove }, ADMIN_TOKEN);
  expect(merged.errors).toBeUndefined();
  expect([...(await drifted()), ...(await cubeDrifted())]).toEqual([]);
});

it('follows bulk SQL writes, and folding the log changes no total', async () => {
  // No writer folds meanwhile: the writes' rows are in the logs for the fold below to fold.
  const folds = await holdFoldLocks(tdb.url, FOLD_LOCKS);
  await tdb.execute(`UPDATE press_release SET status = 'DRAFT' WHERE id % 3 = 0 AND status = 'PUBLISHED'`);
  await tdb.execute(`DELETE FROM release_topic WHERE press_release_id % 5 = 0`);
  await tdb.execute(`UPDATE press_release SET issuer_country_code = NULL WHERE id % 7 = 0`);
  await folds.release();
  expect([...(await drifted()), ...(await cubeDrifted())]).toEqual([]);
  const [before] = await tdb.query<{ rows: number }>(`SELECT count(*)::int AS rows FROM release_facet_count`);
  expect(before.rows).toBeGreaterThan(0);
  await tdb.execute(`SELECT release_facet_count_compact()`);
  await tdb.execute(`SELECT release_cube_count_compact()`);
  expect([...(await drifted()), ...(await cubeDrifted())]).toEqual([]);
  // Folded: the logs are empty, the totals one row per option (their primary key), none of them zero.
  const [after] = await tdb.query<{ log: number; cubeLog: number; zero: number }>(`
    SELECT (SELECT count(*) FROM release_facet_count)::int AS log, (SELECT count(*) FROM release_cube_count)::int AS "cubeLog",
      ((SELECT count(*) FROM release_facet_total WHERE n = 0) + (SELECT count(*) FROM release_cube_total WHERE n = 0))::int AS zero`);
  expect(after).toEqual({ log: 0, cubeLog: 0, zero: 0 });
  await tdb.execute(`UPDATE press_release SET status = 'PUBLISHED' WHERE status = 'DRAFT' AND id % 3 = 0`);
  expect([...(await drifted()), ...(await cubeDrifted())]).toEqual([]);
});

it('lets two writers count at once: neither waits for the other to commit', async () => {
  const [pr] = await tdb.query<{ id: number }>(`SELECT id FROM press_release WHERE status = 'PUBLISHED' AND cardinality(topic_ids) > 0 ORDER BY id LIMIT 1`);
  const [other] = await tdb.query<{ id: number }>(`SELECT id FROM press_release WHERE id <> $1 AND topic_ids && (SELECT topic_ids FROM press_release WHERE id = $1) ORDER BY id LIMIT 1`, pr.id);
  const a = new Client({ connectionString: tdb.url });
  const b = new Client({ connectionString: tdb.url });
  await a.connect();
  await b.connect();
  try {
    await a.query('BEGIN');
    await a.query(`UPDATE press_release SET status = 'RETRACTED', retraction_reason = 'a' WHERE id = $1`, [pr.id]);
    // b changes the same options (same status, shared topic) while a is open: it must not wait on a.
    await b.query(`SET lock_timeout = '2s'`);
    await b.query(`UPDATE press_release SET status = 'RETRACTED', retraction_reason = 'b' WHERE id = $1`, [other.id]);
    await a.query('ROLLBACK');
    await b.query(`UPDATE press_release SET status = 'PUBLISHED', retraction_reason = NULL WHERE id = $1`, [other.id]);
  } finally {
    await a.end();
    await b.end();
  }
  expect([...(await drifted()), ...(await cubeDrifted())]).toEqual([]);
});

it('folds the logs into the totals while another writer is open: its rows stay in the log, counted once', async () => {
  const [pr] = await tdb.query<{ id: number }>(`SELECT id FROM press_release WHERE status = 'PUBLISHED' AND cardinality(topic_ids) > 0 ORDER BY id LIMIT 1`);
  await tdb.execute(`UPDATE press_release SET issuer_country_code = 'MT' WHERE id % 4 = 1`);
  const a = new Client({ connectionString: tdb.url });
  await a.connect();
  try {
    // a's statement does not fold its own rows (the locks are held while it runs): they stay open in the log.
    const folds = await holdFoldLocks(tdb.url, FOLD_LOCKS);
    await a.query('BEGIN');
    await a.query(`UPDATE press_release SET status = 'RETRACTED', retraction_reason = 'a' WHERE id = $1`, [pr.id]);
    await folds.release();
    const [{ open }] = await a.query(`SELECT count(*)::int AS open FROM release_facet_count`).then((r) => r.rows);
    expect(open).toBeGreaterThan(0);
    // The end of a bulk load: both logs folded (the open transaction holds no fold lock).
    await tdb.execute(`SELECT count_logs_fold()`);
    const [left] = await tdb.query<{ n: number }>(`SELECT (SELECT count(*) FROM release_facet_count) + (SELECT count(*) FROM release_cube_count) AS n`);
    expect(Number(left.n)).toBe(0);
    await a.query('COMMIT');
  } finally {
    await a.end();
  }
  // The open writer's rows were not seen by the fold: they are in the log now, and every total holds.
  const [{ n }] = await tdb.query<{ n: number }>(`SELECT count(*)::int AS n FROM release_facet_count`);
  expect(n).toBeGreaterThan(0);
  expect([...(await drifted()), ...(await cubeDrifted())]).toEqual([]);
  // A second fold adds them to the totals in place: still one row per option.
  await tdb.execute(`SELECT count_logs_fold()`);
  expect([...(await drifted()), ...(await cubeDrifted())]).toEqual([]);
  const facets = await topicFacets('energy', editor, ['RETRACTED']);
  const [retracted] = await tdb.query<{ n: number }>(`
    SELECT count(*)::int AS n FROM press_release WHERE status = 'RETRACTED' AND topic_ids @> ARRAY[(SELECT id FROM topic WHERE slug = 'energy')]`);
  expect(facets.months.options.reduce((s: number, o: { count: number }) => s + o.count, 0)).toBe(retracted.n);
});

it('folds a log in the statement that appends 20,000 rows or more to it', async () => {
  await tdb.execute(`SELECT count_logs_fold()`);
  const c = new Client({ connectionString: tdb.url });
  await c.connect();
  try {
    // Rolled back: 20,000 made-up people of drafts (only the people facet emitted), appended in one call.
    const add = (people: number) => c.query(`SELECT release_facet_count_add(ARRAY(
      SELECT ROW(1, 'DRAFT', NULL, now(), '{}', '{}', '{}', ARRAY[-g], '{}', ARRAY['people'])::release_facet_source
      FROM generate_series(1, $1::int) g))`, [people]);
    const rows = async () => (await c.query(`SELECT (SELECT count(*) FROM release_facet_count)::int AS log,
      (SELECT count(*) FROM release_facet_total WHERE key LIKE '-%')::int AS total,
      (SELECT coalesce(sum(n), 0) FROM release_facet_total WHERE key LIKE '-%')::int AS counted`)).rows[0];
    await c.query('BEGIN');
    await add(3);
    // Three rows appended (the whole archive's people facet), folded with a chance of 3 in 20,000.
    const few = await rows();
    expect(few.log + few.total).toBe(3);
    // 20,000 more: folded in the same call, the three people's rows updated in place (one row each).
    await add(20000);
    expect(await rows()).toEqual({ log: 0, total: 20000, counted: 20003 });
    await c.query('ROLLBACK');
  } finally {
    await c.end();
  }
});
