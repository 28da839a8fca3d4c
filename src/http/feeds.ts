// Syndication: an Atom feed of the latest releases and streamed exports of the archive (NDJSON, CSV).
// All take the release filter as query parameters (?countries=AZ,KR&topics=energy&search=...); any
// other parameter is refused (400), so a misspelt filter never passes for "everything".
import type { Request, RequestHandler, Response } from 'express';
import { stringify } from 'csv-stringify';
import { create } from 'xmlbuilder2';
import type { ExecutorFactory, SqlExecutor } from '../db/sql';
import { listReleases } from '../read/releases';
import { encodeCursor } from '../read/paging';
import type { ReleaseRow } from '../read/rows';
import { checkReleaseFilter, type ReleaseFilter } from '../domain/filters';
import { PUBLIC_STATUSES } from '../domain/visibility';
import { createLoaders } from '../graphql/loaders';
import { toGlobalId } from '../graphql/relay';
import { AppError } from '../errors';

/** The filter's parameters, in the order a feed's canonical URL (its id) lists them. */
const FILTER_PARAMS = ['search', 'countries', 'topics', 'issuers', 'from', 'to'] as const;

/** The public URL the service is reached at (PUBLIC_URL, or the local address), without a trailing slash. */
export type PublicUrl = () => string;

/** A parameter given twice (`?countries=AZ&countries=KR`) counts as one comma-separated list. */
const param = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : Array.isArray(v) && v.every((x) => typeof x === 'string') ? v.join(',') : undefined;

const list = (v: unknown) => {
  const s = param(v);
  return s?.trim() ? s.split(',').map((x) => x.trim()).filter(Boolean) : undefined;
};

/** Refuses parameters that are not filters: a typo (`?country=AZ`) would otherwise export everything. */
function checkKnownParams(req: Request) {
  const unknown = Object.keys(req.query).filter((k) => !(FILTER_PARAMS as readonly string[]).includes(k));
  if (unknown.length) {
    throw new AppError(
      'BAD_USER_INPUT',
      `Unknown query parameter${unknown.length > 1 ? 's' : ''}: ${unknown.map((k) => `"${k}"`).join(', ')} (the filters are ${FILTER_PARAMS.join(', ')})`,
      { field: unknown[0] },
    );
  }
}

/** The filter from query parameters, checked as GraphQL's is; anonymous, so published releases only. */
export function filterFromQuery(req: Request): ReleaseFilter {
  checkKnownParams(req);
  const q = req.query;
  return checkReleaseFilter(
    { search: param(q.search), countries: list(q.countries), topics: list(q.topics), issuers: list(q.issuers), from: param(q.from), to: param(q.to) },
    null,
    '',
  );
}

/** The filter as query parameters in one order and form: equal filters give equal feed ids. */
function canonicalQuery(f: ReleaseFilter): string {
  const day = (d: Date | null | undefined) => d?.toISOString().slice(0, 10);
  const values: Record<(typeof FILTER_PARAMS)[number], string | undefined> = {
    search: f.search ?? undefined,
    countries: f.countries?.length ? [...new Set(f.countries)].sort().join(',') : undefined,
    topics: f.topics?.length ? [...new Set(f.topics)].sort().join(',') : undefined,
    issuers: f.issuers?.length ? [...new Set(f.issuers)].sort().join(',') : undefined,
    from: day(f.from),
    to: day(f.to),
  };
  const q = new URLSearchParams();
  for (const k of FILTER_PARAMS) if (values[k]) q.set(k, values[k]!);
  const s = q.toString();
  return s ? `?${s}` : '';
}

/** What the filter selects, in words, for the feed's title. */
function describe(f: ReleaseFilter): string {
  const parts: string[] = [];
  if (f.countries?.length) parts.push(`involving ${[...new Set(f.countries)].sort().join(', ')}`);
  if (f.topics?.length) parts.push(`about ${[...new Set(f.topics)].sort().join(', ')}`);
  if (f.issuers?.length) parts.push(`issued by ${[...new Set(f.issuers)].sort().join(', ')}`);
  if (f.search) parts.push(`matching "${f.search}"`);
  if (f.from) parts.push(`from ${f.from.toISOString().slice(0, 10)}`);
  if (f.to) parts.push(`to ${f.to.toISOString().slice(0, 10)}`);
  return parts.join(', ');
}

