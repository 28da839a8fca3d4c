// A page of releases as a connection: every list of releases in the schema (the root query,
// a country's, a topic's, an initiative's) is one of these.
import type { Context } from '../context';
import { toConnection, type ConnectionArgs } from '../relay';
import { PressRelease, PressReleaseConnection, PressReleaseEdge } from './release.type';
import type { PressReleaseOrder } from './release.inputs';
import { countReleases, listReleases, type RankedReleaseRow } from '../../read/releases';
import { encodeCursor } from '../../read/paging';
import type { ReleaseFilter } from '../../domain/filters';

export async function releaseConnection(
  ctx: Context,
  filter: ReleaseFilter,
  order: PressReleaseOrder,
  page: ConnectionArgs,
): Promise<PressReleaseConnection> {
  const result = await listReleases(ctx.sql, filter, order, page);
  return toConnection(
    PressReleaseConnection,
    result,
    (row: RankedReleaseRow) =>
      Object.assign(new PressReleaseEdge(), {
        cursor: encodeCursor(result.sort, row),
        node: PressRelease.from(row),
        search: filter.search ?? null,
      }),
    () => countReleases(ctx.sql, filter),
  );
}
