// Releases: lists (filter, order, keyset paging), exact counts, lookups by id and slug, and the
// highlights of a search. One SQL statement per page.
import type { ReleaseStatus } from '../generated/prisma/enums';
import { empty, join, limit, literal, prepared, raw, sql, type Sql, type SqlExecutor } from '../db/sql';
import type { ReleaseFilter } from '../domain/filters';
import { badInput } from '../errors';
import { INITIATIVE_COLUMNS, MEETING_COLUMNS, PARTICIPANT_COLUMNS, RELEASE_COLUMNS, RELEASE_LIST_COLUMNS, TOPIC_COLUMNS, releaseFieldColumns, type ReleaseField, type CountryRow, type InitiativeRow, type MeetingRow, type ParticipantRow, type ReleaseRow, type TopicRow } from './rows';
import { lexemeEntryConditions, narrowConfigs, releaseConditions, resolveFilter, searchAndCodesOnly, searchLexeme, searchQuerySql, statusesAndIssuersOnly, statusesOnly, type LexemeEntry, type ResolvedFilter } from './release-conditions';
import { finishPage, keysetCondition, orderBy, planPage, type Page, type PageArgs, type PagePlan, type SortSpec } from './paging';
import { searchConfigsInUse, searchMatchPlans, type SearchMatchPlan } from './search-configs';
import { statusIn } from './visibility';
import { bodyHighlights, foldWhitespace, parseTsQuery, queryNodeLexemes, readWordMap, type QueryNode } from './highlight';

export type ReleaseOrder = 'PUBLISHED_AT_DESC' | 'PUBLISHED_AT_ASC' | 'RELEVANCE';

const byPublished = (descending: boolean): SortSpec => ({
  name: descending ? 'pd' : 'pa',
  descending,
  columns: [
    { sql: sql`pr.published_at`, cast: 'timestamptz', key: 'publishedAt' },
    { sql: sql`pr.id`, cast: 'int', key: 'id' },
  ],
});

/** Relevance is ts_rank_cd over the weighted vector; ties fall back to the newest. */
function byRelevance(search: string): SortSpec {
  return {
    name: 'r',
    descending: true,
    columns: [
      { sql: sql`ts_rank_cd(pr.search_vector, ${searchQuerySql(search)})::float8`, cast: 'float8', key: 'rank' },
      { sql: sql`pr.id`, cast: 'int', key: 'id' },
    ],
  };
}

export function releaseSort(order: ReleaseOrder, filter: ReleaseFilter): SortSpec {
  if (order === 'RELEVANCE') {
    if (!filter.search) throw badInput('orderBy', '`orderBy: RELEVANCE` needs `filter.search`');
    return byRelevance(filter.search);
  }
  return byPublished(order !== 'PUBLISHED_AT_ASC');
}

/** Nested rows a list may read in its own statement (the query asked for them). */
export interface ReleaseIncludes {
  topics?: boolean;
  meetings?: boolean;
  /** The meetings' participants, with their countries (needs `meetings`). */
  participants?: boolean;
  /** The meetings' topics (needs `meetings`). */
  meetingTopics?: boolean;
  /** The countries the release involves, most mentioned first (as countriesByReleases). */
  countries?: boolean;
  /** The initiatives it mentions, in order of first mention (as initiativesByReleases). */
  initiatives?: boolean;
  /**
   * Columns of the nested rows, for the fields the query selects (rows.ts, nestedColumns); absent:
   * every column. Only complete country rows prime the request's country loader.
   */
  columns?: NestedSelection;
}

/** What a statement reads of its nested rows (see ReleaseIncludes.columns). */
export interface NestedSelection {
  topics?: readonly string[];
  meetings?: readonly string[];
  meetingTopics?: readonly string[];
  participants?: readonly string[];
  /** Keys of each participant's country object; absent: all of them; null: no country (not selected). */
  participantCountry?: readonly string[] | null;
}

