import { Field, ObjectType } from 'type-graphql';
import { ConnectionType, EdgeType, Node, toGlobalId } from '../relay';
import { InitiativeKind } from '../enums';
import type { InitiativeRow, MentionRow } from '../../read/rows';

@ObjectType({
  implements: Node,
  description: 'A named organisation, platform, conference, programme, process or institution that releases mention.',
})
export class Initiative extends Node {
  dbId: number;

  @Field(() => String, { description: 'Full name where known ("Conference on Interaction and Confidence Building Measures in Asia").' })
  name: string;

  @Field(() => String, { nullable: true, description: 'Acronym ("CICA").' })
  acronym: string | null;

  @Field(() => InitiativeKind)
  kind: InitiativeKind;

  @Field(() => [String])
  aliases: string[];

  static from(row: InitiativeRow): Initiative {
    return Object.assign(new Initiative(), {
      id: toGlobalId('Initiative', row.id),
      dbId: row.id,
      name: row.name,
      acronym: row.acronym,
      kind: row.kind,
      aliases: row.aliases,
    });
  }
}

@ObjectType({ description: 'An initiative in a list.' })
export class InitiativeEdge extends EdgeType(Initiative) {}

@ObjectType({ description: 'A page of initiatives.' })
export class InitiativeConnection extends ConnectionType<Initiative, InitiativeEdge>(InitiativeEdge) {}

@ObjectType({ implements: Node, description: 'One mention of an initiative, with the sentence it came from.' })
export class InitiativeMention extends Node {
  dbId: number;
  initiativeId: number;
  pressReleaseId: number;

  @Field(() => String)
  sentence: string;

  static from(row: MentionRow): InitiativeMention {
    return Object.assign(new InitiativeMention(), {
      id: toGlobalId('InitiativeMention', row.id),
      dbId: row.id,
      initiativeId: row.initiativeId,
      pressReleaseId: row.pressReleaseId,
      sentence: row.sentence,
    });
  }
}
