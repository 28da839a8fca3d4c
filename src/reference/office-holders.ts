import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { ROLE_KINDS, type RoleKind } from '../extraction/types';
import { foldKey } from '../extraction/text';
import { referenceFile } from './paths';

/**
 * Who held which senior post when (data/reference/office-holders/*.yaml): foreign ministers, heads of
 * state and of government of every country, and the heads of the international organisations
 * releases name most, 2019 to 2025. Real releases name real office holders; the extractor recognises
 * them by name even where a release phrases them in a way its rules do not read, and takes their role
 * and country from here when the text leaves them unsaid (src/extraction/known-people.ts).
 */
export interface OfficeHolder {
  name: string;
  country: string | null;
  role: RoleKind;
  /** An international official's organisation ("United Nations"). */
  body: string | null;
  /** The post's own name, where the file gives one ("Secretary-General"). */
  post: string | null;
  /** First and last day in post, `YYYY-MM-DD`; a `YYYY-MM` month counts from its first or to its last day. */
  from: string;
  to: string | null;
}

export interface OfficeHolderIndex {
  /** Folded name form (the name and every variant) → the posts its holder held. */
  byForm: Map<string, OfficeHolder[]>;
  /** The most words any form has. */
  maxWords: number;
  /** The first word of every form (folded): where no form starts, no name is looked up. */
  firstWords: Set<string>;
  size: number;
}

const ROLES = new Set<string>(ROLE_KINDS);
const DATE = /^\d{4}-\d{2}(?:-\d{2})?$/;

function day(value: unknown, end: boolean, where: string): string | null {
  if (value === null || value === undefined) return null;
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  if (!DATE.test(text)) throw new Error(`${where}: not a date (YYYY-MM-DD or YYYY-MM): ${text}`);
  if (text.length === 10) return text;
  if (!end) return `${text}-01`;
  const [year, month] = text.split('-').map(Number);
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${text}-${String(last).padStart(2, '0')}`;
}

/** The forms a name is looked up by: folded, with its hyphens and dots read as spaces too. */
export function nameKeys(name: string, fold: (value: string) => string = foldKey): string[] {
  const key = fold(name);
  const loose = key.replace(/[.\-‐–]+/g, ' ').replace(/\s+/g, ' ').trim();
  return loose === key ? [key] : [key, loose];
}

const COURTESY = /^(?:(?:Dr|Mr|Mrs|Ms|Prof|Sheikh|Sheikha|H\.\s?E|Hon|Sir|Dame|Dato'?|Datuk)\.?\s+)+/u;

let cached: OfficeHolderIndex | null = null;

/** Reads and checks every file of data/reference/office-holders once; a malformed entry throws. */
export function loadOfficeHolders(): OfficeHolderIndex {
  if (cached) return cached;
  const dir = referenceFile('office-holders');
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((file) => /\.ya?ml$/.test(file)).sort() : [];
  const byForm = new Map<string, OfficeHolder[]>();
  let maxWords = 1;
  let size = 0;
  const firstWords = new Set<string>();
  for (const file of files) {
    const list = parse(fs.readFileSync(path.join(dir, file), 'utf8')) as unknown;
    if (list === null || list === undefined) continue;
    if (!Array.isArray(list)) throw new Error(`office-holders/${file}: expected a list`);
    list.forEach((raw: Record<string, unknown>, index) => {
      const where = `office-holders/${file} entry ${index + 1}`;
      const name = typeof raw?.name === 'string' ? raw.name.trim() : '';
      if (!name) throw new Error(`${where}: no name`);
      const country = raw.country === null || raw.country === undefined ? null : String(raw.country);
      if (country !== null && !/^[A-Z]{2}$/.test(country)) throw new Error(`${where}: country ${country} is not an ISO code`);
      const role = String(raw.role);
      if (!ROLES.has(role)) throw new Error(`${where}: role ${role}`);
      const from = day(raw.from, false, where);
      if (!from) throw new Error(`${where}: no from date`);
      const holder: OfficeHolder = {
        name,
        country,
        role: role as RoleKind,
        body: typeof raw.body === 'string' ? raw.body : null,
        post: typeof raw.post === 'string' ? raw.post : null,
        from,
        to: day(raw.to, true, where),
      };
      const variants = Array.isArray(raw.variants) ? raw.variants.filter((v): v is string => typeof v === 'string') : [];
      size++;
      for (const written of [name, ...variants]) {
        // A courtesy title is no part of a name ("Dr S. Jaishankar" is looked up as "S. Jaishankar").
        const form = written.replace(COURTESY, '');
        for (const key of nameKeys(form)) {
          // A one-word variant ("Lula", "Francis") names nobody for sure; a one-word name is a mononym
          // ("Sugiono", "Naruhito") and is looked up.
          const words = key.split(' ').length;
          if (words < 2 && written !== name) continue;
          maxWords = Math.max(maxWords, words);
          firstWords.add(key.split(' ')[0]);
          const list = byForm.get(key) ?? [];
          if (!list.includes(holder)) list.push(holder);
          byForm.set(key, list);
        }
      }
    });
  }
  cached = { byForm, maxWords, firstWords, size };
  return cached;
}

/**
 * The posts of `holders` held on `date` (`YYYY-MM-DD`), or at some time in `year` when the date is not
 * known.
 */
export function heldAt(holders: OfficeHolder[], date: string | null, year: number): OfficeHolder[] {
  const first = date ?? `${year}-12-31`;
  const last = date ?? `${year}-01-01`;
  return holders.filter((holder) => holder.from <= first && (holder.to === null || holder.to >= last));
}
