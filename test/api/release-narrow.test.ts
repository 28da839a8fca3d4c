// The narrow copy of the releases (migration release_narrow_search) is kept by triggers on
// press_release. After any insert, update (text, status, date, links, id) or delete, and after a
// truncation, every release must have exactly one narrow row equal to it, `match` included (its
// lexemes and side-by-side pairs, recomputed here independently of the migration's function).
// And a search over `match` must find exactly the releases the search vector matches. The entries
// of `match` by lexeme (release_lexeme) follow the narrow rows of the published releases.
import { Client } from 'pg';
import { Prisma } from '../../src/generated/prisma/client';
import { createTestDatabase, holdFoldLocks, type TestDatabase } from '../support/db';
import { storeRelease, type ReleaseDraft } from '../../src/domain/store-release';
import { releaseDraft } from '../support/release-draft';
import { narrowSearchMatchSql } from '../../src/read/release-conditions';

let tdb: TestDatabase;
beforeAll(async () => {
  tdb = await createTestDatabase('corpus');
});
afterAll(async () => {
  await tdb?.drop();
});


const draft = (over: Partial<ReleaseDraft>): ReleaseDraft => releaseDraft({ publishedAt: new Date('2024-05-01T10:00:00Z'), ...over });

/** Releases whose narrow row is missing, extra or different from the release, `match` recomputed by a self-join of positions. */
async function drifted(): Promise<number[]> {
  const rows = await tdb.query<{ id: number }>(`
    SELECT coalesce(pr.id, n.id) AS id FROM press_release pr FULL JOIN release_narrow n ON n.id = pr.id
    WHERE pr.id IS NULL OR n.id IS NULL
       OR (pr.status, pr.published_at, pr.language, pr.issuer_country_code, pr.topic_ids, pr.country_codes,
           pr.initiative_ids, pr.person_ids, pr.meeting_kinds)
          IS DISTINCT FROM (n.status, n.published_at, n.language, n.issuer_country_code, n.topic_ids, n.country_codes,
           n.initiative_ids, n.person_ids, n.meeting_kinds)
       OR n.match IS DISTINCT FROM array_to_tsvector(ARRAY(
            SELECT u.lexeme FROM unnest(pr.search_vector) u
            UNION
            SELECT a.lexeme || ' ' || b.lexeme
            FROM (SELECT u.lexeme, p FROM unnest(pr.search_vector) u, unnest(u.positions) p) a
            JOIN (SELECT u.lexeme, p FROM unnest(pr.search_vector) u, unnest(u.positions) p) b ON b.p = a.p + 1))
    ORDER BY 1`);
  // A lexeme count off shows as id -1.
  const counts = (await countsDrifted()).length ? [-1] : [];
  return [...new Set([...rows.map((r) => r.id), ...(await lexemesDrifted()), ...counts])].sort((x, y) => x - y);
}

/**
 * Releases whose entries in release_lexeme (migration release_lexeme) are missing, extra,
 * repeated or carry other country codes than the release: a published release has one row per
 * entry of its narrow row's `match`, with its codes, others none.
 */
async function lexemesDrifted(): Promise<number[]> {
  const rows = await tdb.query<{ id: number }>(`
    SELECT coalesce(l.id, e.id) AS id FROM release_lexeme l FULL JOIN (
      SELECT x.l AS lexeme, n.published_at, n.id, n.country_codes FROM release_narrow n, unnest(tsvector_to_array(n.match)) x(l)
      WHERE n.status = 'PUBLISHED') e ON e.lexeme = l.lexeme AND e.published_at = l.published_at AND e.id = l.id
    -- Each entry carries its release's country codes (migration release_lexeme_countries).
    WHERE l.id IS NULL OR e.id IS NULL OR l.country_codes IS DISTINCT FROM e.country_codes
    UNION
    -- Its stored rank is ts_rank_cd of the release's vector for the query the entry stands for.
    SELECT l.id FROM release_lexeme l JOIN press_release pr ON pr.id = l.id
    WHERE l.rank IS DISTINCT FROM ts_rank_cd(pr.search_vector, CASE WHEN l.lexeme ~ '^[^ ]+ [^ ]+$'
      THEN tsquery_phrase(quote_literal(split_part(l.lexeme, ' ', 1))::tsquery, quote_literal(split_part(l.lexeme, ' ', 2))::tsquery)
      ELSE quote_literal(l.lexeme)::tsquery END)
      AND l.lexeme !~ '[''\\\\]'
    UNION
    SELECT id FROM release_lexeme GROUP BY lexeme, published_at, id HAVING count(*) > 1`);
  return rows.map((r) => r.id);
}

