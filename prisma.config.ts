// Prisma CLI configuration: the JS engine with the pg driver adapter (no native engines needed,
// see README "How it is built"). The CLI loads this file before it reads the schema.
import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';

// `prisma generate` runs at install time, when no database exists yet: the schema's
// env("DATABASE_URL") must still resolve, or the CLI falls back to native engines.
process.env.DATABASE_URL ??= 'postgresql://postgres@127.0.0.1:5432/postgres';

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

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  schema: path.join('prisma', 'schema.prisma'),
  migrations: {
    path: path.join('prisma', 'migrations'),
    seed: 'npm run --silent db:seed',
  },
  adapter: async () => new PrismaPg(poolConfig(process.env.DATABASE_URL!)),
});
