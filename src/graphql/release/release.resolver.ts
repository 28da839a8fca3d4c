import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { fieldNamesAt, perSelection, selects } from '../selection';
import type { ReleaseIncludes } from '../../read/releases';
import { columnsAt, participantColumnsAt } from '../nested-columns';
import { MEETING_FIELDS, RELEASE_FIELD_COLUMNS, TOPIC_FIELDS, type ReleaseField } from '../../read/rows';
import type { Context } from '../context';
import { ConnectionArgs, dbIdOf } from '../relay';
import { Dateline, Issuer, PressRelease, PressReleaseConnection } from './release.type';
import { PressReleaseFilter, PressReleaseOrder, toReleaseFilter } from './release.inputs';
import { meetingFromJson, primeNested, releaseConnection } from './release.connection';
import { releaseIdBySlug, releasesByIds } from '../../read/releases';
import { Meeting } from '../meeting/meeting.type';
import { Topic } from '../topic/topic.type';
import { Initiative } from '../initiative/initiative.type';
import { Country } from '../country/country.type';
import { countryByCode } from '../country/country.load';
import { Person } from '../person/person.type';
import { badInput } from '../../errors';

/** A release the viewer may see, or null (the loader leaves hidden ones out). */
export async function releaseById(ctx: Context, id: number): Promise<PressRelease | null> {
  const row = await ctx.loaders.release.load(id);
  return row && PressRelease.from(row);
}

/** The nested lists a release's statement reads with it, those the query selects below `at` (the release), and their columns. */
function includesAt(info: GraphQLResolveInfo, at: readonly string[]): ReleaseIncludes {
  const topics = selects(info, [...at, 'topics']);
  const meetings = selects(info, [...at, 'meetings']);
  const participants = meetings && selects(info, [...at, 'meetings', 'participants']);
  const meetingTopics = meetings && selects(info, [...at, 'meetings', 'topics']);
  return {
    topics,
    meetings,
    participants,
    meetingTopics,
    countries: selects(info, [...at, 'countries']),
    initiatives: selects(info, [...at, 'initiatives']),
    columns: {
      topics: topics ? columnsAt(info, [...at, 'topics'], TOPIC_FIELDS) : undefined,
      meetings: meetings ? columnsAt(info, [...at, 'meetings'], MEETING_FIELDS) : undefined,
      meetingTopics: meetingTopics ? columnsAt(info, [...at, 'meetings', 'topics'], TOPIC_FIELDS) : undefined,
      ...(participants ? participantColumnsAt(info, [...at, 'meetings', 'participants']) : {}),
    },
  };
}

/** The nested lists one release reads with it (pressRelease), once per query text. */
const releaseIncludesHere = perSelection((info: GraphQLResolveInfo) => includesAt(info, []));

/** Fields of a release that read no column of its row beyond its id (resolvers and loaders by id). */
const FIELDS_BY_ID = new Set(['id', 'publishedAt', '__typename', 'body', 'paragraphs', 'meetings', 'topics', 'initiatives', 'countries', 'people', 'related']);

/**
 * The row fields a page of releases reads for the fields the query selects below `at` (the release),
 * or undefined (all of them) when it selects one this does not know: a new field of PressRelease
 * gets every column until it is named here or in RELEASE_FIELD_COLUMNS.
 */
function fieldsAt(info: GraphQLResolveInfo, at: readonly string[]): ReleaseField[] | undefined {
  const fields: ReleaseField[] = [];
  for (const name of fieldNamesAt(info, at)) {
    if (Object.hasOwn(RELEASE_FIELD_COLUMNS, name)) fields.push(name as ReleaseField);
    else if (!FIELDS_BY_ID.has(name)) return undefined;
  }
  return fields;
}

/**
 * What a page of releases reads in its own statement: the nested lists and the columns the query
 * selects (worked out once per query text, perSelection).
 */
export const releaseIncludes = perSelection(
  (info: GraphQLResolveInfo): ReleaseIncludes & { highlights: boolean; fields?: ReleaseField[]; totalCount: boolean } => ({
    ...includesAt(info, ['edges', 'node']),
    highlights: selects(info, ['edges', 'highlights']),
    totalCount: selects(info, ['totalCount']),
    fields: fieldsAt(info, ['edges', 'node']),
  }),
);

/**
 * One release and the nested lists the query selects, in one statement (7 for a release with
 * everything on it when each list had its loader); what it read primes the request's loaders.
 */
async function releaseWithIncludes(ctx: Context, id: number, include: ReleaseIncludes): Promise<PressRelease | null> {
  const [row] = await releasesByIds(ctx.sql, [id], ctx.visible, include);
  if (!row) return null;
  // The loader gets the release's own columns: its nested rows carry only what this query selected
  // (rows.ts, nested columns), which another field asking for the release must not take as whole.
  const { topics: _topics, meetings: _meetings, countries: _countries, initiatives: _initiatives, ...own } = row;
  ctx.loaders.release.prime(id, own);
  for (const c of [row.datelineCountry, row.issuerCountry]) if (c) ctx.loaders.country.prime(c.code, { ...c, key: c.code });
  primeNested(ctx, [row]);
  return PressRelease.from(row);
}

