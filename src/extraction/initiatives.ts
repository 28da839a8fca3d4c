import { loadInitiatives, loadInitiativePatterns, type InitiativeRef } from '../reference/initiatives';
import { loadBoilerplate } from '../reference/boilerplate';
import { loadLanguage } from '../reference/language';
import type { ExtractedInitiative, InitiativeKind } from './types';
import { cityCountry, matchCountries } from './lexicon';
import { isAgencyName } from '../reference/agencies';
import { isRoleWord } from './roles';
import { ministrySpans } from './issuer';
import { WORD_END, WORD_START, escapeRegExp, foldKey, phraseSource, type Sentence, type Span } from './text';

/**
 * Initiatives come from two places: the known list (canonical names, acronyms, topics) and
 * patterns for the ones it does not know: "Full Name (ACR)", capitalised names ending in a head
 * word ("X University", "X Forum"), capitalised names with a lower-case head ("Great Return
 * programme"), and stand-alone acronyms ("TURKSOY").
 */

export interface InitiativeSpan extends Span {
  sentence: number;
  /** Set for initiatives of the known list: their topics count, the cues inside their name do not. */
  known: InitiativeRef | null;
}

export interface InitiativeResult {
  initiatives: ExtractedInitiative[];
  spans: InitiativeSpan[];
}

interface Candidate extends Span {
  sentence: number;
  name: string;
  acronym: string | null;
  kind: InitiativeKind;
  known: InitiativeRef | null;
  /** Pattern-found names lose to known ones on the same text; longer spans win over shorter ones. */
  priority: number;
}

const CONNECTORS = new Set(['of', 'for', 'on', 'in', 'and', 'the', 'to', 'de', 'la', 'des', 'du']);
const ORDINAL_BEFORE = /(\d+(?:st|nd|rd|th))\s+$/u;
/** Lower-case words between capitalised words and a lower-case head: modifiers, never function words. */
const FUNCTION_WORDS = new Set([
  'the', 'a', 'an', 'of', 'and', 'or', 'to', 'in', 'on', 'for', 'with', 'by', 'as', 'at', 'from', 'is', 'was', 'are', 'were',
  'has', 'have', 'had', 'will', 'would', 'its', 'their', 'his', 'her', 'which', 'that', 'this', 'these', 'be', 'been', 'also',
  'said', 'noted', 'new', 'other', 'such', 'each', 'both', 'all',
]);
const NUMBERED_SUFFIX = (n: number) => {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th'}`;
};

interface KnownMatcher {
  /** All literal names, aliases and acronyms in one case-sensitive alternation, longest first. */
  literal: RegExp;
  byForm: Map<string, InitiativeRef>;
  /** "COP29": acronym followed by a session number, for numbered entries. */
  numbered: Array<{ regex: RegExp; entry: InitiativeRef }>;
}

let knownMatcher: KnownMatcher | null = null;

function formKey(form: string): string {
  return form.replace(/[’]/g, "'").replace(/[\s]+/g, ' ').replace(/–/g, '-');
}

function compileKnown(): KnownMatcher {
  if (knownMatcher) return knownMatcher;
  const byForm = new Map<string, InitiativeRef>();
  const numbered: KnownMatcher['numbered'] = [];
  for (const entry of loadInitiatives()) {
    // Case-sensitive: "UN" is not "un", and "Group" in a sentence is not a name.
    for (const form of [entry.name, ...entry.aliases, ...(entry.acronym ? [entry.acronym] : [])]) {
      if (!byForm.has(formKey(form))) byForm.set(formKey(form), entry);
    }
    if (entry.numbered && entry.acronym) {
      numbered.push({ regex: new RegExp(`${WORD_START}${escapeRegExp(entry.acronym)}[\\s-]?(\\d{1,3})${WORD_END}`, 'gu'), entry });
    }
  }
  const forms = [...byForm.keys()].sort((a, b) => b.length - a.length);
  const literal = new RegExp(`${WORD_START}(?:${forms.map(phraseSource).join('|')})${WORD_END}`, 'gu');
  knownMatcher = { literal, byForm, numbered };
  return knownMatcher;
}