function sendError(res: Response, e: unknown) {
  if (!(e instanceof AppError)) throw e;
  res.status(400).json({ errors: [{ message: e.message, extensions: { ...e.extensions, requestId: res.getHeader('x-request-id') } }] });
}

/** Runs a handler; a client's bad parameter is a 400 with a GraphQL-shaped error body, anything else goes on to the error handler. */
const handle =
  (fn: (req: Request, res: Response) => Promise<void>): RequestHandler =>
  async (req, res, next) => {
    try {
      await fn(req, res);
    } catch (e) {
      if (res.headersSent) {
        res.destroy(e as Error); // mid-stream: cut the response so the client sees it incomplete
        return;
      }
      try {
        sendError(res, e);
      } catch (err) {
        next(err);
      }
    }
  };

/** XML 1.0 allows no C0 control character but tab, newline and carriage return (nor lone surrogates, U+FFFE, U+FFFF). */
const XML_INVALID_REPLACEMENT = '\uFFFD';

export function atomFeed(reads: ExecutorFactory, publicUrl: PublicUrl): RequestHandler {
  return handle(async (req, res) => {
    const filter = filterFromQuery(req);
    const db = reads.forRequest();
    const base = publicUrl();
    const self = `${base}/feeds/releases.atom${canonicalQuery(filter)}`;
    const page = await listReleases(db, filter, 'PUBLISHED_AT_DESC', { first: 50 }, { body: true });
    const loaders = createLoaders(db, PUBLIC_STATUSES);
    const topics = await Promise.all(page.rows.map((r) => loaders.topicsByRelease.load(r.id)));
    const what = describe(filter);

    const doc = create({ version: '1.0', encoding: 'utf-8', invalidCharReplacement: XML_INVALID_REPLACEMENT });
    const feed = doc.ele('http://www.w3.org/2005/Atom', 'feed');
    feed.ele('id').txt(self);
    feed.ele('title').txt(`Foreign-ministry press releases${what ? `: ${what}` : ''}`);
    feed.ele('subtitle').txt(`The latest ${page.rows.length} releases of the archive${what ? ` ${what}` : ''}`);
    feed.ele('updated').txt((page.rows[0]?.publishedAt ?? new Date(0)).toISOString());
    feed.ele('link', { rel: 'self', type: 'application/atom+xml', href: self });
    feed.ele('link', { rel: 'alternate', type: 'text/html', href: `${base}/graphql` });
    feed.ele('rights').txt('Texts as published by their sources');
    feed.ele('generator').txt('press-release-graph');
    page.rows.forEach((r, i) => {
      const entry = feed.ele('entry');
      entry.ele('id').txt(`urn:press-release:${r.slug}`);
      entry.ele('title').txt(r.title);
      entry.ele('updated').txt(r.updatedAt.toISOString());
      entry.ele('published').txt(r.publishedAt.toISOString());
      const link = r.sourceUrl ?? `${base}/graphql?query=${encodeURIComponent(`{ pressRelease(slug: "${r.slug}") { title body } }`)}`;
      entry.ele('link', { rel: 'alternate', href: link });
      if (r.sourceName) entry.ele('author').ele('name').txt(r.sourceName);
      for (const t of topics[i]) entry.ele('category', { term: t.slug, label: t.name });
      // Plain text, escaped by the builder: a body can hold `<`, `]]>` or markup and stays text.
      entry.ele('summary', { type: 'text' }).txt((r.body ?? '').split(/\n{2,}/)[0]);
      entry.ele('content', { type: 'text' }).txt(r.body ?? '');
    });
    res.type('application/atom+xml; charset=utf-8').send(doc.end({ prettyPrint: true }));
  });
}

type ExportRow = Awaited<ReturnType<typeof exportRow>>;

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
    paragraphs: (r.body ?? '').split(/\n{2,}/),
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

