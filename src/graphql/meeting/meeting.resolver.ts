import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { ConnectionArgs } from '../relay';
import { Meeting, MeetingConnection, Participant } from './meeting.type';
import { MeetingFilter, MeetingOrder, toMeetingFilter } from './meeting.inputs';
import { meetingConnection } from './meeting.connection';
import { PressRelease } from '../release/release.type';
import { releaseById } from '../release/release.resolver';
import { Topic } from '../topic/topic.type';
import { Initiative } from '../initiative/initiative.type';
import { Person } from '../person/person.type';
import { Country } from '../country/country.type';
import { countryByCode } from '../country/country.load';

@Resolver(() => Meeting)
export class MeetingResolver {
  @Query(() => MeetingConnection, { description: 'Meetings of published releases, newest first.' })
  meetings(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => MeetingFilter, { nullable: true }) filter: MeetingFilter | null,
    @Arg('orderBy', () => MeetingOrder, { nullable: true }) orderBy: MeetingOrder | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<MeetingConnection> {
    return meetingConnection(ctx, toMeetingFilter(filter), orderBy, page, info);
  }

  @FieldResolver(() => PressRelease, { description: 'The release that reports the meeting.' })
  async pressRelease(@Root() m: Meeting, @Ctx() ctx: Context): Promise<PressRelease | null> {
    return releaseById(ctx, m.pressReleaseId);
  }

  @FieldResolver(() => [Participant], { description: 'Who took part, hosts first as the text names them.' })
  participants(@Root() m: Meeting, @Ctx() ctx: Context): Participant[] | Promise<Participant[]> {
    // Read in the statement of the meeting's list when the query asked (Meeting.includedParticipants).
    if (m.includedParticipants) return m.includedParticipants.map(Participant.from);
    return ctx.loaders.participantsByMeeting.load(m.dbId).then((rows) => rows.map(Participant.from));
  }

  @FieldResolver(() => [Topic], { description: 'Topics discussed at the meeting.' })
  topics(@Root() m: Meeting, @Ctx() ctx: Context): Topic[] | Promise<Topic[]> {
    if (m.includedTopics) return m.includedTopics.map(Topic.from);
    return ctx.loaders.topicsByMeeting.load(m.dbId).then((rows) => rows.map(Topic.from));
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
  country(@Root() p: Participant, @Ctx() ctx: Context): Country | null | Promise<Country | null> {
    // Read with the participant (list statements and participantsByMeetings do): no loader.
    if (p.includedCountry !== undefined) return p.includedCountry && Country.from(p.includedCountry);
    return countryByCode(ctx, p.countryCode);
  }

  @FieldResolver(() => Meeting)
  async meeting(@Root() p: Participant, @Ctx() ctx: Context): Promise<Meeting> {
    return Meeting.from((await ctx.loaders.meeting.load(p.meetingId))!);
  }
}
