// Row shapes of the read paths, and the SQL that selects them.
import { empty, join, raw, sql, type Sql } from '../db/sql';
import type {
  InitiativeKind,
  MeetingKind,
  ParticipantSide,
  ReleaseStatus,
  RoleKind,
} from '../generated/prisma/enums';

export interface ReleaseRow {
  id: number;
  slug: string;
  title: string;
  publishedAt: Date;
  datelinePlace: string | null;
  datelineCountryCode: string | null;
  datelineDate: Date | null;
  issuerName: string | null;
  issuerCountryCode: string | null;
  sourceName: string | null;
  sourceUrl: string | null;
  language: string;
  /** Absent from list rows (RELEASE_LIST_COLUMNS): a list reads the body only when asked for it. */
  body?: string;
  status: ReleaseStatus;
  retractionReason: string | null;
  createdAt: Date;
  updatedAt: Date;
  version: number;
}

/**
 * The columns a list reads for each field of a release a query may select (besides `pr.id` and
 * `pr.published_at`, which every page reads for its order and cursors). A list reads the columns of
 * the fields its query selects, no more: a page of ids, titles and dates reads 3 columns of 17.
 */
export const RELEASE_FIELD_COLUMNS = {
  slug: sql`pr.slug`,
  title: sql`pr.title`,
  dateline: sql`pr.dateline_place AS "datelinePlace", pr.dateline_country_code AS "datelineCountryCode", pr.dateline_date AS "datelineDate"`,
  issuer: sql`pr.issuer_name AS "issuerName", pr.issuer_country_code AS "issuerCountryCode"`,
  source: sql`pr.source_name AS "sourceName", pr.source_url AS "sourceUrl"`,
  language: sql`pr.language`,
  status: sql`pr.status::text AS status`,
  retractionReason: sql`pr.retraction_reason AS "retractionReason"`,
  createdAt: sql`pr.created_at AS "createdAt"`,
  updatedAt: sql`pr.updated_at AS "updatedAt"`,
  version: sql`pr.version`,
} as const;

export type ReleaseField = keyof typeof RELEASE_FIELD_COLUMNS;

/** The id and date of a release (a page's order and cursors), then the columns of `fields`. */
export function releaseFieldColumns(fields: readonly ReleaseField[]): Sql {
  return sql`pr.id, pr.published_at AS "publishedAt"${fields.length ? sql`, ${join(fields.map((f) => RELEASE_FIELD_COLUMNS[f]), ', ')}` : empty}`;
}

/** Every column of a release but its body (a list whose query selects a field the map does not know). */
export const RELEASE_LIST_COLUMNS = releaseFieldColumns(Object.keys(RELEASE_FIELD_COLUMNS) as ReleaseField[]);

/** Every column of a release, its body included. */
export const RELEASE_COLUMNS = sql`${RELEASE_LIST_COLUMNS}, pr.body`;

export interface MeetingRow {
  id: number;
  pressReleaseId: number;
  position: number;
  kind: MeetingKind;
  date: Date;
  place: string | null;
}

export interface PersonRow {
  id: number;
  name: string;
  aliases: string[];
}

export interface ParticipantRow {
  id: number;
  meetingId: number;
  personId: number;
  position: number;
  role: string;
  roleKind: RoleKind;
  countryCode: string | null;
  side: ParticipantSide | null;
  personName: string;
  personAliases: string[];
}

export interface CountryRow {
  code: string;
  name: string;
  officialName: string | null;
  aliases: string[];
  demonyms: string[];
}

export const COUNTRY_COLUMNS = sql`c.code, c.name, c.official_name AS "officialName", c.aliases, c.demonyms`;

export interface TopicRow {
  id: number;
  slug: string;
  name: string;
  description: string;
  position: number;
}

export interface InitiativeRow {
  id: number;
  name: string;
  acronym: string | null;
  kind: InitiativeKind;
  aliases: string[];
}

