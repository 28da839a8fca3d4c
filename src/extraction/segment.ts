import type { Sentence } from './text';

/**
 * Stage 1, segmentation: paragraphs into sentences. A period after an abbreviation or an initial
 * ("H.E.", "Dec.", "A.") does not end a sentence.
 */

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

