import { ministrySpans } from './issuer';
import { loadRoles } from '../reference/roles';
import type { RoleKind } from './types';
import { WORD_END, WORD_START, escapeRegExp, phraseSource } from './text';

/**
 * The role vocabulary compiled into one matcher. Deputy prefixes are expanded here ("First Vice" +
 * "Minister of Foreign Affairs") so the data lists each post once.
 */

export interface RoleMatch {
  start: number;
  end: number;
  text: string;
  kind: RoleKind;
  /** True for a bare title that can stand before a surname ("Minister", "Ambassador"). */
  bare: boolean;
}

interface CompiledRole {
  source: string;
  /** For `{portfolio}` phrases only: the others are looked up by their literal key. */
  whole: RegExp | null;
  key: string | null;
  kind: RoleKind;
  /** The letters its first word starts with, lower-cased (`openerLetters`). */
  opener: string | null;
  rank: number;
}

interface RoleMatcher {
  /**
   * The sticky matchers holding only the alternatives that can start with a given run of letters
   * (lower-cased), built on first use (`matchersFor`): tried only where a word that can open a role
   * starts (scanning with them is far too slow), and at that place only the phrases whose first word
   * is the word there can match.
   */
  byOpener: Map<string, OpenerMatchers>;
  /** The deputy prefixes, longest first: each one's pattern source and opener (`openerLetters`). */
  prefixes: Array<{ source: string; opener: string | null }>;
  /** The whole alternation of phrases, ranked: what may follow a deputy prefix. */
  phrases: string;
  /** Every non-null opener of the phrases and prefixes. */
  openerLetterSet: Set<string>;
  /** Lower-case first words of every role phrase and prefix. */
  openers: Set<string>;
  entries: CompiledRole[];
  byKey: Map<string, CompiledRole>;
  /** Capitalised words of role phrases: they end a name ("Minister" is never part of one). */
  roleWords: Set<string>;
}

interface OpenerMatchers {
  /** The phrases as listed, and a deputy prefix followed by a phrase. */
  plain: RegExp | null;
  /**
   * The listed phrases without `{portfolio}` ones: a portfolio phrase ranks first in `plain` but may
   * match less ("Minister {portfolio}" reads "Minister of State" where "Minister of State for Foreign
   * Affairs" is listed); the longer of the two readings wins.
   */
  literal: RegExp | null;
  prefixed: RegExp | null;
}

let matcher: RoleMatcher | null = null;

/**
 * The run of letters a phrase's first word starts with, lower-cased, which the text must hold at the
 * place it matches (each phrase goes on with a space, a hyphen, an apostrophe or a word end); null
 * when the phrase does not open with a letter ("{acronym} Representative").
 */
function openerLetters(phrase: string): string | null {
  return /^\p{L}+/u.exec(phrase.trim())?.[0].toLowerCase() ?? null;
}

/** An organisation's acronym inside a title ("ICRC", "UNHCR", "IOM"). */
export const ACRONYM_SOURCE = '\\p{Lu}[\\p{Lu}\\d&]{1,9}';

/** Which kind a deputy of a post has. */
export function deputyKind(kind: RoleKind): RoleKind {
  switch (kind) {
    case 'FOREIGN_MINISTER':
    case 'DEPUTY_FOREIGN_MINISTER':
      return 'DEPUTY_FOREIGN_MINISTER';
    case 'INTERNATIONAL_OFFICIAL':
      return 'INTERNATIONAL_OFFICIAL';
    case 'AMBASSADOR':
    case 'DIPLOMAT':
      return 'DIPLOMAT';
    default:
      return 'OFFICIAL';
  }
}

/** For "Deputy Prime Minister and Minister of Foreign Affairs": the post the release is about wins. */
const KIND_PRIORITY: RoleKind[] = [
  'FOREIGN_MINISTER',
  'DEPUTY_FOREIGN_MINISTER',
  'HEAD_OF_STATE',
  'HEAD_OF_GOVERNMENT',
  'INTERNATIONAL_OFFICIAL',
  'AMBASSADOR',
  'MINISTER',
  'DIPLOMAT',
  'OFFICIAL',
  'OTHER',
];

export function strongerKind(a: RoleKind, b: RoleKind): RoleKind {
  return KIND_PRIORITY.indexOf(a) <= KIND_PRIORITY.indexOf(b) ? a : b;
}

