import type { RoleKind } from './types';
import { countryAt, matchCountries, resolveCountry } from './lexicon';
import { roleAt } from './roles';
import { courtesyRun, readName, readNameBackwards, type NameParse } from './names';
import type { RawMention } from './titles';
import type { Sentence, Span } from './text';

/**
 * Stage 2c, mentions without a title of their own: people listed after a plural title ("the foreign
 * ministers of A and B, X and Y"), and untitled full names next to a meeting verb.
 */

/** A plural title: "the foreign ministers", "Ministers of Foreign Affairs", "heads of state". */
const PLURAL_TITLE =
  /(?<![\p{L}])((?:(?:[Dd]eputy|[Vv]ice|[Ff]irst)\s+)?(?:[Ff]oreign\s+[Mm]inisters|[Mm]inisters\s+(?:of|for)\s+[Ff]oreign\s+[Aa]ffairs|[Pp]rime\s+[Mm]inisters|[Hh]eads\s+of\s+(?:[Ss]tate|[Gg]overnment)|[Pp]residents|[Aa]mbassadors|[Mm]inisters|(?:[Dd]eputy\s+|[Aa]ssistant\s+)?[Ss]ecretaries[\s-][Gg]eneral))(?![\p{L}])/gu;

/** "foreign ministers" → "foreign minister", "heads of state" → "head of state". */
function singularTitle(plural: string): string {
  return plural.replace(/\b(Minister|Ambassador|President|Head)s\b/giu, '$1').replace(/\b([Ss])ecretaries\b/gu, '$1ecretary');
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
 * "Türkiye - Hakan Fidan, Egypt - Dr. Badr Abdelatty, and Malaysia - Mohamad Hasan", "the Republic of
 * Belarus - Maxim Ryzhenkov, the Republic of Azerbaijan Jeyhun Bayramov", "Honduras, Eduardo Enrique
 * Reina; Colombia, Laura Sarabia": countries each followed by a name (a dash or a comma between them
 * or nothing), from `offset`.
 */
function countryNamePairs(sentence: string, offset: number, fullText: string) {
  const pairs: Array<{ country: string | null; countryText: string; name: NameParse }> = [];
  let position = offset;
  for (;;) {
    // (each country may repeat the "of": "of the Republic of Austria, Mrs. X, of the Kingdom of Thailand, Mr. Y")
    const article = /^(?:of\s+)?(?:the\s+)?/u.exec(sentence.slice(position))![0];
    const country = countryAt(sentence, position + article.length);
    if (!country?.code) break;
    const dash = /^\s*(?:[-–—]|,)?\s*/u.exec(sentence.slice(country.end))![0];
    const courtesy = courtesyRun().exec(sentence.slice(country.end + dash.length))![0];
    const name = readName(sentence, country.end + dash.length + courtesy.length, 6);
    if (!name || (name.tokens.length < 2 && !/^\s*(?:,|and\b|$|\.)/u.test(sentence.slice(name.end)))) break;
    pairs.push({ country: resolveCountry(country, fullText), countryText: sentence.slice(position + article.length, country.end), name });
    // (an envoy's seat after the name: "(residence in Beijing)")
    const seat = /^\s*\([^()]{0,60}\)/u.exec(sentence.slice(name.end));
    const nameEnd = name.end + (seat ? seat[0].length : 0);
    const separator = /^(?:\s*[,;]\s*(?:as\s+well\s+as\s+(?:with\s+)?)?(?:and\s+)?|\s+and\s+)/u.exec(sentence.slice(nameEnd));
    if (!separator) break;
    position = nameEnd + separator[0].length;
  }
  return pairs;
}

/**
 * "The foreign ministers of Denmark, Finland and Norway, Lars Løkke Rasmussen, Elina Valtonen and
 * Espen Barth Eide, met": people named without titles after a plural title that says who they are,
 * each with the country of the same place in the list (or in parentheses after the name).
 */
