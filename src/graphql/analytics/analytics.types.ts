import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Date as DateScalar } from '../scalars';

export enum TrendInterval {
  MONTH = 'MONTH',
  YEAR = 'YEAR',
}
registerEnumType(TrendInterval, { name: 'TrendInterval', description: 'The length of one period of a trend.' });

export enum PartnerOrder {
  MOST_MEETINGS = 'MOST_MEETINGS',
  MOST_RECENT = 'MOST_RECENT',
}
registerEnumType(PartnerOrder, {
  name: 'PartnerOrder',
  description: 'How to order a country’s partners.',
  valuesConfig: {
    MOST_MEETINGS: { description: 'Most meetings first (the default).' },
    MOST_RECENT: { description: 'Latest meeting first.' },
  },
});

@ObjectType({ description: 'How many releases fall in one period.' })
export class TrendPoint {
  @Field(() => String, { description: '"2025-05" (MONTH) or "2025" (YEAR).' })
  period: string;

  @Field(() => DateScalar, { description: 'First day of the period.' })
  start: Date;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: 'One value of a facet, with how many matching releases have it.' })
export class FacetOption {
  @Field(() => String, { description: 'What to put in the filter to select it (slug, ISO code, id, kind or "YYYY-MM").' })
  value: string;

  @Field(() => String, { description: 'What to show.' })
  label: string;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: 'Counts of one facet. It ignores its own filter field, so other options stay visible.' })
export class Facet {
  @Field(() => [FacetOption], { description: 'Most frequent first (months: chronological).' })
  options: FacetOption[];

  @Field(() => Int, { description: 'Matching releases with no value for this facet.' })
  missing: number;
}

@ObjectType({ description: 'A country another one meets with, how often, and about what.' })
export class Partner {
  code: string;
  topTopicIds: number[];

  @Field(() => Int, { description: 'Meetings with both countries represented.' })
  meetingCount: number;

  @Field(() => DateScalar)
  lastMeeting: Date;
}
