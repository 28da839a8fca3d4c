import { Arg, Args, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { ConnectionArgs } from '../relay';
import { Topic } from './topic.type';
import { PressReleaseConnection } from '../release/release.type';
import { PressReleaseFilter, PressReleaseOrder, toReleaseFilter } from '../release/release.inputs';
import type { GraphQLResolveInfo } from 'graphql';
import { releaseConnection } from '../release/release.connection';
import { releaseIncludes } from '../release/release.resolver';
import { allTopics, topicsBySlugs } from '../../read/topics';

/** One topic by slug (null when the taxonomy has none). */
export async function topicBySlug(ctx: Context, slug: string): Promise<Topic | null> {
  const [row] = await topicsBySlugs(ctx.sql, [slug]);
  return row ? Topic.from(row) : null;
}

@Resolver(() => Topic)
export class TopicResolver {
  @Query(() => [Topic], { description: 'The whole topic taxonomy, in its fixed order.' })
  async topics(@Ctx() ctx: Context): Promise<Topic[]> {
    return (await allTopics(ctx.sql)).map(Topic.from);
  }

  @Query(() => Topic, { nullable: true, description: 'One topic by slug ("education").' })
  topic(@Arg('slug', () => String) slug: string, @Ctx() ctx: Context): Promise<Topic | null> {
    return topicBySlug(ctx, slug);
  }

  @FieldResolver(() => Int, { description: 'How many published releases are about the topic.' })
  releaseCount(@Root() t: Topic, @Ctx() ctx: Context): Promise<number> {
    return ctx.loaders.topicReleaseCount.load(t.dbId);
  }

  @FieldResolver(() => PressReleaseConnection, { description: 'Releases about the topic.' })
  pressReleases(
    @Root() t: Topic,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => PressReleaseFilter, { nullable: true }) filter: PressReleaseFilter | null,
    @Arg('orderBy', () => PressReleaseOrder, { nullable: true }) orderBy: PressReleaseOrder | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<PressReleaseConnection> {
    const f = toReleaseFilter({ ...filter, topics: [t.slug] }, ctx);
    return releaseConnection(ctx, f, orderBy ?? PressReleaseOrder.PUBLISHED_AT_DESC, page, releaseIncludes(info));
  }
}
