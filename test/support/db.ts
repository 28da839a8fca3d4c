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
