import { ministrySpans } from './issuer';
import { ministryNameCountry, postCountry } from '../reference/ministries';
import { loadRoles } from '../reference/roles';
import type { RoleKind } from './types';
import { countryAt, countryNamedAt, matchCountries, resolveCountry } from './lexicon';
import { isOrganisationEnd, isPortfolio, portfolioMoreEnd, readComplements } from './complements';
import { atForeignMinistry, hasForeignPortfolio, isDeputyPost, nextRole, roleAt, strongerKind, type RoleMatch } from './roles';
import { courtesyRun, readName, readNameBackwards, vocab, type NameParse } from './names';
import { countryOf, type Person } from './people';
import { escapeRegExp, PLACE_AFTER_NAME, type Sentence, type Span } from './text';

/**
 * Stage 2b/3, titles and roles: people found from their titles ("The Minister of Foreign Affairs of
 * the Republic of Azerbaijan, Jeyhun Bayramov," / "Uzbek Foreign Minister Bakhtiyor Saidov" /
 * "Jeyhun Bayramov, Minister of ..."), the title's complements ("of Korea", "to Azerbaijan", "of the
 * OSCE") resolved into a role kind, a country and an organisation.
 */

export interface RawMention {
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

/** A director of a region of the world or of protocol ("Director for the Americas and Caribbean"). */
let regionalDirector: RegExp | null = null;
function isRegionalDirector(title: string): boolean {
  const words = [...loadRoles().regionWords, 'and', 'the', 'of', 'Protocol', 'State', 'Consular', 'Affairs', 'Department', 'Division', 'Region', 'Regions', 'Countries', 'Multilateral', 'Bilateral'];
  regionalDirector ??= new RegExp(`^(?:Deputy\\s+)?(?:Director(?:[\\s-]+General)?|Head)\\s+(?:of|for)\\s+(?:the\\s+)?(?:(?:${words.map(escapeRegExp).join('|')})(?:\\s+|$))+$`, 'u');
  return regionalDirector.test(title);
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

/** The delegation whose list a title stands in: "The Lithuanian delegation included A, B and ". */
function listedIn(before: string): [string, string, string] | null {
  const cues = [...before.matchAll(/(?:^|[,;]\s*(?:and\s+)?|\band\s+)((?:the\s+)?[^,;]{0,60}?)\s+(?:delegation|side|team)(?:\s+(?:in|at|to|for|during)\s+(?:the\s+|this\s+)?[^,.;]{1,30}?)?\s+(?:also\s+)?(?:included|includes|comprised|comprises|consisted\s+of|consists\s+of|was\s+composed\s+of)\s+/giu)];
  const cue = cues[cues.length - 1];
  if (!cue) return null;
  // Only within the list: no clause of its own between the cue and the title.
  const rest = before.slice(cue.index + cue[0].length);
  if (rest.length > 400 || /[;:]|\b(?:was|were|is|are|has|have|held|met|said)\b/u.test(rest)) return null;
  return [cue[0], cue[1], ''];
}

/** "a delegation of the National Assembly of Hungary led by the Deputy Speaker, X, and including <title>": the body the delegation is of. */
function alsoIncludedIn(before: string): [string, string, string] | null {
  const match = /\bdelegation\s+(?:of|from)\s+(?:the\s+)?([^,;]{1,80}?)\s+(?:led|headed)\s+by\s+[^;]{1,160}?,?\s+and\s+(?:also\s+)?(?:including|comprising)\s+(?:the\s+)?$/u.exec(before);
  return match ? [match[0], match[1], ''] : null;
}

/** "The Uzbek delegation was led by <title>", "the Azerbaijani delegation by <title>". */
function delegationCountry(sentence: string, roleStart: number, fullText: string): string | null {
  const before = sentence.slice(0, roleStart);
  // "a delegation of the Republic of Uzbekistan led by <title>": the country after "of" or "from".
  const clause =
    // (also "... delegation to the meeting was headed by His Highness Prince ...")
    /(?:^|[,;]\s*(?:and\s+)?|\band\s+)((?:the\s+)?[^,;]{0,120}?)\s+(?:delegation|side|team)(?:\s+(?:of|from)\s+([^,;]{1,60}?))?(?:\s+(?:to|at)\s+(?:the\s+)?[\w-]+(?:\s+[\w-]+){0,3}?)?\s+(?:was\s+|is\s+)?(?:also\s+)?(?:(?:led|headed|completed|joined)\s+)?by\s+(?:the\s+)?(?:(?:HE|H\.\s?E\.|His|Her|Excellency|Highness|Royal|Prince|Princess|Sheikh|Sheikha|Hon\.?|Dr\.?|Mr\.?|Ms\.?|Mrs\.?)\s+)*$/iu.exec(before) ??
    // "The Lithuanian delegation included <title> A, <title> B and <title> C": every item of the list.
    listedIn(before) ??
    alsoIncludedIn(before);
  if (!clause) return null;
  const countries = matchCountries(`${clause[1].split(/\s+/u).slice(-3).join(' ')} ${clause[2] ?? ''}`).filter((match) => match.code);
  const last = countries[countries.length - 1];
  if (last) return resolveCountry(last, fullText);
  // "The delegation comprised <title> A": the one delegation the text gives a country to.
  return /^(?:the\s+)?$/iu.test(clause[1].trim()) ? onlyDelegation(fullText) : null;
}

/** The country of the text's one national delegation ("a delegation of the Republic of Uzbekistan", "the Kenyan delegation"). */
function onlyDelegation(fullText: string): string | null {
  const codes = new Set<string>();
  for (const phrase of fullText.matchAll(/\b((?:\p{Lu}[\p{L}'’-]+\s+){1,3})delegation\b|\bdelegation\s+(?:of|from)\s+(?:the\s+)?((?:\p{Lu}[\p{L}'’-]+\s+(?:of\s+(?:the\s+)?)?){1,4})/gu)) {
    const match = matchCountries(phrase[1] ?? phrase[2]).find((candidate) => candidate.code);
    const code = match ? resolveCountry(match, fullText) : null;
    if (code) codes.add(code);
  }
  return codes.size === 1 ? [...codes][0] : null;
}

/**
 * The text before a title without the articles and modifiers that belong to it
 * ("received Ulanbek Toktomushev, the newly appointed " → "received Ulanbek Toktomushev,").
 */
/** "... Acting" at the end of a text: one pattern per modifier, compiled once. */
const modifierPatterns = new Map<string, RegExp>();
function modifierAtEnd(candidate: string): RegExp {
  let pattern = modifierPatterns.get(candidate);
  if (!pattern) modifierPatterns.set(candidate, (pattern = new RegExp(`(?:^|\\s)${escapeRegExp(candidate)}$`, 'i')));
  return pattern;
}

function leftOfRole(text: string, roleStart: number): { rest: string; modifier: string | null } {
  let rest = text.slice(0, roleStart).trimEnd();
  let modifier: string | null = null;
  for (;;) {
    const article = /(?:^|\s)(?:the|a|an)$/i.exec(rest);
    if (article) {
      rest = rest.slice(0, article.index).trimEnd();
      continue;
    }
    const found = vocab().modifiers.find((candidate) => modifierAtEnd(candidate).test(rest));
    if (!found) return { rest, modifier };
    modifier ??= found;
    rest = rest.slice(0, rest.length - found.length).trimEnd();
  }
}

/** "Foreign Affairs, Migration and Tunisians Abroad" right before "Minister". */
const FOREIGN_PORTFOLIO_BEFORE = /(?:^|\s)(Foreign\s+Affairs(?:\s*,\s*\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*){0,2}){0,3}(?:\s*,?\s+and\s+\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*){0,2}))$/u;

