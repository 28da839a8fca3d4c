import { parse as parseYaml } from 'yaml';
import { loadMeetingVocabulary } from '../reference/meetings';
import type { ExtractOptions, ExtractedCountry, ExtractedRelease } from './types';
import { agencyMark, findSourceName, removeBoilerplate, stripFrontMatter, toParagraphs } from './boilerplate';
import { extractCountries } from './countries';
import { isHeadline, parseDateline } from './dateline';
import { extractInitiatives } from './initiatives';
import { findIssuer, ministrySpans } from './issuer';
import { countryNamedAt, matchCities, matchCountries, resolveAmbiguous } from './lexicon';
import { extractMeetings, onlyMentioned } from './meetings';
import { bylinePerson, countryOf, findPeople, type Person } from './people';
import { knownPosts } from './known-people';
import { findCountry, findCountryCode } from '../reference/countries';
import { ministryNameCountry } from '../reference/ministries';
import { loadRoles } from '../reference/roles';
import { agencyCountryIn, isAgencyName } from '../reference/agencies';
import { escapeRegExp, foldKey, toSentences, type Sentence } from './text';
import { deriveTitle } from './title';
import { extractTopics } from './topics';

export * from './types';

/**
 * The most body text the stages read. Published releases run from a few hundred to about 5,000
 * characters; the service accepts 50,000 (src/domain/validate.ts). Reading no more than this bounds
 * the time of one extraction whatever is pasted (docs/extraction.md, "Speed").
 */
export const MAX_ANALYSED = 5_000;
/** And at most this many sentences (a long release has about a hundred; a pasted list of lines, thousands). */
export const MAX_SENTENCES = 100;

/**
 * Names the contract says are no initiatives: a ministry's departments and offices ("Multilateral and
 * Europe Group", "Media Relations Office"), a state's name ("Russian Federation"), a news agency.
 */
function notAnInitiative(name: string): boolean {
  if (findCountryCode(name.replace(/^the\s+/i, ''))) return true;
  if (/\bNews Agency$/u.test(name) || isAgencyName(name.replace(/^By\s+/u, ''))) return true;
  // A relationship between states ("India-Malaysia Comprehensive Strategic Partnership") is the
  // contract's generic "strategic partnership", capitalised or not; "Eastern Partnership" is a programme.
  if (/\bStrategic Partnership$/iu.test(name)) return true;
  const international = /\b(?:United Nations|UN|International|European Union|World|Regional|Global|Intergovernmental)\b/u.test(name);
  const acronym = /\b\p{Lu}[\p{Lu}\d]+\b/u.test(name);
  // A post-nominal honour ("OON") or a courtesy title read as the end of a name ("... Group of the Ministry Ms").
  if (loadRoles().postNominals.includes(name)) return true;
  const bare = name.replace(/\s+(?:Mr|Ms|Mrs|Dr|H\.E)\.?$/u, '');
  return !international && !acronym && /\b(?:Office|Group|Department|Division|Directorate|Bureau|Unit|Section|of the Ministry(?: of Foreign Affairs)?)$/u.test(bare);
}

/** A spokesperson's attribution before a readout: "The below is attributable to Spokesperson X:". */
const ATTRIBUTION = /\battributable\s+to\b[^.:]*:/iu;

/** The person the release's lead sentence names first. */
function leadPerson(people: Person[], sentences: Sentence[] = []): Person | undefined {
  // The lead sentence's first person; a lead that names nobody ("Meeting of the Minister of Foreign
  // Affairs of Turkmenistan with ...", a title line read as a sentence) leaves it to the next sentence.
  // The spokesperson of an attribution ("The below is attributable to Spokesperson Tammy Bruce:") is
  // not the lead's person: the lead starts after it.
  for (const sentence of [0, 1]) {
    const attribution = ATTRIBUTION.exec(sentences[sentence]?.text ?? '');
    const from = attribution ? attribution.index + attribution[0].length : 0;
    const at = (person: Person) => person.mentions.find((mention) => mention.sentence === sentence && mention.start >= from);
    const first = people.filter((person) => at(person)).sort((a, b) => at(a)!.start - at(b)!.start)[0];
    if (first) return first;
  }
  return undefined;
}