export type ParticipantJson = ParticipantRow & { country: CountryRow | null };
/** A meeting as JSON: `date` is the day as text ("2025-05-23"). */
export type MeetingJson = Omit<MeetingRow, 'date'> & { date: string; participants?: ParticipantJson[]; topics?: TopicRow[] };

/** A release row with the nested rows its includes asked for (JSON columns). */
export type IncludedRows = { topics?: TopicRow[]; meetings?: MeetingJson[]; countries?: CountryRow[]; initiatives?: InitiativeRow[] };

export type RankedReleaseRow = ReleaseRow & IncludedRows & HighlightColumns & { rank?: number };

const COUNTRY_OF = (alias: string) =>
  sql`CASE WHEN ${raw(alias)}.code IS NULL THEN NULL ELSE json_build_object('code', ${raw(alias)}.code, 'name', ${raw(alias)}.name,
    'officialName', ${raw(alias)}.official_name, 'aliases', ${raw(alias)}.aliases, 'demonyms', ${raw(alias)}.demonyms) END`;

/** Columns as SQL: the given ones (constants of rows.ts), or all of them. */
const columnsOr = (columns: readonly string[] | undefined, all: Sql) => (columns ? raw(columns.join(', ')) : all);

/** The SQL names of a country object's keys (COUNTRY_FIELDS). */
const COUNTRY_KEY_COLUMNS: Record<string, string> = { code: 'code', name: 'name', officialName: 'official_name', aliases: 'aliases', demonyms: 'demonyms' };

/**
 * Each participant's country (alias `c`, or only its code): every key, or those of `keys`. Only
 * the code needs no join (the participant holds it; a foreign key keeps it a country's).
 */
export function participantCountry(keys?: readonly string[]): { column: Sql; join: Sql } {
  if (!keys) return { column: sql`${COUNTRY_OF('c')} AS country`, join: sql`LEFT JOIN country c ON c.code = p.country_code` };
  if (keys.length === 1 && keys[0] === 'code') {
    return { column: sql`CASE WHEN p.country_code IS NULL THEN NULL ELSE json_build_object('code', p.country_code) END AS country`, join: empty };
  }
  const pairs = keys.map((k) => `'${k}', c.${COUNTRY_KEY_COLUMNS[k]}`).join(', ');
  return {
    column: sql`CASE WHEN c.code IS NULL THEN NULL ELSE json_build_object(${raw(pairs)}) END AS country`,
    join: sql`LEFT JOIN country c ON c.code = p.country_code`,
  };
}

/** The participants of meeting `m` as one JSON column, with the columns `columns` selects. */
export function participantsJson(columns: NestedSelection = {}): Sql {
  const country = columns.participantCountry === null ? null : participantCountry(columns.participantCountry);
  return sql`(SELECT coalesce(json_agg(y ORDER BY y.position), '[]') FROM (SELECT ${columnsOr(columns.participants, PARTICIPANT_COLUMNS)}${country ? sql`, ${country.column}` : empty}
          FROM participant p JOIN person pe ON pe.id = p.person_id ${country?.join ?? empty}
          WHERE p.meeting_id = m.id) y) AS participants`;
}

/**
 * The nested rows as JSON columns of each release row: the page and what it nests in one statement,
 * as PostGraphile reads a page (json_agg per level, evaluated for the page's rows only).
 */
