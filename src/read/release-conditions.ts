// The release filter as SQL: one definition shared by lists, counts, facets, trends and search, so
// every view of "the releases matching this filter" agrees.
import { join, literal, raw, sql, type Sql, type SqlExecutor } from '../db/sql';
import type { ReleaseFilter } from '../domain/filters';
import { searchConfigsInUse, searchMatchPlans, type SearchMatchPlan } from './search-configs';
import { statusIn } from './visibility';

/** A filter made ready for SQL (resolveFilter). */
export interface ResolvedFilter extends ReleaseFilter {
  /** The ids of `topics`: the SQL uses them instead of the slugs. */
  topicIds?: number[] | null;
  /** Text-search configurations to parse `search` with (see search-configs.ts). */
  searchConfigs?: string[] | null;
  /** How `search` reads `match` in each of those configurations (searchMatchPlans), for the narrow table. */
  searchPlans?: Record<string, SearchMatchPlan> | null;
}

/** Filter fields a facet may leave out, so a facet does not narrow itself. */
export type FilterField = 'countries' | 'topics' | 'initiatives' | 'people' | 'meetingKinds' | 'issuers' | 'from';

const some = <T>(xs: T[] | null | undefined): xs is T[] => Array.isArray(xs) && xs.length > 0;

/**
 * The filter with what its SQL needs looked up: the text-search configurations a search is parsed
 * with, and topic slugs as ids. With ids as constants the planner reads the topic's frequency from
 * its statistics and joins accordingly; through the slug it guessed 934 releases for 35,000 and
 * looked each up by key (168 ms; 29 ms by id, on 100k releases).
 */
export async function resolveFilter(db: SqlExecutor, filter: ReleaseFilter | ResolvedFilter): Promise<ResolvedFilter> {
  const resolved: ResolvedFilter = { ...filter };
  if (filter.search && !resolved.searchConfigs) resolved.searchConfigs = await searchConfigsInUse(db);
  if (filter.search && !resolved.searchPlans) resolved.searchPlans = await searchMatchPlans(db, narrowConfigs(resolved.searchConfigs!), filter.search);
  if (some(filter.topics) && !resolved.topicIds) {
    const rows = await db.query<{ id: number }>(sql`SELECT id FROM topic WHERE slug = ANY(${filter.topics}::text[]) ORDER BY id`);
    resolved.topicIds = rows.map((r) => r.id);
  }
  return resolved;
}

/** Postgres text-search configuration for a release's language (English unless known). */
const SEARCH_CONFIG_SQL = sql`search_config(pr.language)`;

/** Every configuration `search_config()` (migration release_search) can return. */
const SEARCH_CONFIGS = ['english', 'french', 'german', 'spanish', 'italian', 'portuguese', 'russian', 'turkish', 'dutch'];

/** The query parsed with each release's own configuration (for ranking and highlighting a hit). */
export function searchQuerySql(search: string): Sql {
  return sql`websearch_to_tsquery(${SEARCH_CONFIG_SQL}, ${search})`;
}

/**
 * Matches releases against a web-search query. The tsquery must be a constant for the GIN index to
 * serve it, so the query is parsed once per configuration and each release is tested against the
 * one its language uses: a BitmapOr of index scans, rechecked by language.
 */
export function searchMatchSql(search: string, configs: string[] = SEARCH_CONFIGS): Sql {
  const known = configs.filter((c) => SEARCH_CONFIGS.includes(c));
  // One configuration in the whole archive: no per-row language test is needed.
  if (known.length === 1) return sql`pr.search_vector @@ websearch_to_tsquery(${known[0]}::regconfig, ${search})`;
  return sql`(${join(
    (known.length ? known : SEARCH_CONFIGS).map(
      (cfg) => sql`(pr.search_vector @@ websearch_to_tsquery(${cfg}::regconfig, ${search})
        AND ${SEARCH_CONFIG_SQL} = ${cfg}::regconfig)`,
    ),
    ' OR ',
  )})`;
}

/**
 * Matches rows of `release_narrow` (migration release_narrow_search) against a web-search query:
 * `match` holds each release's lexemes and side-by-side pairs without positions, so words and
 * two-word phrases are answered by its GIN index exactly, with no release read. A query the pairs
 * answer only in part (a longer phrase, a distance over 1, a negation inside a phrase) is also
 * tested against the release's own search vector; search_match_exact says which, and both
 * functions are folded to constants when the statement is planned.
 */
