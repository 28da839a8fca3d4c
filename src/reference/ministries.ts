import { asStringList, readReferenceYaml } from './paths';

interface Ministries {
  /** Longest first. */
  names: string[];
  /** Names only one country's ministry has, with that country. */
  countries: Map<string, string>;
}

let cached: Ministries | null = null;

/** data/reference/ministries.yaml, read and checked once. */
function loadMinistries(): Ministries {
  if (!cached) {
    const file = readReferenceYaml<{ names?: unknown; countries?: Record<string, unknown> }>('ministries.yaml') ?? {};
    const countries = new Map<string, string>();
    for (const [ministry, code] of Object.entries(file.countries ?? {})) {
      if (typeof code !== 'string' || !/^[A-Z]{2}$/.test(code)) throw new Error(`ministries.yaml countries.${ministry}: not an ISO code`);
      countries.set(ministry, code);
    }
    cached = { names: asStringList(file.names, 'ministries.yaml names').sort((a, b) => b.length - a.length), countries };
  }
  return cached;
}

/** Names of foreign ministries (data/reference/ministries.yaml), longest first. */
export function loadMinistryNames(): string[] {
  return loadMinistries().names;
}

/** The country of a ministry's name that is one country's alone ("Itamaraty" → BR), else null. */
export function ministryNameCountry(name: string): string | null {
  return loadMinistries().countries.get(name.replace(/\s*\([^)]*\)$/u, '').trim()) ?? null;
}
