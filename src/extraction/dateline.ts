import { findCountryCode } from '../reference/countries';
import type { ExtractedDateline } from './types';
import { cityCountry } from './lexicon';
import { normaliseCase } from './text';

export interface DatelineResult {
  dateline: ExtractedDateline;
  /** Where the release text proper starts in the first paragraph. */
  textStart: number;
  /** The date as written had no year (always so in these releases, but checked). */
  yearWritten: boolean;
  unresolvedCountry: string | null;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.?';
const PLACE = "(\\p{Lu}[\\p{L}'’.-]*(?:[ -]\\p{L}[\\p{L}'’.-]*){0,3})";

// "BAKU, Azerbaijan, May 23." / "SEOUL, November 21." / "Tashkent, Uzbekistan, 3 March." ; the
// separator after the date may be a period, a colon or a dash.
const DATELINE = new RegExp(
  `^\\s*${PLACE},\\s+(?:${PLACE},\\s+)?(?:${MONTH}\\s+(\\d{1,2})|(\\d{1,2})\\s+${MONTH})(?:,?\\s+(\\d{4}))?(?:\\s*\\([^)]{1,40}\\))?\\s*(?:[.:]|\\s?[—–-])\\s*`,
  'iu',
);

function monthNumber(name: string): number {
  const key = name.toLowerCase().replace('.', '');
  return MONTHS.findIndex((month) => month.startsWith(key.slice(0, 3))) + 1;
}

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function parseDateline(firstParagraph: string, year: number): DatelineResult | null {
  const match = DATELINE.exec(firstParagraph);
  if (!match) return null;
  const [, rawPlace, rawCountry, monthA, dayA, dayB, monthB, writtenYear] = match;
  const place = normaliseCase(rawPlace.trim());
  let country: string | null = null;
  let unresolvedCountry: string | null = null;
  if (rawCountry) {
    country = findCountryCode(rawCountry);
    if (!country) unresolvedCountry = rawCountry;
  }
  // A city-only dateline ("SEOUL, November 21.") is placed through the city list.
  if (!country) country = cityCountry(place);
  if (!country && !unresolvedCountry) unresolvedCountry = place;
  const month = monthNumber(monthA ?? monthB);
  const day = Number(dayA ?? dayB);
  const effectiveYear = writtenYear ? Number(writtenYear) : year;
  return {
    dateline: { place, country, date: isoDate(effectiveYear, month, day) },
    textStart: match[0].length,
    yearWritten: Boolean(writtenYear),
    unresolvedCountry,
  };
}

/** "on May 23" / "on 23 May" in a sentence, as an ISO date of `year`. */
export function findDateIn(sentence: string, year: number): string | null {
  const pattern = new RegExp(`\\bon\\s+(?:${MONTH}\\s+(\\d{1,2})|(\\d{1,2})\\s+${MONTH})(?:,?\\s+(\\d{4}))?\\b`, 'iu');
  const match = pattern.exec(sentence);
  if (!match) return null;
  const [, monthA, dayA, dayB, monthB, writtenYear] = match;
  return isoDate(writtenYear ? Number(writtenYear) : year, monthNumber(monthA ?? monthB), Number(dayA ?? dayB));
}