/**
 * Lexemes whose kept count (release_lexeme_count, a log of changes) is not their number of rows in
 * release_lexeme, and (lexeme, country) pairs whose kept count (release_lexeme_country_total plus
 * its log, migration release_lexeme_country_counts) is not the number of the lexeme's rows whose
 * codes hold the country.
 */
async function countsDrifted(): Promise<string[]> {
  const rows = await tdb.query<{ lexeme: string }>(`
    SELECT coalesce(a.lexeme, k.lexeme) AS lexeme
    FROM (SELECT lexeme, count(*)::int AS n FROM release_lexeme GROUP BY lexeme) a
    FULL JOIN (SELECT lexeme, sum(n)::int AS n FROM release_lexeme_count GROUP BY lexeme HAVING sum(n) <> 0) k ON k.lexeme = a.lexeme
    WHERE a.n IS DISTINCT FROM k.n
    UNION ALL
    SELECT coalesce(a.lexeme, k.lexeme) || ' @' || coalesce(a.code, k.code)
    FROM (SELECT l.lexeme, c.code, count(*)::int AS n FROM release_lexeme l
          JOIN LATERAL (SELECT DISTINCT x::text AS code FROM unnest(l.country_codes) x) c ON TRUE GROUP BY 1, 2) a
    FULL JOIN (SELECT lexeme, country_code::text AS code, sum(n)::int AS n FROM (
                 SELECT lexeme, country_code, n FROM release_lexeme_country_total
                 UNION ALL SELECT lexeme, country_code, n FROM release_lexeme_country_count) u
               GROUP BY 1, 2 HAVING sum(n) <> 0) k ON k.lexeme = a.lexeme AND k.code = a.code
    WHERE a.n IS DISTINCT FROM k.n
    ORDER BY 1`);
  return rows.map((r) => r.lexeme);
}

async function narrowCount(): Promise<number> {
  const [r] = await tdb.query<{ n: number }>(`SELECT count(*)::int AS n FROM release_narrow`);
  return r.n;
}

test('the stored corpus has a narrow row per release, equal to it', async () => {
  const [n] = await tdb.query<{ n: number }>(`SELECT count(*)::int AS n FROM press_release`);
  expect(n.n).toBeGreaterThan(0);
  expect(await narrowCount()).toBe(n.n);
  expect(await drifted()).toEqual([]);
});