function headKinds() {
  const patterns = loadInitiativePatterns();
  return {
    heads: new Map(patterns.heads.map((head) => [head.word, head.kind])),
    lowercaseHeads: new Map(patterns.lowercaseHeads.map((head) => [head.word, head.kind])),
    stopwords: new Set(patterns.stopwords),
    notInitiatives: new Set(patterns.notInitiatives.map(foldKey)),
    notAcronyms: new Set(patterns.notAcronyms),
    genericBodies: patterns.genericBodies,
    timeZones: new Set(patterns.timeZones),
    needsComplement: new Set(patterns.headsNeedingComplement),
    takesPlace: new Set(patterns.headsTakingPlace),
    notOfCountry: new Set(patterns.headsNotOfCountry),
  };
}

let vocabulary: ReturnType<typeof headKinds> | null = null;
function vocab() {
  vocabulary ??= headKinds();
  return vocabulary;
}

interface Token extends Span {
  text: string;
}

/** Capitalised words (and acronyms, hyphenated or numbered forms) with the lower-case words between them. */
function tokenize(sentence: string): Token[] {
  return [...sentence.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.+&-]*[\p{L}\p{N}+]|[\p{L}\p{N}]/gu)].map((match) => ({
    text: match[0],
    start: match.index,
    end: match.index + match[0].length,
  }));
}

