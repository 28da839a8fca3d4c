import { ministrySpans } from './issuer';
import { loadMeetingVocabulary } from '../reference/meetings';
import type { ExtractedDateline, ExtractedMeeting, ExtractedParticipant, MeetingKind, ParticipantSide } from './types';
import { findDateIn } from './dateline';
import { findCountry } from '../reference/countries';
import { countryNamedAt, matchCities, matchCountries, resolveAmbiguous, resolveCountry } from './lexicon';
import { countryOf, type Person, type PersonMention } from './people';
import type { Sentence } from './text';

export interface MeetingContext {
  sentences: Sentence[];
  /** The lead sentence without its dateline, for the "Consultations ... were held" openings. */
  leadText: string;
  /** Headline lines above the body: they name the meeting's kind ("Secretary Rubio's Call with ..."). */
  headlines?: string[];
  people: Person[];
  dateline: ExtractedDateline | null;
  issuerCountry: string | null;
  year: number;
  /**
   * The country the release's lead person travels to ("Deputy Minister X paid a working visit to the
   * Republic of Kenya, during which she held consultations with ..."): the people met there, unqualified,
   * are its.
   */
  tripCountry?: string | null;
  /** Whether a sentence has a meeting verb of `triggers` (read once per sentence by the caller). */
  isMeetingSentence: (index: number) => boolean;
}

interface Draft {
  /** The sentence that reports the meeting. */
  sentence: number;
  participants: number[];
  /** Opened by "Consultations ... were held": kept even before anyone is named. */
  fromEventLead: boolean;
  /** Opened by "X paid an official visit": everything after it happens during the visit. */
  visit: boolean;
  /** "X called Y": a phone call whatever else the sentence says. */
  called?: boolean;
  /**
   * Announced as separate meetings before the counterparts are named ("received, in separate
   * audiences, copies of the credentials of the new ambassadors of A, B and C"): each counterpart
   * named later meets the host on their own.
   */
  separate?: boolean;
  /** Meetings announced beside the event the sentence tells ("took part in ... and held a number of bilateral meetings on its margins"): dropped when no counterpart is named. */
  announcedOnly?: boolean;
  /** One of those later meetings: of the announcing meeting's kind. */
  ofSeparate?: boolean;
  /**
   * A meeting set apart from the one before among some of its people ("On the sidelines of the meeting,
   * X and Y held a bilateral exchange", "X also held separate meetings with Y and Z"): the place of the
   * meeting before says nothing of who hosted it.
   */
  apart?: boolean;
  /** Those the text puts at every meeting ("The ceremonies were attended by X"): at each one split from this. */
  everywhere?: Set<number>;
  /**
   * The visit is named only in a relative clause ("X, who is on an official visit to B, held talks with
   * Y") and the text reports the visit's other meetings each with its own subjects: each is a meeting of
   * its own kind, with no OFFICIAL_VISIT around them (test/fixtures/LABELLING.md).
   */
  noVisit?: boolean;
  /** A later meeting without the visitor of a visit named in a relative clause: not the visit's. */
  notVisit?: boolean;
  /** Opened by a later sentence that names the event before its people ("On the same day, consultations ... took place"). */
  laterEvent?: boolean;
  /** People a participation sentence added ("X, Deputy Foreign Minister, accompanied Araghchi at this meeting"). */
  joined?: Map<number, number>;
  /** One of the meetings a "separate meetings" sentence was split into (splitSeparate). */
  split?: boolean;
}

export interface MeetingResult {
  meetings: ExtractedMeeting[];
  /** The person ids of each meeting's participants, in the order of `meetings`. */
  participantIds: number[][];
  warnings: string[];
}

/** A mention after "the greetings of", "a message from H.E.", "will meet": the person is only named there. */
function namedOnly(mention: PersonMention, text: string): boolean {
  return loadMeetingVocabulary().notPresent.some((pattern) => pattern.test(text.slice(0, mention.phraseStart)));
}

/** Whether every mention of a person only names them ("a message from H.E. X, President of Ghana"). */
export function onlyMentioned(person: Person, sentences: Sentence[]): boolean {
  return person.mentions.every((mention) => namedOnly(mention, sentences[mention.sentence].text));
}

/** People named in a sentence as present there (not "the greetings of President X"). */
function presentIn(sentenceIndex: number, ctx: MeetingContext): number[] {
  const { sourceClauses } = loadMeetingVocabulary();
  const text = ctx.sentences[sentenceIndex].text;
  const ids: number[] = [];
  for (const person of ctx.people) {
    const here = person.mentions.filter((mention) => mention.sentence === sentenceIndex);
    const present = here.some(
      (mention) => !namedOnly(mention, text) && !(mention.start > 0 && sourceClauses.some((pattern) => pattern.test(text.slice(mention.end)))),
    );
    if (present) ids.push(person.id);
  }
  return ids.sort((a, b) => firstMention(a, sentenceIndex, ctx) - firstMention(b, sentenceIndex, ctx));
}

function firstMention(personId: number, sentenceIndex: number, ctx: MeetingContext): number {
  const mention = ctx.people[personId].mentions.find((m) => m.sentence === sentenceIndex);
  return mention ? mention.start : Number.MAX_SAFE_INTEGER;
}

