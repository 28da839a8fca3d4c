import { Arg, Authorized, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../context';
import { ExtractedDateline, ExtractedParticipant, ExtractedRelease } from './extraction.type';
import { Country } from '../country/country.type';
import { Topic } from '../topic/topic.type';
import { countryByCode } from '../country/country.load';
import { extractPressRelease } from '../../extraction';
import type { ExtractedRelease as Extraction } from '../../extraction/types';
import { checkText, checkYear } from '../../domain/validate';
import { topicsBySlugs } from '../../read/topics';

export function toExtractedRelease(x: Extraction): ExtractedRelease {
  return Object.assign(new ExtractedRelease(), {
    title: x.title,
    dateline: x.dateline
      ? Object.assign(new ExtractedDateline(), { place: x.dateline.place, countryCode: x.dateline.country, date: x.dateline.date })
      : null,
    issuerName: x.issuerName,
    issuerCountryCode: x.issuerCountry,
    sourceName: x.sourceName,
    paragraphs: x.paragraphs,
    meetings: x.meetings.map((m) => ({
      kind: m.kind,
      date: m.date,
      place: m.place,
      participants: m.participants.map((p) =>
        Object.assign(new ExtractedParticipant(), { name: p.name, role: p.role, roleKind: p.roleKind, side: p.side, countryCode: p.country }),
      ),
    })),
    topicSlugs: x.topics.map((t) => t.slug),
    countryCodes: x.countries.map((c) => c.code),
    initiatives: x.initiatives,
    warnings: x.warnings,
  });
}

@Resolver(() => ExtractedRelease)
export class ExtractionResolver {
  @Authorized('EDITOR')
  @Query(() => ExtractedRelease, {
    description: 'Runs the extractor on a release text and shows what it read, storing nothing (EDITOR). `ingestPressRelease` uses the same code.',
  })
  extractPressRelease(
    @Arg('text', () => String) text: string,
    @Arg('year', () => Int, { nullable: true, description: 'Year of the dateline date (default: this year).' }) year: number | null,
  ): ExtractedRelease {
    return toExtractedRelease(extractPressRelease(checkText(text), { year: checkYear(year) }));
  }

  @FieldResolver(() => Country, { nullable: true })
  issuerCountry(@Root() x: ExtractedRelease, @Ctx() ctx: Context) {
    return countryByCode(ctx, x.issuerCountryCode);
  }

  @FieldResolver(() => [Topic])
  async topics(@Root() x: ExtractedRelease, @Ctx() ctx: Context): Promise<Topic[]> {
    if (!x.topicSlugs.length) return [];
    return (await topicsBySlugs(ctx.sql, x.topicSlugs)).map(Topic.from);
  }

  @FieldResolver(() => [Country])
  async countries(@Root() x: ExtractedRelease, @Ctx() ctx: Context): Promise<Country[]> {
    const all = await Promise.all(x.countryCodes.map((c) => countryByCode(ctx, c)));
    return all.filter((c): c is Country => c !== null);
  }
}

@Resolver(() => ExtractedDateline)
export class ExtractedDatelineResolver {
  @FieldResolver(() => Country, { nullable: true })
  country(@Root() d: ExtractedDateline, @Ctx() ctx: Context) {
    return countryByCode(ctx, d.countryCode);
  }
}

@Resolver(() => ExtractedParticipant)
export class ExtractedParticipantResolver {
  @FieldResolver(() => Country, { nullable: true, description: 'The country the person represents.' })
  country(@Root() p: ExtractedParticipant, @Ctx() ctx: Context) {
    return countryByCode(ctx, p.countryCode);
  }
}
