import { escapeRegExp } from '../extraction/text';
import { asStringList, readReferenceYaml } from './paths';

let cached: { names: string[]; keys: Set<string>; countries: Map<string, string> } | null = null;

/** News agencies and ministry abbreviations of data/reference/agencies.yaml (never places, people or initiatives). */
export function loadAgencies(): { names: string[]; keys: Set<string>; countries: Map<string, string> } {
  if (cached) return cached;
  const file = readReferenceYaml<{ agencies?: unknown; countries?: unknown }>('agencies.yaml') ?? {};
  const names = asStringList(file.agencies, 'agencies.yaml agencies');
  const countries = new Map<string, string>();
  for (const [name, code] of Object.entries((file.countries ?? {}) as Record<string, unknown>)) {
    if (typeof code !== 'string' || !/^[A-Z]{2}$/.test(code)) throw new Error(`agencies.yaml countries: ${name} needs an ISO code, not ${String(code)}`);
    countries.set(name.toLowerCase(), code);
  }
  cached = { names, keys: new Set(names.map((name) => name.toLowerCase())), countries };
  return cached;
}

let agencyPattern: RegExp | null = null;

/** The country of the first national agency named in `text` (a dateline: "TBILISI, FEBRUARY 12, ARMENPRESS."). */
export function agencyCountryIn(text: string): string | null {
  const { countries } = loadAgencies();
  // One alternation over every agency with a country, longest first, compiled once.
  agencyPattern ??= new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${[...countries.keys()]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|')})(?![\\p{L}\\p{N}])`,
    'iu',
  );
  const match = agencyPattern.exec(text);
  return match ? countries.get(match[0].toLowerCase()) ?? null : null;
}

/** Whether `name` ("Yonhap", "AZERTAC", "MFA") is an agency or a ministry abbreviation of the list. */
export function isAgencyName(name: string): boolean {
  return loadAgencies().keys.has(name.trim().toLowerCase());
}
