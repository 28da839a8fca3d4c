// A page of meetings as a connection: every list of meetings in the schema is one of these.
import type { Context } from '../context';
import { toConnection } from '../relay';
import { Meeting, MeetingConnection, MeetingEdge } from './meeting.type';
import { MeetingOrder } from './meeting.inputs';
import { countMeetings, listMeetings } from '../../read/meetings';
import { encodeCursor, type PageArgs } from '../../read/paging';
import type { MeetingRow } from '../../read/rows';
import type { MeetingFilter } from '../../domain/filters';

export async function meetingConnection(
  ctx: Context,
  filter: MeetingFilter,
  order: MeetingOrder | null | undefined,
  page: PageArgs,
): Promise<MeetingConnection> {
  const result = await listMeetings(ctx.sql, filter, order !== MeetingOrder.DATE_ASC, page);
  return toConnection(
    MeetingConnection,
    result,
    (row: MeetingRow) => Object.assign(new MeetingEdge(), { cursor: encodeCursor(result.sort, row), node: Meeting.from(row) }),
    () => countMeetings(ctx.sql, filter),
  );
}
