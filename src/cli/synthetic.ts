// `npm run db:synthetic -- --releases N [--seed S] [--batch-size B] [--concurrency C]`: N synthetic
// releases, varied from the sample corpus, into the database `npm start` uses (DATABASE_URL, else the
// embedded one), migrated and given its reference data first. Each run adds N more. Progress on stderr, a summary line on stdout.
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { createDb } from '../db/client';
import { openCommandDatabase } from './database';
import { migrateDeploy } from '../db/migrate';
import { loadReferenceData } from '../domain/reference-data';
import { loadSynthetic } from '../bench/synthetic';

const USAGE = 'usage: npm run db:synthetic -- --releases N [--seed S] [--batch-size 2000] [--concurrency 2]';

function positiveInt(name: string, value: string | undefined, fallback?: number): number {
  if (value === undefined) {
    if (fallback !== undefined) return fallback;
    throw new Error(`--${name} is required\n${USAGE}`);
  }
  if (!/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) {
    throw new Error(`--${name} must be a positive integer (got "${value}")\n${USAGE}`);
  }
  return Number(value);
}

async function main() {
  const { values } = parseArgs({
    options: {
      releases: { type: 'string' },
      seed: { type: 'string' },
      'batch-size': { type: 'string' },
      concurrency: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const releases = positiveInt('releases', values.releases);
  let seed: number | undefined;
  if (values.seed !== undefined) {
    if (!/^\d+$/.test(values.seed) || Number(values.seed) > 0xffffffff) throw new Error(`--seed must be an integer from 0 to 4294967295\n${USAGE}`);
    seed = Number(values.seed);
  }
  const batchSize = positiveInt('batch-size', values['batch-size'], 2000);
  const concurrency = positiveInt('concurrency', values.concurrency, 2);

  const target = await openCommandDatabase();
  try {
    await fill(target.url, { releases, seed, batchSize, concurrency });
  } finally {
    await target.close();
  }
}

async function fill(url: string, { releases, seed, batchSize, concurrency }: { releases: number; seed?: number; batchSize: number; concurrency: number }) {
  process.stderr.write('synthetic: migrating and loading reference data…\n');
  await migrateDeploy(url);
  const db = createDb(url, { poolSize: 1 });
  try {
    await loadReferenceData(db);
  } finally {
    await db.$disconnect();
  }

  const bar = new SingleBar(
    { format: 'synthetic |{bar}| {percentage}% {value}/{total} releases, {rate}/s, eta {eta_formatted}', stream: process.stderr, hideCursor: true, noTTYOutput: true, notTTYSchedule: 10000 },
    Presets.shades_classic,
  );
  const started = Date.now();
  bar.start(releases, 0, { rate: 0 });
  let counts;
  try {
    counts = await loadSynthetic(url, {
      releases,
      seed,
      batchSize,
      concurrency,
      onProgress: (done) => bar.update(done, { rate: Math.round(done / Math.max(0.001, (Date.now() - started) / 1000)) }),
    });
  } finally {
    bar.stop();
  }
  console.log(
    `synthetic: ${counts.releases} releases (run ${counts.runId}, seed ${counts.seed}), ${counts.meetings} meetings, ` +
      `${counts.participants} participants, ${counts.people} people, ${counts.initiatives} initiatives, ` +
      `${counts.initiativeMentions} initiative mentions, ${counts.personRoles} person roles in ${counts.seconds.toFixed(1)} s`,
  );
}

main().catch((e) => {
  console.error(`synthetic failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
