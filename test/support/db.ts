// A fresh database per test file, cloned from a template the global setup built.
import crypto from 'node:crypto';
import { Client } from 'pg';
import { createDb, type Db, type DbOptions } from '../../src/db/client';

export interface TestDatabase {
  url: string;
  name: string;
  db: Db;
  /** The rows of one SQL statement, `$1`... bound to `values` (tests that check what triggers keep). */
  query<T = Record<string, unknown>>(text: string, ...values: unknown[]): Promise<T[]>;
  /** Runs one SQL statement: how many rows it touched. */
  execute(text: string, ...values: unknown[]): Promise<number>;
  /** Drops the database (and disconnects). */
  drop(): Promise<void>;
}

function serverUrl(database: string): string {
  const server = process.env.TEST_PG_SERVER_URL;
  if (!server) throw new Error('TEST_PG_SERVER_URL is unset: run the tests with `npm test` (jest global setup)');
  const u = new URL(server);
  u.pathname = `/${database}`;
  return u.toString();
}

async function admin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: serverUrl('postgres') });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

export async function createTestDatabase(
  template: 'ref' | 'corpus' = 'corpus',
  options: DbOptions = {},
): Promise<TestDatabase> {
  const tmpl = template === 'ref' ? process.env.TEST_TEMPLATE_REF : process.env.TEST_TEMPLATE_CORPUS;
  const name = `test_${process.env.TEST_RUN_ID}_${crypto.randomBytes(4).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${tmpl}"`));
  const url = serverUrl(name);
  const db = createDb(url, options);
  return {
    url,
    name,
    db,
    query: <T = Record<string, unknown>>(text: string, ...values: unknown[]) => db.$queryRawUnsafe<T[]>(text, ...values),
    execute: (text: string, ...values: unknown[]) => db.$executeRawUnsafe(text, ...values),
    drop: async () => {
      await db.$disconnect();
      await admin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

/**
 * Holds the named fold locks (the advisory locks a writer tries before folding a counts log:
 * 'release_facet_count_compact', 'release_cube_count_compact', 'release_lexeme_count_compact', ...)
 * from a session of its own until `release()`. Meanwhile no writer folds those logs (each folds at
 * random, about once per 20,000 appended rows, when it gets the lock), so a test can count on the
 * rows it appends staying in the log. count_logs_fold() waits for the locks: call it after release().
 */
export async function holdFoldLocks(url: string, locks: string[]): Promise<{ release(): Promise<void> }> {
  const holder = new Client({ connectionString: url });
  holder.on('error', () => undefined); // ended by the database's drop when a test failed before release()
  await holder.connect();
  await holder.query(`SELECT pg_advisory_lock(hashtext(l)) FROM unnest($1::text[]) l`, [locks]);
  return { release: () => holder.end() };
}

/** Ends the service's change-feed connection (`application_name` archive-change-feed) to the database at `url`: how many it ended. */
export async function terminateChangeFeed(url: string): Promise<number> {
  const admin = new Client({ connectionString: url });
  await admin.connect();
  try {
    const { rowCount } = await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'archive-change-feed' AND datname = current_database()`,
    );
    return rowCount ?? 0;
  } finally {
    await admin.end();
  }
}
