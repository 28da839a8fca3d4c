import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { Date as DateScalar } from '../scalars';
import { MeetingKind } from '../enums';
import { dbIdOf } from '../relay';
import { checkMeetingFilter, type MeetingFilter as DomainMeetingFilter } from '../../domain/filters';

export enum MeetingOrder {
  DATE_DESC = 'DATE_DESC',
  DATE_ASC = 'DATE_ASC',
}
registerEnumType(MeetingOrder, { name: 'MeetingOrder', description: 'How to order meetings (newest first by default).' });

@InputType({ description: 'Narrows a list of meetings; fields combine with AND, list values with OR.' })
export class MeetingFilter {
  @Field(() => [MeetingKind], { nullable: true })
  kinds?: MeetingKind[] | null;

  @Field(() => [String], { nullable: true, description: 'ISO codes: meetings with a participant representing any of them.' })
  countries?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Person ids: meetings any of them attended.' })
  people?: string[] | null;

  @Field(() => DateScalar, { nullable: true, description: 'On or after this day.' })
  from?: Date | null;

  @Field(() => DateScalar, { nullable: true, description: 'On or before this day.' })
  to?: Date | null;
}

/** The GraphQL filter as the domain's: ids decoded here, every rule checked in src/domain/filters.ts. */
export function toMeetingFilter(f: MeetingFilter | null | undefined, prefix = 'filter'): DomainMeetingFilter {
  return checkMeetingFilter({ ...f, people: f?.people?.map((id) => dbIdOf(id, 'Person', `${prefix}.people`)) }, prefix);
}
