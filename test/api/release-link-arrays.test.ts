// The link arrays on a release row (migration release_link_arrays) are derived from the link
// tables by triggers. After any insert, update or delete of a link, of a meeting or of a
// participant, and after a release is deleted, every release's arrays must equal what its links say.
import { createTestDatabase, type TestDatabase } from '../support/db';

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase('corpus');
});
afterAll(async () => {
  await tdb?.drop();
});


/** Releases whose stored arrays differ from their links, recomputed here independently. */
async function drifted(): Promise<number[]> {
  const rows = await tdb.query<{ id: number }>(`
    SELECT pr.id FROM press_release pr
    WHERE pr.topic_ids IS DISTINCT FROM ARRAY(SELECT topic_id FROM release_topic WHERE press_release_id = pr.id ORDER BY 1)
       OR pr.country_codes IS DISTINCT FROM ARRAY(SELECT country_code FROM release_country WHERE press_release_id = pr.id ORDER BY 1)
       OR pr.initiative_ids IS DISTINCT FROM ARRAY(SELECT DISTINCT initiative_id FROM initiative_mention WHERE press_release_id = pr.id ORDER BY 1)
       OR pr.person_ids IS DISTINCT FROM ARRAY(SELECT DISTINCT p.person_id FROM meeting m JOIN participant p ON p.meeting_id = m.id
                                               WHERE m.press_release_id = pr.id ORDER BY 1)
       OR pr.meeting_kinds IS DISTINCT FROM ARRAY(SELECT DISTINCT kind FROM meeting WHERE press_release_id = pr.id ORDER BY 1)
    ORDER BY 1`);
  return rows.map((r) => r.id);
}

async function arrays(id: number) {
  const [row] = await tdb.query<{ topics: number[]; countries: string[]; initiatives: number[]; people: number[]; kinds: string[] }>(
    `SELECT topic_ids AS topics, country_codes::text[] AS countries, initiative_ids AS initiatives, person_ids AS people,
            meeting_kinds::text[] AS kinds
     FROM press_release WHERE id = $1`,
    id,
  );
  return row;
}

/** A release with a meeting that has participants, and one other release. */
async function pick() {
  const [a] = await tdb.query<{ id: number; meeting_id: number }>(`
    SELECT m.press_release_id AS id, m.id AS meeting_id FROM meeting m
    WHERE EXISTS (SELECT 1 FROM participant p WHERE p.meeting_id = m.id)
      AND EXISTS (SELECT 1 FROM initiative_mention im WHERE im.press_release_id = m.press_release_id)
    ORDER BY m.id LIMIT 1`);
  const [b] = await tdb.query<{ id: number }>(`SELECT id FROM press_release WHERE id <> $1 ORDER BY id LIMIT 1`, a.id);
  return { a: a.id, meetingId: a.meeting_id, b: b.id };
}

test('the stored corpus has arrays that match its links, and they are not all empty', async () => {
  expect(await drifted()).toEqual([]);
  const [n] = await tdb.query<{ topics: number; people: number; kinds: number }>(`
    SELECT count(*) FILTER (WHERE cardinality(topic_ids) > 0)::int AS topics,
           count(*) FILTER (WHERE cardinality(person_ids) > 0)::int AS people,
           count(*) FILTER (WHERE cardinality(meeting_kinds) > 0)::int AS kinds FROM press_release`);
  expect(n.topics).toBeGreaterThan(0);
  expect(n.people).toBeGreaterThan(0);
  expect(n.kinds).toBeGreaterThan(0);
});

test('topics and countries follow inserts, updates and deletes of their links', async () => {
  const { a, b } = await pick();
  const [t] = await tdb.query<{ id: number }>(
    `SELECT id FROM topic WHERE id NOT IN (SELECT topic_id FROM release_topic WHERE press_release_id = $1) ORDER BY id LIMIT 1`,
    a,
  );
  await tdb.execute(`INSERT INTO release_topic (press_release_id, topic_id) VALUES ($1, $2), ($3, $2) ON CONFLICT DO NOTHING`, a, t.id, b);
  expect((await arrays(a)).topics).toContain(t.id);
  expect((await arrays(b)).topics).toContain(t.id);
  // An update that moves a link from one release to another changes both.
  await tdb.execute(`DELETE FROM release_topic WHERE press_release_id = $1 AND topic_id = $2`, b, t.id);
  await tdb.execute(`UPDATE release_topic SET press_release_id = $2 WHERE press_release_id = $1 AND topic_id = $3`, a, b, t.id);
  expect((await arrays(a)).topics).not.toContain(t.id);
  expect((await arrays(b)).topics).toContain(t.id);
  await tdb.execute(`DELETE FROM release_topic WHERE topic_id = $1 AND press_release_id = $2`, t.id, b);
  expect((await arrays(b)).topics).not.toContain(t.id);

  await tdb.execute(`INSERT INTO release_country (press_release_id, country_code) VALUES ($1, 'IS') ON CONFLICT DO NOTHING`, a);
  expect((await arrays(a)).countries).toContain('IS');
  await tdb.execute(`UPDATE release_country SET country_code = 'NO' WHERE press_release_id = $1 AND country_code = 'IS'`, a);
  expect((await arrays(a)).countries).toContain('NO');
  expect((await arrays(a)).countries).not.toContain('IS');
  await tdb.execute(`DELETE FROM release_country WHERE press_release_id = $1 AND country_code = 'NO'`, a);
  expect((await arrays(a)).countries).not.toContain('NO');
  expect(await drifted()).toEqual([]);
});

