// Countries: the ISO 3166-1 list with the names releases use, and the countries of releases.
import type { ReleaseStatus } from '../generated/prisma/enums';
import { join, sql, type Sql, type SqlExecutor } from '../db/sql';
import { COUNTRY_COLUMNS, type CountryRow } from './rows';
import { likePattern } from './people';
import { statusIn } from './visibility';

/**
 * Countries by name: those whose name, code, official name, alias or demonym contains `search`,
 * and with `involvedIn`, only those some release in those statuses involves.
 */
export function listCountries(db: SqlExecutor, search: string | null | undefined, involvedIn: readonly ReleaseStatus[] | null) {
  const c: Sql[] = [];
  if (search?.trim()) {
    const p = likePattern(search.trim());
    c.push(sql`(c.name ILIKE ${p} OR c.code ILIKE ${search.trim()} OR c.official_name ILIKE ${p}
      OR EXISTS (SELECT 1 FROM unnest(c.aliases || c.demonyms) a WHERE a ILIKE ${p}))`);
  }
  if (involvedIn) {
    c.push(sql`EXISTS (SELECT 1 FROM release_country rc JOIN press_release pr ON pr.id = rc.press_release_id
      WHERE rc.country_code = c.code AND ${statusIn('pr', involvedIn)})`);
  }
  return db.query<CountryRow>(sql`SELECT ${COUNTRY_COLUMNS} FROM country c WHERE ${c.length ? join(c, ' AND ') : sql`TRUE`} ORDER BY c.name`);
}

export function countriesByCodes(db: SqlExecutor, codes: readonly string[]) {
  return db.query<CountryRow & { key: string }>(sql`SELECT c.code AS key, ${COUNTRY_COLUMNS} FROM country c
    WHERE c.code = ANY(${[...codes]}::bpchar[])`);
}

/** The countries each release involves, most mentioned first. */
export function countriesByReleases(db: SqlExecutor, ids: readonly number[]) {
  return db.query<CountryRow & { key: number }>(sql`SELECT rc.press_release_id AS key, ${COUNTRY_COLUMNS} FROM release_country rc
    JOIN country c ON c.code = rc.country_code
    WHERE rc.press_release_id = ANY(${[...ids]}::int[]) ORDER BY rc.press_release_id, rc.mentions DESC, c.name`);
}
