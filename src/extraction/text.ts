/** Text helpers shared by the extraction steps. Offsets always index the original string. */

export interface Sentence {
  /** Position in the release: paragraph number, then sentence number in it. */
  paragraph: number;
  index: number;
  text: string;
  /**
   * The sentence opens a numbered paragraph or a list item ("2. The ...", "iii. H.E. Mr. X, ...",
   * "(b) ...", "- ..."): the style of its marker, which is not part of `text`.
   */
  enumerated?: 'digit' | 'roman' | 'letter' | 'bullet';
}

export interface Span {
  start: number;
  end: number;
}

/** Letters and digits on both sides of a match decide word boundaries; `\b` does not know "ü" or "ə". */
export const WORD_START = '(?<![\\p{L}\\p{N}])';
export const WORD_END = '(?![\\p{L}\\p{N}])';

export function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A literal phrase as a regex source that tolerates the text's variation: any run of spaces,
 * straight or curly apostrophes, hyphens or en dashes.
 */
export function phraseSource(phrase: string): string {
  return phrase
    .trim()
    .split(/\s+/)
    .map((word) => escapeRegExp(word).replace(/['’]/g, "['’]").replace(/[-–]/g, '[-–]'))
    .join('\\s+');
}

export { splitSentences, toSentences } from './segment';

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

export function within(inner: Span, outer: Span): boolean {
  return inner.start >= outer.start && inner.end <= outer.end;
}

/** "BAKU" → "Baku", "NEW YORK" → "New York"; mixed-case input is kept. */
export function normaliseCase(value: string): string {
  if (value !== value.toUpperCase()) return value;
  return value.toLowerCase().replace(/(^|[\s\-'’.])(\p{L})/gu, (_, sep: string, letter: string) => sep + letter.toUpperCase());
}

/** Folded keys of recent values: the stages fold the same names and words many times over. */
const folded = new Map<string, string>();
const FOLDED_MAX = 20_000;

/** Folds case and diacritics for comparisons ("Türkiye" ~ "turkiye"). */
export function foldKey(value: string): string {
  const known = folded.get(value);
  if (known !== undefined) return known;
  const key = value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[’`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
  // Bounded: a long-running service folds the names of every release it reads.
  if (folded.size >= FOLDED_MAX) folded.clear();
  if (value.length <= 200) folded.set(value, key);
  return key;
}

export function stripDiacritics(value: string): string {
  return value.normalize('NFKD').replace(/\p{M}/gu, '').normalize('NFC');
}

/** A word that makes the name before it a place's: "King Charles Street", "Queen Sirikit National Convention Center". */
export const PLACE_AFTER_NAME = /^\s+(?:(?:National|International|Memorial|Conference|Convention|Exhibition|State|Grand|Royal)\s+){0,3}(?:Street|Road|Avenue|Boulevard|Square|Bridge|Airport|Hall|Centre|Center|Palace|Park|Stadium|Building|Complex|Museum|University|Library|Hospital|Mosque|Cathedral|Port|Dam)\b/u;