test('initiatives, people and meeting kinds follow mentions, participants and meetings', async () => {
  const { a, meetingId, b } = await pick();
  const before = await arrays(a);

  // A mention of an initiative the release already mentions twice still lists it once.
  const [im] = await tdb.query<{ initiative_id: number }>(`SELECT initiative_id FROM initiative_mention WHERE press_release_id = $1 LIMIT 1`, a);
  await tdb.execute(`INSERT INTO initiative_mention (initiative_id, press_release_id, sentence) VALUES ($1, $2, 'again')`, im.initiative_id, a);
  expect((await arrays(a)).initiatives).toEqual(before.initiatives);
  await tdb.execute(`INSERT INTO initiative_mention (initiative_id, press_release_id, sentence) VALUES ($1, $2, 'moved')`, im.initiative_id, b);
  expect((await arrays(b)).initiatives).toContain(im.initiative_id);
  await tdb.execute(`DELETE FROM initiative_mention WHERE press_release_id = $1 AND sentence = 'moved'`, b);
  expect(await drifted()).toEqual([]);

  // A new meeting of another kind, with a participant taken from elsewhere.
  const [person] = await tdb.query<{ id: number }>(
    `SELECT id FROM person WHERE id NOT IN (SELECT unnest(person_ids) FROM press_release WHERE id IN ($1, $2)) ORDER BY id LIMIT 1`,
    a,
    b,
  );
  const [kind] = await tdb.query<{ kind: string }>(
    `SELECT k::text AS kind FROM unnest(enum_range(NULL::"MeetingKind")) k
     WHERE NOT ARRAY[k] <@ (SELECT meeting_kinds FROM press_release WHERE id = $1) LIMIT 1`,
    a,
  );
  const [m] = await tdb.query<{ id: number }>(
    `INSERT INTO meeting (press_release_id, position, kind, date) VALUES ($1, 99, $2::"MeetingKind", '2024-01-01') RETURNING id`,
    a,
    kind.kind,
  );
  expect((await arrays(a)).kinds).toContain(kind.kind);
  await tdb.execute(
    `INSERT INTO participant (meeting_id, person_id, position, role, role_kind)
     SELECT $1, $2, 0, p.role, p.role_kind FROM participant p LIMIT 1`,
    m.id,
    person.id,
  );
  expect((await arrays(a)).people).toContain(person.id);
  // A participant moved to a meeting of another release.
  const [mb] = await tdb.query<{ id: number }>(
    `INSERT INTO meeting (press_release_id, position, kind, date) VALUES ($1, 99, $2::"MeetingKind", '2024-01-01') RETURNING id`,
    b,
    kind.kind,
  );
  await tdb.execute(`UPDATE participant SET meeting_id = $2 WHERE meeting_id = $1 AND person_id = $3`, m.id, mb.id, person.id);
  expect((await arrays(a)).people).not.toContain(person.id);
  expect((await arrays(b)).people).toContain(person.id);
  // Deleting a meeting takes its participants (cascade) and its kind out of the release's arrays.
  await tdb.execute(`DELETE FROM meeting WHERE id = $1`, mb.id);
  expect((await arrays(b)).people).not.toContain(person.id);
  expect(await drifted()).toEqual([]);
  await tdb.execute(`DELETE FROM meeting WHERE id = $1`, m.id);
  expect(await arrays(a)).toEqual(before);
  // The release's first meeting goes: its participants and the mentions' meeting (set null) follow.
  await tdb.execute(`DELETE FROM meeting WHERE id = $1`, meetingId);
  expect(await drifted()).toEqual([]);
});

test('a release deleted with its links leaves every other release consistent; a bulk statement over many releases too', async () => {
  const { a } = await pick();
  await tdb.execute(`DELETE FROM press_release WHERE id = $1`, a);
  expect(await tdb.query(`SELECT 1 FROM press_release WHERE id = $1`, a)).toEqual([]);
  expect(await drifted()).toEqual([]);

  const [t] = await tdb.query<{ id: number }>(`SELECT id FROM topic ORDER BY id DESC LIMIT 1`);
  await tdb.execute(`INSERT INTO release_topic (press_release_id, topic_id) SELECT id, $1 FROM press_release ON CONFLICT DO NOTHING`, t.id);
  const [n] = await tdb.query<{ n: number }>(`SELECT count(*)::int AS n FROM press_release WHERE NOT topic_ids @> ARRAY[$1::int]`, t.id);
  expect(n.n).toBe(0);
  await tdb.execute(`DELETE FROM release_topic WHERE topic_id = $1`, t.id);
  expect(await drifted()).toEqual([]);
});
