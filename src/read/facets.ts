// Facet counts over the releases matching a filter. Each facet leaves out its own filter field,
// so a client can show the other options beside the selected one; `missing` counts the matching
// releases that have no value for the facet.
import { join, raw, sql, type Sql, type SqlExecutor } from '../db/sql';
import type { ReleaseFilter } from '../domain/filters';
import type { ReleaseStatus } from '../generated/prisma/enums';
import { countedSlice, cubeCells, releaseConditions, resolveFilter, type CubeCells, type FilterField } from './release-conditions';
import { statusIn } from './visibility';

export type FacetName = 'topics' | 'countries' | 'initiatives' | 'people' | 'meetingKinds' | 'issuers' | 'months';

export interface FacetOptionRow {
  value: string;
  label: string;
  count: number;
}

export interface FacetResult {
  options: FacetOptionRow[];
  missing: number;
}

interface FacetSql {
  omit: FilterField;
  /**
   * Rows (key, n) over the releases in `m` (a CTE of matching releases), one pass: a LEFT JOIN puts
   * the releases without a value in the NULL group, which is `missing`.
   */
  grouped: (m: Sql) => Sql;
  /** Rows (value, label, n) of the non-NULL groups of `g` (a CTE of `grouped`). */
  labelled: (g: Sql) => Sql;
  /** The columns of the matching releases `grouped` reads. */
  reads: readonly string[];
  /** The key of `grouped` from a key of the kept counts (text, migration release_facet_counts). */
  keyOf: (k: Sql) => Sql;
  /** Months read chronologically; the others by count. */
  chronological?: boolean;
}

const global = (type: string, idSql: Sql) => sql`encode(convert_to(${type} || ':' || ${idSql}::text, 'UTF8'), 'base64')`;

/** The release arrays (migration release_link_arrays) a facet counts the elements of. */
type LinkArray = 'topic_ids' | 'country_codes' | 'initiative_ids' | 'person_ids' | 'meeting_kinds';

/**
 * (key, n) of one array over the releases in `m`: each element counts its release once (the arrays
 * are distinct), and a release with an empty array falls in the NULL group (`missing`). No join:
 * the matching rows carry their links.
 */
const elements = (m: Sql, column: LinkArray) =>
  sql`SELECT k.key, count(*)::int AS n FROM ${m} mt LEFT JOIN LATERAL unnest(mt.${raw(column)}) AS k(key) ON TRUE GROUP BY 1`;

const FACETS: Record<FacetName, FacetSql> = {
  topics: {
    omit: 'topics',
    grouped: (m) => elements(m, 'topic_ids'),
    reads: ['topic_ids'],
    keyOf: (k) => sql`${k}::int`,
    labelled: (g) => sql`SELECT t.slug AS value, t.name AS label, g.n FROM ${g} g JOIN topic t ON t.id = g.key`,
  },
  countries: {
    omit: 'countries',
    grouped: (m) => elements(m, 'country_codes'),
    reads: ['country_codes'],
    keyOf: (k) => sql`${k}::bpchar`,
    labelled: (g) => sql`SELECT c.code::text AS value, c.name AS label, g.n FROM ${g} g JOIN country c ON c.code = g.key`,
  },
  initiatives: {
    omit: 'initiatives',
    grouped: (m) => elements(m, 'initiative_ids'),
    reads: ['initiative_ids'],
    keyOf: (k) => sql`${k}::int`,
    labelled: (g) => sql`SELECT ${global('Initiative', sql`i.id`)} AS value,
        CASE WHEN i.acronym IS NOT NULL AND i.acronym <> i.name THEN i.name || ' (' || i.acronym || ')' ELSE i.name END AS label, g.n
      FROM ${g} g JOIN initiative i ON i.id = g.key`,
  },
  people: {
    omit: 'people',
    grouped: (m) => elements(m, 'person_ids'),
    reads: ['person_ids'],
    keyOf: (k) => sql`${k}::int`,
    labelled: (g) => sql`SELECT ${global('Person', sql`pe.id`)} AS value, pe.name AS label, g.n FROM ${g} g JOIN person pe ON pe.id = g.key`,
  },
  meetingKinds: {
    omit: 'meetingKinds',
    grouped: (m) => elements(m, 'meeting_kinds'),
    reads: ['meeting_kinds'],
    keyOf: (k) => sql`${k}::"MeetingKind"`,
    labelled: (g) => sql`SELECT g.key::text AS value, initcap(replace(lower(g.key::text), '_', ' ')) AS label, g.n
      FROM ${g} g WHERE g.key IS NOT NULL`,
  },
  issuers: {
    omit: 'issuers',
    grouped: (m) => sql`SELECT mt.issuer_country_code AS key, count(*)::int AS n FROM ${m} mt GROUP BY 1`,
    reads: ['issuer_country_code'],
    keyOf: (k) => sql`${k}::bpchar`,
    labelled: (g) => sql`SELECT c.code::text AS value, c.name AS label, g.n FROM ${g} g JOIN country c ON c.code = g.key`,
  },
  months: {
    omit: 'from',
    grouped: (m) => sql`SELECT date_trunc('month', mt.published_at AT TIME ZONE 'UTC') AS key, count(*)::int AS n
      FROM ${m} mt GROUP BY 1`,
    reads: ['published_at'],
    keyOf: (k) => sql`to_date(${k}, 'YYYY-MM')::timestamp`,
    labelled: (g) => sql`SELECT to_char(g.key, 'YYYY-MM') AS value, to_char(g.key, 'FMMonth YYYY') AS label, g.n
      FROM ${g} g WHERE g.key IS NOT NULL`,
    chronological: true,
  },
};

