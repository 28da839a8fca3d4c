import { matchCountries, resolveAmbiguous, resolveCountry } from './lexicon';
import { collectiveMentions, untitledParticipants } from './mentions';
import { readName, tokensOf, vocab } from './names';
import { linkDefiniteTitles, mentionsWithTitles } from './titles';
import { roleAt } from './roles';
import { knownMentions } from './known-people';
import type { OfficeHolder } from '../reference/office-holders';
import type { RoleKind } from './types';
import { escapeRegExp, foldKey, type Sentence, type Span } from './text';

/**
 * Stage 3, people: the mentions of the earlier stages (titles.ts, mentions.ts) joined into persons,
 * with their surname references and definite titles ("the minister") linked.
 *
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
  /** "Y and senior officials were present from the Nepali side": the side's country, for a Y the text gives no other. */
  sideCountry?: string;
  /** "X, accompanied by Chargé d'Affaires Y": Y's id → X's id, for a Y the text gives no country. */
  accompanies?: number;
  /**
   * Named as a senior office holder in the post they held on the release's date (known-people.ts): the
   * post's country, which a participant takes before any the text implies. `country` stays what the
   * text says: a ministry's own minister goes unqualified, and the issuer is read from that.
   */
  known?: { country: string | null };
}

/** The country of a post the reference knows the person held, else the one the text gives them. */
export function countryOf(person: Person): string | null {
  return person.known?.country ?? person.country;
}