function includeColumns(include: ReleaseIncludes): Sql {
  const parts: Sql[] = [];
  const columns = include.columns ?? {};
  if (include.topics) {
    parts.push(sql`(SELECT coalesce(json_agg(x ORDER BY x.position), '[]') FROM (SELECT ${columnsOr(columns.topics, TOPIC_COLUMNS)}
      FROM release_topic rt JOIN topic t ON t.id = rt.topic_id WHERE rt.press_release_id = pr.id) x) AS topics`);
  }
  if (include.meetings) {
    const participants = include.participants ? sql`, ${participantsJson(columns)}` : empty;
    const topics = include.meetingTopics
      ? sql`, (SELECT coalesce(json_agg(z ORDER BY z.position), '[]') FROM (SELECT ${columnsOr(columns.meetingTopics, TOPIC_COLUMNS)}
          FROM meeting_topic mt JOIN topic t ON t.id = mt.topic_id WHERE mt.meeting_id = m.id) z) AS topics`
      : empty;
    parts.push(sql`(SELECT coalesce(json_agg(x ORDER BY x.position), '[]') FROM (SELECT ${columnsOr(columns.meetings, MEETING_COLUMNS)}${participants}${topics}
      FROM meeting m WHERE m.press_release_id = pr.id) x) AS meetings`);
  }
  if (include.countries) {
    parts.push(sql`(SELECT coalesce(json_agg(${COUNTRY_OF('c')} ORDER BY rc.mentions DESC, c.name), '[]')
      FROM release_country rc JOIN country c ON c.code = rc.country_code WHERE rc.press_release_id = pr.id) AS countries`);
  }
  if (include.initiatives) {
    parts.push(sql`(SELECT coalesce(json_agg(json_build_object('id', x.id, 'name', x.name, 'acronym', x.acronym, 'kind', x.kind, 'aliases', x.aliases)
        ORDER BY x.first_mention), '[]')
      FROM (SELECT DISTINCT ON (i.id) ${INITIATIVE_COLUMNS}, im.id AS first_mention FROM initiative_mention im
        JOIN initiative i ON i.id = im.initiative_id WHERE im.press_release_id = pr.id ORDER BY i.id, im.id) x) AS initiatives`);
  }
  return parts.length ? sql`, ${join(parts, ', ')}` : empty;
}

/**
 * How many of the newest matches a RELEVANCE search ranks. Ranking reads every ranked release's
 * vector, so ranking all of 50,000 matches took seconds (bench/README.md); the newest 1,000 are
 * ranked, and the rest stay reachable in date order. `totalCount` still counts every match.
 */
export const RANK_WINDOW = 1000;