/** The country of the person the release opens with, where the text gives it ("Minister of Foreign Affairs of Georgia X held"). */
function leadCountry(people: Person[], sentences: Sentence[] = []): string | null {
  const first = leadPerson(people, sentences);
  return first && first.roleKind !== 'INTERNATIONAL_OFFICIAL' ? first.country : null;
}

/**
 * The country of the lead person the text leaves unqualified, where the reference knows their post
 * (data/reference/office-holders): a ministry's own minister goes unqualified, so it is the issuer's.
 */
function leadKnownCountry(people: Person[], sentences: Sentence[] = []): string | null {
  const first = leadPerson(people, sentences);
  return first && !first.country && first.known?.country ? first.known.country : null;
}

/**
 * The country of the one senior office holder the lead sentence leaves unqualified, where the reference
 * knows their post, when the lead names someone else first with their country ("At a meeting with
 * France's Ambassador to Armenia, X, Foreign Minister Ararat Mirzoyan ..."; "The External Affairs
 * Minister of India held a telephone talk with Hon. Vijitha Herath MP, Minister of Foreign Affairs"):
 * a ministry writes its own minister without a country, others with theirs. Not the country the lead
 * visits, whose hosts need no country either.
 */
function unqualifiedKnownInLead(people: Person[], visited: string | null, sentences: Sentence[] = []): string | null {
  const first = leadPerson(people, sentences);
  if (!first?.country) return null;
  const sentence = first.mentions[0]?.sentence ?? 0;
  const senior = new Set<Person['roleKind']>(['HEAD_OF_STATE', 'HEAD_OF_GOVERNMENT', 'FOREIGN_MINISTER', 'DEPUTY_FOREIGN_MINISTER']);
  const codes = new Set(
    people
      .filter((person) => person !== first && !person.country && person.known?.country && senior.has(person.roleKind) && person.mentions.some((m) => m.sentence === sentence))
      .map((person) => person.known!.country),
  );
  // (not the hosts of a visit the lead tells: "paid an official visit to Moldova, where he was received by President X")
  return codes.size === 1 && !codes.has(first.country) && !codes.has(visited ?? '') ? [...codes][0] : null;
}

/**
 * A lead that names a foreign visitor with their country ("Hon. X, Minister of Foreign Affairs of the
 * Co-operative Republic of Guyana, is on an official visit to India") in a release whose host is named
 * without one ("External Affairs Minister Dr. S. Jaishankar held talks with Minister X"): the host
 * ministry's release, as a ministry writes its own people unqualified.
 */
function hostOfQualifiedVisitor(people: Person[], visited: string | null, sentences: Sentence[] = []): string | null {
  const first = leadPerson(people, sentences);
  if (!first?.country || !visited || visited === first.country) return null;
  const named = (person: Person) => matchCountries(person.role).some((match) => match.code);
  if (!named(first)) return null;
  const senior = new Set<Person['roleKind']>(['HEAD_OF_STATE', 'HEAD_OF_GOVERNMENT', 'FOREIGN_MINISTER']);
  // (named after the lead: hosts the lead itself names, "where he was received by President X", need no country either way)
  const leadSentence = first.mentions[0]?.sentence ?? 0;
  const host = people.find(
    (person) =>
      person !== first &&
      senior.has(person.roleKind) &&
      countryOf(person) === visited &&
      !named(person) &&
      !person.mentions.some((mention) => mention.sentence <= leadSentence),
  );
  return host ? visited : null;
}

/**
 * For a ministry's own release of its envoy's trip abroad ("X paid a visit to Astana ... The Polish
 * delegation also included ..."), the country of the delegation the text names that is not the one
 * visited: the traveller's, so the ministry's.
 */
