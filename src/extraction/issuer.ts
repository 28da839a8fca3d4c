import { findCountry } from '../reference/countries';
import { loadMinistryNames, ministryNameCountry } from '../reference/ministries';
import { matchCountries, resolveAmbiguous } from './lexicon';
import { WORD_END, WORD_START, escapeRegExp, phraseSource, type Span } from './text';
import { loadRoles } from '../reference/roles';


export interface Issuer {
  name: string;
  country: string | null;
  /** The country is written with the ministry's name ("Ministry of Foreign Affairs of Georgia", "Global Affairs Canada"), not taken from the dateline. */
  named: boolean;
}

/** A text the issuer may be read from; only a prominent one (header, lead, source line) names it without a reporting verb. */
export interface IssuerText {
  text: string;
  prominent: boolean;
}

let ministryPattern: RegExp | null = null;

/** Every foreign-ministry name of the data, with a following "(ACRONYM)" taken along. */
export function ministryRegex(): RegExp {
  ministryPattern ??= new RegExp(
    // A ministry's longer portfolio ("Ministry of Foreign Affairs, International Trade and Worship") is
    // part of its name.
    `${WORD_START}(?:${loadMinistryNames().map(phraseSource).join('|')})${WORD_END}` +
      // (each part ends in a portfolio word: ", Mohamed Karim Benjelloun" after the name is a person)
      `(?:(?:\\s*,\\s*|\\s+and\\s+)(?:\\p{Lu}\\p{Ll}+\\s+){0,2}(?:${loadRoles().portfolioWords.map(escapeRegExp).join('|')})(?=\\s*,|\\s+and\\s+\\p{Lu}|\\s+of\\s|\\s+\\p{Ll}|\\s+[-–—|]\\s|[.;]|$)){0,4}` +
      `(?:\\s*\\(\\p{Lu}[\\p{Lu}\\d&-]+\\))?`,
    'gu',
  );
  return ministryPattern;
}

/** Where a sentence names a foreign ministry (these names are not initiatives). */
export function ministrySpans(sentence: string): Span[] {
  const pattern = ministryRegex();
  pattern.lastIndex = 0;
  const spans: Span[] = [];
  for (let match = pattern.exec(sentence); match; match = pattern.exec(sentence)) {
    spans.push({ start: match.index, end: match.index + match[0].length });
  }
  return spans;
}
/** The reporting verb that makes a ministry the source of the information. */
const REPORTING = /\b(?:told|reported|reports|said|says|announced|informed|informs|stated|noted|issued|released|published|quoted|citing|according|expressed|condemned|reiterated|stressed)\b/u;

/**
 * Before a ministry's name, the words that make it the source: "according to the press service of the",
 * "citing the press service of the Kazakh", "was informed from the press service of the", "according to
 * a statement from the", "according to Turkish".
 */