export async function listReleases(
  db: SqlExecutor,
  rawFilter: ReleaseFilter | ResolvedFilter,
  order: ReleaseOrder,
  args: PageArgs,
  options: {
    body?: boolean;
    include?: ReleaseIncludes;
    highlights?: boolean;
    /** Only the columns of these fields (and id and date, for the order and the cursors); absent: all but the body. */
    fields?: readonly ReleaseField[];
    rankWindow?: number;
    /**
     * A RELEVANCE page also counts every match (the exact `totalCount`) in its own statement, from
     * the same bitmap its window is taken from, instead of a second statement scanning it again.
     */
    total?: boolean;
  } = {},
): Promise<Page<RankedReleaseRow> & { sort: SortSpec; total?: number; highlight?: HighlightPlan | null }> {
  const rankWindow = options.rankWindow ?? RANK_WINDOW;
  // The body is most of a row's bytes (and out of line, in TOAST): only when the caller wants it.
  const search = options.highlights && rawFilter.search ? rawFilter.search : null;
  const row = options.body ? RELEASE_COLUMNS : options.fields ? releaseFieldColumns(options.fields) : RELEASE_LIST_COLUMNS;
  const sort = releaseSort(order, rawFilter);
  const plan = planPage(args, sort);
  if (plan.limit === 0) return { rows: [], hasNextPage: false, hasPreviousPage: false, sort };
  const columns = sql`${row}${includeColumns(options.include ?? {})}`;
  // Highlights are computed over the statement's rows, for the page's rows only: the row past the
  // page (read only to tell whether there is a next one) gets none.
  const filter = await resolveFilter(db, rawFilter);
  const hl = search ? highlightPlan(filter.searchPlans) : null;
  const highlighted = (statement: Sql) => (search ? withHighlights(statement, search, sort, plan, hl) : statement);
  // The window is ordered by an expression (the same order) so the planner cannot walk the date
  // index testing each release's `match`, read from TOAST (which it does not price): for a word in
  // 19% of 100,000 releases that read 5,300 of them. It takes the bitmap of match's index and sorts.
  // The count of every match rides on the window's rows (`count(*) OVER ()` is taken before the
  // window's sort and limit): the same conditions as countReleases, one bitmap scan instead of two.
  const total = options.total && order === 'RELEVANCE';
  // A search of statuses, countries and issuers only is prepared (searchAndCodesOnly): the query over
  // `match` decided in Node (resolveFilter), the codes and both limits in the text; its generic plan
  // is the custom plans' (match's index, the newest `rankWindow` sorted, ranked by the primary key).
  const relevance = () => {
    // A word or a two-word phrase over the published archive, with at most countries: its newest
    // matches are the first entries of its lexeme in release_lexeme's index (whose codes overlap the
    // countries), and the count a sum of the lexeme's kept counts (migration release_lexeme; with
    // one country, release_lexeme_country_counts) or, with several countries, an index-only count
    // of its entries (migration release_lexeme_countries),
    // instead of a bitmap of every match, the heap pages holding them, a spool for the count and a
    // sort. Same window, same ranking, same count.
    const entry = searchLexeme(filter);
    if (entry !== null) {
      const { ranked } = entry;
      const windowHits = sql`
          WITH window_hits AS MATERIALIZED (
            SELECT l.id${ranked ? sql`, l.rank` : empty} FROM release_lexeme l WHERE ${lexemeEntryConditions(entry)}
            ORDER BY l.published_at DESC, l.id DESC ${limit(rankWindow)}
          )`;
      const windowTotal = total ? sql`, (${lexemeCount(entry)}) AS "windowTotal"` : empty;
      if (ranked) {
        // The search parses to exactly the query the entry stands for, so each entry's stored rank
        // (migration release_lexeme_rank) is the rank ts_rank_cd gives it: the window and its ranks
        // are one index-only scan, the page is ranked there, and only its rows read press_release.
        const column = (w: string, key: 'rank' | 'id'): SortSpec['columns'][number] =>
          key === 'rank' ? { sql: sql`${raw(w)}.rank::float8`, cast: 'float8', key } : { sql: sql`${raw(w)}.id`, cast: 'int', key };
        const over = (w: string): SortSpec => ({ ...sort, columns: [column(w, 'rank'), column(w, 'id')] });
        return prepared(highlighted(sql`${windowHits}, page AS MATERIALIZED (
            SELECT window_hits.id, window_hits.rank::float8 AS rank FROM window_hits
            WHERE ${keysetCondition(over('window_hits'), plan)}
            ORDER BY ${orderBy(over('window_hits'), plan)} ${limit(plan.limit + 1)}
          )
          SELECT ${columns}, page.rank${windowTotal}
          FROM page JOIN press_release pr ON pr.id = page.id
          ORDER BY ${orderBy(over('page'), plan)}`));
      }
      return prepared(highlighted(sql`${windowHits}
          SELECT ${columns}, ${sort.columns[0].sql} AS rank${windowTotal}
          FROM window_hits JOIN press_release pr ON pr.id = window_hits.id
          WHERE ${keysetCondition(sort, plan)}
          ORDER BY ${orderBy(sort, plan)} ${limit(plan.limit + 1)}`));
    }
    const named = searchAndCodesOnly(filter);
    const statement = sql`
          WITH window_hits AS MATERIALIZED (
            SELECT pr.id${total ? sql`, count(*) OVER ()::int AS total` : empty} FROM release_narrow pr WHERE ${releaseConditions(filter, undefined, 'narrow', named)}
            ORDER BY pr.published_at + interval '0' DESC, pr.id DESC ${limit(rankWindow)}
          )
          SELECT ${columns}, ${sort.columns[0].sql} AS rank${total ? sql`, window_hits.total AS "windowTotal"` : empty}
          FROM window_hits JOIN press_release pr ON pr.id = window_hits.id
          WHERE ${keysetCondition(sort, plan)}
          ORDER BY ${orderBy(sort, plan)} ${limit(plan.limit + 1)}`;
    return named ? prepared(highlighted(statement)) : highlighted(statement);
  };
  const rows = await db.query<RankedReleaseRow & { windowTotal?: number }>(
    order === 'RELEVANCE'
      ? relevance()
      : statusesOnly(filter) || statusesAndIssuersOnly(filter)
        ? // The newest pages (of some issuers): the same plan whatever the parameters' values, so
          // prepared, its limit (and issuers' codes) in the text.
          prepared(highlighted(sql`
          SELECT ${columns} FROM press_release pr
          WHERE ${releaseConditions(filter, undefined, 'release', true)} AND ${keysetCondition(sort, plan)}
          ORDER BY ${orderBy(sort, plan)} ${limit(plan.limit + 1)}`))
        : highlighted(sql`
          SELECT ${columns} FROM press_release pr
          WHERE ${releaseConditions(filter)} AND ${keysetCondition(sort, plan)}
          ORDER BY ${orderBy(sort, plan)} LIMIT ${plan.limit + 1}`),
  );
  // No row back (no match, or a page past the last): the count is not known here (countReleases).
  const page = { ...finishPage(rows, plan), sort, ...(total && rows.length ? { total: rows[0].windowTotal } : {}) };
  // How the rows' highlight columns are read (rowHighlights).
  return search ? { ...page, highlight: hl } : page;
}

