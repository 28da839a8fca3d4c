// Per-request batching: every nested list loads through one of these, so a page costs the same
// number of SQL statements whatever its size.
import DataLoader from 'dataloader';
import { Prisma } from '../generated/prisma/client';
import type { Db } from '../db/client';
import {
  COUNTRY_COLUMNS,
  INITIATIVE_COLUMNS,
  MEETING_COLUMNS,
  PARTICIPANT_COLUMNS,
  RELEASE_COLUMNS,
  TOPIC_COLUMNS,
  type CountryRow,
  type InitiativeRow,
  type MeetingRow,
  type MentionRow,
  type ParticipantRow,
  type PersonRoleRow,
  type PersonRow,
  type ReleaseRow,
  type TopicRow,
} from '../domain/rows';

type Keyed<T> = T & { key: number | string };

/** One row (or none) per key. */
function byKey<K extends number | string, T>(load: (keys: K[]) => Promise<Keyed<T>[]>) {
  return new DataLoader<K, T | null>(async (keys) => {
    const rows = await load([...keys]);
    const map = new Map(rows.map((r) => [r.key, r]));
    return keys.map((k) => map.get(k) ?? null);
  });
}

/** A list of rows per key, in the order the SQL returns them. */
function listByKey<K extends number | string, T>(load: (keys: K[]) => Promise<Keyed<T>[]>) {
  return new DataLoader<K, T[]>(async (keys) => {
    const rows = await load([...keys]);
    const map = new Map<number | string, T[]>();
    for (const r of rows) {
      const list = map.get(r.key) ?? [];
      list.push(r);
      map.set(r.key, list);
    }
    return keys.map((k) => map.get(k) ?? []);
  });
}

