import { listMarker } from './segment';
import { loadBoilerplate } from '../reference/boilerplate';
import { findCountryCode } from '../reference/countries';
import { agencyCountryIn, isAgencyName } from '../reference/agencies';
import { dateLineDate } from './dateline';

export interface BodyParts {
  paragraphs: string[];
  /** Lines taken out as publisher boilerplate, in text order. */
  removed: string[];
}

/** Long enough for "Stay up-to-date with ..." lines, short enough not to take a real last paragraph. */
const MAX_CLOSING_LINE = 220;

/** A YAML front-matter block (the corpus files have one) is metadata, not text. */
export function stripFrontMatter(text: string): { body: string; frontMatter: string | null } {
  const match = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  if (!match) return { body: text, frontMatter: null };
  return { body: text.slice(match[0].length), frontMatter: match[1] };
}

/**
 * One paragraph per line, or per blank-line-separated block when the text uses blank lines
 * (then hard-wrapped lines inside a block are joined).
 */
export function toParagraphs(text: string): string[] {
  const normalised = text.replace(/\r\n?/g, '\n').replace(/\u00a0/g, ' ');
  const blocks = /\n[ \t]*\n/.test(normalised) ? normalised.split(/\n[ \t]*\n+/).flatMap(joinWrappedLines) : normalised.split('\n');
  const paragraphs = blocks.map((block) => block.replace(/[ \t]+/g, ' ').trim()).filter((block) => block.length > 0);
  // A GOV.UK-style header copied field by field ("From:" / the organisations, "Published" / the date):
  // a label alone on its line heads the short line under it.
  const out: string[] = [];
  for (let index = 0; index < paragraphs.length; index++) {
    const next = paragraphs[index + 1];
    if (next !== undefined && next.length <= 200 && HEADER_LABEL.test(paragraphs[index])) {
      out.push(`${paragraphs[index]} ${next}`);
      index++;
    } else out.push(paragraphs[index]);
  }
  return out;
}

/** A header field's label alone on a line. */
const HEADER_LABEL = /^(?:From|Published|Last updated|Updated|Posted|Released|Date)\s?:?$/iu;

/** Lines of a block under this length that are not its last are lines of their own (a byline, "READOUT"). */
const SHORT_LINE = 50;

/**
 * A blank-line-separated block is one paragraph whose hard-wrapped lines are joined, except its
 * header lines: a date line ("Published 9 May 2025") and short lines before the block's last
 * ("READOUT" / "OFFICE OF THE SPOKESPERSON" / "MARCH 13, 2025") stay paragraphs of their own.
 */
function joinWrappedLines(block: string): string[] {
  const lines = block.split('\n').map((line) => line.trim()).filter(Boolean);
  if (lines.length <= 1) return lines;
  const out: string[] = [];
  let current: string[] = [];
  lines.forEach((line, index) => {
    // (so is a numbered heading over its section: "2. Meeting with the Minister of Foreign Affairs of Malaysia")
    const heading = index < lines.length - 1 && line.length <= 120 && listMarker(line) !== null && !/[.,;:]$/.test(line);
    const own = dateLineDate(line) !== null || heading || (index < lines.length - 1 && line.length < SHORT_LINE && !/[,;]$/.test(line));
    // A list item ("ii. H.E. Ms. X, Ambassador-designate of Lithuania;") is a paragraph of its own.
    if (index > 0 && listMarker(line) && !heading) {
      if (current.length) out.push(current.join(' '));
      current = [line];
    } else if (own) {
      if (current.length) out.push(current.join(' '));
      current = [];
      out.push(line);
    } else current.push(line);
  });
  if (current.length) out.push(current.join(' '));
  return out;
}

export function removeBoilerplate(paragraphs: string[]): BodyParts {
  const { closingLines, closingCues } = loadBoilerplate();
  const removed: string[] = [];
  const kept = paragraphs.filter((paragraph) => {
    if (closingLines.some((pattern) => pattern.test(paragraph))) {
      removed.push(paragraph);
      return false;
    }
    return true;
  });
  // Publishers not listed in the data still close with a call to action; only trailing lines are
  // judged this way, so a paragraph that mentions a "channel" in the body stays.
  const trailing: string[] = [];
  while (kept.length > 1) {
    const last = kept[kept.length - 1];
    const looksLikeCallToAction = last.length <= MAX_CLOSING_LINE && !/[.!?]["”]?$/.test(last) && closingCues.some((cue) => cue.test(last));
    if (!looksLikeCallToAction) break;
    trailing.unshift(last);
    kept.pop();
  }
  return { paragraphs: kept, removed: [...removed, ...trailing] };
}

const ATTRIBUTION = /\b(?:told|informed|reported to|said to|according to)\s+((?:\p{Lu}[\p{L}.\d-]*|[\d]+\.\p{L}+)(?:\s+\p{Lu}[\p{L}.-]*){0,3})(?=[\s,.;]|$)/u;
const TRAILING_ATTRIBUTION = /,\s*((?:\p{Lu}[\p{L}.\d-]*)(?:\s+\p{Lu}[\p{L}.-]*){0,3})\s+(?:reports|informs|reported|writes)\s*\.?$/u;
const CAPITALISED_RUN = /(?:\p{Lu}[\p{L}\d.-]*(?:['’]s)?)(?:\s+(?:\p{Lu}[\p{L}\d.-]*(?:['’]s)?))*/gu;

