// A RELEVANCE search ranks the newest RANK_WINDOW matches, looking for them first among the
// newest RANK_RECENT releases (src/read/releases.ts). Whichever way the window is found, the page's
// order and totalCount must be those of the plain full-text query over press_release: the newest
// matches by date, ranked by ts_rank_cd, and every match counted. Small sizes here so that on 300
// synthetic releases some words are found among the recent ones and others are not.
import { createTestDatabase, type TestDatabase } from '../support/db';
import { loadSynthetic } from '../../src/domain/synthetic';
import { countReleases, listReleases } from '../../src/read/releases';
import { Pool } from 'pg';
import { createExecutor } from '../../src/db/sql';

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
const RECENT = 40;
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
  const [n] = await t.query<{ n: number; recent: number }>(
    `SELECT count(*)::int AS n,
       count(*) FILTER (WHERE published_at >= (SELECT published_at FROM press_release WHERE status = 'PUBLISHED'
                                               ORDER BY published_at DESC, id DESC OFFSET ${RECENT - 1} LIMIT 1))::int AS recent
     FROM press_release WHERE status = 'PUBLISHED' AND search_vector @@ websearch_to_tsquery('english', $1)`,
    search,
  );
  return { ids: rows.map((r) => r.id), count: n.n, foundRecently: n.recent >= SIZE };
}

test('the ranked page and totalCount equal the plain full-text query, found among the recent releases or not', async () => {
  const db = createExecutor({ pool }, 2);
  const paths = new Set<boolean>();
  for (const search of SEARCHES) {
    const expected = await plain(search);
    paths.add(expected.foundRecently);
    const filter = { search, statuses: ['PUBLISHED' as const] };
    const page = await listReleases(db, filter, 'RELEVANCE', { first: 50 }, { rankWindow: { size: SIZE, recent: RECENT } });
    const count = await countReleases(db, filter);
    expect({ search, ids: page.rows.map((r) => r.id), count }).toEqual({ search, ids: expected.ids, count: expected.count });
    // The service's own window sizes give the plain query's answer with those sizes too.
    const full = await listReleases(db, filter, 'RELEVANCE', { first: 50 });
    expect(full.rows.length).toBe(Math.min(50, expected.count));
  }
  // Both ways of finding the window were taken.
  expect([...paths].sort()).toEqual([false, true]);
});
