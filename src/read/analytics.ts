// The shape of the archive: who meets whom (partners), how often over time (trends), and which
// releases are close to one another (related).
import { sql, type Sql, type SqlExecutor } from '../db/sql';
import { MAX_TREND_POINTS, type ReleaseFilter } from '../domain/filters';
import { DEFAULT_STATUSES } from '../domain/visibility';
import { countedSlice, isoDay, releaseConditions, resolveFilter } from './release-conditions';
import { statusIn } from './visibility';
import { keptCounts } from './facets';

export interface PartnerRow {
  code: string;
  meetingCount: number;
  lastMeeting: Date;
  topTopicIds: number[];
}

export type PartnerOrder = 'MOST_MEETINGS' | 'MOST_RECENT';

/**
 * Countries whose representatives met `code`'s, in meetings of published releases (a list's default
 * statuses). Read from the counts kept per pair of countries (migration partner_counts): meetings
 * per topic (topic 0: all of them) for the count and the top topics, and per day for the last
 * meeting (the pair's latest day with a count, read backwards from the index).
 */
export async function partners(db: SqlExecutor, code: string, first: number, order: PartnerOrder, topTopics: number): Promise<PartnerRow[]> {
  const orderSql =
    order === 'MOST_RECENT' ? sql`last_meeting DESC, meeting_count DESC, code` : sql`meeting_count DESC, last_meeting DESC, code`;
  return db.query<PartnerRow>(sql`
    WITH totals AS (
      SELECT pt.partner_code AS code, sum(pt.n)::int AS meeting_count FROM partner_topic pt
      WHERE pt.country_code = ${code}::bpchar AND pt.topic_id = 0 GROUP BY 1 HAVING sum(pt.n) <> 0
    ), ranked AS (
      SELECT t.code, t.meeting_count,
        (SELECT d.day FROM partner_day d WHERE d.country_code = ${code}::bpchar AND d.partner_code = t.code
         GROUP BY d.day HAVING sum(d.n) <> 0 ORDER BY d.day DESC LIMIT 1) AS last_meeting
      FROM totals t ORDER BY ${orderSql} LIMIT ${first}
    )
    SELECT r.code, r.meeting_count AS "meetingCount", r.last_meeting AS "lastMeeting",
      coalesce((SELECT array_agg(topic_id ORDER BY n DESC, position) FROM (
        SELECT pt.topic_id, t.position, sum(pt.n) AS n FROM partner_topic pt JOIN topic t ON t.id = pt.topic_id
        WHERE pt.country_code = ${code}::bpchar AND pt.partner_code = r.code AND pt.topic_id <> 0
        GROUP BY pt.topic_id, t.position HAVING sum(pt.n) <> 0 ORDER BY n DESC, t.position LIMIT ${topTopics}) tt), '{}') AS "topTopicIds"
    FROM ranked r ORDER BY ${orderSql}`);
}

export type TrendInterval = 'MONTH' | 'YEAR';

export interface TrendPoint {
  period: string;
  start: Date;
  count: number;
}

export interface TrendArgs {
  from?: Date | null;
  to?: Date | null;
  interval: TrendInterval;
}

/** What to count: all matching releases, or those about a topic / mentioning an initiative. */
export type TrendSubject = { topicId: number } | { initiativeId: number } | { filter: ReleaseFilter };

/**
 * Releases per period between `from` and `to` (default: the subject's first and last release),
 * with empty periods as zero, so a chart can draw the series as it is. A topic's or an
 * initiative's counts published releases; a filter's, the releases it matches. The arguments
 * come checked (src/domain/filters.ts, checkTrendArgs).
 */
export async function trend(db: SqlExecutor, subject: TrendSubject, args: TrendArgs): Promise<TrendPoint[]> {
  const unit = args.interval === 'YEAR' ? 'year' : 'month';
  const fmt = args.interval === 'YEAR' ? 'YYYY' : 'YYYY-MM';
  const filter = 'filter' in subject ? await resolveFilter(db, subject.filter) : null;
  const where =
    'topicId' in subject
      ? sql`${statusIn('pr', DEFAULT_STATUSES)} AND pr.topic_ids @> ARRAY[${subject.topicId}::int]`
      : 'initiativeId' in subject
        ? sql`${statusIn('pr', DEFAULT_STATUSES)} AND pr.initiative_ids @> ARRAY[${subject.initiativeId}::int]`
        : releaseConditions(filter!);
  const from = args.from ? isoDay(args.from) : null;
  const to = args.to ? isoDay(args.to) : null;
  // A topic's releases, or a filter of statuses (and at most one topic), over whole months: the
  // months facet of the kept counts (migrations release_facet_counts, facet_count_totals) has them, counted already.
  const slice = 'topicId' in subject ? subject.topicId : filter ? countedSlice(filter) : null;
  const wholeMonths = (!args.from || args.from.getUTCDate() === 1) && (!args.to || new Date(args.to.getTime() + 86400000).getUTCDate() === 1);
  const counts: Sql =
    slice !== null && wholeMonths
      ? sql`SELECT date_trunc(${unit}, to_date(c.key, 'YYYY-MM')::timestamp) AS start, sum(c.n)::int AS n
          FROM ${keptCounts(
            'facet',
            sql`c.key, c.n`,
            sql`c.topic_id = ${slice}::int AND c.facet = 'months'
            AND ${filter && !filter.statuses.length ? sql`TRUE` : statusIn('c', filter ? filter.statuses : DEFAULT_STATUSES)}
            AND (${from}::text IS NULL OR c.key >= left(${from}::text, 7))
            AND (${to}::text IS NULL OR c.key <= left(${to}::text, 7))`,
          )} c
          GROUP BY 1 HAVING sum(c.n) <> 0`
      : sql`SELECT date_trunc(${unit}, pr.published_at AT TIME ZONE 'UTC') AS start, count(*)::int AS n
          FROM press_release pr WHERE ${where}
            AND (${from}::date IS NULL OR pr.published_at >= (${from}::date::timestamp AT TIME ZONE 'UTC'))
            AND (${to}::date IS NULL OR pr.published_at < ((${to}::date + 1)::timestamp AT TIME ZONE 'UTC'))
          GROUP BY 1`;
  const rows = await db.query<{ period: string; start: Date; count: number }>(sql`
    WITH counts AS (${counts}
    ), bounds AS (
      SELECT date_trunc(${unit}, coalesce(${from}::date::timestamp, min(start))) AS lo,
             date_trunc(${unit}, coalesce(${to}::date::timestamp, max(start))) AS hi
      FROM counts
    )
    SELECT to_char(s, ${fmt}) AS period, s::date AS start, coalesce(c.n, 0)::int AS count
    FROM bounds, generate_series(bounds.lo, bounds.hi, ('1 ' || ${unit})::interval) AS s
    LEFT JOIN counts c ON c.start = s
    WHERE bounds.lo IS NOT NULL
    ORDER BY s
    LIMIT ${MAX_TREND_POINTS}`);
  return rows;
}

