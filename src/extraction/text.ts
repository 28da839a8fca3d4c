/** Text helpers shared by the extraction steps. Offsets always index the original string. */

export interface Sentence {
  /** Position in the release: paragraph number, then sentence number in it. */
  paragraph: number;
  index: number;
  text: string;
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

/** Abbreviations whose period does not end a sentence. */
const NON_TERMINAL = /(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|No|Gen|Col|Lt|Amb|Rep|Sen|vs|etc|i\.e|e\.g|a\.i|U\.S|U\.K|D\.C|H\.E)|\b\p{Lu})\.$/u;

export function splitSentences(paragraph: string): string[] {
  const sentences: string[] = [];
  const boundary = /[.!?]["”’)]?(?=\s+["“(]?[\p{Lu}\d])/gu;
  let start = 0;
  for (const match of paragraph.matchAll(boundary)) {
    const end = match.index + match[0].length;
    const candidate = paragraph.slice(start, end);
    if (NON_TERMINAL.test(paragraph.slice(start, match.index + 1))) continue;
    sentences.push(candidate.trim());
    start = end;
  }
  const rest = paragraph.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences;
}

export function toSentences(paragraphs: string[]): Sentence[] {
  const out: Sentence[] = [];
  paragraphs.forEach((paragraph, p) => {
    splitSentences(paragraph).forEach((text, index) => out.push({ paragraph: p, index, text }));
  });
  return out;
}

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

/** Folds case and diacritics for comparisons ("Türkiye" ~ "turkiye"). */
export function foldKey(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[’`]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export function stripDiacritics(value: string): string {
  return value.normalize('NFKD').replace(/\p{M}/gu, '').normalize('NFC');
}
