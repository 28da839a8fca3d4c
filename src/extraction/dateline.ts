import { findCountryCode } from '../reference/countries';
import { worldCityCountry } from '../reference/cities';
import { isAgencyName } from '../reference/agencies';
import { loadLanguage } from '../reference/language';
import type { ExtractedDateline } from './types';
import { cityCountry, countryAt, matchCountries } from './lexicon';
import { normaliseCase } from './text';

/**
 * Stage 0, the dateline: where and when the release says it was issued. Published texts put it in
 * many shapes, on the first line or below one to three headline lines:
 *
 *   BAKU, Azerbaijan, May 23.            city-country-date
 *   SEOUL, November 21.                  city-date
 *   Baku, July 1, AZERTAC                city-date-agency (also "YEREVAN, MARCH 24, ARMENPRESS.")
 *   SEOUL, Dec. 23 (Yonhap) --           agency-parenthesised
 *   MOSCOW, July 5. /TASS/.              agency-slashed
 *   ASTANA. KAZINFORM –                  city-agency, no date
 *   [MFA Press Service, 12 May 2024]     bracketed source and date
 *   22 March 2024 / 2020-09-29           a date line of its own (no place)
 *
 * Every pattern here is linear: lines are cut to `HEAD` characters before any matching, and the
 * patterns have bounded repetitions whose parts cannot match the same characters two ways (the
 * old single pattern backtracked exponentially on "Al-Al-Al-...").
 */

export interface DatelineResult {
  dateline: ExtractedDateline;
  /** The paragraph the body starts in, and where in it. */
  paragraph: number;
  textStart: number;
  /** Paragraphs before the body that are not its text (headline lines, a date line). */
  skipped: number[];
  /** The dateline names a news agency ("(Yonhap)", "AZERTAC", "/TASS/"): an agency's report. */
  agency: boolean;
  /** The date as written had a year. */
  yearWritten: boolean;
  unresolvedCountry: string | null;
}

/** A dateline sits in the first characters of a line: nothing longer is ever read. */
const HEAD = 240;
/** How many leading paragraphs may hold headline lines, a date line and the dateline. */
const LEAD_LINES = 7;
/** A headline line above the dateline is short. */
const MAX_HEADLINE = 300;

interface DatePart {
  month: number;
  day: number;
  year: number | null;
  end: number;
}

interface Patterns {
  /** Month-day or day-month with an optional year, sticky. */
  textDate: RegExp;
  /** A date line of its own. */
  dateLine: RegExp;
}

let patterns: Patterns | null = null;

function compiled(): Patterns {
  if (patterns) return patterns;
  const { monthSource, weekdays } = loadLanguage();
  const weekday = `(?:${weekdays.join('|')}),?\\s{1,3}`;
  // Groups: 1 month, 2 day | 3 day, 4 month; 5 year.
  // ("18 de abril de 2024": a Spanish-speaking ministry's date in its English text)
  const textDate = `(?:(${monthSource})\\s{0,3}(\\d{1,2})(?:st|nd|rd|th)?|(\\d{1,2})(?:st|nd|rd|th)?\\s{1,3}(?:(?:of|de)\\s{1,3})?(${monthSource}))(?:(?:,?\\s{1,3}|/|\\s{1,3}de\\s{1,3})(\\d{4})(?!\\d))?`;
  // Groups as textDate, then 6-8 ISO y-m-d, 9-11 d.m.y (or d/m/y).
  const numeric = `(\\d{4})[-./](\\d{1,2})[-./](\\d{1,2})|(\\d{1,2})[./-](\\d{1,2})[./-](\\d{4})`;
  // A label before the date: "Published", "Publication date", or words in another script (a Thai
  // site's "date entered" label).
  // ("No: 87, 5 April 2024": a release's number before its date)
  const prefix = `(?:(?:Published(?:\\s+on)?|Posted|Date|Updated|Released|Release date|Issued|Publication date|Date of publication)\\s{0,3}:?\\s{0,3}|No\\.?\\s{0,2}:?\\s{0,2}\\d{1,5}\\s{0,2},\\s{1,3}|(?:(?!\\p{Script=Latin})\\p{L}[\\p{M}]*)+\\s{1,3})?(?:${weekday})?`;
  // "14:30", "16:20:05", "at 18h07" after the date; "14:20," before it.
  const clock = `\\d{1,2}[:.h]\\d{2}(?::\\d{2})?`;
  const time = `(?:\\s{0,3}[,|–—-]?\\s{0,3}(?:at\\s{1,3})?${clock}(?:\\s{0,2}[AaPp]\\.?[Mm]\\.?)?(?:\\s{0,2}\\(?(?:GMT|UTC|[A-Z]{2,4}T|WIB|WITA|WIT|IST|MSK|PKT|ICT|SGT|EAT|CAT|WAT)(?:\\s{0,2}[+-]\\s{0,2}\\d{1,2}(?::?\\d{2})?)?\\)?)?)?`;
  patterns = {
    textDate: new RegExp(textDate, 'iuy'),
    // ("15:20 / 2023-12-11": a clock first, as UzA prints it)
    dateLine: new RegExp(`^\\s{0,3}(?:\\d{1,2}:\\d{2}\\s{0,3}[,|/–—-]?\\s{0,3})?${prefix}(?:${textDate}|${numeric})${time}\\s{0,3}\\.?\\s{0,3}$`, 'iu'),
  };
  return patterns;
}

