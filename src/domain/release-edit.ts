// Editor operations on stored releases: create from fields, patch, publish, retract, delete.
import type { Db } from '../db/client';
import type { ReleaseStatus } from '../generated/prisma/enums';
import { badInput, conflict, notFound } from '../errors';
import { checkText, MAX_TEXT_LENGTH } from './validate';
import { bodyHash } from './text';
import { forgetSearchConfigs } from '../read/search-configs';
import { insertRelease, replaceRelease, TX_OPTIONS, type ReleaseDraft, type Tx } from './store-release';

/** The fields of a release an editor writes (every list replaces the stored one when given). */
export type ReleaseFields = Omit<ReleaseDraft, 'status' | 'contentHash'>;

function checkParagraphs(paragraphs: string[]): string[] {
  const clean = paragraphs.map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
  if (!clean.length) throw badInput('paragraphs', 'A release needs at least one non-empty paragraph');
  const length = clean.join('\n\n').length;
  if (length > MAX_TEXT_LENGTH) throw badInput('paragraphs', `The body is ${length} characters; the limit is ${MAX_TEXT_LENGTH}`);
  checkText(clean.join('\n\n'), 'paragraphs');
  return clean;
}

async function assertNewBody(tx: Tx, hash: string, sourceUrl: string | null, exceptId?: number) {
  const same = await tx.pressRelease.findFirst({
    where: { OR: [{ contentHash: hash }, ...(sourceUrl ? [{ sourceUrl }] : [])], NOT: exceptId ? { id: exceptId } : undefined },
    select: { id: true, slug: true, contentHash: true },
  });
  if (same) {
    const why = same.contentHash === hash ? 'the same body' : 'the same source URL';
    throw conflict(`Another release has ${why}: ${same.slug}`, { field: same.contentHash === hash ? 'paragraphs' : 'source.url', existingSlug: same.slug });
  }
}

export async function createRelease(db: Db, fields: ReleaseFields, publish: boolean): Promise<number> {
  const paragraphs = checkParagraphs(fields.paragraphs);
  const draft: ReleaseDraft = { ...fields, paragraphs, status: publish ? 'PUBLISHED' : 'DRAFT', contentHash: bodyHash(paragraphs) };
  const id = await db.$transaction(async (tx) => {
    await assertNewBody(tx, draft.contentHash, draft.sourceUrl);
    return insertRelease(tx, draft);
  }, TX_OPTIONS);
  forgetSearchConfigs(db);
  return id;
}

/** The stored release as a draft, so a patch can change some fields and keep the rest. */
async function loadDraft(tx: Tx, id: number): Promise<ReleaseDraft> {
  const r = await tx.pressRelease.findUnique({
    where: { id },
    include: {
      meetings: {
        orderBy: { position: 'asc' },
        include: {
          participants: { orderBy: { position: 'asc' }, include: { person: { select: { name: true } } } },
          topics: { include: { topic: { select: { slug: true } } } },
          initiatives: { include: { initiative: { select: { name: true } } } },
        },
      },
      topics: { include: { topic: { select: { slug: true } } } },
      countries: true,
      mentions: { orderBy: { id: 'asc' }, include: { initiative: true } },
    },
  });
  if (!r) throw notFound('Press release');
  return {
    title: r.title,
    publishedAt: r.publishedAt,
    datelinePlace: r.datelinePlace,
    datelineCountryCode: r.datelineCountryCode,
    datelineDate: r.datelineDate,
    issuerName: r.issuerName,
    issuerCountryCode: r.issuerCountryCode,
    sourceName: r.sourceName,
    sourceUrl: r.sourceUrl,
    language: r.language,
    paragraphs: r.body.split(/\n{2,}/),
    status: r.status,
    contentHash: r.contentHash,
    meetings: r.meetings.map((m) => ({
      kind: m.kind,
      date: m.date,
      place: m.place,
      participants: m.participants.map((p) => ({
        name: p.person.name,
        role: p.role,
        roleKind: p.roleKind,
        countryCode: p.countryCode,
        side: p.side,
      })),
      topics: m.topics.map((t) => t.topic.slug),
      initiatives: m.initiatives.map((i) => i.initiative.name),
    })),
    topics: r.topics.map((t) => ({ slug: t.topic.slug, mentions: t.mentions })),
    initiatives: r.mentions.map((m) => ({
      name: m.initiative.name,
      acronym: m.initiative.acronym,
      kind: m.initiative.kind,
      sentence: m.sentence,
    })),
    countries: r.countries.map((c) => ({ code: c.countryCode, mentions: c.mentions })),
  };
}

