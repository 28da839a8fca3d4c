import { Field, Int, ObjectType } from 'type-graphql';
import { ConnectionType, EdgeType, Node, toGlobalId } from '../relay';
import { DateTime, Date as DateScalar, URL as URLScalar } from '../scalars';
import { ReleaseStatus } from '../enums';
import type { ReleaseRow } from '../../read/rows';
import type { IncludedRows } from '../../read/releases';

@ObjectType({ description: 'The line a release opens with: "BAKU, Azerbaijan, May 23."' })
export class Dateline {
  countryCode: string | null;

  @Field(() => String, { nullable: true, description: 'The place as written ("Baku"); null when the release prints only a date line.' })
  place: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'The day the dateline gives, in the year of publication.' })
  date: Date | null;
}

@ObjectType({ description: 'The ministry that released the information.' })
export class Issuer {
  countryCode: string | null;

  @Field(() => String, { description: 'The ministry as named ("Ministry of Foreign Affairs of Azerbaijan").' })
  name: string;
}

@ObjectType({ description: 'Who published the text (a news agency), and where.' })
export class Source {
  @Field(() => String, { nullable: true })
  name: string | null;

  @Field(() => URLScalar, { nullable: true })
  url: string | null;
}

@ObjectType({ implements: Node, description: 'A press release: a news-agency item about a foreign ministry meeting or statement.' })
export class PressRelease extends Node {
  dbId: number;

  @Field(() => String, { description: 'Stable, readable identifier for URLs.' })
  slug: string;

  @Field(() => String, { description: 'Derived from the text (releases carry no title of their own).' })
  title: string;

  @Field(() => DateTime)
  publishedAt: Date;

  @Field(() => Dateline, { nullable: true })
  dateline: Dateline | null;

  @Field(() => Issuer, { nullable: true })
  issuer: Issuer | null;

  @Field(() => Source)
  source: Source;

  @Field(() => String, { description: 'BCP 47 language code ("en").' })
  language: string;

  /** The body when the row had it (a single release); a list's rows leave it to PressReleaseResolver.body. */
  body?: string;

  @Field(() => ReleaseStatus)
  status: ReleaseStatus;

  @Field(() => String, { nullable: true, description: 'Why it was retracted, when it was.' })
  retractionReason: string | null;

  @Field(() => DateTime)
  createdAt: Date;

  @Field(() => DateTime)
  updatedAt: Date;

  @Field(() => Int, {
    description:
      'Starts at 1 and goes up by one at every write (update, publication, retraction). Pass the version you read as `expectedVersion` ' +
      'to a change: if someone wrote meanwhile, the change is refused with CONFLICT instead of undoing theirs.',
  })
  version: number;

  /** Nested rows read in the release's own statement (src/read/releases.ts, includes): its resolvers return them without a loader. */
  included?: IncludedRows;

  static from(row: ReleaseRow & IncludedRows): PressRelease {
    // Assigned one by one (not Object.assign of a literal): a list builds one per row.
    const r = new PressRelease();
    r.id = toGlobalId('PressRelease', row.id);
    r.dbId = row.id;
    r.slug = row.slug;
    r.title = row.title;
    r.publishedAt = row.publishedAt;
    r.dateline =
      row.datelinePlace || row.datelineDate
        ? Object.assign(new Dateline(), { place: row.datelinePlace, countryCode: row.datelineCountryCode, date: row.datelineDate })
        : null;
    r.issuer = row.issuerName || row.issuerCountryCode ? Object.assign(new Issuer(), { name: row.issuerName ?? '', countryCode: row.issuerCountryCode }) : null;
    const source = new Source();
    source.name = row.sourceName;
    source.url = row.sourceUrl;
    r.source = source;
    r.language = row.language;
    r.body = row.body;
    r.status = row.status;
    r.retractionReason = row.retractionReason;
    r.createdAt = row.createdAt;
    r.updatedAt = row.updatedAt;
    r.version = row.version;
    r.included = row.topics || row.meetings || row.countries || row.initiatives ? row : undefined;
    return r;
  }
}

@ObjectType({ description: 'A release in a list; `highlights` when the list is a search.' })
export class PressReleaseEdge extends EdgeType(PressRelease) {
  /** How this edge's highlights are read, when a query asks for them (releaseConnection); absent: not a search. */
  highlightsOf?: () => string[] | Promise<string[]>;

  // An accessor, as the cursor: a field resolver (type-graphql's parameter and middleware pass for
  // each of a page's edges) cost more than the fragments it returned.
  @Field(() => [String], {
    description:
      'Fragments of title and body with the matched words in <mark>…</mark>: the whole title when it has a match, then at most three fragments of the body of about 30 words each, in its order (other tags dropped); empty when not searching.',
  })
  get highlights(): string[] | Promise<string[]> {
    return this.highlightsOf ? this.highlightsOf() : [];
  }
}

@ObjectType({ description: 'A page of releases.' })
export class PressReleaseConnection extends ConnectionType<PressRelease, PressReleaseEdge>(PressReleaseEdge) {}
