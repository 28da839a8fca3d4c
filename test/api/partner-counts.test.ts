// The partner counts kept by triggers (migration partner_counts) must always equal a count over the
// meetings of published releases: after writes through the API (a draft, its publication, an edit
// of its meetings, a retraction, a deletion), after SQL writes to participants, meeting topics and
// meetings, and after the logs are folded. Country.partners reads them.
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { startTestServer, type TestServer, newApiKey } from '../support/server';

const ADMIN_TOKEN = 'partner-counts-admin-token-0123456789';
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


/** Rows where the kept counts and a count over the published meetings differ (written here independently). */
async function drifted(): Promise<unknown[]> {
  return tdb.query(`
    WITH mc AS (
      SELECT m.id, m.date, ARRAY(SELECT DISTINCT p.country_code FROM participant p WHERE p.meeting_id = m.id AND p.country_code IS NOT NULL) AS codes
      FROM meeting m JOIN press_release pr ON pr.id = m.press_release_id WHERE pr.status = 'PUBLISHED'
    ), expected_day AS (
      SELECT a, b, mc.date AS day, count(*)::int AS n FROM mc, unnest(mc.codes) a, unnest(mc.codes) b WHERE a <> b GROUP BY 1, 2, 3
    ), kept_day AS (
      SELECT country_code AS a, partner_code AS b, day, sum(n)::int AS n FROM partner_day GROUP BY 1, 2, 3 HAVING sum(n) <> 0
    ), expected_topic AS (
      SELECT a, b, mt.topic_id, count(*)::int AS n FROM mc JOIN meeting_topic mt ON mt.meeting_id = mc.id, unnest(mc.codes) a, unnest(mc.codes) b
      WHERE a <> b GROUP BY 1, 2, 3
      UNION ALL -- topic 0: every meeting of the pair
      SELECT a, b, 0, count(*)::int FROM mc, unnest(mc.codes) a, unnest(mc.codes) b WHERE a <> b GROUP BY 1, 2
    ), kept_topic AS (
      SELECT country_code AS a, partner_code AS b, topic_id, sum(n)::int AS n FROM partner_topic GROUP BY 1, 2, 3 HAVING sum(n) <> 0
    )
    SELECT 'day' AS what, a, b, day::text AS at, e.n AS expected, k.n AS kept FROM expected_day e FULL JOIN kept_day k USING (a, b, day)
    WHERE e.n IS DISTINCT FROM k.n
    UNION ALL
    SELECT 'topic', a, b, topic_id::text, e.n, k.n FROM expected_topic e FULL JOIN kept_topic k USING (a, b, topic_id)
    WHERE e.n IS DISTINCT FROM k.n
    LIMIT 20`);
}

const partnersOf = async (code: string) =>
  (await server.gql(`{ country(code: "${code}") { partners(first: 100) { country { code } meetingCount lastMeeting topTopics { slug } } } }`)).data.country.partners;

const meeting = (day: string, countries: string[]) => ({
  kind: 'BILATERAL_MEETING',
  date: day,
  participants: countries.map((c, i) => ({ name: `Partnercount Person ${c}${i}`, role: 'Minister of Foreign Affairs', roleKind: 'FOREIGN_MINISTER', country: c })),
});

it('holds the stored corpus', async () => {
  expect(await drifted()).toEqual([]);
  const [{ n }] = await tdb.query<{ n: number }>(`SELECT count(*)::int AS n FROM partner_day`);
  expect(n).toBeGreaterThan(0);
});

it('follows a draft, its publication, an edit of its meetings, a retraction and a deletion', async () => {
  const created = await server.gql(
    `mutation($input: PressReleaseInput!) { createPressRelease(input: $input) { id } }`,
    {
      input: {
        title: 'Iceland and Malta meet on fisheries',
        publishedAt: '2031-03-14T09:00:00Z',
        paragraphs: ['The ministers of Iceland and Malta met on fisheries.'],
        meetings: [meeting('2031-03-14', ['IS', 'MT'])],
        topics: ['agriculture'],
      },
    },
    editor,
  );
  expect(created.errors).toBeUndefined();
  const id = created.data.createPressRelease.id;
  expect(await drifted()).toEqual([]);
  expect(await partnersOf('IS')).toEqual([]);

  expect((await server.gql(`mutation($id: ID!) { publishPressRelease(id: $id) { status } }`, { id }, editor)).errors).toBeUndefined();
  expect(await drifted()).toEqual([]);
  expect(await partnersOf('IS')).toEqual([{ country: { code: 'MT' }, meetingCount: 1, lastMeeting: '2031-03-14', topTopics: [{ slug: 'agriculture' }] }]);

  const edit = await server.gql(
    `mutation($id: ID!, $input: UpdatePressReleaseInput!) { updatePressRelease(id: $id, input: $input) { id } }`,
    { id, input: { meetings: [meeting('2031-03-15', ['IS', 'MT', 'NO']), meeting('2031-03-16', ['IS', 'NO'])], topics: ['energy'] } },
    editor,
  );
  expect(edit.errors).toBeUndefined();
  expect(await drifted()).toEqual([]);
  expect(await partnersOf('IS')).toEqual([
    { country: { code: 'NO' }, meetingCount: 2, lastMeeting: '2031-03-16', topTopics: [{ slug: 'energy' }] },
    { country: { code: 'MT' }, meetingCount: 1, lastMeeting: '2031-03-15', topTopics: [{ slug: 'energy' }] },
  ]);

  expect((await server.gql(`mutation($id: ID!) { retractPressRelease(id: $id, reason: "test") { status } }`, { id }, editor)).errors).toBeUndefined();
  expect(await drifted()).toEqual([]);
  expect(await partnersOf('IS')).toEqual([]);

  expect((await server.gql(`mutation($id: ID!) { deletePressRelease(id: $id) }`, { id }, ADMIN_TOKEN)).errors).toBeUndefined();
  expect(await drifted()).toEqual([]);

  // A published release deleted: its meetings stop counting.
  const other = await server.gql(
    `mutation($input: PressReleaseInput!) { createPressRelease(input: $input) { id } }`,
    {
      input: {
        title: 'Iceland and Norway meet',
        publishedAt: '2031-04-02T09:00:00Z',
        paragraphs: ['The ministers of Iceland and Norway met.'],
        meetings: [meeting('2031-04-02', ['IS', 'NO'])],
        publish: true,
      },
    },
    editor,
  );
  expect(other.errors).toBeUndefined();
  expect(await partnersOf('NO')).toEqual([{ country: { code: 'IS' }, meetingCount: 1, lastMeeting: '2031-04-02', topTopics: [] }]);
  expect((await server.gql(`mutation($id: ID!) { deletePressRelease(id: $id) }`, { id: other.data.createPressRelease.id }, ADMIN_TOKEN)).errors).toBeUndefined();
  expect(await drifted()).toEqual([]);
  expect(await partnersOf('NO')).toEqual([]);
});