export function narrowSearchMatchSql(search: string, configs: string[] = SEARCH_CONFIGS, plans?: Record<string, SearchMatchPlan> | null): Sql {
  const known = narrowConfigs(configs);
  const one = (cfg: string) => {
    const plan = plans?.[cfg];
    const recheck = sql`EXISTS (SELECT 1 FROM press_release sv
      WHERE sv.id = pr.id AND sv.search_vector @@ websearch_to_tsquery(${cfg}::regconfig, ${search}))`;
    if (!plan) {
      return sql`(search_match_query(${cfg}::regconfig, ${search}) IS NULL
      OR search_match(pr.match) @@ search_match_query(${cfg}::regconfig, ${search}))
    AND (search_match_exact(${cfg}::regconfig, ${search}) OR ${recheck})`;
    }
    // What the two functions decide, decided already (searchMatchPlans): the same conditions, with
    // the query over `match` a parameter, so a prepared statement's generic plan uses its index.
    const parts: Sql[] = [];
    if (plan.rq !== null) parts.push(sql`search_match(pr.match) @@ ${plan.rq}::tsquery`);
    if (!plan.exact) parts.push(recheck);
    return parts.length ? join(parts, ' AND ') : sql`TRUE`;
  };
  if (known.length === 1) return sql`(${one(known[0])})`;
  return sql`(${join(
    known.map((cfg) => sql`(${one(cfg)} AND ${SEARCH_CONFIG_SQL} = ${cfg}::regconfig)`),
    ' OR ',
  )})`;
}

/** The configurations narrowSearchMatchSql tests: those of `configs` it knows, or all of them. */
export function narrowConfigs(configs: readonly string[] = SEARCH_CONFIGS): string[] {
  const known = configs.filter((c) => SEARCH_CONFIGS.includes(c));
  return known.length ? known : SEARCH_CONFIGS;
}

/**
 * Which table `releaseConditions` is written over (alias `pr`): `press_release`, or its narrow copy
 * `release_narrow` (status, date, language, issuer, link arrays and the search's `match`), which
 * counts and facets read.
 */
export type ConditionTable = 'release' | 'narrow';

/**
 * The filter asks for statuses and nothing else: its conditions' plan does not depend on its
 * values, so a page of it may run as a prepared statement with a generic plan (src/db/sql.ts).
 */
export function statusesOnly(f: ReleaseFilter): boolean {
  return (
    !some(f.languages) && !f.search && !some(f.countries) && !some(f.topics) && !some(f.initiatives) &&
    !some(f.people) && !some(f.meetingKinds) && !some(f.issuers) && !f.from && !f.to
  );
}

/** A country code as it may be written into a statement's text. */
const CODE = /^[A-Z]{2}$/;

/**
 * The filter asks for statuses and issuers only, with codes that can be written into the text
 * (`codesInText`): with the codes as constants the plan is the one for those issuers (an issuer
 * of 50 releases and one of thousands take different plans), so the statement may be prepared.
 */
export function statusesAndIssuersOnly(f: ReleaseFilter): boolean {
  return statusesOnly({ ...f, issuers: null }) && some(f.issuers) && f.issuers.every((c) => CODE.test(c));
}

/**
 * A search whose reading of `match` is decided (`searchPlans`), with statuses and at most countries
 * and issuers whose codes can be written into the text (`codesInText`): a relevance page of it may
 * be prepared. Its plan then does not depend on the parameters (the query over `match`, the search
 * for ranking and highlights), only on the codes, which are in the text.
 */
export function searchAndCodesOnly(f: ResolvedFilter): boolean {
  const codes = (xs: string[] | null | undefined) => !some(xs) || xs.every((c) => CODE.test(c));
  return !!f.search && !!f.searchPlans && statusesOnly({ ...f, search: null, countries: null, issuers: null }) && codes(f.countries) && codes(f.issuers);
}

/** A tsquery of one plain lexeme as Postgres prints it (no quote or backslash inside, no weight or prefix mark). */
const ONE_LEXEME = /^'([^'\\]+)'$/;

