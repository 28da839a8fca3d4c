import type { ExtractedCountry } from './types';
import { matchCountries, resolveAmbiguous } from './lexicon';

/**
 * Every country the text names, through names, official names, demonyms, possessives and
 * hyphenated compounds ("Uzbek-Azerbaijani"), counted and listed in order of first mention.
 * City names are places, not country mentions ("Baku-Tbilisi-Kars").
 */
const CURRENCY_AFTER = /^(?:\s?\$|\s+dollars?\b)/u;

export function extractCountries(paragraphs: string[], fullText: string): ExtractedCountry[] {
  const counts = new Map<string, number>();
  for (const paragraph of paragraphs) {
    for (const match of matchCountries(paragraph)) {
      // A currency ("US$ 2.1 billion", "1 billion US dollars") names no country.
      if (CURRENCY_AFTER.test(paragraph.slice(match.end, match.end + 10))) continue;
      const code = match.ambiguous ? resolveAmbiguous(match.form, fullText) : match.code;
      if (!code) continue;
      counts.set(code, (counts.get(code) ?? 0) + 1);
    }
  }
  return [...counts.entries()].map(([code, mentions]) => ({ code, mentions }));
}
