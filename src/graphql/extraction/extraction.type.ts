import { Field, ObjectType } from 'type-graphql';
import { Date as DateScalar } from '../scalars';
import { InitiativeKind, MeetingKind, ParticipantSide, RoleKind } from '../enums';

@ObjectType({ description: 'The dateline as read from the text.' })
export class ExtractedDateline {
  countryCode: string | null;

  @Field(() => String, { nullable: true, description: 'The place as written ("Baku"); null for a date line under the title that names none.' })
  place: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Day and month from the text, year from `year`.' })
  date: string | null;
}

@ObjectType({ description: 'A participant as read from the text.' })
export class ExtractedParticipant {
  countryCode: string | null;

  @Field(() => String, { description: 'Name without titles.' })
  name: string;

  @Field(() => String, { description: 'The role as written.' })
  role: string;

  @Field(() => RoleKind)
  roleKind: RoleKind;

  @Field(() => ParticipantSide, { nullable: true, description: 'Null where the text does not say who received whom.' })
  side: ParticipantSide | null;
}

@ObjectType({ description: 'A meeting as read from the text.' })
export class ExtractedMeeting {
  @Field(() => MeetingKind)
  kind: MeetingKind;

  @Field(() => DateScalar, { nullable: true })
  date: string | null;

  @Field(() => String, { nullable: true })
  place: string | null;

  @Field(() => [ExtractedParticipant])
  participants: ExtractedParticipant[];
}

@ObjectType({ description: 'An initiative as read from the text, with the sentence of its first mention.' })
export class ExtractedInitiative {
  @Field(() => String)
  name: string;

  @Field(() => String, { nullable: true })
  acronym: string | null;

  @Field(() => InitiativeKind)
  kind: InitiativeKind;

  @Field(() => String)
  sentence: string;
}

@ObjectType({ description: 'What the extractor read out of a release text; nothing is stored.' })
export class ExtractedRelease {
  issuerCountryCode: string | null;
  topicSlugs: string[];
  countryCodes: string[];

  @Field(() => String, { description: 'Derived title.' })
  title: string;

  @Field(() => ExtractedDateline, { nullable: true })
  dateline: ExtractedDateline | null;

  @Field(() => String, { nullable: true, description: 'The issuing ministry as named.' })
  issuerName: string | null;

  @Field(() => String, { nullable: true, description: 'The publisher the text names (e.g. a news agency).' })
  sourceName: string | null;

  @Field(() => [String], { description: 'Body paragraphs, source boilerplate removed.' })
  paragraphs: string[];

  @Field(() => [ExtractedMeeting], { description: 'Empty for a statement or comment: no meeting is invented.' })
  meetings: ExtractedMeeting[];

  @Field(() => [ExtractedInitiative])
  initiatives: ExtractedInitiative[];

  @Field(() => [String], { description: 'What an editor should check before publishing.' })
  warnings: string[];
}
