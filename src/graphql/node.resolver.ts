import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from './context';
import { dbKey, fromGlobalId, Node } from './relay';
import { releaseById } from './release/release.resolver';
import { topicBySlug } from './topic/topic.resolver';
import { Meeting, Participant } from './meeting/meeting.type';
import { Person } from './person/person.type';
import { Country } from './country/country.type';
import { Initiative, InitiativeMention } from './initiative/initiative.type';
import { badInput } from '../errors';
import { COUNTRY_CODE } from '../domain/validate';

/** Fetches any object by its global id; null when it does not exist or the viewer may not see it (the loaders decide). */
export async function loadNode(id: string, ctx: Context): Promise<Node | null> {
  const { type, key } = fromGlobalId(id);
  const n = dbKey(key);
  const L = ctx.loaders;
  switch (type) {
    case 'PressRelease':
      return n ? releaseById(ctx, n) : null;
    case 'Meeting': {
      const row = n ? await L.meeting.load(n) : null;
      return row && Meeting.from(row);
    }
    case 'Participant': {
      const row = n ? await L.participant.load(n) : null;
      return row && Participant.from(row);
    }
    case 'Person': {
      const row = n ? await L.person.load(n) : null;
      return row && Person.from(row);
    }
    case 'Country': {
      const row = COUNTRY_CODE.test(key) ? await L.country.load(key) : null;
      return row && Country.from(row);
    }
    case 'Topic':
      return topicBySlug(ctx, key);
    case 'Initiative': {
      const row = n ? await L.initiative.load(n) : null;
      return row && Initiative.from(row);
    }
    case 'InitiativeMention': {
      const row = n ? await L.mention.load(n) : null;
      return row && InitiativeMention.from(row);
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