export function collectiveMentions(sentences: Sentence[], fullText: string): RawMention[] {
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
      // ("the Ambassadors Extraordinary and Plenipotentiary of A, X, of B, Y")
      const of = /^(?:\s+Extraordinary\s+and\s+Plenipotentiary)?\s+of\s+/u.exec(text.slice(position));
      if (of) {
        const list = countryList(text, position + of[0].length, fullText);
        if (list.codes.length) {
          codes = list.codes;
          position = list.end;
        }
      }
      if (kind === 'MINISTER' && /foreign/i.test(text.slice(Math.max(0, match.index - 10), position))) kind = 'FOREIGN_MINISTER';
      // "the Foreign Ministers of Türkiye - Hakan Fidan, Egypt - Dr. Badr Abdelatty, and Malaysia -
      // Dato' Seri Mohamad Hasan": each country with its minister.
      const pairs = of ? countryNamePairs(text, match.index + match[0].length + of[0].length, fullText) : [];
      if (pairs.length >= 2) {
        collectiveKind ??= { role: singular, kind };
        for (const pair of pairs) {
          out.push({
            sentence: sentenceIndex,
            phraseStart: pair.name.start,
            name: pair.name,
            role: `${singular.replace(/^\p{Ll}/u, (c) => c.toUpperCase())} of ${pair.countryText}`,
            roleKind: kind,
            country: pair.country,
            organisation: null,
            reference: false,
          });
        }
        continue;
      }
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
const OBJECT_VERB = /\b(?:received|met(?:\s+with)?|hosted|welcomed|with)(?:\s+(?:on|in)\s+(?:\p{Lu}\p{Ll}+\s+\d{1,2}|\d{1,2}\s+\p{Lu}\p{Ll}+|\p{Lu}\p{Ll}+day))?\s+$/u;

/**
 * In a sentence that reports a meeting, full names without a title that stand next to the verb
 * ("Jeyhun Bayramov received Kang Kymgu"). Elsewhere an untitled name is too weak a signal.
 */
/** "with France's ", "and Germany's ": a country's possessive right before a name. */
const POSSESSIVE_BEFORE = /(?:\bwith|\bby|,|\band)\s+((?:\p{Lu}[\p{L}-]*\s+){0,2}\p{Lu}[\p{L}-]*)['’]s\s+$/u;

export function untitledParticipants(
  sentences: Sentence[],
  isMeetingSentence: (index: number) => boolean,
  taken: RawMention[],
  notNames: Array<Span & { sentence: number }>,
): RawMention[] {
  const out: RawMention[] = [];
  // "The foreign ministers of the Nordic countries met ...": who the possessive-named people are.
  const leadGroup = sentences.slice(0, 2).some((sentence) => /\b(?:foreign\s+ministers|ministers\s+(?:of|for)\s+foreign\s+affairs)\b/iu.test(sentence.text));
  sentences.forEach((sentence, sentenceIndex) => {
    const text = sentence.text;
    // (a list of people joining one: "X was joined by Denmark's A, Finland's B and Sweden's C")
    const joining = /\b(?:joined|attended|accompanied)\s+by\b|\btogether\s+with\b/u.test(text);
    if (!isMeetingSentence(sentenceIndex) && !joining) return;
    const meeting = isMeetingSentence(sentenceIndex);
    const covered = (start: number) => taken.some((m) => m.sentence === sentenceIndex && m.phraseStart <= start && m.name.end > start);
    for (const word of text.matchAll(/(?<![\p{L}\p{N}'’-])\p{Lu}/gu)) {
      if (covered(word.index) || out.some((m) => m.sentence === sentenceIndex && m.name.end > word.index && m.name.start <= word.index)) continue;
      const name = readName(text, word.index);
      if (!name || name.tokens.length < 2) continue;
      if (notNames.some((span) => span.sentence === sentenceIndex && span.start < name.end && name.start < span.end)) continue;
      // "with France's Jean-Noël Barrot and Germany's Foreign Minister X": a country's possessive before
      // a name in a meeting sentence gives the person that country (and the post of the titled people
      // of the same list, when they hold one kind).
      const possessive = POSSESSIVE_BEFORE.exec(text.slice(Math.max(0, name.start - 60), name.start));
      const owner = possessive ? matchCountries(possessive[1]).find((match) => match.code && match.end === possessive[1].length) : undefined;
      const besideVerb = SUBJECT_VERB.test(text.slice(name.end)) || OBJECT_VERB.test(text.slice(0, name.start));
      if ((!besideVerb || !meeting) && !owner) continue;
      const listed = owner ? taken.filter((m) => m.sentence === sentenceIndex && m.role && m.roleKind !== 'OTHER' && m.phraseStart > name.end) : [];
      const kinds = new Set(listed.map((m) => m.roleKind));
      out.push({
        sentence: sentenceIndex,
        phraseStart: owner ? name.start - possessive![0].length : name.start,
        name,
        role: '',
        roleKind: kinds.size === 1 ? [...kinds][0] : owner && leadGroup ? 'FOREIGN_MINISTER' : 'OTHER',
        country: owner ? resolveCountry(owner, text) : null,
        organisation: null,
        reference: false,
      });
    }
  });
  return out;
}
