// The hot reads run as named prepared statements (src/db/sql.ts, `prepared`): one name per SQL
// text, parsed once per connection, on a generic plan after five executions; each connection keeps
// its most recently used ones and deallocates the rest. What each connection holds is read from
// pg_prepared_statements on a pool of one connection (so the same session).
import { Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { createExecutor, limit, literal, prepared, raw, sql } from '../../src/db/sql';
import { listReleases, releasesByIds } from '../../src/read/releases';
import { listMeetings } from '../../src/read/meetings';
import { narrowSearchMatchSql, resolveFilter } from '../../src/read/release-conditions';

let t: TestDatabase;
const pools: Pool[] = [];
beforeAll(async () => {
  t = await createTestDatabase('corpus');
});
afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
  await t?.drop();
});

/** An executor on a pool of one connection, keeping `keep` named statements. */
function oneConnection(keep?: number) {
  const pool = new Pool({ connectionString: t.url, max: 1 });
  // The test database is dropped WITH (FORCE) at the end: a connection still closing then hears the
  // server end it, which is no failure of the test.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  pools.push(pool);
  const db = createExecutor({ pool, preparedPerConnection: keep }, 1);
  const held = async () =>
    (
      await pool.query<{ name: string; statement: string; generic_plans: string; custom_plans: string }>(
        'SELECT name, statement, generic_plans, custom_plans FROM pg_prepared_statements ORDER BY prepare_time',
      )
    ).rows;
  return { db, held };
}

const PUBLISHED = ['PUBLISHED' as const];

test('a page of the newest releases is prepared once, on a generic plan after five runs, with the answers of an unnamed statement', async () => {
  const named = oneConnection();
  const unnamed = oneConnection(0);
  const pages = [];
  for (let i = 0; i < 7; i++) pages.push(await listReleases(named.db, { statuses: PUBLISHED }, 'PUBLISHED_AT_DESC', { first: 5 }, { fields: ['title'] }));
  const plain = await listReleases(unnamed.db, { statuses: PUBLISHED }, 'PUBLISHED_AT_DESC', { first: 5 }, { fields: ['title'] });
  expect(plain.rows.length).toBe(5);
  for (const page of pages) expect(page.rows).toEqual(plain.rows);
  const held = await named.held();
  expect(held).toHaveLength(1);
  expect(held[0].name).toMatch(/^prg_/);
  // The limit is in the text (5 + 1 to tell whether more follow), so the generic plan is chosen.
  expect(held[0].statement).toContain('LIMIT 6');
  expect(Number(held[0].generic_plans)).toBeGreaterThanOrEqual(1);
  expect(await unnamed.held()).toEqual([]);
});

test('a release read by id and meetings of one kind are prepared and reach a generic plan', async () => {
  const { db, held } = oneConnection();
  const [{ id }] = await t.query<{ id: number }>(`SELECT id FROM press_release WHERE status = 'PUBLISHED' ORDER BY id LIMIT 1`);
  const kinds = ['BILATERAL_MEETING' as const];
  for (let i = 0; i < 7; i++) {
    const [row] = await releasesByIds(db, [id], PUBLISHED, { topics: true, meetings: true, participants: true });
    expect(row.id).toBe(id);
    await listMeetings(db, { statuses: PUBLISHED, kinds }, true, { first: 3 }, { withParticipants: true });
  }
  const statements = await held();
  expect(statements).toHaveLength(2);
  for (const s of statements) expect(Number(s.generic_plans)).toBeGreaterThanOrEqual(1);
  expect(statements.map((s) => s.statement).join('\n')).toContain(`'{BILATERAL_MEETING}'::"MeetingKind"[]`);
});

test('meetings of a kind written into the text are those of the kind as a parameter', async () => {
  const { db } = oneConnection();
  const kinds = ['BILATERAL_MEETING' as const, 'PHONE_CALL' as const];
  const inText = await listMeetings(db, { statuses: PUBLISHED, kinds }, true, { first: 50 }, { withParticipants: true });
  // A date from long ago keeps every meeting but takes the statement with the kinds as a parameter.
  const asParameter = await listMeetings(db, { statuses: PUBLISHED, kinds, from: new Date('1900-01-01T00:00:00Z') }, true, { first: 50 }, { withParticipants: true });
  expect(inText.rows.length).toBeGreaterThan(0);
  expect(inText.rows).toEqual(asParameter.rows);
  for (const m of inText.rows) expect(kinds).toContain(m.kind);
});