export interface FacetRequest {
  name: FacetName;
  limit: number;
}

const sameSql = (a: Sql, b: Sql) => a.sql === b.sql && JSON.stringify(a.values) === JSON.stringify(b.values);

/**
 * Facet answers remembered across requests until the archive changes (server.ts gives one that the
 * change feed clears). A facet's answer depends only on its name, limit and matching set, and
 * matching sets recur: every single-field filter's own facet counts the whole archive, and a
 * drill-down from {A} to {A, B} asks the B facet over {A} again.
 */
export interface FacetMemo {
  /** Read before the database is; `set` keeps an answer only if nothing changed since. */
  epoch(): number;
  get(key: string): FacetResult | undefined;
  set(epoch: number, key: string, value: FacetResult): void;
}

/**
 * Several facets of one filter in one SQL statement (one connection, one round trip). A facet whose
 * matching set is the whole archive or the releases of one topic (its own field left out) is read
 * from the kept counts (migration release_facet_counts). The others count the matching releases,
 * computed once and shared by every facet whose own field the filter does not set; a facet that
 * must leave its field out gets its own matching set. Matching releases are read from
 * `release_narrow` (migration release_narrow_search): the facet columns without the texts.
 */
export async function facets(
  db: SqlExecutor,
  rawFilter: ReleaseFilter,
  requests: readonly FacetRequest[],
  memo?: FacetMemo,
): Promise<FacetResult[]> {
  if (!requests.length) return [];
  const epoch = memo?.epoch() ?? 0;
  const filter = await resolveFilter(db, rawFilter);
  const asked = requests.map((r) => {
    const omit = FACETS[r.name].omit;
    const own = releaseConditions(filter, omit, 'narrow');
    const slice = countedSlice(filter, omit);
    const key = JSON.stringify([r.name, r.limit, own.sql, own.values]);
    // The counts of a topic's releases leave out the topics facet (only the whole archive has it).
    const sliced = r.name === 'topics' && slice !== 0 ? null : slice;
    const cube = sliced === null && CUBE_FACETS.includes(r.name) ? cubeCells(filter, omit) : null;
    return { ...r, own, slice: sliced, cube, key, known: memo?.get(key) };
  });
  const missing = asked.filter((a) => !a.known);
  const computed = await computeFacets(db, filter.statuses, missing);
  missing.forEach((a, i) => memo?.set(epoch, a.key, computed[i]));
  let next = 0;
  return asked.map((a) => a.known ?? computed[next++]);
}

/**
 * The kept counts' rows (aliased `c`) where `where` holds: the folded totals and the log appended
 * since the last fold (migration facet_count_totals), read in one snapshot, so their sums are exact.
 */
export const keptCounts = (kind: 'facet' | 'cube', columns: Sql, where: Sql) => sql`(
    SELECT ${columns} FROM ${raw(`release_${kind}_total`)} c WHERE ${where}
    UNION ALL
    SELECT ${columns} FROM ${raw(`release_${kind}_count`)} c WHERE ${where})`;

/** (key, n) of a facet over a slice of the kept counts, the releases of `statuses` (all when empty). */
const counted = (name: FacetName, slice: number, statuses: readonly ReleaseStatus[]) => sql`
  SELECT ${FACETS[name].keyOf(sql`NULLIF(c.key, '')`)} AS key, sum(c.n)::int AS n FROM ${keptCounts(
    'facet',
    sql`c.key, c.n`,
    sql`c.topic_id = ${slice}::int AND c.facet = ${name} AND ${statuses.length ? statusIn('c', statuses) : sql`TRUE`}`,
  )} c
  GROUP BY c.key HAVING sum(c.n) <> 0`;

/** The facets the release cube (counts per topic, country and month) answers. */
const CUBE_FACETS: readonly FacetName[] = ['topics', 'countries', 'months'];