/** Agencies write "Trend News Agency" as well as "Trend"; the name is the part before the suffix. */
function cleanPublisher(raw: string): string {
  return raw
    .replace(/['’]s$/, '')
    .replace(/\s+(?:News Agency|Agency|News)$/, '')
    .replace(/[.,]$/, '')
    .trim();
}

function isPlausiblePublisher(name: string, notPublisher: Set<string>): boolean {
  if (!name || notPublisher.has(name)) return false;
  // A ministry, a person's title or a country is not a publisher.
  if (/\b(?:Ministry|Minister|Embassy|President|Government)\b/.test(name)) return false;
  return findCountryCode(name) === null;
}

/**
 * The publisher the text names itself as: first its attribution ("... told Trend"), then the
 * publishers listed in the data, then the capitalised name in its own closing line.
 */
export function findSourceName(firstParagraph: string, allText: string, closing: string[]): string | null {
  const { sources, notPublisher } = loadBoilerplate();
  const skip = new Set(notPublisher);
  const attributed = ATTRIBUTION.exec(firstParagraph) ?? TRAILING_ATTRIBUTION.exec(firstParagraph);
  if (attributed) {
    const name = cleanPublisher(attributed[1]);
    if (isPlausiblePublisher(name, skip)) return name;
  }
  for (const source of sources) {
    if (source.patterns.some((pattern) => pattern.test(allText))) return source.name;
  }
  for (const line of closing) {
    const candidates = [...line.matchAll(CAPITALISED_RUN)]
      .map((match) => {
        // Platform names and imperatives sit at the edges of a run ("Silk Road Monitor Telegram").
        const words = match[0].split(/\s+/);
        while (words.length && skip.has(cleanPublisher(words[0]))) words.shift();
        while (words.length && skip.has(cleanPublisher(words[words.length - 1]))) words.pop();
        return cleanPublisher(words.join(' '));
      })
      .filter((name) => isPlausiblePublisher(name, skip));
    if (candidates.length) return candidates.sort((a, b) => b.split(' ').length - a.split(' ').length)[0];
  }
  return null;
}

/** A news agency of the list, not a ministry's abbreviation or press office ("MFA", "Press Service"). */
function isNewsAgency(name: string): boolean {
  return isAgencyName(name) && !/\b(?:MFA|MoFA|Ministry|Press)\b/iu.test(name);
}

/**
 * An agency's report marked as such outside a dateline: its tag opening the lead ("(KPL) Deputy Minister
 * ...", "NNA - Minister ...") or its sign-off closing the text ("MTI", "(PAP)").
 */
export function agencyMark(paragraphs: string[], removed: string[]): { country: string | null } | null {
  for (const paragraph of paragraphs.slice(0, 5)) {
    const tag = /^\s{0,3}(?:\(([^()]{2,30})\)\s{0,3}(?:[-–—:]\s)?|([\p{L}.]{2,20}(?:\s[\p{L}.]{2,20})?)\s{1,3}[-–—:]\s)(?=\p{Lu})/u.exec(paragraph);
    // Before a dash the tag is in capitals ("NNA - "): "Report: ..." is a headline's word.
    const name = tag ? tag[1] ?? (/^\p{Lu}[\p{Lu}\d.&-]+$/u.test(tag[2]) ? tag[2] : null) : null;
    if (name && isNewsAgency(name)) return { country: agencyCountryIn(name) };
  }
  for (const line of [...paragraphs.slice(-3), ...removed]) {
    const only = /^\s{0,3}\(?([\p{L}.]{2,20}(?:\s[\p{L}.]{2,20})?)\)?\.?\s{0,3}$/u.exec(line);
    if (only && isNewsAgency(only[1])) return { country: agencyCountryIn(only[1]) };
  }
  return null;
}