/** How many of the latest releases of each shared person, initiative and country are candidates. */
export const RELATED_CANDIDATES_PER_KEY = 200;

/**
 * Releases closest to each of `ids`: shared participants weigh most, then initiatives, then countries
 * and topics. The release's people, initiatives, countries and topics are read once; candidates are
 * the latest releases of each of them (a short backward scan of the link indexes), each scored by
 * all four. One statement for a whole page of releases, about 35 ms a release on 100k (1.2 s
 * before candidates came from the indexes and the scores from the arrays).
 */
export async function relatedReleases(db: SqlExecutor, ids: number[], first: number): Promise<Map<number, number[]>> {
  const n = RELATED_CANDIDATES_PER_KEY;
  const rows = await db.query<{ source: number; id: number }>(sql`
    SELECT src.id AS source, best.id FROM unnest(${ids}::int[]) AS src(id)
    CROSS JOIN LATERAL (
      SELECT
        ARRAY(SELECT DISTINCT p.person_id FROM meeting m JOIN participant p ON p.meeting_id = m.id WHERE m.press_release_id = src.id) AS people,
        ARRAY(SELECT DISTINCT im.initiative_id FROM initiative_mention im WHERE im.press_release_id = src.id) AS initiatives,
        ARRAY(SELECT rc.country_code FROM release_country rc WHERE rc.press_release_id = src.id) AS countries,
        ARRAY(SELECT rt.topic_id FROM release_topic rt WHERE rt.press_release_id = src.id) AS topics
    ) s
    CROSS JOIN LATERAL (
      SELECT c.id FROM (
        SELECT x.id FROM unnest(s.people) AS k(id) CROSS JOIN LATERAL (
          SELECT m2.press_release_id AS id FROM participant p2 JOIN meeting m2 ON m2.id = p2.meeting_id
          WHERE p2.person_id = k.id ORDER BY p2.meeting_id DESC LIMIT ${n}) x
        UNION
        SELECT x.id FROM unnest(s.initiatives) AS k(id) CROSS JOIN LATERAL (
          SELECT im2.press_release_id AS id FROM initiative_mention im2
          WHERE im2.initiative_id = k.id ORDER BY im2.press_release_id DESC LIMIT ${n}) x
        UNION
        SELECT x.id FROM unnest(s.countries) AS k(code) CROSS JOIN LATERAL (
          SELECT rc2.press_release_id AS id FROM release_country rc2
          WHERE rc2.country_code = k.code ORDER BY rc2.press_release_id DESC LIMIT ${n}) x
      ) c
      -- OFFSET 0 keeps this a lookup by key per candidate; as a join the planner scanned the table.
      CROSS JOIN LATERAL (SELECT p.published_at FROM press_release p WHERE p.id = c.id AND ${statusIn('p', DEFAULT_STATUSES)} OFFSET 0) pr
      WHERE c.id <> src.id
      ORDER BY
        4 * (SELECT count(DISTINCT p.person_id) FROM meeting m JOIN participant p ON p.meeting_id = m.id
             WHERE m.press_release_id = c.id AND p.person_id = ANY(s.people))
        + 3 * (SELECT count(DISTINCT im.initiative_id) FROM initiative_mention im
             WHERE im.press_release_id = c.id AND im.initiative_id = ANY(s.initiatives))
        + (SELECT count(*) FROM release_country rc WHERE rc.press_release_id = c.id AND rc.country_code = ANY(s.countries))
        + (SELECT count(*) FROM release_topic rt WHERE rt.press_release_id = c.id AND rt.topic_id = ANY(s.topics))
        DESC, pr.published_at DESC, c.id DESC
      LIMIT ${first}
    ) best`);
  const out = new Map<number, number[]>(ids.map((id) => [id, []]));
  for (const r of rows) out.get(r.source)!.push(r.id);
  return out;
}
