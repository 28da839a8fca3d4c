// Facet counts over the releases matching a filter. Each facet leaves out its own filter field,
// so a client can show the other options beside the selected one; `missing` counts the matching
// releases that have no value for the facet.
import { Prisma } from '../generated/prisma/client';
import type { Db } from '../db/client';
import { releaseConditions, type FilterField, type ReleaseFilter } from './release-filter';
import { withSearchConfigs } from './search-configs';

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
   * Rows (key, n) over the releases in `matching`, one pass: a LEFT JOIN puts the releases without
   * a value in the NULL group, which is `missing`.
   */
  grouped: Prisma.Sql;
  /** Rows (value, label, n) of the non-NULL groups of `g`. */
  labelled: Prisma.Sql;
  /** Months read chronologically; the others by count. */
  chronological?: boolean;
}

const global = (type: string, idSql: Prisma.Sql) => Prisma.sql`encode(convert_to(${type} || ':' || ${idSql}::text, 'UTF8'), 'base64')`;

const FACETS: Record<FacetName, FacetSql> = {
  topics: {
    omit: 'topics',
    grouped: Prisma.sql`SELECT rt.topic_id AS key, count(*)::int AS n
      FROM matching mt LEFT JOIN release_topic rt ON rt.press_release_id = mt.id GROUP BY 1`,
    labelled: Prisma.sql`SELECT t.slug AS value, t.name AS label, g.n FROM g JOIN topic t ON t.id = g.key`,
  },
  countries: {
    omit: 'countries',
    grouped: Prisma.sql`SELECT rc.country_code AS key, count(*)::int AS n
      FROM matching mt LEFT JOIN release_country rc ON rc.press_release_id = mt.id GROUP BY 1`,
    labelled: Prisma.sql`SELECT c.code::text AS value, c.name AS label, g.n FROM g JOIN country c ON c.code = g.key`,
  },
  initiatives: {
    omit: 'initiatives',
    grouped: Prisma.sql`SELECT im.initiative_id AS key, count(DISTINCT mt.id)::int AS n
      FROM matching mt LEFT JOIN initiative_mention im ON im.press_release_id = mt.id GROUP BY 1`,
    labelled: Prisma.sql`SELECT ${global('Initiative', Prisma.sql`i.id`)} AS value,
        CASE WHEN i.acronym IS NOT NULL AND i.acronym <> i.name THEN i.name || ' (' || i.acronym || ')' ELSE i.name END AS label, g.n
      FROM g JOIN initiative i ON i.id = g.key`,
  },
  people: {
    omit: 'people',
    grouped: Prisma.sql`SELECT p.person_id AS key, count(DISTINCT mt.id)::int AS n
      FROM matching mt LEFT JOIN meeting m ON m.press_release_id = mt.id LEFT JOIN participant p ON p.meeting_id = m.id
      GROUP BY 1`,
    labelled: Prisma.sql`SELECT ${global('Person', Prisma.sql`pe.id`)} AS value, pe.name AS label, g.n FROM g JOIN person pe ON pe.id = g.key`,
  },
  meetingKinds: {
    omit: 'meetingKinds',
    grouped: Prisma.sql`SELECT m.kind AS key, count(DISTINCT mt.id)::int AS n
      FROM matching mt LEFT JOIN meeting m ON m.press_release_id = mt.id GROUP BY 1`,
    labelled: Prisma.sql`SELECT g.key::text AS value, initcap(replace(lower(g.key::text), '_', ' ')) AS label, g.n
      FROM g WHERE g.key IS NOT NULL`,
  },
  issuers: {
    omit: 'issuers',
    grouped: Prisma.sql`SELECT mt.issuer_country_code AS key, count(*)::int AS n FROM matching mt GROUP BY 1`,
    labelled: Prisma.sql`SELECT c.code::text AS value, c.name AS label, g.n FROM g JOIN country c ON c.code = g.key`,
  },
  months: {
    omit: 'from',
    grouped: Prisma.sql`SELECT date_trunc('month', mt.published_at AT TIME ZONE 'UTC') AS key, count(*)::int AS n
      FROM matching mt GROUP BY 1`,
    labelled: Prisma.sql`SELECT to_char(g.key, 'YYYY-MM') AS value, to_char(g.key, 'FMMonth YYYY') AS label, g.n
      FROM g WHERE g.key IS NOT NULL`,
    chronological: true,
  },
};

export async function facet(db: Db, name: FacetName, rawFilter: ReleaseFilter, limit: number): Promise<FacetResult> {
  const filter = await withSearchConfigs(db, rawFilter);
  const f = FACETS[name];
  const order = f.chronological ? Prisma.sql`value` : Prisma.sql`n DESC, label`;
  const [row] = await db.$queryRaw<{ options: FacetOptionRow[] | null; missing: number }[]>`
    WITH matching AS MATERIALIZED (
      SELECT pr.id, pr.issuer_country_code, pr.published_at FROM press_release pr WHERE ${releaseConditions(filter, f.omit)}
    ), g AS MATERIALIZED (${f.grouped}), labelled AS (${f.labelled})
    SELECT
      (SELECT json_agg(json_build_object('value', value, 'label', label, 'count', n) ORDER BY ${order})
         FROM (SELECT * FROM labelled ORDER BY ${order} LIMIT ${limit}) o) AS options,
      coalesce((SELECT n FROM g WHERE g.key IS NULL), 0)::int AS missing`;
  return { options: row.options ?? [], missing: row.missing };
}
