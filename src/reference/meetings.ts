import { MEETING_KINDS, ROLE_KINDS, type MeetingKind, type RoleKind } from '../extraction/types';
import { asStringList, readReferenceYaml } from './paths';

export interface MeetingKindCue {
  kind: MeetingKind;
  /** Besides the meeting's own sentence: `lead` the first paragraph, `opening` the first two, `own` nothing. */
  scope: 'lead' | 'opening' | 'own';
  cues: RegExp[];
}

export interface MeetingVocabulary {
  triggers: RegExp[];
  eventLeads: RegExp[];
  statementLeads: RegExp[];
  /** A sentence recalling a past meeting: it opens none. */
  recalled: RegExp[];
  visitLeads: RegExp[];
  umbrellaKinds: MeetingKind[];
  participation: RegExp[];
  /** A meeting whose subject is a pronoun ("In his meeting with X", "He also met X"): the release's principal. */
  pronounMeetings: RegExp[];
  /** A principal, as a pronoun, at an event told with their remarks ("He made the call when he led ..."). */
  pronounEvents: RegExp[];
  /** Tested on the text after a person's mention: the person is the source of the report, not at the meeting. */
  sourceClauses: RegExp[];
  /** A meeting apart from the one before, among some of its people ("on the sidelines", "a bilateral meeting"). */
  apartMeetings: RegExp[];
  /** A briefing of a body of diplomats: one named person is enough for the event. */
  audienceEvents: RegExp[];
  /**
   * Bare titles that are the foreign minister's only in the countries listed ("Foreign Secretary" in
   * GB, "Secretary of State" in the US); elsewhere a senior post of the ministry, a deputy's rank.
   */
  ministerOnlyIn: Record<string, string[]>;
  /** Tested against the text just before a name: a match means the person is only mentioned. */
  notPresent: RegExp[];
  /** Someone present at every meeting the release reports ("was present at all three meetings"). */
  allMeetings: RegExp[];
  /** Meetings one per counterpart, and events apart from the meeting before (meetings.yaml `separateMeetings`). */
  separateMeetings: {
    separate: RegExp[];
    announced: RegExp[];
    ownEvent: RegExp[];
    hostReference: RegExp[];
    timeShift: RegExp[];
    /** After an announcing lead, a meeting that already happened ("Earlier today, X met ..."). */
    alreadyHeld: RegExp[];
    /** Outside a visit, "X also met Y": another meeting than the one before. */
    another: RegExp[];
    /** "X also joined an informal meeting of ASEAN foreign ministers chaired by Y": an event of its own, not more people at the meeting before. */
    alsoJoined: RegExp[];
  };
  hostFirst: RegExp[];
  guestFirst: RegExp[];
  /** In priority order. */
  kinds: MeetingKindCue[];
  /** Topic slugs a meeting of a kind brings by itself. */
  impliedTopics: Partial<Record<MeetingKind, string[]>>;
  /** Topic slugs a participant of a role kind brings. */
  impliedTopicsByRole: Partial<Record<RoleKind, string[]>>;
}

interface MeetingsFile {
  triggers?: unknown;
  eventLeads?: unknown;
  statementLeads?: unknown;
  recalled?: unknown;
  visitLeads?: unknown;
  umbrellaKinds?: unknown;
  participation?: unknown;
  pronounMeetings?: unknown;
  pronounEvents?: unknown;
  sourceClauses?: unknown;
  apartMeetings?: unknown;
  audienceEvents?: unknown;
  ministerOnlyIn?: Record<string, unknown>;
  notPresent?: unknown;
  allMeetings?: unknown;
  separateMeetings?: { separate?: unknown; announced?: unknown; ownEvent?: unknown; hostReference?: unknown; timeShift?: unknown; alreadyHeld?: unknown; another?: unknown; alsoJoined?: unknown };
  sides?: { hostFirst?: unknown; guestFirst?: unknown };
  kinds?: Array<{ kind?: unknown; scope?: unknown; cues?: unknown }>;
  impliedTopics?: Record<string, unknown>;
  impliedTopicsByRole?: Record<string, unknown>;
}

const MEETINGS_FILE = 'meetings.yaml';
let cached: MeetingVocabulary | null = null;

function patterns(value: unknown, where: string): RegExp[] {
  return asStringList(value, `${MEETINGS_FILE} ${where}`).map((source) => new RegExp(source, 'iu'));
}

