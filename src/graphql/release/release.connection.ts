// A page of releases as a connection: every list of releases in the schema (the root query,
// a country's, a topic's, an initiative's) is one of these.
import type { Context } from '../context';
import { toConnection, withLazyCursor, type ConnectionArgs } from '../relay';
import { PressRelease, PressReleaseConnection, PressReleaseEdge } from './release.type';
import type { PressReleaseOrder } from './release.inputs';
import { countReleases, highlightFragments, listReleases, type IncludedRows, type RankedReleaseRow, type ReleaseIncludes } from '../../read/releases';
import { encodeCursor } from '../../read/paging';
import type { ReleaseFilter } from '../../domain/filters';

export async function releaseConnection(
  ctx: Context,
  filter: ReleaseFilter,
  order: PressReleaseOrder,
  page: ConnectionArgs,
  include: ReleaseIncludes & { highlights?: boolean } = {},
): Promise<PressReleaseConnection> {
  const result = await listReleases(ctx.sql, filter, order, page, { include, highlights: include.highlights });
  primeNested(ctx, result.rows);
  return toConnection(
    PressReleaseConnection,
    result,
    (row: RankedReleaseRow) =>
      withLazyCursor(
        Object.assign(new PressReleaseEdge(), {
          node: PressRelease.from(row),
          search: filter.search ?? null,
          // Read in the page's statement when the query asked for highlights.
          computedHighlights: row.hlTitle !== undefined && row.hlBody !== undefined ? highlightFragments(row.hlTitle, row.hlBody) : undefined,
        }),
        () => encodeCursor(result.sort, row),
      ),
    () => countReleases(ctx.sql, filter),
  );
}

const utcDay = (day: string) => new Date(`${day}T00:00:00Z`);

/**
 * Nested rows a release statement read (a list's or a single release's) go into the request's
 * loaders, so the field resolvers of topics, countries, initiatives, meetings, participants and
 * their countries find them without a statement.
 */
export function primeNested(ctx: Context, rows: readonly (IncludedRows & { id: number })[]) {
  const l = ctx.loaders;
  for (const r of rows) {
    if (r.topics) l.topicsByRelease.prime(r.id, r.topics.map((t) => ({ ...t, key: r.id })));
    if (r.countries) {
      l.countriesByRelease.prime(r.id, r.countries.map((c) => ({ ...c, key: r.id })));
      for (const c of r.countries) l.country.prime(c.code, { ...c, key: c.code });
    }
    if (r.initiatives) l.initiativesByRelease.prime(r.id, r.initiatives.map((i) => ({ ...i, key: r.id })));
    if (!r.meetings) continue;
    l.meetingsByRelease.prime(
      r.id,
      r.meetings.map(({ participants, topics, ...m }) => ({ ...m, date: utcDay(m.date), key: r.id })),
    );
    for (const m of r.meetings) {
      if (m.topics) l.topicsByMeeting.prime(m.id, m.topics.map((t) => ({ ...t, key: m.id })));
      if (!m.participants) continue;
      l.participantsByMeeting.prime(m.id, m.participants.map((p) => ({ ...p, key: m.id })));
      for (const p of m.participants) if (p.country) l.country.prime(p.country.code, { ...p.country, key: p.country.code });
    }
  }
}
