// Meetings and their participants: lists (filter, order by date, keyset paging), exact counts,
// and the batched lookups nested fields load through.
import type { ReleaseStatus } from '../generated/prisma/enums';
import { empty, join, limit, prepared, raw, sql, type Sql, type SqlExecutor } from '../db/sql';
import type { MeetingFilter } from '../domain/filters';
import { MEETING_COLUMNS, PARTICIPANT_COLUMNS, type CountryRow, type MeetingRow, type ParticipantRow } from './rows';
import { finishPage, keysetCondition, orderBy, planPage, type Page, type PageArgs, type SortSpec } from './paging';
import { isoDay } from './release-conditions';
import { participantsJson, type NestedSelection } from './releases';
import { statusIn } from './visibility';

const some = <T>(xs: T[] | null | undefined): xs is T[] => Array.isArray(xs) && xs.length > 0;

/** A meeting kind as it may be written into a statement's text (an enum label: capitals and underscores). */
const KIND_LABEL = /^[A-Z][A-Z_]*$/;

/** The filter asks for statuses and kinds only (kinds that can be written into the text). */
const kindsOnly = (f: MeetingFilter) =>
  !some(f.countries) && !some(f.people) && !f.from && !f.to && (f.kinds ?? []).every((k) => KIND_LABEL.test(k));

/** `kindsInText`: the kinds written as a constant (only for labels KIND_LABEL admits), not a parameter. */
function conditions(f: MeetingFilter, kindsInText = false): Sql {
  const c: Sql[] = [sql`EXISTS (SELECT 1 FROM press_release pr WHERE pr.id = m.press_release_id AND ${statusIn('pr', f.statuses)})`];
  if (some(f.kinds)) {
    c.push(kindsInText ? sql`m.kind = ANY(${raw(`'{${f.kinds.join(',')}}'`)}::"MeetingKind"[])` : sql`m.kind = ANY(${f.kinds}::"MeetingKind"[])`);
  }
  if (some(f.countries)) {
    c.push(sql`EXISTS (SELECT 1 FROM participant p WHERE p.meeting_id = m.id
      AND p.country_code = ANY(${f.countries}::bpchar[]))`);
  }
  if (some(f.people)) {
    c.push(sql`EXISTS (SELECT 1 FROM participant p WHERE p.meeting_id = m.id
      AND p.person_id = ANY(${f.people}::int[]))`);
  }
  if (f.from) c.push(sql`m.date >= ${isoDay(f.from)}::date`);
  if (f.to) c.push(sql`m.date <= ${isoDay(f.to)}::date`);
  return join(c, ' AND ');
}

export const meetingSort = (descending: boolean): SortSpec => ({
  name: descending ? 'md' : 'ma',
  descending,
  columns: [
    { sql: sql`m.date`, cast: 'date', key: 'date' },
    { sql: sql`m.id`, cast: 'int', key: 'id' },
  ],
});

/** A meeting row of a list, with its participants when the list read them (`withParticipants`). */
export type ListedMeetingRow = MeetingRow & { participants?: (ParticipantRow & { country: CountryRow | null })[] };


export async function listMeetings(
  db: SqlExecutor,
  filter: MeetingFilter,
  descending: boolean,
  args: PageArgs,
  options: {
    withParticipants?: boolean;
    /** Columns of the participants and keys of their countries, for the fields the query selects (absent: all). */
    columns?: Pick<NestedSelection, 'participants' | 'participantCountry'>;
  } = {},
): Promise<Page<ListedMeetingRow> & { sort: SortSpec }> {
  const sort = meetingSort(descending);
  const plan = planPage(args, sort);
  if (plan.limit === 0) return { rows: [], hasNextPage: false, hasPreviousPage: false, sort };
  // Each meeting's participants and their countries as one JSON column (the page in one statement).
  const columns = sql`${MEETING_COLUMNS}${options.withParticipants ? sql`, ${participantsJson(options.columns)}` : empty}`;
  const rows = await db.query<ListedMeetingRow>(
    kindsOnly(filter)
      ? // Meetings of some kinds (or all): the kinds and the limit in the text, so the plan does not
        // depend on the values and the statement is prepared (src/db/sql.ts).
        prepared(sql`
          SELECT ${columns} FROM meeting m
          WHERE ${conditions(filter, true)} AND ${keysetCondition(sort, plan)}
          ORDER BY ${orderBy(sort, plan)} ${limit(plan.limit + 1)}`)
      : sql`
          SELECT ${columns} FROM meeting m
          WHERE ${conditions(filter)} AND ${keysetCondition(sort, plan)}
          ORDER BY ${orderBy(sort, plan)} LIMIT ${plan.limit + 1}`,
  );
  return { ...finishPage(rows, plan), sort };
}

