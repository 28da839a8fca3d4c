// Migrations are applied with Prisma's own `migrate deploy`, so the `_prisma_migrations` history a
// deployment sees is exactly what the service applied.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../paths';

const run = promisify(execFile);

export async function migrateDeploy(databaseUrl: string): Promise<string> {
  const cli = require.resolve('prisma/build/index.js', { paths: [projectRoot()] });
  const unrefTimers = path.join(projectRoot(), 'scripts', 'unref-long-timers.js');
  try {
    const { stdout } = await run(process.execPath, ['-r', unrefTimers, cli, 'migrate', 'deploy'], {
      cwd: projectRoot(),
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' },
      maxBuffer: 10 * 1024 * 1024,
    });
    return stdout;
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(`prisma migrate deploy failed: ${(err.stderr || err.stdout || err.message).trim()}`);
  }
}
