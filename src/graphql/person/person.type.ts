import { Field, ObjectType } from 'type-graphql';
import { ConnectionType, EdgeType, Node, toGlobalId } from '../relay';
import { Date as DateScalar } from '../scalars';
import { RoleKind } from '../enums';
import type { PersonRoleRow, PersonRow } from '../../read/rows';

@ObjectType({ implements: Node, description: 'A person who took part in meetings.' })
export class Person extends Node {
  dbId: number;

  @Field(() => String)
  name: string;

  @Field(() => [String], { description: 'Other spellings met in releases (kept when records are merged).' })
  aliases: string[];

  static from(row: PersonRow): Person {
    return Object.assign(new Person(), { id: toGlobalId('Person', row.id), dbId: row.id, name: row.name, aliases: row.aliases });
  }
}

@ObjectType({ description: 'A person in a list.' })
export class PersonEdge extends EdgeType(Person) {}

@ObjectType({ description: 'A page of people.' })
export class PersonConnection extends ConnectionType<Person, PersonEdge>(PersonEdge) {}

@ObjectType({ description: 'A role a person held, as releases show it: true from `from` to `to`, not forever.' })
export class PersonRole {
  countryCode: string | null;

  @Field(() => String, { description: 'The role as written.' })
  title: string;

  @Field(() => RoleKind)
  roleKind: RoleKind;

  @Field(() => DateScalar, { description: 'Day of the first meeting that shows the role.' })
  from: Date;

  @Field(() => DateScalar, { description: 'Day of the latest meeting that shows the role.' })
  to: Date;

  static from(row: PersonRoleRow): PersonRole {
    return Object.assign(new PersonRole(), {
      countryCode: row.countryCode,
      title: row.title,
      roleKind: row.roleKind,
      from: row.firstSeen,
      to: row.lastSeen,
    });
  }
}
