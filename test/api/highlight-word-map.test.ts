// A search's body highlights are cut in Node from the word map (migration release_word_map,
// src/read/highlight.ts): every position of the body's vector must point at the word it was made
// from, and the fragments must mark exactly the words that match the query (phrases only where the
// phrase stands, negated words never), in the body's order, taken from the body's own text, for
// every kind of query and wherever the matched words are (hyphenated compounds, links, astral
// characters, 17,000 words). Where there is no map the body is ts_headline's, as before it.
import { Pool } from 'pg';
import { createTestDatabase, type TestDatabase } from '../support/db';
import { loadSynthetic } from '../../src/bench/synthetic';
import { createExecutor } from '../../src/db/sql';
import { highlightFragments, highlightReleases, listReleases, rowHighlights } from '../../src/read/releases';
import { FRAGMENT_POSITIONS, MAX_FRAGMENTS, foldWhitespace, parseTsQuery, queryNodeLexemes } from '../../src/read/highlight';

let t: TestDatabase;
let pool: Pool;

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
  // Characters outside the BMP (two UTF-16 units each, one character to Postgres) before the matches.
  ['Astral', [...filler(2), '\u{1d400}\u{1d401} signs \u{1f30d} before energy policy \u{1f4a1} and energy.', ...filler(2)].join('\n')],
  ['Edges', 'Energy policy opens the text, which ends on energy'],
  ['Fake marks', 'A <mark>fake</mark> highlight, then the real one: <b>energy</b> policy.'],
];
const SEARCHES = ['energy', '"energy policy"', '"energy the policy"', 'policy -energy', 'energy -transport', 'energy or climate', 'rich', '"cross border"', 'climate change policy', '"transport corridor"', 'partners', 'e-government', 'the'];

beforeAll(async () => {
  t = await createTestDatabase('ref');
  pool = new Pool({ connectionString: t.url, max: 2 });
  await loadSynthetic(t.url, { releases: 120, seed: 11, batchSize: 60 });
  const ids = await t.query<{ id: number }>(`SELECT id FROM press_release WHERE status = 'PUBLISHED' ORDER BY id LIMIT ${CRAFTED.length}`);
  for (const [i, [title, body]] of CRAFTED.entries()) await t.execute('UPDATE press_release SET title = $1, body = $2 WHERE id = $3', title, body, ids[i].id);
}, 120_000);
afterAll(async () => {
  await pool?.end();
  await t?.drop();
});

const fold = (s: string) => s.replace(/\s+/g, ' ').trim();

test('every position of a body points at the word it was made from', async () => {
  // Each (lexeme, position) of the body's part of the vector: the word the map gives for it, parsed
  // alone, yields that lexeme (a hyphenated compound yields its whole and its parts).
  const [r] = await t.query<{ checked: number; wrong: number; mapped: number; bodies: number }>(`
    WITH e AS (
      SELECT pr.id, search_config(pr.language) AS cfg, pr.body, pr.body_words AS m, u.lexeme, p - pr.title_end AS k
      FROM press_release pr, unnest(pr.search_vector) u, unnest(u.positions) p
      WHERE pr.body_words IS NOT NULL AND p > pr.title_end AND p < 16383
    ), w AS (
      SELECT e.*, ((get_byte(m, 4 * (k - 1)) << 16) | (get_byte(m, 4 * (k - 1) + 1) << 8) | get_byte(m, 4 * (k - 1) + 2)) AS st, get_byte(m, 4 * (k - 1) + 3) AS ln FROM e
    )
    SELECT count(*)::int AS checked, count(*) FILTER (WHERE NOT (to_tsvector(cfg, substr(body, st + 1, ln)) @@ quote_literal(lexeme)::tsquery))::int AS wrong,
      (SELECT count(body_words)::int FROM press_release) AS mapped, (SELECT count(*)::int FROM press_release WHERE body <> '') AS bodies
    FROM w`);
  expect(r.wrong).toBe(0);
  expect(r.checked).toBeGreaterThan(20_000);
  // Every body here spells back from its tokens: every one has a map.
  expect(r.mapped).toBe(r.bodies);
  // The map has one entry per position of the body's own vector (stop words included), and the
  // title's last position is where the body's begin.
  const [v] = await t.query<{ entries: number; last: number; title_end: number }>(
    `SELECT length(body_word_map('english', 'The sides met in the capital, and the talks ended')) / 4 AS entries,
       (SELECT max(p) FROM unnest(to_tsvector('english', 'The sides met in the capital, and the talks ended')) u, unnest(u.positions) p) AS last,
       vector_last_position(to_tsvector('english', 'Talks of the')) AS title_end`,
  );
  expect(v).toEqual({ entries: 10, last: 10, title_end: 1 });
  // An edit of the body changes the map with it (a generated column).
  const [before] = await t.query<{ map: string }>(`SELECT encode(body_words, 'hex') AS map FROM press_release WHERE title = 'Edges'`);
  await t.execute(`UPDATE press_release SET body = 'New words. ' || body WHERE title = 'Edges'`);
  const [after] = await t.query<{ map: string; again: string }>(
    `SELECT encode(body_words, 'hex') AS map, encode(body_word_map(search_config(language), body), 'hex') AS again FROM press_release WHERE title = 'Edges'`,
  );
  expect(after.map).toEqual(after.again);
  expect(after.map).not.toEqual(before.map);
  await t.execute(`UPDATE press_release SET body = substr(body, 12) WHERE title = 'Edges'`);
});