test('inserts, edits of text, status, date and links, a changed id and deletes keep it equal', async () => {
  // No writer folds the lexeme counts' log in this test: its rows are there for the fold at the end.
  const folds = await holdFoldLocks(tdb.url, ['release_lexeme_count_compact']);
  const aId = await storeRelease(
    tdb.db,
    draft({ title: 'Ministers open the green corridor', paragraphs: ['Green energy and the middle corridor were discussed.'] }),
  );
  const bId = await storeRelease(tdb.db, draft({ title: 'Second release', paragraphs: ['Trade turnover grew.'] }));
  const a = { id: aId };
  const b = { id: bId };
  expect(await drifted()).toEqual([]);
  const matchOf = async (id: number) => (await tdb.query<{ m: string }>(`SELECT match::text AS m FROM release_narrow WHERE id = $1`, id))[0]?.m;
  expect(await matchOf(a.id)).toContain("'green corridor'");
  // The title's last word and the body's first stand side by side in the vector.
  expect(await matchOf(a.id)).toContain("'corridor green'");

  await tdb.execute(`UPDATE press_release SET body = 'Railway links and the Caspian route.', title = 'New title' WHERE id = $1`, a.id);
  expect(await matchOf(a.id)).toContain("'caspian rout'");
  expect(await matchOf(a.id)).not.toContain("'green corridor'");
  // More of the same words: the same lexemes and pairs (`match` unchanged), another rank.
  const repeated = await storeRelease(tdb.db, draft({ title: 'Repeated', paragraphs: ['Trade trade trade.'] }));
  const rankOf = async () => (await tdb.query<{ r: number }>(`SELECT rank AS r FROM release_lexeme WHERE id = $1 AND lexeme = 'trade'`, repeated))[0]?.r;
  const before = await rankOf();
  await tdb.execute(`UPDATE press_release SET body = 'Trade trade trade trade trade.' WHERE id = $1`, repeated);
  expect(await rankOf()).toBeGreaterThan(before);
  expect(await drifted()).toEqual([]);
  await tdb.execute(`DELETE FROM press_release WHERE id = $1`, repeated);
  await tdb.execute(`UPDATE press_release SET status = 'RETRACTED', retraction_reason = 'test' WHERE id = $1`, b.id);
  await tdb.execute(`UPDATE press_release SET published_at = published_at - interval '3 days', language = 'en-GB' WHERE id = $1`, a.id);
  expect(await drifted()).toEqual([]);

  // Links reach the release's arrays through their own triggers, and from there the narrow row.
  const [t] = await tdb.query<{ id: number }>(`SELECT id FROM topic ORDER BY id LIMIT 1`);
  await tdb.execute(`INSERT INTO release_topic (press_release_id, topic_id) VALUES ($1, $2)`, a.id, t.id);
  await tdb.execute(`INSERT INTO release_country (press_release_id, country_code) VALUES ($1, 'GE') ON CONFLICT DO NOTHING`, a.id);
  const [narrow] = await tdb.query<{ topics: number[]; countries: string[] }>(
    `SELECT topic_ids AS topics, country_codes::text[] AS countries FROM release_narrow WHERE id = $1`,
    a.id,
  );
  expect(narrow.topics).toContain(t.id);
  expect(narrow.countries).toContain('GE');
  // The release's entries carry the new code, and lose it with the link.
  const entriesAbout = async (code: string) =>
    (await tdb.query<{ n: number }>(`SELECT count(*)::int AS n FROM release_lexeme WHERE id = $1 AND $2::bpchar = ANY(country_codes)`, a.id, code))[0].n;
  const [{ entries }] = await tdb.query<{ entries: number }>(`SELECT count(*)::int AS entries FROM release_lexeme WHERE id = $1`, a.id);
  expect(entries).toBeGreaterThan(0);
  expect(await entriesAbout('GE')).toBe(entries);
  expect(await drifted()).toEqual([]);
  await tdb.execute(`DELETE FROM release_country WHERE press_release_id = $1 AND country_code = 'GE'`, a.id);
  expect(await entriesAbout('GE')).toBe(0);
  await tdb.execute(`INSERT INTO release_country (press_release_id, country_code) VALUES ($1, 'GE'), ($1, 'AZ') ON CONFLICT DO NOTHING`, a.id);
  expect(await entriesAbout('AZ')).toBe(entries);
  await tdb.execute(`DELETE FROM release_topic WHERE press_release_id = $1 AND topic_id = $2`, a.id, t.id);
  expect(await drifted()).toEqual([]);

  // A bulk statement over every release, and a release whose id changes.
  await tdb.execute(`UPDATE press_release SET published_at = published_at + interval '1 hour'`);
  const [{ max }] = await tdb.query<{ max: number }>(`SELECT max(id)::int AS max FROM press_release`);
  await tdb.execute(`UPDATE press_release SET id = $2 WHERE id = $1`, b.id, max + 1000);
  expect(await drifted()).toEqual([]);
  expect((await tdb.query(`SELECT 1 FROM release_narrow WHERE id = $1`, b.id)).length).toBe(0);

  await tdb.execute(`DELETE FROM press_release WHERE id IN ($1, $2)`, a.id, max + 1000);
  expect(await drifted()).toEqual([]);

  // Folding the lexeme counts' log keeps every total and leaves one row per lexeme.
  expect((await tdb.query(`SELECT 1 FROM release_lexeme_count GROUP BY lexeme HAVING count(*) > 1 LIMIT 1`)).length).toBe(1);
  await folds.release();
  await tdb.execute(`SELECT release_lexeme_count_compact()`);
  expect(await countsDrifted()).toEqual([]);
  expect((await tdb.query(`SELECT 1 FROM release_lexeme_count GROUP BY lexeme HAVING count(*) > 1 LIMIT 1`)).length).toBe(0);
  // The counts per (lexeme, country): the writes above appended to the log (a writer folds it
  // about once per 20,000 rows); folding moves it into the totals (one row per pair, none of zero)
  // and keeps every count.
  await tdb.execute(`SELECT count_logs_fold()`);
  expect((await tdb.query(`SELECT 1 FROM release_lexeme_country_count LIMIT 1`)).length).toBe(0);
  expect((await tdb.query(`SELECT 1 FROM release_lexeme_country_total WHERE n <= 0 LIMIT 1`)).length).toBe(0);
  expect(await countsDrifted()).toEqual([]);
});

