// One keyset-pagination helper for every connection: Relay arguments in, a SQL plan out.
import { join, raw, sql, type Sql } from '../db/sql';
import { badInput } from '../errors';
import { wellFormed } from '../domain/text';
import { toIsoString } from '../iso-string';

export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** A sort column: its SQL and the Postgres type its cursor value is cast to. */
export interface SortColumn {
  sql: Sql;
  cast: 'timestamptz' | 'date' | 'int' | 'float8' | 'text';
  /** The row property that holds the column's value. */
  key: string;
}

export interface SortSpec {
  columns: SortColumn[];
  descending: boolean;
  /** Distinguishes cursors of different orders: a cursor of one is refused by another. */
  name: string;
}

export interface PagePlan {
  limit: number;
  backward: boolean;
  cursor: unknown[] | null;
  hadCursor: boolean;
}

export function encodeCursor(sort: SortSpec, row: object): string {
  const values = sort.columns.map((c) => {
    const v = (row as Record<string, unknown>)[c.key];
    return v instanceof Date ? toIsoString(v) : v;
  });
  return Buffer.from(JSON.stringify([sort.name, ...values])).toString('base64url');
}

/** What a cursor value must be for the Postgres type it is cast to (a forged one is refused, not a 500). */
const isoInstant = (v: unknown) =>
  typeof v === 'string' &&
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(v) &&
  !Number.isNaN(Date.parse(v)) &&
  new Date(v).toISOString().slice(0, 19) === v.slice(0, 19);
const VALID_CURSOR_VALUE: Record<SortColumn['cast'], (v: unknown) => boolean> = {
  int: (v) => Number.isInteger(v) && Math.abs(v as number) <= 2_147_483_647,
  float8: (v) => typeof v === 'number' && Number.isFinite(v),
  // Dates are written as instants too (encodeCursor writes a Date as its ISO string).
  timestamptz: isoInstant,
  date: isoInstant,
  text: (v) => typeof v === 'string' && wellFormed(v),
};

function decodeCursor(sort: SortSpec, cursor: string, field: string): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badInput(field, `\`${field}\` is not a cursor this API issued`);
  }
  if (!Array.isArray(parsed) || parsed[0] !== sort.name || parsed.length !== sort.columns.length + 1) {
    throw badInput(field, `\`${field}\` is not a cursor of this list and order`);
  }
  const values = parsed.slice(1);
  sort.columns.forEach((c, i) => {
    const v = values[i];
    const ok = VALID_CURSOR_VALUE[c.cast](v);
    if (!ok) throw badInput(field, `\`${field}\` is not a cursor this API issued`);
  });
  return values;
}

/** The size of a per-parent list (`participations(first:)`, `partners(first:)`): 0 to `max`. */
export function checkListSize(field: string, n: number, max: number): number {
  if (n < 0 || n > max) throw badInput(field, `\`${field}\` is between 0 and ${max}`);
  return n;
}

export function planPage(args: PageArgs, sort: SortSpec): PagePlan {
  const { first, last, after, before } = args;
  if (first != null && last != null) throw badInput('first', 'Pass `first` or `last`, not both');
  for (const [name, n] of [['first', first], ['last', last]] as const) {
    if (n == null) continue;
    if (n < 0) throw badInput(name, `\`${name}\` cannot be negative`);
    if (n > MAX_PAGE_SIZE) throw badInput(name, `\`${name}\` is at most ${MAX_PAGE_SIZE} (asked for ${n})`);
  }
  if (last != null || (before != null && first == null)) {
    if (after != null) throw badInput('after', 'Use `after` with `first`, `before` with `last`');
    return {
      limit: last ?? DEFAULT_PAGE_SIZE,
      backward: true,
      cursor: before != null ? decodeCursor(sort, before, 'before') : null,
      hadCursor: before != null,
    };
  }
  if (before != null) throw badInput('before', 'Use `after` with `first`, `before` with `last`');
  return {
    limit: first ?? DEFAULT_PAGE_SIZE,
    backward: false,
    cursor: after != null ? decodeCursor(sort, after, 'after') : null,
    hadCursor: after != null,
  };
}

/** `(a, b) < (x, y)`-style condition placing rows after the cursor, in the plan's direction. */
export function keysetCondition(sort: SortSpec, plan: PagePlan): Sql {
  if (!plan.cursor) return sql`TRUE`;
  const cols = join(sort.columns.map((c) => c.sql));
  const vals = join(
    // Floats travel as text, every digit kept: a rank off in its 17th digit would let a page
    // repeat itself.
    sort.columns.map((c, i) => {
      const v = plan.cursor![i];
      return sql`${c.cast === 'float8' ? String(v) : v}::${raw(c.cast)}`;
    }),
  );
  // Forward in a descending order means smaller keys; backward flips it.
  const op = sort.descending !== plan.backward ? '<' : '>';
  return sql`(${cols}) ${raw(op)} (${vals})`;
}

export function orderBy(sort: SortSpec, plan: PagePlan): Sql {
  const dir = sort.descending !== plan.backward ? 'DESC' : 'ASC';
  return join(
    sort.columns.map((c) => sql`${c.sql} ${raw(dir)}`),
    ', ',
  );
}

export interface Page<T> {
  rows: T[];
  hasNextPage: boolean;
  hasPreviousPage: boolean;
}

/** Rows come back `limit + 1` long to tell whether more exist; backward pages are re-reversed. */
export function finishPage<T>(rows: T[], plan: PagePlan): Page<T> {
  const more = rows.length > plan.limit;
  const page = rows.slice(0, plan.limit);
  if (plan.backward) page.reverse();
  return {
    rows: page,
    hasNextPage: plan.backward ? plan.hadCursor : more,
    hasPreviousPage: plan.backward ? more : plan.hadCursor,
  };
}
