import { Arg, Args, Ctx, Field, FieldResolver, InputType, Query, Resolver, Root, ID, registerEnumType } from 'type-graphql';
import { ArrayMaxSize } from 'class-validator';
import type { Context } from '../context';
import { ConnectionArgs, dbIdOf, toConnection } from '../relay';
import { Date as DateScalar } from '../scalars';
import { MeetingKind, ReleaseStatus } from '../enums';
import { Meeting, MeetingConnection, MeetingEdge, Participant } from './meeting.type';
import { PressRelease } from '../release/release.type';
import { visibleRelease } from '../release/release.resolver';
import { Topic } from '../topic/topic.type';
import { Initiative } from '../initiative/initiative.type';
import { Person } from '../person/person.type';
import { Country } from '../country/country.type';
import { countryByCode } from '../country-field';
import { checkCountryCodes } from '../release/release.filter';
import { countMeetings, listMeetings, type MeetingFilter as DomainMeetingFilter } from '../../domain/meetings';
import { encodeCursor, type PageArgs } from '../../domain/paging';
import type { MeetingRow } from '../../domain/rows';
import { badInput } from '../../errors';

export enum MeetingOrder {
  DATE_DESC = 'DATE_DESC',
  DATE_ASC = 'DATE_ASC',
}
registerEnumType(MeetingOrder, { name: 'MeetingOrder', description: 'How to order meetings (newest first by default).' });

@InputType({ description: 'Narrows a list of meetings; fields combine with AND, list values with OR.' })
export class MeetingFilter {
  @Field(() => [MeetingKind], { nullable: true })
  kinds?: MeetingKind[] | null;

  @Field(() => [String], { nullable: true, description: 'ISO codes: meetings with a participant representing any of them.' })
  @ArrayMaxSize(50)
  countries?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Person ids: meetings any of them attended.' })
  @ArrayMaxSize(50)
  people?: string[] | null;

  @Field(() => DateScalar, { nullable: true, description: 'On or after this day.' })
  from?: Date | null;

  @Field(() => DateScalar, { nullable: true, description: 'On or before this day.' })
  to?: Date | null;
}

export function toMeetingFilter(f: MeetingFilter | null | undefined, prefix = 'filter'): DomainMeetingFilter {
  if (f?.from && f.to && f.from > f.to) throw badInput(`${prefix}.from`, '`from` is after `to`');
  return {
    kinds: f?.kinds,
    countries: checkCountryCodes(f?.countries, `${prefix}.countries`),
    people: f?.people?.map((id) => dbIdOf(id, 'Person', `${prefix}.people`)),
    from: f?.from,
    to: f?.to,
    statuses: [ReleaseStatus.PUBLISHED],
  };
}

/** A page of meetings as a connection; shared by every list of meetings in the schema. */
export async function meetingConnection(
  ctx: Context,
  filter: DomainMeetingFilter,
  order: MeetingOrder | null | undefined,
  page: PageArgs,
): Promise<MeetingConnection> {
  const result = await listMeetings(ctx.db, filter, order !== MeetingOrder.DATE_ASC, page);
  return toConnection(
    MeetingConnection,
    result,
    (row: MeetingRow) => Object.assign(new MeetingEdge(), { cursor: encodeCursor(result.sort, row), node: Meeting.from(row) }),
    () => countMeetings(ctx.db, filter),
  );
}

@Resolver(() => Meeting)
export class MeetingResolver {
  @Query(() => MeetingConnection, { description: 'Meetings of published releases, newest first.' })
  meetings(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => MeetingFilter, { nullable: true }) filter: MeetingFilter | null,
    @Arg('orderBy', () => MeetingOrder, { nullable: true }) orderBy: MeetingOrder | null,
    @Ctx() ctx: Context,
  ): Promise<MeetingConnection> {
    return meetingConnection(ctx, toMeetingFilter(filter), orderBy, page);
  }

  @FieldResolver(() => PressRelease, { description: 'The release that reports the meeting.' })
  async pressRelease(@Root() m: Meeting, @Ctx() ctx: Context): Promise<PressRelease | null> {
    return visibleRelease(await ctx.loaders.release.load(m.pressReleaseId), ctx);
  }

  @FieldResolver(() => [Participant], { description: 'Who took part, hosts first as the text names them.' })
  async participants(@Root() m: Meeting, @Ctx() ctx: Context): Promise<Participant[]> {
    return (await ctx.loaders.participantsByMeeting.load(m.dbId)).map(Participant.from);
  }

  @FieldResolver(() => [Topic], { description: 'Topics discussed at the meeting.' })
  async topics(@Root() m: Meeting, @Ctx() ctx: Context): Promise<Topic[]> {
    return (await ctx.loaders.topicsByMeeting.load(m.dbId)).map(Topic.from);
  }

  @FieldResolver(() => [Initiative], { description: 'Initiatives discussed at the meeting.' })
  async initiatives(@Root() m: Meeting, @Ctx() ctx: Context): Promise<Initiative[]> {
    return (await ctx.loaders.initiativesByMeeting.load(m.dbId)).map(Initiative.from);
  }
}

@Resolver(() => Participant)
export class ParticipantResolver {
  @FieldResolver(() => Person)
  person(@Root() p: Participant): Person {
    return Person.from({ id: p.personId, name: p.personName, aliases: p.personAliases });
  }

  @FieldResolver(() => Country, { nullable: true, description: 'The country the person represented.' })
  country(@Root() p: Participant, @Ctx() ctx: Context): Promise<Country | null> {
    return countryByCode(ctx, p.countryCode);
  }

  @FieldResolver(() => Meeting)
  async meeting(@Root() p: Participant, @Ctx() ctx: Context): Promise<Meeting> {
    return Meeting.from((await ctx.loaders.meeting.load(p.meetingId))!);
  }
}