/**
 * The published releases whose `match` holds the entry's lexeme: the sum of its kept counts
 * (migration release_lexeme); with one country, the sum of its kept counts for that country
 * (migration release_lexeme_country_counts: the folded totals and the log since, one snapshot);
 * with several, its entries whose codes overlap them, counted from the index (migration
 * release_lexeme_countries: a release about two of them would count twice in a sum).
 */
const lexemeCount = (entry: LexemeEntry) => {
  const codes = entry.countries ? [...new Set(entry.countries)] : null;
  if (codes?.length === 1) {
    const where = sql`c.lexeme = ${literal(entry.lexeme)} AND c.country_code = ${literal(codes[0])}::bpchar`;
    return sql`SELECT coalesce(sum(c.n), 0)::int FROM (
        SELECT c.n FROM release_lexeme_country_total c WHERE ${where}
        UNION ALL
        SELECT c.n FROM release_lexeme_country_count c WHERE ${where}) c`;
  }
  return codes
    ? sql`SELECT count(*)::int FROM release_lexeme l WHERE ${lexemeEntryConditions(entry)}`
    : sql`SELECT coalesce(sum(c.n), 0)::int FROM release_lexeme_count c WHERE c.lexeme = ${literal(entry.lexeme)}`;
};

export async function countReleases(db: SqlExecutor, rawFilter: ReleaseFilter | ResolvedFilter): Promise<number> {
  const filter = await resolveFilter(db, rawFilter);
  // Counted over the narrow copy (migration release_narrow_search): a third of press_release's
  // pages, and a search is answered by the index of `match` (words and two-word phrases exactly).
  // The planner prices testing `match` row by row (search_match), so it counts over the index
  // without the SET LOCAL enable_seqscan = off this needed on press_release's search vector.
  // A word or two-word phrase over the published archive: the kept count of its entries in
  // release_lexeme (the same releases; no match visited); with countries, its entries about them
  // counted in the index.
  const entry = searchLexeme(filter);
  const [row] = await db.query<{ n: number }>(
    entry !== null
      ? prepared(sql`SELECT (${lexemeCount(entry)}) AS n`)
      : sql`SELECT count(*)::int AS n FROM release_narrow pr WHERE ${releaseConditions(filter, undefined, 'narrow')}`,
  );
  return row.n;
}

