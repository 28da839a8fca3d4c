// A page of releases as a connection: every list of releases in the schema (the root query,
// a country's, a topic's, an initiative's) is one of these.
import DataLoader from 'dataloader';
import { perRequest, type Context } from '../context';
import { toConnection, withLazyCursor, type ConnectionArgs } from '../relay';
import { PressRelease, PressReleaseConnection, PressReleaseEdge } from './release.type';
import type { PressReleaseOrder } from './release.inputs';
import { countReleases, highlightReleases, rowHighlights, listReleases, type IncludedRows, type MeetingJson, type RankedReleaseRow, type ReleaseIncludes } from '../../read/releases';
import { encodeCursor } from '../../read/paging';
import type { ReleaseFilter } from '../../domain/filters';
import { isCompleteCountry, type CountryRow, type MeetingRow, type ReleaseField } from '../../read/rows';
import { Meeting } from '../meeting/meeting.type';

export async function releaseConnection(
  ctx: Context,
  filter: ReleaseFilter,
  order: PressReleaseOrder,
  page: ConnectionArgs,
  include: ReleaseIncludes & { highlights?: boolean; fields?: readonly ReleaseField[]; totalCount?: boolean } = {},
): Promise<PressReleaseConnection> {
  const result = await listReleases(ctx.sql, filter, order, page, { include, highlights: include.highlights, fields: include.fields, total: include.totalCount });
  const total = result.total;
  const search = filter.search || null;
  primeNested(ctx, result.rows);
  return toConnection(
    PressReleaseConnection,
    result,
    (row: RankedReleaseRow) => {
      // Assigned one by one (not Object.assign of a literal): a page builds one per row.
      const edge = new PressReleaseEdge();
      edge.node = PressRelease.from(row);
      // Made when the field is read: from the page's own highlight columns (read when the query
      // selects highlights), else by the request's loader (one statement for the page).
      if (search) {
        edge.highlightsOf = row.hlTitle !== undefined ? () => rowHighlights(row, result.highlight ?? null) : () => highlightLoader(ctx, search).load(row.id);
      }
      return withLazyCursor(edge, () => encodeCursor(result.sort, row));
    },
    // A RELEVANCE page that read the count with its window (listReleases, `total`) needs no statement.
    total !== undefined ? () => Promise.resolve(total) : () => countReleases(ctx.sql, filter),
  );
}

/** Highlights of one search, batched over the page's edges (a page that did not read them with its rows). */
const highlightLoader = (ctx: Context, search: string) =>
  perRequest(ctx, `highlights:${search}`, () =>
    new DataLoader<number, string[]>(async (ids) => {
      const map = await highlightReleases(ctx.sql, search, ids);
      return ids.map((id) => map.get(id) ?? []);
    }),
  );

const utcDay = (day: string) => new Date(`${day}T00:00:00Z`);

/** A meeting read as JSON in a release's statement (its day as text) as the GraphQL object. */
export function meetingFromJson(m: MeetingJson): Meeting {
  const meeting = Meeting.from(m as unknown as MeetingRow & MeetingJson);
  // Absent when the query did not select it (rows.ts, MEETING_FIELDS).
  if (m.date !== undefined) meeting.date = utcDay(m.date);
  return meeting;
}

/**
 * The countries a release statement read (a list's or a single release's: the release's own and
 * its participants') go into the request's country loader, so a dateline's or an issuer's country
 * among them costs no statement. The nested lists themselves stay on the release object
 * (`PressRelease.included`), where the field resolvers read them.
 */
export function primeNested(ctx: Context, rows: readonly IncludedRows[]) {
  const country = ctx.loaders.country;
  const prime = (c: CountryRow) => country.prime(c.code, c as CountryRow & { key: string });
  for (const r of rows) {
    if (r.countries) r.countries.forEach(prime);
    // A participant's country read with only the keys its query selected is not a whole row.
    if (!r.meetings) continue;
    for (const m of r.meetings) if (m.participants) for (const p of m.participants) if (p.country && isCompleteCountry(p.country)) prime(p.country);
  }
}
