// A RELEVANCE search ranks the newest RANK_WINDOW matches (src/read/releases.ts), found through
// the narrow copy's `match` (words and word pairs without positions). The page's order and
// totalCount must be those of the plain full-text query over press_release: the newest matches by
// date, ranked by ts_rank_cd over the search vector, and every match counted. A window of 10 here,
// so that on 300 synthetic releases the window leaves matches out for most searches.
import { createTestDatabase, type TestDatabase } from '../support/db';
import { loadSynthetic } from '../../src/bench/synthetic';
import { countReleases, listReleases, rowHighlights } from '../../src/read/releases';
import { Pool } from 'pg';
import { createExecutor } from '../../src/db/sql';
import { encodeCursor } from '../../src/read/paging';

let t: TestDatabase;
let pool: Pool;
beforeAll(async () => {
  t = await createTestDatabase('ref');
  pool = new Pool({ connectionString: t.url, max: 2 });
  await loadSynthetic(t.url, { releases: 300, seed: 7, batchSize: 100 });
});
afterAll(async () => {
  await pool?.end();
  await t?.drop();
});

const SIZE = 10;
const SEARCHES = ['energy', 'cooperation', 'transport', 'climate', 'tourism', 'security', '"foreign ministers"', 'minister -energy', 'trade or culture'];

/** The newest SIZE matches ranked, and the count, as one plain query over the search vector each. */
async function plain(search: string) {
  const rows = await t.query<{ id: number }>(
    `SELECT id FROM (
       SELECT id, ts_rank_cd(search_vector, websearch_to_tsquery(search_config(language), $1))::float8 AS rank
       FROM press_release WHERE status = 'PUBLISHED' AND search_vector @@ websearch_to_tsquery('english', $1)
       ORDER BY published_at DESC, id DESC LIMIT ${SIZE}) w
     ORDER BY rank DESC, id DESC`,
    search,
  );
  const [n] = await t.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM press_release WHERE status = 'PUBLISHED' AND search_vector @@ websearch_to_tsquery('english', $1)`,
    search,
  );
  return { ids: rows.map((r) => r.id), count: n.n };
}

test('the ranked page and totalCount equal the plain full-text query', async () => {
  const statements: string[] = [];
  const db = createExecutor({ pool, onQuery: (text) => statements.push(text) }, 2);
  let windowed = 0;
  let byLexeme = 0;
  for (const search of SEARCHES) {
    statements.length = 0;
    const expected = await plain(search);
    if (expected.count > SIZE) windowed++;
    const filter = { search, statuses: ['PUBLISHED' as const] };
    const page = await listReleases(db, filter, 'RELEVANCE', { first: 50 }, { rankWindow: SIZE });
    const count = await countReleases(db, filter);
    expect({ search, ids: page.rows.map((r) => r.id), count }).toEqual({ search, ids: expected.ids, count: expected.count });
    // The count read with the window (`total`, what totalCount takes when selected) is the same,
    // and the page the same with it.
    const counted = await listReleases(db, filter, 'RELEVANCE', { first: 50 }, { rankWindow: SIZE, total: true });
    expect({ search, ids: counted.rows.map((r) => r.id), total: counted.total }).toEqual({ search, ids: expected.ids, total: expected.count || undefined });
    const second = await listReleases(db, filter, 'RELEVANCE', { first: 3, after: undefined }, { rankWindow: SIZE, total: true });
    expect(second.total).toBe(expected.count || undefined);
    // With the service's own window.
    const full = await listReleases(db, filter, 'RELEVANCE', { first: 50 });
    expect(full.rows.length).toBe(Math.min(50, expected.count));
    // A word or a two-word phrase reads its window and count from release_lexeme (migration
    // release_lexeme); a negation or `or` reads the narrow copy.
    const lexemeStatements = statements.filter((text) => text.includes('release_lexeme')).length;
    if (/^("?)[a-z]+( [a-z]+)?\1$/.test(search) && (search.startsWith('"') || !search.includes(' '))) {
      expect({ search, lexemeStatements }).toEqual({ search, lexemeStatements: statements.filter((text) => !/search_match_(query|exact)|search_config\(l\)/.test(text)).length });
      // Its pages ranked by the entries' stored ranks (migration release_lexeme_rank), not ts_rank_cd.
      expect({ search, stored: statements.filter((text) => text.includes('l.rank') && !text.includes('ts_rank_cd')).length }).toEqual({ search, stored: 4 });
      byLexeme++;
    } else {
      expect({ search, lexemeStatements }).toEqual({ search, lexemeStatements: 0 });
    }
  }
  expect(byLexeme).toBe(7);
  // No match: no row, and no count read with the window (totalCount asks countReleases).
  const none = await listReleases(db, { search: 'zzzqqqnomatch', statuses: ['PUBLISHED' as const] }, 'RELEVANCE', { first: 5 }, { total: true });
  expect({ rows: none.rows.length, total: none.total }).toEqual({ rows: 0, total: undefined });
  // Most searches have more matches than the window ranks.
  expect(windowed).toBeGreaterThan(SEARCHES.length / 2);
});

/** The same as `plain`, of the releases about any of `countries` (release_country, not the arrays). */
async function plainAbout(search: string, countries: string[]) {
  const about = `EXISTS (SELECT 1 FROM release_country rc WHERE rc.press_release_id = press_release.id AND rc.country_code = ANY($2::bpchar[]))`;
  const rows = await t.query<{ id: number }>(
    `SELECT id FROM (
       SELECT id, ts_rank_cd(search_vector, websearch_to_tsquery(search_config(language), $1))::float8 AS rank
       FROM press_release WHERE status = 'PUBLISHED' AND search_vector @@ websearch_to_tsquery('english', $1) AND ${about}
       ORDER BY published_at DESC, id DESC LIMIT ${SIZE}) w
     ORDER BY rank DESC, id DESC`,
    search,
    countries,
  );
  const [n] = await t.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM press_release WHERE status = 'PUBLISHED' AND search_vector @@ websearch_to_tsquery('english', $1) AND ${about}`,
    search,
    countries,
  );
  return { ids: rows.map((r) => r.id), count: n.n };
}

