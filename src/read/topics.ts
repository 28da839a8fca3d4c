// Topics: the fixed taxonomy, the topics of releases and meetings, and how many releases each has.
import type { ReleaseStatus } from '../generated/prisma/enums';
import { sql, type SqlExecutor } from '../db/sql';
import { TOPIC_COLUMNS, type TopicRow } from './rows';
import { statusIn } from './visibility';

type Keyed<T> = T & { key: number };

/** The whole taxonomy in its fixed order. */
export function allTopics(db: SqlExecutor) {
  return db.query<TopicRow>(sql`SELECT ${TOPIC_COLUMNS} FROM topic t ORDER BY t.position`);
}

/** Topics by slug, in the taxonomy's order. */
export function topicsBySlugs(db: SqlExecutor, slugs: readonly string[]) {
  return db.query<TopicRow>(sql`SELECT ${TOPIC_COLUMNS} FROM topic t WHERE t.slug = ANY(${[...slugs]}::text[]) ORDER BY t.position`);
}

export function topicsByIds(db: SqlExecutor, ids: readonly number[]) {
  return db.query<Keyed<TopicRow>>(sql`SELECT t.id AS key, ${TOPIC_COLUMNS} FROM topic t WHERE t.id = ANY(${[...ids]}::int[])`);
}

/** The topics of each release, in the taxonomy's order. */
export function topicsByReleases(db: SqlExecutor, ids: readonly number[]) {
  return db.query<Keyed<TopicRow>>(sql`SELECT rt.press_release_id AS key, ${TOPIC_COLUMNS} FROM release_topic rt
    JOIN topic t ON t.id = rt.topic_id
    WHERE rt.press_release_id = ANY(${[...ids]}::int[]) ORDER BY rt.press_release_id, t.position`);
}

/** The topics discussed at each meeting, in the taxonomy's order. */
export function topicsByMeetings(db: SqlExecutor, ids: readonly number[]) {
  return db.query<Keyed<TopicRow>>(sql`SELECT mt.meeting_id AS key, ${TOPIC_COLUMNS} FROM meeting_topic mt
    JOIN topic t ON t.id = mt.topic_id
    WHERE mt.meeting_id = ANY(${[...ids]}::int[]) ORDER BY mt.meeting_id, t.position`);
}

/** Releases in `statuses` per topic (topics without any left out). */
export function releaseCountsByTopics(db: SqlExecutor, ids: readonly number[], statuses: readonly ReleaseStatus[]) {
  return db.query<{ key: number; n: number }>(sql`SELECT rt.topic_id AS key, count(*)::int AS n
    FROM release_topic rt JOIN press_release pr ON pr.id = rt.press_release_id
    WHERE rt.topic_id = ANY(${[...ids]}::int[]) AND ${statusIn('pr', statuses)} GROUP BY rt.topic_id`);
}
