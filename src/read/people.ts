// People: the directory by name (with a search over names and aliases), lookups, and the roles
// they held. A person exists for a viewer only through a release the viewer may see, and a role's
// dates come from those releases alone (src/domain/visibility.ts).
import type { ReleaseStatus } from '../generated/prisma/enums';
import { raw, sql, type Sql, type SqlExecutor } from '../db/sql';
import type { PersonRoleRow, PersonRow } from './rows';
import { finishPage, keysetCondition, orderBy, planPage, type Page, type PageArgs, type SortSpec } from './paging';
import { personVisible, statusIn } from './visibility';

/** Alphabetical (case-insensitive), then by id: the order of the directories. */
export const byName = (alias: string, name: string): SortSpec => ({
  name,
  descending: false,
  columns: [
    { sql: sql`lower(${raw(alias)}.name)`, cast: 'text', key: 'sortName' },
    { sql: sql`${raw(alias)}.id`, cast: 'int', key: 'id' },
  ],
});

/** `%term%` with LIKE's own wildcards escaped. */
export const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function personConditions(search: string | null | undefined, statuses: readonly ReleaseStatus[]): Sql {
  const visible = personVisible(statuses);
  if (!search?.trim()) return visible;
  const p = likePattern(search.trim());
  return sql`(pe.name ILIKE ${p} OR EXISTS (SELECT 1 FROM unnest(pe.aliases) a WHERE a ILIKE ${p})) AND ${visible}`;
}

export async function listPeople(
  db: SqlExecutor,
  search: string | null | undefined,
  statuses: readonly ReleaseStatus[],
  args: PageArgs,
): Promise<Page<PersonRow & { sortName: string }> & { sort: SortSpec }> {
  const sort = byName('pe', 'pn');
  const plan = planPage(args, sort);
  if (plan.limit === 0) return { rows: [], hasNextPage: false, hasPreviousPage: false, sort };
  const rows = await db.query<PersonRow & { sortName: string }>(sql`
    SELECT pe.id, pe.name, pe.aliases, lower(pe.name) AS "sortName" FROM person pe
    WHERE ${personConditions(search, statuses)} AND ${keysetCondition(sort, plan)}
    ORDER BY ${orderBy(sort, plan)} LIMIT ${plan.limit + 1}`);
  return { ...finishPage(rows, plan), sort };
}

export async function countPeople(db: SqlExecutor, search: string | null | undefined, statuses: readonly ReleaseStatus[]): Promise<number> {
  const [{ n }] = await db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM person pe WHERE ${personConditions(search, statuses)}`);
  return n;
}

type Keyed<T> = T & { key: number };

/** People by id, those a release in `statuses` names only. */
export function peopleByIds(db: SqlExecutor, ids: readonly number[], statuses: readonly ReleaseStatus[]) {
  return db.query<Keyed<PersonRow>>(sql`SELECT pe.id AS key, pe.id, pe.name, pe.aliases FROM person pe
    WHERE pe.id = ANY(${[...ids]}::int[]) AND ${personVisible(statuses)}`);
}

/** The people at each release's meetings, by id. */
export function peopleByReleases(db: SqlExecutor, ids: readonly number[]) {
  return db.query<Keyed<PersonRow>>(sql`
    SELECT DISTINCT ON (m.press_release_id, pe.id) m.press_release_id AS key, pe.id, pe.name, pe.aliases
    FROM meeting m JOIN participant p ON p.meeting_id = m.id JOIN person pe ON pe.id = p.person_id
    WHERE m.press_release_id = ANY(${[...ids]}::int[]) ORDER BY m.press_release_id, pe.id, m.position, p.position`);
}

/**
 * The roles each person held, latest first: one per title as written, from the first to the last
 * meeting that shows it in a release in `statuses`; kind and country as the latest shows them.
 */
export function rolesByPeople(db: SqlExecutor, ids: readonly number[], statuses: readonly ReleaseStatus[]) {
  return db.query<Keyed<PersonRoleRow>>(sql`
    SELECT p.person_id AS key, p.person_id AS "personId", p.role AS title,
      (array_agg(p.role_kind::text ORDER BY m.date DESC, p.id DESC))[1] AS "roleKind",
      (array_agg(p.country_code ORDER BY m.date DESC, p.id DESC))[1] AS "countryCode",
      min(m.date) AS "firstSeen", max(m.date) AS "lastSeen"
    FROM participant p JOIN meeting m ON m.id = p.meeting_id JOIN press_release pr ON pr.id = m.press_release_id
    WHERE p.person_id = ANY(${[...ids]}::int[]) AND ${statusIn('pr', statuses)}
    GROUP BY p.person_id, p.role
    ORDER BY p.person_id, "lastSeen" DESC, "firstSeen" DESC, title`);
}