const isCapitalised = (word: string) => /^[\p{Lu}\p{N}]/u.test(word) && /\p{L}/u.test(word);
const isAcronym = (word: string) => /^[\p{Lu}][\p{Lu}\p{N}+&-]{1,}$/u.test(word) && !/^[IVXLC]+$/.test(word);
const isPossessive = (word: string) => /['’]s$/.test(word);
/** Words of one name: spaces between them, or quotes around part of it ('"Central Asia plus Japan" Dialogue'). */
// A plural possessive stays inside a name ("G20 Foreign Ministers' Meeting").
const onlySpacesBetween = (sentence: string, a: Token, b: Token) => {
  const between = sentence.slice(a.end, b.start);
  return /^(?: +|["“”] +| +["“”])$/.test(between) || (/^['’] +$/.test(between) && /s$/.test(a.text) && /^\p{Lu}/u.test(a.text));
};
const QUOTES = /["“”]/g;

function kindFromHeads(name: string): InitiativeKind | null {
  const { heads } = vocab();
  const words = name.split(/\s+/);
  for (let index = words.length - 1; index >= 0; index -= 1) {
    const kind = heads.get(words[index]);
    if (kind) return kind;
  }
  return null;
}

/** Extends a name over "of/for/on/in (the) Capitalised ..." ("Center for Industry and Innovations"). */
function continuation(sentence: string, tokens: Token[], after: number, allowIn: boolean): number {
  let index = after + 1;
  let lastCapital = after;
  const prepositions = allowIn ? ['of', 'for', 'on', 'in'] : ['of', 'for', 'on'];
  if (!tokens[index] || !prepositions.includes(tokens[index].text)) return after;
  while (index < tokens.length && onlySpacesBetween(sentence, tokens[index - 1], tokens[index])) {
    const word = tokens[index].text;
    if (loadLanguage().calendarWords.has(word) || /^\d/.test(word)) break; // "Office on March 6" ends at the date
    // "the Growth Plan for the Western Balkans and the Reform and Growth Facility" are two names.
    if (word === 'and' && tokens[index + 1]?.text === 'the') break;
    if (isCapitalised(word) && !isPossessive(word)) lastCapital = index;
    else if (!CONNECTORS.has(word) && word !== 'in') break;
    index += 1;
  }
  return lastCapital;
}

/** The words after a name's head up to where the name ends ("of the Prime Minister"). */
function complementText(sentence: string, tokens: Token[], head: number, last: number): string {
  return sentence.slice(tokens[head].end, tokens[last].end);
}

function patternCandidates(sentence: string, sentenceIndex: number): Candidate[] {
  const { heads, lowercaseHeads, stopwords, notInitiatives } = vocab();
  const tokens = tokenize(sentence);
  const out: Candidate[] = [];
  const push = (first: number, last: number, kind: InitiativeKind, acronym: string | null, priority: number): Candidate | null => {
    let start = tokens[first].start;
    let name = sentence.slice(start, tokens[last].end).replace(QUOTES, '').replace(/\s+/g, ' ');
    const ordinal = ORDINAL_BEFORE.exec(sentence.slice(0, start));
    if (ordinal) {
      start -= ordinal[0].length;
      name = `${ordinal[1]} ${name}`;
    }
    if (notInitiatives.has(foldKey(name))) return null;
    const candidate = { start, end: tokens[last].end, sentence: sentenceIndex, name, acronym, kind, known: null, priority };
    out.push(candidate);
    return candidate;
  };

  // Maximal runs of capitalised words ("Baku State Vocational Education Center"); "plus" and "&"
  // join platform names ("Central Asia plus Japan Dialogue").
  let index = 0;
  while (index < tokens.length) {
    if (!isCapitalised(tokens[index].text)) {
      index += 1;
      continue;
    }
    let end = index;
    while (
      end + 1 < tokens.length &&
      onlySpacesBetween(sentence, tokens[end], tokens[end + 1]) &&
      !isPossessive(tokens[end].text) &&
      (isCapitalised(tokens[end + 1].text) ||
        // "plus"/"&" join platform names; "and" joins words of one name unless a name ends before it
        // ("Reform and Growth Facility", but "INHA University and Baku Engineering University").
        ((['plus', '&', '+'].includes(tokens[end + 1].text) || (tokens[end + 1].text === 'and' && !heads.has(tokens[end].text))) &&
          tokens[end + 2] !== undefined &&
          isCapitalised(tokens[end + 2].text) &&
          onlySpacesBetween(sentence, tokens[end + 1], tokens[end + 2])))
    ) {
      end += 1;
    }
    let first = index;
    while (first <= end && (stopwords.has(tokens[first].text) || isPossessive(tokens[first].text))) first += 1;
    // Restart after a possessive inside the run: "Korea’s INHA University" is "INHA University".
    for (let k = first; k < end; k += 1) if (isPossessive(tokens[k].text)) first = k + 1;

    if (first <= end) {
      let lastHead = -1;
      for (let k = first; k <= end; k += 1) if (heads.has(tokens[k].text)) lastHead = k;
      // "Expo 2027": a head with the year of its edition.
      if (lastHead === end && tokens[end + 1] && /^\d{4}$/.test(tokens[end + 1].text) && onlySpacesBetween(sentence, tokens[end], tokens[end + 1])) {
        push(first, end + 1, heads.get(tokens[lastHead].text)!, null, 2);
        index = end + 2;
        continue;
      }
      if (lastHead >= 0) {
        const kind = heads.get(tokens[lastHead].text)!;
        const extended = lastHead === end ? continuation(sentence, tokens, lastHead, vocab().takesPlace.has(tokens[lastHead].text)) : lastHead;
        const complemented = extended > lastHead;
        // "the Permanent Mission of Azerbaijan": a state's office, not an initiative.
        const complement = complemented ? sentence.slice(tokens[lastHead].end, tokens[extended].end).replace(/^\s+of\s+(?:the\s+)?/u, '') : '';
        const ofCountry =
          complemented &&
          /^\s+of\s/u.test(sentence.slice(tokens[lastHead].end)) &&
          vocab().notOfCountry.has(tokens[lastHead].text) &&
          matchCountries(complement).some((match) => match.start === 0 && /^(?:$|\s+(?:to|in|at)\s)/u.test(complement.slice(match.end)));
        // "the Office of the Prime Minister", "the President's Office in X": a state's office, no initiative.
        const ofPost = complemented && /^\s+of\s+the\s/u.test(complementText(sentence, tokens, lastHead, extended)) && tokens.slice(lastHead + 3, lastHead + 6).some((token) => isRoleWord(token.text));
        const postsOwn = first > 0 && isPossessive(tokens[first - 1].text) && isRoleWord(tokens[first - 1].text.replace(/['’]s$/u, ''));
        const postOffice = tokens[lastHead].text === 'Office' && (ofPost || postsOwn);
        if (ofCountry || postOffice) {
          index = end + 1;
          continue;
        }
        if ((complemented || lastHead > first) && (complemented || !vocab().needsComplement.has(tokens[lastHead].text))) {
          push(first, extended, kind, null, 2);
        }
      } else {
        // A capitalised name (or a hyphenated compound, or an acronym) with a lower-case head.
        const name = tokens.slice(first, end + 1).map((t) => t.text);
        // One proper name after "the" before a work's lower-case head ("the Druzhba pipeline", "the Dukovany
        // nuclear power plant"): not a country, its people or a city ("the Kazakh pipeline").
        const single = name.length === 1;
        const properWork =
          single &&
          !/-/.test(name[0]) &&
          !isAcronym(name[0]) &&
          /\bthe\s+$/iu.test(sentence.slice(Math.max(0, tokens[first].start - 8), tokens[first].start)) &&
          !matchCountries(name[0]).some((match) => match.start === 0 && match.end === name[0].length) &&
          !cityCountry(name[0]) &&
          !loadLanguage().calendarWords.has(name[0]);
        const substantial = name.length >= 2 || /-/.test(name[0]) || isAcronym(name[0]) || properWork;
        if (substantial) {
          let best = -1;
          for (let k = end + 1; k <= end + 4 && k < tokens.length; k += 1) {
            const word = tokens[k].text;
            if (!onlySpacesBetween(sentence, tokens[k - 1], tokens[k]) || isCapitalised(word) || FUNCTION_WORDS.has(word)) break;
            if (lowercaseHeads.has(word)) best = k;
          }
          // One word, compound or acronym before a lower-case head names a work ("the Druzhba pipeline",
          // "Baku-Tbilisi-Kars railway"), not a relation or a body ("Armenia-Azerbaijan peace process",
          // "Uzbek-Omani investment company": generic phrases under the contract).
          if (best >= 0 && (!single || lowercaseHeads.get(tokens[best].text) === 'PROGRAMME')) {
            const kind = lowercaseHeads.get(tokens[best].text)!;
            // A quoted name keeps to its quotes: '"One Billion Trees" national movement' is One Billion Trees.
            const quoted = /["“]$/.test(sentence.slice(0, tokens[first].start)) && /^["”]/.test(sentence.slice(tokens[end].end));
            const extended = quoted ? end : vocab().takesPlace.has(tokens[best].text) ? continuation(sentence, tokens, best, true) : best;
            push(first, extended, kind, null, 1);
          }
        }
      }
    }
    index = end + 1;
  }

  // "Full Name (ACR)": the capitalised words before the parenthesis, connectors allowed inside.
  for (const match of sentence.matchAll(/\s*\(([\p{Lu}][\p{Lu}\p{N}&+-]{1,11})\)/gu)) {
    const acronym = match[1];
    const closeParen = match.index + match[0].length;
    const k = tokens.filter((token) => token.end <= match.index).length - 1;
    if (k < 0 || !isCapitalised(tokens[k].text)) continue;
    let first = k;
    while (first - 1 >= 0 && onlySpacesBetween(sentence, tokens[first - 1], tokens[first])) {
      const word = tokens[first - 1].text;
      if (isPossessive(word)) break;
      if (isCapitalised(word)) {
        first -= 1;
        continue;
      }
      // "Conference of the Parties": a chain of connectors is inside the name when a capital precedes it.
      let back = first - 1;
      while (back >= 0 && CONNECTORS.has(tokens[back].text) && (back === first - 1 || onlySpacesBetween(sentence, tokens[back], tokens[back + 1]))) back -= 1;
      const chain = tokens.slice(back + 1, first).map((t) => t.text).join(' ');
      // "the OTS and the Economic Cooperation Organization (ECO)": a list, not one name.
      const joinsTwoNames = /\band the\b/.test(chain) || (back >= 0 && isAcronym(tokens[back].text));
      if (back >= 0 && back < first - 1 && !joinsTwoNames && isCapitalised(tokens[back].text) && !isPossessive(tokens[back].text) && onlySpacesBetween(sentence, tokens[back], tokens[back + 1])) first = back;
      else break;
    }
    while (first < k && (CONNECTORS.has(tokens[first].text) || stopwords.has(tokens[first].text))) first += 1;
    const kind = kindFromHeads(sentence.slice(tokens[first].start, tokens[k].end)) ?? 'ORGANISATION';
    const candidate = push(first, k, kind, acronym, 3);
    if (candidate) candidate.end = closeParen;
  }

  // Stand-alone acronyms nobody spelled out ("TURKSOY"), with a capitalised word after them ("ACWA Power").
  const { notAcronyms } = vocab();
  const sourceNames = new Set(loadBoilerplate().sources.map((source) => source.name));
  tokens.forEach((token, k) => {
    if (!isAcronym(token.text) || token.text.replace(/[^\p{L}]/gu, '').length < 3) return;
    if (notAcronyms.has(token.text) || sourceNames.has(token.text) || isAgencyName(token.text) || vocab().timeZones.has(token.text)) return;
    // A word of a line in capitals ("PHOTO NOT FOR SALE", a headline, "WISMA PUTRA") is no acronym:
    // an acronym stands among lower-case words.
    const neighbour = (j: number) => j >= 0 && j < tokens.length && /^\p{Lu}[\p{Lu}\p{N}'’&-]+$/u.test(tokens[j].text) && !compileKnown().byForm.has(formKey(tokens[j].text));
    if (neighbour(k - 1) || neighbour(k + 1)) return;
    if (cityCountry(token.text)) return;
    if (matchCountries(token.text).some((match) => match.start === 0 && match.end === token.text.length)) return;
    if (/\(\s*$/.test(sentence.slice(0, token.start))) return; // the "(ACR)" pattern handles it
    if (compileKnown().byForm.has(formKey(token.text))) return; // the known list has it
    let last = k;
    // "ACWA Power", but not "OSCE Secretary General Feridun Sinirlioglu": a title ends the name.
    while (
      last + 1 < tokens.length &&
      onlySpacesBetween(sentence, tokens[last], tokens[last + 1]) &&
      isCapitalised(tokens[last + 1].text) &&
      !isAcronym(tokens[last + 1].text) &&
      !isRoleWord(tokens[last + 1].text)
    ) {
      last += 1;
    }
    const kind = last > k ? kindFromHeads(sentence.slice(token.start, tokens[last].end)) ?? 'ORGANISATION' : 'ORGANISATION';
    push(k, last, kind, last === k ? token.text : null, 0);
  });

  // Lower-case bodies ("the intergovernmental commission on trade and economic cooperation") are
  // generic phrases under the extraction contract (test/fixtures/LABELLING.md), not named initiatives.
  return out;
}

function knownCandidates(sentence: string, sentenceIndex: number): Candidate[] {
  const out: Candidate[] = [];
  const { literal, byForm, numbered } = compileKnown();
  const push = (start: number, end: number, entry: InitiativeRef, number: number | null) => {
    const name = number === null ? entry.name : `${NUMBERED_SUFFIX(number)} session of the ${entry.name}`;
    const acronym = number === null ? entry.acronym : `${entry.acronym}${number}`;
    out.push({ start, end, sentence: sentenceIndex, name, acronym, kind: entry.kind, known: entry, priority: 4 });
  };
  literal.lastIndex = 0;
  for (let match = literal.exec(sentence); match; match = literal.exec(sentence)) {
    const entry = byForm.get(formKey(match[0]));
    if (!entry) continue;
    push(match.index, match.index + match[0].length, entry, null);
    // The name as the text writes it ("UN Security Council"), unless it wrote only the acronym.
    const written = match[0].replace(/\s+/g, ' ');
    if (written !== entry.acronym && !isAcronym(written)) out[out.length - 1].name = written;
  }
  for (const { regex, entry } of numbered) {
    regex.lastIndex = 0;
    for (let match = regex.exec(sentence); match; match = regex.exec(sentence)) {
      push(match.index, match.index + match[0].length, entry, Number(match[1]));
    }
  }
  return out;
}

function keyOf(candidate: Candidate): string {
  if (candidate.known && !candidate.known.numbered) return `known:${candidate.known.name}`;
  return candidate.acronym ? `acronym:${candidate.acronym}` : `name:${foldKey(candidate.name)}`;
}

/** Finds the initiatives of a release, each with the sentence of its first mention. */
let entryIndex: { byAcronym: Map<string, InitiativeRef>; byName: Map<string, InitiativeRef> } | null = null;

/** The known entry with this acronym (or alias), else with this name (or alias): map lookups, not a scan per candidate. */
function knownEntry(acronym: string | null, name: string): InitiativeRef | undefined {
  if (!entryIndex) {
    const byAcronym = new Map<string, InitiativeRef>();
    const byName = new Map<string, InitiativeRef>();
    for (const e of loadInitiatives()) {
      for (const form of [e.acronym, ...e.aliases]) if (form && !byAcronym.has(form)) byAcronym.set(form, e);
      for (const form of [e.name, ...e.aliases]) if (!byName.has(foldKey(form))) byName.set(foldKey(form), e);
    }
    entryIndex = { byAcronym, byName };
  }
  return (acronym ? entryIndex.byAcronym.get(acronym) : undefined) ?? entryIndex.byName.get(foldKey(name));
}

/**
 * Whether a name is the full name with its leading words shortened to their initials ("UN Security
 * Council" for "United Nations Security Council", "EU Council" for "European Union Council").
 */
function abbreviates(short: string, full: string): boolean {
  const a = short.trim().split(/\s+/);
  const b = full.trim().split(/\s+/);
  if (a.length < 2 || !/^\p{Lu}{2,5}$/u.test(a[0])) return false;
  const prefix = b.length - (a.length - 1);
  if (prefix < 2) return false;
  if (foldKey(a.slice(1).join(' ')) !== foldKey(b.slice(prefix).join(' '))) return false;
  return b.slice(0, prefix).map((word) => word[0].toUpperCase()).join('') === a[0];
}

export function extractInitiatives(sentences: Sentence[]): InitiativeResult {
  const all: Candidate[] = [];
  sentences.forEach((sentence, index) => {
    const known = knownCandidates(sentence.text, index);
    const patterns = patternCandidates(sentence.text, index);
    // "Full Name (ACR)" whose acronym or name the list knows becomes the known one, with the text's name.
    for (const candidate of patterns) {
      const entry = knownEntry(candidate.acronym, candidate.name);
      if (entry) {
        candidate.known = entry;
        candidate.kind = entry.kind;
        candidate.acronym = candidate.acronym ?? entry.acronym;
        // The list's name, unless the text spelled the name out next to its acronym or wrote one of
        // the list's other full names ("UN Security Council", "Organisation of ..."): the contract keeps the name as written.
        const wordCount = (name: string) => name.trim().split(/\s+/).length;
        const writtenAlias =
          foldKey(candidate.name) !== foldKey(entry.name) &&
          (abbreviates(candidate.name, entry.name) ||
            // Another spelling of the full name ("Organisation of Islamic Cooperation").
            // Or a short name of its own ("Arab League"; "Minsk Group" is inside "OSCE Minsk Group"): the contract keeps the name as written.
            entry.aliases.some(
              (alias) =>
                foldKey(alias) === foldKey(candidate.name) &&
                (wordCount(alias) >= wordCount(entry.name) || (wordCount(alias) >= 2 && !foldKey(entry.name).includes(foldKey(alias)))),
            ));
        if (!(candidate.priority === 3 && candidate.name.split(/\s+/).length > 1) && !writtenAlias) candidate.name = entry.name;
        candidate.priority = 5;
      }
      const numbered = candidate.acronym ? /^(\p{Lu}+)(\d{1,3})$/u.exec(candidate.acronym) : null;
      if (numbered) {
        const numberedEntry = loadInitiatives().find((e) => e.numbered && e.acronym === numbered[1]);
        if (numberedEntry) {
          candidate.known = numberedEntry;
          candidate.kind = numberedEntry.kind;
          const sessionBefore = /(\d+(?:st|nd|rd|th))\s+session\s+of\s+(?:the\s+)?$/iu.exec(sentence.text.slice(0, candidate.start));
          if (sessionBefore && candidate.name !== candidate.acronym) {
            candidate.start = sessionBefore.index;
            candidate.name = `${sessionBefore[1]} session of the ${candidate.name}`;
          } else if (candidate.name === candidate.acronym) {
            candidate.name = `${NUMBERED_SUFFIX(Number(numbered[2]))} session of the ${numberedEntry.name}`;
          }
          candidate.priority = 5;
        }
      }
    }
    // A foreign ministry's name ("Foreign, Commonwealth and Development Office (FCDO)") is the issuer, not an initiative.
    const ministries = ministrySpans(sentence.text);
    const outsideMinistries = (candidate: Candidate) => !ministries.some((span) => span.start < candidate.end && candidate.start < span.end);
    // "Secretary General of the Organization of Turkic States Kubanychbek Omurali": a name found by
    // pattern that runs from a known name into capitalised words with no head among them (a person's
    // name) gives way to the known name.
    const { heads } = vocab();
    const runsIntoName = (candidate: Candidate) =>
      !candidate.known &&
      known.some((other) => {
        if (other.start < candidate.start || other.end >= candidate.end) return false;
        const tail = sentence.text.slice(other.end, candidate.end);
        return /^(?:\s+\p{Lu}[\p{L}'’.-]*)+$/u.test(tail) && !tail.trim().split(/\s+/u).some((word) => heads.has(word));
      });
    all.push(...known.filter(outsideMinistries), ...patterns.filter((candidate) => outsideMinistries(candidate) && !runsIntoName(candidate)));
  });

  // Nested mentions give way to the longer name around them ("United Nations" inside the COP29 name),
  // except that a known name is never replaced by a pattern that merely contains it with the same span.
  const sorted = all.sort((a, b) => a.sentence - b.sentence || b.end - b.start - (a.end - a.start) || b.priority - a.priority || a.start - b.start);
  const kept: Candidate[] = [];
  for (const candidate of sorted) {
    const clash = kept.some((other) => other.sentence === candidate.sentence && other.start < candidate.end && candidate.start < other.end);
    if (!clash) kept.push(candidate);
  }
  kept.sort((a, b) => a.sentence - b.sentence || a.start - b.start);

  const byKey = new Map<string, { candidate: Candidate; sentence: string }>();
  const order: string[] = [];
  for (const candidate of kept) {
    const key = keyOf(candidate);
    const existing = byKey.get(key);
    if (!existing) {
      byKey.set(key, { candidate, sentence: sentences[candidate.sentence].text });
      order.push(key);
    } else if (existing.candidate.name === existing.candidate.acronym && candidate.name !== candidate.acronym) {
      // The acronym came first, the full name later: keep the full name, and the first sentence.
      existing.candidate = { ...candidate, start: existing.candidate.start, end: existing.candidate.end, sentence: existing.candidate.sentence };
    }
  }
  const initiatives = order.map((key) => {
    const { candidate, sentence } = byKey.get(key)!;
    return { name: candidate.name, acronym: candidate.acronym, kind: candidate.kind, sentence };
  });
  const spans = kept.map((candidate) => ({ start: candidate.start, end: candidate.end, sentence: candidate.sentence, known: candidate.known }));
  return { initiatives, spans };
}