function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The first "28th Nov, 2024" / "21.05.2025" inside a short bracketed text. */
function dateWithin(text: string): DatePart | null {
  for (const part of text.split(/\s{0,3}[|–—]\s{0,3}|\s-\s/u)) {
    const whole = dateLineDate(part.trim());
    if (whole) return whole;
    // "Kabar, 21.05.2025": a numeric date after the source.
    const numeric = /(?<![\d.])(?:\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2})(?![\d.]\d)/u.exec(part);
    const parsed = numeric ? dateLineDate(numeric[0]) : null;
    if (parsed) return parsed;
    const words = /(?<![\p{L}\p{N}])[\p{L}\d]/gu;
    for (let word = words.exec(part); word; word = words.exec(part)) {
      const date = textDateAt(part, word.index);
      if (date) return date;
    }
  }
  return null;
}

/** "July 1", "1 July", "Dec. 23, 2024" at `offset`. */
function textDateAt(line: string, offset: number): DatePart | null {
  const { textDate } = compiled();
  textDate.lastIndex = offset;
  const match = textDate.exec(line);
  if (!match) return null;
  const month = loadLanguage().monthNumber(match[1] ?? match[4]);
  const day = Number(match[2] ?? match[3]);
  if (!month || day < 1 || day > 31) return null;
  // "27 May." ends with the sentence's period, not the month's: the separator keeps it.
  const end = match.index + match[0].length - (match[0].endsWith('.') && !match[5] && match[3] ? 1 : 0);
  return { month, day, year: match[5] ? Number(match[5]) : null, end };
}

