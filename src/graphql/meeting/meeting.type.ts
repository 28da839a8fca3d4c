import { Field, ObjectType } from 'type-graphql';
import { ConnectionType, EdgeType, Node, toGlobalId } from '../relay';
import { Date as DateScalar } from '../scalars';
import { MeetingKind, ParticipantSide, RoleKind } from '../enums';
import type { CountryRow, MeetingRow, ParticipantRow, TopicRow } from '../../read/rows';

/** A participant row with its country, as list statements read them (src/read). */
export type ParticipantWithCountry = ParticipantRow & { country: CountryRow | null };

@ObjectType({ implements: Node, description: 'One event a release reports: who met, when, where, about what.' })
export class Meeting extends Node {
  dbId: number;
  pressReleaseId: number;

  @Field(() => MeetingKind)
  kind: MeetingKind;

  @Field(() => DateScalar, { description: 'Day of the meeting (the dateline day when the text gives no other).' })
  date: Date;

  @Field(() => String, { nullable: true })
  place: string | null;

  /** Participants and topics read in the statement of the meeting's list (absent: the resolvers load them). */
  includedParticipants?: ParticipantWithCountry[];
  includedTopics?: TopicRow[];

  static from(row: MeetingRow & { participants?: ParticipantWithCountry[]; topics?: TopicRow[] }): Meeting {
    return Object.assign(new Meeting(), {
      id: toGlobalId('Meeting', row.id),
      dbId: row.id,
      pressReleaseId: row.pressReleaseId,
      kind: row.kind,
      date: row.date,
      place: row.place,
      includedParticipants: row.participants,
      includedTopics: row.topics,
    });
  }
}

@ObjectType({ implements: Node, description: 'A person in a role at one meeting.' })
export class Participant extends Node {
  dbId: number;
  meetingId: number;
  personId: number;
  countryCode: string | null;
  personName: string;
  personAliases: string[];

  @Field(() => String, { description: 'The role as the release writes it.' })
  role: string;

  @Field(() => RoleKind)
  roleKind: RoleKind;

  @Field(() => ParticipantSide, { nullable: true, description: 'HOST or GUEST where the text says who received whom.' })
  side: ParticipantSide | null;

  /** The country's row when the statement read it with the participant (undefined: the resolver loads it). */
  includedCountry?: CountryRow | null;

  static from(row: ParticipantRow & { country?: CountryRow | null }): Participant {
    return Object.assign(new Participant(), {
      id: toGlobalId('Participant', row.id),
      dbId: row.id,
      meetingId: row.meetingId,
      personId: row.personId,
      countryCode: row.countryCode,
      personName: row.personName,
      personAliases: row.personAliases,
      role: row.role,
      roleKind: row.roleKind,
      side: row.side,
      includedCountry: row.country,
    });
  }
}

@ObjectType({ description: 'A meeting in a list.' })
export class MeetingEdge extends EdgeType(Meeting) {}

@ObjectType({ description: 'A page of meetings.' })
export class MeetingConnection extends ConnectionType<Meeting, MeetingEdge>(MeetingEdge) {}
