// `npx prisma db seed` (and `npm run db:seed`): reference data and the sample corpus into the
// database `npm start` uses (DATABASE_URL, else the embedded one). Idempotent.
import 'reflect-metadata';
import { createDb } from '../db/client';
import { openCommandDatabase } from './database';
import { loadReferenceData } from '../domain/reference-data';
import { loadCorpus } from '../domain/corpus';

async function main() {
  const target = await openCommandDatabase();
  const db = createDb(target.url);
  try {
    const ref = await loadReferenceData(db);
    const corpus = await loadCorpus(db);
    console.log(
      `seed: reference data (${ref.countries} countries, ${ref.topics} topics written); ` +
        `sample corpus: ${corpus.stored} stored, ${corpus.skipped} already there`,
    );
  } finally {
    await db.$disconnect();
    await target.close();
  }
}

main().catch((e) => {
  console.error(`seed failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