/**
 * The one entry of `match` a search is answered by, when the filter is that search over the
 * published archive, with at most a country filter (what the public asks), and the entry answers
 * it exactly: a word, or a two-word phrase (its pair), in the one text-search configuration in use.
 * Such a search's matches are the releases of `release_lexeme` under that entry (migration
 * release_lexeme) whose country codes overlap `countries` when it is given (migration
 * release_lexeme_countries), newest first; null for any other filter.
 */
export function searchLexeme(f: ResolvedFilter): LexemeEntry | null {
  if (!f.search || !f.searchPlans || f.statuses.length !== 1 || f.statuses[0] !== 'PUBLISHED') return null;
  if (!statusesOnly({ ...f, search: null, countries: null })) return null;
  const configs = narrowConfigs(f.searchConfigs ?? undefined);
  if (configs.length !== 1) return null;
  const plan = f.searchPlans[configs[0]];
  if (!plan || !plan.exact || plan.rq === null) return null;
  const lexeme = ONE_LEXEME.exec(plan.rq)?.[1];
  if (lexeme === undefined) return null;
  // The entry's stored rank (migration release_lexeme_rank) is ts_rank_cd for the query the entry
  // stands for: usable when the search parses to exactly that query.
  return { lexeme, ranked: plan.query === entryQuery(lexeme), countries: some(f.countries) ? [...f.countries] : null };
}

/** What searchLexeme found: the entry, whether its stored ranks serve, and the countries asked for. */
export interface LexemeEntry {
  lexeme: string;
  ranked: boolean;
  countries: string[] | null;
}

/**
 * The entries of release_lexeme (alias `l`) a search found by searchLexeme matches: its lexeme, and
 * the countries' test on the codes each entry carries (the same test as on release_narrow's codes,
 * the codes in the statement's text).
 */
export function lexemeEntryConditions(entry: LexemeEntry): Sql {
  // The lexeme in the text: the plan of a prepared page is then the one for this lexeme, kept
  // (a parameter had Postgres plan each execution anew, about a millisecond of a phrase + country
  // search at 100,000 releases; docs/performance.md, fourteenth round).
  const byLexeme = sql`l.lexeme = ${literal(entry.lexeme)}`;
  return entry.countries ? sql`${byLexeme} AND l.country_codes && ${codeArray(entry.countries, true)}` : byLexeme;
}

/** The query an entry of `match` stands for, as Postgres prints it (release_lexeme_query). */
function entryQuery(lexeme: string): string {
  const pair = /^([^ ]+) ([^ ]+)$/.exec(lexeme);
  return pair ? `'${pair[1]}' <-> '${pair[2]}'` : `'${lexeme}'`;
}

/**
 * Country codes as a `bpchar[]`: written into the statement's text when `inText` and every code is
 * two capitals (a prepared statement's plan then fits them), else a parameter.
 */
function codeArray(codes: string[], inText: boolean): Sql {
  return inText && codes.every((code) => CODE.test(code)) ? sql`${raw(`'{${codes.join(',')}}'`)}::bpchar[]` : sql`${codes}::bpchar[]`;
}

/** WHERE conditions over `press_release pr` (or `release_narrow pr`). `omit` drops one field (a facet's own). */
export function releaseConditions(f: ResolvedFilter, omit?: FilterField, table: ConditionTable = 'release', codesInText = false): Sql {
  const c: Sql[] = [];
  const use = (field: FilterField) => omit !== field;
  if (f.statuses.length) c.push(statusIn('pr', f.statuses));
  if (some(f.languages)) c.push(sql`pr.language = ANY(${f.languages}::text[])`);
  if (f.search) {
    const configs = f.searchConfigs ?? undefined;
    c.push(table === 'narrow' ? narrowSearchMatchSql(f.search, configs, f.searchPlans) : searchMatchSql(f.search, configs));
  }
  // What a release links to is on its own row (sorted id arrays kept by triggers, migration
  // release_link_arrays): an overlap test each, served by a GIN index, no join.
  if (use('countries') && some(f.countries)) c.push(sql`pr.country_codes && ${codeArray(f.countries, codesInText)}`);
  if (use('topics') && some(f.topics)) {
    c.push(
      f.topicIds
        ? sql`pr.topic_ids && ${f.topicIds}::int[]`
        : sql`pr.topic_ids && ARRAY(SELECT t.id FROM topic t WHERE t.slug = ANY(${f.topics}::text[]))`,
    );
  }
  if (use('initiatives') && some(f.initiatives)) c.push(sql`pr.initiative_ids && ${f.initiatives}::int[]`);
  if (use('people') && some(f.people)) c.push(sql`pr.person_ids && ${f.people}::int[]`);
  if (use('meetingKinds') && some(f.meetingKinds)) c.push(sql`pr.meeting_kinds && ${f.meetingKinds}::"MeetingKind"[]`);
  if (use('issuers') && some(f.issuers)) {
    c.push(sql`pr.issuer_country_code = ANY(${codeArray(f.issuers, codesInText)})`);
  }
  // The date range is the months facet's own filter: `omit: 'from'` drops both ends.
  if (omit !== 'from') {
    if (f.from) c.push(sql`pr.published_at >= ${utcMidnight(f.from)}`);
    if (f.to) c.push(sql`pr.published_at < ${utcMidnight(f.to, 1)}`);
  }
  return c.length ? join(c, ' AND ') : sql`TRUE`;
}