/** The lexemes each word stands for (to_tsvector of the word alone), for many words in one statement. */
async function lexemesOf(words: string[]): Promise<Map<string, string[]>> {
  const rows = await t.query<{ w: string; l: string[] }>(
    `SELECT w, coalesce((SELECT array_agg(lexeme) FROM unnest(to_tsvector('english', w))), '{}') AS l FROM unnest($1::text[]) w`,
    [...new Set(words)],
  );
  return new Map(rows.map((r) => [r.w, r.l]));
}

test('the fragments mark the words that match, in the body\'s order, from its own text', async () => {
  const statements: string[] = [];
  const db = createExecutor({ pool, onQuery: (text) => statements.push(text) }, 2);
  // Bodies as fragments show them: whitespace folded, tags dropped (as ts_headline did).
  const bodies = new Map((await t.query<{ id: number; body: string }>(`SELECT id, body FROM press_release`)).map((r) => [r.id, fold(r.body.replace(/<\/?[A-Za-z!?][^<>]*>/g, ''))]));
  let checked = 0;
  let fragments = 0;
  for (const search of SEARCHES) {
    const [{ query }] = await t.query<{ query: string }>(`SELECT websearch_to_tsquery('english', $1)::text AS query`, search);
    const node = parseTsQuery(query);
    // Words that may be marked: the query's, but not those only negated.
    const wanted = new Set(node ? queryNodeLexemes(node) : []);
    const negated = [...query.matchAll(/!'([^']+)'/g)].map((m) => m[1]);
    for (const n of negated) if (!query.replace(`!'${n}'`, '').includes(`'${n}'`)) wanted.delete(n);
    const phrase = /<->|<\d+>/.test(query) && !/[&|]/.test(query) && !/\w-\w/.test(search);
    const expected = await t.query<{ id: number; title: string }>(
      `SELECT id, ts_headline(search_config(language), title, websearch_to_tsquery(search_config(language), $1), '${TITLE_HEADLINE}') AS title
       FROM press_release WHERE status = 'PUBLISHED' AND search_vector @@ websearch_to_tsquery(search_config(language), $1)`,
      search,
    );
    const filter = { search, statuses: ['PUBLISHED' as const] };
    statements.length = 0;
    const page = await listReleases(db, filter, 'RELEVANCE', { first: 100 }, { highlights: true, rankWindow: 1000 });
    expect(statements.some((s) => s.includes('ts_headline(search_config(pr.language), pr.body'))).toBe(true);
    expect({ search, rows: page.rows.length }).toEqual({ search, rows: expected.length });
    const loaded = await highlightReleases(db, search, expected.map((e) => e.id));
    const titles = new Map(expected.map((e) => [e.id, highlightFragments(e.title, '')]));
    const marked: string[] = [];
    for (const row of page.rows) {
      const got = rowHighlights(row, page.highlight ?? null);
      // The loader's path gives the same.
      expect({ search, id: row.id, got: loaded.get(row.id) }).toEqual({ search, id: row.id, got });
      // The title's headline first, when the title has a match (ts_headline, every match marked).
      const title = titles.get(row.id)!;
      expect({ search, id: row.id, title: got.slice(0, title.length) }).toEqual({ search, id: row.id, title });
      const body = got.slice(title.length);
      expect(body.length).toBeLessThanOrEqual(MAX_FRAGMENTS);
      // A match: every release matched by its body has a fragment (the title alone may hold it).
      if (title.length === 0) expect({ search, id: row.id, body: body.length > 0 }).toEqual({ search, id: row.id, body: true });
      let at = 0;
      for (const f of body) {
        expect(f).toContain('<mark>');
        expect(f).toBe(fold(f));
        // The body's own text, in order, fragments apart.
        const plain = f.replace(/<\/?mark>/g, '');
        const found = bodies.get(row.id)!.indexOf(plain, at);
        expect({ search, id: row.id, f, found: found >= 0 }).toEqual({ search, id: row.id, f, found: true });
        at = found + plain.length;
        // At most FRAGMENT_POSITIONS positions: as many words separated by spaces at most.
        expect({ f, long: plain.split(' ').length > FRAGMENT_POSITIONS }).toEqual({ f, long: false });
        for (const m of f.matchAll(/<mark>(.*?)<\/mark>/g)) marked.push(m[1]);
        // A phrase's words are marked together, never one of them alone.
        if (phrase) {
          const alone = f.replace(/<mark>[^<]*<\/mark>([ -]\S+)?[ -]<mark>[^<]*<\/mark>/g, '').includes('<mark>');
          expect({ search, f, alone }).toEqual({ search, f, alone: false });
        }
        fragments++;
      }
      checked++;
    }
    // Every marked word stands for one of the query's (not negated) lexemes.
    const lexemes = await lexemesOf(marked);
    for (const w of marked) expect({ search, w, matches: lexemes.get(w)!.some((l) => wanted.has(l)) }).toEqual({ search, w, matches: true });
  }
  expect(checked).toBeGreaterThan(200);
  expect(fragments).toBeGreaterThan(300);
});

