import fs from 'node:fs';
import { Client } from 'pg';
import { withDatabase } from './global-setup';

export default async function globalTeardown() {
  const server = process.env.TEST_PG_SERVER_URL;
  const run = process.env.TEST_RUN_ID;
  if (server && run) {
    const admin = new Client({ connectionString: withDatabase(server, 'postgres') });
    await admin.connect();
    try {
      const { rows } = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`%${run}%`]);
      for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
    } finally {
      await admin.end();
    }
  }
  if (globalThis.__testPg) {
    await globalThis.__testPg.stop();
    if (globalThis.__testPg.dir) fs.rmSync(globalThis.__testPg.dir, { recursive: true, force: true });
  }
}