/**
 * The slice of the archive whose facet counts are kept up to date (migration release_facet_counts)
 * that holds exactly the releases `releaseConditions(f, omit)` matches: 0 for the whole archive (a
 * filter of statuses only), a topic's id for the releases about one topic, null for any other
 * filter. Statuses are read from the counts, so they may be any.
 */
export function countedSlice(f: ResolvedFilter, omit?: FilterField): number | null {
  const use = (field: FilterField) => omit !== field;
  if (some(f.languages) || f.search) return null;
  if (use('countries') && some(f.countries)) return null;
  if (use('initiatives') && some(f.initiatives)) return null;
  if (use('people') && some(f.people)) return null;
  if (use('meetingKinds') && some(f.meetingKinds)) return null;
  if (use('issuers') && some(f.issuers)) return null;
  if (omit !== 'from' && (f.from || f.to)) return null;
  if (!use('topics') || !some(f.topics)) return 0;
  return f.topicIds?.length === 1 ? f.topicIds[0] : null;
}

/** A cell range of the release cube (migration release_facet_counts): a topic, a country, months. */
export interface CubeCells {
  /** A topic's id, or -1 for any. */
  topicId: number;
  /** A country's code, or '*' for any. */
  country: string;
  /** First and last month ("YYYY-MM"), null for open. */
  fromMonth: string | null;
  toMonth: string | null;
}

/**
 * The cells of the release cube (counts per topic, country and month) that hold exactly the
 * releases `releaseConditions(f, omit)` matches, or null: statuses, at most one topic, at most one
 * country and whole months (from the first of a month to the last day of one), nothing else.
 */
export function cubeCells(f: ResolvedFilter, omit?: FilterField): CubeCells | null {
  const use = (field: FilterField) => omit !== field;
  if (some(f.languages) || f.search) return null;
  if ((use('initiatives') && some(f.initiatives)) || (use('people') && some(f.people))) return null;
  if ((use('meetingKinds') && some(f.meetingKinds)) || (use('issuers') && some(f.issuers))) return null;
  let topicId = -1;
  if (use('topics') && some(f.topics)) {
    if (f.topicIds?.length !== 1) return null;
    topicId = f.topicIds[0];
  }
  let country = '*';
  if (use('countries') && some(f.countries)) {
    const codes = [...new Set(f.countries)];
    if (codes.length !== 1) return null;
    country = codes[0];
  }
  const from = omit === 'from' ? null : f.from;
  const to = omit === 'from' ? null : f.to;
  if (from && from.getUTCDate() !== 1) return null;
  if (to && new Date(to.getTime() + 86400000).getUTCDate() !== 1) return null;
  return { topicId, country, fromMonth: from ? isoDay(from).slice(0, 7) : null, toMonth: to ? isoDay(to).slice(0, 7) : null };
}

/** "YYYY-MM-DD" of a day, years 1 to 9999 written with four digits (toISOString signs others). */
export function isoDay(d: Date): string {
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The instant a day (plus some days) starts in UTC, as a constant the planner folds. */
export const utcMidnight = (d: Date, plusDays = 0) =>
  sql`((${isoDay(d)}::date + ${plusDays}::int)::timestamp AT TIME ZONE 'UTC')`;
