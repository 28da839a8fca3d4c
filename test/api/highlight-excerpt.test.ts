// A search's body highlights are ts_headline over the lines of the body that can hold them
// (migration release_body_positions, `headlineBody` in src/read/releases.ts): they must be the
// fragments ts_headline gives for the whole body, wherever the matched words are, for every kind
// of query (words, phrases, negations, `or`), and the whole body must be read when the stored
// positions cannot say (a line past position 16,000, a body of 256 lines or more, a lexeme with 256
// positions or more, a `<` that could open a tag across lines).
import { Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { loadSynthetic } from '../../src/bench/synthetic';
import { createExecutor } from '../../src/db/sql';
import { highlightFragments, highlightReleases, listReleases, queryLexemes } from '../../src/read/releases';

let t: TestDatabase;
let pool: Pool;

const HEADLINE = 'StartSel=<mark>, StopSel=</mark>, MaxFragments=3, MaxWords=30, MinWords=12, FragmentDelimiter=" … "';
const TITLE_HEADLINE = 'StartSel=<mark>, StopSel=</mark>, HighlightAll=true';
const filler = (n: number, word = 'partners') => Array.from({ length: n }, (_, i) => `Line ${i} of the ${word} text, with several plain words in it to fill the line.`);

/** Bodies (and titles) that put the matched words where an excerpt could go wrong. */
const CRAFTED: [string, string][] = [
  ['Energy talks', [...filler(3), 'The sides discussed energy security.', ...filler(40), 'Energy was named again near the end.', ...filler(2)].join('\n')],
  ['', [...filler(20), 'A single mention of renewable energy in the middle.', ...filler(20)].join('\n\n')],
  ['Hyphens', [...filler(6), Array.from({ length: 30 }, () => 'cross-border energy-rich state-of-the-art e-government').join(' '), ...filler(6)].join('\n')],
  ['One line', `${filler(30).join(' ')} energy policy ${filler(30).join(' ')}`],
  ['Tag across lines', `${filler(5).join('\n')}\nSee <a\nhref="x"> energy policy </a> here.\n${filler(5).join('\n')}`],
  ['Links', [...filler(5), 'See https://example.com/energy-policy/report and write to press@mfa.gov.az about energy.', ...filler(5)].join('\n')],
  ['Very long', [...filler(2), 'energy first', ...filler(1400), 'energy last'].join('\n')],
  ['Many', Array.from({ length: 100 }, (_, i) => (i % 2 === 0 ? `Energy line ${i}, the energy policy of the transport corridor, energy.` : `Line ${i} of plain words.`)).join('\n')],
  ['Spread', [...filler(3), 'energy one', ...filler(1), 'energy two energy three', ...filler(2), 'energy four', ...filler(4), 'energy five', ...filler(6), 'energy six', ...filler(3)].join('\n')],
  ['Dense', Array.from({ length: 40 }, (_, i) => `Line ${i}: energy, energy-rich partners and the energy policy.`).join('\n')],
  ['Marker', [...filler(5), 'Reference 9876543210123 on energy.', ...filler(5)].join('\n')],
  ['Policy energy', [...filler(50), 'climate change and energy policy were discussed', ...filler(10), 'the transport corridor', ...filler(30), 'climate', ...filler(3)].join('\r\n')],
  ['Stop words', [...filler(10), 'The of and energy the of a an policy.', ...filler(10)].join('\n')],
];
const SEARCHES = ['energy', '"energy policy"', 'energy -transport', 'energy or climate', 'rich', '"cross border"', 'climate change policy', '"transport corridor"', 'partners', 'e-government', 'the'];

beforeAll(async () => {
  t = await createTestDatabase('ref');
  pool = new Pool({ connectionString: t.url, max: 2 });
  await loadSynthetic(t.url, { releases: 120, seed: 11, batchSize: 60 });
  const ids = await t.query<{ id: number }>(`SELECT id FROM press_release WHERE status = 'PUBLISHED' ORDER BY id LIMIT ${CRAFTED.length}`);
  for (const [i, [title, body]] of CRAFTED.entries()) await t.execute('UPDATE press_release SET title = $1, body = $2 WHERE id = $3', title, body, ids[i].id);
});
afterAll(async () => {
  await pool?.end();
  await t?.drop();
});

/** ts_headline of title and whole body for every published match of `search`, folded: the reference. */
async function reference(search: string): Promise<Map<number, string[]>> {
  const rows = await t.query<{ id: number; title: string; body: string }>(
    `SELECT id, ts_headline(search_config(language), title, websearch_to_tsquery(search_config(language), $1), '${TITLE_HEADLINE}') AS title,
       ts_headline(search_config(language), body, websearch_to_tsquery(search_config(language), $1), '${HEADLINE}') AS body
     FROM press_release WHERE status = 'PUBLISHED' AND search_vector @@ websearch_to_tsquery(search_config(language), $1)`,
    search,
  );
  return new Map(rows.map((r) => [r.id, highlightFragments(r.title, r.body)]));
}

test('the lines kept hold the same fragments as the whole body, for every kind of query', async () => {
  const statements: string[] = [];
  const db = createExecutor({ pool, onQuery: (text) => statements.push(text) }, 2);
  let compared = 0;
  for (const search of SEARCHES) {
    const expected = await reference(search);
    const filter = { search, statuses: ['PUBLISHED' as const] };
    for (const order of ['RELEVANCE', 'PUBLISHED_AT_DESC'] as const) {
      statements.length = 0;
      const page = await listReleases(db, filter, order, { first: 100 }, { highlights: true, rankWindow: 1000 });
      expect(statements.some((s) => s.includes('body_excerpt('))).toBe(true);
      // One lexeme alone: its first matches only (the lines past the third fragment are not read).
      expect({ search, single: statements.some((s) => s.includes('AS ps OFFSET 0')) }).toEqual({ search, single: ['energy', 'rich', 'partners'].includes(search) });
      for (const row of page.rows) {
        expect({ search, id: row.id, fragments: highlightFragments(row.hlTitle!, row.hlBody!) }).toEqual({ search, id: row.id, fragments: expected.get(row.id) });
        compared++;
      }
    }
    // The loader's path (highlightReleases) too.
    const loaded = await highlightReleases(db, search, [...expected.keys()]);
    for (const [id, fragments] of expected) expect({ search, id, fragments: loaded.get(id) }).toEqual({ search, id, fragments });
  }
  expect(compared).toBeGreaterThan(500);
});

test('the map is kept with the text, and says nothing where it cannot', async () => {
  const rows = await t.query<{ title: string; mapped: boolean; len: number; excerpt: number }>(
    `SELECT pr.title, pr.body_positions IS NOT NULL AS mapped, length(pr.body) AS len,
       length(body_excerpt(pr.body, pr.body_positions, bp.lo, bp.hi, bp.most)) AS excerpt
     FROM press_release pr CROSS JOIN LATERAL (SELECT min(x.p) AS lo, max(x.p) AS hi, max(cardinality(u.positions)) AS most
       FROM unnest(ts_filter(setweight(pr.search_vector, 'D', '{energi}'), '{d}')) u, unnest(u.positions) x(p)
       WHERE x.p > (pr.body_positions[1] >> 32)) bp
     WHERE pr.title = ANY($1::text[])`,
    CRAFTED.map(([title]) => title),
  );
  const by = Object.fromEntries(rows.map((r) => [r.title, r]));
  // A mention in the middle of 40 lines: a few lines around it, not the body.
  expect(by[''].mapped).toBe(true);
  expect(by[''].excerpt).toBeLessThan(by[''].len / 4);
  // Matches at both ends: everything between them.
  expect(by['Energy talks'].excerpt).toBeGreaterThan(by['Energy talks'].len * 0.8);
  // One line: the whole of it.
  expect(by['One line'].excerpt).toBe(by['One line'].len);
  // More than 256 lines, a `<`, the number that marks lines: no map, the whole body.
  for (const title of ['Very long', 'Tag across lines', 'Marker']) {
    expect({ title, mapped: by[title].mapped, excerpt: by[title].excerpt }).toEqual({ title, mapped: false, excerpt: by[title].len });
  }
  // A line starting past position 16,000 (the vector's positions stop at 16,383): no map. One
  // line of 17,000 words has a map (its start is known), and a search of its last word reads it whole.
  const [long] = await t.query<{ lines: string | null; line: string | null }>(
    `SELECT body_position_map('english', 'x', repeat('word ', 17000) || chr(10) || 'energy')::text AS lines,
       body_position_map('english', 'x', repeat('word ', 17000) || 'energy')::text AS line`,
  );
  // One position before the line (the title's), its start at 0, then the body's length past every position.
  expect(long).toEqual({ lines: null, line: `{${2 ** 32},${1_000_000 * 2 ** 32 + 85006}}` });
  // A lexeme with 256 positions or more (some not kept in the vector): the whole body.
  expect(by.Many.mapped).toBe(true);
  expect(by.Many.excerpt).toBe(by.Many.len);
  // An edit of the body changes the map with it (a generated column).
  const [before] = await t.query<{ map: string }>(`SELECT body_positions::text AS map FROM press_release WHERE title = ''`);
  await t.execute(`UPDATE press_release SET body = 'energy' || chr(10) || body WHERE title = ''`);
  const [after] = await t.query<{ map: string; again: string }>(
    `SELECT body_positions::text AS map, body_position_map(search_config(language), title, body)::text AS again FROM press_release WHERE title = ''`,
  );
  expect(after.map).toEqual(after.again);
  expect(after.map).not.toEqual(before.map);
});

describe('queryLexemes', () => {
  it.each([
    [["'energi'"], { lexemes: ['energi'], single: true }],
    [["'energi'", "'energi'"], { lexemes: ['energi'], single: true }],
    [["'energi'", "'energy'"], { lexemes: ['energi', 'energy'], single: false }],
    [["'middl' <-> 'corridor'"], { lexemes: ['middl', 'corridor'], single: false }],
    [["'energi' <-> 'energi'"], { lexemes: ['energi'], single: false }],
    [["!'energi'"], { lexemes: ['energi'], single: false }],
    [["'minist' & !'energi'", "'minist' & !'energ'"], { lexemes: ['minist', 'energi', 'energ'], single: false }],
    [["'o''brien' | 'a\\\\b'"], { lexemes: ["o'brien", 'a\\b'], single: false }],
    [["'o''brien'"], { lexemes: ["o'brien"], single: true }],
    [["'energi':AB & 'x'"], { lexemes: ['energi', 'x'], single: false }],
    [["'energi':AB"], { lexemes: ['energi'], single: false }],
    [[''], { lexemes: [], single: false }],
  ])('reads %j', (queries, expected) => {
    expect(queryLexemes(queries)).toEqual(expected);
  });
  it('says nothing for a prefix', () => {
    expect(queryLexemes(["'energ':* & 'x'"])).toBeNull();
  });
});
