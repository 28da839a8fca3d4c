// A page of meetings as a connection: every list of meetings in the schema is one of these.
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context';
import { perSelection, selects } from '../selection';
import { participantColumnsAt } from '../nested-columns';
import { toConnection, withLazyCursor } from '../relay';
import { Meeting, MeetingConnection, MeetingEdge } from './meeting.type';
import { MeetingOrder } from './meeting.inputs';
import { countMeetings, listMeetings } from '../../read/meetings';
import { encodeCursor, type PageArgs } from '../../read/paging';
import { isCompleteCountry, type MeetingRow } from '../../read/rows';
import type { MeetingFilter } from '../../domain/filters';

/** Whether a page of meetings reads their participants, and which columns (once per query text). */
const participantsRead = perSelection((info: GraphQLResolveInfo) => {
  const path = ['edges', 'node', 'participants'];
  const withParticipants = selects(info, path);
  return { withParticipants, columns: withParticipants ? participantColumnsAt(info, path) : undefined };
});

export async function meetingConnection(
  ctx: Context,
  filter: MeetingFilter,
  order: MeetingOrder | null | undefined,
  page: PageArgs,
  info?: GraphQLResolveInfo,
): Promise<MeetingConnection> {
  // Participants the query asks for come in the page's own statement, on the meeting objects
  // (Meeting.includedParticipants); their countries also into the country loader.
  const result = await listMeetings(ctx.sql, filter, order !== MeetingOrder.DATE_ASC, page, info ? participantsRead(info) : {});
  for (const m of result.rows) {
    for (const p of m.participants ?? []) {
      if (p.country && isCompleteCountry(p.country)) ctx.loaders.country.prime(p.country.code, p.country as typeof p.country & { key: string });
    }
  }
  return toConnection(
    MeetingConnection,
    result,
    (row: MeetingRow) => withLazyCursor(Object.assign(new MeetingEdge(), { node: Meeting.from(row) }), () => encodeCursor(result.sort, row)),
    () => countMeetings(ctx.sql, filter),
  );
}