/** A line that is only a date ("22 March 2024", "2020-09-29", "12.05.2024", "Friday, 22 March 2024 14:30"). */
export function dateLineDate(line: string): DatePart | null {
  // "Busra Nur Cakmak   |03.11.2025 - Update : 03.11.2025": a byline, then the date and its update.
  const byline = /^\p{Lu}[\p{L}'’.-]*(?:\s\p{Lu}[\p{L}'’.-]*){1,3}\s*\|\s*(\d{1,2}\.\d{1,2}\.\d{4})(?:\s*-\s*Update\s*:\s*\d{1,2}\.\d{1,2}\.\d{4})?\s*$/u.exec(line);
  if (byline) {
    const date = dateLineDate(byline[1]);
    if (date) return { ...date, end: line.length };
  }
  // "Publication date 14.3.2025 13.25 | Published in English on ...": the first part is the date line.
  const bar = line.indexOf(' | ');
  if (bar > 0 && bar <= 80) {
    const first = dateLineDate(line.slice(0, bar));
    if (first) return { ...first, end: line.length };
    // "News item | 03-05-2025 | 14:00": a label before the date.
    const label = /^[\p{L} ]{1,30} \| /u.exec(line);
    const rest = label ? dateLineDate(line.slice(label[0].length)) : null;
    if (rest) return { ...rest, end: line.length };
  }
  // "No: 147, 24 June 2025, Press Release Regarding the ...": a numbered release's title line opens
  // with its number and date.
  const numbered = /^No\s{0,2}:\s{0,2}\d{1,5}\s{0,2},\s{1,3}([^,]{6,30}),\s{1,3}\p{Lu}/u.exec(line);
  if (numbered) {
    const date = dateLineDate(numbered[1]);
    if (date) return { ...date, end: line.length };
  }
  if (line.length > 80) return null;
  const match = compiled().dateLine.exec(line);
  if (!match) return null;
  if (match[1] || match[4]) {
    const month = loadLanguage().monthNumber(match[1] ?? match[4]);
    return month ? { month, day: Number(match[2] ?? match[3]), year: match[5] ? Number(match[5]) : null, end: line.length } : null;
  }
  if (match[6]) return { year: Number(match[6]), month: Number(match[7]), day: Number(match[8]), end: line.length };
  // Day first ("12.05.2024"), unless the first number cannot be a day's month and the second can.
  let day = Number(match[9]);
  let month = Number(match[10]);
  if (month > 12 && day <= 12) [day, month] = [month, day];
  return { year: Number(match[11]), month, day, end: line.length };
}

