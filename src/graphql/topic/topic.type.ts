import { Field, ObjectType } from 'type-graphql';
import { Node, toGlobalId } from '../relay';
import type { TopicRow } from '../../read/rows';

@ObjectType({ implements: Node, description: 'A topic of the fixed taxonomy; its slug is a stable contract.' })
export class Topic extends Node {
  dbId: number;

  @Field(() => String, { description: 'Stable identifier ("climate-environment").' })
  slug: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { description: 'What the topic covers.' })
  description: string;

  static from(row: TopicRow): Topic {
    return Object.assign(new Topic(), {
      id: toGlobalId('Topic', row.slug),
      dbId: row.id,
      slug: row.slug,
      name: row.name,
      description: row.description,
    });
  }
}