/** (key, n) of the topics, countries or months facet from the cells of the release cube. */
function cubeCounted(name: FacetName, cells: CubeCells, statuses: readonly ReleaseStatus[]): Sql {
  const months = sql`(${cells.fromMonth}::text IS NULL OR c.month >= ${cells.fromMonth}::text)
    AND (${cells.toMonth}::text IS NULL OR c.month <= ${cells.toMonth}::text)
    AND ${statuses.length ? statusIn('c', statuses) : sql`TRUE`}`;
  const cube = (where: Sql) => keptCounts('cube', sql`c.topic_id, c.country_code, c.month, c.n`, sql`${where} AND ${months}`);
  if (name === 'topics') {
    return sql`SELECT NULLIF(c.topic_id, 0) AS key, sum(c.n)::int AS n
      FROM ${cube(sql`c.country_code = ${cells.country}::text AND c.topic_id <> -1`)} c GROUP BY c.topic_id HAVING sum(c.n) <> 0`;
  }
  if (name === 'countries') {
    return sql`SELECT NULLIF(c.country_code, '')::bpchar AS key, sum(c.n)::int AS n
      FROM ${cube(sql`c.topic_id = ${cells.topicId}::int AND c.country_code <> '*'`)} c GROUP BY c.country_code HAVING sum(c.n) <> 0`;
  }
  return sql`SELECT to_date(c.month, 'YYYY-MM')::timestamp AS key, sum(c.n)::int AS n
    FROM ${cube(sql`c.topic_id = ${cells.topicId}::int AND c.country_code = ${cells.country}::text`)} c
    GROUP BY c.month HAVING sum(c.n) <> 0`;
}

/**
 * The facets in one statement; `own` is each one's matching set (the filter without its field), and
 * `slice` or `cube` the kept counts that hold it, if any.
 */
async function computeFacets(
  db: SqlExecutor,
  statuses: readonly ReleaseStatus[],
  requests: readonly (FacetRequest & { own: Sql; slice: number | null; cube: CubeCells | null })[],
): Promise<FacetResult[]> {
  if (!requests.length) return [];
  // Each matching set reads only the columns of its facets, and is computed once (materialized)
  // only when several facets share it; otherwise the planner folds it into its one facet.
  const matchingSets: { where: Sql; reads: Set<string>; users: number }[] = [];
  const ctes: Sql[] = [];
  const parts = requests.map((r, i) => {
    const f = FACETS[r.name];
    const g = raw(`g${i}`);
    if (r.slice !== null) {
      ctes.push(sql`${g} AS MATERIALIZED (${counted(r.name, r.slice, statuses)})`);
    } else if (r.cube) {
      ctes.push(sql`${g} AS MATERIALIZED (${cubeCounted(r.name, r.cube, statuses)})`);
    } else {
      let m = matchingSets.findIndex((c) => sameSql(c.where, r.own));
      if (m < 0) m = matchingSets.push({ where: r.own, reads: new Set(), users: 0 }) - 1;
      f.reads.forEach((c) => matchingSets[m].reads.add(c));
      matchingSets[m].users++;
      ctes.push(sql`${g} AS MATERIALIZED (${f.grouped(raw(`m${m}`))})`);
    }
    const order = f.chronological ? sql`value` : sql`n DESC, label`;
    // By count, only the options counted at least as often as the limit-th are labelled and sorted
    // (the people facet has thousands): the ties at the limit are all in, so the order is the same.
    const candidates = f.chronological
      ? g
      : sql`(SELECT * FROM ${g} WHERE key IS NOT NULL AND n >= coalesce(
          (SELECT n FROM ${g} WHERE key IS NOT NULL ORDER BY n DESC OFFSET ${r.limit - 1} LIMIT 1), 0))`;
    return sql`json_build_object(
      'options', coalesce((SELECT json_agg(json_build_object('value', value, 'label', label, 'count', n) ORDER BY ${order})
                   FROM (SELECT * FROM (${f.labelled(candidates)}) l ORDER BY ${order} LIMIT ${r.limit}) o), '[]'::json),
      'missing', coalesce((SELECT n FROM ${g} WHERE key IS NULL), 0))`;
  });
  const matching = matchingSets.map(
    (c, m) => sql`${raw(`m${m}`)} AS ${raw(c.users > 1 ? 'MATERIALIZED' : 'NOT MATERIALIZED')} (
      SELECT ${raw([...c.reads].map((col) => `pr.${col}`).join(', '))} FROM release_narrow pr WHERE ${c.where})`,
  );
  const [row] = await db.query<{ facets: FacetResult[] }>(sql`
    WITH ${join([...matching, ...ctes], ', ')}
    SELECT json_build_array(${join(parts, ', ')}) AS facets`);
  return row.facets;
}
