// Syndication: an Atom feed of the latest releases and a streamed NDJSON export of the archive.
// Both take the release filter as query parameters (?countries=AZ,KR&topics=energy&search=...).
import type { Request, RequestHandler } from 'express';
import { Feed } from 'feed';
import type { Db } from '../db/client';
import { listReleases } from '../domain/releases';
import { encodeCursor } from '../domain/paging';
import type { ReleaseFilter } from '../domain/release-filter';
import type { ReleaseRow } from '../domain/rows';
import { createLoaders } from '../graphql/loaders';
import { toGlobalId } from '../graphql/relay';
import { AppError } from '../errors';
import { checkCountryCodes, checkTopicSlugs } from '../graphql/release/release.filter';

const list = (v: unknown) =>
  typeof v === 'string' && v.trim() ? v.split(',').map((s) => s.trim()).filter(Boolean) : undefined;

/** The public filter from query parameters; drafts are never exported. */
export function filterFromQuery(req: Request): ReleaseFilter {
  const q = req.query;
  const date = (name: string) => {
    if (typeof q[name] !== 'string') return undefined;
    const d = new Date(`${q[name]}T00:00:00Z`);
    if (Number.isNaN(d.getTime())) throw new AppError('BAD_USER_INPUT', `${name} must be a date (YYYY-MM-DD)`, { field: name });
    return d;
  };
  return {
    search: typeof q.search === 'string' && q.search.trim() ? q.search.trim().slice(0, 500) : null,
    countries: checkCountryCodes(list(q.countries), 'countries'),
    topics: checkTopicSlugs(list(q.topics), 'topics'),
    issuers: checkCountryCodes(list(q.issuers), 'issuers'),
    from: date('from'),
    to: date('to'),
    statuses: ['PUBLISHED'],
  };
}

function sendError(res: Parameters<RequestHandler>[1], e: unknown) {
  if (e instanceof AppError) {
    res.status(400).json({ errors: [{ message: e.message, extensions: e.extensions }] });
    return;
  }
  throw e;
}

export function atomFeed(db: Db, publicUrl: (req: Request) => string): RequestHandler {
  return async (req, res, next) => {
    try {
      const filter = filterFromQuery(req);
      const base = publicUrl(req);
      const page = await listReleases(db, filter, 'PUBLISHED_AT_DESC', { first: 50 });
      const loaders = createLoaders(db);
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
export function ndjsonExport(db: Db): RequestHandler {
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
      let after: string | null = null;
      for (;;) {
        const page = await listReleases(db, filter, 'PUBLISHED_AT_DESC', { first: 100, after });
        const loaders = createLoaders(db);
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
