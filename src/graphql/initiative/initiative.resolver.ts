import { Arg, Args, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import DataLoader from 'dataloader';
import { perRequest, type Context } from '../context';
import { ConnectionArgs, toConnection } from '../relay';
import { Initiative, InitiativeConnection, InitiativeEdge, InitiativeMention } from './initiative.type';
import { InitiativeKind } from '../enums';
import { PressRelease, PressReleaseConnection } from '../release/release.type';
import { PressReleaseFilter, PressReleaseOrder, toReleaseFilter } from '../release/release.inputs';
import type { GraphQLResolveInfo } from 'graphql';
import { releaseConnection } from '../release/release.connection';
import { releaseById, releaseIncludes } from '../release/release.resolver';
import { countInitiatives, listInitiatives, mentionsByInitiatives } from '../../read/initiatives';
import { checkListSize, encodeCursor } from '../../read/paging';
import type { MentionRow } from '../../read/rows';
import { DEFAULT_STATUSES } from '../../domain/visibility';

/** The latest `first` mentions of each initiative in published releases, batched. */
function mentionsLoader(ctx: Context, first: number) {
  return perRequest(ctx, `mentions:${first}`, () =>
    new DataLoader<number, MentionRow[]>(async (ids) => {
      const rows = await mentionsByInitiatives(ctx.sql, ids, first, DEFAULT_STATUSES);
      return ids.map((id) => rows.filter((r) => r.key === id));
    }),
  );
}

@Resolver(() => Initiative)
export class InitiativeResolver {
  @Query(() => InitiativeConnection, { description: 'Initiatives published releases mention (with an editor key, drafts too), by name.' })
  async initiatives(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('search', () => String, { nullable: true, description: 'Part of a name, acronym or alias ("cica", "minsk").' })
    search: string | null,
    @Arg('kinds', () => [InitiativeKind], { nullable: true }) kinds: InitiativeKind[] | null,
    @Ctx() ctx: Context,
  ): Promise<InitiativeConnection> {
    const result = await listInitiatives(ctx.sql, search, kinds, ctx.visible, page);
    return toConnection(
      InitiativeConnection,
      result,
      (row) => Object.assign(new InitiativeEdge(), { cursor: encodeCursor(result.sort, row), node: Initiative.from(row) }),
      () => countInitiatives(ctx.sql, search, kinds, ctx.visible),
    );
  }

  @FieldResolver(() => [InitiativeMention], { description: 'Mentions in published releases, latest first.' })
  async mentions(
    @Root() i: Initiative,
    @Arg('first', () => Int, { defaultValue: 20, description: 'At most 100.' }) first: number,
    @Ctx() ctx: Context,
  ): Promise<InitiativeMention[]> {
    checkListSize('first', first, 100);
    return (await mentionsLoader(ctx, first).load(i.dbId)).map(InitiativeMention.from);
  }

  @FieldResolver(() => PressReleaseConnection, { description: 'Releases that mention the initiative.' })
  pressReleases(
    @Root() i: Initiative,
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('filter', () => PressReleaseFilter, { nullable: true }) filter: PressReleaseFilter | null,
    @Arg('orderBy', () => PressReleaseOrder, { nullable: true }) orderBy: PressReleaseOrder | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ): Promise<PressReleaseConnection> {
    const f = toReleaseFilter(filter, ctx);
    return releaseConnection(ctx, { ...f, initiatives: [i.dbId] }, orderBy ?? PressReleaseOrder.PUBLISHED_AT_DESC, page, releaseIncludes(info));
  }
}

@Resolver(() => InitiativeMention)
export class InitiativeMentionResolver {
  @FieldResolver(() => PressRelease, { nullable: true })
  async pressRelease(@Root() m: InitiativeMention, @Ctx() ctx: Context): Promise<PressRelease | null> {
    return releaseById(ctx, m.pressReleaseId);
  }

  @FieldResolver(() => Initiative)
  async initiative(@Root() m: InitiativeMention, @Ctx() ctx: Context): Promise<Initiative> {
    return Initiative.from((await ctx.loaders.initiative.load(m.initiativeId))!);
  }
}
