import { asStringList, readReferenceYaml } from './paths';

interface Ministries {
  /** Longest first. */
  names: string[];
  /** Names only one country's ministry has, with that country. */
  countries: Map<string, string>;
  /** Posts only one country's foreign minister holds ("External Affairs Minister" → IN), case-folded. */
  posts: Map<string, string>;
}

let cached: Ministries | null = null;

/** data/reference/ministries.yaml, read and checked once. */
function loadMinistries(): Ministries {
  if (!cached) {
    const file = readReferenceYaml<{ names?: unknown; countries?: Record<string, unknown>; posts?: Record<string, unknown> }>('ministries.yaml') ?? {};
    const codes = (section: 'countries' | 'posts') => {
      const map = new Map<string, string>();
      for (const [name, code] of Object.entries(file[section] ?? {})) {
        if (typeof code !== 'string' || !/^[A-Z]{2}$/.test(code)) throw new Error(`ministries.yaml ${section}.${name}: not an ISO code`);
        map.set(section === 'posts' ? name.toLowerCase() : name, code);
      }
      return map;
    };
    cached = { names: asStringList(file.names, 'ministries.yaml names').sort((a, b) => b.length - a.length), countries: codes('countries'), posts: codes('posts') };
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

/** The country of a foreign minister's post only one country has ("Federal Foreign Minister" → DE), else null. */
export function postCountry(post: string): string | null {
  return loadMinistries().posts.get(post.trim().toLowerCase()) ?? null;
}
