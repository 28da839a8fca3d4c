import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import DataLoader from 'dataloader';
import { perRequest, type Context } from '../context';
import { ConnectionArgs, toConnection } from '../relay';
import { Person, PersonConnection, PersonEdge, PersonRole } from './person.type';
import { Participant, MeetingConnection } from '../meeting/meeting.type';
import { MeetingFilter, MeetingOrder, toMeetingFilter } from '../meeting/meeting.inputs';
import { meetingConnection } from '../meeting/meeting.connection';
import { Country } from '../country/country.type';
import { countryByCode } from '../country/country.load';
import { countPeople, listPeople } from '../../read/people';
import { participationsByPeople } from '../../read/meetings';
import { checkListSize, encodeCursor } from '../../read/paging';
import type { ParticipantRow } from '../../read/rows';
import { DEFAULT_STATUSES } from '../../domain/visibility';

/** The latest `first` participations of each person (in published releases), batched over the people of a page. */
function participationsLoader(ctx: Context, first: number) {
  return perRequest(ctx, `participations:${first}`, () =>
    new DataLoader<number, ParticipantRow[]>(async (ids) => {
      const rows = await participationsByPeople(ctx.sql, ids, first, DEFAULT_STATUSES);
      return ids.map((id) => rows.filter((r) => r.key === id));
    }),
  );
}

@Resolver(() => Person)
export class PersonResolver {
  @Query(() => PersonConnection, { description: 'People at the meetings of published releases (with an editor key, of drafts too), by name.' })
  async people(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('search', () => String, { nullable: true, description: 'Part of a name or alias ("bayramov").' }) search: string | null,
    @Ctx() ctx: Context,
  ): Promise<PersonConnection> {
    const result = await listPeople(ctx.sql, search, ctx.visible, page);
    return toConnection(
      PersonConnection,
      result,
      (row) => Object.assign(new PersonEdge(), { cursor: encodeCursor(result.sort, row), node: Person.from(row) }),
      () => countPeople(ctx.sql, search, ctx.visible),
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
