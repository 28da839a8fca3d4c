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
  /** Rows (value, label, n) for the releases in `matching`. */
  options: Prisma.Sql;
  /** The condition "this release has a value", over `mt.id`. */
  has: Prisma.Sql;
  /** Months read chronologically; the others by count. */
  chronological?: boolean;
}

const global = (type: string, idSql: Prisma.Sql) => Prisma.sql`encode(convert_to(${type} || ':' || ${idSql}::text, 'UTF8'), 'base64')`;

const FACETS: Record<FacetName, FacetSql> = {
  topics: {
    omit: 'topics',
    options: Prisma.sql`SELECT t.slug AS value, t.name AS label, count(*)::int AS n
      FROM matching mt JOIN release_topic rt ON rt.press_release_id = mt.id JOIN topic t ON t.id = rt.topic_id
      GROUP BY t.slug, t.name`,
    has: Prisma.sql`EXISTS (SELECT 1 FROM release_topic rt WHERE rt.press_release_id = mt.id)`,
  },
  countries: {
    omit: 'countries',
    options: Prisma.sql`SELECT c.code AS value, c.name AS label, count(*)::int AS n
      FROM matching mt JOIN release_country rc ON rc.press_release_id = mt.id JOIN country c ON c.code = rc.country_code
      GROUP BY c.code, c.name`,
    has: Prisma.sql`EXISTS (SELECT 1 FROM release_country rc WHERE rc.press_release_id = mt.id)`,
  },
  initiatives: {
    omit: 'initiatives',
    options: Prisma.sql`SELECT ${global('Initiative', Prisma.sql`i.id`)} AS value,
        CASE WHEN i.acronym IS NOT NULL AND i.acronym <> i.name THEN i.name || ' (' || i.acronym || ')' ELSE i.name END AS label,
        count(DISTINCT mt.id)::int AS n
      FROM matching mt JOIN initiative_mention im ON im.press_release_id = mt.id JOIN initiative i ON i.id = im.initiative_id
      GROUP BY i.id`,
    has: Prisma.sql`EXISTS (SELECT 1 FROM initiative_mention im WHERE im.press_release_id = mt.id)`,
  },
  people: {
    omit: 'people',
    options: Prisma.sql`SELECT ${global('Person', Prisma.sql`pe.id`)} AS value, pe.name AS label, count(DISTINCT mt.id)::int AS n
      FROM matching mt JOIN meeting m ON m.press_release_id = mt.id JOIN participant p ON p.meeting_id = m.id
      JOIN person pe ON pe.id = p.person_id
      GROUP BY pe.id`,
    has: Prisma.sql`EXISTS (SELECT 1 FROM meeting m JOIN participant p ON p.meeting_id = m.id WHERE m.press_release_id = mt.id)`,
  },
  meetingKinds: {
    omit: 'meetingKinds',
    options: Prisma.sql`SELECT m.kind::text AS value, initcap(replace(lower(m.kind::text), '_', ' ')) AS label,
        count(DISTINCT mt.id)::int AS n
      FROM matching mt JOIN meeting m ON m.press_release_id = mt.id
      GROUP BY m.kind`,
    has: Prisma.sql`EXISTS (SELECT 1 FROM meeting m WHERE m.press_release_id = mt.id)`,
  },
  issuers: {
    omit: 'issuers',
    options: Prisma.sql`SELECT c.code AS value, c.name AS label, count(*)::int AS n
      FROM matching mt JOIN country c ON c.code = mt.issuer_country_code
      GROUP BY c.code, c.name`,
    has: Prisma.sql`mt.issuer_country_code IS NOT NULL`,
  },
  months: {
    omit: 'from',
    options: Prisma.sql`SELECT to_char(mt.published_at AT TIME ZONE 'UTC', 'YYYY-MM') AS value,
        to_char(mt.published_at AT TIME ZONE 'UTC', 'FMMonth YYYY') AS label, count(*)::int AS n
      FROM matching mt GROUP BY 1, 2`,
    has: Prisma.sql`TRUE`,
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
    ), opts AS (${f.options})
    SELECT
      (SELECT json_agg(json_build_object('value', value, 'label', label, 'count', n) ORDER BY ${order})
         FROM (SELECT * FROM opts ORDER BY ${order} LIMIT ${limit}) o) AS options,
      (SELECT count(*)::int FROM matching mt WHERE NOT ${f.has}) AS missing`;
  return { options: row.options ?? [], missing: row.missing };
}
