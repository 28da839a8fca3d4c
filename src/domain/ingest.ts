// Ingest: a release's published text in, a stored release out, via the extractor.
// The same text (content hash) or the same source URL twice returns the existing release.
import type { Db } from '../db/client';
import { extractPressRelease } from '../extraction';
import type { ExtractedRelease } from '../extraction/types';
import { badInput } from '../errors';
import { checkInstant, checkText, checkUrl, checkYear } from './validate';
import { storeRelease, type ReleaseDraft } from './store-release';
import { bodyHash } from './text';

export interface IngestInput {
  text: string;
  sourceName?: string | null;
  sourceUrl?: string | null;
  publishedAt?: Date | null;
  /** The dateline's year (the text does not write it). Default: publishedAt's, else this year. */
  year?: number | null;
  language?: string | null;
  /** false: store as a DRAFT. Default true. */
  publish?: boolean | null;
}

export interface IngestOutcome {
  releaseId: number;
  duplicate: boolean;
  warnings: string[];
}

const utcMidnight = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** An extraction plus what the editor told us, as a release to store. */
export function draftFromExtraction(
  x: ExtractedRelease,
  input: { sourceName: string | null; sourceUrl: string | null; publishedAt: Date; language: string; publish: boolean; hash: string },
): ReleaseDraft {
  return {
    title: x.title,
    publishedAt: input.publishedAt,
    datelinePlace: x.dateline?.place ?? null,
    datelineCountryCode: x.dateline?.country ?? null,
    datelineDate: x.dateline?.date ? utcMidnight(x.dateline.date) : null,
    issuerName: x.issuerName,
    issuerCountryCode: x.issuerCountry,
    sourceName: input.sourceName ?? x.sourceName,
    sourceUrl: input.sourceUrl,
    language: input.language,
    paragraphs: x.paragraphs,
    status: input.publish ? 'PUBLISHED' : 'DRAFT',
    contentHash: input.hash,
    meetings: x.meetings.map((m) => ({
      kind: m.kind,
      date: m.date ? utcMidnight(m.date) : null,
      place: m.place,
      participants: m.participants.map((p) => ({
        name: p.name,
        role: p.role,
        roleKind: p.roleKind,
        countryCode: p.country,
        side: p.side,
      })),
    })),
    topics: x.topics.map((t) => ({ slug: t.slug, mentions: t.mentions })),
    initiatives: x.initiatives.map((i) => ({ name: i.name, acronym: i.acronym, kind: i.kind, sentence: i.sentence })),
    countries: x.countries.map((c) => ({ code: c.code, mentions: c.mentions })),
  };
}

async function findExisting(db: Db, hash: string, sourceUrl: string | null) {
  const byHash = await db.pressRelease.findUnique({ where: { contentHash: hash }, select: { id: true } });
  if (byHash) return { id: byHash.id, why: 'the same text' };
  if (sourceUrl) {
    const byUrl = await db.pressRelease.findUnique({ where: { sourceUrl }, select: { id: true } });
    if (byUrl) return { id: byUrl.id, why: `the same source URL (${sourceUrl})` };
  }
  return null;
}

const isUniqueViolation = (e: unknown) => (e as { code?: string })?.code === 'P2002';

/** Deadlocks and serialisation failures are transient: the transaction rolled back whole, so retry it. */
export const isTransient = (e: unknown) => {
  const err = e as { code?: string; message?: string; meta?: { code?: string } };
  return (
    err?.code === 'P2034' || ['40P01', '40001'].includes(err?.meta?.code ?? '') || /\b(40P01|40001)\b|deadlock detected/.test(err?.message ?? '')
  );
};

export async function ingestText(db: Db, input: IngestInput, now = new Date()): Promise<IngestOutcome> {
  const text = checkText(input.text);
  const sourceUrl = checkUrl(input.sourceUrl, 'sourceUrl');
  const year = checkYear(input.year);
  checkInstant(input.publishedAt, 'publishedAt');
  const extracted = extractPressRelease(text, { year: year ?? input.publishedAt?.getUTCFullYear(), now });
  if (!extracted.paragraphs.length) throw badInput('text', 'No release text found (only links, sign-offs or other boilerplate)');
  const hash = bodyHash(extracted.paragraphs);
  const existing = await findExisting(db, hash, sourceUrl);
  if (existing) {
    return { releaseId: existing.id, duplicate: true, warnings: [`Already in the archive (${existing.why}): nothing was stored`] };
  }

  const publishedAt =
    input.publishedAt ?? (extracted.dateline?.date ? new Date(`${extracted.dateline.date}T12:00:00Z`) : now);
  const draft = draftFromExtraction(extracted, {
    sourceName: input.sourceName?.trim() || null,
    sourceUrl,
    publishedAt,
    language: input.language?.trim() || 'en',
    publish: input.publish ?? true,
    hash,
  });
  const warnings = [...extracted.warnings];
  if (!input.publishedAt) warnings.push(`No publishedAt given: used ${publishedAt.toISOString()}`);

  // Concurrent writers of the same release, or of two releases with the same slug, meet at a
  // unique index: the loser finds the winner's release, or retries with the slug's hash suffix.
  for (let attempt = 0; ; attempt++) {
    try {
      const releaseId = await storeRelease(db, draft);
      return { releaseId, duplicate: false, warnings };
    } catch (e) {
      if (isTransient(e) && attempt < 5) {
        await new Promise((r) => setTimeout(r, 20 + Math.random() * 80 * (attempt + 1)));
        continue;
      }
      if (!isUniqueViolation(e) || attempt >= 5) throw e;
      const winner = await findExisting(db, hash, sourceUrl);
      if (winner) {
        return { releaseId: winner.id, duplicate: true, warnings: [`Already in the archive (${winner.why}): nothing was stored`] };
      }
    }
  }
}