/** The bodies of releases by id (a list's rows come without; this reads them when a query asks). */
export function releaseBodies(db: SqlExecutor, ids: readonly number[]) {
  return db.query<{ key: number; body: string }>(sql`SELECT pr.id AS key, pr.body FROM press_release pr WHERE pr.id = ANY(${[...ids]}::int[])`);
}

const COUNTRY_JSON = COUNTRY_OF;

/**
 * Releases by id, those in `statuses` only, with the dateline's and the issuer's country rows (the
 * loaders prime the country loader with them: a release with its dateline costs one statement),
 * and the nested rows `include` asks for (a release with everything on it: one statement, not 7).
 */
export function releasesByIds(db: SqlExecutor, ids: readonly number[], statuses: readonly ReleaseStatus[], include: ReleaseIncludes = {}) {
  // One id (a release read by id) as `=`, prepared: a generic plan of `= ANY($1)` guesses ten rows
  // and hash-joins the countries (cost 1,535 against 169), so Postgres would plan it every time.
  const byId = ids.length === 1 ? sql`pr.id = ${ids[0]}::int` : sql`pr.id = ANY(${[...ids]}::int[])`;
  const statement = sql`
    SELECT pr.id AS key, ${RELEASE_COLUMNS}, ${COUNTRY_JSON('dc')} AS "datelineCountry", ${COUNTRY_JSON('ic')} AS "issuerCountry"${includeColumns(include)}
    FROM press_release pr
    LEFT JOIN country dc ON dc.code = pr.dateline_country_code LEFT JOIN country ic ON ic.code = pr.issuer_country_code
    WHERE ${byId} AND ${statusIn('pr', statuses)}`;
  return db.query<ReleaseRow & IncludedRows & { key: number; datelineCountry: CountryRow | null; issuerCountry: CountryRow | null }>(
    ids.length === 1 ? prepared(statement) : statement,
  );
}

export async function releaseIdBySlug(db: SqlExecutor, slug: string): Promise<number | null> {
  const [row] = await db.query<{ id: number }>(sql`SELECT id FROM press_release WHERE slug = ${slug}`);
  return row?.id ?? null;
}

const HEADLINE = 'StartSel=<mark>, StopSel=</mark>, MaxFragments=3, MaxWords=30, MinWords=12, FragmentDelimiter=" … "';
const TITLE_HEADLINE = 'StartSel=<mark>, StopSel=</mark>, HighlightAll=true';

/** Whitespace that folding changes: any but a single space between two other characters. */
const UNFOLDED = /[^\S ]| {2}|^ | $/;
function pushFragment(out: string[], s: string) {
  // Tested in one pass, trimmed, then only the runs that change replaced: replacing every run (each
  // single space a match) and trimming after was most of a search page's allocation in Node, 120 KB
  // of its 210 (docs/performance.md, thirteenth round).
  if (s.includes('<mark>')) out.push(UNFOLDED.test(s) ? foldWhitespace(s.trim()) : s);
}

/**
 * The highlight fragments of a title's and a body's ts_headline: those with a match, spaces folded
 * (each run of whitespace one space, none at either end). Only fragments with a match are folded,
 * and no array is built for the others (a third less time for a page than split, map and filter).
 */
export function highlightFragments(title: string, body: string): string[] {
  const out: string[] = [];
  pushFragment(out, title);
  for (let start = 0; ; ) {
    const end = body.indexOf(' … ', start);
    pushFragment(out, end < 0 ? body.slice(start) : body.slice(start, end));
    if (end < 0) return out;
    start = end + 3;
  }
}

/** How a search's rows are highlighted: its query per configuration, parsed, and every lexeme they name. */
export interface HighlightPlan {
  /** The parsed query of each configuration the search is read with. */
  queries: ReadonlyMap<string, QueryNode>;
  /** The only configuration, or null when rows name theirs (`hlCfg`). */
  only: string | null;
  lexemes: string[];
}

