// Releases: lists (filter, order, keyset paging), exact counts, lookups by id and slug, and the
// highlights of a search. One SQL statement per page.
import type { ReleaseStatus } from '../generated/prisma/enums';
import { raw, sql, type SqlExecutor } from '../db/sql';
import type { ReleaseFilter } from '../domain/filters';
import { badInput } from '../errors';
import { RELEASE_COLUMNS, RELEASE_LIST_COLUMNS, type CountryRow, type ReleaseRow } from './rows';
import { releaseConditions, resolveFilter, searchQuerySql, type ResolvedFilter } from './release-conditions';
import { finishPage, keysetCondition, orderBy, planPage, type Page, type PageArgs, type SortSpec } from './paging';
import { statusIn } from './visibility';

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

export type RankedReleaseRow = ReleaseRow & { rank?: number };

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
  options: { body?: boolean } = {},
): Promise<Page<RankedReleaseRow> & { sort: SortSpec }> {
  // The body is most of a row's bytes (and out of line, in TOAST): only when the caller wants it.
  const columns = options.body ? RELEASE_COLUMNS : RELEASE_LIST_COLUMNS;
  const sort = releaseSort(order, rawFilter);
  const plan = planPage(args, sort);
  if (plan.limit === 0) return { rows: [], hasNextPage: false, hasPreviousPage: false, sort };
  const filter = await resolveFilter(db, rawFilter);
  const rows = await db.query<RankedReleaseRow>(
    order === 'RELEVANCE'
      ? sql`
          WITH window_hits AS MATERIALIZED (
            SELECT pr.id FROM press_release pr WHERE ${releaseConditions(filter)}
            ORDER BY pr.published_at DESC, pr.id DESC LIMIT ${RANK_WINDOW}
          )
          SELECT ${columns}, ${sort.columns[0].sql} AS rank
          FROM window_hits JOIN press_release pr ON pr.id = window_hits.id
          WHERE ${keysetCondition(sort, plan)}
          ORDER BY ${orderBy(sort, plan)} LIMIT ${plan.limit + 1}`
      : sql`
          SELECT ${columns} FROM press_release pr
          WHERE ${releaseConditions(filter)} AND ${keysetCondition(sort, plan)}
          ORDER BY ${orderBy(sort, plan)} LIMIT ${plan.limit + 1}`,
  );
  return { ...finishPage(rows, plan), sort };
}

export async function countReleases(db: SqlExecutor, rawFilter: ReleaseFilter | ResolvedFilter): Promise<number> {
  const filter = await resolveFilter(db, rawFilter);
  const count = sql`SELECT count(*)::int AS n FROM press_release pr WHERE ${releaseConditions(filter)}`;
  if (!filter.search) return (await db.query<{ n: number }>(count))[0].n;
  // The planner prices a sequential scan without reading each row's search vector from TOAST, so
  // for a word found in most releases it scanned the table (233 ms for one in 87% of 100k) instead
  // of counting over the GIN index (22 ms). Counting a search never needs the sequential scan.
  return db.transaction(async (tx) => {
    await tx.query(sql`SET LOCAL enable_seqscan = off`);
    return (await tx.query<{ n: number }>(count))[0].n;
  });
}

/** The bodies of releases by id (a list's rows come without; this reads them when a query asks). */
export function releaseBodies(db: SqlExecutor, ids: readonly number[]) {
  return db.query<{ key: number; body: string }>(sql`SELECT pr.id AS key, pr.body FROM press_release pr WHERE pr.id = ANY(${[...ids]}::int[])`);
}

const COUNTRY_JSON = (alias: string) =>
  sql`CASE WHEN ${raw(alias)}.code IS NULL THEN NULL ELSE json_build_object('code', ${raw(alias)}.code, 'name', ${raw(alias)}.name,
    'officialName', ${raw(alias)}.official_name, 'aliases', ${raw(alias)}.aliases, 'demonyms', ${raw(alias)}.demonyms) END`;

/**
 * Releases by id, those in `statuses` only, with the dateline's and the issuer's country rows (the
 * loaders prime the country loader with them: a release with its dateline costs one statement).
 */
export function releasesByIds(db: SqlExecutor, ids: readonly number[], statuses: readonly ReleaseStatus[]) {
  return db.query<ReleaseRow & { key: number; datelineCountry: CountryRow | null; issuerCountry: CountryRow | null }>(sql`
    SELECT pr.id AS key, ${RELEASE_COLUMNS}, ${COUNTRY_JSON('dc')} AS "datelineCountry", ${COUNTRY_JSON('ic')} AS "issuerCountry"
    FROM press_release pr
    LEFT JOIN country dc ON dc.code = pr.dateline_country_code LEFT JOIN country ic ON ic.code = pr.issuer_country_code
    WHERE pr.id = ANY(${[...ids]}::int[]) AND ${statusIn('pr', statuses)}`);
}

export async function releaseIdBySlug(db: SqlExecutor, slug: string): Promise<number | null> {
  const [row] = await db.query<{ id: number }>(sql`SELECT id FROM press_release WHERE slug = ${slug}`);
  return row?.id ?? null;
}

const HEADLINE = 'StartSel=<mark>, StopSel=</mark>, MaxFragments=3, MaxWords=30, MinWords=12, FragmentDelimiter=" … "';
const TITLE_HEADLINE = 'StartSel=<mark>, StopSel=</mark>, HighlightAll=true';

/** ts_headline fragments of title and body per release id (only those with a match): one page's worth. */
export async function highlightReleases(db: SqlExecutor, search: string, ids: readonly number[]): Promise<Map<number, string[]>> {
  const q = searchQuerySql(search);
  const rows = await db.query<{ id: number; title: string; body: string }>(sql`
    SELECT pr.id,
      ts_headline(search_config(pr.language), pr.title, ${q}, ${TITLE_HEADLINE}) AS title,
      ts_headline(search_config(pr.language), pr.body, ${q}, ${HEADLINE}) AS body
    FROM press_release pr WHERE pr.id = ANY(${[...ids]}::int[])`);
  const out = new Map<number, string[]>();
  for (const r of rows) {
    out.set(
      r.id,
      [r.title, ...r.body.split(' … ')].map((s) => s.replace(/\s+/g, ' ').trim()).filter((s) => s.includes('<mark>')),
    );
  }
  return out;
}
