import { asStringList, readReferenceYaml } from './paths';

let cached: { names: string[]; keys: Set<string> } | null = null;

/** News agencies and ministry abbreviations of data/reference/agencies.yaml (never places, people or initiatives). */
export function loadAgencies(): { names: string[]; keys: Set<string> } {
  if (cached) return cached;
  const file = readReferenceYaml<{ agencies?: unknown }>('agencies.yaml') ?? {};
  const names = asStringList(file.agencies, 'agencies.yaml agencies');
  cached = { names, keys: new Set(names.map((name) => name.toLowerCase())) };
  return cached;
}

/** Whether `name` ("Yonhap", "AZERTAC", "MFA") is an agency or a ministry abbreviation of the list. */
export function isAgencyName(name: string): boolean {
  return loadAgencies().keys.has(name.trim().toLowerCase());
}