function draftMeetings(ctx: MeetingContext): Draft[] {
  const vocabulary = loadMeetingVocabulary();
  const drafts: Draft[] = [];
  const lead = ctx.sentences[0]?.text ?? '';
  const leadIsStatement =
    vocabulary.statementLeads.some((pattern) => pattern.test(lead)) && !vocabulary.triggers.some((pattern) => pattern.test(lead));
  const inAnyMeeting = (id: number) => drafts.some((draft) => draft.participants.includes(id));
  let listOpen = false;
  // Those present at every meeting ("The Permanent Secretary was present at all three meetings"), by
  // the sentence that says so.
  const everywhere = new Map<number, number>();
  ctx.sentences.forEach((sentence, index) => {
    // After a lead that announces or states, only a meeting the text says already happened counts
    // ("Earlier today, the Tánaiste met in Dublin with ..."), and what joins it.
    if (leadIsStatement && !vocabulary.separateMeetings.alreadyHeld.some((pattern) => pattern.test(sentence.text)) && drafts.length === 0) return;
    const present = presentIn(index, ctx);
    if (present.length > 0 && vocabulary.allMeetings.some((pattern) => pattern.test(sentence.text)) && !vocabulary.triggers.some((pattern) => pattern.test(sentence.text))) {
      for (const id of present) if (!everywhere.has(id)) everywhere.set(id, index);
      return;
    }
    for (const id of groupMembers(sentence.text, drafts[drafts.length - 1], present, ctx)) if (!present.includes(id)) present.push(id);
    // "Fidan hosted his Omani counterpart in Ankara", then "Fidan and Sayyid Badr bin Hamad Albusaidi
    // discussed ..." or "The talks with ..., Tanja Fajon, focused on ...": the counterpart the lead left
    // unnamed, named in one of the next sentences, is at its meeting (and that sentence tells no other).
    const waiting = drafts.length === 1 && drafts[0].participants.length === 1 && index > drafts[0].sentence && index <= drafts[0].sentence + 3 ? drafts[0] : undefined;
    if (waiting) {
      const unnamed = UNNAMED_COUNTERPART.exec(ctx.sentences[waiting.sentence].text);
      const principal = ctx.people[waiting.participants[0]];
      const code = unnamed?.[1] ? matchCountries(unnamed[1]).find((match) => match.code)?.code ?? null : null;
      const counterpart = unnamed
        ? present.find((id) => {
            const person = ctx.people[id];
            if (id === principal.id || inAnyMeeting(id)) return false;
            const country = countryOf(person);
            return code ? country === code : person.roleKind === principal.roleKind && country !== principal.country;
          })
        : undefined;
      if (counterpart !== undefined) {
        waiting.participants.push(counterpart);
        return;
      }
    }
    // After "held separate meetings with his counterparts from A and B", a sentence about the host
    // ("In his meeting with X", "With the Ambassador of B, Y, the minister discussed", "Gedion discussed
    // with X and with Y") that names someone new gives each of them a meeting with the host.
    const announced = drafts.find((draft) => draft.separate);
    if (announced && index > announced.sentence) {
      const host = announced.participants[0];
      // (counterparts are foreign: "took over the Foreign Ministry from Mevlut Cavusoglu" names a compatriot)
      const hostCountry = countryOf(ctx.people[host]);
      const newcomers = present.filter((id) => id !== host && !inAnyMeeting(id) && (!hostCountry || countryOf(ctx.people[id]) !== hostCountry));
      const aboutHost = present.includes(host) || vocabulary.separateMeetings.hostReference.some((pattern) => pattern.test(sentence.text));
      if (newcomers.length > 0 && aboutHost && !vocabulary.participation.some((pattern) => pattern.test(sentence.text))) {
        for (const id of newcomers) {
          if (announced.participants.length === 1) announced.participants.push(id);
          else drafts.push({ sentence: index, participants: [host, id], fromEventLead: false, visit: false, ofSeparate: true });
        }
        return;
      }
    }
    // "The visiting Secretary-General also called on X": the one of an earlier meeting whose post that is.
    const visiting = VISITING_REFERENCE.exec(sentence.text);
    if (visiting && present.length > 0) {
      const title = visiting[1].toLowerCase();
      const named = ctx.people.find((person) => !present.includes(person.id) && inAnyMeeting(person.id) && person.role.toLowerCase().startsWith(title));
      if (named) present.unshift(named.id);
    }
    // "In his meeting with X", "He also met X": the principal meets X.
    const principal = drafts[0]?.participants[0];
    if (principal !== undefined && !present.includes(principal) && present.length > 0 && vocabulary.pronounMeetings.some((pattern) => pattern.test(sentence.text))) {
      present.unshift(principal);
    }
    // "In a meeting with X, the priorities ... were discussed": X alone, in a release about its principal.
    if (principal !== undefined && present.length === 1 && present[0] !== principal && UNNAMED_SIDE_MEETING.test(sentence.text)) present.unshift(principal);
    // "He made the call when he led Ghana's delegation to the 89th Ordinary Session ...": the principal
    // (the lead sentence's first person, as a pronoun or by name) at an event, before any meeting.
    if (drafts.length === 0 && present.length <= 1 && index > 0 && vocabulary.pronounEvents.some((pattern) => pattern.test(sentence.text))) {
      const leadId = leadPeople(ctx)[0];
      const lead = leadId === undefined ? undefined : ctx.people[leadId];
      // (or by name: "Tuggar made the call at the G20 Foreign Ministers' Meeting")
      if (lead && (present.length === 0 || present[0] === lead.id)) {
        // ("led Ghana's delegation": the delegation's country is theirs when nothing else says)
        const delegation = /\b(?:led|headed)\s+(?:the\s+)?((?:\p{Lu}[\p{L}'’-]+\s+){1,3})delegation\b/u.exec(sentence.text);
        const code = delegation ? matchCountries(delegation[1]).find((match) => match.code)?.code : undefined;
        if (code && !countryOf(lead)) lead.sideCountry ??= code;
        drafts.push({ sentence: index, participants: [lead.id], fromEventLead: false, visit: false });
        return;
      }
    }
    // "On the same day, political consultations between the foreign ministries of Armenia and Latvia
    // took place in Yerevan.": another event, its people named after it.
    const event = index > 0 && drafts.length > 0 && present.length === 0 ? sentence.text.replace(LATER_EVENT_OPENING, '') : null;
    // (not the meeting told already: "The meeting started at 10:00")
    if (event !== null && !/^(?:the|this|that|these|their)\s/iu.test(event) && vocabulary.eventLeads.some((pattern) => pattern.test(event))) {
      drafts.push({ sentence: index, participants: [], fromEventLead: false, visit: false, laterEvent: true });
      return;
    }
    // "X received a written message from President Y. The message was handed over by Ambassador Z during a
    // meeting": X met Z (Y is only named).
    const handover = index > 0 && MESSAGE_HANDOVER.test(sentence.text) && /\breceived\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}message\b/iu.test(ctx.sentences[index - 1].text);
    const receiver = handover ? presentIn(index - 1, ctx)[0] : undefined;
    const deliverer = present.find((id) => id !== receiver);
    if (receiver !== undefined && deliverer !== undefined && !present.includes(receiver)) {
      drafts.push({ sentence: index, participants: [receiver, deliverer], fromEventLead: false, visit: false, apart: true });
      return;
    }
    // (not a trip to two countries or more: "made a working visit to Japan and the Republic of Korea" is
    // told as its meetings, each on its own)
    const visitLead = index === 0 && vocabulary.visitLeads.some((pattern) => pattern.test(sentence.text)) && !severalCountries(sentence.text);
    // "Safadi later called Slovenian Foreign Minister Tanja Fajon": "called" straight before a person
    // named there is a phone call ("called for", "called on all parties" name nobody).
    const called = calledSomeone(index, ctx);
    const audience = vocabulary.audienceEvents.some((pattern) => pattern.test(sentence.text));
    const recalled = vocabulary.recalled.some((pattern) => pattern.test(sentence.text));
    const trigger = !recalled && (visitLead || called || audience || calledOn(index, ctx) || ctx.isMeetingSentence(index));
    const eventLead = index === 0 && vocabulary.eventLeads.some((pattern) => pattern.test(ctx.leadText));
    const current = drafts[drafts.length - 1];
    // "The Ambassadors-designate are as follows:" and then "i. H.E. Mr. X, Ambassador-designate of
    // Brazil;": the items of a list under a meeting are its people.
    const previous = ctx.sentences[index - 1];
    const item =
      sentence.enumerated !== undefined &&
      previous !== undefined &&
      (previous.text.trimEnd().endsWith(':') || (listOpen && previous.enumerated === sentence.enumerated));
    listOpen = item || sentence.text.trimEnd().endsWith(':');
    // "Within the framework of the visit, X was received by Y" after consultations whose sentences (up to
    // the meeting's own) tell no visit: a meeting of its own during the stay, not more people at the
    // meeting before (where they tell one, the visit is that meeting).
    const visitFrame =
      trigger && current !== undefined && !current.visit && VISIT_FRAME.test(sentence.text) && !ctx.sentences.slice(0, current.sentence + 1).some((before) => /\bvisit\b/iu.test(before.text));
    const participation = item || (!visitFrame && vocabulary.participation.some((pattern) => pattern.test(sentence.text)));
    // During a visit, a meeting the text sets apart ("held a bilateral meeting with X") is one of its own.
    const apartInVisit = current?.visit && trigger && !participation && present.length >= 2 && vocabulary.apartMeetings.some((pattern) => pattern.test(sentence.text));
    if (apartInVisit) {
      drafts.push({ sentence: index, participants: present, fromEventLead: false, visit: false, apart: true });
      return;
    }
    // "Earlier on Tuesday, Wang chaired a meeting of foreign ministers ..., which was attended by Saidov,
    // Kulubaev and their counterparts", "In the evening, Nafti, together with ..., attended the opening
    // ceremony": another event, at another time, among people already met.
    if (
      current &&
      !current.visit &&
      (trigger || participation) &&
      present.length >= 2 &&
      vocabulary.separateMeetings.timeShift.some((pattern) => pattern.test(sentence.text)) &&
      (present.length !== current.participants.length ||
        present.some((id) => !current.participants.includes(id)) ||
        // the meeting before is several, one per counterpart ("met separately with A and B")
        vocabulary.separateMeetings.separate.some((pattern) => pattern.test(ctx.sentences[current.sentence].text)))
    ) {
      drafts.push({ sentence: index, participants: present, fromEventLead: false, visit: false });
      return;
    }
    if (current && !current.visit && participation && present.length >= 2 && vocabulary.separateMeetings.alsoJoined.some((pattern) => pattern.test(sentence.text))) {
      drafts.push({ sentence: index, participants: present, fromEventLead: false, visit: false, apart: true });
      return;
    }
    // ("On the same day, Minister Y received Ambassador of Korea Z": a meeting of the host without the
    // visitor, with someone new, is not the visit's)
    if (
      current?.visit &&
      trigger &&
      !participation &&
      present.length >= 2 &&
      !present.includes(current.participants[0]) &&
      present.some((id) => current.participants.includes(id)) &&
      present.some((id) => !current.participants.includes(id))
    ) {
      drafts.push({ sentence: index, participants: present, fromEventLead: false, visit: false, apart: true, notVisit: true });
      return;
    }
    if (current?.visit && (trigger || participation)) {
      for (const id of present) if (!current.participants.includes(id)) current.participants.push(id);
      return;
    }
    // "welcomed his Egyptian counterpart, ahead of a trilateral meeting of ...", then "The trilateral
    // meeting, hosted by Kombos, was attended by A and B": the meeting announced, now told.
    if (participation && current && !current.visit && present.length >= 2 && announcedAhead(sentence.text, index, ctx)) {
      drafts.push({ sentence: index, participants: present, fromEventLead: false, visit: false, apart: true });
      return;
    }
    // "On the sidelines of the session, Mohamad held bilateral meetings with his Iranian, Pakistani and
    // Turkish counterparts": after the event, meetings announced apart from it, each with a counterpart
    // the next sentences name.
    if (
      trigger &&
      !audience &&
      current !== undefined &&
      present.length === 1 &&
      !drafts.some((draft) => draft.separate) &&
      /\b(?:meetings|talks|conversations)\b/iu.test(sentence.text) &&
      vocabulary.apartMeetings.some((pattern) => pattern.test(sentence.text)) &&
      [...vocabulary.separateMeetings.announced, ...vocabulary.separateMeetings.separate].some((pattern) => pattern.test(sentence.text))
    ) {
      drafts.push({ sentence: index, participants: [present[0]], fromEventLead: false, visit: false, separate: true, announcedOnly: true });
      return;
    }
    if ((trigger && present.length > 0) || eventLead) {
      const newcomers = present.filter((id) => !inAnyMeeting(id));
      // "On the sidelines of the meeting, Vieira held a bilateral meeting with Lamola": people of the
      // meeting before meet again, apart.
      const apart =
        trigger &&
        !participation &&
        current !== undefined &&
        present.length >= 2 &&
        (present.length !== current.participants.length ||
          present.some((id) => !current.participants.includes(id)) ||
          // the meeting before is an event the subject attended ("attended the G20 Foreign Ministers' Meeting")
          vocabulary.separateMeetings.ownEvent.some((pattern) => pattern.test(ctx.sentences[current.sentence].text)) ||
          // "On the sidelines of the event, R. Meredov held bilateral meetings with J. Bayramov and H. Fidan"
          (current.participants.length >= 3 && vocabulary.separateMeetings.separate.some((pattern) => pattern.test(sentence.text)))) &&
        (vocabulary.apartMeetings.some((pattern) => pattern.test(sentence.text)) ||
          (!current.visit && vocabulary.separateMeetings.another.some((pattern) => pattern.test(sentence.text))));
      const opensMeeting = !current || apart || (trigger && newcomers.length > 0 && current.participants.length > 0 && !participation);
      // Past the first paragraph a meeting needs two people in its sentence: one name next to a
      // verb there is usually a recollection ("the President had received the delegation").
      if (opensMeeting && sentence.paragraph > 0 && !eventLead && !audience && present.length < 2) return;
      if (opensMeeting) {
        // Not where the sentence's own event comes first ("took part in the 58th ASEAN Foreign Ministers'
        // Meeting and held separate bilateral meetings with several counterparts").
        const announcing = drafts.length === 0 && vocabulary.separateMeetings.announced.some((pattern) => pattern.test(sentence.text));
        const ownEvent = vocabulary.separateMeetings.ownEvent.some((pattern) => pattern.test(sentence.text));
        const separate = announcing && present.length === 1 && !ownEvent;
        drafts.push({ sentence: index, participants: present, fromEventLead: eventLead, visit: visitLead, called, separate, apart: apart || undefined });
        // "X, who took part in the meeting of the EU Foreign Affairs Council ..., held a number of
        // bilateral meetings on its margins": the event, and the meetings announced beside it, each
        // with a counterpart the next sentences name (none named: none).
        if (announcing && ownEvent && !visitLead) drafts.push({ sentence: index, participants: [present[0]], fromEventLead: false, visit: false, separate: true, announcedOnly: true });
      } else {
        for (const id of newcomers) current.participants.push(id);
      }
    } else if (participation && !current && present.length >= 2 && index <= 3 && ctx.sentences.slice(0, index).some((s) => /\b(?:meeting|consultations|talks|negotiations)\b/iu.test(s.text))) {
      // "Avaza hosted the next meeting of the Ministers of Foreign Affairs of ...", then "The meeting
      // was attended by A, B and C": the meeting the lead announced, its people named after it
      // ("political consultations ... were held in Baku. The Azerbaijani delegation was headed by ...").
      drafts.push({ sentence: index, participants: present, fromEventLead: false, visit: false });
    } else if (participation && current) {
      // "Also present at the talks were ...": the meeting told as talks, where a later one is a reception.
      const noun = /\b(?:at|in|during)\s+the\s+(talks|consultations|negotiations|meeting|reception|audience|ceremony)\b/iu.exec(sentence.text)?.[1];
      const tells = noun ? (draft: Draft) => new RegExp(`\\b${noun}\\b`, 'iu').test(ctx.sentences[draft.sentence].text) : null;
      const meant = (tells && !tells(current) ? [...drafts].reverse().find(tells) : undefined) ?? current;
      for (const id of present) {
        if (meant.participants.includes(id)) continue;
        meant.participants.push(id);
        // (not the items of a list under an announced meeting: those are its counterparts)
        if (!item) (meant.joined ??= new Map()).set(id, index);
      }
    }
  });
  const kept = drafts.filter(
    (draft, index) =>
      (draft.participants.length > 0 || (draft.fromEventLead && !draft.laterEvent)) &&
      !(draft.announcedOnly && draft.participants.length < 2) &&
      // "Three envoys presented copies of their credentials to Secretary X." and then "X received the
      // copies separately from A, B and C": the one person of a meeting told again, with its people,
      // in the next sentence is at that meeting, not at one of their own.
      !(draft.participants.length === 1 && drafts[index + 1]?.sentence === draft.sentence + 1 && drafts[index + 1].participants.includes(draft.participants[0])),
  );
  for (const draft of kept) {
    // (not a call: "The meetings were attended by the Director of Protocol" and a phone call besides)
    if (draft.called || /\b(?:(?:tele)?phone|video|online)\b/iu.test(ctx.sentences[draft.sentence].text)) continue;
    for (const [id, index] of everywhere) {
      if (draft.participants.includes(id)) continue;
      draft.participants.push(id);
      (draft.joined ??= new Map()).set(id, index);
      (draft.everywhere ??= new Set()).add(id);
    }
  }
  return kept;
}

const NUMBERS: Record<string, number> = { two: 2, both: 2, three: 3, four: 4, five: 5 };
const KIND_GROUPS: Record<string, Person['roleKind'][]> = {
  'foreign ministers': ['FOREIGN_MINISTER'],
  'ministers of foreign affairs': ['FOREIGN_MINISTER'],
  'deputy foreign ministers': ['DEPUTY_FOREIGN_MINISTER'],
  ministers: ['FOREIGN_MINISTER', 'DEPUTY_FOREIGN_MINISTER', 'MINISTER'],
};

/**
 * People a sentence names as a group: "the two ministers took part in a roundtable" (the ministers of
 * the meeting before, when there are that many), "hosted the trilateral meeting of the foreign
 * ministers of Pakistan, Türkiye and Azerbaijan" (the foreign ministers of those countries the text
 * names; one the text leaves unqualified stands for the country nobody else holds).
 */
function groupMembers(text: string, current: Draft | undefined, present: number[], ctx: MeetingContext): number[] {
  const out: number[] = [];
  // (the text, for an ambiguous country's reading: joined once, and only when one is read)
  let joined: string | undefined;
  const fullText = () => (joined ??= ctx.sentences.map((sentence) => sentence.text).join('\n'));
  const counted = /\b(?:the\s+(two|three|four|five)|(both))\s+(foreign\s+ministers|ministers)\b/iu.exec(text);
  if (counted && current) {
    const size = NUMBERS[(counted[1] ?? counted[2]).toLowerCase()];
    const kinds = KIND_GROUPS[counted[3].toLowerCase().replace(/\s+/gu, ' ')];
    const members = current.participants.filter((id) => kinds.includes(ctx.people[id].roleKind));
    // (not where the sentence names that many itself: "In another call, X discussed with Y ..., and the
    // two ministers agreed")
    if (members.length === size && present.length < size) out.push(...members);
  }
  // "In Nuku'alofa, the Ministers held talks with Acting Prime Minister X", "where Prime Minister Y hosted
  // the Ministers": the ministers the lead sentence sends on a trip together, in a sentence that names
  // someone else.
  if (!counted && /\bthe\s+[Mm]inisters\b(?!\s+(?:of|for)\s+(?:the\s+)?\p{Lu})/u.test(text)) {
    const travellers = leadTravellers(ctx);
    if (travellers.length >= 2 && present.some((id) => !travellers.includes(id))) for (const id of travellers) if (!present.includes(id) && !out.includes(id)) out.push(id);
  }
  // "the Nigerian delegation was received by X": the people of that country at the meeting before.
  const delegation = /\b[Tt]he\s+(\p{Lu}[\p{L}'’-]+)\s+(?:delegation|side)\b/u.exec(text);
  const delegationCountry = delegation ? matchCountries(delegation[1]).find((match) => match.code && match.end === delegation[1].length) : undefined;
  if (delegationCountry && current) {
    const code = resolveCountry(delegationCountry, fullText());
    for (const id of current.participants) if (ctx.people[id].country === code && !out.includes(id)) out.push(id);
  }
  // (not a meeting the sentence puts later: "welcomed X, ahead of a trilateral meeting of the foreign ministers of A, B and C")
  const listed = /\b(?:the\s+)?(foreign\s+ministers|ministers\s+of\s+foreign\s+affairs|deputy\s+foreign\s+ministers)\s+of\s+((?:(?:the\s+)?\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*){0,3}(?:\s*,\s*(?:and\s+)?|\s+and\s+)?){2,8})/u.exec(text.replace(AHEAD_OF, ''));
  if (listed) {
    const kind = KIND_GROUPS[listed[1].toLowerCase().replace(/\s+/gu, ' ')][0];
    const codes = [...new Set(matchCountries(listed[2]).filter((match) => match.code).map((match) => resolveCountry(match, fullText())))];
    const ofKind = ctx.people.filter((person) => person.roleKind === kind);
    const unmatched = codes.filter((code) => !ofKind.some((person) => person.country === code));
    const unqualified = ofKind.filter((person) => person.country === null);
    if (codes.length >= 2) {
      for (const person of ofKind) if (person.country && codes.includes(person.country)) out.push(person.id);
      if (unmatched.length === 1 && unqualified.length === 1) out.push(unqualified[0].id);
    }
  }
  return out;
}

/** "a working visit to Japan and the Republic of Korea", "a three-country tour": a trip to several countries. */
function severalCountries(text: string): boolean {
  if (/\b(?:two|three|four|five|multi)[- ](?:country|nation)\b/iu.test(text)) return true;
  const to = /\bvisits?\s+to\s+((?:the\s+)?\p{Lu}[^.;]{0,100})/u.exec(text);
  if (!to) return false;
  const list = /^[^,]*?(?:,[^,]*?)*?\s+and\s+(?:the\s+)?\p{Lu}[\p{L}-]+(?:\s+(?:of\s+)?\p{Lu}[\p{L}-]+){0,3}/u.exec(to[1]);
  return list !== null && new Set(matchCountries(list[0]).filter((match) => match.code && match.kind === 'name').map((match) => match.code)).size >= 2;
}

/** The first of the first three sentences that names anyone (a signature block may come before the lead). */
function leadSentence(ctx: MeetingContext): number | undefined {
  return [0, 1, 2].find((i) => ctx.people.some((person) => person.mentions.some((mention) => mention.sentence === i)));
}

/** The people that sentence names. */
function leadPeople(ctx: MeetingContext): number[] {
  const index = leadSentence(ctx);
  return ctx.people.filter((person) => person.mentions.some((mention) => mention.sentence === index)).map((person) => person.id);
}

/** Ministers of one country the lead sentence names on a trip ("X and Y have returned from a three-country mission"). */
function leadTravellers(ctx: MeetingContext): number[] {
  const index = leadSentence(ctx);
  if (index === undefined || !/\b(?:mission|trip|tour|visit|visits|travell?ed|travels|returned\s+from|arrived\s+in)\b/iu.test(ctx.sentences[index].text)) return [];
  const ministers = leadPeople(ctx)
    .map((id) => ctx.people[id])
    .filter((person) => ['FOREIGN_MINISTER', 'DEPUTY_FOREIGN_MINISTER', 'MINISTER'].includes(person.roleKind));
  const countries = new Set(ministers.map((person) => countryOf(person)).filter(Boolean));
  return countries.size <= 1 ? ministers.map((person) => person.id) : [];
}

function cueKind(texts: string[], scopes: Array<'lead' | 'opening' | 'own'> | null): MeetingKind | null {
  for (const { kind, scope, cues } of loadMeetingVocabulary().kinds) {
    if (scopes && !scopes.includes(scope)) continue;
    if (texts.some((text) => cues.some((cue) => cue.test(text)))) return kind;
  }
  return null;
}

/** Whether a person of the sentence is named straight after "called" ("called his Thai counterpart X"). */
function calledSomeone(sentenceIndex: number, ctx: MeetingContext): boolean {
  return personRightAfter(sentenceIndex, ctx, CALLED, 60);
}

/** "Ambassador X called on Hon. Y": a courtesy call in person, straight before a person named there. */
function calledOn(sentenceIndex: number, ctx: MeetingContext): boolean {
  return personRightAfter(sentenceIndex, ctx, CALLED_ON, 40);
}

const CALLED = /\bcalled\s+(?:(?:his|her)\s+(?:[\p{L}-]+\s+){0,2}counterpart,?\s+)?$/u;
const CALLED_ON = /\b(?:called|calls|paid a (?:courtesy )?call)\s+on\s+(?:the\s+)?(?:\p{Lu}[\p{L}.]*\s+(?:(?:and|&)\s+)?){0,5}$/u;

/** Whether someone named in the sentence stands right after `before` (read in the `reach` characters before the mention). */
function personRightAfter(sentenceIndex: number, ctx: MeetingContext, before: RegExp, reach: number): boolean {
  const text = ctx.sentences[sentenceIndex].text;
  return ctx.people.some((person) =>
    person.mentions.some((mention) => mention.sentence === sentenceIndex && before.test(text.slice(Math.max(0, mention.phraseStart - reach), mention.phraseStart))),
  );
}

/** "During the visit, ...", "Within the framework of the visit, ...": a sentence set in a stay. */
const VISIT_FRAME = /^(?:During|In the course of|As part of|Within|Within the framework of|In the framework of)\s+(?:the|this|his|her)\s+visit\b/u;

/** "hosted his Omani counterpart in Ankara": a counterpart the sentence does not name (no name after it, with or without a comma). */
const UNNAMED_COUNTERPART = /\b(?:his|her)\s+(?:(\p{Lu}[\p{L}-]+)\s+)?counterpart\b(?!\s*[:(]|\s*,?\s+(?:(?:H\.?E\.?|Mr\.?|Ms\.?|Mrs\.?|Dr\.?)\s+)?\p{Lu})/u;

/** A sentence that goes on about the meeting before it: "The ministers discussed ...", "During the talks ...". */
const ABOUT_MEETING = /^(?:(?:The|Both)\s+(?:two\s+)?(?:ministers|sides|parties|officials|leaders|interlocutors|diplomats)\b|They\b|(?:During|At|In the course of)\s+the\s+(?:meeting|talks|conversation|reception|call))/u;

/** "The message was handed over by ...", "The letter was delivered by ...". */
const MESSAGE_HANDOVER = /\b(?:message|letter)\b[^.]{0,60}?\b(?:was|were)\s+(?:handed\s+over|delivered|handed|conveyed|passed\s+on|presented)\b[^.]{0,60}?\bby\b/iu;

/** "who is on an official visit to ...", "who is in Nigeria on a two-day official visit", "who arrived in Astana on an official visit" */
const RELATIVE_VISIT =
  /,?\s*\bwho\s+(?:(?:is|was|are|were|arrived|has\s+arrived)\s+(?:[^.,;]{0,60}?\s)?(?:on|for|paying)\s+(?:an?\s+|his\s+|her\s+)?(?:[\w-]+\s+){0,2}?(?:official|state|working)\s+visit\b|(?:is|was|are|were)\s+(?:currently\s+|now\s+)?visiting\b)[^,;.]*,?/giu;

/** What may open a sentence about a later event: "On the same day, ", "Later, ", "In the afternoon, ". */
const LATER_EVENT_OPENING = /^(?:(?:on|during)\s+the\s+same\s+day|the\s+same\s+day|later(?:\s+(?:that|the\s+same)\s+day)?|afterwards|subsequently|in\s+the\s+(?:afternoon|evening|morning)|also\s+on\s+\w+|on\s+\w+(?:\s+\w+)?),\s*/iu;

/** An event a meeting precedes, to the end of its clause: "ahead of a trilateral meeting of ...". */
const AHEAD_OF = /,?\s*\b(?:ahead of|in preparation for|prior to|on the eve of)\s+(?:a|an|the|their)\b[^;]*/giu;

/** "The trilateral meeting, hosted by X, was attended by ..." after a sentence that put a trilateral meeting "ahead" of its own. */
function announcedAhead(text: string, index: number, ctx: MeetingContext): boolean {
  const told = /^(?:the|this)\s+((?:[\w-]+\s+){0,2}?(?:meeting|talks|consultations|session|summit))\b/iu.exec(text);
  if (!told) return false;
  return ctx.sentences.slice(0, index).some((sentence) => {
    AHEAD_OF.lastIndex = 0;
    const ahead = AHEAD_OF.exec(sentence.text);
    return ahead !== null && ahead[0].toLowerCase().includes(told[1].toLowerCase());
  });
}

/**
 * The meeting's own sentence decides first. The first meeting also reads the opening of the release;
 * a later one takes the first one's kind only when that kind spans the others (an official visit).
 */
function meetingKind(draft: Draft, ctx: MeetingContext, sides: number, first: MeetingKind | null, laterKinds: Set<MeetingKind> = new Set()): MeetingKind {
  const kind = meetingKindAsTold(draft, ctx, sides, first, laterKinds);
  // "The sixth trilateral meeting of the foreign ministers of A, B and C was held today via
  // videoconference", "chaired an extraordinary virtual meeting of the G20 foreign ministers": a
  // group's meeting held by video is the group's meeting; "held a video conference" stays one.
  if (kind === 'VIDEO_CONFERENCE' && sides >= 3 && GROUP_MEETING.test(ctx.sentences[draft.sentence].text)) return 'MULTILATERAL_MEETING';
  return kind;
}

const GROUP_MEETING = /\b(?:meeting|session)\s+of\s+(?:the\s+)?(?:[\p{L}\d-]+\s+){0,4}?(?:foreign\s+)?ministers\b|\b(?:trilateral|quadrilateral|ministerial)\s+meeting\b|\bchaired\b/iu;

function meetingKindAsTold(draft: Draft, ctx: MeetingContext, sides: number, first: MeetingKind | null, laterKinds: Set<MeetingKind> = new Set()): MeetingKind {
  if (draft.called) return 'PHONE_CALL';
  // "On the sidelines of the Ministerial Meeting, X held a bilateral meeting": the event named as the
  // setting is not the meeting's kind.
  // Nor is an event it precedes ("welcomed his Egyptian counterpart ..., ahead of a trilateral meeting of ...").
  let ownText = ctx.sentences[draft.sentence].text
    .replace(/\b(?:on|at) the (?:sidelines|margins?) of [^,]*,?/giu, ' on the sidelines, ')
    .replace(AHEAD_OF, '');
  if (draft.noVisit) ownText = ownText.replace(RELATIVE_VISIT, '');
  // Meetings announced as separate ("who is on a working visit to Hungary, held a number of meetings")
  // are reported one by one: the visit or the forum around them is not their kind.
  const setting = (kind: MeetingKind | null) => (draft.separate || draft.ofSeparate) && (kind === 'OFFICIAL_VISIT' || kind === 'MULTILATERAL_MEETING');
  const ownCue = cueKind([ownText], null);
  const own = setting(ownCue) ? null : ownCue;
  // Two ministers co-chairing their countries' joint commission meet as two sides; so do two ministers at their "Japan-Kenya Foreign Ministers' Meeting".
  if (own === 'MULTILATERAL_MEETING' && sides === 2 && (/\bco-chair/iu.test(ownText) || /\b\p{Lu}[\p{L}]+[-–]\p{Lu}[\p{L}]+\s+(?:(?:Foreign|Defen[cs]e|Trade|Economy|Finance)\s+(?:and\s+)?)*Ministers['’]?\s+Meeting\b/u.test(ownText))) {
    return 'BILATERAL_MEETING';
  }
  // Two sides under a cue that names a gathering, not the meeting's own format ("ministerial meeting",
  // "session of the council": the setting two ministers met at) meet bilaterally.
  // (not a gathering the sentence says someone took part in: a meeting of an organisation is multilateral)
  if (
    own === 'MULTILATERAL_MEETING' &&
    sides === 2 &&
    !/\b(?:tri|quadri|multi)lateral\b|\b(?:three|four|five)[- ]way\b|\bchaired\b/iu.test(ownText) &&
    !loadMeetingVocabulary().separateMeetings.ownEvent.some((pattern) => pattern.test(ownText))
  )
    return 'BILATERAL_MEETING';
  if (own) return own;
  // The counterparts of "in separate audiences, received copies of the credentials of ..." meet as announced.
  if (draft.ofSeparate && first && first !== 'MULTILATERAL_MEETING') return first;
  if (first === null) {
    const unvisited = (text: string) => (draft.noVisit ? text.replace(RELATIVE_VISIT, '') : text).replace(AHEAD_OF, '');
    const lead = [...ctx.sentences.filter((s) => s.paragraph === 0).map((s) => unvisited(s.text)), ...(ctx.headlines ?? [])];
    const opening = ctx.sentences.filter((s) => s.paragraph <= 1).map((s) => unvisited(s.text));
    const leadCue = cueKind(lead, ['lead', 'opening']) ?? cueKind(opening, ['opening']);
    // (not a kind a later meeting of the release is told as: "meets with the Chilean Foreign Minister
    // and holds videoconference with the Peruvian counterpart")
    const fromLead = setting(leadCue) || (leadCue !== null && laterKinds.has(leadCue)) ? null : leadCue;
    // "Australia–Viet Nam Foreign Ministers' Meeting" over a meeting of two sides is bilateral.
    if (fromLead === 'MULTILATERAL_MEETING' && sides === 2) return 'BILATERAL_MEETING';
    if (fromLead) return fromLead;
  } else if (!draft.noVisit && !draft.notVisit && loadMeetingVocabulary().umbrellaKinds.includes(first)) {
    return first;
  }
  return sides >= 3 ? 'MULTILATERAL_MEETING' : 'BILATERAL_MEETING';
}

/** Where a visit went: "paid an official visit to the Republic of Uzbekistan" → UZ. */
function visitDestination(draft: Draft, ctx: MeetingContext): string | null {
  const text = ctx.sentences[draft.sentence].text;
  const to = /\bvisit\s+to\s+(?:the\s+)?/u.exec(text);
  if (!to) return null;
  const offset = to.index + to[0].length;
  const country = countryNamedAt(text, offset);
  if (country?.code) return country.ambiguous ? resolveAmbiguous(country.form, ctx.sentences.map((s) => s.text).join('\n')) : country.code;
  return matchCities(text).find((city) => city.start === offset)?.country ?? null;
}

/** The visited country, for someone named before (a visitor) or after (a host) the visit verb of a visit's own sentence. */
function visitorOf(draft: Draft, person: Person, ctx: MeetingContext): { visiting: string | null; visited: string | null } {
  const none = { visiting: null, visited: null };
  if (!draft.visit) return none;
  const text = ctx.sentences[draft.sentence].text;
  const verb = /\bvisit\s+to\b/u.exec(text);
  if (!verb) return none;
  const position = firstMention(person.id, draft.sentence, ctx);
  if (position === Number.MAX_SAFE_INTEGER) return none;
  const destination = visitDestination(draft, ctx);
  return position < verb.index ? { visiting: destination, visited: null } : { visiting: null, visited: destination };
}

/** "held in Batumi", "who is in Ankara", or for a visit the city of the visited country it names. */
function meetingPlace(draft: Draft, ctx: MeetingContext): { place: string | null; country: string | null; own?: boolean } {
  const text = ctx.sentences[draft.sentence].text;
  // (not an envoy's seat: "with residence in Bangkok", "resident in Vienna")
  const city = matchCities(text).find(
    (match) => /\bin\s+(?:the\s+city\s+of\s+)?$/i.test(text.slice(0, match.start)) && !/\b(?:residence|resident|residing|based|accredited)\s+in\s+$/i.test(text.slice(0, match.start)),
  );
  if (city) return { place: city.name, country: city.country, own: true };
  if (draft.visit) {
    const destination = visitDestination(draft, ctx);
    if (destination && destination !== ctx.dateline?.country) {
      const cities = ctx.sentences.slice(draft.sentence).flatMap((sentence) => matchCities(sentence.text));
      const there = cities.find((candidate) => candidate.country === destination);
      return { place: there?.name ?? findCountry(destination)?.name ?? destination, country: destination };
    }
  }
  return { place: ctx.dateline?.place ?? null, country: ctx.dateline?.country ?? null };
}

function explicitSides(draft: Draft, ctx: MeetingContext, ids: number[]): Map<number, ParticipantSide> {
  const vocabulary = loadMeetingVocabulary();
  const text = ctx.sentences[draft.sentence].text;
  // The first verb that says who received whom decides; a passive ("was received by") starts before
  // the active verb inside it, so it wins on its own.
  const verbs = [
    ...vocabulary.guestFirst.flatMap((pattern) => [...text.matchAll(everyMatch(pattern))].map((match) => ({ match, hostFirst: false }))),
    ...vocabulary.hostFirst.flatMap((pattern) => [...text.matchAll(everyMatch(pattern))].map((match) => ({ match, hostFirst: true }))),
  ].sort((a, b) => a.match.index! - b.match.index!);
  // (a verb with everyone on one side of it says nothing of who received whom: "The message was
  // received by X when he received Y" is told by its second verb)
  const positions = ids.map((id) => firstMention(id, draft.sentence, ctx)).filter((position) => position !== Number.MAX_SAFE_INTEGER);
  const splits = (verb: (typeof verbs)[number]) => positions.some((p) => p < verb.match.index!) && positions.some((p) => p > verb.match.index!);
  const sides = new Map<number, ParticipantSide>();
  const verb = verbs.find(splits) ?? verbs[0];
  if (!verb) return sides;
  for (const id of ids) {
    const position = firstMention(id, draft.sentence, ctx);
    if (position === Number.MAX_SAFE_INTEGER) continue;
    const before = position < verb.match.index!;
    sides.set(id, before === verb.hostFirst ? 'HOST' : 'GUEST');
  }
  return sides;
}

const globalCopies = new WeakMap<RegExp, RegExp>();
/** A global copy of a vocabulary pattern, made once, to read every place it matches. */
function everyMatch(pattern: RegExp): RegExp {
  let copy = globalCopies.get(pattern);
  if (!copy) {
    copy = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
    globalCopies.set(pattern, copy);
  }
  return copy;
}

const MISSION_BEFORE = /\b(?:Embassy|High\s+Commission|Consulate(?:[-\s]General)?)\s+of\s+(?:the\s+)?$/u;
const MISSION_AFTER = /^(?:['’]s?)?\s+(?:Embassy|High\s+Commission|Consulate(?:[-\s]General)?)\b/u;

/** The countries whose diplomatic missions a sentence names: "the Embassy of Türkiye", "the Cuban Embassy". */
function missionCountries(text: string): string[] {
  const out: string[] = [];
  for (const match of matchCountries(text)) {
    if (!match.code) continue;
    if (MISSION_BEFORE.test(text.slice(Math.max(0, match.start - 40), match.start)) || MISSION_AFTER.test(text.slice(match.end, match.end + 30))) out.push(match.code);
  }
  return out;
}

/** Posts a country has one of: two unqualified foreign ministers at a meeting are not compatriots. */
const SINGULAR_POSTS = new Set<Person['roleKind']>(['HEAD_OF_STATE', 'HEAD_OF_GOVERNMENT', 'FOREIGN_MINISTER']);

/**
 * A participant the text gives no country: the issuing ministry's own people usually go unqualified
 * ("Minister of Foreign Affairs Jeyhun Bayramov"), so the issuer's country, then the meeting place's,
 * then the dateline's, unless that country already has someone in the same singular post, or, for an
 * envoy, is already represented (an envoy stands for a country other than the one receiving them).
 */
function fallbackCountry(
  person: Person,
  resolved: Array<{ kind: Person['roleKind']; country: string | null }>,
  ctx: MeetingContext,
  placeCountry: string | null,
  visiting: string | null = null,
  visited: string | null = null,
  abroad = false,
): string | null {
  if (person.roleKind === 'INTERNATIONAL_OFFICIAL') return null;
  // An envoy stands for another country; a diplomat at the ministry's own department ("Director of
  // the Department of Asia of the Ministry of Foreign Affairs") is the ministry's.
  const envoy =
    person.roleKind === 'AMBASSADOR' ||
    (person.roleKind === 'DIPLOMAT' &&
      ministrySpans(person.role).length === 0 &&
      !/\b(?:Department|Directorate|Bureau|Division|[Mm]inistry|Office)\b|\bForeign\s+Minister\b|^(?:(?:Deputy\s+)?Director|Head)\b/u.test(person.role));
  // On the lead's trip abroad, those met there are the visited country's; the traveller is not.
  const traveller = ctx.people.find((other) => other.mentions.some((mention) => mention.sentence === 0));
  const trip = ctx.tripCountry && person !== traveller && person.accompanies === undefined ? ctx.tripCountry : null;
  if (person.sideCountry) return person.sideCountry;
  // "visited the Embassy of Türkiye, where she was received by Ambassador Dr. X": the mission's country.
  if (envoy) {
    const missions = new Set(person.mentions.flatMap((mention) => missionCountries(ctx.sentences[mention.sentence]?.text ?? '')));
    if (missions.size === 1) return [...missions][0]!;
  }
  // A stop of a trip the sentence names ("In Nuku'alofa on Wednesday, the Ministers held talks with
  // Acting Prime Minister X"): those met there are of its country, not the travellers nor their envoys.
  const stop = abroad && !envoy && person.roleKind !== 'DIPLOMAT' && !leadPeople(ctx).includes(person.id) ? placeCountry : null;
  for (const candidate of [visited, trip, stop, ctx.issuerCountry, placeCountry, ctx.dateline?.country ?? null]) {
    if (!candidate || candidate === visiting) continue;
    const compatriots = resolved.filter((other) => other.country === candidate);
    if (envoy && compatriots.length > 0) continue;
    // (unless the post is another one in that country: a "Foreign Secretary" beside Sri Lanka's minister is its senior official)
    if (SINGULAR_POSTS.has(person.roleKind) && compatriots.some((other) => other.kind === person.roleKind) && countryTitleKind(person, candidate) === person.roleKind) continue;
    return candidate;
  }
  return null;
}


/**
 * A draft whose own sentence says its meetings were separate becomes one draft per counterpart, each
 * with the host (the first person named, the subject of "held separate meetings with").
 */
function splitSeparate(drafts: Draft[], ctx: MeetingContext): Draft[] {
  const { separate } = loadMeetingVocabulary().separateMeetings;
  return drafts.flatMap((draft) => {
    if (draft.participants.length < 3 || draft.visit || !separate.some((pattern) => pattern.test(ctx.sentences[draft.sentence].text))) return [draft];
    const [host, ...others] = draft.participants;
    // Someone who joined one of the meetings ("accompanied Araghchi at this meeting") is at the one
    // of the counterpart named before them.
    // of the counterpart the text spoke of last before them ("Meeting with Ambassador Sookprasert, ...
    // Director-General X was also present at the meeting").
    const split: Draft[] = [];
    const joiners: Array<[number, number]> = [];
    const atEach = others.filter((other) => draft.everywhere?.has(other));
    for (const other of others) {
      if (atEach.includes(other)) continue;
      const joinedAt = draft.joined?.get(other);
      if (joinedAt !== undefined) joiners.push([other, joinedAt]);
      else split.push({ ...draft, participants: [host, other], split: true });
    }
    for (const [joiner, sentence] of joiners) {
      const lastMention = (meeting: Draft) =>
        Math.max(-1, ...ctx.people[meeting.participants[1]].mentions.filter((m) => m.sentence <= sentence).map((m) => m.sentence));
      const target = split.reduce<Draft | undefined>((best, meeting) => (!best || lastMention(meeting) >= lastMention(best) ? meeting : best), undefined);
      if (target) target.participants.push(joiner);
      else split.push({ ...draft, participants: [host, joiner], split: true });
    }
    for (const meeting of split) meeting.participants.push(...atEach);
    return split;
  });
}

/**
 * "held telephone conversations with the foreign ministers of A, B and C", then "Later, X spoke with
 * B's minister Y": a later sentence that tells one of the split meetings again, with the same people,
 * is that meeting, not another.
 */
function dropRetold(drafts: Draft[]): Draft[] {
  const key = (draft: Draft) => [...draft.participants].sort((a, b) => a - b).join(',');
  const told = new Set<string>();
  return drafts.filter((draft) => {
    const k = key(draft);
    if (draft.split) told.add(k);
    else if (told.has(k)) return false;
    return true;
  });
}

/**
 * "Foreign Secretary" is the foreign minister in the United Kingdom and the ministry's senior civil
 * servant elsewhere (Bangladesh, India, Nepal, Pakistan, Sri Lanka); "Secretary of State" the United
 * States' foreign minister and a state secretary elsewhere: a deputy foreign minister's rank.
 */
function countryTitleKind(person: Person, country: string | null): Person['roleKind'] {
  if (!country) return person.roleKind;
  // "Secretary of State for Foreign Affairs and Cooperation" (Portugal), "... for Tourism".
  // (its country may open it: "Portugal's Secretary of State for ...", "Portuguese Secretary of State for ...")
  const portfolio = /^(?:\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)?['’]s\s+|\p{Lu}[\p{L}-]+\s+(?=Secretary\b))?Secretary\s+of\s+State\s+for\s+(.+)$/u.exec(person.role.trim());
  const cabinet = loadMeetingVocabulary().ministerOnlyIn['Secretary of State for'] ?? [];
  if (portfolio && !cabinet.includes(country)) return /\b(?:Foreign|External|International|Diplomatic|Diplomacy|Global\s+Affairs)\b/u.test(portfolio[1]) ? 'DEPUTY_FOREIGN_MINISTER' : 'OFFICIAL';
  if (person.roleKind !== 'FOREIGN_MINISTER') return person.roleKind;
  // ("Secretary of State at the Ministry of Foreign Affairs": the same post, its ministry said)
  const bare = person.role
    .trim()
    .replace(/\s+(?:at|in|of)\s+(?:the\s+)?(?:Ministry\s+of\s+Foreign\s+Affairs|Foreign\s+Ministry|MFA)\b.*$/u, '')
    .replace(/^(?:\p{Lu}[\p{L}'’-]*\s+)(?=Foreign\s+Secretary$)/u, '')
    // ("Foreign Secretary of Pakistan": the same post, its country said)
    .replace(/\s+of\s+(?:the\s+)?(\p{Lu}[\p{L}'’ -]*)$/u, (whole: string, name: string) => (matchCountries(name).some((match) => match.code && match.start === 0 && match.end === name.length) ? '' : whole));
  const only = Object.entries(loadMeetingVocabulary().ministerOnlyIn).find(([title]) => title.toLowerCase() === bare.toLowerCase());
  if (!only) return person.roleKind;
  return only[1].includes(country) ? 'FOREIGN_MINISTER' : 'DEPUTY_FOREIGN_MINISTER';
}


/**
 * A visit named in a relative clause of the first meeting ("received X, who is in Nigeria on a two-day
 * official visit"): a later meeting of the visitor told in one sentence, the next one not about it
 * ("Minister Fidan was later received by President X."), is part of the visit; where the visitor's
 * later meetings come with their own subjects, each is its own meeting and none is the visit. A later
 * meeting without the visitor is not the visit's either way.
 */
function foldRelativeVisit(drafts: Draft[], ctx: MeetingContext): Draft[] {
  const [first, ...later] = drafts;
  if (!first || first.visit || later.length === 0) return drafts;
  RELATIVE_VISIT.lastIndex = 0;
  const clause = RELATIVE_VISIT.exec(ctx.sentences[first.sentence].text);
  if (!clause) return drafts;
  // The visitor: the one the clause is about, named right before it.
  const visitor = first.participants.find((id) =>
    ctx.people[id].mentions.some((m) => m.sentence === first.sentence && m.end <= clause.index + 2 && clause.index - m.end <= 3),
  );
  if (visitor === undefined) return drafts;
  // Told in one sentence: the next sentence is not about it (names none of its people, is no "The
  // ministers discussed ..."), whether the text breaks paragraphs between sentences or not.
  const alone = (draft: Draft) => {
    const next = ctx.sentences[draft.sentence + 1];
    if (!next) return true;
    const about = draft.participants.some((id) => ctx.people[id].mentions.some((m) => m.sentence === draft.sentence + 1));
    return !about && !ABOUT_MEETING.test(next.text);
  };
  const kept: Draft[] = [first];
  for (const draft of later) {
    if (alone(draft) && !draft.ofSeparate && draft.participants.includes(visitor)) {
      for (const id of draft.participants) if (!first.participants.includes(id)) first.participants.push(id);
    } else {
      if (!draft.participants.includes(visitor)) draft.notVisit = true;
      kept.push(draft);
    }
  }
  // (only the visitor's own meetings count: a meeting of the host with someone else is not the visit's)
  if (kept.slice(1).some((draft) => draft.participants.includes(visitor))) for (const draft of kept) draft.noVisit = true;
  return kept;
}

/**
 * "X is paying an official visit to B at the invitation of Y", then "On August 21, President Z
 * received X. The President noted ...", "On the same day, Y and X held official talks. The ministers
 * discussed ...": a visit whose talks the text reports as separate meetings, each with its own
 * counterpart and subjects, is those meetings, with no visit around them (test/fixtures/LABELLING.md).
 * Each meeting sentence names the visitor and someone else, the counterparts differ from one meeting
 * to the next, and each is followed by its subjects (or tells them itself).
 */
function visitToldAsMeetings(drafts: Draft[], ctx: MeetingContext): Draft[] {
  const visit = drafts[0];
  if (!visit?.visit || visit.participants.length < 2) return drafts;
  const visitor = visit.participants[0];
  const taken = new Set(drafts.map((draft) => draft.sentence));
  const stops: Draft[] = [];
  for (let index = visit.sentence + 1; index < ctx.sentences.length; index++) {
    if (taken.has(index) || !(ctx.isMeetingSentence(index) || calledOn(index, ctx))) continue;
    const present = presentIn(index, ctx);
    // ("2. On 12 January, MoS called on X": the visitor by their post's short form or a pronoun)
    if (!present.includes(visitor) && present.length >= 1 && VISITOR_REFERENCE.test(ctx.sentences[index].text)) present.unshift(visitor);
    if (!present.includes(visitor) || present.length < 2) continue;
    const others = present.filter((id) => id !== visitor);
    // (in the meeting's sentence or one of the next two, before another meeting: "MoS conveyed the
    // greetings of ... The two sides discussed ...")
    const after = [1, 2].map((step) => index + step).filter((at) => at < ctx.sentences.length && !ctx.isMeetingSentence(at));
    const subjects =
      SUBJECTS.test(ctx.sentences[index].text) ||
      after.some((at) => {
        const next = ctx.sentences[at].text;
        // ("The President noted that ...", "He stressed ...")
        return ABOUT_MEETING.test(next) || (/^(?:The|Both|He|She|They)\b/u.test(next) && SUBJECTS.test(next)) || others.some((id) => ctx.people[id].mentions.some((m) => m.sentence === at && m.start < 40));
      });
    if (!subjects) return drafts;
    stops.push({ sentence: index, participants: present, fromEventLead: false, visit: false, noVisit: true, ofSeparate: true });
  }
  if (stops.length < 2) return drafts;
  const counterparts = stops.map((stop) => stop.participants.filter((id) => id !== visitor).sort((a, b) => a - b).join(','));
  if (new Set(counterparts).size !== counterparts.length) return drafts;
  // (everyone of the visit is at one of its meetings, or the visit is more than they tell)
  if (visit.participants.some((id) => id !== visitor && !stops.some((stop) => stop.participants.includes(id)) && !invitedBy(id, visit.sentence, ctx))) return drafts;
  return [...stops, ...drafts.slice(1)].sort((a, b) => a.sentence - b.sentence);
}

/**
 * "X received a written message from President Y": the receiver alone, the sender only named, is no
 * meeting (the envoy who handed it over, where the text says so, meets the receiver or their deputy).
 */
function dropMessagesAlone(drafts: Draft[], ctx: MeetingContext): Draft[] {
  return drafts.filter((draft) => draft.participants.length !== 1 || !MESSAGE_RECEIVED.test(ctx.sentences[draft.sentence].text));
}

const MESSAGE_RECEIVED = /\b(?:received|receives|has\s+received)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}(?:message|letter)\s+from\b/iu;

/** A sentence that opens with the visitor unnamed: "MoS called on", "On 12 January, he met", "The Minister held". */
const VISITOR_REFERENCE = /^(?:\d{1,2}\.\s*)?(?:(?:On|In|Later|Earlier)\b[^,]{0,30},\s*)?(?:MoS|EAM|He|She|The\s+(?:Foreign\s+)?Minister|The\s+visiting\s+[\p{L}-]+)\s+(?:also\s+)?(?:called|met|held|had|received|paid)\b/u;

/**
 * "X is in Sri Lanka on an official visit. On 19 February, X and Y held official talks ... Later the
 * same day, X paid a courtesy call on Prime Minister Z": a visit whose visitor has more meetings told
 * apart after the first is reported as its meetings, each of its own kind, no OFFICIAL_VISIT around
 * them (test/fixtures/LABELLING.md).
 */
function visitWithItsMeetings(drafts: Draft[], ctx: MeetingContext): Draft[] {
  const [visit, ...later] = drafts;
  if (!visit) return drafts;
  if (visit.visit) {
    const visitor = visit.participants[0];
    if (visit.participants.length < 2 || !later.some((draft) => draft.participants.includes(visitor) && draft.participants.length >= 2)) return drafts;
  } else {
    // (or a lead that only says the visit is on, "X is in Sri Lanka on an official visit", over two
    // meetings or more of its subject)
    const lead = ctx.sentences[0]?.text ?? '';
    if (visit.sentence === 0 || drafts.length < 2 || cueKind([lead], null) !== 'OFFICIAL_VISIT') return drafts;
    const subject = presentIn(0, ctx)[0];
    if (subject === undefined || drafts.filter((draft) => draft.participants.includes(subject) && draft.participants.length >= 2).length < 2) return drafts;
  }
  visit.ofSeparate = true;
  for (const draft of drafts) draft.noVisit = true;
  return drafts;
}

/** "In a meeting with X, ..." with no one else named: the principal's meeting. */
const UNNAMED_SIDE_MEETING = /^(?:In|During|At)\s+(?:a|the)\s+(?:separate\s+|bilateral\s+)?(?:meeting|talks|conversation)\s+with\b/u;

/** "The visiting Secretary-General also called on": an earlier participant by their post. */
const VISITING_REFERENCE = /^(?:(?:Later|Earlier|Also)\b[^,]{0,20},\s*)?[Tt]he\s+visiting\s+(\p{Lu}[\p{L}-]*(?:\s+\p{Lu}[\p{L}-]*){0,3}?)\s+(?:also\s+)?(?:called|met|held|had|paid|was\s+received)\b/u;

/** "... noted", "... discussed": a meeting sentence that tells its own subjects. */
const SUBJECTS = /\b(?:discussed|noted|stressed|emphasi[sz]ed|exchanged\s+views|focused|reviewed|underlined|highlighted)\b/u;

/** Named only as the one who invited the visitor ("at the invitation of Minister Y"). */
function invitedBy(id: number, sentence: number, ctx: MeetingContext): boolean {
  const text = ctx.sentences[sentence].text;
  return ctx.people[id].mentions.some((m) => m.sentence === sentence && /\binvitation\s+of\s+(?:[\p{L}.'’-]+\s+){0,8}$/u.test(text.slice(Math.max(0, m.start - 80), m.start)));
}

export function extractMeetings(ctx: MeetingContext): MeetingResult {
  const warnings: string[] = [];
  const meetings: ExtractedMeeting[] = [];
  const participantIds: number[][] = [];
  const drafts = visitWithItsMeetings(foldRelativeVisit(dropRetold(splitSeparate(visitToldAsMeetings(dropMessagesAlone(draftMeetings(ctx), ctx), ctx), ctx)), ctx), ctx);
  // The kinds later meetings' own sentences name.
  const laterKinds = new Set(
    drafts.slice(1).flatMap((draft) => cueKind([ctx.sentences[draft.sentence].text], null) ?? []),
  );
  for (const draft of drafts) {
    const people = draft.participants.map((id) => ctx.people[id]);
    const where = meetingPlace(draft, ctx);
    const countries = new Map<number, string | null>();
    // Countries the text gives first; then the fallbacks, in order of mention.
    // (a known office holder's post says their country: data/reference/office-holders)
    const given = (person: Person) => (person.known ? person.known.country : person.country);
    const resolved = people.filter((person) => given(person)).map((person) => ({ kind: person.roleKind, country: given(person) }));
    // Those who accompany someone at the meeting go last: they take that person's country.
    const accompanying = (person: Person) =>
      person.accompanies !== undefined && draft.participants.includes(person.accompanies) && person.roleKind !== 'INTERNATIONAL_OFFICIAL';
    for (const person of [...people.filter((p) => !accompanying(p)), ...people.filter(accompanying)]) {
      // The subject of "X paid an official visit to Y" (and those named with X before the verb) visits
      // Y: the visited country is not theirs.
      // Those named after it in that sentence ("where he was received by President X") are its hosts.
      const visit = visitorOf(draft, person, ctx);
      const country =
        given(person) ??
        (person.known ? null : accompanying(person) ? countries.get(person.accompanies!) ?? null : fallbackCountry(person, resolved, ctx, where.country, visit.visiting, visit.visited, Boolean(where.own && where.country && where.country !== ctx.issuerCountry && where.country !== ctx.dateline?.country)));
      if (!given(person)) resolved.push({ kind: person.roleKind, country });
      countries.set(person.id, country);
      if (!country && person.roleKind !== 'INTERNATIONAL_OFFICIAL') warnings.push(`country of participant ${person.name} not resolved`);
    }
    // Sides are countries and organisations: someone of no known country or organisation is no side
    // of their own (a third organisation the text only mentions is none either).
    // (international officials whose organisation is not read are of the one organisation the meeting
    // names, when it names one: "a delegation headed by the Secretary General of the OTS ... the
    // delegation included Deputy Secretaries General A and B"; those of no organisation read, where the
    // meeting names none, are one: "a delegation of the Asian Development Bank led by Vice-President X")
    const organisations = new Set(people.filter((person) => person.roleKind === 'INTERNATIONAL_OFFICIAL' && person.organisation).map((person) => person.organisation));
    const sideCount = new Set(
      people
        .map(
          (person) =>
            countries.get(person.id) ??
            (person.roleKind === 'INTERNATIONAL_OFFICIAL' ? `org:${person.organisation ?? (organisations.size === 1 ? [...organisations][0] : organisations.size === 0 ? '' : person.name)}` : null),
        )
        .filter((side) => side !== null),
    ).size;
    const kind = meetingKind(draft, ctx, sideCount, meetings[0]?.kind ?? null, meetings.length === 0 ? laterKinds : undefined);
    const remote = kind === 'PHONE_CALL' || kind === 'VIDEO_CONFERENCE';
    const { place, country: placeCountry } = remote ? { place: null, country: null } : where;

    const sides = new Map<number, ParticipantSide>();
    if (!remote) {
      for (const [id, side] of explicitSides(draft, ctx, draft.participants)) sides.set(id, side);
      // Those who joined ("The meeting was also attended by Syria's Minister of Energy X") are on the
      // side of their compatriots.
      for (const person of people) {
        if (sides.has(person.id) || !countries.get(person.id)) continue;
        const compatriots = new Set(people.filter((other) => sides.has(other.id) && countries.get(other.id) === countries.get(person.id)).map((other) => sides.get(other.id)));
        if (compatriots.size === 1) sides.set(person.id, [...compatriots][0]!);
      }
      // Where the text does not say who received whom, the place does: its country's people host.
      // (not for a meeting set apart from the one before, on its sidelines)
      const hostsByPlace = draft.apart ? [] : people.filter((person) => !sides.has(person.id) && placeCountry && countries.get(person.id) === placeCountry);
      for (const person of hostsByPlace) sides.set(person.id, 'HOST');
      const anyHost = [...sides.values()].includes('HOST');
      if (anyHost) for (const person of people) if (!sides.has(person.id)) sides.set(person.id, 'GUEST');
    }

    const participants: ExtractedParticipant[] = people.map((person) => ({
      name: person.name,
      role: person.role,
      roleKind: countryTitleKind(person, countries.get(person.id) ?? null),
      country: countries.get(person.id) ?? null,
      side: sides.get(person.id) ?? null,
    }));
    if (participants.length === 0) warnings.push(`no participants found for the ${kind} meeting`);
    const date = findDateIn(ctx.sentences[draft.sentence].text, ctx.year) ?? ctx.dateline?.date ?? null;
    // Credentials are presented one envoy at a time: "received copies of the credentials of the
    // Ambassadors of Poland, X, and of Greece, Y" is one presentation each, with the host's people.
    const envoys = kind === 'CREDENTIALS_PRESENTATION' ? participants.filter((p) => p.roleKind === 'AMBASSADOR' && p.country) : [];
    // (not where the text says they were presented together: "at a joint ceremony")
    const together = () => ctx.sentences.some((sentence) => /\bjoint(?:ly)?\s+(?:[\w-]+\s+)?(?:ceremony|presentation|presented)\b|\b(?:single|common)\s+ceremony\b/iu.test(sentence.text));
    if (envoys.length >= 2 && new Set(envoys.map((p) => p.country)).size === envoys.length && !together()) {
      const hostIds = draft.participants.filter((_, index) => !envoys.includes(participants[index]));
      for (const envoy of envoys) {
        const index = participants.indexOf(envoy);
        meetings.push({ kind, date, place, participants: participants.filter((p, i) => i === index || !envoys.includes(p)) });
        participantIds.push([...hostIds, draft.participants[index]]);
      }
      continue;
    }
    meetings.push({ kind, date, place, participants });
    participantIds.push(draft.participants);
  }
  return { meetings, participantIds, warnings };
}