/** "the head of Moroccan diplomacy, ", "Spain's top diplomat, " before a name. */
const DIPLOMACY_HEAD = /\b(?:[Hh]ead\s+of\s+(\p{Lu}[\p{L}-]+)\s+diplomacy|(\p{Lu}[\p{L}-]+(?:\s+\p{Lu}[\p{L}-]+)?)['’]s\s+top\s+diplomat),?\s+/gu;

/** ", who presented her credentials as the newly appointed ", ", who was appointed " before a post. */
const AS_POST =
  /,\s+who\s+(?:(?:[\p{L}'’-]+\s+){0,8}?as|(?:was|has\s+been|had\s+been|is)\s+(?:recently\s+|just\s+|newly\s+)?(?:appointed|named|elected|designated)(?:\s+as)?)\s+(?:the\s+|an?\s+)?(?:newly[- ]appointed\s+|new\s+|incoming\s+)?$/u;

/** "... of HE X as " before a post (the name right before "as", no comma). */
const NAME_AS_POST = /(?<=[\p{L}.])\s+as\s+(?:the\s+|an?\s+)?(?:newly[- ]appointed\s+|new\s+|incoming\s+)?$/u;

/** "a delegation of the Asian Development Bank (ADB) led by " before a title. */
const ORGANISATION_DELEGATION = /\bdelegation\s+(?:of|from)\s+the\s+((?:\p{Lu}[\p{L}'’-]*\s+(?:(?:of|for)\s+(?:the\s+)?)?){1,6})(?:\((\p{Lu}[\p{Lu}\d&]{1,9})\)\s+)?(?:was\s+)?(?:led|headed)\s+by\s+(?:the\s+)?$/u;

/** "his Azerbaijani and Turkish counterparts": compiled once (used with matchAll only, which copies it). */
let counterpartsPattern: RegExp | null = null;
/** "his Portuguese counterpart Paulo Rangel": the same. */
let counterpartPattern: RegExp | null = null;

export function mentionsWithTitles(sentences: Sentence[], fullText: string): RawMention[] {
  const out: RawMention[] = [];
  const { honorificSource } = vocab();
  // After a post, honorifics and courtesy ranks ("Ambassador", "Senator", "Datuk Seri") before the name.
  const honorific = courtesyRun();
  const counterparts = (counterpartsPattern ??= new RegExp(
    `\\b(?:his|her|their)\\s+((?:[\\p{Lu}][\\p{L}'’-]*(?:\\s*,\\s*|\\s+and\\s+|\\s+)){0,4})(${loadRoles().counterpartWords.map((word) => escapeRegExp(word) + 's').join('|')})\\b(?:[^,;.:]{0,80}?(?:,|:)\\s*|\\s+(?=\\p{Lu}))`,
    'gu',
  ));
  sentences.forEach((sentence, sentenceIndex) => {
    const text = sentence.text;
    let from = 0;
    /** Posts read with no name after them (see the chain rule below). */
    const unnamed: Array<{ start: number; end: number; kind: RoleKind; country: string | null }> = [];
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
        // (not "The Foreign Secretary and Minister Anand also discussed": two people, the second by surname)
        const twoPeople = second?.bare && /\b[Tt]he\s+$/u.test(text.slice(0, role.start)) && /^\s+\p{Lu}[\p{L}'’-]+(?!\s+\p{Lu})/u.test(text.slice(second.end));
        if (second && !twoPeople) {
          kind = strongerKind(kind, second.kind);
          roleEnd = second.end;
          bare = false;
        }
      }
      // "Minister of Foreign Affairs and Expatriates Ayman Safadi", "Minister of Foreign Affairs,
      // Foreign Employment and Tourism Vijitha Herath": more of the portfolio after the listed post.
      if (/\b(?:Affairs|Relations)$/u.test(text.slice(role.start, roleEnd))) {
        for (;;) {
          const end = portfolioMoreEnd(text, roleEnd);
          if (end === null) break;
          roleEnd = end;
          bare = false;
        }
      }
      // "Secretary (West)", "Director General (South Asia)", "Joint Secretary (Central Europe)": a
      // portfolio in brackets, as South Asian foreign ministries print it; a secretary so is the
      // ministry's deputy minister's rank (LABELLING.md), a director general its diplomat.
      const bracketed = /^\s*\((\p{Lu}[\p{L}-]*(?:\s+(?:and\s+|&\s+)?\p{Lu}[\p{L}-]*){0,3})\)/u.exec(text.slice(roleEnd));
      if (bracketed && /^(?:Secretary|(?:Joint|Additional)\s+Secretary|Director[\s-]+General|Director)$/u.test(role.text)) {
        roleEnd += bracketed[0].length;
        bare = false;
        kind = role.text === 'Secretary' ? 'DEPUTY_FOREIGN_MINISTER' : 'DIPLOMAT';
      } else if (bracketed && /\b(?:Foreign|External)\s+Affairs$/u.test(text.slice(role.start, roleEnd))) {
        // "Minister of State for Foreign Affairs (Regional Cooperation) of the Republic of Uganda": the
        // post's own portfolio in brackets, its country after it.
        roleEnd += bracketed[0].length;
        bare = false;
      }
      // "Undersecretary for Latin America and the Caribbean": a portfolio going on with "and the".
      if (/\s(?:for|of)\s/u.test(text.slice(role.start, roleEnd))) {
        const more = /^\s+and\s+the\s+(\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*){0,2})(?=\s*,|\s+\p{Lu}|\s*$)/u.exec(text.slice(roleEnd));
        if (more && more[1].split(/\s+/u).every((word) => loadRoles().portfolioWords.includes(word))) {
          roleEnd += more[0].length;
          bare = false;
        }
      }
      const complements = readComplements(text, roleEnd, fullText);
      const phraseEnd = complements.length ? complements[complements.length - 1].end : roleEnd;
      if (complements.length) bare = false;

      let { rest: beforeRole, modifier } = leftOfRole(text, role.start);
      // "Foreign Affairs, Migration and Tunisians Abroad Minister X": a foreign portfolio written before
      // "Minister" is the foreign minister's post.
      const portfolioBefore = role.text === 'Minister' ? FOREIGN_PORTFOLIO_BEFORE.exec(beforeRole) : null;
      if (portfolioBefore) {
        kind = 'FOREIGN_MINISTER';
        bare = false;
        beforeRole = beforeRole.slice(0, beforeRole.length - portfolioBefore[1].length).trimEnd();
      }
      // "Foreign Affairs State Secretary X": a junior post of the foreign ministry written after its portfolio.
      const foreignBefore =
        /^(?:State\s+Secretary|Secretary\s+of\s+State|Deputy\s+Minister|Vice[\s-]+Minister|Under[\s-]?Secretary(?:\s+of\s+State)?)$/iu.test(role.text) ? /(?:^|\s)(Foreign\s+Affairs)$/u.exec(beforeRole) : null;
      if (foreignBefore && (kind === 'OFFICIAL' || kind === 'OTHER' || kind === 'DEPUTY_FOREIGN_MINISTER')) {
        kind = 'DEPUTY_FOREIGN_MINISTER';
        beforeRole = beforeRole.slice(0, beforeRole.length - foreignBefore[1].length).trimEnd();
      }
      const leftCountry = countryBefore(text, beforeRole.length, fullText);
      let roleStart = leftCountry ? leftCountry.start : role.start;
      let roleText = text.slice(roleStart, phraseEnd).trim();
      if (modifier && /^(?:acting|interim)$/i.test(modifier)) roleText = `${modifier} ${roleText}`;

      let country = complements.find((c) => (c.preposition === 'of' || c.preposition === 'at') && c.country)?.country ?? leftCountry?.code ?? null;
      let organisation = complements.find((c) => c.organisation)?.organisation ?? null;
      // "ICRC Head of Delegation", "the UNHCR Representative": an organisation's acronym before the title.
      const acronymBefore = leftCountry ? null : /(?:^|\s)(\p{Lu}[\p{Lu}\d&]{1,9})$/u.exec(beforeRole);
      if (acronymBefore && isOrganisationAcronym(acronymBefore[1]) && kind !== 'AMBASSADOR') {
        organisation = acronymBefore[1];
        kind = 'INTERNATIONAL_OFFICIAL';
        roleStart = beforeRole.length - acronymBefore[1].length;
        roleText = text.slice(roleStart, phraseEnd).trim();
      }
      // "the European Union Special Representative for Central Asia X": an international organisation's
      // name before the title.
      const organisationBefore = leftCountry || organisation ? null : /(?:^|\s)((?:European|African)\s+Union|United\s+Nations|Council\s+of\s+Europe)$/u.exec(beforeRole);
      if (organisationBefore && kind !== 'AMBASSADOR') {
        organisation = organisationBefore[1];
        kind = 'INTERNATIONAL_OFFICIAL';
        roleStart = beforeRole.length - organisationBefore[1].length;
        roleText = text.slice(roleStart, phraseEnd).trim();
      }
      // "Head of the ICRC Delegation": the acronym inside the title names the organisation.
      const acronymInside = kind === 'INTERNATIONAL_OFFICIAL' && !organisation ? /\s(\p{Lu}[\p{Lu}\d&]{1,9})\s/u.exec(role.text) : null;
      if (acronymInside && isOrganisationAcronym(acronymInside[1])) organisation = acronymInside[1];
      if (kind === 'OFFICIAL' && isDeputyPost(role.text) && (atForeignMinistry(roleText) || hasForeignPortfolio(roleText))) kind = 'DEPUTY_FOREIGN_MINISTER';
      // "Deputy Minister of Foreign Affairs and Foreign Employment": a foreign ministry's deputy, its
      // portfolio running on.
      if (kind === 'OFFICIAL' && /^(?:Deputy|Vice)[\s-]+Minister\s+(?:of|for)\s+Foreign\s+Affairs\b/u.test(roleText)) kind = 'DEPUTY_FOREIGN_MINISTER';
      // "Director of the Second CIS Department of the Russian Foreign Ministry", "Director of the
      // Asia-Pacific Department" (the ministry's own): a foreign ministry's directors are diplomats.
      if (
        (kind === 'OFFICIAL' || kind === 'OTHER') &&
        /^(?:(?:Deputy\s+)?Director(?:[\s-]+General)?|[Hh]ead|Chief)\s+(?:of|for)\s+(?:the\s+)?/u.test(roleText) &&
        (atForeignMinistry(roleText) ||
          // "of the Ministry", unqualified: in a foreign ministry's release, that ministry
          /\b(?:of|at)\s+the\s+(?:foreign\s+)?[Mm]inistry$/u.test(roleText) ||
          // "Director General of the Office of the Vice Minister": the minister's own office
          /\bOffice\s+of\s+the\s+(?:(?:Vice|Deputy|Foreign)\s+)?Minister\b/u.test(roleText) ||
          (/\b(?:Department|Directorate|Bureau)\b/u.test(roleText) && !/\bMinistry\b/u.test(roleText)))
      ) {
        kind = 'DIPLOMAT';
      }
      // "head of the Federal Department of Foreign Affairs": a ministry only one country has.
      if (!country && kind !== 'INTERNATIONAL_OFFICIAL') {
        country = ministrySpans(roleText).map((span) => ministryNameCountry(roleText.slice(span.start, span.end))).find(Boolean) ?? null;
      }
      // "External Affairs Minister", "Federal Foreign Minister": a post only one country has
      // (ministries.yaml posts); not the releasing ministry's own minister written in full, whose
      // country the release gives (the issuer).
      if (!country && kind === 'FOREIGN_MINISTER' && !/^Minister\s/u.test(role.text.trim())) country = postCountry(role.text);
      // "Chief Director for Africa in the Ghanaian Ministry": the ministry's country.
      if (!country && kind !== 'INTERNATIONAL_OFFICIAL') {
        const body = /\b(?:in|at)\s+the\s+(\p{Lu}[\p{L}'’-]+)\s+(?:Foreign\s+)?(?:Ministry|Department|Foreign\s+Office)\b/u.exec(roleText);
        const owner = body ? matchCountries(body[1]).find((match) => match.code && match.end === body[1].length) : undefined;
        if (owner) country = resolveCountry(owner, fullText);
      }
      if (!country) country = delegationCountry(text, roleStart, fullText);
      // "a delegation of the Asian Development Bank (ADB) led by Vice-President for Operations X": an
      // organisation's delegation is led by one of its officials.
      if (!country && !organisation && (kind === 'OFFICIAL' || kind === 'OTHER')) {
        const led = ORGANISATION_DELEGATION.exec(text.slice(Math.max(0, roleStart - 160), roleStart));
        const body = led?.[1].trim() ?? '';
        if (led && body.split(/\s+/u).some(isOrganisationEnd) && !matchCountries(body).some((match) => match.code)) {
          kind = 'INTERNATIONAL_OFFICIAL';
          organisation = led[2] ?? body;
        }
      }
      // An organisation that is a state body ("the State Migration Service") keeps the post national.
      // A post in a foreign ministry's department ("Director of the Department of Asia of the Ministry of
      // Foreign Affairs") is a diplomat's.
      const inForeignMinistry = organisation !== null && ministrySpans(organisation).length > 0;
      // A deputy's post there ("State Secretary of the Ministry of Foreign and European Affairs") is a deputy foreign minister's.
      if (inForeignMinistry && kind === 'OFFICIAL' && isDeputyPost(role.text)) kind = 'DEPUTY_FOREIGN_MINISTER';
      // A foreign ministry's secretary-general, permanent or principal secretary: its top civil servant,
      // a deputy minister's rank (test/fixtures/LABELLING.md).
      // ("of the Ministry", unqualified, in a foreign ministry's release: that ministry)
      // ("of the Austrian Federal Ministry for European and International Affairs": a ministry read as its country)
      if (
        (inForeignMinistry || /\b(?:of|within|at|in)\s+the\s+(?:foreign\s+)?[Mm]inistry$/u.test(roleText) || atForeignMinistry(roleText)) &&
        /^(?:Secretary[\s-]+General|Permanent\s+Secretary|Principal\s+Secretary)$/iu.test(role.text)
      )
        kind = 'DEPUTY_FOREIGN_MINISTER';
      if (inForeignMinistry && (kind === 'OFFICIAL' || kind === 'OTHER' || kind === 'INTERNATIONAL_OFFICIAL')) kind = 'DIPLOMAT';
      // "Director General for Economic Diplomacy": a director of a ministry's portfolio, not of an
      // organisation; a foreign ministry's when the portfolio is (see roles.yaml foreignPortfolioWords).
      const forPortfolio =
        complements.length === 1 && complements[0].preposition === 'for' ? text.slice(roleEnd, complements[0].end).replace(/^\s+for\s+(?:the\s+)?/u, '') : '';
      if (
        (kind === 'OFFICIAL' || kind === 'INTERNATIONAL_OFFICIAL') &&
        /^(?:Deputy\s+)?Director[\s-]+General$/iu.test(role.text) &&
        forPortfolio !== '' &&
        isPortfolio(forPortfolio.split(/\s+/u))
      ) {
        kind = hasForeignPortfolio(` for ${forPortfolio}`) ? 'DIPLOMAT' : 'OFFICIAL';
        organisation = null;
      }
      if (!country && organisation && kind !== 'AMBASSADOR' && kind !== 'DIPLOMAT' && !isNationalBody(organisation)) kind = 'INTERNATIONAL_OFFICIAL';
      // "Secretary-General of the Ministry of Water and Irrigation": an organisation's post held at a state body.
      else if (kind === 'INTERNATIONAL_OFFICIAL' && organisation && isNationalBody(organisation)) kind = 'OFFICIAL';
      // "Executive Director of the Mexican Agency for International Development Cooperation": a body
      // its country's name opens is that country's.
      else if (kind === 'INTERNATIONAL_OFFICIAL' && !organisation && country && complements.some((c) => c.preposition === 'of' && c.country)) kind = 'OFFICIAL';
      // "Director of Protocol", "Director of Sub-Saharan Africa", "Director for the Americas and
      // Caribbean": a director of a region of the world or of protocol is a foreign ministry's diplomat.
      if ((kind === 'OFFICIAL' || kind === 'OTHER' || kind === 'INTERNATIONAL_OFFICIAL') && isRegionalDirector(text.slice(role.start, phraseEnd).trim())) {
        kind = 'DIPLOMAT';
        organisation = null;
      }
      // "the Secretary General for International Economic Relations and Openness": an international
      // organisation's secretary general is "of" it; one "for" a portfolio is a ministry's (Greece, Spain),
      // a deputy minister's rank at a foreign ministry (LABELLING.md).
      if (
        kind === 'INTERNATIONAL_OFFICIAL' &&
        /^Secretary[\s-]+General$/iu.test(role.text) &&
        complements.length > 0 &&
        complements.every((c) => c.preposition === 'for' && !c.country) &&
        !/\b(?:Organi[sz]ation|Union|Council|Nations|Community|Association|League|Forum|Conference|Bank|Fund|Agency)\b/u.test(roleText)
      ) {
        kind = 'DEPUTY_FOREIGN_MINISTER';
        organisation = null;
      }
      // "The Secretary-General of Foreign Affairs, Ambassador X" (Brazil's), "Foreign Ministry Secretary
      // General X": a foreign ministry's secretary general, a deputy minister's rank (LABELLING.md).
      if (
        (kind === 'INTERNATIONAL_OFFICIAL' || kind === 'OFFICIAL') &&
        /^Secretary[\s-]+General$/iu.test(role.text) &&
        (/^Secretary[\s-]+General\s+of\s+(?:the\s+)?Foreign\s+(?:Affairs|Relations)$/iu.test(text.slice(role.start, phraseEnd).trim()) ||
          (!complements.length && /\b(?:Foreign\s+(?:Affairs\s+)?Ministry|Ministry\s+of\s+Foreign\s+Affairs|MFA|MOFA|MoFA)\s*$/u.test(beforeRole)))
      ) {
        kind = 'DEPUTY_FOREIGN_MINISTER';
        organisation = null;
      }
      // "the Permanent Secretary, Dr X", "Foreign Affairs Principal Secretary X": the ministry's top civil
      // servant, a deputy minister's rank (LABELLING.md).
      if ((kind === 'OFFICIAL' || kind === 'OTHER') && /^(?:Permanent|Principal)\s+(?:State\s+)?Secretary$/u.test(role.text) && (bare || /\bForeign\s+Affairs\s*$/u.test(beforeRole))) kind = 'DEPUTY_FOREIGN_MINISTER';
      if (kind === 'INTERNATIONAL_OFFICIAL' && organisation) country = null;
      // "Joint Secretary at the Ministry of Culture, Tourism and Civil Aviation": a civil servant of
      // another ministry than the foreign one.
      // So is a "Secretary of State at the Ministry of Development and Technology" (Poland's state secretaries).
      if ((kind === 'DEPUTY_FOREIGN_MINISTER' || kind === 'DIPLOMAT' || kind === 'FOREIGN_MINISTER') && /\b(?:at|of|in)\s+the\s+(?:\p{Lu}[\p{L}-]+\s+)?Ministry\s+(?:of|for)\s+\p{Lu}/u.test(roleText) && !atForeignMinistry(roleText) && !hasForeignPortfolio(roleText)) {
        kind = 'OFFICIAL';
      }

      // The name after the title: ", Name," or " Name" (a lone surname only straight after a bare title).
      let name: NameParse | null = null;
      let reference = false;
      // (an envoy's seat may come between: "Ambassador of X to Y, resident in Vienna, Name")
      const gap = /^(\s*\(\p{Lu}{2,6}\)\s*,?\s*|\s*,?\s+with\s+residence\s+in\s+\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)?\s*,\s*|\s*,\s*(?:resident|based)\s+in\s+\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)?\s*,\s*|\s*\((?:with\s+)?(?:residence|resident|based|seat)\s+in\s+[^)]{1,40}\)\s*,?\s*|\s*,\s*|\s+)/u.exec(text.slice(phraseEnd));
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
        // "includes A, State Secretary of ..., B, Director General of ...": in a list of names each
        // followed by its post, the post after a comma belongs to the name before it.
        if (name && gap[0].includes(',') && beforeRole.trimEnd().endsWith(',')) {
          const next = /^\s*,\s*/u.exec(text.slice(name.end));
          if (next && roleAt(text, name.end + next[0].length) && readNameBackwards(text, beforeRole.trimEnd().length - 1)) name = null;
        }
      }
      // "the Principal Secretary, State Department for Foreign Affairs, Dr. Korir Sing'Oei": the post's
      // body between commas, then the name.
      if (!name && !complements.length) {
        const body = /^\s*,\s*((?:the\s+)?\p{Lu}[\p{L}'’-]*(?:\s+(?:(?:for|of|and|the|on)\s+)*\p{Lu}[\p{L}'’-]*){1,7})\s*,\s*/u.exec(text.slice(phraseEnd));
        if (body && /\b(?:Department|Ministry|Office|Agency|Directorate|Service|Secretariat|Bureau)\b/u.test(body[1])) {
          let nameStart = phraseEnd + body[0].length;
          const title = honorific.exec(text.slice(nameStart));
          if (title) nameStart += title[0].length;
          const parsed = readName(text, nameStart);
          if (parsed && parsed.tokens.length >= 2) {
            name = parsed;
            roleText = `${roleText}, ${body[1]}`;
            if ((kind === 'OFFICIAL' || kind === 'OTHER' || kind === 'INTERNATIONAL_OFFICIAL') && /\bForeign\s+Affairs\b|\bForeign\s+Ministry\b/u.test(body[1])) {
              kind = /^(?:Principal|Permanent)\s+Secretary|^Secretary[\s-]+General/u.test(role.text) || isDeputyPost(role.text) ? 'DEPUTY_FOREIGN_MINISTER' : 'DIPLOMAT';
            }
          }
        }
      }
      // "to King Charles Street", "at the Queen Sirikit National Convention Center": a place named after
      // someone is no person.
      if (name && PLACE_AFTER_NAME.test(text.slice(name.end))) name = null;
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
        const closesAfter = /^\s*(?:,|$|\.|;|\(|\s+(?:who|and|on|at|in|during|with|resident|based|today|yesterday|also|then|has|had|have|was|were|is|said|received|met|held|noted|paid|visited|attended|presented|discussed|expressed|stated|thanked|informed|briefed|welcomed|hosted|signed|called|spoke|took|participated|arrived|handed|delivered|emphasi[sz]ed|stressed|highlighted|underlined|conveyed)\b)/u;
        if (closesAfter.test(text.slice(phraseEnd))) name = readNameBackwards(text, beforePhrase.length - 1);
      }
      // "received Dewi Kartika Sari, who presented her credentials as the newly appointed Ambassador
      // of the Republic of Indonesia": the post of a relative clause is the name's before it.
      const relative = name ? null : AS_POST.exec(text.slice(Math.max(0, roleStart - 200), roleStart));
      if (relative) name = readNameBackwards(text, Math.max(0, roleStart - 200) + relative.index);
      // "a copy of the credentials of HE Tran Duc Thinh as Ambassador Extraordinary and Plenipotentiary
      // of ...": the post a name is presented as.
      const presentedAs = name || relative ? null : NAME_AS_POST.exec(text.slice(Math.max(0, roleStart - 40), roleStart));
      if (presentedAs) {
        const named = readNameBackwards(text, Math.max(0, roleStart - 40) + presentedAs.index);
        if (named && named.tokens.length >= 2) name = named;
      }
      // "... delegation was headed by His Highness Prince X, Minister of Foreign Affairs": the name
      // before the title stands where the delegation's leader does.
      if (name && !country && name.start < roleStart && kind !== 'INTERNATIONAL_OFFICIAL') country = delegationCountry(text, name.start, fullText);
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
        unnamed.push({ start: roleStart, end: phraseEnd, kind, country });
        from = Math.max(phraseEnd, role.end);
      }
    }
    // "Minister of State for Foreign Affairs, Cabinet Member and Climate Envoy Adel Al-Jubeir": posts in
    // a row before one name are all that person's; the one the release is about wins.
    for (const post of unnamed) {
      const next = out.find((m) => m.sentence === sentenceIndex && m.title && m.title.start > post.end && /^(?:\s*,\s*|\s+and\s+)(?:\p{Lu}[\p{L}'’-]*\s+|and\s+)*$/u.test(text.slice(post.end, m.title.start)));
      if (!next?.roleKind) continue;
      next.roleKind = strongerKind(next.roleKind, post.kind);
      next.country ??= post.country;
      next.role = text.slice(post.start, next.title!.end).trim();
      next.phraseStart = Math.min(next.phraseStart, post.start);
      next.title = { start: post.start, end: next.title!.end };
    }
    // "his Portuguese counterpart Paulo Rangel": the post is the other person's, the country the adjective's.
    const counterpart = (counterpartPattern ??= new RegExp(
      `\\b(?:his|her|their)\\s+(?:(?:new|newly[ -]appointed|incoming)\\s+)?((?:[\\p{Lu}][\\p{L}'’-]*\\s+){0,3})(${loadRoles().counterpartWords.map(escapeRegExp).join('|')})(?:\\s+(?:from|of)\\s+(?:the\\s+)?(?=\\p{Lu}))?`,
      'gu',
    ));
    for (const match of text.matchAll(counterpart)) {
      // "his counterpart from the Lao People's Democratic Republic, Saleumxay Kommasith": the country after it.
      const from = /(?:from|of)\s+(?:the\s+)?$/u.test(match[0]) ? countryNamedAt(text, match.index + match[0].length) : null;
      if (/(?:from|of)\s+(?:the\s+)?$/u.test(match[0]) && !from?.code) continue;
      const gap = /^(?:,\s*|\s+)/u.exec(text.slice(from ? from.end : match.index + match[0].length));
      if (!gap) continue;
      const nameFrom = (from ? from.end : match.index + match[0].length) + gap[0].length;
      // "his Senegalese counterpart, H.E. Yassine Fall": the courtesy title is not part of the name.
      const courtesyTitle = honorific.exec(text.slice(nameFrom));
      const parsed = readName(text, nameFrom + (courtesyTitle ? courtesyTitle[0].length : 0));
      if (!parsed || parsed.tokens.length < 2) continue;
      const adjective = from ?? matchCountries(match[1]).find((m) => m.code);
      // Named with a title of its own too ("..., H.E. Yassine Fall, Minister of African Integration and
      // Foreign Affairs"): that mention stands, with the adjective's country where it gives none.
      const titledAlready = out.find((m) => m.sentence === sentenceIndex && m.name.start === parsed.start);
      if (titledAlready) {
        if (!titledAlready.country && adjective && titledAlready.roleKind !== 'INTERNATIONAL_OFFICIAL') titledAlready.country = resolveCountry(adjective, fullText);
        continue;
      }
      out.push({
        sentence: sentenceIndex,
        phraseStart: match.index,
        name: parsed,
        role: text.slice(match.index, from ? from.end : match.index + match[0].length).replace(/^(?:his|her|their)\s+/u, '').replace(/[,\s]+$/u, ''),
        roleKind: 'OTHER',
        country: adjective ? resolveCountry(adjective, fullText) : null,
        organisation: null,
        reference: false,
        counterpart: true,
      });
    }
    // "welcomed his counterparts from the Caspian states, Jeyhun Bayramov of Azerbaijan, Abbas Araghchi
    // of Iran and Rashid Meredov of Turkmenistan": each holds the post of the person named before,
    // with the country after the name (or in parentheses).
    for (const match of text.matchAll(counterparts)) {
      const listed: RawMention[] = [];
      // "his Azerbaijani and Georgian counterparts, A and B" (or "... counterparts A and B"): the
    // countries before, in order.
      const adjectives = matchCountries(match[1]).filter((m) => m.code);
      let cursor = match.index + match[0].length;
      for (;;) {
        const courtesyTitle = honorific.exec(text.slice(cursor));
        const parsed = readName(text, cursor + (courtesyTitle ? courtesyTitle[0].length : 0));
        if (!parsed || parsed.tokens.length < 2) break;
        const of = /^\s+of\s+(?:the\s+)?|^\s*\((?:the\s+)?/u.exec(text.slice(parsed.end));
        const after = of ? countryAt(text, parsed.end + of[0].length) : null;
        const country = after?.code ? after : adjectives.length >= 2 ? adjectives[listed.length] : null;
        if (!country?.code) break;
        listed.push({
          sentence: sentenceIndex,
          phraseStart: parsed.start,
          name: parsed,
          role: match[2].replace(/s$/u, ''),
          roleKind: 'OTHER',
          country: resolveCountry(country, fullText),
          organisation: null,
          reference: false,
          counterpart: true,
        });
        const end = country !== after ? parsed.end : of![0].includes('(') ? text.indexOf(')', country.end) + 1 : country.end;
        const separator = /^(?:\s*,\s*(?:and\s+)?|\s+and\s+)/u.exec(text.slice(end));
        if (end <= 0 || !separator) break;
        cursor = end + separator[0].length;
      }
      if (listed.length < 2) continue;
      for (const mention of listed) {
        if (!out.some((m) => m.sentence === sentenceIndex && m.name.start === mention.name.start)) out.push(mention);
      }
    }
    // "the head of Moroccan diplomacy, Nasser Bourita", "Spain's top diplomat, José Manuel Albares": the
    // foreign minister, written as agencies write it.
    for (const match of text.matchAll(DIPLOMACY_HEAD)) {
      const countryText = match[1] ?? match[2];
      const owner = matchCountries(countryText).find((m) => m.code && m.end === countryText.length);
      if (!owner) continue;
      const start = match.index + match[0].length;
      const parsed = readName(text, start + honorific.exec(text.slice(start))![0].length);
      if (!parsed || parsed.tokens.length < 2 || out.some((m) => m.sentence === sentenceIndex && m.name.start === parsed.start)) continue;
      out.push({
        sentence: sentenceIndex,
        phraseStart: match.index,
        name: parsed,
        role: match[0].replace(/[,\s]+$/u, ''),
        roleKind: 'FOREIGN_MINISTER',
        country: resolveCountry(owner, fullText),
        organisation: null,
        reference: false,
        title: { start: match.index, end: start },
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

/** The person the release opens with (first named in its lead sentence), if among `candidates`. */
function leadOf(people: Person[], candidates: Person[]): Person | undefined {
  const start = (person: Person) => person.mentions.find((mention) => mention.sentence === 0)?.start ?? Number.MAX_SAFE_INTEGER;
  const lead = [...people].sort((a, b) => start(a) - start(b))[0];
  return lead && start(lead) < Number.MAX_SAFE_INTEGER && candidates.includes(lead) ? lead : undefined;
}

/**
 * "the Mongolian minister was received by ...", "the Deputy Prime Minister held talks ...": a title
 * with "the" and no name refers to the one person named before with that title (and that country,
 * when an adjective gives one). Only an unambiguous match counts.
 */
export function linkDefiniteTitles(sentences: Sentence[], people: Person[], fullText: string): void {
  sentences.forEach((sentence, sentenceIndex) => {
    const text = sentence.text;
    for (let role = nextRole(text, 0); role; role = nextRole(text, role.end)) {
      const current = role;
      const covered = people.some((p) => p.mentions.some((m) => m.sentence === sentenceIndex && m.phraseStart <= current.start && m.end >= current.end));
      // (a full post too, "the Minister of State for Foreign Affairs also met", where someone was named in it)
      if (covered || (!current.bare && !people.some((person) => person.role.toLowerCase().includes(current.text.toLowerCase())))) continue;
      const before = text.slice(0, current.start);
      // "the Minister", "the Georgian Deputy Minister", or a country's possessive: "Georgia's First
      // Deputy Foreign Minister was received by ..."
      const definite =
        /\b(?:the|The)\s+((?:\p{Lu}[\p{L}'’-]*\s+)?)$/u.exec(before) ??
        /(?:^|[\s,(])((?:\p{Lu}[\p{L}-]*\s+){0,2}\p{Lu}[\p{L}-]*)['’]s\s+$/u.exec(before);
      if (!definite) continue;
      // A name right after the title makes it a titled mention, handled elsewhere.
      if (/^\s+\p{Lu}\p{Ll}/u.test(text.slice(current.end)) && !/^\s+(?:The|On|In)\b/u.test(text.slice(current.end))) continue;
      const adjective = definite[1] ? matchCountries(definite[1]).find((match) => match.code) : undefined;
      const country = adjective ? resolveCountry(adjective, fullText) : null;
      if (definite[1] && !adjective) continue;
      const title = current.text.toLowerCase();
      // ("the Lao minister" is the Lao foreign minister named as "his counterpart from the Lao PDR")
      const ministerial = (person: Person) => current.kind === 'MINISTER' && (person.roleKind === 'FOREIGN_MINISTER' || person.roleKind === 'DEPUTY_FOREIGN_MINISTER');
      const fits = (person: Person) =>
        (person.role.toLowerCase().includes(title) || person.roleKind === current.kind || (country !== null && ministerial(person))) &&
        (!country || (person.country ?? person.known?.country) === country);
      const named = (person: Person) => person.role.toLowerCase().includes(title);
      let candidates = people.filter(
        (person) =>
          person.mentions.some((m) => m.sentence < sentenceIndex || (m.sentence === sentenceIndex && m.start < current.start)) &&
          (current.bare ? fits(person) : named(person) && (!country || person.country === country)),
      );
      // "the Foreign Secretary" after a Foreign Secretary and an External Affairs Minister: the one
      // whose post is written so is meant, not another of the same kind.
      if (candidates.length > 1 && candidates.some(named)) candidates = candidates.filter(named);
      // A summary lead names its subject by post before the body names them in full ("The Foreign
      // Secretary attended ..." and later "Foreign Secretary David Lammy"), as the sentence's subject:
      // the one person of that post.
      if (candidates.length === 0 && definite.index === 0) candidates = people.filter((person) => named(person) && (!country || person.country === country));
      // Several fit ("the Minister" after a foreign minister, a prime minister and a deputy prime
      // minister): the release's lead person, when one of them, is the one the text goes on about.
      const lead = candidates.length > 1 ? leadOf(people, candidates) : undefined;
      if (lead) candidates.splice(0, candidates.length, lead);
      if (candidates.length !== 1) continue;
      candidates[0].mentions.push({ sentence: sentenceIndex, start: current.start, end: current.end, phraseStart: definite.index, full: false });
    }
    // "met with his counterpart from Timor-Leste, with whom ...", "his Angolan counterpart": the one person
    // of that country named before (not one named right after: "his counterpart, X").
    for (const phrase of text.matchAll(COUNTERPART_OF_COUNTRY)) {
      const start = phrase.index;
      const named = phrase[1] ? matchCountries(phrase[1]).find((match) => match.code && match.start === 0) : phrase[2] !== undefined ? countryNamedAt(text, start + phrase[0].length) : null;
      if (!named?.code) continue;
      const end = phrase[1] ? start + phrase[0].length : named.end;
      const after = text.slice(end);
      if (/^\s*,?\s*(?:(?:H\.?E\.?|Mr\.?|Ms\.?|Mrs\.?|Dr\.?|Hon\.?)\s+)?\p{Lu}\p{Ll}/u.test(after)) continue;
      if (people.some((p) => p.mentions.some((m) => m.sentence === sentenceIndex && m.phraseStart <= start && m.end >= start))) continue;
      const code = resolveCountry(named, fullText);
      let candidates = people.filter(
        (person) =>
          countryOf(person) === code &&
          person.roleKind !== 'AMBASSADOR' &&
          person.mentions.some((m) => m.sentence < sentenceIndex || (m.sentence === sentenceIndex && m.end <= start)),
      );
      // Several of that country ("the Minister of Foreign Affairs of Slovenia, Tanja Fajon, who conveyed
      // a message from the President of Slovenia"): a counterpart holds the post of the one whose
      // counterpart they are, the sentence's person named last before the phrase.
      if (candidates.length > 1) {
        const owner = people
          .flatMap((person) => person.mentions.filter((m) => m.sentence === sentenceIndex && m.end <= start).map((m) => ({ person, end: m.end })))
          .sort((a, b) => b.end - a.end)[0]?.person;
        const same = owner ? candidates.filter((person) => person.roleKind === owner.roleKind) : [];
        if (same.length === 1) candidates = same;
      }
      if (candidates.length === 1) candidates[0].mentions.push({ sentence: sentenceIndex, start, end, phraseStart: start, full: false });
    }
    // "the head of the FDFA took part in ...", "the head of Swiss diplomacy": the foreign minister named before.
    for (const head of text.matchAll(HEAD_OF_MINISTRY)) {
      const start = head.index;
      const end = start + head[0].length;
      const ministry = head[1] ? ministrySpans(head[1]).find((span) => span.start === 0 && span.end === head[1].length) : null;
      if (head[1] && !ministry) continue;
      if (people.some((p) => p.mentions.some((m) => m.sentence === sentenceIndex && m.start <= start && m.end >= end))) continue;
      const code = head[1] ? ministryNameCountry(head[1]) : (matchCountries(head[2]).find((match) => match.code)?.code ?? null);
      let candidates = people.filter(
        (person) =>
          person.roleKind === 'FOREIGN_MINISTER' &&
          (!code || countryOf(person) === code || person.country === null) &&
          person.mentions.some((m) => m.sentence < sentenceIndex || (m.sentence === sentenceIndex && m.start < start)),
      );
      const lead = candidates.length > 1 ? leadOf(people, candidates) : undefined;
      if (lead) candidates = [lead];
      if (candidates.length === 1) candidates[0].mentions.push({ sentence: sentenceIndex, start, end, phraseStart: start, full: false });
    }
  });
}

/** "his counterpart from Timor-Leste" (group 2 the country's place), "her Angolan counterpart" (group 1 a demonym). */
const COUNTERPART_OF_COUNTRY = /\b(?:his|her)\s+(?:(\p{Lu}[\p{L}-]+)\s+)?counterpart(?:\s+(?:from|of)\s+(?:the\s+)?(?=(\p{Lu}))|(?=\s*[,.;]|\s+(?:with|who|and|on|in|at)\b))/gu;

/** "the head of the FDFA", "the head of Swiss diplomacy" (group 1 a ministry's name, group 2 a demonym). */
const HEAD_OF_MINISTRY = /\b[Tt]he\s+head\s+of\s+(?:the\s+)?(?:(\p{Lu}[\p{L}&'’]*(?:\s+(?:of\s+|and\s+|&\s+)?\p{Lu}[\p{L}&'’]*){0,5})(?![\p{L}])(?!\s+diplomacy)|(\p{Lu}[\p{L}-]+)\s+diplomacy\b)/gu;