/** The filter's releases as export rows, a page at a time (memory stays flat whatever the archive's size). */
async function* exportRows(db: SqlExecutor, filter: ReleaseFilter, closed: () => boolean): AsyncGenerator<ExportRow> {
  let after: string | null = null;
  for (;;) {
    const page = await listReleases(db, filter, 'PUBLISHED_AT_DESC', { first: 100, after }, { body: true });
    const loaders = createLoaders(db, PUBLIC_STATUSES);
    const rows = await Promise.all(page.rows.map((r) => exportRow(loaders, r)));
    for (const row of rows) {
      if (closed()) return;
      yield row;
    }
    if (!page.hasNextPage || !page.rows.length) return;
    after = encodeCursor(page.sort, page.rows[page.rows.length - 1]);
  }
}

/** Writes with backpressure: waits while the client reads slower than the archive is read. */
async function write(stream: NodeJS.WritableStream, chunk: unknown) {
  if (!stream.write(chunk as string)) await new Promise((r) => stream.once('drain', r));
}

function streamExport(type: string, body: (rows: AsyncGenerator<ExportRow>, res: Response) => Promise<void>, reads: ExecutorFactory): RequestHandler {
  return handle(async (req, res) => {
    const filter = filterFromQuery(req);
    let closed = false;
    req.on('close', () => (closed = true));
    res.type(type);
    await body(
      exportRows(reads.forRequest(), filter, () => closed),
      res,
    );
  });
}

/** One JSON object per line. */
export function ndjsonExport(reads: ExecutorFactory): RequestHandler {
  return streamExport(
    'application/x-ndjson; charset=utf-8',
    async (rows, res) => {
      for await (const row of rows) await write(res, `${JSON.stringify(row)}\n`);
      res.end();
    },
    reads,
  );
}

/** Lists in a cell are joined with "; " (names may hold commas). */
const joined = (xs: (string | null | undefined)[]) => xs.filter(Boolean).join('; ');

const CSV_COLUMNS = [
  'id', 'slug', 'title', 'publishedAt', 'datelinePlace', 'datelineCountry', 'datelineDate', 'issuerName', 'issuerCountry',
  'sourceName', 'sourceUrl', 'language', 'meetingKinds', 'participants', 'topics', 'countries', 'initiatives', 'text',
] as const;

function csvRecord(r: ExportRow): Record<(typeof CSV_COLUMNS)[number], string> {
  return {
    id: r.id,
    slug: r.slug,
    title: r.title,
    publishedAt: r.publishedAt.toISOString(),
    datelinePlace: r.dateline?.place ?? '',
    datelineCountry: r.dateline?.country ?? '',
    datelineDate: r.dateline?.date ?? '',
    issuerName: r.issuer?.name ?? '',
    issuerCountry: r.issuer?.country ?? '',
    sourceName: r.source.name ?? '',
    sourceUrl: r.source.url ?? '',
    language: r.language,
    meetingKinds: joined(r.meetings.map((m) => m.kind)),
    participants: joined(
      r.meetings.flatMap((m) => m.participants.map((p) => `${p.name} (${[p.roleKind, p.country, p.side].filter(Boolean).join(', ')})`)),
    ),
    topics: joined(r.topics),
    countries: joined(r.countries),
    initiatives: joined(r.initiatives.map((i) => (i.acronym ? `${i.name} (${i.acronym})` : i.name))),
    text: r.paragraphs.join('\n\n'),
  };
}

/**
 * One row per release, a header first (RFC 4180: quoted where needed, CRLF rows). Cells that a
 * spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first) get a leading `'`.
 */
export function csvExport(reads: ExecutorFactory): RequestHandler {
  return streamExport(
    'text/csv; charset=utf-8; header=present',
    async (rows, res) => {
      res.setHeader('content-disposition', 'attachment; filename="releases.csv"');
      const csv = stringify({ header: true, columns: [...CSV_COLUMNS], escape_formulas: true, record_delimiter: 'windows' });
      const done = new Promise<void>((resolve, reject) => {
        res.on('finish', resolve);
        res.on('close', resolve);
        csv.on('error', reject);
      });
      csv.pipe(res);
      for await (const row of rows) await write(csv, csvRecord(row));
      csv.end();
      await done;
    },
    reads,
  );
}
