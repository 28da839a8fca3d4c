// Syndication: an Atom feed of the latest releases and a streamed NDJSON export of the archive.
// Both take the release filter as query parameters (?countries=AZ,KR&topics=energy&search=...).
import type { Request, RequestHandler } from 'express';
import { Feed } from 'feed';
import type { ExecutorFactory } from '../db/sql';
import { listReleases } from '../read/releases';
import { encodeCursor } from '../read/paging';
import type { ReleaseRow } from '../read/rows';
import { checkReleaseFilter, type ReleaseFilter } from '../domain/filters';
import { createLoaders } from '../graphql/loaders';
import { toGlobalId } from '../graphql/relay';
import { AppError } from '../errors';
import { PUBLIC_STATUSES } from '../domain/visibility';

const list = (v: unknown) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined);
const text = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** The filter from query parameters, checked as GraphQL's is; anonymous, so published releases only. */
export function filterFromQuery(req: Request): ReleaseFilter {
  const q = req.query;
  return checkReleaseFilter(
    { search: text(q.search), countries: list(q.countries), topics: list(q.topics), issuers: list(q.issuers), from: text(q.from), to: text(q.to) },
    null,
    '',
  );
}

function sendError(res: Parameters<RequestHandler>[1], e: unknown) {
  if (e instanceof AppError) {
    res.status(400).json({ errors: [{ message: e.message, extensions: e.extensions }] });
    return;
  }
  throw e;
}

export function atomFeed(reads: ExecutorFactory, publicUrl: (req: Request) => string): RequestHandler {
  return async (req, res, next) => {
    try {
      const filter = filterFromQuery(req);
      const base = publicUrl(req);
      const db = reads.forRequest();
      const page = await listReleases(db, filter, 'PUBLISHED_AT_DESC', { first: 50 });
      const loaders = createLoaders(db, PUBLIC_STATUSES);
      const feed = new Feed({
        title: 'Foreign-ministry press releases',
        description: 'The latest releases of the archive',
        id: `${base}/feeds/releases.atom`,
        link: `${base}/graphql`,
        feedLinks: { atom: `${base}${req.originalUrl}` },
        updated: page.rows[0]?.publishedAt ?? new Date(0),
        copyright: 'Texts as published by their sources',
      });
      for (const r of page.rows) {
        const topics = await loaders.topicsByRelease.load(r.id);
        feed.addItem({
          title: r.title,
          id: `urn:press-release:${r.slug}`,
          link: r.sourceUrl ?? `${base}/graphql?query=${encodeURIComponent(`{ pressRelease(slug: "${r.slug}") { title body } }`)}`,
          date: r.updatedAt,
          published: r.publishedAt,
          description: r.body.split(/\n{2,}/)[0],
          content: r.body,
          author: r.sourceName ? [{ name: r.sourceName }] : undefined,
          category: topics.map((t) => ({ name: t.name, term: t.slug })),
        });
      }
      res.type('application/atom+xml; charset=utf-8').send(feed.atom1());
    } catch (e) {
      try {
        sendError(res, e);
      } catch (err) {
        next(err);
      }
    }
  };
}

async function exportRow(loaders: ReturnType<typeof createLoaders>, r: ReleaseRow) {
  const [meetings, topics, countries, initiatives] = await Promise.all([
    loaders.meetingsByRelease.load(r.id),
    loaders.topicsByRelease.load(r.id),
    loaders.countriesByRelease.load(r.id),
    loaders.initiativesByRelease.load(r.id),
  ]);
  const participants = await Promise.all(meetings.map((m) => loaders.participantsByMeeting.load(m.id)));
  return {
    id: toGlobalId('PressRelease', r.id),
    slug: r.slug,
    title: r.title,
    publishedAt: r.publishedAt,
    dateline: r.datelinePlace ? { place: r.datelinePlace, country: r.datelineCountryCode, date: r.datelineDate?.toISOString().slice(0, 10) ?? null } : null,
    issuer: r.issuerName || r.issuerCountryCode ? { name: r.issuerName, country: r.issuerCountryCode } : null,
    source: { name: r.sourceName, url: r.sourceUrl },
    language: r.language,
    paragraphs: r.body.split(/\n{2,}/),
    meetings: meetings.map((m, i) => ({
      kind: m.kind,
      date: m.date.toISOString().slice(0, 10),
      place: m.place,
      participants: participants[i].map((p) => ({ name: p.personName, role: p.role, roleKind: p.roleKind, country: p.countryCode, side: p.side })),
    })),
    topics: topics.map((t) => t.slug),
    countries: countries.map((c) => c.code),
    initiatives: initiatives.map((i) => ({ name: i.name, acronym: i.acronym, kind: i.kind })),
  };
}

/** One JSON object per line, streamed page by page (memory stays flat whatever the archive's size). */
export function ndjsonExport(reads: ExecutorFactory): RequestHandler {
  return async (req, res, next) => {
    let filter: ReleaseFilter;
    try {
      filter = filterFromQuery(req);
    } catch (e) {
      try {
        return sendError(res, e);
      } catch (err) {
        return next(err);
      }
    }
    res.type('application/x-ndjson; charset=utf-8');
    let closed = false;
    req.on('close', () => (closed = true));
    try {
      const db = reads.forRequest();
      let after: string | null = null;
      for (;;) {
        const page = await listReleases(db, filter, 'PUBLISHED_AT_DESC', { first: 100, after });
        const loaders = createLoaders(db, PUBLIC_STATUSES);
        const rows = await Promise.all(page.rows.map((r) => exportRow(loaders, r)));
        for (const row of rows) {
          if (closed) return;
          if (!res.write(`${JSON.stringify(row)}\n`)) await new Promise((r) => res.once('drain', r));
        }
        if (!page.hasNextPage || !page.rows.length) break;
        after = encodeCursor(page.sort, page.rows[page.rows.length - 1]);
      }
      res.end();
    } catch (e) {
      if (!res.headersSent) return next(e);
      res.destroy(e as Error);
    }
  };
}
