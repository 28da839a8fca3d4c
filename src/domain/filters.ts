// The release and meeting filters: every value a client can get wrong is normalised and checked
// here, once, for every way in (GraphQL, the Atom feed, the NDJSON export). Adapters only
// translate their syntax into a FilterInput; the read side (src/read/) only turns a checked
// filter into SQL.
import type { MeetingKind, ReleaseStatus } from '../generated/prisma/enums';
import type { Viewer } from '../auth/viewer';
import { badInput } from '../errors';
import { checkCountryCodes, checkTopicSlugs } from './validate';
import { checkStatuses, DEFAULT_STATUSES } from './visibility';
import { wellFormed } from './text';

/** A checked release filter: fields combine with AND, the values of a list with OR. */
export interface ReleaseFilter {
  /** Web-search syntax: quoted phrases, `-word`, `or`. */
  search?: string | null;
  /** ISO codes: releases that involve any of them. */
  countries?: string[] | null;
  /** Topic slugs: releases about any of them. */
  topics?: string[] | null;
  /** Initiative ids: releases that mention any of them. */
  initiatives?: number[] | null;
  /** Person ids: releases with any of them at a meeting. */
  people?: number[] | null;
  meetingKinds?: MeetingKind[] | null;
  /** ISO codes of issuing ministries' countries. */
  issuers?: string[] | null;
  /** Published on or after this day (UTC). */
  from?: Date | null;
  /** Published on or before this day (UTC). */
  to?: Date | null;
  statuses: readonly ReleaseStatus[];
  languages?: string[] | null;
}

/** A filter as a client wrote it: dates as Date or "YYYY-MM-DD". */
export interface ReleaseFilterInput {
  search?: string | null;
  countries?: readonly string[] | null;
  topics?: readonly string[] | null;
  initiatives?: readonly number[] | null;
  people?: readonly number[] | null;
  meetingKinds?: readonly MeetingKind[] | null;
  issuers?: readonly string[] | null;
  from?: Date | string | null;
  to?: Date | string | null;
  status?: readonly ReleaseStatus[] | null;
  languages?: readonly string[] | null;
}

export const MAX_SEARCH_LENGTH = 500;
/** Values one list field may hold. */
export const MAX_FILTER_VALUES = 50;

const LANGUAGE = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `filter.countries` in GraphQL, `countries` in a query string. */
const fieldName = (prefix: string, name: string) => (prefix ? `${prefix}.${name}` : name);

function checkList<T>(values: readonly T[] | null | undefined, field: string): readonly T[] | undefined {
  if (values == null) return undefined;
  if (values.length > MAX_FILTER_VALUES) throw badInput(field, `\`${field}\` takes at most ${MAX_FILTER_VALUES} values`);
  return values;
}

/**
 * The search text Postgres can parse: minus signs with nothing but spaces or punctuation between
 * them (a Markdown rule, "- - -", "-! -!") are one NOT, since websearch_to_tsquery makes each a
 * NOT and refuses more than 32 in a row; NUL cannot be sent at all.
 */
export function checkSearch(search: string | null | undefined, field: string): string | null {
  if (search == null) return null;
  if (search.length > MAX_SEARCH_LENGTH) throw badInput(field, `\`${field}\` is at most ${MAX_SEARCH_LENGTH} characters`);
  if (search.includes('\u0000') || !wellFormed(search)) throw badInput(field, `\`${field}\` holds a NUL character or broken Unicode`);
  return search.replace(/-[^\p{L}\p{N}]*-/gu, '-').trim() || null;
}

/**
 * A day (UTC midnight) of the years 1 to 9999, from a Date or "YYYY-MM-DD". Postgres has no year 0
 * and JavaScript dates run far past 9999.
 */
export function checkDay(value: Date | string | null | undefined, field: string): Date | undefined {
  if (value == null) return undefined;
  let day: Date;
  if (typeof value === 'string') {
    const m = ISO_DAY.exec(value.trim());
    day = new Date(0);
    if (m) day.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    if (!m || day.getUTCMonth() !== Number(m[2]) - 1 || day.getUTCDate() !== Number(m[3])) {
      throw badInput(field, `\`${field}\` must be a date (YYYY-MM-DD)`);
    }
  } else {
    day = value;
  }
  const year = day.getUTCFullYear();
  if (Number.isNaN(day.getTime()) || year < 1 || year > 9999) throw badInput(field, `\`${field}\` must fall in the years 1 to 9999`);
  return day;
}