export function createLoaders(db: Db) {
  const q = <T>(sql: Prisma.Sql) => db.$queryRaw<T[]>(sql);
  return {
    release: byKey<number, ReleaseRow>((ids) =>
      q(Prisma.sql`SELECT pr.id AS key, ${RELEASE_COLUMNS} FROM press_release pr WHERE pr.id = ANY(${ids}::int[])`),
    ),
    meeting: byKey<number, MeetingRow>((ids) =>
      q(Prisma.sql`SELECT m.id AS key, ${MEETING_COLUMNS} FROM meeting m WHERE m.id = ANY(${ids}::int[])`),
    ),
    meetingsByRelease: listByKey<number, MeetingRow>((ids) =>
      q(Prisma.sql`SELECT m.press_release_id AS key, ${MEETING_COLUMNS} FROM meeting m
        WHERE m.press_release_id = ANY(${ids}::int[]) ORDER BY m.press_release_id, m.position`),
    ),
    participant: byKey<number, ParticipantRow>((ids) =>
      q(Prisma.sql`SELECT p.id AS key, ${PARTICIPANT_COLUMNS} FROM participant p JOIN person pe ON pe.id = p.person_id
        WHERE p.id = ANY(${ids}::int[])`),
    ),
    participantsByMeeting: listByKey<number, ParticipantRow>((ids) =>
      q(Prisma.sql`SELECT p.meeting_id AS key, ${PARTICIPANT_COLUMNS} FROM participant p
        JOIN person pe ON pe.id = p.person_id
        WHERE p.meeting_id = ANY(${ids}::int[]) ORDER BY p.meeting_id, p.position`),
    ),
    person: byKey<number, PersonRow>((ids) =>
      q(Prisma.sql`SELECT id AS key, id, name, aliases FROM person WHERE id = ANY(${ids}::int[])`),
    ),
    peopleByRelease: listByKey<number, PersonRow>((ids) =>
      q(Prisma.sql`SELECT DISTINCT ON (m.press_release_id, pe.id) m.press_release_id AS key, pe.id, pe.name, pe.aliases,
          m.position, p.position AS ppos
        FROM meeting m JOIN participant p ON p.meeting_id = m.id JOIN person pe ON pe.id = p.person_id
        WHERE m.press_release_id = ANY(${ids}::int[]) ORDER BY m.press_release_id, pe.id, m.position, p.position`),
    ),
    rolesByPerson: listByKey<number, PersonRoleRow>((ids) =>
      q(Prisma.sql`SELECT r.person_id AS key, r.id, r.person_id AS "personId", r.title, r.role_kind::text AS "roleKind",
          r.country_code AS "countryCode", r.first_seen AS "firstSeen", r.last_seen AS "lastSeen"
        FROM person_role r WHERE r.person_id = ANY(${ids}::int[]) ORDER BY r.person_id, r.last_seen DESC, r.id`),
    ),
    country: byKey<string, CountryRow>((codes) =>
      q(Prisma.sql`SELECT c.code AS key, ${COUNTRY_COLUMNS} FROM country c WHERE c.code = ANY(${codes}::bpchar[])`),
    ),
    countriesByRelease: listByKey<number, CountryRow>((ids) =>
      q(Prisma.sql`SELECT rc.press_release_id AS key, ${COUNTRY_COLUMNS} FROM release_country rc
        JOIN country c ON c.code = rc.country_code
        WHERE rc.press_release_id = ANY(${ids}::int[]) ORDER BY rc.press_release_id, rc.mentions DESC, c.name`),
    ),
    topic: byKey<number, TopicRow>((ids) =>
      q(Prisma.sql`SELECT t.id AS key, ${TOPIC_COLUMNS} FROM topic t WHERE t.id = ANY(${ids}::int[])`),
    ),
    topicsByRelease: listByKey<number, TopicRow>((ids) =>
      q(Prisma.sql`SELECT rt.press_release_id AS key, ${TOPIC_COLUMNS} FROM release_topic rt
        JOIN topic t ON t.id = rt.topic_id
        WHERE rt.press_release_id = ANY(${ids}::int[]) ORDER BY rt.press_release_id, t.position`),
    ),
    topicsByMeeting: listByKey<number, TopicRow>((ids) =>
      q(Prisma.sql`SELECT mt.meeting_id AS key, ${TOPIC_COLUMNS} FROM meeting_topic mt
        JOIN topic t ON t.id = mt.topic_id
        WHERE mt.meeting_id = ANY(${ids}::int[]) ORDER BY mt.meeting_id, t.position`),
    ),
    /** Published releases per topic. */
    topicReleaseCount: new DataLoader<number, number>(async (ids) => {
      const rows = await q<{ key: number; n: number }>(Prisma.sql`SELECT rt.topic_id AS key, count(*)::int AS n
        FROM release_topic rt JOIN press_release pr ON pr.id = rt.press_release_id
        WHERE rt.topic_id = ANY(${[...ids]}::int[]) AND pr.status = 'PUBLISHED' GROUP BY rt.topic_id`);
      const map = new Map(rows.map((r) => [r.key, r.n]));
      return ids.map((id) => map.get(id) ?? 0);
    }),
    initiative: byKey<number, InitiativeRow>((ids) =>
      q(Prisma.sql`SELECT i.id AS key, ${INITIATIVE_COLUMNS} FROM initiative i WHERE i.id = ANY(${ids}::int[])`),
    ),
    initiativesByRelease: listByKey<number, InitiativeRow>((ids) =>
      q(Prisma.sql`SELECT key, id, name, acronym, kind, aliases FROM (
          SELECT DISTINCT ON (im.press_release_id, i.id) im.press_release_id AS key, ${INITIATIVE_COLUMNS}, im.id AS first_mention
          FROM initiative_mention im JOIN initiative i ON i.id = im.initiative_id
          WHERE im.press_release_id = ANY(${ids}::int[]) ORDER BY im.press_release_id, i.id, im.id) x
        ORDER BY key, first_mention`),
    ),
    initiativesByMeeting: listByKey<number, InitiativeRow>((ids) =>
      q(Prisma.sql`SELECT mi.meeting_id AS key, ${INITIATIVE_COLUMNS} FROM meeting_initiative mi
        JOIN initiative i ON i.id = mi.initiative_id
        WHERE mi.meeting_id = ANY(${ids}::int[]) ORDER BY mi.meeting_id, i.name`),
    ),
    mention: byKey<number, MentionRow>((ids) =>
      q(Prisma.sql`SELECT id AS key, id, initiative_id AS "initiativeId", press_release_id AS "pressReleaseId",
          meeting_id AS "meetingId", sentence FROM initiative_mention WHERE id = ANY(${ids}::int[])`),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

/** The rows a `loadMany` found (missing keys and per-key errors left out). */
export const found = <T>(rows: (T | null | Error)[]): T[] => rows.filter((r): r is T => r !== null && !(r instanceof Error));
