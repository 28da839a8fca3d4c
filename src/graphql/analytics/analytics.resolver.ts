import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import DataLoader from 'dataloader';
import { perRequest, type Context } from '../context';
import { Date as DateScalar } from '../scalars';
import { Facet, Partner, PartnerOrder, TrendInterval, TrendPoint } from './analytics.types';
import { Country } from '../country/country.type';
import { Topic } from '../topic/topic.type';
import { Initiative } from '../initiative/initiative.type';
import { PressRelease } from '../release/release.type';
import { PressReleaseFilter, toReleaseFilter } from '../release/release.inputs';
import { countryByCode } from '../country/country.load';
import { found } from '../loaders';
import { facets, type FacetName, type FacetRequest, type FacetResult } from '../../read/facets';
import { partners, relatedReleases, trend, type TrendSubject } from '../../read/analytics';
import { checkListSize } from '../../read/paging';
import { checkTrendArgs, type ReleaseFilter } from '../../domain/filters';
import { badInput } from '../../errors';

const MAX_FACET_OPTIONS = 500;
/** Releases whose `related` one request may ask for. */
const MAX_RELATED_RELEASES = 50;

@ArgsType()
class TrendArgs {
  @Field(() => DateScalar, { nullable: true, description: 'First day counted (default: the first release).' })
  from?: Date | null;

  @Field(() => DateScalar, { nullable: true, description: 'Last day counted (default: the latest release).' })
  to?: Date | null;

  @Field(() => TrendInterval, { defaultValue: TrendInterval.MONTH })
  interval: TrendInterval;
}

@ObjectType({ description: 'Facet counts over the releases a filter matches.' })
export class Facets {
  filter: ReleaseFilter;
  /** Gathers the facets asked for in one tick into one SQL statement. */
  loader: DataLoader<FacetRequest, FacetResult, string>;
}

const limitArg = (limit: number) => {
  if (limit < 1 || limit > MAX_FACET_OPTIONS) throw badInput('limit', `\`limit\` is between 1 and ${MAX_FACET_OPTIONS}`);
  return limit;
};

/** Every facet asked for of one `facets` field comes from one SQL statement; a facet never filters on itself. */
const facetOf = (name: FacetName, f: Facets, limit: number): Promise<FacetResult> => f.loader.load({ name, limit: limitArg(limit) });

@Resolver(() => Facets)
export class FacetsResolver {
  @Query(() => Facets, { description: 'Counts by topic, country, initiative, person, meeting kind, issuer and month, for the releases matching `filter`.' })
  facets(@Arg('filter', () => PressReleaseFilter, { nullable: true }) filter: PressReleaseFilter | null, @Ctx() ctx: Context): Facets {
    const releaseFilter = toReleaseFilter(filter, ctx);
    const loader = new DataLoader<FacetRequest, FacetResult, string>((requests) => facets(ctx.sql, releaseFilter, requests, ctx.facetMemo), {
      cacheKeyFn: (r) => `${r.name}:${r.limit}`,
    });
    return Object.assign(new Facets(), { filter: releaseFilter, loader });
  }

  @FieldResolver(() => Facet, { description: 'By topic slug.' })
  topics(@Root() f: Facets, @Arg('limit', () => Int, { defaultValue: 50 }) limit: number) {
    return facetOf('topics', f, limit);
  }

  @FieldResolver(() => Facet, { description: 'By ISO code of the countries releases involve.' })
  countries(@Root() f: Facets, @Arg('limit', () => Int, { defaultValue: 50 }) limit: number) {
    return facetOf('countries', f, limit);
  }

  @FieldResolver(() => Facet, { description: 'By initiative id.' })
  initiatives(@Root() f: Facets, @Arg('limit', () => Int, { defaultValue: 50 }) limit: number) {
    return facetOf('initiatives', f, limit);
  }

  @FieldResolver(() => Facet, { description: 'By person id (participants of the releases’ meetings).' })
  people(@Root() f: Facets, @Arg('limit', () => Int, { defaultValue: 50 }) limit: number) {
    return facetOf('people', f, limit);
  }

  @FieldResolver(() => Facet, { description: 'By meeting kind.' })
  meetingKinds(@Root() f: Facets, @Arg('limit', () => Int, { defaultValue: 50 }) limit: number) {
    return facetOf('meetingKinds', f, limit);
  }

  @FieldResolver(() => Facet, { description: 'By ISO code of the issuing ministry’s country.' })
  issuers(@Root() f: Facets, @Arg('limit', () => Int, { defaultValue: 50 }) limit: number) {
    return facetOf('issuers', f, limit);
  }

  @FieldResolver(() => Facet, { description: 'Releases per month ("YYYY-MM"), chronological; ignores `from`/`to`.' })
  months(@Root() f: Facets, @Arg('limit', () => Int, { defaultValue: 500 }) limit: number) {
    return facetOf('months', f, limit);
  }
}

