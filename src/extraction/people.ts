import { loadRoles } from '../reference/roles';
import { loadInitiativePatterns } from '../reference/initiatives';
import type { RoleKind } from './types';
import { countryAt, matchCities, matchCountries, resolveAmbiguous, type CountryMatch } from './lexicon';
import { atForeignMinistry, isDeputyPost, isRoleWord, nextRole, roleAt, strongerKind, type RoleMatch } from './roles';
import { escapeRegExp, foldKey, type Sentence, type Span } from './text';

/**
 * People are found from their titles: "The Minister of Foreign Affairs of the Republic of Azerbaijan,
 * Jeyhun Bayramov," / "Uzbek Foreign Minister Bakhtiyor Saidov" / "Jeyhun Bayramov, Minister of ...".
 * Once known, later surname references ("Minister Bayramov", "Saidov said") link to the same person.
 */

export interface PersonMention extends Span {
  /** Index into the release's sentence list. */
  sentence: number;
  /** Where the mention starts, title included (for "greetings of President X" checks). */
  phraseStart: number;
  /** From a title + full name rather than a surname reference. */
  full: boolean;
  /** The title as written around the name ("Minister of Foreign Affairs of Azerbaijan"), if any. */
  title?: Span;
}

export interface Person {
  id: number;
  name: string;
  role: string;
  roleKind: RoleKind;
  country: string | null;
  /** The organisation an international official speaks for, when the role names one. */
  organisation: string | null;
  mentions: PersonMention[];
  /** The role came from a surname reference only ("Minister Bayramov"): weaker than a full title. */
  roleFromReference: boolean;
  /** The post is "counterpart" of the person it was named against (see `counterpartOf`). */
  counterpartOf?: { sentence: number; start: number };
  /** "X, accompanied by Chargé d'Affaires Y": Y's id → X's id, for a Y the text gives no country. */
  accompanies?: number;
}

interface NameParse {
  name: string;
  tokens: string[];
  start: number;
  end: number;
}

interface Complement {
  preposition: string;
  country: string | null;
  organisation: string | null;
  end: number;
}

const MONTHS = new Set(['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']);
const WEEKDAYS = new Set(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']);
/** Capitalised function words and sentence openers that never start or continue a person's name. */
const NOT_NAME = new Set([
  'The', 'A', 'An', 'On', 'In', 'At', 'During', 'After', 'Before', 'Following', 'Within', 'As', 'Also', 'And',
  'But', 'Both', 'His', 'Her', 'Their', 'Its', 'This', 'That', 'These', 'Those', 'It', 'He', 'She', 'They', 'We',
  'Republic', 'Kingdom', 'State', 'Ministry', 'Embassy', 'Government', 'Parliament', 'Office', 'Mission',
  'Delegation', 'Side', 'Sides', 'Parties', 'Foreign', 'Affairs', 'Federation', 'United', 'Nations', 'Union',
  'Mr', 'Mrs', 'Ms', 'Dr', 'Prof', 'Head', 'Heads', 'Political', 'Deputy', 'Vice', 'First', 'Second', 'Special',
]);

const TOKEN = /\p{Lu}[\p{L}'’]*(?:-\p{L}[\p{L}'’]*)*/uy;
/** A middle initial inside a name ("Enrique A. Manalo"), followed by more of the name. */
const INITIAL = /^\p{Lu}\.(?:\s?\p{Lu}\.)*(?= \p{Lu})/u;
/** A regnal number that ends a name ("Abdullah II", "Mohammed VI", "Charles III"). */
const REGNAL = /^(?:X{0,3})(?:IX|IV|V?I{0,3})(?![\p{L}\p{N}])/u;

/** Words that end a role's organisation before a name that follows it without a comma. */
const ORGANISATION_END = /^(?:Organi[sz]ation|Secretariat|Council|Commission|Committee|Union|Forum|Bank|Fund|Agency|Office|Department|Ministry|Assembly|Parliament|Group|Conference|Movement|Alliance|League|Programme|Program|Institute|Centre|Center|Administration|Service|States|Nations|Community|Cooperation|Partnership|Court|Board)$/u;

function vocabularyWords() {
  const roles = loadRoles();
  const honorifics = [...roles.honorifics].sort((a, b) => b.length - a.length);
  return {
    honorificSource: honorifics.map(escapeRegExp).join('|'),
    particles: new Set(roles.nameParticles.map((p) => p.toLowerCase())),
    modifiers: [...roles.modifiers].sort((a, b) => b.length - a.length),
    headWords: new Set(loadInitiativePatterns().heads.map((head) => head.word)),
    notNameWords: new Set(roles.notNameWords),
    nationalBodyWords: new Set(roles.nationalBodyWords),
    internationalWords: new Set(roles.internationalWords),
    notAcronyms: new Set(loadInitiativePatterns().notAcronyms),
    // One-word courtesy titles ("Sheikh", "His Majesty") are not part of the name they precede.
    honorificWords: new Set(roles.honorifics.flatMap((h) => h.split(/\s+/)).filter((w) => /^\p{Lu}\p{Ll}+$/u.test(w))),
  };
}

