// Release lists: filter, order, keyset paging, exact counts. One SQL statement per page.
import { Prisma } from '../generated/prisma/client';
import type { Db } from '../db/client';
import { RELEASE_COLUMNS, type ReleaseRow } from './rows';
import { releaseConditions, searchQuerySql, type ReleaseFilter } from './release-filter';
import { finishPage, keysetCondition, orderBy, planPage, type Page, type PageArgs, type SortSpec } from './paging';
import { badInput } from '../errors';
import { resolveFilter } from './resolve-filter';

export type ReleaseOrder = 'PUBLISHED_AT_DESC' | 'PUBLISHED_AT_ASC' | 'RELEVANCE';

const byPublished = (descending: boolean): SortSpec => ({
  name: descending ? 'pd' : 'pa',
  descending,
  columns: [
    { sql: Prisma.sql`pr.published_at`, cast: 'timestamptz', key: 'publishedAt' },
    { sql: Prisma.sql`pr.id`, cast: 'int', key: 'id' },
  ],
});

/** Relevance is ts_rank_cd over the weighted vector; ties fall back to the newest. */
function byRelevance(search: string): SortSpec {
  return {
    name: 'r',
    descending: true,
    columns: [
      { sql: Prisma.sql`ts_rank_cd(pr.search_vector, ${searchQuerySql(search)})::float8`, cast: 'float8', key: 'rank' },
      { sql: Prisma.sql`pr.id`, cast: 'int', key: 'id' },
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
  db: Db,
  rawFilter: ReleaseFilter,
  order: ReleaseOrder,
  args: PageArgs,
): Promise<Page<RankedReleaseRow> & { sort: SortSpec }> {
  const filter = await resolveFilter(db, rawFilter);
  const sort = releaseSort(order, filter);
  const plan = planPage(args, sort);
  if (plan.limit === 0) return { rows: [], hasNextPage: false, hasPreviousPage: false, sort };
  const rows =
    order === 'RELEVANCE'
      ? await db.$queryRaw<RankedReleaseRow[]>`
          WITH window_hits AS MATERIALIZED (
            SELECT pr.id FROM press_release pr WHERE ${releaseConditions(filter)}
            ORDER BY pr.published_at DESC, pr.id DESC LIMIT ${RANK_WINDOW}
          )
          SELECT ${RELEASE_COLUMNS}, ${sort.columns[0].sql} AS rank
          FROM window_hits JOIN press_release pr ON pr.id = window_hits.id
          WHERE ${keysetCondition(sort, plan)}
          ORDER BY ${orderBy(sort, plan)} LIMIT ${plan.limit + 1}`
      : await db.$queryRaw<RankedReleaseRow[]>`
          SELECT ${RELEASE_COLUMNS} FROM press_release pr
          WHERE ${releaseConditions(filter)} AND ${keysetCondition(sort, plan)}
          ORDER BY ${orderBy(sort, plan)} LIMIT ${plan.limit + 1}`;
  return { ...finishPage(rows, plan), sort };
}

export async function countReleases(db: Db, rawFilter: ReleaseFilter): Promise<number> {
  const filter = await resolveFilter(db, rawFilter);
  const count = db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM press_release pr WHERE ${releaseConditions(filter)}`;
  if (!filter.search) return (await count)[0].n;
  // The planner prices a sequential scan without reading each row's search vector from TOAST, so
  // for a word found in most releases it scanned the table (233 ms for one in 87% of 100k) instead
  // of counting over the GIN index (22 ms). Counting a search never needs the sequential scan.
  const [, [{ n }]] = await db.$transaction([db.$executeRaw`SET LOCAL enable_seqscan = off`, count]);
  return n;
}
