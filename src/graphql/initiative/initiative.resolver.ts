import { Arg, Args, Ctx, FieldResolver, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import DataLoader from 'dataloader';
import { perRequest, type Context } from '../context';
import { ConnectionArgs, ConnectionType, EdgeType, toConnection } from '../relay';
import { Initiative, InitiativeMention } from './initiative.type';
import { InitiativeKind } from '../enums';
import { PressRelease, PressReleaseConnection } from '../release/release.type';
import { PressReleaseFilter, PressReleaseOrder } from '../release/release.inputs';
import { releaseConnection, visibleRelease } from '../release/release.resolver';
import { toReleaseFilter } from '../release/release.filter';
import { countInitiatives, listInitiatives } from '../../domain/directory';
import { checkListSize, encodeCursor } from '../../domain/paging';
import type { MentionRow } from '../../domain/rows';

@ObjectType({ description: 'An initiative in a list.' })
export class InitiativeEdge extends EdgeType(Initiative) {}

@ObjectType({ description: 'A page of initiatives.' })
export class InitiativeConnection extends ConnectionType<Initiative, InitiativeEdge>(InitiativeEdge) {}

/** The latest `first` mentions of each initiative in published releases, batched. */
function mentionsLoader(ctx: Context, first: number) {
  return perRequest(ctx, `mentions:${first}`, () =>
    new DataLoader<number, MentionRow[]>(async (ids) => {
      const rows = await ctx.db.$queryRaw<(MentionRow & { rn: number })[]>`
        SELECT * FROM (
          SELECT im.id, im.initiative_id AS "initiativeId", im.press_release_id AS "pressReleaseId",
            im.meeting_id AS "meetingId", im.sentence,
            row_number() OVER (PARTITION BY im.initiative_id ORDER BY pr.published_at DESC, im.id DESC) AS rn
          FROM initiative_mention im JOIN press_release pr ON pr.id = im.press_release_id
          WHERE im.initiative_id = ANY(${[...ids]}::int[]) AND pr.status = 'PUBLISHED') x
        WHERE rn <= ${first} ORDER BY "initiativeId", rn`;
      return ids.map((id) => rows.filter((r) => r.initiativeId === id));
    }),
  );
}

@Resolver(() => Initiative)
export class InitiativeResolver {
  @Query(() => InitiativeConnection, { description: 'Initiatives releases mention, by name.' })
  async initiatives(
    @Args(() => ConnectionArgs) page: ConnectionArgs,
    @Arg('search', () => String, { nullable: true, description: 'Part of a name, acronym or alias ("cica", "minsk").' })
    search: string | null,
    @Arg('kinds', () => [InitiativeKind], { nullable: true }) kinds: InitiativeKind[] | null,
    @Ctx() ctx: Context,
  ): Promise<InitiativeConnection> {
    const result = await listInitiatives(ctx.db, search, kinds, page);
    return toConnection(
      InitiativeConnection,
      result,
      (row) => Object.assign(new InitiativeEdge(), { cursor: encodeCursor(result.sort, row), node: Initiative.from(row) }),
      () => countInitiatives(ctx.db, search, kinds),
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
  ): Promise<PressReleaseConnection> {
    const f = toReleaseFilter(filter, ctx);
    return releaseConnection(ctx, { ...f, initiatives: [i.dbId] }, orderBy ?? PressReleaseOrder.PUBLISHED_AT_DESC, page);
  }
}

@Resolver(() => InitiativeMention)
export class InitiativeMentionResolver {
  @FieldResolver(() => PressRelease, { nullable: true })
  async pressRelease(@Root() m: InitiativeMention, @Ctx() ctx: Context): Promise<PressRelease | null> {
    return visibleRelease(await ctx.loaders.release.load(m.pressReleaseId), ctx);
  }

  @FieldResolver(() => Initiative)
  async initiative(@Root() m: InitiativeMention, @Ctx() ctx: Context): Promise<Initiative> {
    return Initiative.from((await ctx.loaders.initiative.load(m.initiativeId))!);
  }
}