test('a word or two-word phrase with countries reads release_lexeme, with the same page and count', async () => {
  const statements: string[] = [];
  const db = createExecutor({ pool, onQuery: (text) => statements.push(text) }, 2);
  const [{ codes }] = await t.query<{ codes: string[] }>(
    `SELECT array_agg(code::text ORDER BY n DESC) AS codes FROM (SELECT country_code AS code, count(*) AS n FROM release_country GROUP BY 1) x`,
  );
  // The most frequent country, two of them, a rarer one, and a country with no release.
  const sets = [[codes[0]], [codes[1], codes[2]], [codes[Math.min(12, codes.length - 1)]], ['ZZ']];
  let windowed = 0;
  for (const search of ['energy', 'cooperation', '"foreign ministers"', '"middle corridor"', 'minister -energy']) {
    for (const countries of sets) {
      statements.length = 0;
      const expected = await plainAbout(search, countries);
      if (expected.count > SIZE) windowed++;
      const filter = { search, countries, statuses: ['PUBLISHED' as const] };
      const page = await listReleases(db, filter, 'RELEVANCE', { first: 50 }, { rankWindow: SIZE });
      const count = await countReleases(db, filter);
      const counted = await listReleases(db, filter, 'RELEVANCE', { first: 4 }, { rankWindow: SIZE, total: true });
      expect({ search, countries, ids: page.rows.map((r) => r.id), count, total: counted.total, first: counted.rows.map((r) => r.id) }).toEqual({
        search,
        countries,
        ids: expected.ids,
        count: expected.count,
        total: expected.count || undefined,
        first: expected.ids.slice(0, 4),
      });
      // The next page from the first's cursor (the stored rank and id).
      if (counted.hasNextPage) {
        const next = await listReleases(db, filter, 'RELEVANCE', { first: 4, after: encodeCursor(counted.sort, counted.rows[3]) }, { rankWindow: SIZE });
        expect({ search, countries, ids: next.rows.map((r) => r.id) }).toEqual({ search, countries, ids: expected.ids.slice(4, 8) });
      }
      const byLexeme = statements.filter((text) => text.includes('FROM release_lexeme l WHERE l.lexeme') && text.includes('l.country_codes &&')).length;
      expect({ search, countries, byLexeme: byLexeme > 0 }).toEqual({ search, countries, byLexeme: !search.includes('-') });
      // With one country the count is the kept count of the entry for it (migration
      // release_lexeme_country_counts); with several, the entries counted in the index.
      const kept = statements.some((text) => text.includes('release_lexeme_country_total'));
      expect({ search, countries, kept }).toEqual({ search, countries, kept: !search.includes('-') && countries.length === 1 });
    }
  }
  expect(windowed).toBeGreaterThan(4);
});

test('a page computes highlights for its rows only, not for the row read past it', async () => {
  const base = createExecutor({ pool }, 2);
  let raw: { hlTitle?: string | null; hlPositions?: unknown }[] = [];
  const db = { ...base, database: base.database, query: async <T>(s: Parameters<typeof base.query>[0]) => {
    const rows = await base.query<T>(s);
    raw = rows as typeof raw;
    return rows;
  } };
  const [{ code }] = await t.query<{ code: string }>(`SELECT country_code::text AS code FROM release_country GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`);
  let checked = 0;
  // Each statement form: a word by lexeme (ranked), with a country (by lexeme, in date order of its
  // window), any other search (the narrow copy's window), and date orders, forward and backward.
  for (const [search, countries] of [['energy', undefined], ['energy', [code]], ['minister -energy', undefined], ['"foreign ministers"', undefined]] as const) {
    const filter = { search, statuses: ['PUBLISHED' as const], ...(countries ? { countries: [...countries] } : {}) };
    for (const order of ['RELEVANCE', 'PUBLISHED_AT_DESC', 'PUBLISHED_AT_ASC'] as const) {
      for (const args of [{ first: 3 }, { last: 2 }]) {
        if (order === 'RELEVANCE' && 'last' in args) continue;
        const page = await listReleases(db, filter, order, args, { highlights: true, rankWindow: SIZE, total: true });
        if (!page.hasNextPage && !page.hasPreviousPage) continue;
        const size = ('first' in args ? args.first : args.last) ?? 0;
        expect({ search, order, args, rows: raw.length }).toEqual({ search, order, args, rows: size + 1 });
        const marked = raw.map((r) => r.hlTitle != null && r.hlPositions != null);
        expect({ search, order, args, marked }).toEqual({ search, order, args, marked: [...Array(size).fill(true), false] });
        expect(page.rows.every((r) => rowHighlights(r, page.highlight ?? null).some((f) => f.includes('<mark>')))).toBe(true);
        checked++;
      }
    }
  }
  expect(checked).toBeGreaterThan(8);
});