it('follows SQL writes to participants, meeting topics and meetings, and folding changes no total', async () => {
  const [m] = await tdb.query<{ id: number; release: number }>(`
    SELECT m.id, m.press_release_id AS release FROM meeting m JOIN press_release pr ON pr.id = m.press_release_id
    WHERE pr.status = 'PUBLISHED' AND (SELECT count(DISTINCT country_code) FROM participant WHERE meeting_id = m.id) >= 2
    ORDER BY m.id LIMIT 1`);
  await tdb.execute(`UPDATE participant SET country_code = 'IS' WHERE meeting_id = $1 AND id = (SELECT min(id) FROM participant WHERE meeting_id = $1)`, m.id);
  expect(await drifted()).toEqual([]);
  await tdb.execute(`DELETE FROM meeting_topic WHERE meeting_id IN (SELECT id FROM meeting WHERE id % 4 = 0)`);
  await tdb.execute(`UPDATE meeting SET date = date - 400 WHERE id % 3 = 0`);
  expect(await drifted()).toEqual([]);
  await tdb.execute(`UPDATE press_release SET status = 'DRAFT' WHERE id % 5 = 0 AND status = 'PUBLISHED'`);
  await tdb.execute(`DELETE FROM participant WHERE meeting_id % 7 = 0`);
  await tdb.execute(`DELETE FROM meeting WHERE id % 11 = 0`);
  expect(await drifted()).toEqual([]);
  await tdb.execute(`SELECT partner_counts_compact()`);
  await tdb.execute(`SELECT partner_topics_compact()`);
  expect(await drifted()).toEqual([]);
  const [folded] = await tdb.query<{ rows: number; keys: number }>(
    `SELECT count(*)::int AS rows, count(DISTINCT (country_code, partner_code, day))::int AS keys FROM partner_day`,
  );
  expect(folded.rows).toBe(folded.keys);
  await tdb.execute(`UPDATE press_release SET status = 'PUBLISHED' WHERE status = 'DRAFT' AND id % 5 = 0`);
  expect(await drifted()).toEqual([]);
});

it('counts two transactions that change one meeting at once, each on top of the other', async () => {
  const [m] = await tdb.query<{ id: number }>(`
    SELECT m.id FROM meeting m JOIN press_release pr ON pr.id = m.press_release_id
    WHERE pr.status = 'PUBLISHED' AND EXISTS (SELECT 1 FROM participant p WHERE p.meeting_id = m.id AND p.country_code IS NOT NULL)
    ORDER BY m.id DESC LIMIT 1`);
  const [people] = await tdb.query<{ a: number; b: number }>(`
    SELECT min(id)::int AS a, max(id)::int AS b FROM (
      SELECT id FROM person WHERE id NOT IN (SELECT person_id FROM participant WHERE meeting_id = $1) ORDER BY id LIMIT 2) x`, m.id);
  const insert = `INSERT INTO participant (meeting_id, person_id, position, role, role_kind, country_code) VALUES ($1, $2, 90 + $2 % 5, 'Minister', 'FOREIGN_MINISTER', $3)`;
  const a = new Client({ connectionString: tdb.url });
  const b = new Client({ connectionString: tdb.url });
  await a.connect();
  await b.connect();
  try {
    await a.query('BEGIN');
    await a.query(insert, [m.id, people.a, 'FO']);
    // b adds another country to the same meeting while a is open: it waits for a, then counts both.
    const second = b.query(insert, [m.id, people.b, 'GL']);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await a.query('COMMIT');
    await second;
  } finally {
    await a.end();
    await b.end();
  }
  expect(await drifted()).toEqual([]);
  expect((await partnersOf('FO')).map((p: { country: { code: string } }) => p.country.code)).toContain('GL');
});

it('counts again from scratch after a table it follows is truncated', async () => {
  await tdb.execute(`TRUNCATE meeting_topic`);
  expect(await drifted()).toEqual([]);
  const [{ n }] = await tdb.query<{ n: number }>(`SELECT count(*)::int AS n FROM partner_topic WHERE topic_id <> 0`);
  expect(n).toBe(0);
});