test('each connection keeps its most recently used statements and deallocates the others', async () => {
  const { db, held } = oneConnection(2);
  const text = (n: number) => prepared(sql`SELECT ${n}::int AS n, ${String(n)} AS tag${raw(` -- ${n}`)}`);
  for (const n of [1, 2, 3]) expect(await db.query(text(n))).toEqual([{ n, tag: String(n) }]);
  let statements = await held();
  expect(statements.map((s) => s.statement.trim().slice(-4))).toEqual(['-- 2', '-- 3']);
  // The first was deallocated: it is prepared again, and the least recently used (2) goes.
  expect(await db.query(text(1))).toEqual([{ n: 1, tag: '1' }]);
  statements = await held();
  expect(statements.map((s) => s.statement.trim().slice(-4))).toEqual(['-- 3', '-- 1']);
});

test('when full, a connection deallocates its least recently used tenth at once', async () => {
  const { db, held } = oneConnection(20);
  const text = (n: number) => prepared(sql`SELECT ${n}::int AS n${raw(` -- ${String(n).padStart(2, '0')}`)}`);
  for (let n = 1; n <= 20; n++) await db.query(text(n));
  expect(await held()).toHaveLength(20);
  expect(await db.query(text(21))).toEqual([{ n: 21 }]);
  const names = (await held()).map((s) => s.statement.trim().slice(-2));
  expect(names).toHaveLength(19);
  expect(names).not.toContain('01');
  expect(names).not.toContain('02');
  expect(names).toContain('21');
});

test('a page of one issuer has its code in the text, is prepared, and answers as with the code as a parameter', async () => {
  const { db, held } = oneConnection();
  const [{ code }] = await t.query<{ code: string }>(
    `SELECT issuer_country_code AS code FROM press_release WHERE status = 'PUBLISHED' AND issuer_country_code IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`,
  );
  const pages = [];
  for (let i = 0; i < 7; i++) pages.push(await listReleases(db, { statuses: PUBLISHED, issuers: [code] }, 'PUBLISHED_AT_DESC', { first: 3 }, { fields: ['title', 'issuer'] }));
  // A date from long ago keeps every release but takes the statement with the codes as a parameter.
  const asParameter = await listReleases(db, { statuses: PUBLISHED, issuers: [code], from: new Date('1900-01-01T00:00:00Z') }, 'PUBLISHED_AT_DESC', { first: 3 }, { fields: ['title', 'issuer'] });
  expect(asParameter.rows.length).toBeGreaterThan(0);
  for (const page of pages) expect(page.rows).toEqual(asParameter.rows);
  for (const row of asParameter.rows) expect(row.issuerCountryCode).toBe(code);
  const statements = await held();
  expect(statements).toHaveLength(1);
  expect(statements[0].statement).toContain(`'{${code}}'::bpchar[]`);
  expect(Number(statements[0].generic_plans)).toBeGreaterThanOrEqual(1);
  // A code that is not two capitals goes as a parameter, unnamed.
  await listReleases(db, { statuses: PUBLISHED, issuers: [code.toLowerCase()] }, 'PUBLISHED_AT_DESC', { first: 3 });
  expect(await held()).toHaveLength(1);
});

test('a statement that fails to parse is not held, and later statements run', async () => {
  const { db, held } = oneConnection(1);
  await expect(db.query(prepared(sql`SELEC 1`))).rejects.toThrow(/syntax error/);
  expect(await db.query(prepared(sql`SELECT 1 AS one`))).toEqual([{ one: 1 }]);
  expect(await db.query(prepared(sql`SELECT 2 AS two`))).toEqual([{ two: 2 }]);
  expect((await held()).map((s) => s.statement)).toEqual(['SELECT 2 AS two']);
});

test('statements not marked prepared run unnamed', async () => {
  const { db, held } = oneConnection();
  expect(await db.query(sql`SELECT ${1}::int AS n`)).toEqual([{ n: 1 }]);
  expect(await held()).toEqual([]);
});

