/**
 * The extractor's output: what it read out of one press release's text.
 * Plain data (no GraphQL, no database): the GraphQL layer maps codes to Country/Topic objects.
 */

export const MEETING_KINDS = [
  'CREDENTIALS_PRESENTATION',
  'BILATERAL_MEETING',
  'PHONE_CALL',
  'VIDEO_CONFERENCE',
  'OFFICIAL_VISIT',
  'POLITICAL_CONSULTATIONS',
  'MULTILATERAL_MEETING',
  'FAREWELL_MEETING',
  'OTHER',
] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];

export const ROLE_KINDS = [
  'HEAD_OF_STATE',
  'HEAD_OF_GOVERNMENT',
  'FOREIGN_MINISTER',
  'DEPUTY_FOREIGN_MINISTER',
  'MINISTER',
  'AMBASSADOR',
  'DIPLOMAT',
  'OFFICIAL',
  'INTERNATIONAL_OFFICIAL',
  'OTHER',
] as const;
export type RoleKind = (typeof ROLE_KINDS)[number];

export const PARTICIPANT_SIDES = ['HOST', 'GUEST'] as const;
export type ParticipantSide = (typeof PARTICIPANT_SIDES)[number];

export const INITIATIVE_KINDS = [
  'ORGANISATION',
  'PLATFORM',
  'CONFERENCE',
  'PROGRAMME',
  'PROCESS',
  'INSTITUTION',
  'OTHER',
] as const;
export type InitiativeKind = (typeof INITIATIVE_KINDS)[number];

/** ISO 3166-1 alpha-2, upper case ("AZ", "KR"). */
export type CountryCode = string;
/** A calendar date as `YYYY-MM-DD`. */
export type IsoDate = string;

export interface ExtractedDateline {
  /** The place as written ("BAKU" is normalised to "Baku"); null for a date line without a place. */
  place: string | null;
  country: CountryCode | null;
  date: IsoDate | null;
}

export interface ExtractedParticipant {
  /** The person's name without titles ("Jeyhun Bayramov"). */
  name: string;
  /** The role as the text writes it ("Minister of Foreign Affairs of the Republic of Azerbaijan"). */
  role: string;
  roleKind: RoleKind;
  /** The country the person represents. */
  country: CountryCode | null;
  /** HOST / GUEST where the text says who received whom; null where it does not (a phone call). */
  side: ParticipantSide | null;
}

export interface ExtractedMeeting {
  kind: MeetingKind;
  date: IsoDate | null;
  place: string | null;
  participants: ExtractedParticipant[];
}

export interface ExtractedInitiative {
  /** Full name where the text gives one ("Conference on Interaction and Confidence Building Measures in Asia"). */
  name: string;
  /** Acronym where the text gives one ("CICA"). */
  acronym: string | null;
  kind: InitiativeKind;
  /** The sentence the first mention came from. */
  sentence: string;
}

export interface ExtractedTopic {
  /** A slug of the taxonomy in data/reference/topics.yaml. */
  slug: string;
  /** How many cue matches the text has for it (>= 1). */
  mentions: number;
}

export interface ExtractedCountry {
  code: CountryCode;
  /** How many times the text names it (names, official names, demonyms, possessives). */
  mentions: number;
}

export interface ExtractedRelease {
  /** Derived: the text has no title of its own. */
  title: string;
  dateline: ExtractedDateline | null;
  /** The issuing ministry as written ("Ministry of Foreign Affairs of Azerbaijan"), when the text names it. */
  issuerName: string | null;
  issuerCountry: CountryCode | null;
  /** The publisher the text names itself as ("Trend"), when it does. */
  sourceName: string | null;
  /** Body paragraphs, dateline kept, source boilerplate ("Stay up-to-date with ...") removed. */
  paragraphs: string[];
  meetings: ExtractedMeeting[];
  topics: ExtractedTopic[];
  initiatives: ExtractedInitiative[];
  countries: ExtractedCountry[];
  /** Things an editor should look at ("no year given: assumed 2026", "no participants found"). */
  warnings: string[];
}

export interface ExtractOptions {
  /** The year of the dateline date (the text does not write it). Defaults to `now`'s year. */
  year?: number;
  /** For determinism in tests: the "current" date used when `year` is absent. */
  now?: Date;
}