/** highlightPlan of one search's plans, kept with them (searchMatchPlans keeps those). */
const highlightPlans = new WeakMap<Record<string, SearchMatchPlan>, HighlightPlan | null>();

/**
 * A search's highlight plan, or null when its fragments are ts_headline's of the whole body: a
 * prefix (a position list cannot say where a prefix matches), or no plans.
 */
export function highlightPlan(plans: Record<string, SearchMatchPlan> | null | undefined): HighlightPlan | null {
  if (!plans) return null;
  let known = highlightPlans.get(plans);
  if (known !== undefined) return known;
  const queries = new Map<string, QueryNode>();
  const lexemes = new Set<string>();
  known = { queries, only: null, lexemes: [] };
  for (const [cfg, plan] of Object.entries(plans)) {
    const node = parseTsQuery(plan.query);
    const words = node && queryNodeLexemes(node);
    if (!node) continue;
    if (!words) {
      known = null;
      break;
    }
    queries.set(cfg, node);
    for (const w of words) lexemes.add(w);
  }
  if (known) {
    known.lexemes = [...lexemes];
    known.only = queries.size === 1 ? [...queries.keys()][0] : null;
  }
  highlightPlans.set(plans, known);
  return known;
}

/** The columns a search page's row carries for its highlights (rowHighlights reads them). */
export interface HighlightColumns {
  /** ts_headline of the title (every match marked), or '' when the title holds no match. */
  hlTitle?: string;
  /** ts_headline of the whole body, when the body has no word map or the search no plan. */
  hlBody?: string | null;
  /** The body, its word map and the positions of the search's lexemes in the release's vector. */
  hlText?: string | null;
  /**
   * The word map in base64 (Postgres's `encode`, lines of 76): a third shorter than bytea's hex
   * text, and decoded by Node in a third of the time pg's bytea parser takes over the hex.
   */
  hlMap?: string | null;
  /** The title's last position in the vector (column title_end). */
  hlTitleEnd?: number | null;
  hlPositions?: Record<string, number[]> | null;
  /** The row's search configuration, when the search is read with several. */
  hlCfg?: string;
}

/**
 * A row's highlights: the title's headline when it has a match, then the body's fragments, cut in
 * Node from the word map (src/read/highlight.ts), or from ts_headline of the whole body where there
 * is no map. Spaces folded, each fragment with a match.
 */
export function rowHighlights(row: HighlightColumns, hl: HighlightPlan | null): string[] {
  if (row.hlBody != null || !hl) return highlightFragments(row.hlTitle ?? '', row.hlBody ?? '');
  const out = highlightFragments(row.hlTitle ?? '', '');
  const query = hl.queries.get(hl.only ?? row.hlCfg ?? '');
  if (query && row.hlText && row.hlMap && row.hlPositions) out.push(...bodyHighlights(row.hlText, readWordMap(Buffer.from(row.hlMap, 'base64'), row.hlTitleEnd ?? 0), query, row.hlPositions));
  return out;
}

/**
 * The highlight columns of a row (alias `pr`), computed where `when` holds (a page's rows, not the
 * one read past it), and the join they read (alias `hp`): the positions of the search's lexemes,
 * from its vector (set to weight D, then filtered: no unnest of the whole vector), as JSON, and
 * whether one is in the title. A row without a word map gets ts_headline of its whole body.
 */
