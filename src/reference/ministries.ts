import { asStringList, readReferenceYaml } from './paths';

let cached: string[] | null = null;
let cachedCountries: Map<string, string> | null = null;

/** Names of foreign ministries (data/reference/ministries.yaml), longest first. */
export function loadMinistryNames(): string[] {
  if (!cached) {
    const file = readReferenceYaml<{ names?: unknown }>('ministries.yaml') ?? {};
    cached = asStringList(file.names, 'ministries.yaml names').sort((a, b) => b.length - a.length);
  }
  return cached;
}

/** The country of a ministry's name that is one country's alone ("Itamaraty" → BR), else null. */
export function ministryNameCountry(name: string): string | null {
  if (!cachedCountries) {
    const file = readReferenceYaml<{ countries?: Record<string, unknown> }>('ministries.yaml') ?? {};
    cachedCountries = new Map();
    for (const [ministry, code] of Object.entries(file.countries ?? {})) {
      if (typeof code !== 'string' || !/^[A-Z]{2}$/.test(code)) throw new Error(`ministries.yaml countries.${ministry}: not an ISO code`);
      cachedCountries.set(ministry, code);
    }
  }
  return cachedCountries.get(name.replace(/\s*\([^)]*\)$/u, '').trim()) ?? null;
}
