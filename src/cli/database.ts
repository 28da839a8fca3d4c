// The database a command works on: the one `npm start` uses (DATABASE_URL, else the embedded
// Postgres of this checkout, running or started for the command), brought to the current schema.
import { openEmbeddedPostgres } from '../db/embedded';
import { migrateDeploy } from '../db/migrate';
import { configuredDatabaseUrl, redactUrl } from '../db/target';

export interface CommandDatabase {
  url: string;
  /** Stops an embedded server the command started; leaves anything else as it was. */
  close(): Promise<void>;
}

export async function openCommandDatabase(): Promise<CommandDatabase> {
  const configured = configuredDatabaseUrl();
  if (configured) {
    process.stderr.write(`Database: ${redactUrl(configured)} (DATABASE_URL)\n`);
    return { url: configured, close: async () => undefined };
  }
  const embedded = await openEmbeddedPostgres({ dataDir: process.env.EMBEDDED_PG_DIR || undefined });
  process.stderr.write(
    `Database: ${redactUrl(embedded.url)} (embedded, ${embedded.attached ? 'the running one' : 'started for this command'})\n`,
  );
  try {
    // A fresh checkout's database has no tables until the first `npm start`.
    if (!embedded.attached) await migrateDeploy(embedded.url);
  } catch (e) {
    await embedded.stop();
    throw e;
  }
  return { url: embedded.url, close: () => embedded.stop() };
}
