// Small text normalisations shared by the write paths (keys that make one row per name).
import crypto from 'node:crypto';

/** Lower case, no diacritics, punctuation folded to spaces: "Jeyhun  Bayramov" ~ "jeyhun bayramov". */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function slugify(text: string, maxWords = 10): string {
  return nameKey(text).split(' ').filter(Boolean).slice(0, maxWords).join('-');
}

/** The same release twice hashes the same, whatever its whitespace or quote style. */
export function contentHash(text: string): string {
  const normal = text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
  return crypto.createHash('sha256').update(normal).digest('hex');
}

/** Same body, same hash: the archive recognises a release whatever path it came in by. */
export const bodyHash = (paragraphs: string[]) => contentHash(paragraphs.join('\n'));

/** No lone UTF-16 surrogate: the string can be encoded as UTF-8 (and so sent to Postgres). */
export const wellFormed = (s: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
