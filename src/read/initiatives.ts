// Initiatives: the directory by name (with a search over names, acronyms and aliases), lookups,
// and their mentions. An initiative exists for a viewer only through a release it may see.
import type { InitiativeKind, ReleaseStatus } from '../generated/prisma/enums';
import { join, sql, type Sql, type SqlExecutor } from '../db/sql';
import { INITIATIVE_COLUMNS, type InitiativeRow, type MentionRow } from './rows';
import { finishPage, keysetCondition, orderBy, planPage, type Page, type PageArgs, type SortSpec } from './paging';
import { byName, likePattern } from './people';
import { initiativeVisible, statusIn } from './visibility';

function initiativeConditions(search: string | null | undefined, kinds: InitiativeKind[] | null | undefined, statuses: readonly ReleaseStatus[]): Sql {
  const c: Sql[] = [initiativeVisible(statuses)];
  if (search?.trim()) {
    const p = likePattern(search.trim());
    c.push(sql`(i.name ILIKE ${p} OR i.acronym ILIKE ${p} OR EXISTS (SELECT 1 FROM unnest(i.aliases) a WHERE a ILIKE ${p}))`);
  }
  if (kinds?.length) c.push(sql`i.kind = ANY(${kinds}::"InitiativeKind"[])`);
  return join(c, ' AND ');
}

export async function listInitiatives(
  db: SqlExecutor,
  search: string | null | undefined,
  kinds: InitiativeKind[] | null | undefined,
  statuses: readonly ReleaseStatus[],
  args: PageArgs,
): Promise<Page<InitiativeRow & { sortName: string }> & { sort: SortSpec }> {
  const sort = byName('i', 'in');
  const plan = planPage(args, sort);
  if (plan.limit === 0) return { rows: [], hasNextPage: false, hasPreviousPage: false, sort };
  const rows = await db.query<InitiativeRow & { sortName: string }>(sql`
    SELECT ${INITIATIVE_COLUMNS}, lower(i.name) AS "sortName" FROM initiative i
    WHERE ${initiativeConditions(search, kinds, statuses)} AND ${keysetCondition(sort, plan)}
    ORDER BY ${orderBy(sort, plan)} LIMIT ${plan.limit + 1}`);
  return { ...finishPage(rows, plan), sort };
}

export async function countInitiatives(
  db: SqlExecutor,
  search: string | null | undefined,
  kinds: InitiativeKind[] | null | undefined,
  statuses: readonly ReleaseStatus[],
): Promise<number> {
  const [{ n }] = await db.query<{ n: number }>(sql`
    SELECT count(*)::int AS n FROM initiative i WHERE ${initiativeConditions(search, kinds, statuses)}`);
  return n;
}

type Keyed<T> = T & { key: number };

/** Initiatives by id, those a release in `statuses` mentions only. */
export function initiativesByIds(db: SqlExecutor, ids: readonly number[], statuses: readonly ReleaseStatus[]) {
  return db.query<Keyed<InitiativeRow>>(sql`SELECT i.id AS key, ${INITIATIVE_COLUMNS} FROM initiative i
    WHERE i.id = ANY(${[...ids]}::int[]) AND ${initiativeVisible(statuses)}`);
}

/** The initiatives each release mentions, in the order of their first mention. */
export function initiativesByReleases(db: SqlExecutor, ids: readonly number[]) {
  return db.query<Keyed<InitiativeRow>>(sql`SELECT key, id, name, acronym, kind, aliases FROM (
      SELECT DISTINCT ON (im.press_release_id, i.id) im.press_release_id AS key, ${INITIATIVE_COLUMNS}, im.id AS first_mention
      FROM initiative_mention im JOIN initiative i ON i.id = im.initiative_id
      WHERE im.press_release_id = ANY(${[...ids]}::int[]) ORDER BY im.press_release_id, i.id, im.id) x
    ORDER BY key, first_mention`);
}

/** The initiatives discussed at each meeting, by name. */
export function initiativesByMeetings(db: SqlExecutor, ids: readonly number[]) {
  return db.query<Keyed<InitiativeRow>>(sql`SELECT mi.meeting_id AS key, ${INITIATIVE_COLUMNS} FROM meeting_initiative mi
    JOIN initiative i ON i.id = mi.initiative_id
    WHERE mi.meeting_id = ANY(${[...ids]}::int[]) ORDER BY mi.meeting_id, i.name`);
}

const MENTION_COLUMNS = sql`im.id, im.initiative_id AS "initiativeId", im.press_release_id AS "pressReleaseId",
  im.meeting_id AS "meetingId", im.sentence`;

/** Mentions by id, in releases in `statuses` only. */
export function mentionsByIds(db: SqlExecutor, ids: readonly number[], statuses: readonly ReleaseStatus[]) {
  return db.query<Keyed<MentionRow>>(sql`SELECT im.id AS key, ${MENTION_COLUMNS} FROM initiative_mention im
    JOIN press_release pr ON pr.id = im.press_release_id
    WHERE im.id = ANY(${[...ids]}::int[]) AND ${statusIn('pr', statuses)}`);
}

/** The latest `first` mentions of each initiative in releases in `statuses`. */
export function mentionsByInitiatives(db: SqlExecutor, ids: readonly number[], first: number, statuses: readonly ReleaseStatus[]) {
  return db.query<MentionRow & { key: number }>(sql`
    SELECT * FROM (
      SELECT im.initiative_id AS key, ${MENTION_COLUMNS},
        row_number() OVER (PARTITION BY im.initiative_id ORDER BY pr.published_at DESC, im.id DESC) AS rn
      FROM initiative_mention im JOIN press_release pr ON pr.id = im.press_release_id
      WHERE im.initiative_id = ANY(${[...ids]}::int[]) AND ${statusIn('pr', statuses)}) x
    WHERE rn <= ${first} ORDER BY key, rn`);
}
