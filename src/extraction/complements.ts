import { ministrySpans } from './issuer';
import { loadRoles } from '../reference/roles';
import { loadLanguage } from '../reference/language';
import { countryAt, matchCountries, resolveCountry } from './lexicon';
import { isRoleWord, roleAt } from './roles';
import { courtesyRun, readName, startsWithArticle } from './names';

/**
 * Stage 2b, a title's complements: what follows a post ("of Korea", "to Azerbaijan", "of the OSCE",
 * "for Political Affairs", "at the Ministry of Foreign Affairs of Ireland") read up to the name that
 * may end the run, each as a country or an organisation (titles.ts turns them into a role kind).
 */

export interface Complement {
  preposition: string;
  country: string | null;
  organisation: string | null;
  end: number;
}

/** Words that end a role's organisation before a name that follows it without a comma. */
export function isOrganisationEnd(word: string): boolean {
  return loadLanguage().organisationEndWords.has(word);
}

/** " Investment Authority", " Investment and Trade Development Agency": capitalised words up to an organisation's head word. */
function bodyAfter(rest: string): boolean {
  const words = /^(?:\s+(?:(?:and|of|for)\s+)?\p{Lu}[\p{L}'’-]*){1,5}/u.exec(rest)?.[0].trim().split(/\s+/u) ?? [];
  return words.some((word) => isOrganisationEnd(word) || MISSION.test(word));
}

/** A diplomatic mission's head word: "of the British Embassy in Baku", a body a country opens. */
const MISSION = /^(?:Embassy|Consulate|Consulate-General)$/u;

const REGION_LIST = /^(?:\s*,\s*\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,2}){1,4},?\s+and\s+\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,2}\s+(?:Affairs|Countries|Regions?)\b/u;

/** A name's Arabic article right after a run ("... Irrigation Jihad al-Mahamid"): the run's last word is a name's first. */
function articleNext(sentence: string, at: number): boolean {
  return sentence[at] === ' ' && startsWithArticle(sentence.slice(at + 1, at + 61));
}

/** "International Development and Diaspora", "Economic Diplomacy", "Sub-Saharan Africa": words of a portfolio or a region only (roles.yaml portfolioWords, regionWords). */
export function isPortfolio(words: string[]): boolean {
  const { portfolioWords, regionWords } = loadRoles();
  return words.length > 0 && words.every((word) => portfolioWords.includes(word) || regionWords.includes(word) || /^(?:and|of|the)$/u.test(word));
}

/** ", Foreign Employment" / " and Expatriates" after a post: the separator before more of the portfolio. */
const PORTFOLIO_SEPARATOR = /\s*,\s*|\s+and\s+/uy;
const PORTFOLIO_WORD = /\p{Lu}[\p{L}-]*/uy;
const WORD_GAP = /\s+/uy;

/** A word of a portfolio: listed, or people of a country ("Migration and Tunisians Abroad"). */
function portfolioWord(word: string): boolean {
  if (loadRoles().portfolioWords.includes(word)) return true;
  if (!/s$/u.test(word)) return false;
  const singular = word.slice(0, -1);
  return matchCountries(singular).some((match) => match.code && match.start === 0 && match.end === singular.length);
}

/**
 * Where more of a portfolio ends after `at` (", Foreign Employment and Tourism"), or null: the longest
 * run of one to three portfolio words that a name, a comma, "and" or the end follows ("... and
 * National Development Sim Ann" ends before "Sim").
 */
export function portfolioMoreEnd(text: string, at: number): number | null {
  PORTFOLIO_SEPARATOR.lastIndex = at;
  if (!PORTFOLIO_SEPARATOR.exec(text)) return null;
  const ends: number[] = [];
  let position = PORTFOLIO_SEPARATOR.lastIndex;
  for (let count = 0; count < 3; count++) {
    if (count > 0) {
      WORD_GAP.lastIndex = position;
      if (!WORD_GAP.exec(text)) break;
      position = WORD_GAP.lastIndex;
    }
    PORTFOLIO_WORD.lastIndex = position;
    const word = PORTFOLIO_WORD.exec(text);
    if (!word || !portfolioWord(word[0])) break;
    position = PORTFOLIO_WORD.lastIndex;
    ends.push(position);
  }
  for (let index = ends.length - 1; index >= 0; index--) {
    if (/^(?:\s*,|\s+and\s+\p{Lu}|\s+\p{Lu}|\s*$)/u.test(text.slice(ends[index]))) return ends[index];
  }
  return null;
}