/** Trends per request, memoised by subject and arguments. */
function trendOf(ctx: Context, subject: TrendSubject, args: TrendArgs): Promise<TrendPoint[]> {
  return perRequest(ctx, `trend:${JSON.stringify([subject, args.from, args.to, args.interval])}`, () =>
    trend(ctx.sql, subject, checkTrendArgs(args)).then((rows) => rows.map((r) => Object.assign(new TrendPoint(), r))),
  );
}

@Resolver()
export class ArchiveTrendResolver {
  @Query(() => [TrendPoint], { description: 'Releases per period for the whole archive, or for those matching `filter`.' })
  trend(
    @Args(() => TrendArgs) args: TrendArgs,
    @Arg('filter', () => PressReleaseFilter, { nullable: true }) filter: PressReleaseFilter | null,
    @Ctx() ctx: Context,
  ): Promise<TrendPoint[]> {
    return trendOf(ctx, { filter: toReleaseFilter(filter, ctx) }, args);
  }
}

@Resolver(() => Topic)
export class TopicTrendResolver {
  @FieldResolver(() => [TrendPoint], { description: 'Releases about the topic per period, empty periods included.' })
  trend(@Root() t: Topic, @Args(() => TrendArgs) args: TrendArgs, @Ctx() ctx: Context): Promise<TrendPoint[]> {
    return trendOf(ctx, { topicId: t.dbId }, args);
  }
}

@Resolver(() => Initiative)
export class InitiativeTrendResolver {
  @FieldResolver(() => [TrendPoint], { description: 'Releases mentioning the initiative per period, empty periods included.' })
  trend(@Root() i: Initiative, @Args(() => TrendArgs) args: TrendArgs, @Ctx() ctx: Context): Promise<TrendPoint[]> {
    return trendOf(ctx, { initiativeId: i.dbId }, args);
  }
}

@Resolver(() => Country)
export class CountryPartnersResolver {
  @FieldResolver(() => [Partner], { description: 'Countries this one meets with: how often, when last, about what.' })
  async partners(
    @Root() c: Country,
    @Arg('first', () => Int, { defaultValue: 10, description: 'At most 100.' }) first: number,
    @Arg('orderBy', () => PartnerOrder, { defaultValue: PartnerOrder.MOST_MEETINGS }) orderBy: PartnerOrder,
    @Ctx() ctx: Context,
  ): Promise<Partner[]> {
    checkListSize('first', first, 100);
    const rows = await partners(ctx.sql, c.code, first, orderBy, 3);
    return rows.map((r) => Object.assign(new Partner(), r));
  }
}

@Resolver(() => Partner)
export class PartnerResolver {
  @FieldResolver(() => Country)
  async country(@Root() p: Partner, @Ctx() ctx: Context): Promise<Country> {
    return (await countryByCode(ctx, p.code))!;
  }

  @FieldResolver(() => [Topic], { description: 'The topics of their meetings, most frequent first (at most three).' })
  async topTopics(@Root() p: Partner, @Ctx() ctx: Context): Promise<Topic[]> {
    return found(await ctx.loaders.topic.loadMany(p.topTopicIds)).map(Topic.from);
  }
}

@Resolver(() => PressRelease)
export class RelatedReleasesResolver {
  @FieldResolver(() => [PressRelease], {
    description:
      'The releases closest to this one: shared participants first, then initiatives, countries and topics. ' +
      `Computed for at most ${MAX_RELATED_RELEASES} releases per request.`,
  })
  async related(
    @Root() r: PressRelease,
    @Arg('first', () => Int, { defaultValue: 5, description: 'At most 20.' }) first: number,
    @Ctx() ctx: Context,
  ): Promise<PressRelease[]> {
    checkListSize('first', first, 20);
    // The cap counts every release of the request, whatever `first` each alias asks for (issue 10:
    // ten values of `first` computed 500).
    const asked = perRequest(ctx, 'related:asked', () => ({ n: 0 }));
    const loader = perRequest(ctx, `related:${first}`, () =>
      new DataLoader<number, number[]>(async (ids) => {
        // Each release costs tens of milliseconds of database time: a page of 100 with `related` is
        // refused rather than left to run into the statement timeout.
        asked.n += ids.length;
        if (asked.n > MAX_RELATED_RELEASES) {
          throw badInput('related', `\`related\` is computed for at most ${MAX_RELATED_RELEASES} releases per request (asked for ${asked.n})`);
        }
        const byId = await relatedReleases(ctx.sql, [...ids], first);
        return ids.map((id) => byId.get(id) ?? []);
      }),
    );
    const ids = await loader.load(r.dbId);
    return found(await ctx.loaders.release.loadMany(ids)).map(PressRelease.from);
  }
}