export async function updateRelease(db: Db, id: number, patch: Partial<ReleaseFields>): Promise<void> {
  await db.$transaction(async (tx) => {
    const current = await loadDraft(tx, id);
    const next: ReleaseDraft = { ...current };
    for (const [k, v] of Object.entries(patch)) if (v !== undefined) (next as unknown as Record<string, unknown>)[k] = v;
    if (patch.paragraphs) {
      next.paragraphs = checkParagraphs(patch.paragraphs);
      next.contentHash = bodyHash(next.paragraphs);
    }
    if (patch.meetings) {
      // Meetings given without their own topic/initiative lists take the release's.
      next.meetings = patch.meetings;
    } else if (patch.topics || patch.initiatives) {
      next.meetings = current.meetings.map((m) => ({ ...m, topics: patch.topics ? null : m.topics, initiatives: patch.initiatives ? null : m.initiatives }));
    }
    await assertNewBody(tx, next.contentHash, next.sourceUrl, id);
    await replaceRelease(tx, id, next);
  }, TX_OPTIONS);
  forgetSearchConfigs(db);
}

const TRANSITIONS: Record<'publish' | 'retract', ReleaseStatus[]> = {
  publish: ['DRAFT', 'PUBLISHED'],
  retract: ['PUBLISHED'],
};

export async function setStatus(db: Db, id: number, action: 'publish' | 'retract', reason?: string): Promise<void> {
  const r = await db.pressRelease.findUnique({ where: { id }, select: { status: true } });
  if (!r) throw notFound('Press release');
  if (!TRANSITIONS[action].includes(r.status)) {
    throw conflict(`A ${r.status.toLowerCase()} release cannot be ${action === 'publish' ? 'published' : 'retracted'}`, { status: r.status });
  }
  if (action === 'publish') {
    await db.pressRelease.update({ where: { id }, data: { status: 'PUBLISHED' } });
  } else {
    const why = reason?.trim();
    if (!why) throw badInput('reason', 'A retraction needs a reason');
    if (why.length > 2000) throw badInput('reason', 'The reason is at most 2000 characters');
    await db.pressRelease.update({ where: { id }, data: { status: 'RETRACTED', retractionReason: why } });
  }
}

/**
 * Deletes a release, and what existed only through it: people and initiatives no other release
 * names (unless curated: a merge gave them aliases), and the role dates it alone gave (the stored
 * summary of roles is recomputed from the meetings that remain). A draft leaves nothing behind.
 */
export async function deleteRelease(db: Db, id: number): Promise<void> {
  await db.$transaction(async (tx) => {
    const people = (
      await tx.$queryRaw<{ id: number }[]>`SELECT DISTINCT p.person_id AS id FROM participant p
        JOIN meeting m ON m.id = p.meeting_id WHERE m.press_release_id = ${id}`
    ).map((r) => r.id);
    const initiatives = (
      await tx.$queryRaw<{ id: number }[]>`SELECT initiative_id AS id FROM initiative_mention WHERE press_release_id = ${id}
        UNION SELECT mi.initiative_id FROM meeting_initiative mi JOIN meeting m ON m.id = mi.meeting_id WHERE m.press_release_id = ${id}`
    ).map((r) => r.id);
    const { count } = await tx.pressRelease.deleteMany({ where: { id } });
    if (!count) throw notFound('Press release');
    await tx.$executeRaw`DELETE FROM person pe WHERE pe.id = ANY(${people}::int[]) AND cardinality(pe.aliases) = 0
      AND NOT EXISTS (SELECT 1 FROM participant p WHERE p.person_id = pe.id)`;
    await tx.$executeRaw`DELETE FROM person_role WHERE person_id = ANY(${people}::int[])`;
    await tx.$executeRaw`
      INSERT INTO person_role (person_id, title, role_kind, country_code, first_seen, last_seen)
      SELECT p.person_id, p.role, (array_agg(p.role_kind ORDER BY m.date DESC, p.id DESC))[1],
        (array_agg(p.country_code ORDER BY m.date DESC, p.id DESC))[1], min(m.date), max(m.date)
      FROM participant p JOIN meeting m ON m.id = p.meeting_id
      WHERE p.person_id = ANY(${people}::int[]) GROUP BY p.person_id, p.role`;
    await tx.$executeRaw`DELETE FROM initiative i WHERE i.id = ANY(${initiatives}::int[]) AND cardinality(i.aliases) = 0
      AND NOT EXISTS (SELECT 1 FROM initiative_mention im WHERE im.initiative_id = i.id)
      AND NOT EXISTS (SELECT 1 FROM meeting_initiative mi WHERE mi.initiative_id = i.id)`;
  }, TX_OPTIONS);
}
