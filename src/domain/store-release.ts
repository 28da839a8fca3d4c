// Writes one release with everything it reports, in one transaction: used by ingest,
// createPressRelease and the seed. People and initiatives are upserted by a normalised key, a set at
// a time (upserts.ts, shared with the synthetic loader), so concurrent writers share rows without
// duplicates or deadlocks.
import crypto from 'node:crypto';
import { Prisma } from '../generated/prisma/client';
import type {
  InitiativeKind,
  MeetingKind,
  ParticipantSide,
  ReleaseStatus,
  RoleKind,
} from '../generated/prisma/enums';
import type { Db } from '../db/client';
import { badInput } from '../errors';
import { nameKey, slugify } from './text';
import { forgetSearchConfigs } from '../read/search-configs';
import { initiativeKey, upsertInitiatives, upsertPeople, type RunSql } from './upserts';

export type Tx = Prisma.TransactionClient;

export interface ParticipantDraft {
  name: string;
  role: string;
  roleKind: RoleKind;
  countryCode: string | null;
  side: ParticipantSide | null;
}

export interface InitiativeDraft {
  name: string;
  acronym: string | null;
  kind: InitiativeKind;
  sentence: string;
}

export interface MeetingDraft {
  kind: MeetingKind;
  /** Falls back to the dateline date, then the publication day. */
  date: Date | null;
  place: string | null;
  participants: ParticipantDraft[];
  /** Topic slugs discussed at the meeting; default: the release's topics. */
  topics?: string[] | null;
  /** Names or acronyms of the release's initiatives discussed at it; default: all of them. */
  initiatives?: string[] | null;
}

export interface ReleaseDraft {
  title: string;
  publishedAt: Date;
  datelinePlace: string | null;
  datelineCountryCode: string | null;
  datelineDate: Date | null;
  issuerName: string | null;
  issuerCountryCode: string | null;
  sourceName: string | null;
  sourceUrl: string | null;
  language: string;
  paragraphs: string[];
  status: ReleaseStatus;
  contentHash: string;
  meetings: MeetingDraft[];
  topics: { slug: string; mentions: number }[];
  initiatives: InitiativeDraft[];
  countries: { code: string; mentions: number }[];
}

/** Checks every reference the draft makes; throws BAD_USER_INPUT naming the field at fault. */
export async function resolveReferences(tx: Tx, d: ReleaseDraft) {
  const slugs = [...new Set([...d.topics.map((t) => t.slug), ...d.meetings.flatMap((m) => m.topics ?? [])])];
  const topics = await tx.topic.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } });
  const topicId = new Map(topics.map((t) => [t.slug, t.id]));
  const unknownSlug = slugs.find((s) => !topicId.has(s));
  if (unknownSlug) throw badInput('topics', `Unknown topic slug "${unknownSlug}" (see the \`topics\` query)`);

  const codes = [
    ...new Set(
      [
        d.datelineCountryCode,
        d.issuerCountryCode,
        ...d.countries.map((c) => c.code),
        ...d.meetings.flatMap((m) => m.participants.map((p) => p.countryCode)),
      ].filter((c): c is string => !!c),
    ),
  ];
  const known = await tx.country.findMany({ where: { code: { in: codes } }, select: { code: true } });
  const knownCodes = new Set(known.map((c) => c.code));
  const unknownCode = codes.find((c) => !knownCodes.has(c));
  if (unknownCode) throw badInput('countries', `Unknown country code "${unknownCode}" (ISO 3166-1 alpha-2)`);
  return { topicId };
}

/** The day and title; then with the text's hash; then numbered, until one is free. */
async function uniqueSlug(tx: Tx, d: ReleaseDraft): Promise<string> {
  const day = d.publishedAt.toISOString().slice(0, 10);
  const base = `${day}-${slugify(d.title) || 'release'}`;
  const hashed = `${base}-${d.contentHash.slice(0, 8)}`;
  const candidates = [base, hashed, ...Array.from({ length: 20 }, (_, i) => `${hashed}-${i + 2}`)];
  const taken = new Set(
    (await tx.pressRelease.findMany({ where: { slug: { in: candidates } }, select: { slug: true } })).map((r) => r.slug),
  );
  const free = candidates.find((c) => !taken.has(c));
  // Twenty-two releases of one day and title: a concurrent writer may still take the one chosen
  // here, which the unique index refuses (answered as CONFLICT: try again).
  return free ?? `${hashed}-${crypto.randomUUID().slice(0, 8)}`;
}

