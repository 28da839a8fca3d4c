// The four search scenarios of bench/run.js in the comparison: a keyword search, a phrase with a
// country, facets over the whole archive and facets of one topic. PostGraphile answers the two
// searches through SQL functions in a `bench_peer` schema (how a PostGraphile service adds
// full-text search: a function returning the page as JSON) with the floor's statement as body, and
// cuts the highlights in Node with our module, as the floor does (finishSearch); it
// has no facets, so facets compare with the floor only. The floor's facet statement is the one our
// read module writes (src/read/facets.ts), sent straight through pg.
'use strict';

const path = require('node:path');

const iso = (t) => new Date(t).toISOString();
const intOfGlobalId = (id) => Number(Buffer.from(id, 'base64').toString('utf8').split(':')[1]);

const WORDS = ['energy', 'cooperation', 'transport', 'climate', 'education', 'investment', 'tourism', 'healthcare', 'agriculture', 'security', 'trade', 'culture'];
const PHRASES = ['"middle corridor"', '"green energy"', '"political dialogue"', '"climate change"', '"transport corridor"', '"trade turnover"', '"strategic partnership"', '"cultural heritage"', '"mutual support"', '"working visit"'];
const TOPICS = ['energy', 'economy-trade', 'transport-connectivity', 'education', 'investment', 'climate-environment', 'healthcare', 'tourism', 'agriculture', 'culture-humanitarian'];

const TITLE_HEADLINE = 'StartSel=<mark>, StopSel=</mark>, HighlightAll=true';
const HEADLINE = 'StartSel=<mark>, StopSel=</mark>, MaxFragments=3, MaxWords=30, MinWords=12, FragmentDelimiter=" … "';

/**
 * A relevance page as our server answers it: the newest 1,000 matches ranked by ts_rank_cd (ties:
 * newest id), 20 of them with highlights, and the exact count of every match. $1 the search, $2 a
 * country code or NULL. English configuration (the synthetic archive is all English).
 *
 * Highlights as our server makes them (src/read/highlight.ts): the statement gives each edge what
 * they are cut from (`hl`: the title's ts_headline when the title has a match, the body, its word
 * map, the title's last position and the positions of the query's lexemes), and Node cuts them
 * (finishSearch, below, with our own module): the floor after the statement, PostGraphile in a plan
 * wrapped around the function's field (bench/peer/postgraphile-server.mjs).
 */
const SEARCH_SQL = `
  WITH hits AS MATERIALIZED (
    SELECT pr.id, pr.published_at FROM press_release pr
    WHERE pr.status = 'PUBLISHED' AND pr.search_vector @@ websearch_to_tsquery('english', $1)
      AND ($2::text IS NULL OR EXISTS (SELECT 1 FROM release_country rc WHERE rc.press_release_id = pr.id AND rc.country_code = $2::bpchar))
  ), win AS (
    SELECT id FROM hits ORDER BY published_at DESC, id DESC LIMIT 1000
  ), lx AS (
    SELECT coalesce(array_agg(m[1]), '{}') AS lexemes FROM regexp_matches(websearch_to_tsquery('english', $1)::text, '''([^'']+)''', 'g') m
  ), page AS (
    SELECT pr.id, pr.title, pr.published_at, pr.body, pr.body_words, pr.title_end, pr.search_vector, websearch_to_tsquery(search_config(pr.language), $1) AS q,
      search_config(pr.language) AS cfg, ts_rank_cd(pr.search_vector, websearch_to_tsquery(search_config(pr.language), $1))::float8 AS rank
    FROM win JOIN press_release pr ON pr.id = win.id ORDER BY rank DESC, pr.id DESC LIMIT 20
  )
  SELECT json_build_object('query', websearch_to_tsquery('english', $1)::text, 'totalCount', (SELECT count(*) FROM hits), 'edges', coalesce((
    SELECT json_agg(json_build_object(
      'hl', (SELECT json_build_object(
          'title', CASE WHEN coalesce(bool_or(u.positions[1] <= p.title_end), false) THEN ts_headline(p.cfg, p.title, p.q, '${TITLE_HEADLINE}') ELSE '' END,
          'headline', CASE WHEN p.body_words IS NULL THEN ts_headline(p.cfg, p.body, p.q, '${HEADLINE}') END,
          'body', CASE WHEN p.body_words IS NOT NULL THEN p.body END,
          'map', encode(p.body_words, 'base64'), 'titleEnd', p.title_end, 'positions', json_object_agg(u.lexeme, u.positions))
        FROM lx, unnest(ts_filter(setweight(p.search_vector, 'D', lx.lexemes), '{d}')) u),
      'id', p.id, 'title', p.title, 'publishedAt', p.published_at) ORDER BY p.rank DESC, p.id DESC) FROM page p), '[]'))`;

/** Highlight plans of the queries seen (English only, as the statement), made as our server makes them. */
const highlightPlans = new Map();
function highlightPlanOf(query) {
  let plan = highlightPlans.get(query);
  if (plan === undefined) {
    const { highlightPlan } = require(path.join(__dirname, '..', 'dist', 'read', 'releases.js'));
    plan = highlightPlan({ english: { query, rq: null, exact: false } });
    highlightPlans.set(query, plan);
  }
  return plan;
}