function literalKey(text: string): string {
  return text.toLowerCase().replace(/’/g, "'").replace(/[\s\-–]+/g, ' ').trim();
}

/**
 * Each word with its first letter in either case ("foreign minister" in running text), without the
 * `i` flag: a case-folding Unicode regex of this size takes seconds to compile.
 */
function caseTolerant(phrase: string): string {
  return phraseSource(phrase).replace(/(^|\\s\+|\[-–\]|\['’\])(\p{L})/gu, (_, sep: string, letter: string) =>
    letter.toLowerCase() === letter.toUpperCase() ? sep + letter : `${sep}[${letter.toUpperCase()}${letter.toLowerCase()}]`,
  );
}

function build(): RoleMatcher {
  const vocabulary = loadRoles();
  // A portfolio is a list of segments, each ending in a portfolio word ("African Cooperation",
  // "Moroccan Expatriates"): a name after it without a comma is never swallowed, as names do not end
  // in "Affairs" or "Trade".
  const portfolioWord = `(?:${vocabulary.portfolioWords.map(escapeRegExp).join('|')})`;
  // "of the Foreign Ministry" is a body, not a portfolio: a portfolio word never runs into one.
  const segment = `(?:\\p{Lu}[\\p{L}'’-]*\\s+){0,2}${portfolioWord}(?!\\s+(?:Ministry|Ministries|Department|Office|Service|Agency|Committee|Commission|Council)\\b)`;
  const portfolioSource = `\\s+(?:of|for|in\\s+charge\\s+of|responsible\\s+for)\\s+(?:the\\s+)?${segment}(?:(?:\\s*,\\s*|\\s+and\\s+)${segment})*`;
  const entries: CompiledRole[] = [];
  for (const { phrase, kind } of vocabulary.phrases) {
    const hasPortfolio = phrase.includes('{portfolio}');
    // `{acronym}` stands for an organisation's acronym inside the title ("Head of the ICRC Delegation").
    const hasAcronym = phrase.includes('{acronym}');
    const literal = phrase.replace(/\s*\{portfolio\}/, '');
    const source =
      literal
        .split('{acronym}')
        .map((part) => (part.trim() ? caseTolerant(part.trim()) : ''))
        .join(`\\s+${ACRONYM_SOURCE}\\s+`)
        .replace(/^\\s\+|\\s\+$/g, '') + (hasPortfolio ? portfolioSource : '');
    entries.push({
      source,
      whole: hasPortfolio || hasAcronym ? new RegExp(`^(?:${source})$`, 'u') : null,
      key: hasPortfolio || hasAcronym ? null : literalKey(literal),
      kind,
      opener: openerLetters(literal),
      // A portfolio makes a phrase longer than its letters suggest; rank it above plain phrases of the same head.
      rank: literal.length + (hasPortfolio ? 30 : 0),
    });
  }
  entries.sort((a, b) => b.rank - a.rank);
  const prefixes = [...vocabulary.deputyPrefixes]
    .sort((a, b) => b.length - a.length)
    .map((prefix) => ({ source: caseTolerant(prefix.replace(/-$/, '')), opener: openerLetters(prefix) }));
  const openers = new Set<string>();
  for (const { phrase } of vocabulary.phrases) openers.add(phrase.split(/[\s-]+/)[0].toLowerCase());
  for (const prefix of vocabulary.deputyPrefixes) openers.add(prefix.split(/[\s-]+/)[0].toLowerCase());
  const roleWords = new Set<string>();
  for (const { phrase } of vocabulary.phrases) {
    for (const word of phrase.replace('{portfolio}', '').replace('{acronym}', '').split(/\s+/)) {
      if (/^\p{Lu}/u.test(word) && word.length > 2) roleWords.add(word.replace(/['’].*$/, ''));
    }
  }
  for (const prefix of vocabulary.deputyPrefixes) for (const word of prefix.split(/[\s-]+/)) if (word) roleWords.add(word);
  for (const word of vocabulary.nameWords) roleWords.delete(word);
  const byKey = new Map<string, CompiledRole>();
  for (const entry of entries) if (entry.key && !byKey.has(entry.key)) byKey.set(entry.key, entry);
  return {
    byOpener: new Map(),
    prefixes,
    phrases: entries.map((entry) => entry.source).join('|'),
    openerLetterSet: new Set([...entries, ...prefixes].map((item) => item.opener).filter((letters): letters is string => letters !== null)),
    openers,
    entries,
    byKey,
    roleWords,
  };
}

function compiled(): RoleMatcher {
  matcher ??= build();
  return matcher;
}

function kindOf(text: string): RoleKind | null {
  const { entries, byKey } = compiled();
  const kind = byKey.get(literalKey(text))?.kind ?? entries.find((candidate) => candidate.whole?.test(text))?.kind ?? null;
  // "Minister of Foreign Affairs, Emigration and Egyptian Expatriates", "Cabinet Secretary for Foreign
  // and Diaspora Affairs": a portfolio that names foreign affairs makes a foreign minister.
  // (a minister of state's "Minister of State, Foreign Affairs" is the deputy's post, as Nigeria writes it)
  if (kind === 'MINISTER' && /\bForeign\b/.test(text)) return /^Minister\s+of\s+State\s*,/u.test(text) ? 'DEPUTY_FOREIGN_MINISTER' : 'FOREIGN_MINISTER';
  // "Minister for Europe, North America and Overseas Territories", "Minister for the Middle East and North
  // Africa": a foreign ministry's junior minister for a region of the world (the FCDO's).
  if (kind === 'MINISTER') {
    const portfolio = /^Minister\s+(?:for|of)\s+(?:the\s+)?(.+)$/u.exec(text)?.[1];
    const words = portfolio?.split(/[\s,]+/u).filter(Boolean) ?? [];
    const { regionWords } = loadRoles();
    if (words.some((word) => regionWords.includes(word)) && words.every((word) => regionWords.includes(word) || /^(?:and|the|of|Overseas|Territories|Commonwealth|Indo-Pacific)$/u.test(word))) return 'DEPUTY_FOREIGN_MINISTER';
  }
  return kind;
}

const DEPUTY_POST =
  /^(?:(?:First|Second|Acting)\s+)?(?:(?:Deputy|Vice|Assistant)[\s-]+(?!Prime\b)(?:Minister|Secretary)|Under[\s-]?Secretary|State\s+Secretary|Minister\s+of\s+State|Parliamentary\s+(?:State\s+)?Secretary)\b/iu;

/** A deputy's post: deputy and vice ministers, undersecretaries, state secretaries. */
export function isDeputyPost(text: string): boolean {
  return DEPUTY_POST.test(text.trim());
}

let foreignWords: RegExp | null = null;
/** The portfolio (after "for"/"of") names a foreign ministry's work ("Bilateral Relations", "Consular Affairs"). */
export function hasForeignPortfolio(text: string): boolean {
  foreignWords ??= new RegExp(`\\s(?:for|of|in\\s+charge\\s+of)\\s.*${WORD_START}(?:${loadRoles().foreignPortfolioWords.map(escapeRegExp).join('|')})${WORD_END}`, 'u');
  return foreignWords.test(text);
}

/**
 * "Deputy Minister ... of the Ministry of Foreign Affairs", "... of the Ministry of Foreign and European
 * Affairs": a post at a foreign ministry, any of the names of ministries.yaml (or "Ministry of Foreign
 * Relations", which is not one of them).
 */
export function atForeignMinistry(roleText: string): boolean {
  return ministrySpans(roleText).length > 0 || /\bMinistry\s+of\s+Foreign\s+Relations\b/u.test(roleText);
}

function toMatch(text: string, start: number, viaPrefix: boolean): RoleMatch {
  let kind = kindOf(text);
  if (!kind && viaPrefix) {
    // "First Vice Minister of Foreign Affairs": the post after the prefix decides, as its deputy.
    const inner = /^(?:\S+[\s-]+){1,2}?(.+)$/u;
    let rest = text;
    while (!kind) {
      const next = inner.exec(rest);
      if (!next || next[1] === rest) break;
      rest = next[1];
      const innerKind = kindOf(rest);
      if (innerKind) kind = deputyKind(innerKind);
    }
  }
  // "Deputy Minister for Bilateral Relations", "Undersecretary for Multilateral Affairs": a deputy post
  // whose portfolio is a foreign ministry's is a deputy foreign minister.
  if (kind === 'OFFICIAL' && isDeputyPost(text) && hasForeignPortfolio(text)) kind = 'DEPUTY_FOREIGN_MINISTER';
  // A title with nothing after it ("Minister", "Ambassador", "Vice Minister") can precede a surname.
  const bare = !/\s(?:of|for|to)\s/i.test(text);
  return { start, end: start + text.length, text, kind: kind ?? 'OTHER', bare };
}

/** The first role phrase at or after `from`, longest at its place. */
export function nextRole(sentence: string, from = 0): RoleMatch | null {
  const { openers } = compiled();
  const words = /(?<![\p{L}\p{N}])[\p{L}][\p{L}'’]*/gu;
  words.lastIndex = from;
  for (let word = words.exec(sentence); word; word = words.exec(sentence)) {
    if (!openers.has(word[0].toLowerCase())) continue;
    const match = roleAt(sentence, word.index);
    if (match) return match;
  }
  return null;
}

/** The role phrase starting exactly at `offset`, if any: the longer of the listed and the prefixed reading. */
export function roleAt(sentence: string, offset: number): RoleMatch | null {
  if (offset > 0 && /[\p{L}\p{N}]/u.test(sentence[offset - 1])) return null;
  // The stages ask about the same places of the same sentence several times: the role alternation
  // is long, so answers are kept for the last sentences read.
  let answers = roleCache.get(sentence);
  if (!answers) {
    if (roleCache.size >= ROLE_CACHE_SIZE) roleCache.delete(roleCache.keys().next().value as string);
    answers = new Map();
    roleCache.set(sentence, answers);
  }
  if (answers.has(offset)) return answers.get(offset)!;
  const answer = roleAtNow(sentence, offset);
  answers.set(offset, answer);
  return answer;
}

const ROLE_CACHE_SIZE = 64;
const roleCache = new Map<string, Map<number, RoleMatch | null>>();

/**
 * The three matchers narrowed to the alternatives that can start with `letters` (and those that do not
 * open with a letter), in the same order, so each answers as the whole alternation would at a place
 * where those letters start.
 */
function matchersFor(word: string): OpenerMatchers {
  const m = compiled();
  // Letters no phrase opens with share one entry (only the phrases that open with no letter), so the
  // map holds at most one entry per opener, whatever text it reads.
  const letters = m.openerLetterSet.has(word) ? word : '';
  let found = m.byOpener.get(letters);
  if (found) return found;
  const fits = (item: { opener: string | null }) => item.opener === null || item.opener === letters;
  const plain = m.entries.filter(fits).map((entry) => entry.source);
  const literal = m.entries.filter((entry) => entry.key !== null && fits(entry)).map((entry) => entry.source);
  const prefixes = m.prefixes.filter(fits).map((prefix) => prefix.source);
  found = {
    plain: plain.length ? new RegExp(`(?:${plain.join('|')})${WORD_END}`, 'uy') : null,
    literal: literal.length ? new RegExp(`(?:${literal.join('|')})${WORD_END}`, 'uy') : null,
    prefixed: prefixes.length ? new RegExp(`(?:${prefixes.join('|')})[\\s-]+(?:${m.phrases})${WORD_END}`, 'uy') : null,
  };
  m.byOpener.set(letters, found);
  return found;
}

const LETTERS = /\p{L}+/uy;

function stickyAt(pattern: RegExp | null, sentence: string, offset: number): RegExpExecArray | null {
  if (!pattern) return null;
  pattern.lastIndex = offset;
  return pattern.exec(sentence);
}

function roleAtNow(sentence: string, offset: number): RoleMatch | null {
  // (at a place no letter starts, only the phrases that open with no letter can match: matchersFor(''))
  LETTERS.lastIndex = offset;
  const { plain, literal, prefixed } = matchersFor(LETTERS.exec(sentence)?.[0].toLowerCase() ?? '');
  let listed = stickyAt(plain, sentence, offset);
  const literalMatch = listed ? stickyAt(literal, sentence, offset) : null;
  if (literalMatch && literalMatch[0].length > listed![0].length) listed = literalMatch;
  const deputy = stickyAt(prefixed, sentence, offset);
  if (deputy && (!listed || deputy[0].length > listed[0].length)) return toMatch(deputy[0], offset, true);
  return listed ? toMatch(listed[0], offset, false) : null;
}

export function isRoleWord(word: string): boolean {
  return compiled().roleWords.has(word);
}