test('limit() writes a row count into the text and refuses anything else', () => {
  expect(limit(21).text).toBe('LIMIT 21');
  expect(() => limit(-1)).toThrow();
  expect(() => limit(1.5)).toThrow();
  expect(() => limit(Number.NaN)).toThrow();
});

test('literal() writes a text Postgres reads back as it was, whatever standard_conforming_strings says', async () => {
  const texts = ["o'brien", 'a\\b', "\\'; SELECT 1; --", "''", 'é 中 \u{1f30d}', ''];
  for (const setting of ['on', 'off']) {
    const { db } = oneConnection(0);
    await db.query(sql`SET standard_conforming_strings = ${raw(setting)}`);
    for (const text of texts) {
      const [row] = await db.query<{ v: string }>(sql`SELECT ${literal(text)}::text AS v`);
      expect({ setting, v: row.v }).toEqual({ setting, v: text });
    }
  }
  expect(() => literal('a\u0000b')).toThrow();
});

test('a word or phrase search with a country, its lexeme in the text, is prepared once per lexeme and reaches a generic plan', async () => {
  const named = oneConnection();
  const unnamed = oneConnection(0);
  const [{ code }] = await t.query<{ code: string }>(`SELECT country_code::text AS code FROM release_country GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`);
  for (const search of ['"foreign minister"', 'cooperation']) {
    const filter = { search, statuses: PUBLISHED, countries: [code] };
    const pages = [];
    for (let i = 0; i < 7; i++) pages.push(await listReleases(named.db, filter, 'RELEVANCE', { first: 5 }, { highlights: true, total: true }));
    const plain = await listReleases(unnamed.db, filter, 'RELEVANCE', { first: 5 }, { highlights: true, total: true });
    expect(plain.rows.length).toBeGreaterThan(0);
    for (const page of pages) expect(page.rows).toEqual(plain.rows);
  }
  const held = (await named.held()).filter((h) => h.statement.includes('release_lexeme l'));
  expect(held.map((h) => /l\.lexeme = E'([^']*)'/.exec(h.statement)?.[1]).sort()).toEqual(['cooper', 'foreign minist']);
  for (const h of held) expect(Number(h.generic_plans)).toBeGreaterThanOrEqual(1);
});

test('a relevance search of statuses and country codes is prepared with its query over match decided in Node, reaches a generic plan, and matches what the functions decide in SQL', async () => {
  const named = oneConnection();
  const unnamed = oneConnection(0);
  const searches = ['energy', 'cooperation', '"foreign ministers"', 'minister -energy', 'trade or culture', '"a b c d"', '-"middle corridor"'];
  const options = { highlights: true, total: true, fields: ['title' as const] };
  for (const countries of [undefined, ['AZ']]) {
    for (let i = 0; i < 7; i++) {
      for (const search of searches) {
        const filter = { statuses: PUBLISHED, search, countries };
        const page = await listReleases(named.db, filter, 'RELEVANCE', { first: 5 }, options);
        if (i === 6) expect(page).toEqual(await listReleases(unnamed.db, filter, 'RELEVANCE', { first: 5 }, options));
      }
    }
  }
  const held = await named.held();
  const searchStatements = held.filter((h) => h.statement.includes('window_hits'));
  expect(searchStatements.length).toBeGreaterThanOrEqual(2);
  for (const h of searchStatements) expect(h.statement).not.toContain('search_match_query');
  expect(searchStatements.some((h) => h.statement.includes(`'{AZ}'::bpchar[]`))).toBe(true);
  expect(searchStatements.some((h) => Number(h.generic_plans) >= 1)).toBe(true);
  expect(await unnamed.held()).toEqual([]);
  // The decided conditions select what the function calls select, for every search.
  const { db } = oneConnection(0);
  for (const search of searches) {
    const resolved = await resolveFilter(db, { statuses: PUBLISHED, search });
    const ids = (plans: typeof resolved.searchPlans) =>
      db.query<{ id: number }>(sql`SELECT pr.id FROM release_narrow pr WHERE ${narrowSearchMatchSql(search, resolved.searchConfigs!, plans)} ORDER BY pr.id`);
    expect(resolved.searchPlans).toBeTruthy();
    expect(await ids(resolved.searchPlans)).toEqual(await ids(undefined));
  }
});