const SOURCE_BEFORE =
  /\b(?:according\s+to|citing|cites|quoting|with\s+reference\s+to|learned\s+from|informed\s+(?:by|from)|(?:statement|release|report|note)\s+(?:issued\s+|signed\s+|sent\s+)?(?:from|by|of)|in\s+a\s+(?:note|statement|release|communiqu[ée])(?:\s+(?:released|issued|published)\b[^,;.]{0,40})?,)\s+(?:(?:a|the)\s+(?:statement|(?:press\s+)?release)\s+(?:issued\s+)?(?:from|by|of)\s+)?(?:the\s+)?(?:(?:press\s+service(?:\s+department)?|press\s+office|information\s+department|spokesperson|spokesman|spokeswoman)\s+of\s+(?:the\s+)?)?(?:\p{Lu}[\p{L}'’]+\s+){0,2}$/iu;

/** A post's title running into the ministry's name: "Director of the Department of Asia of the", "Director for Africa Affairs at the". */
const POST_BEFORE =
  /\b(?:Secretary|Minister|Director|Head|Chief|Spokesperson|Spokesman|Spokeswoman|Counsellor|Adviser|Advisor|Ambassador|Consul|Officer)\b(?:[^,.;]{0,80}?\bof|\s+(?:of|for)\s+[^,.;]{1,60}?\s+(?:at|in))\s+(?:the\s+)?$/u;

/**
 * Another country's ministry as a meeting's venue: "at the Ethiopian", "in the building of the Turkish"
 * (the host's own, "at the Itamaraty Palace", names the issuer).
 */
const VENUE_BEFORE = /\b(?:at|in)\s+the\s+(?:(?:headquarters|building|premises|seat)\s+of\s+the\s+)?\p{Lu}[\p{L}'’]+\s+$/u;

const UNNAMED_MINISTRY =
  /\b(?:the )?(?:ministry|foreign ministry)(?:['’]s)?(?: press service| press office| spokesperson)?\b[^.]{0,40}?\b(?:told|reported|reports|said|informed|announced)\b|\baccording to (?:the )?(?:foreign ministry|foreign affairs|ministry of foreign affairs|mfa)(?:['’]s)? (?:spokesperson|spokesman|spokeswoman|press service|press office)\b|\b(?:according to|citing|cites|said) (?:a|the) (?:press release|(?:joint |press )?statement|communiqu[ée]|press note) (?:issued )?(?:by|of|from) the (?:foreign )?ministry\b/iu;

/**
 * The ministry that released the information: "the Ministry of Foreign Affairs of Kazakhstan told ...",
 * "the press service of the Uzbek Foreign Ministry reported", or an unqualified "the Ministry of Foreign
 * Affairs told Trend" in a release datelined in that ministry's country.
 */
export function findIssuer(texts: IssuerText[], fullText: string, datelineCountry: string | null, agencyReport = false): Issuer | null {
  // Prefer the ministry that reports (the attribution clause); fall back to the first ministry named
  // where a release names its own ministry: its header, its lead, a source line. A ministry named in
  // passing further down ("the diplomatic academy of the Estonian Ministry of Foreign Affairs") is
  // the other side's, not the issuer.
  const candidates: Array<{ sentence: string; index: number; length: number; reporting: boolean; prominent: boolean; building: boolean }> = [];
  for (const { text: sentence, prominent } of texts) {
    for (const span of ministrySpans(sentence)) {
      const after = sentence.slice(span.end, span.end + 80);
      const reporting = REPORTING.test(after.split(/[,.;]/).slice(0, 2).join(',')) || SOURCE_BEFORE.test(sentence.slice(Math.max(0, span.start - 120), span.start));
      // "State Secretary for Political Affairs of the Ministry of Foreign and European Affairs of the
      // Republic of Croatia": a ministry inside someone's post is where they work, not who reports.
      const inPost = !reporting && POST_BEFORE.test(sentence.slice(Math.max(0, span.start - 120), span.start));
      // "held talks ... at the Ethiopian Ministry of Foreign Affairs": where a meeting took place.
      const before = sentence.slice(Math.max(0, span.start - 60), span.start);
      const venue = !reporting && VENUE_BEFORE.test(before) && matchCountries(before).some((match) => match.code && match.end === before.trimEnd().length);
      if (inPost || venue) continue;
      // "at Torre Tagle Palace", "at the Itamaraty": a ministry's building, by its own name, as where
      // people met says less than a ministry named as a source (the visiting side's ministry reports
      // such meetings too). ("welcomed X at the Ministry of Foreign Affairs, Foreign Employment and
      // Tourism" still names the host's ministry, as its own releases write it.)
      const building = !reporting && /\b(?:at|in)\s+(?:the\s+)?$/u.test(before) && !/\bMinistry\b/iu.test(sentence.slice(span.start, span.end));
      candidates.push({ sentence, index: span.start, length: span.end - span.start, reporting, prominent, building });
    }
  }
  // An agency's report has an issuer only where it names a ministry as its source.
  // Of the prominent ones, a name only one country's ministry has ("Itamaraty", a signature's "Ministry of
  // Foreign Affairs, Foreign Employment and Tourism") says more than an unqualified "the Ministry of Foreign Affairs".
  const own = (candidate: (typeof candidates)[number]) => ministryNameCountry(candidate.sentence.slice(candidate.index, candidate.index + candidate.length)) !== null;
  const chosen =
    candidates.find((candidate) => candidate.reporting) ??
    (agencyReport ? undefined : candidates.find((candidate) => candidate.prominent && own(candidate)) ?? candidates.find((candidate) => candidate.prominent));
  if (!chosen) {
    // "according to a note from the Portuguese ministry sent to Lusa": a country's ministry, named by its adjective.
    for (const { text } of texts) {
      for (const match of text.matchAll(/\b(?:the\s+)?(\p{Lu}[\p{L}-]+)\s+(?:foreign\s+)?ministry\b/gu)) {
        const reporting = SOURCE_BEFORE.test(text.slice(Math.max(0, match.index - 120), match.index)) || REPORTING.test(text.slice(match.index + match[0].length).split(/[,.;]/)[0] ?? '');
        const adjective = reporting ? matchCountries(match[1]).find((found) => found.code && found.start === 0 && found.end === match[1].length) : undefined;
        const code = adjective ? (adjective.ambiguous ? resolveAmbiguous(adjective.form, fullText) : adjective.code) : null;
        if (code) return { name: `Ministry of Foreign Affairs of ${findCountry(code)?.name ?? code}`, country: code, named: true };
      }
    }
    // "the ministry's press service told Trend": the ministry of the place the release is datelined in.
    const unnamed = texts.some(({ text }) => UNNAMED_MINISTRY.test(text));
    if (!unnamed || !datelineCountry) return null;
    const name = findCountry(datelineCountry)?.name ?? datelineCountry;
    return { name: `Ministry of Foreign Affairs of ${name}`, country: datelineCountry, named: false };
  }
  const named = ministryCountry(chosen.sentence, chosen.index, chosen.length, fullText);
  const country = named ?? datelineCountry;
  const countryName = country ? findCountry(country)?.name ?? country : null;
  return { name: countryName ? `Ministry of Foreign Affairs of ${countryName}` : 'Ministry of Foreign Affairs', country, named: named !== null && !chosen.building };
}

function ministryCountry(sentence: string, index: number, length: number, fullText: string): string | null {
  const resolve = (match: { code: string | null; form: string; ambiguous: boolean }) =>
    match.ambiguous ? resolveAmbiguous(match.form, fullText) : match.code;
  // "Global Affairs Canada": the country is in the name.
  const within = matchCountries(sentence.slice(index, index + length)).find((match) => match.code);
  if (within) return resolve(within);
  // "Foreign, Commonwealth & Development Office", "Itamaraty": a name only one country's ministry has.
  const own = ministryNameCountry(sentence.slice(index, index + length));
  if (own) return own;
  // "... Foreign Ministry of Uzbekistan", "... Ministry of Foreign Affairs of the Republic of Korea"
  const after = sentence.slice(index + length);
  const ofCountry = /^\s+of\s+(?:the\s+)?|^\s*[-–—|]\s*(?:the\s+)?/u.exec(after);
  if (ofCountry) {
    const first = matchCountries(after).find((match) => match.start === ofCountry[0].length);
    if (first?.code !== undefined && first.code !== null) return resolve(first);
  }
  // "the Uzbek Foreign Ministry", "Kazakhstan's MFA"
  const before = sentence.slice(0, index);
  const preceding = matchCountries(before).filter((match) => /^\s*$/.test(before.slice(match.end)));
  const last = preceding[preceding.length - 1];
  if (last?.code) return resolve(last);
  return null;
}
