// Lists of people and initiatives, by name, with a simple search over names, aliases and acronyms.
import { Prisma } from '../generated/prisma/client';
import type { InitiativeKind } from '../generated/prisma/enums';
import type { Db } from '../db/client';
import { INITIATIVE_COLUMNS, type InitiativeRow, type PersonRow } from './rows';
import { finishPage, keysetCondition, orderBy, planPage, type Page, type PageArgs, type SortSpec } from './paging';

const byName = (alias: string, name: string): SortSpec => ({
  name,
  descending: false,
  columns: [
    { sql: Prisma.sql`lower(${Prisma.raw(alias)}.name)`, cast: 'text', key: 'sortName' },
    { sql: Prisma.sql`${Prisma.raw(alias)}.id`, cast: 'int', key: 'id' },
  ],
});

/** `%term%` with LIKE's own wildcards escaped. */
export const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function personConditions(search: string | null | undefined): Prisma.Sql {
  if (!search?.trim()) return Prisma.sql`TRUE`;
  const p = likePattern(search.trim());
  return Prisma.sql`(pe.name ILIKE ${p} OR EXISTS (SELECT 1 FROM unnest(pe.aliases) a WHERE a ILIKE ${p}))`;
}

export async function listPeople(db: Db, search: string | null | undefined, args: PageArgs) {
  const sort = byName('pe', 'pn');
  const plan = planPage(args, sort);
  if (plan.limit === 0) return { rows: [], hasNextPage: false, hasPreviousPage: false, sort };
  const rows = await db.$queryRaw<(PersonRow & { sortName: string })[]>`
    SELECT pe.id, pe.name, pe.aliases, lower(pe.name) AS "sortName" FROM person pe
    WHERE ${personConditions(search)} AND ${keysetCondition(sort, plan)}
    ORDER BY ${orderBy(sort, plan)} LIMIT ${plan.limit + 1}`;
  return { ...finishPage(rows, plan), sort };
}

export async function countPeople(db: Db, search: string | null | undefined): Promise<number> {
  const [{ n }] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM person pe WHERE ${personConditions(search)}`;
  return n;
}

function initiativeConditions(search: string | null | undefined, kinds: InitiativeKind[] | null | undefined): Prisma.Sql {
  const c: Prisma.Sql[] = [];
  if (search?.trim()) {
    const p = likePattern(search.trim());
    c.push(Prisma.sql`(i.name ILIKE ${p} OR i.acronym ILIKE ${p} OR EXISTS (SELECT 1 FROM unnest(i.aliases) a WHERE a ILIKE ${p}))`);
  }
  if (kinds?.length) c.push(Prisma.sql`i.kind = ANY(${kinds}::"InitiativeKind"[])`);
  return c.length ? Prisma.join(c, ' AND ') : Prisma.sql`TRUE`;
}

export async function listInitiatives(
  db: Db,
  search: string | null | undefined,
  kinds: InitiativeKind[] | null | undefined,
  args: PageArgs,
): Promise<Page<InitiativeRow & { sortName: string }> & { sort: SortSpec }> {
  const sort = byName('i', 'in');
  const plan = planPage(args, sort);
  if (plan.limit === 0) return { rows: [], hasNextPage: false, hasPreviousPage: false, sort };
  const rows = await db.$queryRaw<(InitiativeRow & { sortName: string })[]>`
    SELECT ${INITIATIVE_COLUMNS}, lower(i.name) AS "sortName" FROM initiative i
    WHERE ${initiativeConditions(search, kinds)} AND ${keysetCondition(sort, plan)}
    ORDER BY ${orderBy(sort, plan)} LIMIT ${plan.limit + 1}`;
  return { ...finishPage(rows, plan), sort };
}

export async function countInitiatives(db: Db, search: string | null | undefined, kinds: InitiativeKind[] | null | undefined) {
  const [{ n }] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM initiative i WHERE ${initiativeConditions(search, kinds)}`;
  return n;
}