test('a search over match finds exactly what the search vector does', async () => {
  await storeRelease(
    tdb.db,
    draft({
      title: 'Middle corridor talks',
      paragraphs: ['The middle of the corridor; corridor middle. Foreign ministers of Azerbaijan and Georgia met on the Middle Corridor.'],
    }),
  );
  await storeRelease(tdb.db, draft({ title: 'Les ministres se rencontrent', language: 'fr', paragraphs: ['Le corridor du milieu.'] }));
  const searches = [
    'corridor',
    '"middle corridor"',
    '"corridor middle"',
    '"talks the middle"',
    '"foreign ministers of azerbaijan"',
    '"minister of foreign affairs"',
    '"middle corridor" -georgia',
    '-"middle corridor" corridor',
    '"middle corridor" or "strategic partnership"',
    'energy -"green energy"',
    '"the middle"',
    'the',
    '"trade turnover" cooperation',
    'cooperation or -energy',
  ];
  for (const search of searches) {
    for (const configs of [['english'], ['english', 'french']]) {
      const narrow = await tdb.db.$queryRaw<{ id: number }[]>(
        Prisma.sql`SELECT pr.id FROM release_narrow pr WHERE ${narrowSearchMatchSql(search, configs)} ORDER BY 1`,
      );
      const vector = await tdb.query<{ id: number }>(
        // One configuration in use: every release is read with it (as searchMatchSql does).
        `SELECT id FROM press_release WHERE EXISTS (SELECT 1 FROM unnest($2::regconfig[]) c
           WHERE (cardinality($2::regconfig[]) = 1 OR search_config(language) = c) AND search_vector @@ websearch_to_tsquery(c, $1))
         ORDER BY 1`,
        search,
        configs,
      );
      expect({ search, configs, ids: narrow.map((r) => r.id) }).toEqual({ search, configs, ids: vector.map((r) => r.id) });
    }
  }
  const [some] = await tdb.query<{ n: number }>(`SELECT count(*)::int AS n FROM press_release WHERE search_vector @@ websearch_to_tsquery('english', '"middle corridor"')`);
  expect(some.n).toBeGreaterThan(0);
  // Words and two-word phrases are answered by the index alone; a longer phrase is narrowed by it.
  const exact = await tdb.query<{ s: string; e: boolean }>(
    `SELECT s, search_match_exact('english', s) AS e FROM unnest($1::text[]) s`,
    ['energy', '"middle corridor"', 'energy -"green energy"', '"foreign ministers of azerbaijan"', '"green energy transition"'],
  );
  expect(exact.map((r) => r.e)).toEqual([true, true, true, false, false]);
});

