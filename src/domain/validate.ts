// Checks on editor input shared by ingest and the structured mutations: BAD_USER_INPUT naming the field.
import { badInput } from '../errors';

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

export function checkUrl(url: string | null | undefined, field: string): string | null {
  if (url == null || url.trim() === '') return null;
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
