import { loadLanguage } from '../reference/language';
import { loadRoles } from '../reference/roles';
import { escapeRegExp } from './text';
import type { Sentence } from './text';

/**
 * Stage 1, segmentation: paragraphs into sentences. A period after an abbreviation, an honorific or
 * an initial ("H.E.", "Hon.", "Dec. 23", "Enrique A. Manalo") does not end a sentence.
 *
 * Every later stage works sentence by sentence, so a sentence is capped at `MAX_SENTENCE`
 * characters: a longer run (a text with no punctuation, a pasted table) is cut at a comma or a space
 * before the cap. This bounds the per-sentence work of all stages, whatever the input.
 */

export const MAX_SENTENCE = 600;

/** Abbreviations whose period never ends a sentence, besides the honorifics and month abbreviations. */
const ABBREVIATIONS = ['Mr', 'Mrs', 'Ms', 'Dr', 'Prof', 'St', 'Jr', 'Sr', 'No', 'Gen', 'Col', 'Lt', 'Amb', 'Rep', 'Sen', 'Hon', 'Rt', 'Gov', 'Pres', 'Maj', 'Capt', 'Adm', 'Mt', 'vs', 'etc', 'i\\.e', 'e\\.g', 'a\\.i', 'U\\.S', 'U\\.K', 'D\\.C', 'H\\.E', 'H\\.H', 'H\\.M', 'H\\.R\\.H', 'Md', 'Ma', 'Mme', 'Engr', 'Eng', 'Atty', 'Brig', 'Cdr', 'approx', 'Nos?', 'Art', 'para', 'Vol'];

let nonTerminal: RegExp | null = null;

/** The tail of a text up to a period that does not end a sentence ("... H.E.", "... Dec."). */
function nonTerminalTail(): RegExp {
  if (nonTerminal) return nonTerminal;
  const honorifics = loadRoles()
    .honorifics.filter((h) => h.endsWith('.'))
    .map((h) => escapeRegExp(h.slice(0, -1).split(/\s+/).pop()!));
  const words = [...ABBREVIATIONS, ...honorifics, ...loadLanguage().monthAbbreviations].join('|');
  nonTerminal = new RegExp(`(?:(?<![\\p{L}\\p{N}])(?:${words})|(?<![\\p{L}\\p{N}])\\p{Lu})\\.$`, 'u');
  return nonTerminal;
}

/** The longest abbreviation tested before a period: only this much of the text is read. */
const TAIL = 16;

/** Cuts a run longer than the cap at its last comma, else its last space, before the cap. */
function capLength(sentence: string): string[] {
  const out: string[] = [];
  let rest = sentence;
  while (rest.length > MAX_SENTENCE) {
    const window = rest.slice(0, MAX_SENTENCE);
    let cut = window.lastIndexOf(', ');
    if (cut < MAX_SENTENCE / 2) cut = window.lastIndexOf(' ');
    if (cut < MAX_SENTENCE / 4) cut = MAX_SENTENCE;
    else cut += 1;
    out.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut);
  }
  if (rest.trim()) out.push(rest.trim());
  return out;
}

export function splitSentences(paragraph: string): string[] {
  const sentences: string[] = [];
  const boundary = /[.!?]["”’)]?(?=\s+["“(]?[\p{Lu}\d])/gu;
  const tail = nonTerminalTail();
  let start = 0;
  for (const match of paragraph.matchAll(boundary)) {
    const end = match.index + match[0].length;
    if (tail.test(paragraph.slice(Math.max(start, match.index - TAIL), match.index + 1))) continue;
    sentences.push(...capLength(paragraph.slice(start, end).trim()));
    start = end;
  }
  const rest = paragraph.slice(start).trim();
  if (rest) sentences.push(...capLength(rest));
  return sentences;
}

/** A paragraph's list marker: "2. ", "iii. ", "(b) ", "4) ", "- ", "• ". */
export const LIST_MARKER = /^(?:(\d{1,2})[.)]|([ivx]{1,5})[.)]|([a-z])[.)]|\((\d{1,2})\)|\(([ivx]{1,5})\)|\(([a-z])\)|([-–•·*]))\s+(?=\S)/u;

/** The marker's style and length, or null. */
export function listMarker(paragraph: string): { style: NonNullable<Sentence['enumerated']>; length: number } | null {
  const match = LIST_MARKER.exec(paragraph);
  if (!match) return null;
  const style = match[1] || match[4] ? 'digit' : match[2] || match[5] ? 'roman' : match[3] || match[6] ? 'letter' : 'bullet';
  return { style, length: match[0].length };
}

export function toSentences(paragraphs: string[]): Sentence[] {
  const out: Sentence[] = [];
  paragraphs.forEach((paragraph, p) => {
    // The marker of a numbered paragraph or a list item is no sentence of its own ("2.").
    const marker = listMarker(paragraph);
    splitSentences(marker ? paragraph.slice(marker.length) : paragraph).forEach((text, index) =>
      out.push(marker && index === 0 ? { paragraph: p, index, text, enumerated: marker.style } : { paragraph: p, index, text }),
    );
  });
  return out;
}
