import { loadCountries, loadCountryAdditions } from '../reference/countries';
import { loadCities } from '../reference/cities';
import { WORD_END, WORD_START, foldKey, phraseSource, stripDiacritics, type Span } from './text';

/**
 * Compiled matchers over the reference data, built once per process: extraction calls them for
 * every sentence, and the country alternation alone has well over a thousand forms.
 */

export interface CountryMatch extends Span {
  /** null for a phrase of `notCountries` ("Latin America"): matched only so it hides the country in it. */
  code: string | null;
  /** The form as written, possessive included ("Korea’s"). */
  text: string;
  /** The lexicon form it matched ("Korea"). */
  form: string;
  kind: 'name' | 'demonym';
  /** Set for forms that can mean more than one country; resolved per text. */
  ambiguous: boolean;
}

interface CountryLexicon {
  regex: RegExp;
  byForm: Map<string, { code: string | null; kind: 'name' | 'demonym'; ambiguous: boolean }>;
}

let countryLexicon: CountryLexicon | null = null;

function buildCountryLexicon(): CountryLexicon {
  const byForm = new Map<string, { code: string | null; kind: 'name' | 'demonym'; ambiguous: boolean }>();
  const additions = loadCountryAdditions();
  const add = (form: string, code: string | null, kind: 'name' | 'demonym', ambiguous = false) => {
    const key = foldKey(form);
    if (key.length < 2) return;
    if (!byForm.has(key)) byForm.set(key, { code, kind, ambiguous });
  };
  for (const phrase of additions.notCountries) add(phrase, null, 'name');
  for (const entry of additions.ambiguous) add(entry.term, entry.default, /an$|ese$|ish$|i$/.test(entry.term) ? 'demonym' : 'name', true);
  for (const country of loadCountries()) {
    for (const form of [country.name, ...country.aliases]) {
      // Names starting with "the" are matched without it; the article is not part of a mention.
      const bare = form.replace(/^the\s+/i, '');
      add(bare, country.code, 'name');
      const plain = stripDiacritics(bare);
      if (plain !== bare) add(plain, country.code, 'name');
    }
    for (const demonym of country.demonyms) add(demonym, country.code, 'demonym');
  }
  // Lexicon forms keep their original case for the regex: names are proper nouns and lower-case
  // homographs ("chad", "turkey", "polish") are not countries.
  const originals = new Map<string, string>();
  const collect = (form: string) => {
    const bare = form.replace(/^the\s+/i, '');
    for (const variant of [bare, stripDiacritics(bare)]) {
      const key = foldKey(variant);
      if (byForm.has(key) && !originals.has(variant)) originals.set(variant, key);
    }
  };
  additions.notCountries.forEach(collect);
  additions.ambiguous.forEach((entry) => collect(entry.term));
  for (const country of loadCountries()) [country.name, ...country.aliases, ...country.demonyms].forEach(collect);

  const forms = [...originals.keys()].filter((form) => form.length >= 2).sort((a, b) => b.length - a.length);
  const alternation = forms.map(phraseSource).join('|');
  // Dotted abbreviations ("U.S.") end in a non-letter, so the end boundary only applies after letters.
  const regex = new RegExp(`${WORD_START}(${alternation})(['’]s)?(?:${WORD_END})`, 'gu');
  return { regex, byForm };
}

function lexicon(): CountryLexicon {
  countryLexicon ??= buildCountryLexicon();
  return countryLexicon;
}

/** Every country form in `text`, left to right, longest form first at each place. */
export function matchCountries(text: string): CountryMatch[] {
  // The stages ask about the same sentence many times: a small cache of the last texts read.
  const cached = countryCache.get(text);
  if (cached) return cached;
  const out = scanCountries(text);
  if (countryCache.size >= COUNTRY_CACHE_SIZE) countryCache.delete(countryCache.keys().next().value as string);
  countryCache.set(text, out);
  return out;
}

const COUNTRY_CACHE_SIZE = 256;
const countryCache = new Map<string, CountryMatch[]>();

/**
 * A state's formal name around a country's name the data does not list whole ("the Republic of Peru",
 * "the Principality of Monaco"): the country's.
 */
const STATE_FORM_SOURCE =
  "(?:(?:Federal|Democratic|Islamic|United|Socialist|People['’]s|Arab|Hashemite|Plurinational|Bolivarian|Oriental|Eastern|Co-operative|Cooperative|Independent|Sovereign)\\s+)*" +
  '(?:Republic|Kingdom|Sultanate|Principality|State|Grand\\s+Duchy|Commonwealth|Federation|Emirate)\\s+of\\s+(?:the\\s+)?';
const STATE_FORM = new RegExp(STATE_FORM_SOURCE, 'uy');
const STATE_FORM_BEFORE = new RegExp(STATE_FORM_SOURCE + '$', 'u');

function scanCountries(text: string): CountryMatch[] {
  const { regex, byForm } = lexicon();
  const out: CountryMatch[] = [];
  regex.lastIndex = 0;
  for (const match of text.matchAll(regex)) {
    const form = match[1];
    const entry = byForm.get(foldKey(form));
    if (!entry) continue;
    // All-caps words of a longer capitalised run are not names here ("IN", "US" inside a heading are rare,
    // but "OR", "AS" would be): only accept all-caps forms the lexicon writes in capitals.
    // "Republic of Peru": the state's formal name is one match with its country's.
    const formal = entry.kind === 'name' ? STATE_FORM_BEFORE.exec(text.slice(Math.max(0, match.index - 60), match.index)) : null;
    const start = formal ? match.index - formal[0].length : match.index;
    out.push({
      start,
      end: match.index + match[0].length,
      code: entry.code,
      text: text.slice(start, match.index + match[0].length),
      form,
      kind: entry.kind,
      ambiguous: entry.ambiguous,
    });
  }
  return out;
}

