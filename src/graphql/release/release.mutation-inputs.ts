// Inputs of the release mutations, validated by class-validator before any resolver runs.
import { Field, InputType, Int } from 'type-graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,

  IsNotEmpty,
  IsOptional,
  Matches,
  MaxLength,
  Min,
  Max,
  ValidateNested,
} from 'class-validator';
import { DateTime, Date as DateScalar, URL as URLScalar } from '../scalars';
import { InitiativeKind, MeetingKind, ParticipantSide, RoleKind } from '../enums';
import { MAX_TEXT_LENGTH } from '../../domain/validate';

const CODE = /^[A-Za-z]{2}$/;
const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

@InputType({ description: 'Where and when, as the dateline writes it.' })
export class DatelineInput {
  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(100)
  place: string;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2.' })
  @IsOptional()
  @Matches(CODE, { message: 'country must be an ISO 3166-1 alpha-2 code' })
  country?: string | null;

  @Field(() => DateScalar, { nullable: true })
  date?: Date | null;
}

@InputType()
export class IssuerInput {
  @Field(() => String, { description: 'The ministry ("Ministry of Foreign Affairs of Azerbaijan").' })
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(CODE, { message: 'country must be an ISO 3166-1 alpha-2 code' })
  country?: string | null;
}

@InputType()
export class SourceInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  name?: string | null;

  @Field(() => URLScalar, { nullable: true })
  url?: URL | string | null;
}

@InputType()
export class ParticipantInput {
  @Field(() => String, { description: 'Name without titles.' })
  @IsNotEmpty()
  @MaxLength(200)
  name: string;

  @Field(() => String, { description: 'Role as written.' })
  @IsNotEmpty()
  @MaxLength(300)
  role: string;

  @Field(() => RoleKind)
  roleKind: RoleKind;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(CODE, { message: 'country must be an ISO 3166-1 alpha-2 code' })
  country?: string | null;

  @Field(() => ParticipantSide, { nullable: true })
  side?: ParticipantSide | null;
}

@InputType()
export class MeetingInput {
  @Field(() => MeetingKind)
  kind: MeetingKind;

  @Field(() => DateScalar, { nullable: true, description: 'Default: the dateline day, else the publication day.' })
  date?: Date | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  place?: string | null;

  @Field(() => [ParticipantInput])
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  participants: ParticipantInput[];

  @Field(() => [String], { nullable: true, description: 'Topic slugs of this meeting (default: the release’s).' })
  @IsOptional()
  @ArrayMaxSize(18)
  topics?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Names or acronyms of the release’s initiatives discussed (default: all).' })
  @IsOptional()
  @ArrayMaxSize(100)
  initiatives?: string[] | null;
}

@InputType()
export class InitiativeInput {
  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(300)
  name: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(30)
  acronym?: string | null;

  @Field(() => InitiativeKind, { defaultValue: 'OTHER' })
  kind: InitiativeKind;

  @Field(() => String, { description: 'The sentence that mentions it.' })
  @IsNotEmpty()
  @MaxLength(5000)
  sentence: string;
}

@InputType({ description: 'A release written field by field.' })
export class PressReleaseInput {
  @Field(() => String)
  @IsNotEmpty()
  @MaxLength(300)
  title: string;

  @Field(() => DateTime)
  publishedAt: Date;

  @Field(() => DatelineInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  dateline?: DatelineInput | null;

  @Field(() => IssuerInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  issuer?: IssuerInput | null;

  @Field(() => SourceInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  source?: SourceInput | null;

  @Field(() => String, { defaultValue: 'en' })
  @Matches(LANGUAGE, { message: 'language must be a BCP 47 code such as "en"' })
  language: string;

  @Field(() => [String], { description: `Body paragraphs (together at most ${MAX_TEXT_LENGTH} characters).` })
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsNotEmpty({ each: true })
  paragraphs: string[];

  @Field(() => Boolean, { defaultValue: false, description: 'true: published at once; false: a draft.' })
  publish: boolean;

  @Field(() => [MeetingInput], { defaultValue: [] })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  meetings: MeetingInput[];

  @Field(() => [String], { defaultValue: [], description: 'Topic slugs.' })
  @ArrayMaxSize(18)
  topics: string[];

  @Field(() => [InitiativeInput], { defaultValue: [] })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  initiatives: InitiativeInput[];

  @Field(() => [String], { defaultValue: [], description: 'ISO codes of countries the release names.' })
  @ArrayMaxSize(100)
  @Matches(CODE, { each: true, message: 'countries must be ISO 3166-1 alpha-2 codes' })
  countries: string[];
}

@InputType({ description: 'A release as published: only `text` is required.' })
export class IngestPressReleaseInput {
  @Field(() => String, { description: `The text as published (at most ${MAX_TEXT_LENGTH} characters).` })
  text: string;

  @Field(() => String, { nullable: true, description: 'Publisher (default: the one the text names).' })
  @IsOptional()
  @MaxLength(200)
  sourceName?: string | null;

  @Field(() => URLScalar, { nullable: true, description: 'Where it was published; the same URL twice is a duplicate.' })
  sourceUrl?: URL | string | null;

  @Field(() => DateTime, { nullable: true, description: 'Default: noon UTC of the dateline day.' })
  publishedAt?: Date | null;

  @Field(() => Int, { nullable: true, description: 'Year of the dateline date (default: publishedAt’s, else this year).' })
  @IsOptional()
  @Min(1900)
  @Max(2100)
  year?: number | null;

  @Field(() => String, { nullable: true, defaultValue: 'en' })
  @IsOptional()
  @Matches(LANGUAGE, { message: 'language must be a BCP 47 code such as "en"' })
  language?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: true, description: 'false: store as a draft.' })
  publish?: boolean | null;
}

