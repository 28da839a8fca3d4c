// `npm run import -- <folder | file.jsonl | file.txt>`: releases into the database `npm start` uses,
// through the ingest path (src/domain/bulk-import.ts). A progress bar on stderr; the summary and
// each failure with its reason on stdout; exit status 1 when any item failed, 130 when interrupted.
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { createDb } from '../db/client';
import { loadReferenceData } from '../domain/reference-data';
import { countItems, importItems, readItems } from '../domain/bulk-import';
import { openCommandDatabase } from './database';

const USAGE = 'usage: npm run import -- <folder of .txt files | file.jsonl | file.txt>';

async function main(): Promise<number> {
  const { positionals, values } = parseArgs({ options: { help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1) throw new Error(USAGE);
  const source = positionals[0];
  const total = await countItems(source); // also checks the source before the database is opened

  const target = await openCommandDatabase();
  const db = createDb(target.url, { poolSize: 2 });
  // The first Ctrl-C lets the release in progress finish (each is one transaction) and stops;
  // a second one exits at once.
  let interrupted = false;
  const onSignal = () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    process.stderr.write('\nstopping after the release in progress (Ctrl-C again to quit now)…\n');
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const bar = new SingleBar(
    {
      format: 'import |{bar}| {value}/{total} {percentage}% | new {stored}, already there {alreadyThere}, duplicates {duplicates}, failed {failed} | eta {eta_formatted}',
      stream: process.stderr,
      hideCursor: true,
      noTTYOutput: true,
      notTTYSchedule: 10000,
    },
    Presets.shades_classic,
  );
  try {
    await loadReferenceData(db);
    const counts = { stored: 0, alreadyThere: 0, duplicates: 0, failed: 0 };
    bar.start(total, 0, counts);
    const summary = await importItems(db, readItems(source), {
      shouldStop: () => interrupted,
      onItem: (_item, outcome) => {
        counts[outcome === 'duplicate' ? 'duplicates' : outcome]++;
        bar.increment(1, counts);
      },
    });
    bar.stop();
    const done = summary.stored + summary.alreadyThere + summary.duplicates + summary.failed.length;
    console.log(
      `import: ${summary.stored} new, ${summary.alreadyThere} already in the archive, ${summary.duplicates} duplicates within this import, ` +
        `${summary.failed.length} failed (${done} of ${total} read)`,
    );
    for (const f of summary.failed) console.log(`  failed ${f.label}: ${f.reason}`);
    if (summary.stopped) {
      console.log(`import: interrupted; run the same command again to import the remaining ${total - done} (what is stored is recognised and skipped)`);
      return 130;
    }
    return summary.failed.length ? 1 : 0;
  } finally {
    bar.stop();
    await db.$disconnect();
    await target.close();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(`import failed: ${e instanceof Error ? e.message : String(e)}`);
    console.error('what was stored stays stored: run the same command again to resume');
    process.exit(1);
  },
);