export async function countMeetings(db: SqlExecutor, filter: MeetingFilter): Promise<number> {
  const [{ n }] = await db.query<{ n: number }>(sql`SELECT count(*)::int AS n FROM meeting m WHERE ${conditions(filter)}`);
  return n;
}

type Keyed<T> = T & { key: number };

/** Meetings by id, of releases in `statuses` only. */
export function meetingsByIds(db: SqlExecutor, ids: readonly number[], statuses: readonly ReleaseStatus[]) {
  return db.query<Keyed<MeetingRow>>(sql`SELECT m.id AS key, ${MEETING_COLUMNS} FROM meeting m
    JOIN press_release pr ON pr.id = m.press_release_id
    WHERE m.id = ANY(${[...ids]}::int[]) AND ${statusIn('pr', statuses)}`);
}

/** The meetings of each release, in text order. */
export function meetingsByReleases(db: SqlExecutor, ids: readonly number[]) {
  return db.query<Keyed<MeetingRow>>(sql`SELECT m.press_release_id AS key, ${MEETING_COLUMNS} FROM meeting m
    WHERE m.press_release_id = ANY(${[...ids]}::int[]) ORDER BY m.press_release_id, m.position`);
}

/** Participants by id, of releases in `statuses` only. */
export function participantsByIds(db: SqlExecutor, ids: readonly number[], statuses: readonly ReleaseStatus[]) {
  return db.query<Keyed<ParticipantRow>>(sql`SELECT p.id AS key, ${PARTICIPANT_COLUMNS} FROM participant p
    JOIN person pe ON pe.id = p.person_id JOIN meeting m ON m.id = p.meeting_id JOIN press_release pr ON pr.id = m.press_release_id
    WHERE p.id = ANY(${[...ids]}::int[]) AND ${statusIn('pr', statuses)}`);
}

/** A participant's country as its own row (null without one), read in the same statement. */
export type ParticipantWithCountry = Keyed<ParticipantRow> & { country: CountryRow | null };

/**
 * The participants of each meeting, hosts first as the text names them, with their countries
 * (the loaders prime the country loader with them: one statement less per page).
 */
export function participantsByMeetings(db: SqlExecutor, ids: readonly number[]) {
  return db.query<ParticipantWithCountry>(sql`SELECT p.meeting_id AS key, ${PARTICIPANT_COLUMNS},
      CASE WHEN c.code IS NULL THEN NULL ELSE json_build_object('code', c.code, 'name', c.name, 'officialName', c.official_name,
        'aliases', c.aliases, 'demonyms', c.demonyms) END AS country
    FROM participant p
    JOIN person pe ON pe.id = p.person_id LEFT JOIN country c ON c.code = p.country_code
    WHERE p.meeting_id = ANY(${[...ids]}::int[]) ORDER BY p.meeting_id, p.position`);
}

/** The latest `first` participations of each person in releases in `statuses`. */
export function participationsByPeople(db: SqlExecutor, ids: readonly number[], first: number, statuses: readonly ReleaseStatus[]) {
  return db.query<Keyed<ParticipantRow>>(sql`
    SELECT * FROM (
      SELECT p.person_id AS key, ${PARTICIPANT_COLUMNS},
        row_number() OVER (PARTITION BY p.person_id ORDER BY m.date DESC, p.id DESC) AS rn
      FROM participant p JOIN person pe ON pe.id = p.person_id JOIN meeting m ON m.id = p.meeting_id
      JOIN press_release pr ON pr.id = m.press_release_id
      WHERE p.person_id = ANY(${[...ids]}::int[]) AND ${statusIn('pr', statuses)}) x
    WHERE rn <= ${first} ORDER BY key, rn`);
}
