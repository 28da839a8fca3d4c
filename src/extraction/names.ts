import { loadRoles } from '../reference/roles';
import { loadInitiativePatterns } from '../reference/initiatives';
import { loadLanguage } from '../reference/language';
import { countryAt, matchCities } from './lexicon';
import { isRoleWord } from './roles';
import { isAgencyName } from '../reference/agencies';
import { escapeRegExp } from './text';

/**
 * Stage 2a, names: reading a person's name at a place of a sentence (forwards from a title,
 * backwards from ", Minister of ..."). Which words can belong to a name comes from
 * data/reference/roles.yaml (honorifics, particles, regions) and language.yaml (calendar words,
 * sentence openers).
 */

export interface NameParse {
  name: string;
  tokens: string[];
  start: number;
  end: number;
}

/** A name word; Mongolian names print the patronymic's initial against it ("B.Battsetseg", "Ts.Davaasuren"). */
export const TOKEN = /(?:\p{Lu}\p{Ll}?\.(?=\p{Lu}))?\p{Lu}[\p{L}'’]*(?:-\p{L}[\p{L}'’]*)*/uy;
/** A middle initial inside a name ("Enrique A. Manalo"), followed by more of the name; an initial may go without its period ("S Jaishankar"). Not "H.E.", "H.H.": honorifics. */
const INITIAL = /^(?:(?!(?:Dr|Mr|Ms|St|Jr|Sr)\.|H\.\s?[EH]\.)\p{Lu}\p{Ll}?\.(?:\s?\p{Lu}\.)*|(?![AI]\s)\p{Lu}(?= \p{Lu}\p{Ll}{2}))(?= \p{Lu})/u;
/** A lower-case Arabic article joined to a name word: "al-Shaibani", "el-Sisi", "ad-Din". */
const ARTICLE = /^(?:al|el|ad|an|ar|as|ash|at|az|ul|ud)-\p{Lu}[\p{L}'’]*(?:-\p{L}[\p{L}'’]*)*/u;

/** Whether `text` opens with a name word that starts with a lower-case Arabic article ("al-Mahamid ..."). */
export function startsWithArticle(text: string): boolean {
  return ARTICLE.test(text);
}
/** A regnal number that ends a name ("Abdullah II", "Mohammed VI", "Charles III"). */
const REGNAL = /^(?:X{0,3})(?:IX|IV|V?I{0,3})(?![\p{L}\p{N}])/u;

function vocabularyWords() {
  const language = loadLanguage();
  const roles = loadRoles();
  const honorifics = [...roles.honorifics].sort((a, b) => b.length - a.length);
  return {
    honorificSource: honorifics.map(escapeRegExp).join('|'),
    // Honorifics and courtesy ranks in one alternation, longest first: "Dato' Seri Utama" is a
    // courtesy title, not "Dato' Seri" and a name.
    courtesySource: [...new Set([...roles.honorifics, ...roles.courtesyTitles])].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|'),
    postNominal: new RegExp(`(?:,?\\s+(?:${roles.postNominals.map(escapeRegExp).join('|')}))+$`, 'u'),
    particles: new Set(roles.nameParticles.map((p) => p.toLowerCase())),
    modifiers: [...roles.modifiers].sort((a, b) => b.length - a.length),
    headWords: new Set(loadInitiativePatterns().heads.map((head) => head.word)),
    notNameWords: new Set(roles.notNameWords),
    nationalBodyWords: new Set(roles.nationalBodyWords),
    internationalWords: new Set(roles.internationalWords),
    notAcronyms: new Set(loadInitiativePatterns().notAcronyms),
    // One-word courtesy titles ("Sheikh", "His Majesty") are not part of the name they precede.
    nameStopWords: language.nameStopWords,
    calendarWords: language.calendarWords,
    honorificWords: new Set(roles.honorifics.flatMap((h) => h.split(/\s+/)).filter((w) => /^\p{Lu}\p{Ll}+$/u.test(w))),
  };
}

let words: ReturnType<typeof vocabularyWords> | null = null;
let courtesy: RegExp | null = null;

