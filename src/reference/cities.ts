import { loadCountries } from './countries';
import { readReferenceYaml } from './paths';

export interface CityRef {
  name: string;
  country: string;
}

interface CitiesFile {
  cities?: Record<string, unknown>;
}

let cached: CityRef[] | null = null;

/**
 * Every city the extractor can place: the capitals of countries-list plus data/reference/cities.yaml.
 * A city listed in the file wins over a capital of the same name.
 */
export function loadCities(): CityRef[] {
  if (cached) return cached;
  const byName = new Map<string, CityRef>();
  for (const country of loadCountries()) {
    if (country.capital) byName.set(country.capital, { name: country.capital, country: country.code });
  }
  const known = new Set(loadCountries().map((country) => country.code));
  for (const [name, code] of Object.entries(readReferenceYaml<CitiesFile>('cities.yaml')?.cities ?? {})) {
    if (typeof code !== 'string' || !known.has(code)) throw new Error(`cities.yaml: ${name} has unknown country ${String(code)}`);
    byName.set(name, { name, country: code });
  }
  cached = [...byName.values()];
  return cached;
}

function foldCase(value: string): string {
  return value.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The country of a city name, case and diacritics ignored ("BAKU" → AZ). */
export function findCityCountry(name: string): string | null {
  const key = foldCase(name.trim());
  return loadCities().find((city) => foldCase(city.name) === key)?.country ?? null;
}
