import { Arg, Args, Ctx, FieldResolver, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import DataLoader from 'dataloader';
import { Prisma } from '../../generated/prisma/client';
import { perRequest, type Context } from '../context';
import { ConnectionArgs, ConnectionType, EdgeType, toConnection } from '../relay';
import { Person, PersonRole } from './person.type';
import { Participant, MeetingConnection } from '../meeting/meeting.type';
import { MeetingFilter, MeetingOrder, meetingConnection, toMeetingFilter } from '../meeting/meeting.resolver';
import { Country } from '../country/country.type';
import { countryByCode } from '../country-field';
import { countPeople, listPeople } from '../../domain/directory';
import { checkListSize, encodeCursor } from '../../domain/paging';
import { PARTICIPANT_COLUMNS, type ParticipantRow } from '../../domain/rows';

@ObjectType({ description: 'A person in a list.' })
export class PersonEdge extends EdgeType(Person) {}

@ObjectType({ description: 'A page of people.' })
export class PersonConnection extends ConnectionType<Person, PersonEdge>(PersonEdge) {}

/** The latest `first` participations of each person, batched over the people of a page. */
function participationsLoader(ctx: Context, first: number) {
  return perRequest(ctx, `participations:${first}`, () =>
    new DataLoader<number, ParticipantRow[]>(async (ids) => {
      const rows = await ctx.db.$queryRaw<(ParticipantRow & { key: number })[]>(Prisma.sql`
        SELECT * FROM (
          SELECT p.person_id AS key, ${PARTICIPANT_COLUMNS},
            row_number() OVER (PARTITION BY p.person_id ORDER BY m.date DESC, p.id DESC) AS rn
          FROM participant p JOIN person pe ON pe.id = p.person_id JOIN meeting m ON m.id = p.meeting_id
          JOIN press_release pr ON pr.id = m.press_release_id
          WHERE p.person_id = ANY(${[...ids]}::int[]) AND pr.status = 'PUBLISHED') x
        WHERE rn <= ${first} ORDER BY key, rn`);
      return ids.map((id) => rows.filter((r) => r.key === id));
    }),
  );
}

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => PersonConnection, { description: 'People who took part in meetings, by name.' })
  async people(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('search', () => String, { nullable: true, description: 'Part of a name or alias ("bayramov").' }) search: string | null,
    @Ctx() ctx: Context,
  ): Promise<PersonConnection> {
    const result = await listPeople(ctx.db, search, page);
    return toConnection(
      PersonConnection,
      result,
      (row) => Object.assign(new PersonEdge(), { cursor: encodeCursor(result.sort, row), node: Person.from(row) }),
      () => countPeople(ctx.db, search),
    );
  }

  @FieldResolver(() => [PersonRole], { description: 'Roles held over time, latest first.' })
  async roles(@Root() p: Person, @Ctx() ctx: Context): Promise<PersonRole[]> {
    return (await ctx.loaders.rolesByPerson.load(p.dbId)).map(PersonRole.from);
  }

  @FieldResolver(() => [Participant], { description: 'The person at meetings, latest first.' })
  async participations(
    @Root() p: Person,
    @Arg('first', () => Int, { defaultValue: 20, description: 'At most 100.' }) first: number,
    @Ctx() ctx: Context,
  ): Promise<Participant[]> {
    checkListSize('first', first, 100);
    return (await participationsLoader(ctx, first).load(p.dbId)).map(Participant.from);
  }

  @FieldResolver(() => MeetingConnection, { description: 'Meetings the person attended.' })
  meetings(
    @Root() p: Person,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => MeetingFilter, { nullable: true }) filter: MeetingFilter | null,
    @Arg('orderBy', () => MeetingOrder, { nullable: true }) orderBy: MeetingOrder | null,
    @Ctx() ctx: Context,
  ): Promise<MeetingConnection> {
    const f = toMeetingFilter(filter);
    return meetingConnection(ctx, { ...f, people: [p.dbId] }, orderBy, page);
  }
}

@Resolver(() => PersonRole)
export class PersonRoleResolver {
  @FieldResolver(() => Country, { nullable: true, description: 'The country the role served.' })
  country(@Root() r: PersonRole, @Ctx() ctx: Context): Promise<Country | null> {
    return countryByCode(ctx, r.countryCode);
  }
}
