// Checks on client input shared by writes and reads: BAD_USER_INPUT naming the field.
import { badInput } from '../errors';
import { loadTopics } from '../reference';

/** Longest text accepted, in characters: ten times the longest release seen, far below any abuse. */
export const MAX_TEXT_LENGTH = 50_000;

export function checkText(text: string, field = 'text'): string {
  const t = text.replace(/\r\n?/g, '\n').trim();
  if (!t) throw badInput(field, '`text` is empty');
  if (t.length > MAX_TEXT_LENGTH) {
    throw badInput(field, `\`text\` is ${t.length} characters; the limit is ${MAX_TEXT_LENGTH}`);
  }
  return t;
}

/** Longest source URL accepted (longer ones do not fit the unique index on it). */
export const MAX_URL_LENGTH = 2048;

export function checkUrl(url: string | null | undefined, field: string): string | null {
  if (url == null || url.trim() === '') return null;
  if (url.length > MAX_URL_LENGTH) throw badInput(field, `The URL is ${url.length} characters; the limit is ${MAX_URL_LENGTH}`);
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    throw badInput(field, `"${url}" is not a URL`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw badInput(field, `"${url}" is not an http(s) URL`);
  return u.toString();
}

export function checkYear(year: number | null | undefined, field = 'year'): number | undefined {
  if (year == null) return undefined;
  if (!Number.isInteger(year) || year < 1900 || year > 2100) throw badInput(field, `${year} is not a plausible year`);
  return year;
}

/** An instant a release can carry: a year from 1000 to 9999 in UTC (what ISO dates and Postgres take). */
export function checkInstant(d: Date | null | undefined, field: string): Date | undefined {
  if (d == null) return undefined;
  const year = d.getUTCFullYear();
  if (Number.isNaN(d.getTime()) || year < 1000 || year > 9999) {
    throw badInput(field, `\`${field}\` must fall in the years 1000 to 9999 (UTC)`);
  }
  return d;
}

export const COUNTRY_CODE = /^[A-Z]{2}$/;

/** ISO 3166-1 alpha-2 codes, trimmed and upper-cased ("az " is AZ); anything else is refused. */
export function checkCountryCodes(codes: readonly string[] | null | undefined, field: string): string[] | undefined {
  if (!codes) return undefined;
  return codes.map((c) => {
    const code = c.trim().toUpperCase();
    if (!COUNTRY_CODE.test(code)) throw badInput(field, `"${c}" is not an ISO 3166-1 alpha-2 code`);
    return code;
  });
}

/** Slugs of the topic taxonomy; an unknown one is refused. */
export function checkTopicSlugs(slugs: readonly string[] | null | undefined, field: string): string[] | undefined {
  if (!slugs) return undefined;
  const known = new Set(loadTopics().map((t) => t.slug));
  for (const s of slugs) if (!known.has(s)) throw badInput(field, `Unknown topic slug "${s}" (see the \`topics\` query)`);
  return [...slugs];
}
