import { asStringList, readReferenceYaml } from './paths';

let cached: string[] | null = null;

/** Names of foreign ministries (data/reference/ministries.yaml), longest first. */
export function loadMinistryNames(): string[] {
  if (!cached) {
    const file = readReferenceYaml<{ names?: unknown }>('ministries.yaml') ?? {};
    cached = asStringList(file.names, 'ministries.yaml names').sort((a, b) => b.length - a.length);
  }
  return cached;
}
