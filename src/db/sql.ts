// The read side's way to the database: plain `pg` on the pool Prisma shares (src/db/client.ts),
// through one executor per request. Prisma's raw path cost a third of the throughput of plain pg
// on the same SQL (performance-notes.md); Prisma stays the data layer for schema, migrations and
// writes.
//
// An executor caps how many statements its request runs at once (the rest queue), so one request
// cannot take the whole pool: 28 aliased `facets` held all 10 connections while every other client
// waited (issue 10). Read replicas plug in here: `forRequest` may hand an anonymous request an
// executor on a replica's pool.
import type { Pool, PoolClient, QueryResult } from 'pg';
import { Query, types as pgTypes } from 'pg';
import { Prisma } from '../generated/prisma/client';
import { toIsoString } from '../iso-string';

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
  /**
   * Named statements each connection keeps (`prepared(...)` below; `DB_PREPARED_STATEMENTS`):
   * default 100; 0 sends every statement unnamed.
   */
  preparedPerConnection?: number;
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
const param = (v: unknown) => (v instanceof Date ? toIsoString(v) : v);

/**
 * Named prepared statements for the hot reads (issue 9, docs/performance.md, "Postgres's side"). An
 * unnamed statement is parsed, analysed and planned again at every execution: planning alone was
 * 0.45 to 1.5 ms of Postgres's CPU for a nested page or a release with everything on it, more than
 * executing it. A statement marked `prepared(...)` is sent with a name, one per SQL text: Postgres
 * parses it once per connection and, after five executions, keeps a generic plan when it costs no
 * more than the custom ones (PostGraphile's adaptor does the same). Only statements whose plan does
 * not depend on their parameters' values are marked (a page without filters, a row by its id, a
 * relevance search with its query over `match` decided in Node: src/read/releases.ts); a
 * `LIMIT` in them is written as a number (`limit()`), since a generic plan guesses a parameter's
 * limit at a tenth of the table and would never be chosen. Names are never reused for another text.
 * Each connection keeps at most `DB_PREPARED_STATEMENTS` statements: when full, it deallocates its
 * least recently used tenth in one round trip, so texts that vary (every selection of fields, every
 * page size, every issuer) cannot fill the server's memory; 0 sends every statement unnamed.
 */
const marked = new WeakSet<Sql>();
/** Marks a statement to run as a named prepared statement (see above). */
export function prepared(statement: Sql): Sql {
  marked.add(statement);
  return statement;
}

/**
 * A text written into the statement as a literal (E'…', every `'` and `\` doubled: the same value
 * whatever standard_conforming_strings says), for a value a prepared statement's plan should know
 * (its generic plan then is the custom one, and Postgres stops planning it at each execution).
 * Only for values of a small set (a search's lexemes, codes): each text is a statement of its own.
 */
export function literal(value: string): Sql {
  if (value.includes('\u0000')) throw new Error('a text literal cannot hold NUL');
  return raw(`E'${value.replace(/['\\]/g, (c) => c + c)}'`);
}

/** `LIMIT n` with n written into the text: a prepared statement's generic plan then knows it. */
export function limit(n: number): Sql {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`not a row count: ${n}`);
  return raw(`LIMIT ${n}`);
}

const names = new Map<string, string>();
let nextName = 0;
/** Distinct texts remembered; past it the map starts again (new names, never an old one reused). */
const MAX_NAMES = 10_000;
function nameOf(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    if (names.size >= MAX_NAMES) names.clear();
    name = `prg_${(nextName++).toString(36)}`;
    names.set(text, name);
  }
  return name;
}

export const DEFAULT_PREPARED_PER_CONNECTION = 100;

/** Per connection: the names it has prepared, least recently used first. */
const preparedOf = new WeakMap<PoolClient, Map<string, true>>();
/** pg's own record of a connection's parsed statements (it must forget a deallocated one). */
type Internals = { connection?: { parsedStatements?: Record<string, string> } };

async function runNamed<T>(client: PoolClient, keep: number, text: string, values: unknown[]): Promise<T[]> {
  const name = nameOf(text);
  let lru = preparedOf.get(client);
  if (!lru) preparedOf.set(client, (lru = new Map()));
  if (lru.has(name)) lru.delete(name);
  else if (lru.size >= keep) {
    // Full: the least recently used tenth goes at once, in one round trip (one a time cost a
    // round trip per statement to a crawl over more texts than a connection keeps).
    const parsed = (client as unknown as Internals).connection?.parsedStatements;
    const gone: string[] = [];
    for (const oldest of [...lru.keys()].slice(0, Math.max(1, Math.ceil(keep / 10)))) {
      lru.delete(oldest);
      // One whose Parse failed was never prepared.
      if (parsed?.[oldest] !== undefined) gone.push(oldest);
    }
    if (gone.length) {
      await client.query(gone.map((n) => `DEALLOCATE ${n}`).join('; '));
      for (const n of gone) delete parsed![n];
    }
  }
  lru.set(name, true);
  return submit<T>(client, new ReadQuery(text, values, name));
}

type Done = (err: Error | undefined, result: QueryResult) => void;
/**
 * One statement of the read side as pg's own Query, made from its text: given a config object,
 * pg copies it property descriptor by property descriptor (`cloneQueryConfig`, 2% of a flat page's
 * CPU in a profile), and wraps its answer in two promises of its own (docs/performance.md,
 * sixteenth round of issue 9). The statement's name and the type parsers are set as pg's
 * constructor sets them from a config.
 */
class ReadQuery extends Query {
  constructor(text: string, values: unknown[], name: string) {
    super(text, values);
    const q = this as unknown as { name: string; types: typeof TYPES; _result: { _types: typeof TYPES } };
    q.name = name;
    q.types = TYPES;
    q._result._types = TYPES;
  }
}

/** Runs `query` on `client` (src/db/pool-guard.ts watches it as any statement) and returns its rows. */
async function submit<T>(client: PoolClient, query: ReadQuery): Promise<T[]> {
  try {
    return await new Promise<T[]>((resolve, reject) => {
      (query as unknown as { callback: Done }).callback = (err, result) => (err ? reject(err) : resolve(result.rows as T[]));
      client.query(query);
    });
  } catch (e) {
    // As pg does for its promises: the error's stack leads back here, not to the socket's read.
    if (e instanceof Error) Error.captureStackTrace(e);
    throw e;
  }
}

async function run<T>(client: Pool | PoolClient, source: SqlSource, statement: Sql): Promise<T[]> {
  const text = statement.text;
  source.onQuery?.(text);
  const values = statement.values.map(param);
  const keep = source.preparedPerConnection ?? DEFAULT_PREPARED_PER_CONNECTION;
  if (keep <= 0 || !marked.has(statement)) {
    const result = await client.query({ text, values, types: TYPES });
    return result.rows as T[];
  }
  if ('release' in client) return runNamed<T>(client, keep, text, values);
  // What pool.query does, with the connection in hand: an error the connection emits meanwhile is
  // heard (a plain pg Client with no listener would end the process), and a connection whose
  // statement failed is not given back.
  const connection = await client.connect();
  let failed: Error | undefined;
  const onError = (e: Error) => (failed ??= e);
  connection.once('error', onError);
  try {
    return await runNamed<T>(connection, keep, text, values);
  } catch (e) {
    failed ??= e instanceof Error ? e : new Error(String(e));
    throw e;
  } finally {
    connection.removeListener('error', onError);
    connection.release(failed);
  }
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
