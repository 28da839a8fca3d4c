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

/**
 * Locks the release's row for the rest of the transaction (a concurrent update, publication or
 * retraction waits for it) and checks the version the editor read, when given.
 */
async function lockRelease(tx: Tx, id: number, expectedVersion?: number | null): Promise<{ status: ReleaseStatus; version: number }> {
  const rows = await tx.$queryRaw<{ status: ReleaseStatus; version: number }[]>`
    SELECT status::text AS status, version FROM press_release WHERE id = ${id} FOR UPDATE`;
  if (!rows.length) throw notFound('Press release');
  const [row] = rows;
  if (expectedVersion != null && row.version !== expectedVersion) throw staleVersion(row, expectedVersion);
  return row;
}

const staleVersion = (row: { status: ReleaseStatus; version: number }, expected: number) =>
  conflict(`The release is at version ${row.version}, not ${expected}: someone changed it meanwhile (reload, then change it again)`, {
    field: 'expectedVersion',
    version: row.version,
    status: row.status,
  });

/**
 * Applies a patch. The row is locked first and the status is never written here, so an update
 * racing a publication or a retraction cannot put back the status it read (issue 10: a release
 * retracted while an update ran came back PUBLISHED).
 */
export async function updateRelease(db: Db, id: number, patch: Partial<ReleaseFields>, expectedVersion?: number | null): Promise<void> {
  await db.$transaction(async (tx) => {
    await lockRelease(tx, id, expectedVersion);
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
    await replaceRelease(tx, id, next, { keepStatus: true });
  }, TX_OPTIONS);
  forgetSearchConfigs(db);
}

const TRANSITIONS: Record<'publish' | 'retract', ReleaseStatus[]> = {
  publish: ['DRAFT', 'PUBLISHED'],
  retract: ['PUBLISHED'],
};

/**
 * Publishes or retracts in one conditional statement: the row changes only if its status (and its
 * version, when given) is still one the change may start from when the statement runs. A racing
 * write that committed first makes Postgres re-check the condition against the row it wrote, so the
 * loser changes nothing and answers CONFLICT: an acknowledged retraction is never published over.
 */
export async function setStatus(db: Db, id: number, action: 'publish' | 'retract', reason?: string, expectedVersion?: number | null): Promise<void> {
  let why: string | null = null;
  if (action === 'retract') {
    why = reason?.trim() ?? '';
    if (!why) throw badInput('reason', 'A retraction needs a reason');
    if (why.length > 2000) throw badInput('reason', 'The reason is at most 2000 characters');
  }
  const from = TRANSITIONS[action];
  const to: ReleaseStatus = action === 'publish' ? 'PUBLISHED' : 'RETRACTED';
  // Publishing a published release changes nothing (and leaves its version alone).
  const changed = await db.$executeRaw`
    UPDATE press_release SET
      status = ${to}::"ReleaseStatus",
      retraction_reason = CASE WHEN ${to} = 'RETRACTED' THEN ${why} ELSE retraction_reason END,
      version = version + CASE WHEN status::text = ${to} THEN 0 ELSE 1 END,
      updated_at = CASE WHEN status::text = ${to} THEN updated_at ELSE now() END
    WHERE id = ${id} AND status::text = ANY(${from}::text[])
      AND (${expectedVersion ?? null}::int IS NULL OR version = ${expectedVersion ?? null}::int)`;
  if (changed) return;
  const r = await db.pressRelease.findUnique({ where: { id }, select: { status: true, version: true } });
  if (!r) throw notFound('Press release');
  if (!from.includes(r.status)) {
    throw conflict(`A ${r.status.toLowerCase()} release cannot be ${action === 'publish' ? 'published' : 'retracted'}`, { status: r.status, version: r.version });
  }
  if (expectedVersion != null && r.version !== expectedVersion) throw staleVersion(r, expectedVersion);
  // The status and version allow the change now: the one that stood in its way was itself undone.
  throw conflict('The release changed while this change ran: reload and try again', { status: r.status, version: r.version });
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