test('fragments: the first match with the words around it, three at most, short words not at the ends', async () => {
  const db = createExecutor({ pool }, 2);
  const page = async (search: string, title: string) => {
    const p = await listReleases(db, { search, statuses: ['PUBLISHED'] }, 'RELEVANCE', { first: 100 }, { highlights: true, rankWindow: 1000 });
    const [{ id }] = await t.query<{ id: number }>(`SELECT id FROM press_release WHERE title = $1`, title);
    return rowHighlights(p.rows.find((r) => r.id === id)!, p.highlight ?? null);
  };
  // A mention in the middle of 40 lines: around it, 14 positions before and 15 after.
  expect(await page('renewable', '')).toEqual([
    'with several plain words in it to fill the line. A single mention of <mark>renewable</mark> energy in the middle. Line 0 of the partners text, with several plain words',
  ]);
  // At the body's start and end: the words it has on the one side go to the other.
  expect(await page('opens', 'Edges')).toEqual(['Energy policy <mark>opens</mark> the text, which ends on energy']);
  // Six mentions far apart: the first three.
  const spread = await page('energy', 'Spread');
  expect(spread.map((f) => [...f.matchAll(/energy<\/mark> (one|two|three|four|five|six)/g)].map((m) => m[1]).join())).toEqual(['one,two,three', 'four', 'five']);
  // Astral characters before the match: marks on the right characters.
  expect((await page('"energy policy"', 'Astral')).join()).toContain('before <mark>energy</mark> <mark>policy</mark> \u{1f4a1} and energy');
  // A hyphenated compound: its matched part marked inside it; the compound as a whole when it matches.
  expect((await page('rich', 'Hyphens'))[0]).toContain('energy-<mark>rich</mark>');
  expect((await page('"cross border"', 'Hyphens'))[0]).toContain('<mark>cross</mark>-<mark>border</mark>');
  expect((await page('e-government', 'Hyphens'))[0]).toContain('<mark>e-government</mark>');
  // Tags are dropped from the text between marks: a body's own "<mark>" is not a highlight.
  expect((await page('energy', 'Tag across lines'))[0]).toContain('See <mark>energy</mark> policy here.');
  expect(await page('energy', 'Fake marks')).toEqual(['A fake highlight, then the real one: <mark>energy</mark> policy.']);
  // A fragment starting at a compound's part starts at the compound.
  expect((await page('e-government', 'Hyphens'))[0]).toMatch(/^energy-rich /);
  // Past position 16,383 the vector keeps no position: the first match only.
  expect(await page('energy', 'Very long')).toHaveLength(1);
});