export function loadMeetingVocabulary(): MeetingVocabulary {
  if (cached) return cached;
  const file = readReferenceYaml<MeetingsFile>(MEETINGS_FILE) ?? {};
  const impliedTopics: MeetingVocabulary['impliedTopics'] = {};
  for (const [kind, slugs] of Object.entries(file.impliedTopics ?? {})) {
    if (!(MEETING_KINDS as readonly string[]).includes(kind)) throw new Error(`${MEETINGS_FILE} impliedTopics: bad kind ${kind}`);
    impliedTopics[kind as MeetingKind] = asStringList(slugs, `${MEETINGS_FILE} impliedTopics.${kind}`);
  }
  const impliedTopicsByRole: MeetingVocabulary['impliedTopicsByRole'] = {};
  for (const [kind, slugs] of Object.entries(file.impliedTopicsByRole ?? {})) {
    if (!(ROLE_KINDS as readonly string[]).includes(kind)) throw new Error(`${MEETINGS_FILE} impliedTopicsByRole: bad kind ${kind}`);
    impliedTopicsByRole[kind as RoleKind] = asStringList(slugs, `${MEETINGS_FILE} impliedTopicsByRole.${kind}`);
  }
  cached = {
    impliedTopics,
    impliedTopicsByRole,
    triggers: patterns(file.triggers, 'triggers'),
    eventLeads: patterns(file.eventLeads, 'eventLeads'),
    statementLeads: patterns(file.statementLeads, 'statementLeads'),
    recalled: patterns(file.recalled ?? [], 'recalled'),
    visitLeads: patterns(file.visitLeads, 'visitLeads'),
    umbrellaKinds: asStringList(file.umbrellaKinds, `${MEETINGS_FILE} umbrellaKinds`).map((kind) => {
      if (!(MEETING_KINDS as readonly string[]).includes(kind)) throw new Error(`${MEETINGS_FILE} umbrellaKinds: bad kind ${kind}`);
      return kind as MeetingKind;
    }),
    participation: patterns(file.participation, 'participation'),
    pronounMeetings: patterns(file.pronounMeetings ?? [], 'pronounMeetings'),
    pronounEvents: patterns(file.pronounEvents ?? [], 'pronounEvents'),
    sourceClauses: patterns(file.sourceClauses ?? [], 'sourceClauses'),
    apartMeetings: patterns(file.apartMeetings ?? [], 'apartMeetings'),
    audienceEvents: patterns(file.audienceEvents ?? [], 'audienceEvents'),
    ministerOnlyIn: Object.fromEntries(
      Object.entries(file.ministerOnlyIn ?? {}).map(([title, codes]) => [title, asStringList(codes, `${MEETINGS_FILE} ministerOnlyIn.${title}`)]),
    ),
    notPresent: patterns(file.notPresent, 'notPresent'),
    allMeetings: patterns(file.allMeetings ?? [], 'allMeetings'),
    separateMeetings: {
      separate: patterns(file.separateMeetings?.separate, 'separateMeetings.separate'),
      announced: patterns(file.separateMeetings?.announced, 'separateMeetings.announced'),
      ownEvent: patterns(file.separateMeetings?.ownEvent, 'separateMeetings.ownEvent'),
      hostReference: patterns(file.separateMeetings?.hostReference, 'separateMeetings.hostReference'),
      timeShift: patterns(file.separateMeetings?.timeShift, 'separateMeetings.timeShift'),
      alreadyHeld: patterns(file.separateMeetings?.alreadyHeld, 'separateMeetings.alreadyHeld'),
      another: patterns(file.separateMeetings?.another, 'separateMeetings.another'),
      alsoJoined: patterns(file.separateMeetings?.alsoJoined, 'separateMeetings.alsoJoined'),
    },
    hostFirst: patterns(file.sides?.hostFirst, 'sides.hostFirst'),
    guestFirst: patterns(file.sides?.guestFirst, 'sides.guestFirst'),
    kinds: (file.kinds ?? []).map((entry, index) => {
      const kind = entry.kind;
      if (typeof kind !== 'string' || !(MEETING_KINDS as readonly string[]).includes(kind)) {
        throw new Error(`${MEETINGS_FILE} kinds[${index}]: bad kind ${String(kind)}`);
      }
      return {
        kind: kind as MeetingKind,
        scope: entry.scope === 'opening' || entry.scope === 'own' ? entry.scope : 'lead',
        cues: patterns(entry.cues, `kinds[${index}].cues`),
      };
    }),
  };
  return cached;
}