function highlightColumns(search: string, hl: HighlightPlan | null, when: Sql): { columns: Sql; join: Sql } {
  const q = searchQuerySql(search);
  const cfg = sql`search_config(pr.language)`;
  const title = sql`ts_headline(${cfg}, pr.title, ${q}, ${TITLE_HEADLINE})`;
  const body = sql`ts_headline(${cfg}, pr.body, ${q}, ${HEADLINE})`;
  if (!hl) return { columns: sql`CASE WHEN ${when} THEN ${title} END AS "hlTitle", CASE WHEN ${when} THEN ${body} END AS "hlBody"`, join: empty };
  const mapped = sql`${when} AND pr.body_words IS NOT NULL`;
  return {
    columns: sql`CASE WHEN ${when} THEN CASE WHEN hp.in_title THEN ${title} ELSE '' END END AS "hlTitle",
      CASE WHEN ${when} AND pr.body_words IS NULL THEN ${body} END AS "hlBody",
      CASE WHEN ${mapped} AND hp.ps IS NOT NULL THEN pr.body END AS "hlText",
      CASE WHEN ${mapped} AND hp.ps IS NOT NULL THEN encode(pr.body_words, 'base64') END AS "hlMap",
      CASE WHEN ${mapped} AND hp.ps IS NOT NULL THEN pr.title_end END AS "hlTitleEnd",
      CASE WHEN ${mapped} THEN hp.ps END AS "hlPositions"${hl.only ? empty : sql`, ${cfg}::text AS "hlCfg"`}`,
    // The title holds a match when one of the lexemes' positions is among the title's.
    join: sql`CROSS JOIN LATERAL (SELECT json_object_agg(u.lexeme, u.positions) AS ps, coalesce(bool_or(u.positions[1] <= pr.title_end), false) AS in_title
      FROM unnest(ts_filter(setweight(pr.search_vector, 'D', ${hl.lexemes}::text[]), '{d}')) u) hp`,
  };
}

/**
 * A page's statement with the highlight columns on its rows, read from press_release by id over
 * the statement's `limit + 1` rows, for the first `limit` of them in the page's order (its cursor
 * columns, which every page's rows carry): the row read past the page, to tell whether there is a
 * next one, gets none. Numbered over the statement's output, not inside it, so no expression of the
 * order (a rank over the search vector) is computed again per row.
 */
function withHighlights(statement: Sql, search: string, sort: SortSpec, plan: PagePlan, hl: HighlightPlan | null): Sql {
  const dir = raw(sort.descending !== plan.backward ? 'DESC' : 'ASC');
  const keys = join(sort.columns.map((c) => sql`p.${raw(`"${c.key}"`)} ${dir}`), ', ');
  const onPage = sql`row_number() OVER (ORDER BY ${keys}) <= ${raw(String(plan.limit))}`;
  const { columns, join: hpJoin } = highlightColumns(search, hl, onPage);
  return sql`SELECT p.*, ${columns}
    FROM (${statement}) p JOIN press_release pr ON pr.id = p.id ${hpJoin}
    ORDER BY ${keys}`;
}

/** The highlights of title and body per release id (only fragments with a match): one page's worth. */
export async function highlightReleases(db: SqlExecutor, search: string, ids: readonly number[]): Promise<Map<number, string[]>> {
  const plans = await searchMatchPlans(db, narrowConfigs(await searchConfigsInUse(db)), search);
  const hl = highlightPlan(plans);
  const { columns, join: hpJoin } = highlightColumns(search, hl, sql`true`);
  const rows = await db.query<HighlightColumns & { id: number }>(sql`
    SELECT pr.id, ${columns} FROM press_release pr ${hpJoin} WHERE pr.id = ANY(${[...ids]}::int[])`);
  const out = new Map<number, string[]>();
  for (const r of rows) out.set(r.id, rowHighlights(r, hl));
  return out;
}

/**
 * Release `id` as it is now, if it matches `filter` (statuses included): how a subscription decides
 * whether an announced change is one its client asked for. The same conditions as the lists.
 */
export async function releaseIfMatching(db: SqlExecutor, filter: ResolvedFilter, id: number): Promise<ReleaseRow | null> {
  const rows = await db.query<ReleaseRow>(
    sql`SELECT ${RELEASE_COLUMNS} FROM press_release pr WHERE pr.id = ${id} AND ${releaseConditions(filter)}`,
  );
  return rows[0] ?? null;
}
