import * as isoCountries from 'i18n-iso-countries';
import { countries as countriesList } from 'countries-list';
import { asStringList, readReferenceYaml } from './paths';

export interface CountryRef {
  /** ISO 3166-1 alpha-2, upper case. */
  code: string;
  /** The common short English name the API shows ("South Korea", "Türkiye"). */
  name: string;
  officialName: string | null;
  /** Every other name that resolves to this country, the package names included. */
  aliases: string[];
  demonyms: string[];
  capital: string | null;
}

export interface AmbiguousCountryName {
  term: string;
  default: string;
  /** Per code: phrases whose presence in the same text points to that code. */
  contexts: Record<string, string[]>;
}

export interface CountryAdditions {
  notCountries: string[];
  ambiguous: AmbiguousCountryName[];
}

interface AdditionEntry {
  name?: string;
  officialName?: string;
  capital?: string;
  aliases?: string[];
  demonyms?: string[];
  preferredDemonym?: string;
  dropAliases?: string[];
  dropDemonyms?: string[];
}

interface AdditionsFile {
  countries?: Record<string, AdditionEntry>;
  notCountries?: string[];
  ambiguous?: AmbiguousCountryName[];
}

const ADDITIONS_FILE = 'country-additions.yaml';

// The locale files are JSON shipped by the packages; importing them through require keeps
// resolveJsonModule typing out of the way and works from src/ and dist/ alike.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const isoEnglish = require('i18n-iso-countries/langs/en.json') as {
  countries: Record<string, string | string[]>;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const nationalityEnglish = require('i18n-nationality/langs/en.json') as {
  nationalities: Record<string, string>;
};

/** XK (Kosovo) is a user-assigned code, not an ISO 3166-1 assignment; the packages carry it anyway. */
const NOT_ISO_ASSIGNED = new Set(['XK']);

let cachedCountries: CountryRef[] | null = null;
let cachedAdditions: CountryAdditions | null = null;
let cachedAdditionsFile: AdditionsFile | null = null;

function additionsFile(): AdditionsFile {
  cachedAdditionsFile ??= readReferenceYaml<AdditionsFile>(ADDITIONS_FILE) ?? {};
  return cachedAdditionsFile;
}

function uniqueInOrder(values: Iterable<string>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of values) {
    const value = raw.trim();
    if (!value || seen.has(value)) continue;
    seen.add(value);
    out.push(value);
  }
  return out;
}

/** Latin-script only: the extractor reads English text, and other scripts only add noise to lookups. */
function isLatinScript(value: string): boolean {
  return /^[\p{Script=Latin}\s'’\-.,()]+$/u.test(value);
}

/**
 * i18n-nationality mixes demonyms with place names ("Bermuda", "Turkmenistan") and qualified
 * forms ("French (French Guiana)"); only the plain adjectives are kept, split where it lists two.
 */
function packageDemonyms(raw: string | undefined, names: Set<string>): string[] {
  if (!raw || /[(),]/.test(raw)) return [];
  return raw
    .split(/\s+-\s+|\s+or\s+/)
    .map((part) => part.trim())
    .filter((part) => part && !names.has(part));
}

function buildCountries(): CountryRef[] {
  const additions = additionsFile().countries ?? {};
  const codes = Object.keys(isoCountries.getAlpha2Codes()).filter((code) => !NOT_ISO_ASSIGNED.has(code));
  const result: CountryRef[] = [];
  for (const code of codes) {
    const extra = additions[code] ?? {};
    const listed = (countriesList as Record<string, { name: string; native: string; capital: string; alias?: string[] }>)[code];
    const isoNames = isoEnglish.countries[code];
    const isoList = Array.isArray(isoNames) ? isoNames : isoNames ? [isoNames] : [];

    const name = extra.name ?? listed?.name ?? isoList[0] ?? code;
    const dropAliases = new Set(asStringList(extra.dropAliases, `${ADDITIONS_FILE} ${code}.dropAliases`));
    const candidateAliases = [
      ...(extra.officialName ? [extra.officialName] : []),
      ...isoList,
      ...(listed?.alias ?? []),
      ...(listed && isLatinScript(listed.native) ? [listed.native] : []),
      ...asStringList(extra.aliases, `${ADDITIONS_FILE} ${code}.aliases`),
    ];
    const aliases = uniqueInOrder(candidateAliases).filter((alias) => alias !== name && !dropAliases.has(alias));

    const allNames = new Set([name, ...aliases]);
    const dropDemonyms = new Set(asStringList(extra.dropDemonyms, `${ADDITIONS_FILE} ${code}.dropDemonyms`));
    const demonyms = uniqueInOrder([
      ...(extra.preferredDemonym ? [extra.preferredDemonym] : []),
      ...packageDemonyms(nationalityEnglish.nationalities[code], allNames),
      ...asStringList(extra.demonyms, `${ADDITIONS_FILE} ${code}.demonyms`),
    ]).filter((demonym) => !dropDemonyms.has(demonym));

    result.push({
      code,
      name,
      officialName: extra.officialName ?? null,
      aliases,
      demonyms,
      capital: extra.capital ?? (listed?.capital || null),
    });
  }
  return result.sort((a, b) => a.code.localeCompare(b.code));
}

/** All 249 ISO 3166-1 alpha-2 countries, sorted by code. Built once per process. */
export function loadCountries(): CountryRef[] {
  cachedCountries ??= buildCountries();
  return cachedCountries;
}

export function loadCountryAdditions(): CountryAdditions {
  if (!cachedAdditions) {
    const file = additionsFile();
    cachedAdditions = {
      notCountries: asStringList(file.notCountries, `${ADDITIONS_FILE} notCountries`),
      ambiguous: (file.ambiguous ?? []).map((entry) => ({
        term: entry.term,
        default: entry.default,
        contexts: entry.contexts ?? {},
      })),
    };
  }
  return cachedAdditions;
}

let cachedLookup: Map<string, string> | null = null;

function lookupKey(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[’`]/g, "'")
    .replace(/^the\s+/i, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/**
 * Resolves a name, alias, official name, demonym or code to an ISO code ("Korea" → KR,
 * "Azerbaijani" → AZ, "the Kyrgyz Republic" → KG). Ambiguous names resolve to their default.
 */
export function findCountryCode(value: string): string | null {
  if (!cachedLookup) {
    const lookup = new Map<string, string>();
    for (const country of loadCountries()) {
      for (const form of [country.name, ...country.aliases, ...country.demonyms]) {
        const key = lookupKey(form);
        if (!lookup.has(key)) lookup.set(key, country.code);
      }
    }
    for (const entry of loadCountryAdditions().ambiguous) lookup.set(lookupKey(entry.term), entry.default);
    cachedLookup = lookup;
  }
  const trimmed = value.trim();
  if (/^[A-Z]{2}$/.test(trimmed) && loadCountries().some((c) => c.code === trimmed)) return trimmed;
  const key = lookupKey(trimmed.replace(/['’]s$/, ''));
  return cachedLookup.get(key) ?? null;
}

export function findCountry(code: string): CountryRef | null {
  return loadCountries().find((country) => country.code === code) ?? null;
}
