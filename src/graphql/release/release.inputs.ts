import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { MaxLength, ArrayMaxSize } from 'class-validator';
import { Date as DateScalar } from '../scalars';
import { MeetingKind, ReleaseStatus } from '../enums';

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
  @MaxLength(500)
  search?: string | null;

  @Field(() => [String], { nullable: true, description: 'ISO 3166-1 alpha-2 codes of countries the release involves.' })
  @ArrayMaxSize(50)
  countries?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Topic slugs.' })
  @ArrayMaxSize(50)
  topics?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Initiative ids.' })
  @ArrayMaxSize(50)
  initiatives?: string[] | null;

  @Field(() => [ID], { nullable: true, description: 'Person ids: releases with any of them at a meeting.' })
  @ArrayMaxSize(50)
  people?: string[] | null;

  @Field(() => [MeetingKind], { nullable: true, description: 'Releases that report a meeting of any of these kinds.' })
  meetingKinds?: MeetingKind[] | null;

  @Field(() => [String], { nullable: true, description: 'ISO codes of the issuing ministries’ countries.' })
  @ArrayMaxSize(50)
  issuers?: string[] | null;

  @Field(() => DateScalar, { nullable: true, description: 'Published on or after this day (UTC).' })
  from?: Date | null;

  @Field(() => DateScalar, { nullable: true, description: 'Published on or before this day (UTC).' })
  to?: Date | null;

  @Field(() => [ReleaseStatus], {
    nullable: true,
    description: 'Default: PUBLISHED. RETRACTED is public too; DRAFT needs an editor key.',
  })
  status?: ReleaseStatus[] | null;

  @Field(() => [String], { nullable: true, description: 'Language codes ("en").' })
  languages?: string[] | null;
}
