// `npx prisma db seed` (and `npm run db:seed`): reference data and the sample corpus into the
// database DATABASE_URL names. Idempotent.
import 'reflect-metadata';
import { createDb } from '../db/client';
import { loadReferenceData } from '../domain/reference-data';
import { loadCorpus } from '../domain/corpus';

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: the seed needs a database to write to');
  const db = createDb(url);
  try {
    const ref = await loadReferenceData(db);
    const corpus = await loadCorpus(db);
    console.log(
      `seed: reference data (${ref.countries} countries, ${ref.topics} topics written); ` +
        `sample corpus: ${corpus.stored} stored, ${corpus.skipped} already there`,
    );
  } finally {
    await db.$disconnect();
  }
}

main().catch((e) => {
  console.error(`seed failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