/** Up to four honorifics and courtesy ranks before a name ("H.E. Mr.", "YB Dato' Seri Utama Haji"): matches "" where none. */
export function courtesyRun(): RegExp {
  courtesy ??= new RegExp(`^(?:(?:${vocab().courtesySource})\\s+){0,4}`, 'u');
  return courtesy;
}
export function vocab() {
  words ??= vocabularyWords();
  return words;
}

export function isNameToken(token: string, sentence: string, offset: number): boolean {
  if (token.length < 2) return false;
  const bare = token.replace(/['’]s$/, '');
  if (vocab().notNameWords.has(bare) || vocab().honorificWords.has(bare)) return false;
  if (bare === bare.toUpperCase()) return false; // acronyms ("OTS", "UN") are not names
  if (vocab().nameStopWords.has(bare) || vocab().calendarWords.has(bare) || isRoleWord(bare)) return false;
  if (vocab().headWords.has(bare)) return false;
  // Country words end a name; city names do not ("Sofia", "Victoria" are given names too).
  const country = countryAt(sentence, offset);
  return !(country && country.end >= offset + bare.length);
}

/**
 * A surname printed in capitals before the given name ("IWAYA Takeshi", "SHIMIZU Kenji"), as Japanese
 * and some other ministries print it: only as a name's first word, followed by a given name.
 */
function surnameInCapitals(token: string, sentence: string, offset: number, index: number): boolean {
  if (index !== 0 || !/^\p{Lu}{2,}$/u.test(token) || vocab().notAcronyms.has(token)) return false;
  if (countryAt(sentence, offset) || isAgencyName(token)) return false;
  const next = offset + token.length + 1;
  if (sentence[next - 1] !== ' ') return false;
  TOKEN.lastIndex = next;
  const given = TOKEN.exec(sentence);
  return Boolean(given && /^\p{Lu}\p{Ll}/u.test(given[0]) && isNameToken(given[0], sentence, next));
}

/** "Israel Katz": a country's name as a given name, first in a name and followed by another name word. */
function givenNameCountry(token: string, sentence: string, offset: number, index: number): boolean {
  if (index !== 0 || !loadRoles().countryGivenNames.includes(token)) return false;
  const next = offset + token.length + 1;
  if (sentence[next - 1] !== ' ') return false;
  TOKEN.lastIndex = next;
  const following = TOKEN.exec(sentence);
  return Boolean(following && /^\p{Lu}\p{Ll}/u.test(following[0]) && isNameToken(following[0], sentence, next));
}

/** "Levente Magyar.": a country word as a surname, after a given name, the clause ending with it. */
function surnameCountry(token: string, sentence: string, offset: number, index: number): boolean {
  if (index === 0 || !loadRoles().countrySurnames.includes(token)) return false;
  return /^(?:\s*[.,;:)]|\s*$|\s+(?:and|who|were|was|also|on|in|at)\b)/u.test(sentence.slice(offset + token.length));
}

/** Reads a name forward from `offset`: capitalised tokens, inner particles ("bin", "van") allowed. */
export function readName(sentence: string, offset: number, maxTokens = 8): NameParse | null {
  const tokens: string[] = [];
  let position = offset;
  let end = offset;
  const particles = vocab().particles;
  while (tokens.length < maxTokens) {
    // An initial counts when more of the name follows it ("Enrique A. Manalo", "S. Jaishankar", "Ma. Theresa Lazaro").
    const initial = INITIAL.exec(sentence.slice(position, position + 16));
    if (initial) {
      const next = position + initial[0].length + 1;
      TOKEN.lastIndex = next;
      const following = TOKEN.exec(sentence);
      if (following && isNameToken(following[0], sentence, next)) {
        tokens.push(initial[0]);
        position = next;
        continue;
      }
    }
    TOKEN.lastIndex = position;
    const match = TOKEN.exec(sentence);
    const nameWord =
      match && (isNameToken(match[0], sentence, position) || surnameInCapitals(match[0], sentence, position, tokens.length) || givenNameCountry(match[0], sentence, position, tokens.length) || surnameCountry(match[0], sentence, position, tokens.length))
        ? match[0]
        : // An Arabic article joined to the next word ("Asaad al-Shaibani", "Mohammed Shia al-Sudani") is
          // a name word after a first one.
          tokens.length > 0
          ? ARTICLE.exec(sentence.slice(position, position + 60))?.[0]
          : undefined;
    if (nameWord) {
      tokens.push(nameWord);
      end = position + nameWord.length;
      const gap = /^ (?=\S)/.exec(sentence.slice(end));
      if (!gap) break;
      position = end + 1;
      continue;
    }
    if (tokens.length > 0) {
      // A regnal number closes the name.
      const regnal = REGNAL.exec(sentence.slice(position));
      if (regnal && regnal[0]) {
        tokens.push(regnal[0]);
        end = position + regnal[0].length;
        break;
      }
    }
    // Particles only count between two name tokens ("Pieter van der Linde").
    const particleRun = /^((?:[a-z]+ ){1,2})(?=\p{Lu})/u.exec(sentence.slice(position));
    const particleWords = particleRun ? particleRun[1].trim().split(' ') : [];
    if (tokens.length > 0 && particleRun && particleWords.every((word) => particles.has(word))) {
      const next = position + particleRun[0].length;
      TOKEN.lastIndex = next;
      const following = TOKEN.exec(sentence);
      if (following && isNameToken(following[0], sentence, next)) {
        tokens.push(...particleWords);
        position = next;
        continue;
      }
    }
    break;
  }
  if (tokens.length === 0) return null;
  // A lone city is a place, not a person ("Minister in Baku").
  if (tokens.length === 1 && matchCities(tokens[0]).some((city) => city.start === 0 && city.end === tokens[0].length)) return null;
  let last = tokens[tokens.length - 1];
  if (/['’]s$/.test(last)) {
    last = last.slice(0, -2);
    tokens[tokens.length - 1] = last;
    end -= 2;
  }
  return { name: tokens.join(' '), tokens, start: offset, end };
}

/** Reads a name that ends at `end` (for "Jeyhun Bayramov, Minister of ..."). */
export function readNameBackwards(sentence: string, end: number): NameParse | null {
  // "Hon. Winston Peters MP, Deputy Prime Minister ...": the letters after the name are not part of it.
  const letters = vocab().postNominal.exec(sentence.slice(Math.max(0, end - 40), end));
  if (letters) end -= letters[0].length;
  const before = sentence.slice(0, end);
  const match = /((?:(?<![\p{L}.])\p{Lu}\p{Ll}?\. )?(?:\p{Lu}[\p{L}'’]*(?:-\p{L}[\p{L}'’]*)*)(?: (?:[a-z]+ ){0,2}(?:\p{Lu}\p{Ll}?\. )?\p{Lu}[\p{L}'’]*(?:-\p{L}[\p{L}'’]*)*){1,4})$/u.exec(before);
  if (!match) return null;
  // Drop leading words that cannot belong to a name ("On", "Yesterday" stays: rare enough).
  let start = match.index;
  let candidate = readName(sentence, start);
  while (!candidate || candidate.end !== end) {
    const nextSpace = sentence.indexOf(' ', start);
    if (nextSpace < 0 || nextSpace >= end) return null;
    start = nextSpace + 1;
    candidate = readName(sentence, start);
  }
  // "Prince Faisal bin Farhan": a courtesy title read first is not part of the name.
  const courtesy = new Set(loadRoles().courtesyTitles);
  while (candidate.tokens.length > 2 && courtesy.has(candidate.tokens[0])) {
    const first = candidate.tokens[0];
    const tokens = candidate.tokens.slice(1);
    const startAt: number = candidate.start + first.length + 1;
    candidate = { name: tokens.join(' '), tokens, start: startAt, end: candidate.end };
  }
  return candidate.tokens.length >= 2 ? candidate : null;
}

export function tokensOf(name: string): string[] {
  // "Ts.Narantuya" is also "Narantuya": the patronymic's initial printed against the name.
  return name
    .split(/\s+/)
    .filter((token) => /^\p{Lu}/u.test(token))
    .flatMap((token) => {
      const initial = /^\p{Lu}\p{Ll}?\.(?=\p{Lu}\p{Ll})/u.exec(token);
      return initial ? [token, token.slice(initial[0].length)] : [token];
    });
}