test('a transaction writes each narrow row once, at commit, and a rollback leaves it as it was', async () => {
  const id = await storeRelease(tdb.db, draft({ title: 'Once per transaction', paragraphs: ['Middle corridor and green energy.'] }));
  const [t] = await tdb.query<{ id: number }>(`SELECT id FROM topic ORDER BY id LIMIT 1`);
  const c = new Client({ connectionString: tdb.url });
  const other = new Client({ connectionString: tdb.url });
  await c.connect();
  await other.connect();
  try {
    const narrowWrites = async () => {
      const { rows } = await c.query(
        `SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0)::int AS n FROM pg_stat_xact_user_tables WHERE relname = 'release_narrow'`,
      );
      return rows[0].n as number;
    };
    // Several statements on one release: its text, its links (through the link-array triggers), its status.
    await c.query('BEGIN');
    await c.query(`UPDATE press_release SET body = 'Railway links and the Caspian route.' WHERE id = $1`, [id]);
    await c.query(`INSERT INTO release_topic (press_release_id, topic_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [id, t.id]);
    await c.query(`INSERT INTO release_country (press_release_id, country_code) VALUES ($1, 'AM') ON CONFLICT DO NOTHING`, [id]);
    await c.query(`UPDATE press_release SET status = 'RETRACTED', retraction_reason = 'test' WHERE id = $1`, [id]);
    expect(await narrowWrites()).toBe(0);
    // Another transaction's commit does not take this one's pending releases.
    await other.query(`UPDATE press_release SET published_at = published_at + interval '1 minute' WHERE id <> $1`, [id]);
    await c.query('SET CONSTRAINTS release_narrow_synced IMMEDIATE');
    expect(await narrowWrites()).toBe(1);
    await c.query('COMMIT');
    expect(await drifted()).toEqual([]);
    const [n] = await tdb.query<{ status: string; topics: number[] }>(`SELECT status::text, topic_ids AS topics FROM release_narrow WHERE id = $1`, id);
    expect(n).toEqual({ status: 'RETRACTED', topics: expect.arrayContaining([t.id]) });

    await c.query('BEGIN');
    await c.query(`UPDATE press_release SET status = 'PUBLISHED', retraction_reason = NULL, title = 'Rolled back' WHERE id = $1`, [id]);
    await c.query(`DELETE FROM release_topic WHERE press_release_id = $1`, [id]);
    await c.query('ROLLBACK');
    expect(await drifted()).toEqual([]);
    expect((await tdb.query<{ status: string }>(`SELECT status::text FROM release_narrow WHERE id = $1`, id))[0].status).toBe('RETRACTED');
    expect(await tdb.query(`SELECT id FROM release_narrow_pending`)).toEqual([]);
  } finally {
    await c.end();
    await other.end();
  }
});

test('a truncation empties it', async () => {
  await tdb.execute(`TRUNCATE press_release CASCADE`);
  expect(await narrowCount()).toBe(0);
  expect((await tdb.query(`SELECT 1 FROM release_lexeme LIMIT 1`)).length).toBe(0);
  expect((await tdb.query(`SELECT 1 FROM release_lexeme_count LIMIT 1`)).length).toBe(0);
  expect((await tdb.query(`SELECT 1 FROM release_lexeme_country_total UNION ALL SELECT 1 FROM release_lexeme_country_count LIMIT 1`)).length).toBe(0);
  await storeRelease(tdb.db, draft({ title: 'After the truncation', paragraphs: ['Middle corridor.'] }));
  expect(await narrowCount()).toBe(1);
  expect(await drifted()).toEqual([]);
});