/** "of the Republic of Korea", "to Azerbaijan", "of the Organization of Turkic States", ... */
export function readComplements(sentence: string, from: number, fullText: string): Complement[] {
  const out: Complement[] = [];
  let position = from;
  for (;;) {
    const head = /^\s+(of|to|in|at|for|within)\s+(?:the\s+)?/iu.exec(sentence.slice(position));
    if (!head) break;
    const target = position + head[0].length;
    const preposition = head[1].toLowerCase();
    const country = countryAt(sentence, target);
    // "of the Oman Investment Authority Salim ...": a country that opens a body's name is that body's.
    const opensBody = country?.code ? bodyAfter(sentence.slice(country.end)) : false;
    if (country?.code && !opensBody && !/^[-–]\p{L}/u.test(sentence.slice(country.end))) {
      out.push({ preposition, country: resolveCountry(country, fullText), organisation: null, end: country.end });
      position = country.end;
      continue;
    }
    const run = /^\p{Lu}[\p{L}'’-]*(?:\s+(?:(?:of|for|and|the|on|in|de|to)\s+)*[\p{Lu}\d][\p{L}'’\d-]*)*(?:\s*\(\p{Lu}[\p{Lu}\d&-]+\))?/u.exec(sentence.slice(target));
    // "The Permanent Secretary of the ministry, Amb. X": the release's own ministry in lower case, as
    // agencies write it (before a comma: "of the ministry's" or "of the ministry said" are not it).
    const lowerMinistry = !run && /^the\s+$/iu.test(head[0].replace(/^\s+\w+\s+/u, '')) ? /^(?:foreign\s+)?ministry(?=\s*,)/u.exec(sentence.slice(target)) : null;
    if (lowerMinistry) {
      out.push({ preposition, country: null, organisation: 'Ministry', end: target + lowerMinistry[0].length });
      position = target + lowerMinistry[0].length;
      continue;
    }
    if (!run) break;
    let text = run[0];
    // "of the Department of South Asian, Middle East and African Affairs": a department's regions listed
    // with commas are one name.
    const regions = REGION_LIST.exec(sentence.slice(target + text.length));
    const regionList = Boolean(regions) && /\b(?:Department|Directorate|Division|Bureau)\s+of\s+(?:the\s+)?[\p{L}'’ -]+$/u.test(text);
    if (regionList) text += regions![0];
    // "of the Ministry of Foreign Affairs, African Cooperation and Moroccan Expatriates of the Kingdom
    // of Morocco, Mr. X": a listed ministry's name with commas in it is read whole.
    const listed = ministrySpans(sentence.slice(target, target + 160)).find((span) => span.start === 0);
    const listedWhole = Boolean(listed && listed.end > text.length);
    if (listedWhole) text = sentence.slice(target, target + listed!.end);
    // "for Economic Diplomacy Jana Hudáková and Ambassador of Slovakia ...": the run ends before the next post.
    // Not inside a portfolio ("for Legal and International Affairs").
    const wholePortfolio = isPortfolio(text.split(/\s+/u));
    for (const and of text.matchAll(/\s+and\s+/gu)) {
      // (a post may open with its country: "... Dubravka Šuica and Saudi Deputy Minister of Foreign Affairs X")
      const next = target + and.index + and[0].length;
      const country = countryAt(sentence, next);
      const after = country?.code ? next + country.text.length + (/^['’]s/u.test(sentence.slice(next + country.text.length)) ? 2 : 0) + 1 : next;
      if (!wholePortfolio && (roleAt(sentence, next) || (country?.code && roleAt(sentence, after)))) {
        text = text.slice(0, and.index);
        break;
      }
    }
    // "at the Ministry of Culture, Tourism and Civil Aviation": a ministry's portfolio listed with commas
    // is its name.
    if (/\b(?:Ministry|Department)\s+(?:of|for)\s+(?:the\s+)?\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*)?$/u.test(text) && portfolioWord(text.split(/\s+/u).pop()!)) {
      for (;;) {
        const more = portfolioMoreEnd(sentence, target + text.length);
        if (more === null) break;
        text = sentence.slice(target, more);
      }
    }
    // A comma after the run closes the complement only when a full name follows it; otherwise the
    // run itself ends with the name ("for Enlargement Marta Kos, the ministry said").
    const afterRun = /^\s*,\s*/.exec(sentence.slice(target + text.length));
    const afterComma = afterRun ? target + text.length + afterRun[0].length : 0;
    // (a courtesy rank may stand before that name: "..., Amb. Bankole Adeoye")
    const nameAfterComma = afterRun ? readName(sentence, afterComma + courtesyRun().exec(sentence.slice(afterComma))![0].length) : null;
    const followedByComma = Boolean(afterRun) && (nameAfterComma?.tokens.length ?? 0) >= 2;
    // "... of the Ministry of Foreign and European Affairs of the Republic of Croatia": a run that ends
    // with "of <country>" hides no name at its end.
    const endsWithCountry = matchCountries(text).some((match) => match.code && match.end === text.length && /\bof\s+(?:the\s+)?$/u.test(text.slice(0, match.start)));
    if (!followedByComma && !endsWithCountry && !regionList && !listedWhole) {
      // No comma: the run may end with the person's name; keep it up to its last organisation word.
      const runWords = text.replace(/\s*\([^)]*\)$/, '').split(/\s+/);
      let cut = -1;
      runWords.forEach((word, index) => {
        if (isOrganisationEnd(word)) cut = index;
      });
      // "of the Department of Asia of the Ministry of Foreign Affairs Yerlan Sadykov": a ministry's
      // name ends the organisation where it ends, not at its head word.
      const ministries = ministrySpans(text);
      const ministry = ministries[ministries.length - 1];
      if (ministry) {
        const wordsBefore = text.slice(0, ministry.end).trim().split(/\s+/).length;
        if (wordsBefore - 1 > cut && wordsBefore < runWords.length) cut = wordsBefore - 1;
      }
      // "Department of Europe Nguyen Dinh Phuc": a body's region or portfolio after it is part of it.
      // So is a ministry's portfolio ("Ministry of Water and Irrigation Jihad al-Mahamid"), but for a
      // foreign ministry, whose name the ministry list reads whole.
      if (cut >= 0 && isOrganisationEnd(runWords[cut]) && (runWords[cut] !== 'Ministry' || runWords[cut + 2] !== 'Foreign') && /^(?:of|for|on)$/u.test(runWords[cut + 1] ?? '')) {
        let end = cut + 2;
        const portfolioWord = (word: string | undefined) => loadRoles().portfolioWords.includes(word ?? '');
        while (portfolioWord(runWords[end]) || (runWords[end] === 'and' && portfolioWord(runWords[end + 1]))) end++;
        // (a name of two words or more after it, or none in the run at all)
        if (end > cut + 2 && (end <= runWords.length - 2 || end === runWords.length || articleNext(sentence, target + text.length))) cut = end - 1;
      }
      // "of the British Embassy in Baku Thomas Rowe": a mission's city after it, then a two-word name.
      const mission = runWords.findIndex((word) => MISSION.test(word));
      if (mission >= 0 && mission >= cut && runWords[mission + 1] === 'in' && mission + 2 <= runWords.length - 3) cut = runWords.length - 3;
      // Without one, a region or portfolio run ends where the name begins ("of Sub-Saharan Africa Carlos
      // Romero Puentes", "for the Americas and Caribbean Joyce Atim Okot").
      if (cut < 0) {
        let lead = 0;
        while (lead < runWords.length && isPortfolio([runWords[lead]])) lead++;
        while (lead > 0 && /^(?:and|of|the)$/u.test(runWords[lead - 1])) lead--;
        const rest = runWords.slice(lead);
        if (lead > 0 && rest.length >= 2 && rest.length <= 4 && !rest.some((word) => isRoleWord(word) || isOrganisationEnd(word))) cut = lead - 1;
      }
      // Without one, a run of three or more words is a place and a two-word name ("for Central Asia Terhi Hakala").
      if (cut < 0 && runWords.length >= 3 && runWords.slice(-2).every((word) => /^\p{Lu}/u.test(word))) cut = runWords.length - 3;
      // "of the International Committee of the Red Cross." goes on past its organisation word with a
      // complement; with the clause ending there, no name hides in the run.
      // So does one that a comma closes with no name after it ("of the Foreign Ministry for Political
      // Affairs, today received").
      // Not where a country and a name follow it ("of the National Assembly of Hungary László Kövér.").
      const head = runWords.slice(0, cut + 1).join(' ');
      const countryThenName = cut >= 0 && /^\s+of\s+(?:the\s+)?/u.exec(text.slice(head.length));
      const bodyCountry = countryThenName ? countryAt(text, head.length + countryThenName[0].length) : null;
      // (a courtesy rank may stand before that name: "of Malaysia Datuk Seri Amran Mohamed Zin")
      const nameFrom = bodyCountry?.code ? bodyCountry.end + (/^\s+/u.exec(text.slice(bodyCountry.end))?.[0].length ?? 0) : 0;
      const nameAfterCountry = bodyCountry?.code ? readName(text, nameFrom + courtesyRun().exec(text.slice(nameFrom))![0].length) : null;
      if (
        cut >= 0 &&
        cut < runWords.length - 1 &&
        !((nameAfterCountry?.tokens.length ?? 0) >= 2 && nameAfterCountry!.end === text.length) &&
        /^\p{Ll}/u.test(runWords[cut + 1]) &&
        (/^\s*(?:[.;:)]|$)/u.test(sentence.slice(target + text.length)) || afterRun)
      ) {
        cut = runWords.length - 1;
      }
      // A run of portfolio words only ("for International Development and Diaspora at the ...") is the
      // post's portfolio, whole.
      // So is one that a comma or the sentence's end closes ("Kazem Gharibabadi, Deputy Foreign Minister
      // for Legal and International Affairs, accompanied ...").
      if (isPortfolio(runWords) && /^\s+(?:at|of|in)\s+|^\s*(?:,|[.;:)]|$)/u.test(sentence.slice(target + text.length))) cut = runWords.length - 1;
      if (cut < 0) break;
      // "of the Organization of Turkic States (OTS) Kubanychbek Omuraliev": the acronym stays with it.
      text = cut === runWords.length - 1 ? text : runWords.slice(0, cut + 1).join(' ');
    }
    // A country inside the organisation's name only counts after "of" ("Department of Europe of the
    // Ministry of Foreign Affairs of Azerbaijan"), not in a compound ("Korea-Central Asia Forum").
    const inner = matchCountries(text).filter((match) => match.code && /\bof\s+(?:the\s+)?$/.test(text.slice(0, match.start)) && !/^[-–]\p{L}/u.test(text.slice(match.end)));
    const innerCountry = inner.length ? resolveCountry(inner[inner.length - 1], fullText) : opensBody ? resolveCountry(country!, fullText) : null;
    // A portfolio ("for Legal and International Affairs") is no organisation.
    const portfolio = preposition === 'for' && isPortfolio(text.split(/\s+/u));
    out.push({ preposition, country: innerCountry, organisation: innerCountry || portfolio ? null : text, end: target + text.length });
    position = target + text.length;
    // A run cut short hides the name after it; one cut where a ministry's name ends may go on with
    // its portfolio ("of the Ministry of Foreign Affairs for Political Affairs Sheikh X").
    // So does a body's country ("Speaker of the National Assembly of Hungary László Kövér").
    const ministryEnds = ministrySpans(text).some((span) => span.end === text.length);
    const ofCountry = /^\s+of\s+(?:the\s+)?/u.exec(sentence.slice(position));
    const countryNext = ofCountry ? Boolean(countryAt(sentence, position + ofCountry[0].length)?.code) : false;
    // And a department's ministry after it ("of the Department of Asian Affairs at the Ministry of Foreign Affairs HE X").
    const atMinistry = /^\s+at\s+(?:the\s+)?/u.exec(sentence.slice(position));
    const ministryNext = atMinistry ? ministrySpans(sentence.slice(position + atMinistry[0].length)).some((span) => span.start === 0) : false;
    const portfolioWhole = isPortfolio(text.split(/\s+/u));
    if (!followedByComma && !countryNext && !ministryNext && !((ministryEnds || portfolioWhole) && /^\s+(?:for|of|on|at)\s+(?:the\s+)?\p{Lu}/u.test(sentence.slice(position)))) break;
  }
  return out;
}
