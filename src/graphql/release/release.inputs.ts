import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { Date as DateScalar } from '../scalars';
import { MeetingKind, ReleaseStatus } from '../enums';
import { dbIdOf } from '../relay';
import type { Context } from '../context';
import { checkReleaseFilter, type ReleaseFilter } from '../../domain/filters';

export enum PressReleaseOrder {
  PUBLISHED_AT_DESC = 'PUBLISHED_AT_DESC',
  PUBLISHED_AT_ASC = 'PUBLISHED_AT_ASC',
  RELEVANCE = 'RELEVANCE',
}
registerEnumType(PressReleaseOrder, {
  name: 'PressReleaseOrder',
  description: 'How to order releases.',
  valuesConfig: {
    PUBLISHED_AT_DESC: { description: 'Newest first (the default).' },
    PUBLISHED_AT_ASC: { description: 'Oldest first.' },
    RELEVANCE: { description: 'Best match first; needs `filter.search`.' },
  },
});

// Limits (a search of at most 500 characters, at most 50 values a list) are the domain's, checked
// by toReleaseFilter for every way in.
@InputType({
  description:
    'Narrows a list of releases. Fields combine with AND; the values of a list field combine with OR ' +
    '(`countries: ["AZ", "KR"]`: releases involving Azerbaijan or Korea).',
})
export class PressReleaseFilter {
  @Field(() => String, {
    nullable: true,
    description: 'Full-text search, web syntax: `"climate diplomacy"` (phrase), `-armenia` (exclude), `cop29 or cica`.',
  })
  search?: string | null;

  @Field(() => [String], { nullable: true, description: 'ISO 3166-1 alpha-2 codes of countries the release involves.' })
  countries?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Topic slugs.' })
  topics?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Initiative ids.' })
  initiatives?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Person ids: releases with any of them at a meeting.' })
  people?: string[] | null;

  @Field(() => [MeetingKind], { nullable: true, description: 'Releases that report a meeting of any of these kinds.' })
  meetingKinds?: MeetingKind[] | null;

  @Field(() => [String], { nullable: true, description: 'ISO codes of the issuing ministries’ countries.' })
  issuers?: string[] | null;

  @Field(() => DateScalar, { nullable: true, description: 'Published on or after this day (UTC).' })
  from?: Date | null;

  @Field(() => DateScalar, { nullable: true, description: 'Published on or before this day (UTC).' })
  to?: Date | null;

  @Field(() => [ReleaseStatus], {
    nullable: true,
    description: 'Default: PUBLISHED. DRAFT and RETRACTED need an editor key.',
  })
  status?: ReleaseStatus[] | null;

  @Field(() => [String], { nullable: true, description: 'Language codes ("en").' })
  languages?: string[] | null;
}

/** The GraphQL filter as the domain's: ids decoded here, every rule checked in src/domain/filters.ts. */
export function toReleaseFilter(input: PressReleaseFilter | null | undefined, ctx: Context, prefix = 'filter'): ReleaseFilter {
  const f = input ?? {};
  return checkReleaseFilter(
    {
      ...f,
      initiatives: f.initiatives?.map((id) => dbIdOf(id, 'Initiative', `${prefix}.initiatives`)),
      people: f.people?.map((id) => dbIdOf(id, 'Person', `${prefix}.people`)),
    },
    ctx.viewer,
    prefix,
  );
}