@Resolver(() => PressRelease)
export class PressReleaseResolver {
  @Query(() => PressReleaseConnection, {
    description: 'Releases, newest first unless `orderBy` says otherwise; filter by country, topic, initiative, person, meeting kind, dates, status, or full text.',
  })
  pressReleases(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => PressReleaseFilter, { nullable: true }) filter: PressReleaseFilter | null,
    @Arg('orderBy', () => PressReleaseOrder, { nullable: true }) orderBy: PressReleaseOrder | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<PressReleaseConnection> {
    const f = toReleaseFilter(filter, ctx);
    const order = orderBy ?? (f.search ? PressReleaseOrder.RELEVANCE : PressReleaseOrder.PUBLISHED_AT_DESC);
    return releaseConnection(ctx, f, order, page, releaseIncludes(info));
  }

  @Query(() => PressRelease, { nullable: true, description: 'One release, by `id` or by `slug`.' })
  async pressRelease(
    @Arg('id', () => ID, { nullable: true }) id: string | null,
    @Arg('slug', () => String, { nullable: true }) slug: string | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<PressRelease | null> {
    if ((id == null) === (slug == null)) throw badInput(id == null ? 'id' : 'slug', 'Pass exactly one of `id` and `slug`');
    const dbId = id != null ? dbIdOf(id, 'PressRelease') : await releaseIdBySlug(ctx.sql, slug!);
    if (dbId === null) return null;
    const include = releaseIncludesHere(info);
    const nested = include.topics || include.meetings || include.countries || include.initiatives;
    return nested ? releaseWithIncludes(ctx, dbId, include) : releaseById(ctx, dbId);
  }

  @FieldResolver(() => String, { description: 'The body as one text, paragraphs separated by a blank line.' })
  async body(@Root() r: PressRelease, @Ctx() ctx: Context): Promise<string> {
    return r.body ?? (await ctx.loaders.releaseBody.load(r.dbId))?.body ?? '';
  }

  @FieldResolver(() => [String], { description: 'The body in paragraphs, source boilerplate removed.' })
  async paragraphs(@Root() r: PressRelease, @Ctx() ctx: Context): Promise<string[]> {
    return (await this.body(r, ctx)).split(/\n{2,}/).filter(Boolean);
  }

  // The nested lists below are on the release when its statement read them (PressRelease.included):
  // returned as they are, without a loader or a promise; otherwise batched through the loaders.

  @FieldResolver(() => [Meeting], { description: 'The meetings the release reports, in text order (none for a statement).' })
  meetings(@Root() r: PressRelease, @Ctx() ctx: Context): Meeting[] | Promise<Meeting[]> {
    const included = r.included?.meetings;
    if (included) return included.map(meetingFromJson);
    return ctx.loaders.meetingsByRelease.load(r.dbId).then((rows) => rows.map(Meeting.from));
  }

  @FieldResolver(() => [Topic], { description: 'Topics of the taxonomy the release is about.' })
  topics(@Root() r: PressRelease, @Ctx() ctx: Context): Topic[] | Promise<Topic[]> {
    const included = r.included?.topics;
    if (included) return included.map(Topic.from);
    return ctx.loaders.topicsByRelease.load(r.dbId).then((rows) => rows.map(Topic.from));
  }

  @FieldResolver(() => [Initiative], { description: 'Initiatives the release mentions, in order of first mention.' })
  initiatives(@Root() r: PressRelease, @Ctx() ctx: Context): Initiative[] | Promise<Initiative[]> {
    const included = r.included?.initiatives;
    if (included) return included.map(Initiative.from);
    return ctx.loaders.initiativesByRelease.load(r.dbId).then((rows) => rows.map(Initiative.from));
  }

  @FieldResolver(() => [Country], { description: 'Countries the release involves, most mentioned first.' })
  countries(@Root() r: PressRelease, @Ctx() ctx: Context): Country[] | Promise<Country[]> {
    const included = r.included?.countries;
    if (included) return included.map(Country.from);
    return ctx.loaders.countriesByRelease.load(r.dbId).then((rows) => rows.map(Country.from));
  }

  @FieldResolver(() => [Person], { description: 'Everyone at the release’s meetings.' })
  async people(@Root() r: PressRelease, @Ctx() ctx: Context): Promise<Person[]> {
    return (await ctx.loaders.peopleByRelease.load(r.dbId)).map(Person.from);
  }
}

@Resolver(() => Dateline)
export class DatelineResolver {
  @FieldResolver(() => Country, { nullable: true, description: 'The country of the place (resolved from the city when the text gives none).' })
  country(@Root() d: Dateline, @Ctx() ctx: Context) {
    return countryByCode(ctx, d.countryCode);
  }
}

@Resolver(() => Issuer)
export class IssuerResolver {
  @FieldResolver(() => Country, { nullable: true })
  country(@Root() i: Issuer, @Ctx() ctx: Context) {
    return countryByCode(ctx, i.countryCode);
  }
}