/** A place word: a capital, then letters or apostrophes ("N'Djamena"); no hyphen or period inside. */
const PLACE_WORD = /\p{Lu}[\p{L}'’]{0,30}/uy;
/** Abbreviations whose period belongs to a place's name ("St. Petersburg"). */
const PLACE_ABBREVIATIONS = new Set(['St', 'Ste', 'Mt', 'Ft']);

/** "BAKU", "NEW YORK", "Nur-Sultan", "Addis Ababa": up to four words joined by one space or hyphen. */
function placeAt(line: string, offset: number): { text: string; end: number } | null {
  let end = offset;
  for (let words = 0; words < 4; words++) {
    const start = words === 0 ? end : end + 1;
    if (words > 0 && !(line[end] === ' ' || line[end] === '-')) break;
    const particle = words > 0 ? /^(?:de|do|da|del|de la|es|el|al|am|an der|upon|on)\s(?=\p{Lu})/u.exec(line.slice(start, start + 8)) : null;
    PLACE_WORD.lastIndex = start + (particle ? particle[0].length : 0);
    const word = PLACE_WORD.exec(line);
    if (!word) break;
    // "Addis Ababa February 13/2025": a month after the place is the date's, not the place's.
    if (words > 0 && loadLanguage().calendarWords.has(word[0])) break;
    end = word.index + word[0].length;
    if (line[end] === '.' && PLACE_ABBREVIATIONS.has(word[0])) end += 1;
  }
  if (end === offset) return null;
  const text = line.slice(offset, end);
  return { text, end };
}

/** A source named in the dateline: a listed agency or an all-capital word ("ARMENPRESS"). */
function looksLikeAgency(text: string): boolean {
  const name = text.trim().replace(/[.,]$/, '').replace(/[«»“”"]/gu, '');
  if (!name || name.length > 40) return false;
  if (isAgencyName(name)) return true;
  // "NIAT «Khovar»": an agency's full name around its listed short name.
  if (name.includes(' ') && name.split(/\s+/u).some((word) => /^\p{Lu}/u.test(word) && isAgencyName(word))) return true;
  return /^\p{Lu}[\p{Lu}\d&.-]{1,20}(?:\s\p{Lu}[\p{Lu}\d&.-]{1,20}){0,2}$/u.test(name) && !findCountryCode(name);
}

/** "(Yonhap)", ", AZERTAC", ". /TASS/." after the date or the place: where it ends, or -1. */
function agencyAfter(line: string, offset: number): number {
  const rest = line.slice(offset, offset + 60);
  const paren = /^\s{0,3}\(([^()]{1,40})\)/u.exec(rest);
  if (paren && looksLikeAgency(paren[1])) return offset + paren[0].length;
  // "ADEN, Nov. 4 (Saba) -": one capitalised word in brackets before the dash is the wire's name.
  if (paren && /^\p{Lu}\p{Ll}{1,20}$/u.test(paren[1].trim()) && !findCountryCode(paren[1].trim()) && /^\s{0,3}(?:[-–—:]|$)/u.test(rest.slice(paren[0].length))) {
    return offset + paren[0].length;
  }
  const slashed = /^\s{0,3}[.,]?\s{0,3}\/([^/]{1,30})\/\.?/u.exec(rest);
  if (slashed && looksLikeAgency(slashed[1])) return offset + slashed[0].length;
  // "Baku. Leyla Huseynli – APA.": the reporter's name, a dash, then the agency.
  const byline = /^\s{0,3}[.,]\s{1,3}\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+){1,2}\s{1,3}[–—-]\s{1,3}(\p{Lu}[\p{L}\d&-]{1,20})(?=\s{0,3}[.:,–—-]|\s{0,3}$)\.?/u.exec(rest);
  if (byline && isAgencyName(byline[1])) return offset + byline[0].length;
  // ", AZERTAC", ". KAZINFORM", ", News.az": one to three words; the longest that is an agency.
  const comma = /^\s{0,3}[.,]\s{0,3}/u.exec(rest);
  if (!comma) return -1;
  const words = /^(?:\p{Lu}(?:[\p{L}\d&]|[.-](?=\p{L})){1,20})(?:\s(?:\p{Lu}(?:[\p{L}\d&]|[.-](?=\p{L})){1,20})){0,2}/u.exec(rest.slice(comma[0].length));
  if (!words) return -1;
  const list = words[0].split(' ');
  for (let count = list.length; count > 0; count--) {
    const name = list.slice(0, count).join(' ');
    const after = rest.slice(comma[0].length + name.length);
    if (looksLikeAgency(name) && /^(?:\s{0,3}(?:[.:,–—-]|$)|\s\p{Lu})/u.test(after)) return offset + comma[0].length + name.length;
  }
  return -1;
}

/** The separator between a dateline and the text: a period, a colon or a dash, or the end of the line. */
const END = /\s{0,3}(?:\.\s{0,3}\/[^/]{1,30}\/\.?|--|[.:–—-])?\s{0,3}/uy;
const STRICT_END = /\s{0,3}(?:--|[.:–—-]|$)/uy;

interface PlaceDateline {
  agency?: boolean;
  place: string | null;
  rawCountry: string | null;
  date: DatePart | null;
  end: number;
}

/** "PLACE[, COUNTRY], DATE [agency] SEP" or "PLACE[.,] AGENCY SEP" at the start of `line`. */
function placeDateline(line: string): PlaceDateline | null {
  let place = placeAt(line, 0);
  if (!place) return null;
  // "Baghdad-INA": the agency joined to the place by a hyphen.
  let joinedAgency = -1;
  const tail = /-([^\s-]+)$/u.exec(place.text);
  if (tail && tail.index > 0 && isAgencyName(tail[1])) {
    joinedAgency = place.end;
    place = { text: place.text.slice(0, tail.index), end: place.end - tail[0].length };
  }
  const { nameStopWords, calendarWords } = loadLanguage();
  const firstWord = place.text.split(/[\s-]/)[0];
  if (nameStopWords.has(firstWord) || calendarWords.has(firstWord) || isAgencyName(place.text)) return null;
  let position = place.end;
  let rawCountry: string | null = null;
  // "New Delhi [India], November 18 (ANI):": the country in square brackets after the place.
  const squared = /^\s{0,2}\[([^\]]{2,40})\]/u.exec(line.slice(position, position + 44));
  const squaredCountry = squared ? countryAt(squared[1], 0) : null;
  if (squared && squaredCountry?.code && squaredCountry.end === squared[1].length) {
    rawCountry = squared[1];
    position += squared[0].length;
  }
  // "Lima (Perú), April 18, 2024.": the country in round brackets after the place.
  const rounded = rawCountry ? null : /^\s{0,2}\(([^()]{2,40})\)(?=,)/u.exec(line.slice(position, position + 44));
  const roundedCountry = rounded ? countryAt(rounded[1], 0) : null;
  if (rounded && roundedCountry?.code && roundedCountry.end === rounded[1].length) {
    rawCountry = rounded[1];
    position += rounded[0].length;
  }
  // ", Azerbaijan," before the date.
  const comma = rawCountry ? null : /^,\s{1,3}/u.exec(line.slice(position, position + 4));
  if (comma) {
    // A country name as the lexicon knows it ("Azerbaijan", "Republic of Korea", "UAE").
    const country = countryAt(line, position + comma[0].length);
    if (country?.code && /^,\s{1,3}/u.test(line.slice(country.end, country.end + 4))) {
      rawCountry = country.text;
      position = country.end;
    } else {
      // "NANPING, Fujian, April 1 (Xinhua) --": a province between the place and the date, taken
      // only where a date and an agency follow it.
      const region = placeAt(line, position + comma[0].length);
      const after = region ? /^,\s{1,3}/u.exec(line.slice(region.end, region.end + 4)) : null;
      const regionDate = region && after ? textDateAt(line, region.end + after[0].length) : null;
      if (region && regionDate && agencyAfter(line, regionDate.end) >= 0) position = region.end;
    }
  }
  // "KUWAIT, (SPA - 28th Nov, 2024) -": the agency and the date in brackets after the place.
  const bracket = /^,?\s{0,3}\(([^()]{3,60})\)\s{0,3}(?:--|[.:–—-])?\s{0,3}/u.exec(line.slice(position, position + 72));
  if (bracket) {
    const inside = dateWithin(bracket[1]);
    if (inside) return { place: place.text, rawCountry, date: inside, end: position + bracket[0].length, agency: bracket[1].split(/\s{0,3}[-–—|,]\s{0,3}/u).some(looksLikeAgency) };
  }
  // ("ASTANA. Nov 27 (Interfax) -": a period after the place)
  const beforeDate = /^(?:,\s{0,3}|\.?\s{1,3})/u.exec(line.slice(position, position + 5));
  let date = beforeDate ? textDateAt(line, position + beforeDate[0].length) : null;
  // "Bern, 18.02.2025 - ", "Vilnius, 2025-03-12 –": a numeric date after the place.
  if (!date && beforeDate) {
    const from = position + beforeDate[0].length;
    // (or alone on its line: "Brussels, 18.09.2025")
    const numeric = /^(?:\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2})(?=\s{1,3}(?:--|[–—-])\s|\s{0,3}\/|\s*$)/u.exec(line.slice(from, from + 20));
    const parsed = numeric ? dateLineDate(numeric[0]) : null;
    if (parsed) date = { ...parsed, end: from + numeric![0].length };
  }
  // "Riyadh, Shawwal 21, 1446, April 19, 2025, SPA --": another calendar's date before the Gregorian one.
  if (!date && beforeDate) {
    const from = position + beforeDate[0].length;
    const chunk = /^(?:\p{Lu}\p{L}{2,15}\s{1,3}\d{1,2},?\s{1,3}(?:\d{4},?\s{1,3})?)/u.exec(line.slice(from, from + 40));
    if (chunk) date = textDateAt(line, from + chunk[0].length);
  }
  if (date) {
    let end = date.end;
    const agency = agencyAfter(line, end);
    if (agency >= 0) end = agency;
    const sticky = agency >= 0 ? END : STRICT_END;
    sticky.lastIndex = end;
    const sep = sticky.exec(line);
    if (!sep) return null;
    end = sep.index + sep[0].length;
    // A slashed agency may also follow the separator ("July 5. /TASS/.").
    const slashed = agencyAfter(line, end);
    if (slashed >= 0) {
      END.lastIndex = slashed;
      end = slashed + (END.exec(line)?.[0].length ?? 0);
    }
    return { place: place.text, rawCountry, date, end, agency: agency >= 0 || slashed >= 0 };
  }
  // No date: "ASTANA. KAZINFORM –", "SEOUL (Yonhap) --": the agency and a dash are required, or
  // a known place and a dash ("MANILA – ").
  if (rawCountry) return null;
  const agency = joinedAgency >= 0 ? joinedAgency : agencyAfter(line, place.end);
  if (agency < 0) {
    // ("YEREVAN. – ": a period before the dash)
    const dash = /^\.?\s{1,3}(?:--|[–—])\s{0,3}/u.exec(line.slice(place.end, place.end + 8));
    if (dash && (cityCountry(place.text) ?? findCountryCode(place.text))) return { place: place.text, rawCountry: null, date: null, end: place.end + dash[0].length };
    return null;
  }
  // "Ulaanbaatar /MONTSAME/. On March 12": a slashed agency closes with its period.
  const dash = /^\s{0,3}(?:--|[–—-]|:)\s{0,3}/u.exec(line.slice(agency, agency + 8)) ?? (line[agency - 1] === '.' ? /^\s{1,3}/u.exec(line.slice(agency, agency + 4)) : null);
  if (!dash && agency < line.length) return null;
  return { place: place.text, rawCountry: null, date: null, end: agency + (dash ? dash[0].length : 0), agency: true };
}