/** A country form that starts exactly at `offset` (for parsing "of the Republic of Korea"). */
let stickyCountry: RegExp | null = null;

export function countryAt(text: string, offset: number): CountryMatch | null {
  const direct = countryFormAt(text, offset);
  if (direct) return direct;
  STATE_FORM.lastIndex = offset;
  const formal = STATE_FORM.exec(text);
  const inner = formal ? countryFormAt(text, offset + formal[0].length) : null;
  if (!inner || inner.kind !== 'name') return null;
  return { ...inner, start: offset, text: text.slice(offset, inner.end) };
}

function countryFormAt(text: string, offset: number): CountryMatch | null {
  const { regex, byForm } = lexicon();
  stickyCountry ??= new RegExp(regex.source, 'uy');
  const sticky = stickyCountry;
  sticky.lastIndex = offset;
  const match = sticky.exec(text);
  if (!match) return null;
  const entry = byForm.get(foldKey(match[1]));
  if (!entry) return null;
  return {
    start: offset,
    end: offset + match[0].length,
    code: entry.code,
    text: match[0],
    form: match[1],
    kind: entry.kind,
    ambiguous: entry.ambiguous,
  };
}


/** The country named at `offset`, its official name's head allowed ("the Republic of Kenya" → Kenya). */
export function countryNamedAt(text: string, offset: number): CountryMatch | null {
  const direct = countryAt(text, offset);
  if (direct?.code) return direct;
  STATE_FORM.lastIndex = offset;
  const head = STATE_FORM.exec(text);
  return head ? countryAt(text, offset + head[0].length) : direct;
}

/** A matched country's code, an ambiguous form ("Korea") resolved by the text. */
export function resolveCountry(match: CountryMatch, fullText: string): string | null {
  if (match.ambiguous) return resolveAmbiguous(match.form, fullText);
  return match.code;
}

/** Resolves ambiguous forms ("Korea") with the contexts of country-additions.yaml. */
export function resolveAmbiguous(form: string, fullText: string): string | null {
  // Asked once per mention: answered once per form and text.
  if (ambiguityText !== fullText) {
    ambiguityText = fullText;
    ambiguityCache.clear();
  }
  const key = foldKey(form);
  if (!ambiguityCache.has(key)) ambiguityCache.set(key, resolveAmbiguousNow(form, fullText));
  return ambiguityCache.get(key)!;
}

let ambiguityText: string | null = null;
const ambiguityCache = new Map<string, string | null>();

function resolveAmbiguousNow(form: string, fullText: string): string | null {
  const entry = loadCountryAdditions().ambiguous.find((candidate) => foldKey(candidate.term) === foldKey(form));
  if (!entry) return null;
  // A context inside a longer country name is not one: "Republic of the Congo" inside "Democratic
  // Republic of the Congo" points to CD, not CG.
  let countryMatches: CountryMatch[] | null = null;
  const insideLonger = (start: number, end: number) => {
    countryMatches ??= matchCountries(fullText);
    return countryMatches.some((match) => match.start <= start && match.end >= end && match.end - match.start > end - start);
  };
  const present = (phrases: string[]) =>
    phrases.some((phrase) =>
      [...fullText.matchAll(new RegExp(`${WORD_START}${phraseSource(phrase)}${WORD_END}`, 'gu'))].some(
        (match) => !insideLonger(match.index, match.index + match[0].length),
      ),
    );
  // Or the text names the country unambiguously ("the Democratic Republic of Congo ... the Congolese side").
  const named = (code: string) => {
    countryMatches ??= matchCountries(fullText);
    return countryMatches.some((match) => !match.ambiguous && match.code === code);
  };
  const evidence = (code: string) => present(entry.contexts[code] ?? []) || named(code);
  if (evidence(entry.default)) return entry.default;
  for (const code of Object.keys(entry.contexts)) {
    if (code !== entry.default && evidence(code)) return code;
  }
  return entry.default;
}

export interface CityMatch extends Span {
  name: string;
  country: string;
}

let cityRegex: { regex: RegExp; byKey: Map<string, { name: string; country: string }> } | null = null;

function cities() {
  if (!cityRegex) {
    const byKey = new Map<string, { name: string; country: string }>();
    const forms = new Set<string>();
    for (const city of loadCities()) {
      for (const form of [city.name, stripDiacritics(city.name)]) {
        forms.add(form);
        if (!byKey.has(foldKey(form))) byKey.set(foldKey(form), city);
      }
    }
    const alternation = [...forms].sort((a, b) => b.length - a.length).map(phraseSource).join('|');
    cityRegex = { regex: new RegExp(`${WORD_START}(${alternation})${WORD_END}`, 'gu'), byKey };
  }
  return cityRegex;
}

export function matchCities(text: string): readonly CityMatch[] {
  // The stages ask about the same sentences several times (meeting places, topics' names): the
  // answers for the last sentences read are kept.
  const known = cityCache.get(text);
  if (known) return known;
  const { regex, byKey } = cities();
  const out: CityMatch[] = [];
  for (const match of text.matchAll(regex)) {
    const city = byKey.get(foldKey(match[1]));
    if (city) out.push({ start: match.index, end: match.index + match[0].length, name: city.name, country: city.country });
  }
  if (cityCache.size >= CITY_CACHE_SIZE) cityCache.delete(cityCache.keys().next().value as string);
  cityCache.set(text, out);
  return out;
}

const CITY_CACHE_SIZE = 128;
const cityCache = new Map<string, readonly CityMatch[]>();

export function cityCountry(name: string): string | null {
  return cities().byKey.get(foldKey(name))?.country ?? null;
}
