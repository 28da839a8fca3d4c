// The read side's way to the database: plain `pg` on the pool Prisma shares (src/db/client.ts),
// through one executor per request. Prisma's raw path cost a third of the throughput of plain pg
// on the same SQL (performance-notes.md); Prisma stays the data layer for schema, migrations and
// writes.
//
// An executor caps how many statements its request runs at once (the rest queue), so one request
// cannot take the whole pool: 28 aliased `facets` held all 10 connections while every other client
// waited (issue 10). Read replicas plug in here: `forRequest` may hand an anonymous request an
// executor on a replica's pool.
import type { Pool, PoolClient } from 'pg';
import { types as pgTypes } from 'pg';
import { Prisma } from '../generated/prisma/client';

export type Sql = Prisma.Sql;
/** SQL as a template: values become parameters (`sql\`… WHERE id = ${id}\``). */
export const sql = Prisma.sql;
export const join = Prisma.join;
export const raw = Prisma.raw;
export const empty = Prisma.empty;

/** A pool and who wants to hear of each statement (tests count them). */
export interface SqlSource {
  pool: Pool;
  onQuery?: (text: string) => void;
}

export interface SqlRunner {
  /** The rows of one statement. */
  query<T>(statement: Sql): Promise<T[]>;
}

export interface SqlExecutor extends SqlRunner {
  /** The database it reads (the same object for every request): a key for caches of its contents. */
  readonly database: object;
  /** Statements on one connection in one transaction (it holds one of the request's places meanwhile). */
  transaction<T>(work: (tx: SqlRunner) => Promise<T>): Promise<T>;
}

const DATE = 1082;
const TIMESTAMP = 1114;
const TIMESTAMPTZ = 1184;
const utcDate = (s: string) => new Date(`${s.length === 10 ? `${s}T00:00:00` : s.replace(' ', 'T')}Z`);
const parseTimestamptz = pgTypes.getTypeParser(TIMESTAMPTZ, 'text') as (s: string) => Date;
/** Two decimal digits at `i` as a number (NaN if they are not digits). */
const twoDigits = (s: string, i: number) => {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : NaN;
};
/**
 * A `timestamptz` as pg's parser (postgres-date) reads it, at a third of its cost: Postgres writes
 * one as "2025-05-23 10:00:00.123456+00" (DateStyle ISO; the zone "+05:30" where it has minutes),
 * read here digit by digit into `Date.UTC` (fractions past milliseconds truncated, as postgres-date
 * and V8 do). Anything else (BC, infinity, years before 100, a zone with seconds) goes to pg's
 * parser. A list reads three per row: postgres-date was 3 to 4% of a page's CPU in a profile.
 */
export function timestamptz(s: string): Date {
  const n = s.length;
  if (n < 22 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 32 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) {
    return parseTimestamptz(s);
  }
  let i = 19;
  let ms = 0;
  if (s.charCodeAt(i) === 46 /* . */) {
    let digits = 0;
    for (i++; i < n; i++) {
      const d = s.charCodeAt(i) - 48;
      if (d < 0 || d > 9) break;
      if (digits < 3) (ms = ms * 10 + d), digits++;
    }
    for (; digits < 3; digits++) ms *= 10;
  }
  const sign = s.charCodeAt(i);
  if (sign !== 43 /* + */ && sign !== 45 /* - */) return parseTimestamptz(s);
  let offset = twoDigits(s, i + 1) * 60;
  if (n === i + 6 && s.charCodeAt(i + 3) === 58) offset += twoDigits(s, i + 4);
  else if (n !== i + 3) return parseTimestamptz(s);
  const year = twoDigits(s, 0) * 100 + twoDigits(s, 2);
  const t =
    Date.UTC(year, twoDigits(s, 5) - 1, twoDigits(s, 8), twoDigits(s, 11), twoDigits(s, 14), twoDigits(s, 17), ms) -
    (sign === 45 ? -offset : offset) * 60_000;
  // Date.UTC reads years 0 to 99 as 1900 to 1999.
  return year >= 100 && !Number.isNaN(t) ? new Date(t) : parseTimestamptz(s);
}
/**
 * Values as Prisma's raw path returned them: a `date` is midnight UTC of its day and a timestamp
 * without zone is read as UTC (pg's default reads both in the process's time zone).
 */
const TYPES = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === DATE || oid === TIMESTAMP) return utcDate;
    if (oid === TIMESTAMPTZ && format !== 'binary') return timestamptz;
    return pgTypes.getTypeParser(oid, format ?? 'text');
  },
};

/** Parameters as Prisma sent them: instants as ISO strings, whatever the process's time zone. */
const param = (v: unknown) => (v instanceof Date ? v.toISOString() : v);

async function run<T>(client: Pool | PoolClient, source: SqlSource, statement: Sql): Promise<T[]> {
  const text = statement.text;
  source.onQuery?.(text);
  const result = await client.query({ text, values: statement.values.map(param), types: TYPES });
  return result.rows as T[];
}

/** At most `n` tasks at once; the others wait their turn in order. */
class Places {
  private waiting: (() => void)[] = [];
  constructor(private free: number) {}

  async hold<T>(task: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    }
  }
}

export function createExecutor(source: SqlSource, maxConcurrent: number): SqlExecutor {
  const places = new Places(Math.max(1, maxConcurrent));
  return {
    database: source,
    query: <T>(statement: Sql) => places.hold(() => run<T>(source.pool, source, statement)),
    transaction: <T>(work: (tx: SqlRunner) => Promise<T>) =>
      places.hold(async () => {
        const client = await source.pool.connect();
        let broken: unknown;
        try {
          await client.query('BEGIN');
          const out = await work({ query: <R>(statement: Sql) => run<R>(client, source, statement) });
          await client.query('COMMIT');
          return out;
        } catch (e) {
          broken = await client.query('ROLLBACK').then(
            () => undefined,
            (rollbackError: unknown) => rollbackError,
          );
          throw e;
        } finally {
          // A connection whose rollback failed is not given back to others.
          client.release(broken instanceof Error ? broken : undefined);
        }
      }),
  };
}

export interface ExecutorFactory {
  /**
   * The executor of one request (each request gets its own places). `primary`: the request must
   * read the primary (an editor reading its own writes); otherwise a replica may serve it.
   */
  forRequest(options?: { primary?: boolean }): SqlExecutor;
}

export function executorFactory(primary: SqlSource, statementsPerRequest: number): ExecutorFactory {
  return { forRequest: () => createExecutor(primary, statementsPerRequest) };
}
