// Live updates over graphql-ws (src/http/subscriptions.ts): a release published, or retracted,
// anywhere in the cluster, as Postgres announces it (src/db/release-events.ts).
//
// Each announced change is checked against the subscription's filter in SQL (the lists' own
// conditions, src/read/release-conditions.ts) on the release as it is now, so what a subscriber
// receives is what `pressReleases` with the same filter would show it at that moment. Anonymous
// subscribers see published releases only; an editor's key (connection parameter `authorization`)
// lets a filter ask for drafts.
import { Arg, Ctx, Field, ID, ObjectType, Resolver, Root, Subscription } from 'type-graphql';
import type { Context } from '../context';
import { createLoaders } from '../loaders';
import { PressRelease } from './release.type';
import { PressReleaseFilter, toReleaseFilter } from './release.inputs';
import { resolveFilter, type ResolvedFilter } from '../../read/release-conditions';
import { releaseIfMatching } from '../../read/releases';
import type { ReleaseRow } from '../../read/rows';
import type { ReleaseStatusEvent } from '../../db/release-events';
import { toGlobalId } from '../relay';
import { GraphQLError } from 'graphql';
import { badInput } from '../../errors';

@ObjectType({ description: 'A release withdrawn from public view.' })
export class PressReleaseRetraction {
  @Field(() => ID, { description: 'The release’s id (as `PressRelease.id`).' })
  id: string;

  @Field(() => String)
  slug: string;

  @Field(() => PressRelease, { nullable: true, description: 'The release, reason included (editors only; null for anonymous subscribers).' })
  release: PressRelease | null;
}

type Kind = 'published' | 'retracted';

/** Whether a status change is of the kind a subscription follows, before any database check. */
function concerns(kind: Kind, e: ReleaseStatusEvent, filter: ResolvedFilter, editor: boolean): boolean {
  if (e.status === e.was) return false;
  if (kind === 'retracted') return e.status === 'RETRACTED' && (editor || e.was === 'PUBLISHED');
  return e.status !== 'RETRACTED' && filter.statuses.includes(e.status);
}

/**
 * The releases of the announced changes that match, in the order announced. Changes wait in a
 * queue while the client takes the previous ones; a client that lets more than `maxQueued` wait
 * is too slow to follow and is dropped (`drop`), instead of being buffered without end.
 */
async function releaseStream(ctx: Context, kind: Kind, input: PressReleaseFilter | null | undefined): Promise<AsyncIterableIterator<ReleaseRow, undefined>> {
  const live = ctx.live;
  if (!live) throw new GraphQLError('Subscriptions are served over WebSocket (graphql-ws) at /graphql', { extensions: { code: 'BAD_REQUEST' } });
  if (kind === 'retracted' && input?.status?.length) {
    throw badInput('filter.status', 'A retraction’s status is RETRACTED: leave `status` out');
  }
  const checked = toReleaseFilter(input, ctx);
  const filter = await resolveFilter(ctx.sql, kind === 'retracted' ? { ...checked, statuses: ['RETRACTED'] } : checked);
  const editor = ctx.viewer !== null;

  const queue: Promise<ReleaseRow | null>[] = [];
  let wake: (() => void) | undefined;
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    unsubscribe();
    queue.length = 0;
    wake?.();
  };
  const match = (id: number) =>
    releaseIfMatching(ctx.sql, filter, id).catch((err: unknown) => {
      live.log.warn({ err, id }, 'subscription: could not check an announced release, skipped');
      return null;
    });
  const unsubscribe = live.events.subscribe((e) => {
    if (done || !concerns(kind, e, filter, editor)) return;
    queue.push(match(e.id));
    wake?.();
    if (queue.length > live.maxQueued) {
      finish();
      live.dropSlowClient();
    }
  });

  const stream: AsyncIterableIterator<ReleaseRow, undefined> = {
    async next(): Promise<IteratorResult<ReleaseRow, undefined>> {
      for (;;) {
        if (done) return { value: undefined, done: true };
        const first = queue.shift();
        if (first) {
          const row = await first;
          if (row && !done) return { value: row, done: false };
          continue;
        }
        await new Promise<void>((resolve) => (wake = resolve));
        wake = undefined;
      }
    },
    async return(): Promise<IteratorResult<ReleaseRow, undefined>> {
      finish();
      return { value: undefined, done: true };
    },
    async throw(error: unknown): Promise<IteratorResult<ReleaseRow, undefined>> {
      finish();
      throw error;
    },
    [Symbol.asyncIterator]() {
      return stream;
    },
  };
  return stream;
}

@Resolver()
export class ReleaseSubscriptions {
  @Subscription(() => PressRelease, {
    description:
      'A release as it enters public view (published), anywhere in the cluster, if it matches `filter` (the filter of `pressReleases`). ' +
      'Editors whose `filter.status` asks for DRAFT also hear of drafts as they are stored. Over graphql-ws at /graphql.',
    subscribe: ({ args, context }) => releaseStream(context as Context, 'published', args.filter),
  })
  pressReleasePublished(
    @Root() row: ReleaseRow,
    @Arg('filter', () => PressReleaseFilter, { nullable: true }) _filter: PressReleaseFilter | null,
    @Ctx() ctx: Context,
  ): PressRelease {
    freshReads(ctx);
    return PressRelease.from(row);
  }

  @Subscription(() => PressReleaseRetraction, {
    description:
      'A published release as it is retracted, if it matched `filter` (the filter of `pressReleases`, without `status`). ' +
      'Editors hear of every retraction, with the release and its reason.',
    subscribe: ({ args, context }) => releaseStream(context as Context, 'retracted', args.filter),
  })
  pressReleaseRetracted(
    @Root() row: ReleaseRow,
    @Arg('filter', () => PressReleaseFilter, { nullable: true }) _filter: PressReleaseFilter | null,
    @Ctx() ctx: Context,
  ): PressReleaseRetraction {
    freshReads(ctx);
    return Object.assign(new PressReleaseRetraction(), {
      id: toGlobalId('PressRelease', row.id),
      slug: row.slug,
      release: ctx.viewer ? PressRelease.from(row) : null,
    });
  }
}

/**
 * A subscription's context lives as long as the subscription: each event starts with empty
 * batchers, so that an event's fields are read as they are now, not as an earlier event found them.
 */
function freshReads(ctx: Context): void {
  ctx.loaders = createLoaders(ctx.sql, ctx.visible);
  ctx.scoped.clear();
}
