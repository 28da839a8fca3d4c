import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from './context';
import { dbKey, fromGlobalId, Node } from './relay';
import { visibleRelease } from './release/release.resolver';
import { Meeting, Participant } from './meeting/meeting.type';
import { Person } from './person/person.type';
import { Country } from './country/country.type';
import { Topic } from './topic/topic.type';
import { Initiative, InitiativeMention } from './initiative/initiative.type';
import { badInput } from '../errors';
import { TOPIC_COLUMNS, type TopicRow } from '../domain/rows';

/** Fetches any object by its global id; null when it does not exist (or is a draft, for anonymous readers). */
export async function loadNode(id: string, ctx: Context): Promise<Node | null> {
  const { type, key } = fromGlobalId(id);
  const n = dbKey(key);
  const L = ctx.loaders;
  switch (type) {
    case 'PressRelease':
      return n ? visibleRelease(await L.release.load(n), ctx) : null;
    case 'Meeting': {
      const row = n ? await L.meeting.load(n) : null;
      return row && visibleRelease(await L.release.load(row.pressReleaseId), ctx) ? Meeting.from(row) : null;
    }
    case 'Participant': {
      const row = n ? await L.participant.load(n) : null;
      const meeting = row && (await L.meeting.load(row.meetingId));
      return meeting && visibleRelease(await L.release.load(meeting.pressReleaseId), ctx) ? Participant.from(row!) : null;
    }
    case 'Person': {
      const row = n ? await L.person.load(n) : null;
      return row && Person.from(row);
    }
    case 'Country': {
      const row = /^[A-Z]{2}$/.test(key) ? await L.country.load(key) : null;
      return row && Country.from(row);
    }
    case 'Topic': {
      const [row] = await ctx.db.$queryRaw<TopicRow[]>`SELECT ${TOPIC_COLUMNS} FROM topic t WHERE t.slug = ${key}`;
      return row ? Topic.from(row) : null;
    }
    case 'Initiative': {
      const row = n ? await L.initiative.load(n) : null;
      return row && Initiative.from(row);
    }
    case 'InitiativeMention': {
      const row = n ? await L.mention.load(n) : null;
      return row && visibleRelease(await L.release.load(row.pressReleaseId), ctx) ? InitiativeMention.from(row) : null;
    }
    default:
      return null;
  }
}

@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Any object by its global id.' })
  node(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<Node | null> {
    return loadNode(id, ctx);
  }

  @Query(() => [Node], { nullable: 'items', description: 'Several objects by global id, in the order asked (at most 100).' })
  nodes(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: Context): Promise<(Node | null)[]> {
    if (ids.length > 100) throw badInput('ids', 'At most 100 ids at once');
    return Promise.all(ids.map((id) => loadNode(id, ctx)));
  }
}