function checkRange(from: Date | undefined, to: Date | undefined, prefix: string) {
  if (from && to && from > to) throw badInput(fieldName(prefix, 'from'), '`from` is after `to`');
}

/** The checked filter; `prefix` names the fields in errors ("filter" gives "filter.countries"). */
export function checkReleaseFilter(input: ReleaseFilterInput | null | undefined, viewer: Viewer | null, prefix = 'filter'): ReleaseFilter {
  const f = input ?? {};
  const at = (name: string) => fieldName(prefix, name);
  const from = checkDay(f.from, at('from'));
  const to = checkDay(f.to, at('to'));
  checkRange(from, to, prefix);
  const languages = checkList(f.languages, at('languages'))?.map((l) => {
    const code = l.trim().toLowerCase();
    if (!LANGUAGE.test(code)) throw badInput(at('languages'), `"${l}" is not a language code such as "en"`);
    return code;
  });
  return {
    search: checkSearch(f.search, at('search')),
    countries: checkCountryCodes(checkList(f.countries, at('countries')), at('countries')),
    topics: checkTopicSlugs(checkList(f.topics, at('topics')), at('topics')),
    initiatives: checkList(f.initiatives, at('initiatives')) as number[] | undefined,
    people: checkList(f.people, at('people')) as number[] | undefined,
    meetingKinds: f.meetingKinds?.length ? [...f.meetingKinds] : undefined,
    issuers: checkCountryCodes(checkList(f.issuers, at('issuers')), at('issuers')),
    from,
    to,
    statuses: checkStatuses(f.status, viewer, at('status')),
    languages,
  };
}

/** A checked meeting filter (meetings of releases in `statuses`, published by default). */
export interface MeetingFilter {
  kinds?: MeetingKind[] | null;
  /** ISO codes: meetings with a participant representing any of them. */
  countries?: string[] | null;
  /** Person ids: meetings any of them attended. */
  people?: number[] | null;
  from?: Date | null;
  to?: Date | null;
  statuses: readonly ReleaseStatus[];
}

export interface MeetingFilterInput {
  kinds?: readonly MeetingKind[] | null;
  countries?: readonly string[] | null;
  people?: readonly number[] | null;
  from?: Date | string | null;
  to?: Date | string | null;
}

export function checkMeetingFilter(input: MeetingFilterInput | null | undefined, prefix = 'filter'): MeetingFilter {
  const f = input ?? {};
  const at = (name: string) => fieldName(prefix, name);
  const from = checkDay(f.from, at('from'));
  const to = checkDay(f.to, at('to'));
  checkRange(from, to, prefix);
  return {
    kinds: f.kinds?.length ? [...f.kinds] : undefined,
    countries: checkCountryCodes(checkList(f.countries, at('countries')), at('countries')),
    people: checkList(f.people, at('people')) as number[] | undefined,
    from,
    to,
    statuses: DEFAULT_STATUSES,
  };
}

/** The most periods one trend may have. */
export const MAX_TREND_POINTS = 1200;

export interface TrendArgsInput {
  from?: Date | string | null;
  to?: Date | string | null;
  interval: 'MONTH' | 'YEAR';
}

/** A trend's range: days of the years 1 to 9999, `from` before `to`, at most MAX_TREND_POINTS periods. */
export function checkTrendArgs(args: TrendArgsInput): { from?: Date; to?: Date; interval: 'MONTH' | 'YEAR' } {
  const from = checkDay(args.from, 'from');
  const to = checkDay(args.to, 'to');
  checkRange(from, to, '');
  if (from && to) {
    const months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth());
    const points = args.interval === 'YEAR' ? months / 12 : months;
    if (points > MAX_TREND_POINTS) throw badInput('interval', `That range has ${Math.ceil(points)} periods; at most ${MAX_TREND_POINTS}`);
  }
  return { from, to, interval: args.interval };
}
