import { Arg, Args, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { ConnectionArgs } from '../relay';
import { Country } from './country.type';
import { PressReleaseConnection } from '../release/release.type';
import { PressReleaseFilter, PressReleaseOrder, toReleaseFilter } from '../release/release.inputs';
import type { GraphQLResolveInfo } from 'graphql';
import { releaseConnection } from '../release/release.connection';
import { releaseIncludes } from '../release/release.resolver';
import { MeetingConnection } from '../meeting/meeting.type';
import { MeetingFilter, MeetingOrder, toMeetingFilter } from '../meeting/meeting.inputs';
import { meetingConnection } from '../meeting/meeting.connection';
import { listCountries } from '../../read/countries';
import { checkCountryCodes } from '../../domain/validate';

@Resolver(() => Country)
export class CountryResolver {
  @Query(() => [Country], { description: 'Countries by name: all of ISO 3166-1, or those the archive involves.' })
  async countries(
    @Arg('search', () => String, { nullable: true, description: 'Part of a name, alias or demonym ("korea", "uzbek").' })
    search: string | null,
    @Arg('involved', () => Boolean, {
      nullable: true,
      description: 'Only countries some published release involves (with an editor key, drafts count too).',
    })
    involved: boolean | null,
    @Ctx() ctx: Context,
  ): Promise<Country[]> {
    return (await listCountries(ctx.sql, search, involved ? ctx.visible : null)).map(Country.from);
  }

  @Query(() => Country, { nullable: true, description: 'One country by ISO 3166-1 alpha-2 code ("AZ").' })
  async country(@Arg('code', () => String) code: string, @Ctx() ctx: Context): Promise<Country | null> {
    const [c] = checkCountryCodes([code], 'code')!;
    const row = await ctx.loaders.country.load(c);
    return row ? Country.from(row) : null;
  }

  @FieldResolver(() => PressReleaseConnection, { description: 'Releases that involve the country.' })
  pressReleases(
    @Root() country: Country,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => PressReleaseFilter, { nullable: true }) filter: PressReleaseFilter | null,
    @Arg('orderBy', () => PressReleaseOrder, { nullable: true }) orderBy: PressReleaseOrder | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<PressReleaseConnection> {
    const f = toReleaseFilter({ ...filter, countries: [country.code] }, ctx);
    return releaseConnection(ctx, f, orderBy ?? PressReleaseOrder.PUBLISHED_AT_DESC, page, releaseIncludes(info));
  }

  @FieldResolver(() => MeetingConnection, { description: 'Meetings where someone represented the country.' })
  meetings(
    @Root() country: Country,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => MeetingFilter, { nullable: true }) filter: MeetingFilter | null,
    @Arg('orderBy', () => MeetingOrder, { nullable: true }) orderBy: MeetingOrder | null,
    @Ctx() ctx: Context,
  ): Promise<MeetingConnection> {
    return meetingConnection(ctx, toMeetingFilter({ ...filter, countries: [country.code] }), orderBy, page);
  }
}
