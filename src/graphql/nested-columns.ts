// What a statement reads of the rows it nests as JSON, from what the query selects below them
// (src/read/rows.ts, "Nested rows ... carry the columns of the fields the query selects").
import type { GraphQLResolveInfo } from 'graphql';
import { fieldNamesAt, selects } from './selection';
import { COUNTRY_FIELDS, PARTICIPANT_FIELDS, nestedColumns, type NestedColumns } from '../read/rows';
import type { NestedSelection } from '../read/releases';

/** The columns of nested rows at `path` for the fields the query selects there (undefined: all; rows.ts). */
export function columnsAt(info: GraphQLResolveInfo, path: readonly string[], map: NestedColumns): string[] | undefined {
  return nestedColumns(map, fieldNamesAt(info, path)) ?? undefined;
}

/** What the participants at `path` read: their columns and their countries' keys (null: no country selected). */
export function participantColumnsAt(info: GraphQLResolveInfo, path: readonly string[]): Pick<NestedSelection, 'participants' | 'participantCountry'> {
  const country = [...path, 'country'];
  return {
    participants: columnsAt(info, path, PARTICIPANT_FIELDS),
    participantCountry: selects(info, country) ? columnsAt(info, country, COUNTRY_FIELDS) : null,
  };
}

