import { asStringList, readReferenceYaml } from './paths';

/** The shared plain-language vocabulary of data/reference/language.yaml, compiled once. */
export interface LanguageVocabulary {
  /** Full month names in calendar order ("January"). */
  months: string[];
  /** Regex source matching a month name or abbreviation (with an optional period), no group. */
  monthSource: string;
  /** Month abbreviations ("Dec", "Sept"): their period does not end a sentence. */
  monthAbbreviations: string[];
  /** Month number (1-12) of a name or abbreviation, any case, period ignored; 0 when unknown. */
  monthNumber: (word: string) => number;
  weekdays: string[];
  /** Capitalised words that never belong to a person's name. */
  nameStopWords: Set<string>;
  /** Head words that close an organisation's name. */
  organisationEndWords: Set<string>;
  /** Full month and weekday names ("May", "Monday"): never part of a person's or a body's name. */
  calendarWords: Set<string>;
}

interface LanguageFile {
  months?: Array<{ name?: unknown; short?: unknown; other?: unknown }>;
  weekdays?: unknown;
  nameStopWords?: unknown;
  organisationEndWords?: unknown;
}

const FILE = 'language.yaml';
let cached: LanguageVocabulary | null = null;

export function loadLanguage(): LanguageVocabulary {
  if (cached) return cached;
  const file = readReferenceYaml<LanguageFile>(FILE) ?? {};
  if (!Array.isArray(file.months) || file.months.length !== 12) throw new Error(`${FILE}: months must list the 12 months`);
  const months: string[] = [];
  const byForm = new Map<string, number>();
  const forms: string[] = [];
  const monthAbbreviations: string[] = [];
  file.months.forEach((entry, index) => {
    if (typeof entry?.name !== 'string') throw new Error(`${FILE}: month ${index + 1} has no name`);
    months.push(entry.name);
    const short = asStringList(entry.short, `${FILE} months.${entry.name}.short`);
    monthAbbreviations.push(...short);
    // (names in another language: read in dates, never calendar words of names or places; one written
    // with its period, "ago.", is read only with it, as the bare word is an English one)
    const other = entry.other === undefined ? [] : asStringList(entry.other, `${FILE} months.${entry.name}.other`);
    for (const form of [entry.name, ...short]) {
      byForm.set(form.toLowerCase(), index + 1);
      forms.push(form);
    }
    for (const form of other) {
      byForm.set(form.toLowerCase().replace(/\.$/, ''), index + 1);
      forms.push(form.endsWith('.') ? `${form.slice(0, -1)}\\.` : form);
    }
  });
  // Longest first, so "Sept" is tried before "Sep" and "March" before "Mar".
  const monthSource = `(?:${forms.sort((a, b) => b.length - a.length).join('|')})\\.?`;
  const weekdays = asStringList(file.weekdays, `${FILE} weekdays`);
  cached = {
    months,
    monthSource,
    monthAbbreviations,
    monthNumber: (word) => byForm.get(word.toLowerCase().replace(/\.$/, '')) ?? 0,
    weekdays,
    nameStopWords: new Set(asStringList(file.nameStopWords, `${FILE} nameStopWords`)),
    organisationEndWords: new Set(asStringList(file.organisationEndWords, `${FILE} organisationEndWords`)),
    calendarWords: new Set([...months, ...weekdays]),
  };
  return cached;
}
