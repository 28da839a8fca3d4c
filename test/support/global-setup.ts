// Once per `npm test`: find a Postgres server (TEST_DATABASE_URL, DATABASE_URL, or an embedded one
// started in a temp folder), then build two template databases, migrated with `prisma migrate
// deploy`: one with reference data only, one with the sample corpus too. Every test file clones
// its own database from a template (CREATE DATABASE ... TEMPLATE), so no test sees another's rows.
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../src/db/embedded';
import { migrateDeploy } from '../../src/db/migrate';
import { createDb } from '../../src/db/client';
import { loadReferenceData } from '../../src/domain/reference-data';
import { loadCorpus } from '../../src/domain/corpus';

declare global {
  // eslint-disable-next-line no-var
  var __testPg: { stop(): Promise<void>; dir?: string } | undefined;
}

export const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

export default async function globalSetup() {
  let serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (!serverUrl) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prg-test-pg-'));
    fs.chmodSync(dir, 0o755);
    const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'data') });
    globalThis.__testPg = { stop: pg.stop, dir };
    serverUrl = pg.url;
  }
  const run = `${Date.now().toString(36)}_${process.pid}`;
  const admin = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await admin.connect();
  const templates = { ref: `tmpl_ref_${run}`, corpus: `tmpl_corpus_${run}` };
  try {
    await admin.query(`CREATE DATABASE "${templates.ref}"`);
    const refUrl = withDatabase(serverUrl, templates.ref);
    await migrateDeploy(refUrl);
    const ref = createDb(refUrl);
    await loadReferenceData(ref);
    await ref.$disconnect();

    await admin.query(`CREATE DATABASE "${templates.corpus}" TEMPLATE "${templates.ref}"`);
    const corpus = createDb(withDatabase(serverUrl, templates.corpus));
    await loadCorpus(corpus);
    await corpus.$disconnect();
  } finally {
    await admin.end();
  }
  process.env.TEST_PG_SERVER_URL = serverUrl;
  process.env.TEST_TEMPLATE_REF = templates.ref;
  process.env.TEST_TEMPLATE_CORPUS = templates.corpus;
  process.env.TEST_RUN_ID = run;
}