test('a row without a word map gets ts_headline of its whole body', () => {
  const hl = { queries: new Map([['english', parseTsQuery("'energi'")!]]), only: 'english', lexemes: ['energi'] };
  expect(rowHighlights({ hlTitle: '', hlBody: 'a <mark>energy</mark>  b … plain' }, hl)).toEqual(['a <mark>energy</mark> b']);
  expect(rowHighlights({ hlTitle: '<mark>Energy</mark>', hlBody: null, hlText: null, hlMap: null, hlPositions: null }, hl)).toEqual(['<mark>Energy</mark>']);
});

describe('parseTsQuery', () => {
  it.each([
    ["'energi'", ['energi']],
    ["'middl' <-> 'corridor'", ['middl', 'corridor']],
    ["'minist' <2> 'foreign' <-> 'affair'", ['minist', 'foreign', 'affair']],
    ["!'energi'", ['energi']],
    ["'minist' & !'energi'", ['minist', 'energi']],
    ["'o''brien' | 'a\\\\b'", ["o'brien", 'a\\b']],
    ["( 'a' | 'b' ) & 'c'", ['a', 'b', 'c']],
    ["'energi':AB & 'x'", ['energi', 'x']],
  ])('reads %j', (query, lexemes) => {
    expect(queryNodeLexemes(parseTsQuery(query)!)).toEqual(lexemes);
  });
  it('binds ! tighter than <->, <-> tighter than &, & tighter than |', () => {
    expect(parseTsQuery("'a' | 'b' & !'c' <-> 'd'")).toEqual({
      op: 'or',
      args: [
        { op: 'lexeme', lexeme: 'a', prefix: false },
        { op: 'and', args: [{ op: 'lexeme', lexeme: 'b', prefix: false }, { op: 'phrase', distance: 1, left: { op: 'not', arg: { op: 'lexeme', lexeme: 'c', prefix: false } }, right: { op: 'lexeme', lexeme: 'd', prefix: false } }] },
      ],
    });
  });
  it('says nothing for an empty query, no lexemes for a prefix, and refuses what it cannot read', () => {
    expect(parseTsQuery('')).toBeNull();
    expect(queryNodeLexemes(parseTsQuery("'energ':* & 'x'")!)).toBeNull();
    expect(() => parseTsQuery("'a' &")).toThrow();
    expect(() => parseTsQuery("( 'a'")).toThrow();
  });
});

test('a fragment folds whitespace exactly as /\\s+/g with one space would', () => {
  // Every character JavaScript counts as whitespace, alone and in runs of two and three with a plain
  // space or another of them, between words and at the ends.
  const spaces: string[] = [];
  for (let c = 0; c <= 0xffff; c++) if (/\s/.test(String.fromCharCode(c))) spaces.push(String.fromCharCode(c));
  expect(spaces.length).toBeGreaterThan(20);
  const runs = spaces.flatMap((a) => [a, a + a, ' ' + a, a + ' ', a + ' ' + a, spaces[(spaces.indexOf(a) + 1) % spaces.length] + a]);
  let checked = 0;
  for (const run of runs) {
    for (const text of [`word${run}word`, `${run}word`, `word${run}`, run, `a b${run}c  d`, `x${run}y${run}z`]) {
      expect(foldWhitespace(text)).toBe(text.replace(/\s+/g, ' '));
      checked++;
    }
  }
  expect(checked).toBe(runs.length * 6);
});