/** The answer of SEARCH_SQL with each edge's highlights cut from its `hl` (our src/read/releases.js). */
function finishSearch(d) {
  if (!d) return d;
  const { rowHighlights } = require(path.join(__dirname, '..', 'dist', 'read', 'releases.js'));
  const plan = highlightPlanOf(d.query);
  return {
    totalCount: d.totalCount,
    edges: d.edges.map(({ hl, ...e }) => ({
      highlights: rowHighlights(
        { hlTitle: hl.title, hlBody: hl.headline, hlText: hl.body, hlMap: hl.map, hlTitleEnd: hl.titleEnd, hlPositions: hl.positions },
        plan,
      ),
      ...e,
    })),
  };
}

const PGL_FUNCTION = `
  CREATE SCHEMA IF NOT EXISTS bench_peer;
  CREATE OR REPLACE FUNCTION bench_peer.search_releases(q text, country text DEFAULT NULL) RETURNS json
    LANGUAGE sql STABLE AS $fn$ ${SEARCH_SQL} $fn$;`;

const RELEASE_PAGE = 'totalCount edges { highlights node { id title publishedAt } }';
const normalizeOursSearch = ({ pressReleases: c }) => ({
  totalCount: c.totalCount,
  edges: c.edges.map((e) => ({ highlights: e.highlights, id: intOfGlobalId(e.node.id), title: e.node.title, publishedAt: iso(e.node.publishedAt) })),
});
const normalizeJsonSearch = (d) => ({ totalCount: d.totalCount, edges: d.edges.map((e) => ({ ...e, publishedAt: iso(e.publishedAt) })) });

const FACET = 'options { value label count } missing';
const FACET_NAMES = ['topics', 'countries', 'initiatives', 'people', 'meetingKinds', 'issuers', 'months'];
const ALL_FACETS = FACET_NAMES.map((f) => `${f} { ${FACET} }`).join(' ');
const FACET_LIMITS = { months: 500 };

/** Our read module's one facet statement for a filter (built by dist/read/facets.js, not sent). */
async function facetStatement(topicSlug) {
  const { facets } = require(path.join(__dirname, '..', 'dist', 'read', 'facets.js'));
  let statement;
  const capture = {
    database: {},
    async query(s) {
      // resolveFilter's topic lookup: answered from the bench's own map (set up once below).
      if (/FROM topic WHERE slug/.test(s.text)) return [{ id: facetStatement.topicIds.get(topicSlug) }];
      statement = s;
      return [{ facets: [] }];
    },
    transaction: (w) => w(capture),
  };
  const filter = { statuses: ['PUBLISHED'], topics: topicSlug ? [topicSlug] : undefined };
  await facets(capture, filter, FACET_NAMES.map((name) => ({ name, limit: FACET_LIMITS[name] ?? 50 })));
  // Values as our executor sends them (src/db/sql.ts: dates as ISO strings).
  return [statement.text, statement.values.map((v) => (v instanceof Date ? v.toISOString() : v))];
}
facetStatement.topicIds = new Map();
const normalizeFacets = (list) => Object.fromEntries(FACET_NAMES.map((n, i) => [n, list[i]]));

const SEARCHES = [
  {
    name: 'search',
    what: 'keyword search by relevance, 20 with highlights and exact totalCount (12 words in turn)',
    rotate: WORDS,
    ours: `query ($q: String!) { pressReleases(first: 20, orderBy: RELEVANCE, filter: { search: $q }) { ${RELEASE_PAGE} } }`,
    oursVariables: (q) => ({ q }),
    pgl: `query ($q: String!) { benchPeerSearchReleases(q: $q) }`,
    pglVariables: (q) => ({ q }),
    sql: (q) => [SEARCH_SQL, [q, null]],
    finish: finishSearch,
    normalize: { ours: normalizeOursSearch, pgl: (d) => normalizeJsonSearch(d.benchPeerSearchReleases), floor: normalizeJsonSearch },
  },
  {
    name: 'phrase+country',
    what: 'phrase search with countries: ["AZ"] (10 phrases in turn)',
    rotate: PHRASES,
    ours: `query ($q: String!) { pressReleases(first: 20, orderBy: RELEVANCE, filter: { search: $q, countries: ["AZ"] }) { ${RELEASE_PAGE} } }`,
    oursVariables: (q) => ({ q }),
    pgl: `query ($q: String!) { benchPeerSearchReleases(q: $q, country: "AZ") }`,
    pglVariables: (q) => ({ q }),
    sql: (q) => [SEARCH_SQL, [q, 'AZ']],
    finish: finishSearch,
    normalize: { ours: normalizeOursSearch, pgl: (d) => normalizeJsonSearch(d.benchPeerSearchReleases), floor: normalizeJsonSearch },
  },
  {
    name: 'facets',
    what: 'the seven facets over the whole archive (default limits)',
    ours: `{ facets { ${ALL_FACETS} } }`,
    sql: () => facetStatement(null),
    normalize: { ours: (d) => d.facets, floor: normalizeFacets },
  },
  {
    name: 'facets+topic',
    what: 'the seven facets of one topic (10 topics in turn)',
    rotate: TOPICS,
    ours: `query ($t: [String!]) { facets(filter: { topics: $t }) { ${ALL_FACETS} } }`,
    oursVariables: (t) => ({ t: [t] }),
    sql: (t) => facetStatement(t),
    normalize: { ours: (d) => d.facets, floor: normalizeFacets },
  },
];

module.exports = { SEARCHES, PGL_FUNCTION, facetStatement, finishSearch };
