import { Arg, Authorized, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { ArrayMaxSize, ArrayMinSize, IsNotEmpty, IsOptional, Matches, MaxLength, ValidateNested } from 'class-validator';
import type { Context } from '../context';
import { dbIdOf } from '../relay';
import { DateTime } from '../scalars';
import { PressRelease } from './release.type';
import { releaseById } from './release.resolver';
import {
  DatelineInput,
  IngestPressReleaseInput,
  InitiativeInput,
  IssuerInput,
  MeetingInput,
  PressReleaseInput,
  SourceInput,
} from './release.mutation-inputs';
import { createRelease, deleteRelease, setStatus, updateRelease, type ReleaseFields } from '../../domain/release-edit';
import { ingestText } from '../../domain/ingest';
import { checkInstant, checkTopicSlugs, checkUrl } from '../../domain/validate';
import { badInput, notFound } from '../../errors';

@ObjectType({ description: 'What ingest stored, or found already stored.' })
export class IngestResult {
  @Field(() => PressRelease)
  release: PressRelease;

  @Field(() => [String], { description: 'What the editor should check: guesses the extractor made, or why nothing was stored.' })
  warnings: string[];

  @Field(() => Boolean, { description: 'true: the same text or source URL was already in the archive; nothing was stored.' })
  duplicate: boolean;
}

@InputType({ description: 'Changes to a release: fields left out stay as they are; a list given replaces the stored one.' })
export class UpdatePressReleaseInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsNotEmpty()
  @MaxLength(300)
  title?: string | null;

  @Field(() => DateTime, { nullable: true })
  publishedAt?: Date | null;

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

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Matches(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, { message: 'language must be a BCP 47 code such as "en"' })
  language?: string | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  paragraphs?: string[] | null;

  @Field(() => [MeetingInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  meetings?: MeetingInput[] | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(18)
  topics?: string[] | null;

  @Field(() => [InitiativeInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  initiatives?: InitiativeInput[] | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(100)
  @Matches(/^[A-Za-z]{2}$/, { each: true, message: 'countries must be ISO 3166-1 alpha-2 codes' })
  countries?: string[] | null;
}

const upper = (c: string | null | undefined) => (c ? c.toUpperCase() : null);
const urlString = (u: URL | string | null | undefined, field: string) => checkUrl(u == null ? null : String(u), field);

/** Trimmed; a value of spaces only is refused (it would be stored empty). */
function filled(value: string, field: string): string {
  const v = value.trim();
  if (!v) throw badInput(field, `\`${field}\` is empty`);
  return v;
}

const meetingsOf = (meetings: MeetingInput[]) =>
  meetings.map((m, i) => ({
    kind: m.kind,
    date: m.date ?? null,
    place: m.place ?? null,
    topics: checkTopicSlugs(m.topics, `meetings.${i}.topics`) ?? null,
    initiatives: m.initiatives ?? null,
    participants: m.participants.map((p, j) => ({
      name: filled(p.name, `input.meetings.${i}.participants.${j}.name`),
      role: filled(p.role, `input.meetings.${i}.participants.${j}.role`),
      roleKind: p.roleKind,
      countryCode: upper(p.country),
      side: p.side ?? null,
    })),
  }));

const initiativesOf = (items: InitiativeInput[]) =>
  items.map((i, n) => ({
    name: filled(i.name, `input.initiatives.${n}.name`),
    acronym: i.acronym?.trim() || null,
    kind: i.kind,
    sentence: i.sentence.trim(),
  }));

/** Input fields -> the domain's release fields; only the fields present in `input`. */
function fieldsOf(input: Partial<PressReleaseInput> | UpdatePressReleaseInput): Partial<ReleaseFields> {
  const f: Partial<ReleaseFields> = {};
  if (input.title != null) f.title = input.title.trim();
  if (input.publishedAt != null) f.publishedAt = checkInstant(input.publishedAt, 'input.publishedAt');
  if (input.dateline !== undefined) {
    f.datelinePlace = input.dateline?.place.trim() ?? null;
    f.datelineCountryCode = upper(input.dateline?.country);
    f.datelineDate = checkInstant(input.dateline?.date, 'input.dateline.date') ?? null;
  }
  if (input.issuer !== undefined) {
    f.issuerName = input.issuer?.name.trim() ?? null;
    f.issuerCountryCode = upper(input.issuer?.country);
  }
  if (input.source !== undefined) {
    f.sourceName = input.source?.name?.trim() || null;
    f.sourceUrl = urlString(input.source?.url, 'source.url');
  }
  if (input.language != null) f.language = input.language;
  if (input.paragraphs != null) f.paragraphs = input.paragraphs;
  if (input.meetings != null) f.meetings = meetingsOf(input.meetings);
  if (input.topics != null) f.topics = (checkTopicSlugs(input.topics, 'topics') ?? []).map((slug) => ({ slug, mentions: 1 }));
  if (input.initiatives != null) f.initiatives = initiativesOf(input.initiatives);
  if (input.countries != null) f.countries = [...new Set(input.countries.map((c) => c.toUpperCase()))].map((code) => ({ code, mentions: 1 }));
  return f;
}

const EXPECTED_VERSION =
  'The `version` you read: if the release was written since, nothing changes and the answer is CONFLICT (with the current `version`). Left out: no check.';

function checkVersion(v: number | null | undefined): number | null {
  if (v == null) return null;
  if (v < 1) throw badInput('expectedVersion', '`expectedVersion` starts at 1');
  return v;
}

async function loadRelease(ctx: Context, id: number): Promise<PressRelease> {
  const release = await releaseById(ctx, id);
  if (!release) throw notFound('Press release');
  return release;
}

@Resolver()
export class PressReleaseMutations {
  @Authorized('EDITOR')
  @Mutation(() => PressRelease, { description: 'Stores a release written field by field, in one transaction (EDITOR).' })
  async createPressRelease(@Arg('input', () => PressReleaseInput) input: PressReleaseInput, @Ctx() ctx: Context): Promise<PressRelease> {
    const f = fieldsOf(input);
    const fields: ReleaseFields = {
      title: f.title!,
      publishedAt: f.publishedAt!,
      datelinePlace: f.datelinePlace ?? null,
      datelineCountryCode: f.datelineCountryCode ?? null,
      datelineDate: f.datelineDate ?? null,
      issuerName: f.issuerName ?? null,
      issuerCountryCode: f.issuerCountryCode ?? null,
      sourceName: f.sourceName ?? null,
      sourceUrl: f.sourceUrl ?? null,
      language: f.language ?? 'en',
      paragraphs: f.paragraphs!,
      meetings: f.meetings ?? [],
      topics: f.topics ?? [],
      initiatives: f.initiatives ?? [],
      countries: f.countries ?? [],
    };
    return loadRelease(ctx, await createRelease(ctx.db, fields, input.publish));
  }

  @Authorized('EDITOR')
  @Mutation(() => PressRelease, { description: 'Changes a release (EDITOR): fields left out stay as they are.' })
  async updatePressRelease(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdatePressReleaseInput) input: UpdatePressReleaseInput,
    @Arg('expectedVersion', () => Int, { nullable: true, description: EXPECTED_VERSION }) expectedVersion: number | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<PressRelease> {
    const dbId = dbIdOf(id, 'PressRelease');
    await updateRelease(ctx.db, dbId, fieldsOf(input), checkVersion(expectedVersion));
    return loadRelease(ctx, dbId);
  }

  @Authorized('EDITOR')
  @Mutation(() => PressRelease, { description: 'Makes a draft public (EDITOR). Publishing a published release changes nothing.' })
  async publishPressRelease(
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int, { nullable: true, description: EXPECTED_VERSION }) expectedVersion: number | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<PressRelease> {
    const dbId = dbIdOf(id, 'PressRelease');
    await setStatus(ctx.db, dbId, 'publish', undefined, checkVersion(expectedVersion));
    return loadRelease(ctx, dbId);
  }

  @Authorized('EDITOR')
  @Mutation(() => PressRelease, { description: 'Withdraws a published release, keeping it and the reason on record (EDITOR).' })
  async retractPressRelease(
    @Arg('id', () => ID) id: string,
    @Arg('reason', () => String) reason: string,
    @Arg('expectedVersion', () => Int, { nullable: true, description: EXPECTED_VERSION }) expectedVersion: number | null | undefined,
    @Ctx() ctx: Context,
  ): Promise<PressRelease> {
    const dbId = dbIdOf(id, 'PressRelease');
    await setStatus(ctx.db, dbId, 'retract', reason, checkVersion(expectedVersion));
    return loadRelease(ctx, dbId);
  }

  @Authorized('ADMIN')
  @Mutation(() => ID, { description: 'Deletes a release and what it reports, for good (ADMIN). Returns its id.' })
  async deletePressRelease(@Arg('id', () => ID) id: string, @Ctx() ctx: Context): Promise<string> {
    await deleteRelease(ctx.db, dbIdOf(id, 'PressRelease'));
    return id;
  }

  @Authorized('EDITOR')
  @Mutation(() => IngestResult, {
    description:
      'Stores a release from its published text (EDITOR): the extractor reads dateline, meetings, people, topics, initiatives and countries. ' +
      'The same text or source URL a second time returns the stored release with `duplicate: true`.',
  })
  async ingestPressRelease(
    @Arg('input', () => IngestPressReleaseInput) input: IngestPressReleaseInput,
    @Ctx() ctx: Context,
  ): Promise<IngestResult> {
    const out = await ingestText(ctx.db, {
      text: input.text,
      sourceName: input.sourceName,
      sourceUrl: input.sourceUrl == null ? null : String(input.sourceUrl),
      publishedAt: input.publishedAt,
      year: input.year,
      language: input.language,
      publish: input.publish,
    });
    return Object.assign(new IngestResult(), {
      release: await loadRelease(ctx, out.releaseId),
      warnings: out.warnings,
      duplicate: out.duplicate,
    });
  }
}
