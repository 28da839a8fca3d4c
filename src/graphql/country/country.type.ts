import { Field, ObjectType } from 'type-graphql';
import { Node, toGlobalId } from '../relay';
import type { CountryRow } from '../../read/rows';

@ObjectType({ implements: Node, description: 'A country (ISO 3166-1), with the names and demonyms releases use for it.' })
export class Country extends Node {
  @Field(() => String, { description: 'ISO 3166-1 alpha-2 code ("AZ").' })
  code: string;

  @Field(() => String, { description: 'Common English name.' })
  name: string;

  @Field(() => String, { nullable: true, description: 'Official name ("Republic of Azerbaijan").' })
  officialName: string | null;

  @Field(() => [String], { description: 'Other names the releases use ("Korea", "Türkiye").' })
  aliases: string[];

  @Field(() => [String], { description: 'Demonyms and adjectives ("Azerbaijani", "Korean").' })
  demonyms: string[];

  static from(row: CountryRow): Country {
    return Object.assign(new Country(), row, { id: toGlobalId('Country', row.code) });
  }
}