/** Finds every person in the release, their titles, countries and all their mentions. */
export function findPeople(
  sentences: Sentence[],
  fullText: string,
  isMeetingSentence: (index: number) => boolean = () => false,
  /** Spans that are names of something else (initiatives): never a person. */
  notNames: Array<Span & { sentence: number }> = [],
  /** The release's date (or only its year): which office holders were in post (known-people.ts). */
  when: { date: string | null; year: number } | null = null,
): Person[] {
  const people: Person[] = [];
  const byToken = (token: string): Person | undefined => {
    const key = foldKey(token);
    return (
      people.find((person) => foldKey(tokensOf(person.name).slice(-1)[0] ?? '') === key) ??
      people.find((person) => tokensOf(person.name).some((t) => foldKey(t) === key))
    );
  };

  let titled = [...mentionsWithTitles(sentences, fullText)];
  for (const mention of collectiveMentions(sentences, fullText)) {
    const overlapping = (m: (typeof titled)[number]) => m.sentence === mention.sentence && m.name.start < mention.name.end && mention.name.start < m.name.end;
    // A list's title says more than a courtesy title does ("Egypt - Dr. Badr Abdelatty").
    titled = titled.filter((m) => !(overlapping(m) && m.role === null));
    if (!titled.some(overlapping)) titled.push(mention);
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
    // "Ambassador Bustos Lagos" after "Mr. Rodrigo Bustos Lagos": a double surname under a bare post.
    // (or with no post at all: "Grlić Radman held talks" after "Minister Gordan Grlić Radman")
    // (or under a post written bare: "State Secretary Vestergaard Lund" after "Henrik Vestergaard Lund")
    const barePost = !mention.role || !/\s(?:of|for|to|in|at)\s/u.test(mention.role);
    if (!person && full && mention.name.tokens.length === 2 && (mention.reference || barePost)) {
      const tail = ' ' + foldKey(mention.name.name);
      const owners = people.filter((candidate) => candidate.name.split(/\s+/u).length >= 3 && foldKey(candidate.name).endsWith(tail));
      if (owners.length === 1) person = owners[0];
    }
    // "Minister of State Khar" after "Minister of State for Foreign Affairs Hina Rabbani Khar": a post
    // and a surname only, the surname of someone named in full.
    if (!person && full && mention.name.tokens.length === 1 && mention.role && !mention.reference) {
      const key = foldKey(mention.name.tokens[0]);
      const owners = people.filter((candidate) => candidate.name.split(/\s+/u).length >= 2 && foldKey(tokensOf(candidate.name).slice(-1)[0] ?? '') === key);
      if (owners.length === 1) person = owners[0];
    }
    // "K. Budrys" after "Kęstutis Budrys": an initial and a surname name the person already known.
    const [initial, ...restTokens] = mention.name.tokens;
    if (!person && restTokens.length === 1 && /^\p{Lu}\p{Ll}?\.$/u.test(initial)) {
      const known = byToken(restTokens[0]);
      if (known && foldKey(known.name).startsWith(foldKey(initial.slice(0, -1)))) person = known;
    }
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
    } else if (
      // "Federal Councillor Ignazio Cassis, head of the Federal Department of Foreign Affairs": of two
      // posts written side by side, the foreign-policy one says who they are at the meeting.
      mention.role && !mention.reference && mention.roleKind && (person.roleKind === 'OFFICIAL' || person.roleKind === 'OTHER') &&
      ['FOREIGN_MINISTER', 'DEPUTY_FOREIGN_MINISTER', 'HEAD_OF_STATE', 'HEAD_OF_GOVERNMENT'].includes(mention.roleKind)
    ) {
      person.role = mention.role;
      person.roleKind = mention.roleKind;
    } else if (mention.role && !mention.reference && mention.roleKind && /^\p{L}+$/u.test(person.role.trim()) && mention.role.trim().length > person.role.trim().length) {
      // "Minister Ronald Lamola" in a summary lead, "South Africa's Minister of International Relations
      // and Cooperation Ronald Lamola" in the body: the post written in full says what the bare word meant.
      person.role = mention.role;
      person.roleKind = mention.roleKind;
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

  if (when) addKnownPeople(sentences, people, notNames, when);

  // Bare mentions of known people: "Nurtleu noted", "Fidan and Meredov discussed", "Jeyhun Bayramov".
  // One pattern per person (the full name first, then the surname forms only they hold), built once.
  const formPatterns = people.map((person) => {
    const forms = [person.name, ...tokensOf(person.name).filter((token) => token.length >= 3 && byToken(token) === person)];
    return new RegExp(`(?<![\\p{L}\\p{N}'’-])(?:${forms.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}-])`, 'gu');
  });
  sentences.forEach((sentence, sentenceIndex) => {
    people.forEach((person, index) => {
      for (const match of sentence.text.matchAll(formPatterns[index])) {
        const span = { start: match.index, end: match.index + match[0].length };
        const covered = people.some((p) =>
          p.mentions.some((m) => m.sentence === sentenceIndex && m.start <= span.start && m.end >= span.end),
        );
        if (covered) continue;
        person.mentions.push({ sentence: sentenceIndex, ...span, phraseStart: span.start, full: match[0] === person.name });
      }
    });
  });
  linkDefiniteTitles(sentences, people, fullText);
  linkAcronymTitles(sentences, people);
  for (const person of people) person.mentions.sort((a, b) => a.sentence - b.sentence || a.start - b.start);
  // "Minister X, accompanied by Chargé d'Affaires Y," / "X was accompanied by Y": Y is of X's side.
  for (const person of people) {
    if (person.country) continue;
    for (const mention of person.mentions) {
      const text = sentences[mention.sentence].text;
      const cues = [
        ...text
          .slice(0, mention.phraseStart)
          .matchAll(/\b(?:accompanied(?:\s+(?:on|at|during|in)\s+(?:the|this|his|her)\s+(?:[\w-]+\s+){0,2}?(?:visit|meeting|talks|reception|ceremony|event))?\s+by|together\s+with|and\s+(?:his|her)\s+delegation,?\s+including|(?:and|with)\s+(?:an?|the|his|her)\s+(?:[\w-]+\s+)?delegation,?\s+(?:that|which)\s+included|delegation\s+(?:comprising|consisting\s+of|including))\s+/gu),
      ];
      const cue = cues[cues.length - 1];
      // "X, Deputy Foreign Minister for Political Affairs, accompanied Araghchi at this meeting": the
      // one accompanied is named after the verb.
      const active = cue ? null : /^(?:,[^.;]{0,120}?,)?\s+(?:also\s+)?accompanied\s+$/u;
      if (active) {
        const after = people.find(
          (other) =>
            other !== person &&
            other.mentions.some((m) => m.sentence === mention.sentence && m.start > mention.end && active.test(text.slice(mention.end, m.phraseStart))),
        );
        if (after) {
          person.accompanies = after.id;
          break;
        }
      }
      if (!cue) continue;
      const between = (m: PersonMention) => m.sentence === mention.sentence && m.start >= cue.index && m.start < mention.start;
      // Someone named between the cue and this person stops it, unless they are of the list too
      // ("a delegation that included Minister of Justice A, Minister B and Deputy Minister C").
      const inBetween = people.filter((other) => other !== person && other.mentions.some(between));
      // (one of the list whose country the text gives, "Ethiopia's Ambassador to India X", is of it too)
      if (inBetween.some((other) => other.accompanies === undefined && !other.country)) continue;
      // ... and only as the next item of that list: "A, B and C", not "A, ..., was received by C".
      const lastEnd = Math.max(-1, ...inBetween.flatMap((other) => other.mentions.filter(between).map((m) => m.end)));
      // (a word of the post may stand before its title: "..., Parliamentary State Secretary of ...")
      if (lastEnd >= 0 && !/^\s*(?:,\s*(?:and\s+)?|and\s+)(?:by\s+)?(?:the\s+)?(?:\p{Lu}\p{Ll}+\s+)?$/u.test(text.slice(lastEnd, mention.phraseStart))) continue;
      let anchor: { id: number; end: number } | null = null;
      for (const other of people) {
        if (other === person) continue;
        for (const m of other.mentions) {
          if (m.sentence === mention.sentence && m.end <= cue.index && (!anchor || m.end > anchor.end)) anchor = { id: other.id, end: m.end };
        }
      }
      // "The Minister was accompanied by Vice Minister X": the release's principal, named in its lead.
      if (!anchor && /^accompanied/u.test(cue[0]) && /^(?:the\s+(?:foreign\s+)?minister|he|she)\s+(?:was|is)\s+(?:also\s+)?$/iu.test(text.slice(0, cue.index))) {
        const principal = people.find((other) => other !== person && other.mentions.some((m) => m.sentence === 0));
        if (principal) anchor = { id: principal.id, end: 0 };
      }
      if (anchor) {
        person.accompanies = anchor.id;
        // "Fajon is accompanied by State Secretary Neža Kovač": a deputy's post written bare, beside a
        // foreign minister, is at that minister's ministry.
        if (person.roleKind === 'OFFICIAL' && people[anchor.id].roleKind === 'FOREIGN_MINISTER' && BARE_DEPUTY.test(person.role.trim())) person.roleKind = 'DEPUTY_FOREIGN_MINISTER';
        // ("accompanied by ... and Director Aishath Shiham": a director written bare is the ministry's diplomat)
        if (person.roleKind === 'OFFICIAL' && people[anchor.id].roleKind === 'FOREIGN_MINISTER' && BARE_DIRECTOR.test(person.role.trim())) person.roleKind = 'DIPLOMAT';
        break;
      }
    }
  }
  // "Latvia's Minister of Foreign Affairs, Baiba Braže, and Minister of Defence, Andris Sprūds": the
  // country before the first title of a coordinated pair holds for the second.
  for (const person of people) {
    if (person.country) continue;
    const mention = person.mentions.find((m) => m.title);
    if (!mention) continue;
    const text = sentences[mention.sentence].text;
    let previous: { person: Person; end: number; titleStart: number } | null = null;
    for (const other of people) {
      if (other === person || !other.country) continue;
      for (const m of other.mentions) {
        if (m.sentence === mention.sentence && m.title && m.end <= mention.phraseStart && (!previous || m.end > previous.end)) previous = { person: other, end: m.end, titleStart: m.title.start };
      }
    }
    if (!previous || !/^,?\s+(?:and|as well as)\s+$/u.test(text.slice(previous.end, mention.phraseStart))) continue;
    const leading = matchCountries(text.slice(previous.titleStart, previous.titleStart + 40)).find((match) => match.start === 0 && match.code);
    if (leading) person.country = previous.person.country;
  }
  // "Deputy Foreign Minister Nguyen Minh Hang headed the Vietnamese delegation": the delegation's country.
  for (const person of people) {
    if (person.country) continue;
    for (const mention of person.mentions) {
      const after = /^\s+(?:led|headed)\s+the\s+((?:\p{Lu}[\p{L}'’-]+\s+){1,3})(?:side|delegation)\b/u.exec(sentences[mention.sentence].text.slice(mention.end));
      const country = after ? matchCountries(after[1]).find((match) => match.code) : undefined;
      if (country) {
        person.country = country.ambiguous ? resolveAmbiguous(country.form, fullText) : country.code;
        break;
      }
    }
  }
  // "Foreign Secretary X and senior officials were present from the Nepali side", "On the Mexican side,
  // the meeting was attended by ...", "The Nigerian side at the talks included ...": the one side a
  // sentence names is its unqualified people's (read at the meeting, after the issuer: the text does
  // not qualify them itself).
  const SIDE = /\b(?:(?:[Oo]n|from)\s+the\s+((?:\p{Lu}[\p{L}'’-]+\s+){1,3})side\b|[Tt]he\s+((?:\p{Lu}[\p{L}'’-]+\s+){1,3})(?:side|delegation)\s+(?:at\s+the\s+(?:talks|meeting)\s+)?(?:was\s+accompanied\s+by|(?:also\s+)?(?:included|includes|comprised|consisted)))/gu;
  for (const person of people) {
    if (person.country) continue;
    for (const mention of person.mentions) {
      const sides = [...sentences[mention.sentence].text.matchAll(SIDE)].flatMap((match) =>
        matchCountries(match[1] ?? match[2]).filter((country) => country.code).map((country) => resolveCountry(country, fullText)),
      );
      // "... received a Jordanian delegation headed by X. The delegation included Y": the delegation named before.
      if (sides.length === 0 && /^The\s+delegation\s+(?:also\s+)?(?:included|includes|comprised|consisted)\b/u.test(sentences[mention.sentence].text)) {
        // (or "a bipartisan delegation of the US House of Representatives")
        const named = sentences
          .slice(0, mention.sentence)
          .flatMap((sentence) =>
            [...sentence.text.matchAll(/\b((?:\p{Lu}[\p{L}'’-]+\s+){1,3})delegation\b|\bdelegation\s+(?:of|from)\s+(?:the\s+)?(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,2})/gu)].map((match) => match[1] ?? match[2]),
          );
        const last = named.length ? matchCountries(named[named.length - 1]).find((country) => country.code) : undefined;
        if (last) sides.push(resolveCountry(last, fullText));
      }
      if (new Set(sides).size === 1 && sides[0]) {
        person.sideCountry = sides[0];
        break;
      }
    }
  }
  // "Deputy Minister X held political consultations with his counterpart, First Deputy Foreign Minister
  // Y": a bare deputy's post in consultations, or against a foreign ministry's deputy as counterpart,
  // is at the foreign ministry.
  for (const person of people) {
    if (person.roleKind !== 'OFFICIAL' || !BARE_DEPUTY.test(person.role.trim())) continue;
    const foreign = person.mentions.some((mention) => {
      const text = sentences[mention.sentence].text;
      if (/\bpolitical\s+consultations?\b/iu.test(text)) return true;
      return (
        /\b(?:his|her)\s+counterpart\b/u.test(text) &&
        people.some((other) => other !== person && other.roleKind === 'DEPUTY_FOREIGN_MINISTER' && other.mentions.some((m) => m.sentence === mention.sentence))
      );
    });
    if (foreign) person.roleKind = 'DEPUTY_FOREIGN_MINISTER';
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

/** A post the text writes as a deputy's or a junior's: the reference's senior post does not replace it. */
const JUNIOR_POST = /\b(?:deputy|vice|under|assistant|state|junior|first|second|former|ex|late|outgoing|acting|designate|elect|adviser|advisor|special|envoy|representative)\b/iu;
const GENERIC_POST: Partial<Record<RoleKind, string>> = {
  FOREIGN_MINISTER: 'Foreign Minister',
  HEAD_OF_STATE: 'Head of State',
  HEAD_OF_GOVERNMENT: 'Head of Government',
};

function sameName(a: string, b: string): boolean {
  const left = foldKey(a).split(' ');
  const rightWords = foldKey(b).split(' ');
  const right = new Set(rightWords);
  if (left.length === 0 || right.size === 0) return false;
  // A one-word name is the other's surname, not any of its words ("Ali" is not "Ali Sabry").
  if (left.length === 1) return rightWords[rightWords.length - 1] === left[0];
  const shared = left.filter((token) => right.has(token)).length;
  // One name's words all in the other's ("Dar" / "Ishaq Dar" / "Mohammad Ishaq Dar").
  return shared === Math.min(left.length, right.size) && shared >= 1;
}

/**
 * Office holders the text names in full (known-people.ts): a person the rules found there takes the
 * post's country, and its role kind where the text's post was too bare to say; one the rules did not
 * find is added, with the post held on the release's date. Someone named but in no listed post then
 * ("former Foreign Minister X", a namesake) is left to the rules.
 */
function addKnownPeople(
  sentences: Sentence[],
  people: Person[],
  notNames: Array<Span & { sentence: number }>,
  when: { date: string | null; year: number },
): void {
  for (const known of knownMentions(sentences, when.date, when.year)) {
    if (known.posts.length === 0) continue;
    if (notNames.some((span) => span.sentence === known.sentence && span.start < known.end && known.start < span.end)) continue;
    const person =
      people.find((p) => p.mentions.some((m) => m.sentence === known.sentence && m.start < known.end && known.start < m.end)) ??
      people.find((p) => sameName(p.name, known.text));
    if (person) {
      const post = known.posts.find((candidate) => candidate.role === person.roleKind) ?? known.posts[0];
      if (post.role !== person.roleKind && mayTakeKind(person, post)) {
        person.roleKind = post.role;
        if (!person.role.trim()) person.role = post.post ?? GENERIC_POST[post.role] ?? '';
      }
      if (person.roleKind === post.role) {
        person.known = { country: post.country };
        if (post.country === null) person.organisation ??= post.body;
      }
      continue;
    }
    const post = known.posts[0];
    people.push({
      id: people.length,
      name: known.text,
      role: post.post ?? GENERIC_POST[post.role] ?? '',
      roleKind: post.role,
      country: null,
      organisation: post.country === null ? post.body : null,
      mentions: [{ sentence: known.sentence, start: known.start, end: known.end, phraseStart: known.start, full: true }],
      roleFromReference: false,
      known: { country: post.country },
    });
  }
}

/**
 * The text's post is too bare to say which post a known office holder held: none, a surname reference
 * ("Minister Bayramov"), a lone word ("Secretary Lazaro"), or a post of no kind of its own.
 */
function mayTakeKind(person: Person, post?: OfficeHolder): boolean {
  const role = person.role.trim();
  if (!role || person.roleFromReference || BARE_POST.test(role)) return true;
  // (an organisation's head the text gives a post the rules read as national: "High Representative Kaja Kallas")
  if ((person.roleKind === 'OTHER' || person.roleKind === 'OFFICIAL') && post?.role === 'INTERNATIONAL_OFFICIAL') return true;
  return (person.roleKind === 'OTHER' || person.roleKind === 'OFFICIAL') && !JUNIOR_POST.test(role);
}

const BARE_POST = /^(?:(?:the|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|H\.?\s?E\.?|Hon\.?)\s+)*(?:Minister|Secretary|Excellency|Chancellor|Foreign\s+Minister|Foreign\s+Secretary)?$/iu;

/** A deputy's post with nothing after it: "State Secretary", "Deputy Minister". */
const BARE_DIRECTOR = /^(?:Deputy\s+)?Director(?:[\s-]+General)?$/u;
const BARE_DEPUTY = /^(?:Parliamentary\s+)?(?:State\s+Secretary|Secretary\s+of\s+State|Deputy\s+Minister|Vice[\s-]+Minister|Under-?[Ss]ecretary(?:\s+of\s+State)?)$/u;

/**
 * "PCS Mudavadi also invited ...", then "the PCS updated the envoys": a post's acronym written before
 * one person's surname names that person where it stands alone after "the".
 */
function linkAcronymTitles(sentences: Sentence[], people: Person[]): void {
  const owners = new Map<string, Set<Person>>();
  for (const person of people) {
    for (const mention of person.mentions) {
      const acronym = /(?:^|[\s(])(\p{Lu}{2,5})\s+$/u.exec(sentences[mention.sentence].text.slice(Math.max(0, mention.start - 8), mention.start));
      if (!acronym || matchCountries(acronym[1]).length > 0) continue;
      if (!owners.has(acronym[1])) owners.set(acronym[1], new Set());
      owners.get(acronym[1])!.add(person);
    }
  }
  // ... or the initials of one person's post ("Principal Secretary" → "the PS", "Deputy Prime Minister" → "the DPM").
  for (const person of people) {
    const post = person.role.split(/,|\s(?:of|for|to|at|in)\s/u)[0].trim();
    const words = post.split(/\s+/u);
    if (words.length < 2 || !words.every((word) => /^\p{Lu}/u.test(word))) continue;
    const initials = words.map((word) => word[0]).join('');
    if (!owners.has(initials)) owners.set(initials, new Set());
    owners.get(initials)!.add(person);
  }
  for (const [acronym, holders] of owners) {
    if (holders.size !== 1) continue;
    const [person] = [...holders];
    const pattern = new RegExp(`\\b[Tt]he\\s+(${escapeRegExp(acronym)})\\b`, 'gu');
    sentences.forEach((sentence, sentenceIndex) => {
      for (const match of sentence.text.matchAll(pattern)) {
        const start = match.index + match[0].length - acronym.length;
        if (person.mentions.some((m) => m.sentence === sentenceIndex && m.start <= start && m.end >= start)) continue;
        person.mentions.push({ sentence: sentenceIndex, start, end: start + acronym.length, phraseStart: match.index, full: false });
      }
    });
  }
}

let signatureCourtesy: RegExp | null = null;

/**
 * A minister's first-person release ("Today I welcomed His Excellency X") signed in its header lines:
 * a name line ("Senator the Hon Penny Wong") followed by a post line ("Minister for Foreign Affairs").
 * The signer is a person whose mentions are the sentences' "I" (and "my"); nothing when the release
 * has no such byline or does not speak in the first person.
 */
export function bylinePerson(headlines: string[], sentences: Sentence[], people: Person[]): Person | null {
  // The courtesy run of a signature line: "Senator the Hon", "The Rt Hon".
  signatureCourtesy ??= new RegExp(`^(?:(?:${vocab().courtesySource}|the|The|Hon|Honourable|Rt)\\s+){0,5}`, 'u');
  const courtesy = signatureCourtesy;
  for (let index = 0; index + 1 < headlines.length; index++) {
    const line = headlines[index].trim();
    const post = headlines[index + 1].trim();
    const role = roleAt(post, 0);
    if (!role || role.end !== post.replace(/[.,]$/, '').length) continue;
    const prefix = courtesy.exec(line)![0];
    const name = readName(line, prefix.length);
    if (!name || name.tokens.length < 2 || name.end !== line.length) continue;
    const mentions: PersonMention[] = [];
    sentences.forEach((sentence, sentenceIndex) => {
      for (const match of sentence.text.matchAll(/(?<![\p{L}'’])I(?![\p{L}'’.])/gu)) {
        mentions.push({ sentence: sentenceIndex, start: match.index, end: match.index + 1, phraseStart: match.index, full: false });
      }
    });
    if (mentions.length === 0) return null;
    const known = people.find((person) => foldKey(person.name) === foldKey(name.name));
    if (known) {
      known.mentions.push(...mentions);
      known.mentions.sort((a, b) => a.sentence - b.sentence || a.start - b.start);
      return null;
    }
    return {
      id: people.length,
      name: name.name,
      role: role.text,
      roleKind: role.kind,
      country: null,
      organisation: null,
      mentions,
      roleFromReference: false,
    };
  }
  return null;
}
