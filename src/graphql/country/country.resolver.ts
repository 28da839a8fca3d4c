import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Prisma } from '../../generated/prisma/client';
import type { Context } from '../context';
import { ConnectionArgs } from '../relay';
import { Country } from './country.type';
import { PressReleaseConnection } from '../release/release.type';
import { PressReleaseFilter, PressReleaseOrder } from '../release/release.inputs';
import { releaseConnection } from '../release/release.resolver';
import { toReleaseFilter } from '../release/release.filter';
import { MeetingConnection } from '../meeting/meeting.type';
import { MeetingFilter, MeetingOrder, meetingConnection, toMeetingFilter } from '../meeting/meeting.resolver';
import { COUNTRY_COLUMNS, type CountryRow } from '../../domain/rows';
import { checkCountryCodes } from '../release/release.filter';
import { likePattern } from '../../domain/directory';

@Resolver(() => Country)
export class CountryResolver {
  @Query(() => [Country], { description: 'Countries by name: all of ISO 3166-1, or those the archive involves.' })
  async countries(
    @Arg('search', () => String, { nullable: true, description: 'Part of a name, alias or demonym ("korea", "uzbek").' })
    search: string | null,
    @Arg('involved', () => Boolean, { nullable: true, description: 'Only countries some published release involves.' })
    involved: boolean | null,
    @Ctx() ctx: Context,
  ): Promise<Country[]> {
    const c: Prisma.Sql[] = [];
    if (search?.trim()) {
      const p = likePattern(search.trim());
      c.push(Prisma.sql`(c.name ILIKE ${p} OR c.code ILIKE ${search.trim()} OR c.official_name ILIKE ${p}
        OR EXISTS (SELECT 1 FROM unnest(c.aliases || c.demonyms) a WHERE a ILIKE ${p}))`);
    }
    if (involved) {
      c.push(Prisma.sql`EXISTS (SELECT 1 FROM release_country rc JOIN press_release pr ON pr.id = rc.press_release_id
        WHERE rc.country_code = c.code AND pr.status = 'PUBLISHED')`);
    }
    const where = c.length ? Prisma.join(c, ' AND ') : Prisma.sql`TRUE`;
    const rows = await ctx.db.$queryRaw<CountryRow[]>`SELECT ${COUNTRY_COLUMNS} FROM country c WHERE ${where} ORDER BY c.name`;
    return rows.map(Country.from);
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
  ): Promise<PressReleaseConnection> {
    const f = toReleaseFilter({ ...filter, countries: [country.code] }, ctx);
    return releaseConnection(ctx, f, orderBy ?? PressReleaseOrder.PUBLISHED_AT_DESC, page);
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