function travellingDelegation(sentences: Sentence[], visited: string | null, fullText: string): string | null {
  if (!visited) return null;
  const found = new Set<string>();
  for (const sentence of sentences) {
    for (const match of sentence.text.matchAll(/\b[Tt]he\s+((?:\p{Lu}[\p{L}'’-]+\s+){1,2})delegation\s+(?:also\s+)?(?:included|includes|comprised|consisted|was\s+(?:led|headed)\s+by)\b/gu)) {
      const country = matchCountries(match[1]).find((candidate) => candidate.code);
      const code = country ? (country.ambiguous ? resolveAmbiguous(country.form, fullText) : country.code) : null;
      if (code && code !== visited) found.add(code);
    }
  }
  return found.size === 1 ? [...found][0] : null;
}

/** The country of a foreign minister or deputy whose words an agency reports as told to it ("X told TASS", "X told the agency"). */
function ministryOfficialTellingAgency(sentences: Sentence[], people: Person[]): string | null {
  const codes = new Set<string>();
  for (const person of people) {
    const country = person.country ?? person.known?.country;
    if (!country || (person.roleKind !== 'FOREIGN_MINISTER' && person.roleKind !== 'DEPUTY_FOREIGN_MINISTER')) continue;
    for (const mention of person.mentions) {
      const told = /^\s*,?\s+told\s+(?:the\s+agency\b|(\p{Lu}[\p{L}]*(?:\s+\p{Lu}[\p{L}]*)?))/u.exec(sentences[mention.sentence].text.slice(mention.end));
      if (told && (!told[1] || isAgencyName(told[1]) || isAgencyName(told[1].split(/\s+/u)[0]))) codes.add(country);
    }
  }
  return codes.size === 1 ? [...codes][0] : null;
}

/** The most named country that no participant with a stated country holds; ties go to the first named. */
function homeCountry(countries: ExtractedCountry[], people: Person[], visited: string | null = null, sentences: Sentence[] = []): string | null {
  // Someone only mentioned ("a special message from H.E. X, President of the Republic of Ghana") holds nothing.
  const held = new Set(people.filter((person) => !onlyMentioned(person, sentences)).map((person) => person.country).filter((code): code is string => Boolean(code)));
  // The country the release's lead visits is not its own ("made an Official Visit to Kazakhstan").
  if (visited) held.add(visited);
  let best: ExtractedCountry | null = null;
  for (const country of countries) {
    if (held.has(country.code)) continue;
    if (!best || country.mentions > best.mentions) best = country;
  }
  return best?.code ?? null;
}

/**
 * For a release datelined in a place, the country the release is from when that place is abroad: the
 * lead person is unqualified (the ministry's own minister: "Minister of Foreign Affairs Dr. Badr
 * Abdelatty, who is heading Egypt's delegation") and another country is named more often than the
 * dateline's, which counts for nothing when a qualified participant holds it ("Latvia's Minister of
 * Foreign Affairs"); else the dateline's country. Null for an organisation's statement (its
 * official leads the text).
 */
function abroadHome(datelineCountry: string | null, countries: ExtractedCountry[], people: Person[], leadVisit: string | null, sentences: Sentence[]): string | null {
  const lead = people.find((person) => person.mentions.some((m) => m.sentence === 0));
  if (!datelineCountry || lead?.roleKind === 'INTERNATIONAL_OFFICIAL') return null;
  if (!lead || lead.country) return datelineCountry;
  if (lead === leadPerson(people) && lead.known?.country) return lead.known.country;
  const home = homeCountry(countries, people, leadVisit, sentences);
  if (!home || home === datelineCountry) return datelineCountry;
  const held = people.some((person) => person.country === datelineCountry);
  const mentions = (code: string) => countries.find((country) => country.code === code)?.mentions ?? 0;
  return held || mentions(home) > mentions(datelineCountry) ? home : datelineCountry;
}

/**
 * A ministry's own title line names its minister without a country ("Foreign Minister Ararat Mirzoyan's
 * working visit to Uzbekistan", over a release datelined in Tashkent): that minister's country, where it
 * is not the dateline's.
 */
function headlineOwnMinister(headlines: string[], people: Person[], datelineCountry: string | null): string | null {
  for (const person of people) {
    const country = countryOf(person);
    if (!country || country === datelineCountry || person.roleKind !== 'FOREIGN_MINISTER') continue;
    const own = new RegExp(`(?:^|[^\\p{L}'’])(?:Foreign\\s+Minister|Minister\\s+(?:of|for)\\s+Foreign\\s+Affairs|FM)\\s+${escapeRegExp(person.name)}\\b`, 'u');
    for (const headline of headlines) {
      const found = own.exec(headline);
      // (not "Armenian Foreign Minister X", "Minister of Foreign Affairs of Armenia X")
      if (found && !matchCountries(headline.slice(Math.max(0, found.index - 30), found.index + 1)).some((match) => match.code && match.end >= found.index - 2)) return country;
    }
  }
  return null;
}

/** "X made an Official Visit to Kazakhstan", "X travelled to Viet Nam", "X is in the Republic of Korea on a working visit": the country the first person of the lead sentence visits. */
function visitedByLead(lead: string, people: Person[], fullText: string): string | null {
  // "on the first visit of a Brazilian Foreign Minister to Ethiopia": the lead person's, told as a milestone.
  const visit = /\b(?:visit\s+(?:of\s+an?\s+[^,.;]{1,50}?\s+)?to|trip\s+to|tour\s+of|travell?ed\s+to|travels\s+to|arrived\s+in|is\s+visiting|visited|(?:is|was)\s+(?:currently\s+|now\s+)?in(?=\s+(?:the\s+)?\p{Lu}[^,.;]{0,50}?\s+(?:on|for)\s+an?\s+(?:[\w-]+\s+){0,2}visit\b))\s+(?:the\s+)?/iu.exec(lead);
  if (!visit) return null;
  const first = Math.min(...people.flatMap((person) => person.mentions.filter((m) => m.sentence === 0).map((m) => m.start)));
  if (!(first < visit.index)) return null;
  // "held a meeting with X, ..., who is visiting Japan": the visitor is the one the clause is about,
  // the lead's first person only when the clause is theirs.
  if (/\bwho\s+(?:(?:is|was|are|were)\s+(?:currently\s+|now\s+)?)?$/u.test(lead.slice(0, visit.index))) {
    const before = people.flatMap((person) => person.mentions.filter((m) => m.sentence === 0 && m.end <= visit.index).map((m) => ({ person, end: m.end })));
    const nearest = before.sort((x, y) => y.end - x.end)[0];
    if (!nearest || nearest.person !== leadPerson(people)) return null;
  }
  const at = visit.index + visit[0].length;
  const country = countryNamedAt(lead, at);
  if (country?.code) return country.ambiguous ? resolveAmbiguous(country.form, fullText) : country.code;
  // "a working visit to Amman": the city's country.
  return matchCities(lead).find((city) => city.start === at)?.country ?? null;
}

/**
 * The country a statement speaks for in its own voice: "Türkiye stands in full solidarity", "The UK
 * warmly welcomes", "On behalf of the United States of America, I congratulate" (first sentences only).
 */
function voiceCountry(sentences: Sentence[], fullText: string): string | null {
  for (const sentence of sentences.slice(0, 8)) {
    const text = sentence.text;
    const behalf = /^On\s+behalf\s+of\s+(?:the\s+(?:Government|people)\s+of\s+)?(?:the\s+)?/u.exec(text);
    // "The Government of Ghana reiterates its solidarity": the government speaks for its country.
    const offset = behalf ? behalf[0].length : /^The\s+(?:Government\s+of\s+(?:the\s+)?)?/u.exec(text)?.[0].length ?? 0;
    const country = countryNamedAt(text, offset);
    // ("The Brazilian Government welcomes": a demonym with its government speaks for the country)
    const government = /^\s+Government\b/u.exec(text.slice(country?.end ?? 0));
    if (!country?.code || (country.kind === 'demonym' && !government)) continue;
    const rest = text.slice(country.end + (government ? government[0].length : 0));
    const voice = behalf
      ? /^(?:\s+of\s+America)?,\s+(?:I|we)\b/u.test(rest)
      : /^\s+(?:(?:strongly|warmly|firmly|fully|deeply|once again|also)\s+)?(?:welcomes|condemns|stands|supports|calls\s+(?:on|for)|congratulates|reaffirms|reiterates|remains|expresses|extends|urges|is\s+deeply|will\s+continue)\b/u.test(rest);
    if (voice) return country.ambiguous ? resolveAmbiguous(country.form, fullText) : country.code;
  }
  return null;
}

/**
 * For a release with no dateline place, the country of the city its lead sentence places the meeting
 * in, when the lead's first person is unqualified (the ministry's own: "Secretary of State X and Vice
 * Minister of Foreign Affairs of Mongolia Y held political consultations at the Ministry of Foreign
 * Affairs in Warsaw") and the text names that country; not for a trip ("visit to") or the opening of
 * its own mission abroad ("the honorary consulate of Estonia in Almaty").
 */
function leadPlaceCountry(sentences: Sentence[], people: Person[], countries: ExtractedCountry[]): string | null {
  const lead = sentences[0]?.text ?? '';
  if (/\b(?:visit|trip|travell?ed|arrived|delegation|took part|takes part|participated|attended|attends|consulate|embassy)\b/iu.test(lead)) return null;
  const first = leadPerson(people);
  if (!first || first.country || first.roleKind === 'INTERNATIONAL_OFFICIAL') return null;
  const city = matchCities(lead).find((match) => /\bin\s+(?:the\s+city\s+of\s+)?$/iu.test(lead.slice(0, match.start)));
  return city && countries.some((country) => country.code === city.country) ? city.country : null;
}

/** The paragraphs up to `MAX_ANALYSED` characters, the last one cut at a space. */
function withinBudget(paragraphs: string[]): string[] {
  const out: string[] = [];
  let left = MAX_ANALYSED;
  for (const paragraph of paragraphs) {
    if (left <= 0) break;
    if (paragraph.length <= left) {
      out.push(paragraph);
      left -= paragraph.length + 1;
      continue;
    }
    const cut = paragraph.lastIndexOf(' ', left);
    out.push(paragraph.slice(0, cut > left / 2 ? cut : left));
    break;
  }
  return out;
}

function frontMatterYear(frontMatter: string | null): number | null {
  if (!frontMatter) return null;
  try {
    const data = parseYaml(frontMatter) as { year?: unknown } | null;
    // A year outside the plausible range (a typo, 123456) is ignored, as ingest's own `year` would refuse it.
    return typeof data?.year === 'number' && Number.isInteger(data.year) && data.year >= 1900 && data.year <= 2100 ? data.year : null;
  } catch {
    return null;
  }
}

/**
 * Reads one press release: dateline, issuer, source, meetings and their participants, topics,
 * initiatives and countries. Pure: the same text and options always give the same result.
 */
export function extractPressRelease(text: string, options: ExtractOptions = {}): ExtractedRelease {
  const warnings: string[] = [];
  const { body, frontMatter } = stripFrontMatter(text);
  const knownYear = options.year ?? frontMatterYear(frontMatter);
  const year = knownYear ?? (options.now ?? new Date()).getFullYear();

  const { paragraphs, removed } = removeBoilerplate(toParagraphs(body));
  const parsedDateline = parseDateline(paragraphs, year);
  // The country of a news agency the dateline's paragraph names ("ASTANA. KAZINFORM –", "(QNA)").
  const datelineAgency = parsedDateline ? agencyCountryIn(paragraphs[parsedDateline.paragraph]?.slice(0, Math.max(parsedDateline.textStart, 120)) ?? '') : null;
  if (!parsedDateline) warnings.push('no dateline found');
  else {
    if (!parsedDateline.yearWritten && knownYear === null) warnings.push(`no year given: assumed ${year}`);
    if (parsedDateline.unresolvedCountry) warnings.push(`dateline country not resolved: ${parsedDateline.unresolvedCountry}`);
  }
  // The analysis reads the release without its dateline, headline lines and date line; the body keeps them.
  const skipped = new Set(parsedDateline?.skipped ?? []);
  // Without a dateline, a first line that reads as a title (short, no sentence end) is the headline.
  if (!parsedDateline && paragraphs.length >= 3 && isHeadline(paragraphs[0])) skipped.add(0);
  // Title lines at the top ("PRESS RELEASE", then the headline) before the first paragraph read: up
  // to six (a byline: "Senator the Hon Penny Wong" / "Minister for Foreign Affairs"), as long as a
  // paragraph of text follows them.
  for (let index = 0; index < 6 && index < paragraphs.length - 1; index++) {
    if (skipped.has(index)) continue;
    if ((index === parsedDateline?.paragraph && parsedDateline.textStart > 0) || !isHeadline(paragraphs[index])) break;
    skipped.add(index);
  }
  const headlines = paragraphs.filter((_, index) => skipped.has(index));
  const readable = paragraphs
    .map((paragraph, index) => (skipped.has(index) ? '' : index === parsedDateline?.paragraph ? paragraph.slice(parsedDateline.textStart) : paragraph))
    .filter((paragraph) => paragraph.trim().length > 0);
  const analysed = withinBudget(readable);
  if (analysed.length < readable.length || analysed[analysed.length - 1] !== readable[readable.length - 1]) {
    warnings.push(`text longer than ${MAX_ANALYSED} characters: only the first ${MAX_ANALYSED} were analysed`);
  }
  let sentences = toSentences(analysed);
  if (sentences.length > MAX_SENTENCES) {
    warnings.push(`more than ${MAX_SENTENCES} sentences: only the first ${MAX_SENTENCES} were analysed`);
    sentences = sentences.slice(0, MAX_SENTENCES);
    analysed.splice(sentences[sentences.length - 1].paragraph + 1);
  }
  const fullText = analysed.join('\n');
  const leadText = sentences[0]?.text ?? '';
  const openingText = sentences.filter((sentence) => sentence.paragraph <= 1).map((sentence) => sentence.text).join(' ');
  const dateline = parsedDateline?.dateline ?? null;

  const sourceName = findSourceName(analysed[0] ?? '', [fullText, ...removed].join('\n'), removed);
  // The issuer may be named in the header ("Statement of the Ministry of Foreign Affairs of Ukraine"),
  // the body or a source line ("Source: Ministry of ..."); a photo credit names no issuer.
  // An agency's tag opening the lead or its sign-off ("(KPL) Deputy Minister ...", "MTI") marks its report too.
  const marked = parsedDateline?.agency ? null : agencyMark(paragraphs, removed);
  const agencyReport = Boolean(parsedDateline?.agency) || marked !== null;
  const issuerTexts = [
    // A header of two lines, "Ministry of Foreign Affairs" over "Republic of Fiji" (or "Government of
    // Pakistan"), is one ministry's name.
    ...headlines.map((text, index) => {
      const next = headlines[index + 1] ?? '';
      const state = /^(?:Government\s+of\s+)?(?:the\s+)?(.{2,60})$/u.exec(next.trim());
      const whole = ministrySpans(text).some((span) => span.start === 0 && span.end === text.trim().length);
      const code = whole && state ? matchCountries(state[1]).find((match) => match.code && match.start === 0 && match.end === state[1].length) : undefined;
      return { text: code ? `${text.trim()} of ${state![1]}` : text, prominent: true };
    }),
    ...sentences.map((sentence, index) => ({ text: sentence.text, prominent: index < 3 })),
    ...removed.map((text) => ({ text, prominent: true })),
  ].filter(({ text }) => !/^\s*(?:photo|image|picture)\b/iu.test(text));
  let issuer = findIssuer(issuerTexts, fullText, dateline?.country ?? null, agencyReport);
  const initiatives = extractInitiatives(sentences);
  const { triggers } = loadMeetingVocabulary();
  // Whether a sentence has a meeting verb: asked by the people and the meetings stages, again and
  // again, so read once per sentence.
  const triggerAt: Array<boolean | undefined> = [];
  const isMeetingSentence = (index: number) => (triggerAt[index] ??= triggers.some((trigger) => trigger.test(sentences[index].text)));
  const people = findPeople(
    sentences,
    fullText,
    isMeetingSentence,
    initiatives.spans,
    { date: dateline?.date ?? null, year },
  );
  // "Today I welcomed ...", signed "Senator the Hon Penny Wong / Minister for Foreign Affairs".
  const signer = bylinePerson(headlines, sentences, people);
  if (signer) {
    // (a signer the office-holder reference knows, in the post the signature gives: its country)
    const post = knownPosts(signer.name, dateline?.date ?? null, year).find((candidate) => candidate.role === signer.roleKind);
    if (post) signer.known = { country: post.country };
    people.push(signer);
  }
  // A ministry's own release (no place dateline: a date line under the title, or nothing) that names
  // no ministry is its own country's: the country it names most that no qualified participant holds
  // ("Minister Braže ... the Prime Cabinet Secretary of the Republic of Kenya ... Latvia's candidacy").
  const countries = extractCountries(withinBudget(paragraphs), fullText);
  // An agency's report whose source is its own country's ministry, unqualified ("ARMENPRESS was informed
  // from the press service of the Ministry of Foreign Affairs", datelined in Tbilisi).
  if (agencyReport && issuer && !issuer.named && parsedDateline) {
    const own = datelineAgency;
    if (own && own !== issuer.country) issuer = { name: `Ministry of Foreign Affairs of ${findCountry(own)?.name ?? own}`, country: own, named: false };
  }
  // One with no place in its date line, signed by its agency ("(PNA)"), that names its source "the
  // Department of Foreign Affairs (DFA)": the agency's country's.
  if (agencyReport && issuer && !issuer.named && !issuer.country && !dateline?.country) {
    const own = parsedDateline?.agency ? datelineAgency : marked?.country ?? null;
    if (own) issuer = { name: `Ministry of Foreign Affairs of ${findCountry(own)?.name ?? own}`, country: own, named: false };
  }
  // "..., Russian Deputy Foreign Minister Andrey Rudenko told TASS": a foreign ministry's own official
  // speaking to the agency is that ministry as its source.
  if (agencyReport && !issuer) {
    const speaker = ministryOfficialTellingAgency(sentences, people);
    if (speaker) issuer = { name: `Ministry of Foreign Affairs of ${findCountry(speaker)?.name ?? speaker}`, country: speaker, named: false };
  }
  // One whose ministry is named without its country ("the official spokesperson of the Ministry of
  // Foreign Affairs said") or not at all, datelined abroad ("NEW YORK", "Jeddah", "Riga, Latvia" for a
  // minister's trip), is its country's too: the dateline's country is where the minister went.
  const leadVisit = visitedByLead(sentences[0]?.text ?? '', people, fullText);
  // The source that opens a bracketed dateline ("[MFAEI, 23.04.2024]", "(MoFA, Addis Ababa – ...)").
  const header = parsedDateline ? /^\s*[([]\s*([^,\])[(]{2,60}?)\s*[,–—-]/u.exec(paragraphs[parsedDateline.paragraph] ?? '')?.[1] ?? null : null;
  // "[MFAEI, 23.04.2024]": a header opened by a ministry's name that only one country's ministry has.
  if (!issuer?.named && header) {
    const own = ministrySpans(header).some((span) => span.start === 0 && span.end === header.length) ? ministryNameCountry(header) : null;
    if (own) issuer = { name: `Ministry of Foreign Affairs of ${findCountry(own)?.name ?? own}`, country: own, named: true };
  }
  if (!agencyReport && !issuer?.named) {
    // "(MoFA, Addis Ababa – 10 November 2025)": the ministry's own header places it at home.
    const ownHeader = header !== null && /^(?:MoFA|MOFA|MFA|Ministry\s+of\s+Foreign\s+Affairs)$/u.test(header);
    const home = ownHeader && dateline?.country
      ? dateline.country
      : dateline?.place
      ? headlineOwnMinister(headlines, people, dateline.country) ?? abroadHome(dateline.country, countries, people, leadVisit, sentences)
      : unqualifiedKnownInLead(people, leadVisit, sentences) ?? hostOfQualifiedVisitor(people, leadVisit, sentences) ?? leadCountry(people, sentences) ?? leadKnownCountry(people, sentences) ?? voiceCountry(sentences, fullText) ?? leadPlaceCountry(sentences, people, countries) ?? travellingDelegation(sentences, leadVisit, fullText) ?? homeCountry(countries, people, leadVisit, sentences);
    if (home) issuer = { name: `Ministry of Foreign Affairs of ${findCountry(home)?.name ?? home}`, country: home, named: false };
  }
  const { meetings, warnings: meetingWarnings } = extractMeetings({
    sentences,
    leadText,
    headlines,
    people,
    dateline,
    // A national agency's report that names no source tells of its own country's people.
    // (so does a national agency's datelined report: "Antalya, March 2 (QNA) - HE Minister of State for
    // Foreign Affairs X met ..." tells of Qatar's minister of state, where the text names Qatar: an
    // agency's initials may stand for another country's agency, "(APS)" in Dakar)
    // (the agency a dateline names, where the text names its country too)
    issuerCountry:
      issuer?.country ??
      marked?.country ??
      (parsedDateline?.agency && datelineAgency && countries.some((country) => country.code === datelineAgency) ? datelineAgency : null),
    year,
    tripCountry: leadVisit,
    isMeetingSentence,
  });
  warnings.push(...meetingWarnings);
  const { impliedTopics, impliedTopicsByRole } = loadMeetingVocabulary();
  // Titles, ministries and cities name things; their words ("Diaspora Affairs", "Port Vila") are not topics.
  const names = [
    ...people.flatMap((person) => person.mentions.filter((m) => m.title).map((m) => ({ sentence: m.sentence, ...m.title! }))),
    ...sentences.flatMap((sentence, index) => [...ministrySpans(sentence.text), ...matchCities(sentence.text)].map((span) => ({ sentence: index, start: span.start, end: span.end }))),
  ];
  const topics = extractTopics(
    sentences,
    initiatives.spans,
    meetings.flatMap((meeting) => [
      ...(impliedTopics[meeting.kind] ?? []),
      ...new Set(meeting.participants.flatMap((participant) => impliedTopicsByRole[participant.roleKind] ?? [])),
    ]),
    names,
  );
  if (!issuer) warnings.push('issuing ministry not found');

  return {
    title: deriveTitle(meetings, leadText, openingText, issuer?.country ?? dateline?.country ?? null),
    dateline,
    issuerName: issuer?.name ?? null,
    issuerCountry: issuer?.country ?? null,
    sourceName,
    paragraphs,
    meetings,
    topics,
    // A person's name read as a capitalised run ("IWAYA Takeshi") is no initiative.
    // Nor is a title that runs into a name ("European Union for Foreign Affairs and Security Policy Kaja Kallas").
    initiatives: initiatives.initiatives.filter(
      (initiative) => !people.some((person) => foldKey(initiative.name).endsWith(foldKey(person.name))) && !notAnInitiative(initiative.name),
    ),
    countries,
    warnings,
  };
}