export const INITIATIVE_COLUMNS = sql`i.id, i.name, i.acronym, i.kind::text AS kind, i.aliases`;

export interface MentionRow {
  id: number;
  initiativeId: number;
  pressReleaseId: number;
  meetingId: number | null;
  sentence: string;
}

export interface PersonRoleRow {
  personId: number;
  title: string;
  roleKind: RoleKind;
  countryCode: string | null;
  firstSeen: Date;
  lastSeen: Date;
}

/**
 * Nested rows read as JSON in a list's statement (src/read/releases.ts, meetings.ts) carry the
 * columns of the fields the query selects below them, as a page of releases does
 * (RELEASE_FIELD_COLUMNS): a nested page of 20 releases with their meetings, participants and
 * topics was 43 KB of JSON, every participant with its country's aliases and demonyms, for a
 * query that asked each participant's role, name and country code (docs/performance.md,
 * "Postgres's side"). Each map gives, per field, the columns it needs (written once however many
 * fields need them); `always` are read whatever is selected (order and keys). A query that selects
 * a field a map does not name reads every column (`undefined` fields), as before.
 */
export interface NestedColumns {
  always: readonly string[];
  fields: Readonly<Record<string, readonly string[]>>;
}

export const TOPIC_FIELDS: NestedColumns = {
  always: ['t.id', 't.position'],
  fields: { id: ['t.slug'], slug: ['t.slug'], name: ['t.name'], description: ['t.description'] },
};

export const MEETING_FIELDS: NestedColumns = {
  always: ['m.id', 'm.position'],
  fields: {
    id: [],
    kind: ['m.kind::text AS kind'],
    date: ['m.date'],
    place: ['m.place'],
    pressRelease: ['m.press_release_id AS "pressReleaseId"'],
    // Read in the same statement, or by the meeting's id.
    participants: [],
    topics: [],
    initiatives: [],
  },
};

export const PARTICIPANT_FIELDS: NestedColumns = {
  always: ['p.position'],
  fields: {
    id: ['p.id'],
    role: ['p.role'],
    roleKind: ['p.role_kind::text AS "roleKind"'],
    side: ['p.side::text AS side'],
    person: ['p.person_id AS "personId"', 'pe.name AS "personName"', 'pe.aliases AS "personAliases"'],
    country: ['p.country_code AS "countryCode"'],
    meeting: ['p.meeting_id AS "meetingId"'],
  },
};

/** The keys of a country's JSON object (alias `c`), per field of Country. */
export const COUNTRY_FIELDS: NestedColumns = {
  always: ['code'],
  fields: { id: [], code: [], name: ['name'], officialName: ['officialName'], aliases: ['aliases'], demonyms: ['demonyms'] },
};

/** The fields' columns, each once, after the `always` ones; null: a field the map does not know was selected. */
export function nestedColumns(map: NestedColumns, selected: Iterable<string>): string[] | null {
  const out = new Set(map.always);
  for (const f of selected) {
    if (f === '__typename') continue;
    const columns = map.fields[f];
    if (!columns) return null;
    for (const c of columns) out.add(c);
  }
  return [...out];
}

/** A country object with every column of a country row (one read with fewer keys must not prime a loader). */
export const isCompleteCountry = (c: Partial<CountryRow>): c is CountryRow =>
  c.code !== undefined && c.name !== undefined && c.officialName !== undefined && c.aliases !== undefined && c.demonyms !== undefined;

/** Every column of a row of `map`: what a statement reads where no query's selection narrows it. */
function allColumns(map: NestedColumns): Sql {
  return raw(nestedColumns(map, Object.keys(map.fields))!.join(', '));
}

export const MEETING_COLUMNS = allColumns(MEETING_FIELDS);
export const PARTICIPANT_COLUMNS = allColumns(PARTICIPANT_FIELDS);
export const TOPIC_COLUMNS = allColumns(TOPIC_FIELDS);
