// Meeting lists: filter, order by date, keyset paging, exact counts.
import { Prisma } from '../generated/prisma/client';
import type { MeetingKind, ReleaseStatus } from '../generated/prisma/enums';
import type { Db } from '../db/client';
import { MEETING_COLUMNS, type MeetingRow } from './rows';
import { finishPage, keysetCondition, orderBy, planPage, type Page, type PageArgs, type SortSpec } from './paging';

export interface MeetingFilter {
  kinds?: MeetingKind[] | null;
  /** ISO codes: meetings with a participant representing any of them. */
  countries?: string[] | null;
  /** Person ids: meetings any of them attended. */
  people?: number[] | null;
  from?: Date | null;
  to?: Date | null;
  /** Statuses of the reporting release (default: PUBLISHED). */
  statuses: ReleaseStatus[];
}

const some = <T>(xs: T[] | null | undefined): xs is T[] => Array.isArray(xs) && xs.length > 0;

function conditions(f: MeetingFilter): Prisma.Sql {
  const c: Prisma.Sql[] = [
    Prisma.sql`EXISTS (SELECT 1 FROM press_release pr WHERE pr.id = m.press_release_id
      AND pr.status = ANY(${f.statuses}::"ReleaseStatus"[]))`,
  ];
  if (some(f.kinds)) c.push(Prisma.sql`m.kind = ANY(${f.kinds}::"MeetingKind"[])`);
  if (some(f.countries)) {
    c.push(Prisma.sql`EXISTS (SELECT 1 FROM participant p WHERE p.meeting_id = m.id
      AND p.country_code = ANY(${f.countries}::bpchar[]))`);
  }
  if (some(f.people)) {
    c.push(Prisma.sql`EXISTS (SELECT 1 FROM participant p WHERE p.meeting_id = m.id
      AND p.person_id = ANY(${f.people}::int[]))`);
  }
  if (f.from) c.push(Prisma.sql`m.date >= ${f.from}::date`);
  if (f.to) c.push(Prisma.sql`m.date <= ${f.to}::date`);
  return Prisma.join(c, ' AND ');
}

export const meetingSort = (descending: boolean): SortSpec => ({
  name: descending ? 'md' : 'ma',
  descending,
  columns: [
    { sql: Prisma.sql`m.date`, cast: 'date', key: 'date' },
    { sql: Prisma.sql`m.id`, cast: 'int', key: 'id' },
  ],
});

export async function listMeetings(
  db: Db,
  filter: MeetingFilter,
  descending: boolean,
  args: PageArgs,
): Promise<Page<MeetingRow> & { sort: SortSpec }> {
  const sort = meetingSort(descending);
  const plan = planPage(args, sort);
  if (plan.limit === 0) return { rows: [], hasNextPage: false, hasPreviousPage: false, sort };
  const rows = await db.$queryRaw<MeetingRow[]>`
    SELECT ${MEETING_COLUMNS} FROM meeting m
    WHERE ${conditions(filter)} AND ${keysetCondition(sort, plan)}
    ORDER BY ${orderBy(sort, plan)} LIMIT ${plan.limit + 1}`;
  return { ...finishPage(rows, plan), sort };
}

export async function countMeetings(db: Db, filter: MeetingFilter): Promise<number> {
  const [{ n }] = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM meeting m WHERE ${conditions(filter)}`;
  return n;
}
