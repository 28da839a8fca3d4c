// `npm run key:create -- --role EDITOR|ADMIN [--name "newsroom"]`: a new API key, written straight
// into the database `npm start` uses (no running service or ADMIN_TOKEN needed). The key is printed
// once on stdout and stored as a hash only, like every key.
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { createDb } from '../db/client';
import { createApiKey } from '../auth/api-keys';
import { ApiKeyRole } from '../generated/prisma/enums';
import { openCommandDatabase } from './database';

const USAGE = 'usage: npm run key:create -- --role EDITOR|ADMIN [--name "who it is for"]';

async function main() {
  const { values } = parseArgs({
    options: { role: { type: 'string' }, name: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const role = values.role?.toUpperCase();
  if (role !== ApiKeyRole.EDITOR && role !== ApiKeyRole.ADMIN) throw new Error(`--role must be EDITOR or ADMIN\n${USAGE}`);
  const name = (values.name ?? `${role.toLowerCase()} key`).trim();
  if (!name || name.length > 100) throw new Error(`--name must have 1 to 100 characters\n${USAGE}`);

  const target = await openCommandDatabase();
  const db = createDb(target.url, { poolSize: 1 });
  try {
    const { key, row } = await createApiKey(db, name, role);
    process.stderr.write(`Created ${row.role} key "${row.name}" (${row.prefix}…). It is shown this once: keep it.\n`);
    console.log(key);
  } finally {
    await db.$disconnect();
    await target.close();
  }
}

main().catch((e) => {
  console.error(`key:create failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