let words: ReturnType<typeof vocabularyWords> | null = null;
function vocab() {
  words ??= vocabularyWords();
  return words;
}

function isNameToken(token: string, sentence: string, offset: number): boolean {
  if (token.length < 2) return false;
  const bare = token.replace(/['’]s$/, '');
  if (vocab().notNameWords.has(bare) || vocab().honorificWords.has(bare)) return false;
  if (bare === bare.toUpperCase()) return false; // acronyms ("OTS", "UN") are not names
  if (NOT_NAME.has(bare) || MONTHS.has(bare) || WEEKDAYS.has(bare) || isRoleWord(bare)) return false;
  if (vocab().headWords.has(bare)) return false;
  // Country words end a name; city names do not ("Sofia", "Victoria" are given names too).
  const country = countryAt(sentence, offset);
  return !(country && country.end >= offset + bare.length);
}

/** Reads a name forward from `offset`: capitalised tokens, inner particles ("bin", "van") allowed. */
export function readName(sentence: string, offset: number, maxTokens = 5): NameParse | null {
  const tokens: string[] = [];
  let position = offset;
  let end = offset;
  const particles = vocab().particles;
  while (tokens.length < maxTokens) {
    TOKEN.lastIndex = position;
    const match = TOKEN.exec(sentence);
    if (match && isNameToken(match[0], sentence, position)) {
      tokens.push(match[0]);
      end = position + match[0].length;
      const gap = /^ (?=\S)/.exec(sentence.slice(end));
      if (!gap) break;
      position = end + 1;
      continue;
    }
    if (tokens.length > 0) {
      // A middle initial counts when more of the name follows it.
      const initial = INITIAL.exec(sentence.slice(position));
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
function readNameBackwards(sentence: string, end: number): NameParse | null {
  const before = sentence.slice(0, end);
  const match = /((?:\p{Lu}[\p{L}'’]*(?:-\p{L}[\p{L}'’]*)*)(?: (?:[a-z]+ ){0,2}(?:\p{Lu}\. )?\p{Lu}[\p{L}'’]*(?:-\p{L}[\p{L}'’]*)*){1,4})$/u.exec(before);
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
  return candidate.tokens.length >= 2 ? candidate : null;
}

/** An acronym that names an organisation, not a country or a common abbreviation ("MFA"). */
function isOrganisationAcronym(acronym: string): boolean {
  if (vocab().notAcronyms.has(acronym)) return false;
  return !matchCountries(acronym).some((match) => match.start === 0 && match.end === acronym.length);
}

/**
 * "the Migration Service", "the Department of Europe": a body of a state, not an international
 * organisation. An acronym or a word of `internationalWords` makes it international.
 */
function isNationalBody(organisation: string): boolean {
  const words = organisation.replace(/\s*\([^)]*\)$/, '').split(/\s+/);
  if (words.some((word) => /^\p{Lu}[\p{Lu}\d&-]+$/u.test(word) || vocab().internationalWords.has(word))) return false;
  return words.some((word) => vocab().nationalBodyWords.has(word));
}

function resolveCountry(match: CountryMatch, fullText: string): string | null {
  if (match.ambiguous) return resolveAmbiguous(match.form, fullText);
  return match.code;
}

/** A country form that ends right before `end` ("Uzbek Foreign Minister", "Korea's Ambassador"). */
function countryBefore(sentence: string, end: number, fullText: string): { code: string; start: number } | null {
  const before = sentence.slice(0, end);
  const matches = matchCountries(before).filter((match) => match.code && /^\s*$/.test(before.slice(match.end)));
  const last = matches[matches.length - 1];
  if (!last) return null;
  // "between Azerbaijan and Korea" does not qualify the title after it; a bare name or demonym right
  // before the title does.
  const code = resolveCountry(last, fullText);
  return code ? { code, start: last.start } : null;
}

/** "The Uzbek delegation was led by <title>", "the Azerbaijani delegation by <title>". */
function delegationCountry(sentence: string, roleStart: number, fullText: string): string | null {
  const before = sentence.slice(0, roleStart);
  const clause = /(?:^|[,;]\s*(?:and\s+)?|\band\s+)((?:the\s+)?[^,;]{0,60}?)\s+(?:delegation|side|team)\s+(?:was\s+|is\s+)?(?:(?:led|headed)\s+)?by\s+(?:the\s+)?$/iu.exec(before);
  if (!clause) return null;
  const countries = matchCountries(clause[1]).filter((match) => match.code);
  const last = countries[countries.length - 1];
  return last ? resolveCountry(last, fullText) : null;
}

/**
 * The text before a title without the articles and modifiers that belong to it
 * ("received Ulanbek Toktomushev, the newly appointed " → "received Ulanbek Toktomushev,").
 */
function leftOfRole(text: string, roleStart: number): { rest: string; modifier: string | null } {
  let rest = text.slice(0, roleStart).trimEnd();
  let modifier: string | null = null;
  for (;;) {
    const article = /(?:^|\s)(?:the|a|an)$/i.exec(rest);
    if (article) {
      rest = rest.slice(0, article.index).trimEnd();
      continue;
    }
    const found = vocab().modifiers.find((candidate) => new RegExp(`(?:^|\\s)${escapeRegExp(candidate)}$`, 'i').test(rest));
    if (!found) return { rest, modifier };
    modifier ??= found;
    rest = rest.slice(0, rest.length - found.length).trimEnd();
  }
}

/** "of the Republic of Korea", "to Azerbaijan", "of the Organization of Turkic States", ... */
function readComplements(sentence: string, from: number, fullText: string): Complement[] {
  const out: Complement[] = [];
  let position = from;
  for (;;) {
    const head = /^\s+(of|to|in|at|for)\s+(?:the\s+)?/iu.exec(sentence.slice(position));
    if (!head) break;
    const target = position + head[0].length;
    const preposition = head[1].toLowerCase();
    const country = countryAt(sentence, target);
    if (country?.code && !/^[-–]\p{L}/u.test(sentence.slice(country.end))) {
      out.push({ preposition, country: resolveCountry(country, fullText), organisation: null, end: country.end });
      position = country.end;
      continue;
    }
    const run = /^\p{Lu}[\p{L}'’-]*(?:\s+(?:(?:of|for|and|the|on|in|de|to)\s+)*[\p{Lu}\d][\p{L}'’\d-]*)*(?:\s*\(\p{Lu}[\p{Lu}\d&-]+\))?/u.exec(sentence.slice(target));
    if (!run) break;
    let text = run[0];
    // A comma after the run closes the complement only when a full name follows it; otherwise the
    // run itself ends with the name ("for Enlargement Marta Kos, the ministry said").
    const afterRun = /^\s*,\s*/.exec(sentence.slice(target + text.length));
    const nameAfterComma = afterRun ? readName(sentence, target + text.length + afterRun[0].length) : null;
    const followedByComma = Boolean(afterRun) && (nameAfterComma?.tokens.length ?? 0) >= 2;
    if (!followedByComma) {
      // No comma: the run may end with the person's name; keep it up to its last organisation word.
      const runWords = text.replace(/\s*\([^)]*\)$/, '').split(/\s+/);
      let cut = -1;
      runWords.forEach((word, index) => {
        if (ORGANISATION_END.test(word)) cut = index;
      });
      // Without one, a run of three or more words is a place and a two-word name ("for Central Asia Terhi Hakala").
      if (cut < 0 && runWords.length >= 3 && runWords.slice(-2).every((word) => /^\p{Lu}/u.test(word))) cut = runWords.length - 3;
      // "of the International Committee of the Red Cross." goes on past its organisation word with a
      // complement; with the clause ending there, no name hides in the run.
      if (cut >= 0 && cut < runWords.length - 1 && /^\p{Ll}/u.test(runWords[cut + 1]) && /^\s*(?:[.;:)]|$)/u.test(sentence.slice(target + text.length))) {
        cut = runWords.length - 1;
      }
      if (cut < 0) break;
      text = runWords.slice(0, cut + 1).join(' ');
    }
    // A country inside the organisation's name only counts after "of" ("Department of Europe of the
    // Ministry of Foreign Affairs of Azerbaijan"), not in a compound ("Korea-Central Asia Forum").
    const inner = matchCountries(text).filter((match) => match.code && /\bof\s+(?:the\s+)?$/.test(text.slice(0, match.start)) && !/^[-–]\p{L}/u.test(text.slice(match.end)));
    const innerCountry = inner.length ? resolveCountry(inner[inner.length - 1], fullText) : null;
    out.push({ preposition, country: innerCountry, organisation: innerCountry ? null : text, end: target + text.length });
    position = target + text.length;
    if (!followedByComma) break;
  }
  return out;
}

