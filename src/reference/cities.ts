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

let world: Map<string, Array<{ country: string; population: number }>> | null = null;

/**
 * The country of a city none of the lists above has, from the world-cities table of `city-timezones`
 * (about 7,300 cities with their ISO codes and populations): a dateline's "Dubrovnik" or "Mombasa".
 * A name several countries' cities share is the most populous one's only where it is at least three
 * times the next ("Cartagena": Colombia's); otherwise nothing.
 */
export function worldCityCountry(name: string): string | null {
  if (!world) {
    world = new Map();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { cityMapping } = require('city-timezones') as { cityMapping: Array<{ city: string; city_ascii: string; iso2: string; pop: number }> };
    const known = new Set(loadCountries().map((country) => country.code));
    for (const entry of cityMapping) {
      if (!known.has(entry.iso2)) continue;
      for (const key of new Set([foldCase(entry.city), foldCase(entry.city_ascii)])) {
        const list = world.get(key) ?? [];
        const same = list.find((item) => item.country === entry.iso2);
        if (same) same.population = Math.max(same.population, entry.pop || 0);
        else list.push({ country: entry.iso2, population: entry.pop || 0 });
        world.set(key, list);
      }
    }
  }
  const candidates = [...(world.get(foldCase(name.trim())) ?? [])].sort((a, b) => b.population - a.population);
  if (candidates.length === 0) return null;
  if (candidates.length === 1 || candidates[0].population >= 3 * candidates[1].population) return candidates[0].country;
  return null;
}