/** Writes the release's dependent rows; the release row itself must exist. */
async function writeContents(tx: Tx, releaseId: number, d: ReleaseDraft, topicId: Map<string, number>) {
  const run: RunSql = (text, values) => tx.$queryRawUnsafe(text, ...values);
  const personIds = await upsertPeople(run, d.meetings.flatMap((m) => m.participants).map((p) => ({ name: p.name, key: nameKey(p.name) })));
  const initiativeIds = await upsertInitiatives(run, d.initiatives);
  const fallbackDate = d.datelineDate ?? new Date(d.publishedAt.toISOString().slice(0, 10));

  if (d.topics.length) {
    await tx.releaseTopic.createMany({
      data: d.topics.map((t) => ({ pressReleaseId: releaseId, topicId: topicId.get(t.slug)!, mentions: t.mentions })),
      skipDuplicates: true,
    });
  }
  // The countries a release involves: those it names, its dateline, issuer and participants.
  const countries = new Map(d.countries.map((c) => [c.code, c.mentions]));
  for (const code of [d.datelineCountryCode, d.issuerCountryCode, ...d.meetings.flatMap((m) => m.participants.map((p) => p.countryCode))]) {
    if (code && !countries.has(code)) countries.set(code, 1);
  }
  if (countries.size) {
    await tx.releaseCountry.createMany({
      data: [...countries].map(([countryCode, mentions]) => ({ pressReleaseId: releaseId, countryCode, mentions })),
    });
  }

  const meetingIds: number[] = [];
  for (const [position, m] of d.meetings.entries()) {
    const meeting = await tx.meeting.create({
      data: { pressReleaseId: releaseId, position, kind: m.kind, date: m.date ?? fallbackDate, place: m.place },
      select: { id: true },
    });
    meetingIds.push(meeting.id);
    const seen = new Set<number>();
    const participants = m.participants.filter((p) => {
      const id = personIds.get(nameKey(p.name))!;
      return seen.has(id) ? false : (seen.add(id), true);
    });
    await tx.participant.createMany({
      data: participants.map((p, i) => ({
        meetingId: meeting.id,
        personId: personIds.get(nameKey(p.name))!,
        position: i,
        role: p.role,
        roleKind: p.roleKind,
        countryCode: p.countryCode,
        side: p.side,
      })),
    });
    const day = m.date ?? fallbackDate;
    // Role rows are locked in one global order (person, title), like people and initiatives.
    const byPersonAndTitle = [...participants].sort(
      (a, b) => personIds.get(nameKey(a.name))! - personIds.get(nameKey(b.name))! || a.role.localeCompare(b.role),
    );
    for (const p of byPersonAndTitle) {
      await tx.$executeRaw`
        INSERT INTO person_role (person_id, title, role_kind, country_code, first_seen, last_seen)
        VALUES (${personIds.get(nameKey(p.name))!}, ${p.role}, ${p.roleKind}::"RoleKind", ${p.countryCode}, ${day}::date, ${day}::date)
        ON CONFLICT (person_id, title) DO UPDATE SET
          first_seen = LEAST(person_role.first_seen, EXCLUDED.first_seen),
          last_seen = GREATEST(person_role.last_seen, EXCLUDED.last_seen)`;
    }
    const meetingTopics = m.topics ?? d.topics.map((t) => t.slug);
    if (meetingTopics.length) {
      await tx.meetingTopic.createMany({
        data: [...new Set(meetingTopics)].map((slug) => ({ meetingId: meeting.id, topicId: topicId.get(slug)! })),
      });
    }
    const wanted = m.initiatives ? new Set(m.initiatives.map(nameKey)) : null;
    const meetingInitiatives = [
      ...new Set(
        d.initiatives
          .filter((i) => !wanted || wanted.has(nameKey(i.name)) || (i.acronym && wanted.has(nameKey(i.acronym))))
          .map((i) => initiativeIds.get(initiativeKey(i))!),
      ),
    ];
    if (meetingInitiatives.length) {
      await tx.meetingInitiative.createMany({
        data: meetingInitiatives.map((initiativeId) => ({ meetingId: meeting.id, initiativeId })),
      });
    }
  }
  if (d.initiatives.length) {
    await tx.initiativeMention.createMany({
      data: d.initiatives.map((i) => ({
        initiativeId: initiativeIds.get(initiativeKey(i))!,
        pressReleaseId: releaseId,
        meetingId: d.meetings.length === 1 ? meetingIds[0] : null,
        sentence: i.sentence,
      })),
    });
  }
}

function releaseColumns(d: ReleaseDraft) {
  return {
    title: d.title,
    publishedAt: d.publishedAt,
    datelinePlace: d.datelinePlace,
    datelineCountryCode: d.datelineCountryCode,
    datelineDate: d.datelineDate,
    issuerName: d.issuerName,
    issuerCountryCode: d.issuerCountryCode,
    sourceName: d.sourceName,
    sourceUrl: d.sourceUrl,
    language: d.language,
    body: d.paragraphs.join('\n\n'),
    status: d.status,
    contentHash: d.contentHash,
  };
}

/** Inserts a release and everything it reports. Call inside a transaction. */
export async function insertRelease(tx: Tx, d: ReleaseDraft): Promise<number> {
  const { topicId } = await resolveReferences(tx, d);
  const release = await tx.pressRelease.create({
    data: { ...releaseColumns(d), slug: await uniqueSlug(tx, d) },
    select: { id: true },
  });
  await writeContents(tx, release.id, d, topicId);
  return release.id;
}

/**
 * Replaces a release's contents with the draft's (slug and creation time kept) and counts a version.
 * `keepStatus`: the stored status stays whatever the draft says (an editor's patch never changes it).
 */
export async function replaceRelease(tx: Tx, id: number, d: ReleaseDraft, { keepStatus = false } = {}): Promise<void> {
  const { topicId } = await resolveReferences(tx, d);
  await tx.meeting.deleteMany({ where: { pressReleaseId: id } });
  await tx.releaseTopic.deleteMany({ where: { pressReleaseId: id } });
  await tx.releaseCountry.deleteMany({ where: { pressReleaseId: id } });
  await tx.initiativeMention.deleteMany({ where: { pressReleaseId: id } });
  const { status, ...columns } = releaseColumns(d);
  await tx.pressRelease.update({ where: { id }, data: { ...columns, ...(keepStatus ? {} : { status }), version: { increment: 1 } } });
  await writeContents(tx, id, d, topicId);
}

export const TX_OPTIONS = { timeout: 30000, maxWait: 10000 } as const;

export async function storeRelease(db: Db, d: ReleaseDraft): Promise<number> {
  const id = await db.$transaction((tx) => insertRelease(tx, d), TX_OPTIONS);
  if (d.language !== 'en') forgetSearchConfigs(db); // a new language may bring a new configuration
  return id;
}