interface RawMention {
  sentence: number;
  phraseStart: number;
  name: NameParse;
  role: string | null;
  roleKind: RoleKind | null;
  country: string | null;
  organisation: string | null;
  /** A surname after a bare title ("Minister Bayramov"). */
  reference: boolean;
  /** "his Turkish counterpart X": the post is that of the other person in the sentence. */
  counterpart?: boolean;
  title?: Span;
}

function mentionsWithTitles(sentences: Sentence[], fullText: string): RawMention[] {
  const out: RawMention[] = [];
  const { honorificSource } = vocab();
  const honorific = new RegExp(`^(?:(?:${honorificSource})\\s+)+`, 'u');
  sentences.forEach((sentence, sentenceIndex) => {
    const text = sentence.text;
    let from = 0;
    for (;;) {
      const role: RoleMatch | null = nextRole(text, from);
      if (!role) break;
      let kind = role.kind;
      let roleEnd = role.end;
      let bare = role.bare;
      // "Deputy Prime Minister and Minister of Foreign Affairs of ..."
      const and = /^\s+and\s+/.exec(text.slice(roleEnd));
      if (and) {
        const second = roleAt(text, roleEnd + and[0].length);
        if (second) {
          kind = strongerKind(kind, second.kind);
          roleEnd = second.end;
          bare = false;
        }
      }
      const complements = readComplements(text, roleEnd, fullText);
      const phraseEnd = complements.length ? complements[complements.length - 1].end : roleEnd;
      if (complements.length) bare = false;

      const { rest: beforeRole, modifier } = leftOfRole(text, role.start);
      const leftCountry = countryBefore(text, beforeRole.length, fullText);
      let roleStart = leftCountry ? leftCountry.start : role.start;
      let roleText = text.slice(roleStart, phraseEnd).trim();
      if (modifier && /^(?:acting|interim)$/i.test(modifier)) roleText = `${modifier} ${roleText}`;

      let country = complements.find((c) => c.preposition === 'of' && c.country)?.country ?? leftCountry?.code ?? null;
      let organisation = complements.find((c) => c.organisation)?.organisation ?? null;
      // "ICRC Head of Delegation", "the UNHCR Representative": an organisation's acronym before the title.
      const acronymBefore = leftCountry ? null : /(?:^|\s)(\p{Lu}[\p{Lu}\d&]{1,9})$/u.exec(beforeRole);
      if (acronymBefore && isOrganisationAcronym(acronymBefore[1]) && kind !== 'AMBASSADOR') {
        organisation = acronymBefore[1];
        kind = 'INTERNATIONAL_OFFICIAL';
        roleStart = beforeRole.length - acronymBefore[1].length;
        roleText = text.slice(roleStart, phraseEnd).trim();
      }
      // "Head of the ICRC Delegation": the acronym inside the title names the organisation.
      const acronymInside = kind === 'INTERNATIONAL_OFFICIAL' && !organisation ? /\s(\p{Lu}[\p{Lu}\d&]{1,9})\s/u.exec(role.text) : null;
      if (acronymInside && isOrganisationAcronym(acronymInside[1])) organisation = acronymInside[1];
      if (kind === 'OFFICIAL' && isDeputyPost(role.text) && atForeignMinistry(roleText)) kind = 'DEPUTY_FOREIGN_MINISTER';
      if (!country) country = delegationCountry(text, roleStart, fullText);
      // An organisation that is a state body ("the State Migration Service") keeps the post national.
      if (!country && organisation && kind !== 'AMBASSADOR' && kind !== 'DIPLOMAT' && !isNationalBody(organisation)) kind = 'INTERNATIONAL_OFFICIAL';
      if (kind === 'INTERNATIONAL_OFFICIAL' && organisation) country = null;

      // The name after the title: ", Name," or " Name" (a lone surname only straight after a bare title).
      let name: NameParse | null = null;
      let reference = false;
      const gap = /^(\s*,\s*|\s+)/.exec(text.slice(phraseEnd));
      if (gap) {
        let nameStart = phraseEnd + gap[0].length;
        const title = honorific.exec(text.slice(nameStart));
        if (title) nameStart += title[0].length;
        const parsed = readName(text, nameStart);
        if (parsed && parsed.tokens.length >= 2) name = parsed;
        else if (parsed && bare && !leftCountry && !gap[0].includes(',')) {
          name = parsed;
          reference = true;
        } else if (parsed && /^\s*(?:[,.;:]|$|\s+\p{Ll})/u.test(text.slice(parsed.end))) {
          // A qualified title before one word ("Foreign Minister of Indonesia Sugiono held ...") names
          // a person known by one name.
          name = parsed;
        }
      }
      // "King Abdullah II of Jordan", "President Emmanuel Macron of France": the country after the name.
      let titleEnd = phraseEnd;
      if (name && !country && !reference) {
        const of = /^\s+of\s+(?:the\s+)?/u.exec(text.slice(name.end));
        const after = of ? countryAt(text, name.end + of[0].length) : null;
        if (after?.code && !/^[-–]\p{L}/u.test(text.slice(after.end))) {
          country = resolveCountry(after, fullText);
          if (kind === 'INTERNATIONAL_OFFICIAL' && !organisation) kind = role.kind;
          roleText = `${roleText} of ${after.text.replace(/['’]s$/, '')}`;
          titleEnd = after.end;
        }
      }
      // Or before it: "Jeyhun Bayramov, Minister of Foreign Affairs of ..., received", "Aidar
      // Kenzhebayev, Kazakhstan's Ambassador to Hungary, met".
      const beforePhrase = leftCountry ? leftOfRole(text, leftCountry.start).rest : beforeRole;
      if (!name && beforePhrase.endsWith(',')) {
        const closesAfter = /^\s*(?:,|$|\.|;|\(|\s+(?:who|and|on|at|in|during|has|had|have|was|were|is|said|received|met|held|noted|paid|visited|attended|presented|discussed|expressed|stated|thanked|informed|briefed|welcomed|hosted|signed|called|spoke|took|participated|arrived|handed|delivered|emphasi[sz]ed|stressed|highlighted|underlined|conveyed)\b)/u;
        if (closesAfter.test(text.slice(phraseEnd))) name = readNameBackwards(text, beforePhrase.length - 1);
      }
      if (name) {
        out.push({
          sentence: sentenceIndex,
          phraseStart: Math.min(roleStart, name.start),
          name,
          role: roleText,
          roleKind: kind,
          country,
          organisation: kind === 'INTERNATIONAL_OFFICIAL' ? organisation : null,
          reference,
          title: { start: roleStart, end: titleEnd },
        });
        from = Math.max(titleEnd, name.end);
      } else {
        from = Math.max(phraseEnd, role.end);
      }
    }
    // "his Portuguese counterpart Paulo Rangel": the post is the other person's, the country the adjective's.
    const counterpart = new RegExp(
      `\\b(?:his|her|their)\\s+((?:[\\p{Lu}][\\p{L}'’-]*\\s+){0,3})(${loadRoles().counterpartWords.map(escapeRegExp).join('|')})(?:,\\s*|\\s+)`,
      'gu',
    );
    for (const match of text.matchAll(counterpart)) {
      const parsed = readName(text, match.index + match[0].length);
      if (!parsed || parsed.tokens.length < 2) continue;
      if (out.some((m) => m.sentence === sentenceIndex && m.name.start === parsed.start)) continue;
      const adjective = matchCountries(match[1]).find((m) => m.code);
      out.push({
        sentence: sentenceIndex,
        phraseStart: match.index,
        name: parsed,
        role: match[0].replace(/^(?:his|her|their)\s+/u, '').replace(/[,\s]+$/u, ''),
        roleKind: 'OTHER',
        country: adjective ? resolveCountry(adjective, fullText) : null,
        organisation: null,
        reference: false,
        counterpart: true,
      });
    }
    // "Mr. Morita informed ...": a courtesy title is as good as a role for a reference.
    const honorificNames = new RegExp(`(?<![\\p{L}])(?:${honorificSource})\\s+(?=\\p{Lu})`, 'gu');
    for (const match of text.matchAll(honorificNames)) {
      const parsed = readName(text, match.index + match[0].length);
      if (!parsed) continue;
      if (out.some((m) => m.sentence === sentenceIndex && m.name.start === parsed.start)) continue;
      out.push({
        sentence: sentenceIndex,
        phraseStart: match.index,
        name: parsed,
        role: null,
        roleKind: null,
        country: null,
        organisation: null,
        reference: parsed.tokens.length === 1,
      });
    }
  });
  return out;
}

function tokensOf(name: string): string[] {
  return name.split(/\s+/).filter((token) => /^\p{Lu}/u.test(token));
}

/**
 * "the Mongolian minister was received by ...", "the Deputy Prime Minister held talks ...": a title
 * with "the" and no name refers to the one person named before with that title (and that country,
 * when an adjective gives one). Only an unambiguous match counts.
 */
function linkDefiniteTitles(sentences: Sentence[], people: Person[], fullText: string): void {
  sentences.forEach((sentence, sentenceIndex) => {
    const text = sentence.text;
    for (let role = nextRole(text, 0); role; role = nextRole(text, role.end)) {
      const current = role;
      const covered = people.some((p) => p.mentions.some((m) => m.sentence === sentenceIndex && m.phraseStart <= current.start && m.end >= current.end));
      if (covered || !current.bare) continue;
      const before = text.slice(0, current.start);
      const definite = /\b(?:the|The)\s+((?:\p{Lu}[\p{L}'’-]*\s+)?)$/u.exec(before);
      if (!definite) continue;
      // A name right after the title makes it a titled mention, handled elsewhere.
      if (/^\s+\p{Lu}\p{Ll}/u.test(text.slice(current.end)) && !/^\s+(?:The|On|In)\b/u.test(text.slice(current.end))) continue;
      const adjective = definite[1] ? matchCountries(definite[1]).find((match) => match.code) : undefined;
      const country = adjective ? resolveCountry(adjective, fullText) : null;
      if (definite[1] && !adjective) continue;
      const title = current.text.toLowerCase();
      const candidates = people.filter(
        (person) =>
          person.mentions.some((m) => m.sentence < sentenceIndex || (m.sentence === sentenceIndex && m.start < current.start)) &&
          (person.role.toLowerCase().includes(title) || person.roleKind === current.kind) &&
          (!country || person.country === country),
      );
      if (candidates.length !== 1) continue;
      candidates[0].mentions.push({ sentence: sentenceIndex, start: current.start, end: current.end, phraseStart: definite.index, full: false });
    }
  });
}

/** A plural title: "the foreign ministers", "Ministers of Foreign Affairs", "heads of state". */
const PLURAL_TITLE =
  /(?<![\p{L}])((?:(?:[Dd]eputy|[Vv]ice|[Ff]irst)\s+)?(?:[Ff]oreign\s+[Mm]inisters|[Mm]inisters\s+(?:of|for)\s+[Ff]oreign\s+[Aa]ffairs|[Pp]rime\s+[Mm]inisters|[Hh]eads\s+of\s+(?:[Ss]tate|[Gg]overnment)|[Pp]residents|[Aa]mbassadors|[Mm]inisters))(?![\p{L}])/gu;

/** "foreign ministers" → "foreign minister", "heads of state" → "head of state". */
function singularTitle(plural: string): string {
  return plural.replace(/\b(Minister|Ambassador|President|Head)s\b/giu, '$1');
}

/** "Denmark, Finland, Iceland and Sweden" from `offset`: the countries in order, and where the list ends. */
function countryList(sentence: string, offset: number, fullText: string): { codes: string[]; end: number } {
  const codes: string[] = [];
  let position = offset;
  let end = offset;
  for (;;) {
    const article = /^(?:the\s+)?/u.exec(sentence.slice(position))![0];
    const match = countryAt(sentence, position + article.length);
    if (!match?.code) break;
    codes.push(resolveCountry(match, fullText) ?? match.code);
    end = match.end;
    const separator = /^(?:\s*,\s*(?:and\s+)?|\s+and\s+)/u.exec(sentence.slice(end));
    if (!separator) break;
    position = end + separator[0].length;
  }
  return { codes, end };
}

/**
 * "The foreign ministers of Denmark, Finland and Norway, Lars Løkke Rasmussen, Elina Valtonen and
 * Espen Barth Eide, met": people named without titles after a plural title that says who they are,
 * each with the country of the same place in the list (or in parentheses after the name).
 */
function collectiveMentions(sentences: Sentence[], fullText: string): RawMention[] {
  const out: RawMention[] = [];
  // The first plural title of the release ("The Baltic foreign ministers met"): who the people of a
  // later "A (Estonia), B (Latvia) and C (Lithuania)" list are.
  let collectiveKind: { role: string; kind: RoleKind } | null = null;
  for (const sentence of sentences.slice(0, 2)) {
    for (const match of sentence.text.matchAll(PLURAL_TITLE)) {
      const singular = singularTitle(match[1]);
      const role = roleAt(singular, 0);
      if (!role || role.end !== singular.length || collectiveKind) continue;
      const foreign = role.kind === 'MINISTER' && /foreign/i.test(sentence.text.slice(Math.max(0, match.index - 10), match.index + match[0].length));
      collectiveKind = { role: singular, kind: foreign ? 'FOREIGN_MINISTER' : role.kind };
    }
  }
  sentences.forEach((sentence, sentenceIndex) => {
    // "Margus Tsahkna (Estonia), Baiba Braže (Latvia) and Kęstutis Budrys (Lithuania)".
    const listed: RawMention[] = [];
    for (const paren of sentence.text.matchAll(/\s\((?:the\s+)?/gu)) {
      const inside = countryAt(sentence.text, paren.index + paren[0].length);
      if (!inside?.code || !/^\s*\)/u.test(sentence.text.slice(inside.end))) continue;
      const name = readNameBackwards(sentence.text, paren.index);
      if (!name) continue;
      listed.push({
        sentence: sentenceIndex,
        phraseStart: name.start,
        name,
        role: collectiveKind ? collectiveKind.role.replace(/^\p{Ll}/u, (c) => c.toUpperCase()) : '',
        roleKind: collectiveKind?.kind ?? 'OTHER',
        country: resolveCountry(inside, fullText),
        organisation: null,
        reference: false,
      });
    }
    if (listed.length >= 2) out.push(...listed);
    const text = sentence.text;
    for (const match of text.matchAll(PLURAL_TITLE)) {
      const singular = singularTitle(match[1]);
      const role = roleAt(singular, 0);
      if (!role || role.end !== singular.length) continue;
      let kind = role.kind;
      // "The Danish, Finnish and Swedish foreign ministers": the countries before the title.
      const before = text.slice(0, match.index);
      const adjectives = /((?:\p{Lu}[\p{L}'’-]*(?:\s*,\s*|\s+and\s+|,\s+and\s+))+\p{Lu}[\p{L}'’-]*)\s+$/u.exec(before);
      let codes = adjectives
        ? matchCountries(adjectives[1]).filter((m) => m.code).map((m) => resolveCountry(m, fullText) ?? m.code!)
        : [];
      let position = match.index + match[0].length;
      const of = /^\s+of\s+/u.exec(text.slice(position));
      if (of) {
        const list = countryList(text, position + of[0].length, fullText);
        if (list.codes.length) {
          codes = list.codes;
          position = list.end;
        }
      }
      if (kind === 'MINISTER' && /foreign/i.test(text.slice(Math.max(0, match.index - 10), position))) kind = 'FOREIGN_MINISTER';
      // The names: ", A, B and C" (or " A, B and C"), each maybe with "(Country)" after it.
      const names: Array<{ name: NameParse; country: string | null }> = [];
      let cursor = position;
      for (;;) {
        const separator = names.length === 0 ? /^(?:\s*,\s*|\s+)/u : /^(?:\s*,\s*(?:and\s+)?|\s+and\s+)/u;
        const gap = separator.exec(text.slice(cursor));
        if (!gap) break;
        const parsed = readName(text, cursor + gap[0].length, 6);
        if (!parsed || parsed.tokens.length < 2) break;
        let country: string | null = null;
        let end = parsed.end;
        const paren = /^\s*\((?:the\s+)?/u.exec(text.slice(end));
        if (paren) {
          const inside = countryAt(text, end + paren[0].length);
          if (inside?.code && /^\s*\)/u.test(text.slice(inside.end))) {
            country = resolveCountry(inside, fullText);
            end = text.indexOf(')', inside.end) + 1;
          }
        }
        names.push({ name: parsed, country });
        cursor = end;
      }
      if (names.length < 2) continue;
      const inOrder = codes.length === names.length;
      collectiveKind ??= { role: singular, kind };
      names.forEach(({ name, country }, index) => {
        out.push({
          sentence: sentenceIndex,
          phraseStart: name.start,
          name,
          role: singular.replace(/^\p{Ll}/u, (c) => c.toUpperCase()),
          roleKind: kind,
          country: country ?? (inOrder ? codes[index] : null),
          organisation: null,
          reference: false,
        });
      });
    }
  });
  return out;
}

/** Verbs next to which an untitled full name is a participant: "Jeyhun Bayramov received Kang Kymgu". */
const SUBJECT_VERB = /^\s+(?:and\s+\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)*\s+)?(?:received|met|hosted|welcomed|held|had|spoke|paid|chaired)\b/u;
const OBJECT_VERB = /\b(?:received|met(?:\s+with)?|hosted|welcomed|with)\s+$/u;

/**
 * In a sentence that reports a meeting, full names without a title that stand next to the verb
 * ("Jeyhun Bayramov received Kang Kymgu"). Elsewhere an untitled name is too weak a signal.
 */
function untitledParticipants(
  sentences: Sentence[],
  isMeetingSentence: (index: number) => boolean,
  taken: RawMention[],
  notNames: Array<Span & { sentence: number }>,
): RawMention[] {
  const out: RawMention[] = [];
  sentences.forEach((sentence, sentenceIndex) => {
    if (!isMeetingSentence(sentenceIndex)) return;
    const text = sentence.text;
    const covered = (start: number) => taken.some((m) => m.sentence === sentenceIndex && m.phraseStart <= start && m.name.end > start);
    for (const word of text.matchAll(/(?<![\p{L}\p{N}'’-])\p{Lu}/gu)) {
      if (covered(word.index) || out.some((m) => m.sentence === sentenceIndex && m.name.end > word.index && m.name.start <= word.index)) continue;
      const name = readName(text, word.index);
      if (!name || name.tokens.length < 2) continue;
      if (notNames.some((span) => span.sentence === sentenceIndex && span.start < name.end && name.start < span.end)) continue;
      const besideVerb = SUBJECT_VERB.test(text.slice(name.end)) || OBJECT_VERB.test(text.slice(0, name.start));
      if (!besideVerb) continue;
      out.push({ sentence: sentenceIndex, phraseStart: name.start, name, role: '', roleKind: 'OTHER', country: null, organisation: null, reference: false });
    }
  });
  return out;
}

/** Finds every person in the release, their titles, countries and all their mentions. */
export function findPeople(
  sentences: Sentence[],
  fullText: string,
  isMeetingSentence: (index: number) => boolean = () => false,
  /** Spans that are names of something else (initiatives): never a person. */
  notNames: Array<Span & { sentence: number }> = [],
): Person[] {
  const people: Person[] = [];
  const byToken = (token: string): Person | undefined => {
    const key = foldKey(token);
    return (
      people.find((person) => foldKey(tokensOf(person.name).slice(-1)[0] ?? '') === key) ??
      people.find((person) => tokensOf(person.name).some((t) => foldKey(t) === key))
    );
  };

  const titled = [...mentionsWithTitles(sentences, fullText)];
  for (const mention of collectiveMentions(sentences, fullText)) {
    if (!titled.some((m) => m.sentence === mention.sentence && m.name.start < mention.name.end && mention.name.start < m.name.end)) titled.push(mention);
  }
  const raw = [...titled, ...untitledParticipants(sentences, isMeetingSentence, titled, notNames)].sort(
    (a, b) => a.sentence - b.sentence || a.name.start - b.name.start,
  );
  // Full names first, so a surname reference earlier in the text still finds its person.
  const ordered = [...raw.filter((m) => m.name.tokens.length >= 2), ...raw.filter((m) => m.name.tokens.length < 2)];
  for (const mention of ordered) {
    const full = mention.name.tokens.length >= 2 || (!mention.reference && mention.role !== null);
    let person = full
      ? people.find((candidate) => foldKey(candidate.name) === foldKey(mention.name.name))
      : byToken(mention.name.tokens[0]);
    // A lone surname nobody names in full is not enough for a person ("Minister Delegate", "Mr. Someone").
    if (!person && (mention.role === null || !full)) continue;
    if (!person) {
      person = {
        id: people.length,
        name: mention.name.name,
        role: mention.role ?? '',
        roleKind: mention.roleKind ?? 'OTHER',
        country: mention.country,
        organisation: mention.organisation,
        mentions: [],
        roleFromReference: mention.reference,
        counterpartOf: mention.counterpart ? { sentence: mention.sentence, start: mention.phraseStart } : undefined,
      };
      people.push(person);
    } else if (mention.role && (person.roleFromReference || !person.role) && !mention.reference) {
      person.role = mention.role;
      person.roleKind = mention.roleKind ?? person.roleKind;
      person.roleFromReference = false;
    }
    if (!person.country && mention.country) person.country = mention.country;
    if (!person.organisation && mention.organisation) person.organisation = mention.organisation;
    person.mentions.push({
      sentence: mention.sentence,
      start: mention.name.start,
      end: mention.name.end,
      phraseStart: mention.phraseStart,
      full: !mention.reference,
      title: mention.title,
    });
  }

  // Bare mentions of known people: "Nurtleu noted", "Fidan and Meredov discussed", "Jeyhun Bayramov".
  sentences.forEach((sentence, sentenceIndex) => {
    for (const person of people) {
      const forms = [person.name, ...tokensOf(person.name).filter((token) => token.length >= 3 && byToken(token) === person)];
      for (const form of forms) {
        const pattern = new RegExp(`(?<![\\p{L}\\p{N}'’-])${escapeRegExp(form)}(?![\\p{L}\\p{N}-])`, 'gu');
        for (const match of sentence.text.matchAll(pattern)) {
          const span = { start: match.index, end: match.index + match[0].length };
          const covered = people.some((p) =>
            p.mentions.some((m) => m.sentence === sentenceIndex && m.start <= span.start && m.end >= span.end),
          );
          if (covered) continue;
          person.mentions.push({ sentence: sentenceIndex, ...span, phraseStart: span.start, full: form === person.name });
        }
      }
    }
  });
  linkDefiniteTitles(sentences, people, fullText);
  for (const person of people) person.mentions.sort((a, b) => a.sentence - b.sentence || a.start - b.start);
  // "Minister X, accompanied by Chargé d'Affaires Y," / "X was accompanied by Y": Y is of X's side.
  for (const person of people) {
    if (person.country) continue;
    for (const mention of person.mentions) {
      const text = sentences[mention.sentence].text;
      const cues = [...text.slice(0, mention.phraseStart).matchAll(/\b(?:accompanied\s+by|together\s+with|and\s+(?:his|her)\s+delegation,?\s+including)\s+/gu)];
      const cue = cues[cues.length - 1];
      if (!cue) continue;
      const between = (m: PersonMention) => m.sentence === mention.sentence && m.start >= cue.index && m.start < mention.start;
      if (people.some((other) => other !== person && other.mentions.some(between))) continue;
      let anchor: { id: number; end: number } | null = null;
      for (const other of people) {
        if (other === person) continue;
        for (const m of other.mentions) {
          if (m.sentence === mention.sentence && m.end <= cue.index && (!anchor || m.end > anchor.end)) anchor = { id: other.id, end: m.end };
        }
      }
      if (anchor) {
        person.accompanies = anchor.id;
        break;
      }
    }
  }
  // A counterpart holds the post of the titled person named before it in the same sentence.
  for (const person of people) {
    const anchor = person.counterpartOf;
    if (!anchor) continue;
    const other = people.find(
      (candidate) =>
        candidate !== person &&
        !candidate.counterpartOf &&
        candidate.mentions.some((m) => m.sentence === anchor.sentence && m.start < anchor.start),
    );
    if (other) person.roleKind = other.roleKind;
  }
  return people;
}