/**
 * "RSS (KATHMANDU, 14 July 2025) –", "AKP Phnom Penh, March 6, 2025 --": a listed agency's name (one or
 * two words) before a dateline with a place; "[SPA] Riyadh, 10 December 2024": an agency's tag in brackets.
 */
function agencyFirst(line: string): PlaceDateline | null {
  const tag = /^\s{0,3}[[(]([^\])[(]{2,30})[\])]\s{0,3}/u.exec(line);
  if (tag) {
    const rest = looksLikeAgency(tag[1]) ? placeDateline(line.slice(tag[0].length)) : null;
    return rest ? { ...rest, end: rest.end + tag[0].length, agency: true } : null;
  }
  const head = /^\s{0,3}(\p{Lu}[\p{L}\d.&-]{1,20})(?:\s(\p{Lu}[\p{L}\d.&-]{1,20}))?/u.exec(line.slice(0, 50));
  if (!head) return null;
  for (const name of head[2] ? [head[1], `${head[1]} ${head[2]}`] : [head[1]]) {
    if (!isAgencyName(name) || /\b(?:MFA|MoFA|Ministry|Press)\b/iu.test(name)) continue;
    const gap = /^\s{1,3}(?=[([\p{Lu}])/u.exec(line.slice(head.index + head[0].indexOf(name) + name.length, head.index + 60));
    if (!gap) continue;
    const from = head.index + head[0].indexOf(name) + name.length + gap[0].length;
    const rest = line.slice(from);
    const inner = placeDateline(rest) ?? bracketedDateline(rest);
    if (inner?.place) return { ...inner, end: from + inner.end, agency: true };
  }
  return null;
}

/** "[MFA Press Service, 12 May 2024]", "(Tbilisi, 12.05.2024)": a bracketed source and date at the start. */
function bracketedDateline(line: string): PlaceDateline | null {
  const match = /^\s{0,3}[[(]([^\])[(]{4,120})[\])]\s{0,3}(?:--|[.:–—-])?\s{0,3}/u.exec(line);
  if (!match) return null;
  let date: DatePart | null = null;
  let place: string | null = null;
  let rawCountry: string | null = null;
  let sawAgency = false;
  for (const raw of match[1].split(/\s{0,3}[,|;–—]\s{0,3}/u)) {
    const part = raw.trim();
    if (!part) continue;
    const asDate = dateLineDate(part) ?? textDateAt(part, 0);
    if (asDate && !date) {
      date = asDate;
      continue;
    }
    // "(KATHMANDU, 14 July 2025)": a known city in capitals is the place, not an agency.
    const city = /^\p{Lu}/u.test(part) ? cityCountry(part) : null;
    if (!place && city) {
      place = part;
      continue;
    }
    // "(Tbilisi, Georgia, 12.05.2024)": the country after the place.
    if (place && !rawCountry && findCountryCode(part)) {
      rawCountry = part;
      continue;
    }
    if (looksLikeAgency(part) && !/\b(?:MFA|MoFA|Ministry|Press)\b/iu.test(part)) sawAgency = true;
  }
  if (!date) return null;
  return { place, rawCountry, date, end: match[0].length, agency: sawAgency };
}

/** A line that is only a known place ("ANKARA", "Manila –"): a dateline without a date. */
function placeLine(line: string): { place: string; end: number } | null {
  if (line.length > 40) return null;
  const match = /^\s{0,3}(\p{Lu}[\p{L}'’. -]{1,35}?)\s{0,3}(?:--|[.:,–—-])?\s{0,3}$/u.exec(line);
  if (!match || !(cityCountry(match[1]) ?? findCountryCode(match[1]))) return null;
  return { place: match[1], end: line.length };
}

/** "18:40 | Lima, Sep. 16.": the time of posting before a place dateline. */
function clockFirst(line: string): PlaceDateline | null {
  const clock = /^\s{0,3}\d{1,2}:\d{2}\s{0,3}[|,–—-]\s{0,3}(?=\p{Lu})/u.exec(line);
  const rest = clock ? placeDateline(line.slice(clock[0].length)) : null;
  return rest?.date ? { ...rest, end: rest.end + clock![0].length } : null;
}

/** "August 12, 2025 - Ottawa, Ontario - Global Affairs Canada": a date, then the place, then the source. */
function dateFirstLine(line: string): PlaceDateline | null {
  const match = /^\s{0,3}([^–—|]{4,30}?)\s{1,3}[-–—|]\s{1,3}(\p{Lu}[\p{L}'’ .-]{1,30}?)(?:,\s{1,3}(\p{Lu}[\p{L}'’ .-]{1,30}?))?(?:\s{1,3}[-–—|]\s{1,3}[^\n]{1,60})?\s{0,3}$/u.exec(line);
  if (!match) return null;
  const date = dateLineDate(match[1]);
  if (!date) return null;
  const regionCountry = match[3] ? findCountryCode(match[3]) : null;
  if (!cityCountry(match[2]) && !findCountryCode(match[2])) return null;
  return { place: match[2], rawCountry: regionCountry ? match[3] : null, date, end: line.length };
}

/**
 * Reads the dateline from the header of a release: the lines before the body (headline, "Press
 * release", a byline, a date line, a bracketed source) and the first body line that opens with a
 * dateline. A signature at the end ("WISMA PUTRA / PUTRAJAYA / 14 January 2025") is read when the
 * header has none.
 */
export function parseDateline(paragraphs: string[], year: number): DatelineResult | null {
  const lines = paragraphs.slice(0, LEAD_LINES).map((paragraph) => paragraph.slice(0, HEAD));
  let date: { index: number; date: DatePart } | null = null;
  let place: { index: number; place: string; rawCountry: string | null } | null = null;
  let lastHeader = -1;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index];
    const alone = dateLineDate(line);
    if (alone) {
      date ??= { index, date: alone };
      lastHeader = index;
      continue;
    }
    const inline = agencyFirst(line) ?? placeDateline(line) ?? clockFirst(line) ?? bracketedDateline(line) ?? dateFirstLine(line);
    if (inline) {
      const skipped = Array.from({ length: index }, (_, i) => i);
      let found = inline.date ? { index, date: inline.date } : date;
      let bodyFrom = index;
      let textStart = inline.end;
      // A bracketed source line stands alone; a place line under it ("ANKARA") may follow.
      if (!inline.place || inline.end >= line.length) {
        const nextDate = !found && index + 1 < lines.length ? dateLineDate(lines[index + 1]) : null;
        if (nextDate) found = { index: index + 1, date: nextDate };
        if (!inline.place) {
          // Headline lines may sit between the bracket and the place line.
          for (let k = index + 1; k < Math.min(lines.length, index + 3); k++) {
            const bare = placeLine(lines[k]);
            if (bare) {
              inline.place = bare.place;
              for (let i = index; i < k; i++) skipped.push(i);
              bodyFrom = k;
              textStart = lines[k].length;
              break;
            }
          }
        }
        if (nextDate) skipped.push(index + 1);
      }
      if (!found && !inline.place) continue;
      return build(inline.place, inline.rawCountry, found?.date ?? null, year, bodyFrom, textStart, skipped, Boolean(inline.agency));
    }
    // "Meeting of Minister X with Y (Athens, 26.02.2026)": a title line that ends with its place and date.
    const closing = /[[(][^\])[(]{4,60}[\])]\s*$/u.exec(line);
    const titled = closing && closing.index > 0 ? bracketedDateline(closing[0]) : null;
    if (titled?.place && titled.date && index + 1 < lines.length) {
      return build(titled.place, titled.rawCountry, titled.date, year, index + 1, 0, Array.from({ length: index + 1 }, (_, i) => i), titled.agency);
    }
    const bare = placeLine(line);
    if (bare && !place) {
      place = { index, place: bare.place, rawCountry: null };
      lastHeader = index;
      continue;
    }
    // Only header lines (short ones) may come before the dateline.
    if (paragraphs[index].length > MAX_HEADLINE) break;
  }
  if (!date && !place) return signature(paragraphs, year);
  const end = Math.max(lastHeader, date?.index ?? -1, place?.index ?? -1);
  // The lines above a date line are the title; the body starts after it, or after a title under it.
  // A summary under the title that reads as a sentence ("The Foreign Secretary attended ... and held
  // talks with ...", above "From:" and "Published") is the release's text, not its header.
  const skipped = Array.from({ length: end + 1 }, (_, i) => i).filter((i) => i === 0 || i >= end || paragraphs[i].length < 60 || isHeadline(paragraphs[i]));
  const next = end + 1;
  if (date && date.index === 0 && next < paragraphs.length - 1 && isHeadline(paragraphs[next])) skipped.push(next);
  return build(place?.place ?? null, place?.rawCountry ?? null, date?.date ?? null, year, skipped[skipped.length - 1] + 1, 0, skipped);
}

/** "WISMA PUTRA / PUTRAJAYA / 14 January 2025" closing the release: a place line over a date line. */
function signature(paragraphs: string[], year: number): DatelineResult | null {
  const last = paragraphs.length - 1;
  if (last < 2) return null;
  const date = dateLineDate(paragraphs[last].slice(0, HEAD));
  if (!date) return null;
  for (let k = last - 1; k >= Math.max(1, last - 3); k--) {
    const bare = placeLine(paragraphs[k].slice(0, HEAD));
    if (bare) return build(bare.place, null, date, year, 0, 0, []);
  }
  return null;
}

/** A title line: short, with no sentence end. */
export function isHeadline(paragraph: string): boolean {
  return paragraph.length <= MAX_HEADLINE && !/[.!?;:]["”’]?$/u.test(paragraph);
}

function build(
  rawPlace: string | null,
  rawCountry: string | null,
  date: DatePart | null,
  year: number,
  paragraph: number,
  textStart: number,
  skipped: number[],
  agency = false,
): DatelineResult {
  // A people's or a language's name is no place (MOFA Japan's language switch "Japanese" under its date line).
  const named = rawPlace ? normaliseCase(rawPlace.trim()) : null;
  const place = named && matchCountries(named).some((match) => match.kind === 'demonym' && match.start === 0 && match.end === named.length) ? null : named;
  let country: string | null = null;
  let unresolvedCountry: string | null = null;
  if (rawCountry) {
    country = findCountryCode(rawCountry);
    if (!country) unresolvedCountry = rawCountry;
  }
  // A city-only dateline ("SEOUL, November 21.") is placed through the city list, or is a country itself.
  // (a city the lists do not have: the world-cities table, "Dubrovnik")
  if (place && !country) country = cityCountry(place) ?? findCountryCode(place) ?? worldCityCountry(place);
  if (place && !country && !unresolvedCountry) unresolvedCountry = place;
  return {
    dateline: { place, country, date: date ? isoDate(date.year ?? year, date.month, date.day) : null },
    paragraph,
    textStart,
    skipped,
    agency,
    yearWritten: Boolean(date?.year),
    unresolvedCountry,
  };
}

/** "on May 23" / "on 23 May" in a sentence, as an ISO date of `year`. */
export function findDateIn(sentence: string, year: number): string | null {
  const on = /\bon\s{1,3}/giu;
  for (let match = on.exec(sentence); match; match = on.exec(sentence)) {
    const date = textDateAt(sentence, match.index + match[0].length);
    if (date) return isoDate(date.year ?? year, date.month, date.day);
  }
  return null;
}
